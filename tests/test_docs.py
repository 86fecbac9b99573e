"""Every command-line option is documented (README for brief, docs/cluster.md for cluster); every contract key too."""

from __future__ import annotations

import argparse
import json

import pytest

from newsfuse.cli import build_parser

from corpus import ROOT


def _options(command: str) -> set[str]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return {s for action in sub.choices[command]._actions for s in action.option_strings
            if s.startswith("--") and s != "--help"}


@pytest.mark.parametrize("command, doc", [("brief", "README.md"), ("cluster", "docs/cluster.md"),
                                          ("serve", "docs/serve.md")])
def test_every_option_is_documented(command: str, doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    missing = sorted(o for o in _options(command) if o not in text)
    assert not missing, f"document {missing} in {doc}"


def test_every_contract_key_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    schema = json.loads((ROOT / "schema" / "briefing-1.json").read_text(encoding="utf-8"))
    missing = sorted(k for k in schema["properties"] if f"`{k}" not in readme)
    assert not missing, f"document {missing} in README's JSON contract"
