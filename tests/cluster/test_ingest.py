from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.cluster.ingest import parse_record, read_feed
from newsfuse.config import Settings
from newsfuse.errors import InputError

BODY = " ".join(["The oil rig burned for two days in the Gulf of Mexico before it sank, officials said."] * 6)


def _dump(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bad_records_are_reported_and_skipped(tmp_path: Path) -> None:
    good = json.dumps({"title": "Rig sinks", "text": BODY, "published": "2010-04-22T10:00:00Z", "outlet": "Wire"})
    path = _dump(tmp_path, [good, "{not json", json.dumps([1, 2]), json.dumps({"outlet": "x"}),
                            json.dumps({"text": BODY + " More.", "published": "last Tuesday"}), ""])
    feed = read_feed([str(path)], Settings())
    assert [a.title for a in feed.articles] == ["Rig sinks"]
    assert feed.articles[0].published == datetime(2010, 4, 22, 10, 0)
    reasons = {r.path.rsplit(":", 1)[1]: r.reason for r in feed.rejected}
    assert set(reasons) == {"2", "3", "4", "5"}
    assert "malformed JSON" in reasons["2"] and "ISO 8601" in reasons["5"]


def test_headline_only_record_is_kept_for_clustering(tmp_path: Path) -> None:
    path = _dump(tmp_path, [json.dumps({"title": "Fed official says weak data caused by weather", "text": "",
                                        "url": "http://example.com/a", "published": "2014-03-10T16:52:50Z"})])
    feed = read_feed([str(path)], Settings())
    assert len(feed.articles) == 1 and feed.articles[0].text == "" and feed.articles[0].id.startswith("h-")


def test_duplicate_articles_are_rejected_by_name(tmp_path: Path) -> None:
    rec = json.dumps({"title": "Rig sinks", "text": BODY})
    feed = read_feed([str(_dump(tmp_path, [rec, rec]))], Settings())
    assert len(feed.articles) == 1 and "same article as" in feed.rejected[0].reason


def test_parse_record_refuses_a_non_object() -> None:
    with pytest.raises(InputError):
        parse_record("[]", "f:1")


def test_folder_of_text_files_reads_its_manifest() -> None:
    corpus = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "deepwater-horizon"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus/deepwater-horizon is absent")
    feed = read_feed([str(corpus)], Settings())
    assert len(feed.articles) == 8 and all(a.published is not None for a in feed.articles)
    assert {a.outlet for a in feed.articles} >= {"Reuters", "BBC News"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_line_parses_or_raises_input_error(line: str) -> None:
    try:
        doc, _ = parse_record(line, "f:1")
    except InputError:
        return
    assert doc.content is not None and doc.origin == "f:1"


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(["text", "html", "title", "published", "outlet", "url"]),
                       st.one_of(st.text(max_size=50), st.integers(), st.none(), st.lists(st.integers(), max_size=2))))
def test_any_record_parses_or_raises_input_error(record: dict) -> None:
    try:
        parse_record(json.dumps(record), "f:1")
    except InputError:
        pass
