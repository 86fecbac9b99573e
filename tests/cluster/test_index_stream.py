"""The story index written a story at a time is the text of the whole index dumped at once."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.cluster.index import build_index, index_json_chunks, index_parts
from newsfuse.cluster.index_html import index_html_chunks, index_to_html
from newsfuse.cluster.model import StoredArticle
from newsfuse.cluster.output import write_chunks_if_changed

_TEXTS = ["", "One line.", "Quote \"x\" and\nnew line\u2028sep", "Ünïcode — “curly” <b>tag</b> & amp", "a" * 300]


def _article(k: int, story: int, text: str, dated: bool) -> StoredArticle:
    when = datetime(2020, 1, 1) + timedelta(days=k % 5) if dated else None
    return StoredArticle(f"a{k}", f"story-{story}", 0.5 if k % 2 else None, None, f"feed#{k}",
                         f"Title {k}" if k % 3 else None, "Outlet" if k % 4 else None,
                         f"https://example.org/{k}" if k % 2 else None, when, text, None, len(text))


articles = st.lists(st.tuples(st.integers(0, 6), st.sampled_from(_TEXTS), st.booleans()), max_size=25).map(
    lambda rows: [_article(k, story, text, dated) for k, (story, text, dated) in enumerate(rows)])


@settings(max_examples=150, deadline=None)
@given(articles, st.sets(st.integers(0, 6)), st.sets(st.integers(0, 6)), st.booleans())
def test_streamed_index_is_the_whole_index(found, briefed, failing, rejected) -> None:
    briefings = {f"story-{s}": ({"json": f"stories/story-{s}.json", "md": "m", "html": "h"} if s in briefed else None)
                 for s in range(7)}
    failed = {f"story-{s}": "it broke\nbadly" for s in failing}
    skipped = [{"path": "x.txt", "reason": "empty"}] if rejected else []
    options = {"threshold": 0.3, "window_days": 3, "embeddings": False}
    whole = build_index(found, briefings, skipped, options, failed)
    parts = index_parts(found, briefings, skipped, options, failed)
    assert "".join(index_json_chunks(parts)) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert "".join(index_html_chunks(parts)) == index_to_html(whole)


def test_chunks_are_written_only_when_they_change(tmp_path) -> None:
    path = tmp_path / "out" / "index.json"
    assert write_chunks_if_changed(path, iter(["a", "b"])) == [path]
    assert path.read_text(encoding="utf-8") == "ab"
    assert write_chunks_if_changed(path, iter(["ab"])) == []
    assert write_chunks_if_changed(path, iter(["a", "c"])) == [path]
    assert path.read_text(encoding="utf-8") == "ac"
    assert [p.name for p in path.parent.iterdir()] == ["index.json"]  # no temporary file left
