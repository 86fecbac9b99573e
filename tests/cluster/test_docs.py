"""Every ``newsfuse cluster`` option and every index.json key is documented in docs/cluster.md."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsfuse.cli import build_parser
from newsfuse.cluster.index import build_index
from newsfuse.cluster.model import StoredArticle

DOCS = (Path(__file__).resolve().parents[2] / "docs" / "cluster.md").read_text(encoding="utf-8")


def _cluster_parser() -> argparse.ArgumentParser:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices["cluster"]


def test_every_option_is_documented() -> None:
    options = [s for a in _cluster_parser()._actions for s in a.option_strings if s.startswith("--")]
    missing = [o for o in options if o not in DOCS and o != "--help"]
    assert not missing, f"document these in docs/cluster.md: {missing}"


def test_every_index_key_is_documented() -> None:
    article = StoredArticle("s-1", "story-1", None, None, "f.txt", "T", "O", None, None, "Some text.", None)
    index = build_index([article], {"story-1": None})
    keys = set(index) | set(index["stories"][0]) | set(index["stories"][0]["articles"][0])
    missing = sorted(k for k in keys if f"`{k}`" not in DOCS)
    assert not missing, f"document these index.json keys in docs/cluster.md: {missing}"


def test_index_page_escapes_titles_and_links_only_web_urls() -> None:
    from newsfuse.cluster.index_html import index_to_html

    bad = StoredArticle("s-1", "story-1", None, None, "f.txt", "<script>alert(1)</script>", "O",
                        "javascript:alert(1)", None, "Some text.", None)
    html = index_to_html(build_index([bad], {"story-1": None}))
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
