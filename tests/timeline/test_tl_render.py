"""The Timeline section in Markdown and HTML, and the JSON keys it reads."""

from __future__ import annotations

from newsfuse.render.html import briefing_to_html
from newsfuse.render.json import briefing_to_json
from newsfuse.render.markdown import briefing_to_markdown


def _data():
    return {
        "schema": "newsfuse.briefing/1",
        "story": {"title": "Siege", "first_date": "2013-01-16", "last_date": "2013-01-19"},
        "sources": [{"id": "a", "path": "a.txt", "url": None, "outlet": "AFP", "title": None, "published": "2013-01-19",
                     "published_from": "inferred", "published_note": None, "text": "Militants <script>x</script> seized it.",
                     "shares_text_with": [], "removed": []}],
        "entities": [], "claims": [], "figures": [], "times": [], "summary": [], "rejected": [],
        "independent_groups": [["a"]],
        "timeline": [
            {"date": "2013-01-16", "text": "Militants <script>x</script> seized it.", "sources": ["a"],
             "citations": [{"source": "a", "start": 0, "end": 10}], "inferred": True},
            {"date": "2013-01-19", "text": "The army ended the siege.", "sources": ["a"],
             "citations": [{"source": "a", "start": 0, "end": 10}], "inferred": False},
        ],
        "generator": {"name": "newsfuse", "version": "0", "options": {}},
    }


def test_markdown_has_a_heading_per_day_and_marks_inferred_dates():
    md = briefing_to_markdown(_data())
    assert "### Wednesday 16 January 2013" in md and "### Saturday 19 January 2013" in md
    assert "inferred publication date" in md.split("### Saturday")[0]
    assert "<script>" not in md


def test_html_is_a_timeline_by_day_with_sources_and_escaped():
    html = briefing_to_html(_data())
    section = html[html.index('id="timeline"') :]
    assert section.count('class="tl-day"') == 2
    assert "Wednesday 16 January 2013" in section and 'datetime="2013-01-16"' in section
    assert "<script>x</script>" not in section and "&lt;script&gt;" in section
    assert 'href="#source-a-0"' in section and "inferred publication date" in section


def test_json_times_and_timeline_point_back_to_text(example_briefing):
    data = briefing_to_json(example_briefing)
    texts = {s["id"]: s["text"] for s in data["sources"]}
    assert data["times"] and data["timeline"]
    for t in data["times"]:
        assert texts[t["source"]][t["start"] : t["end"]] == t["text"]
        assert t["value"] is not None or t["note"]
    dates = [e["date"] for e in data["timeline"]]
    assert dates == sorted(dates)
    for e in data["timeline"]:
        assert e["citations"] and set(e["sources"]) == {c["source"] for c in e["citations"]}


def test_undated_expressions_are_listed_not_hidden():
    data = _data()
    data["timeline"] = []
    data["times"] = [{"source": "a", "start": 0, "end": 9, "text": "Wednesday", "type": "DATE", "value": None,
                      "anchor": None, "note": "weekday: no publication date to resolve it against"}]
    html = briefing_to_html(data)
    assert "1 time expression could not be dated" in html and "no publication date" in html
    assert "Could not be dated (1)" in briefing_to_markdown(data)


def test_docs_describe_every_key_the_timeline_writes(example_briefing):
    """Like datasette's test_docs: a key missing from docs/timeline.md fails here."""
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "timeline.md").read_text(encoding="utf-8")
    data = briefing_to_json(example_briefing)
    keys = set(data["times"][0]) | set(data["timeline"][0])
    missing = sorted(k for k in keys if f"`{k}`" not in docs)
    assert not missing, f"document these keys in docs/timeline.md: {missing}"
