"""Where the test corpora live; tests import this (pytest puts tests/ on sys.path)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "in-amenas"
SHARED = ROOT.parent / "shared"
DEEPWATER = SHARED / "corpus" / "deepwater-horizon"
LABELS = ROOT / "tests" / "data" / "labels"


def example_file(prefix: str) -> Path:
    return next(EXAMPLE.glob(f"{prefix}_*.txt"))


def need_shared(path: Path) -> Path:
    """Skip the calling test, saying why, when ../shared (research data read in place) is absent."""
    if not path.exists():
        pytest.skip(f"{path} is absent: it lives in ../shared beside the checkout (CI has it)")
    return path
REPO = ROOT


def load_labels(name: str) -> dict:
    """The time labels of one cluster (``times-NAME.json``)."""
    import json

    return json.loads((LABELS / f"times-{name}.json").read_text(encoding="utf-8"))


#: The cluster index pages say when they were made (to the minute); any re-run differs there.
_MADE_AT = re.compile(rb"on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC")


def output_files(folder: Path) -> dict[str, bytes]:
    """Every file a ``newsfuse cluster`` run wrote under ``folder``, the made-at minute blanked."""
    return {str(p.relative_to(folder)): _MADE_AT.sub(b"on <time>", p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}
