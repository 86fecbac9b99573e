"""What changed between briefing versions, and the text diff of an edited report."""

from newsfuse.serve.diff import briefing_diff, text_diff


def _briefing(sources=(), figures=(), timeline=(), entities=()):
    return {"sources": list(sources), "figures": list(figures), "timeline": list(timeline), "entities": list(entities)}


def _fig(label, status, *values):
    return {"label": label, "unit": None, "status": status, "values": [{"value": v} for v in values]}


def test_new_sources_figures_timeline_and_merged_names():
    old = _briefing([{"id": "s1"}], [_fig("hostages killed", "single", 23), _fig("troops", "consistent", 2500),
                                     _fig("wounded", "conflict", 5, 6)],
                    [{"date": "2013-01-16", "text": "Seized.", "sources": ["s1"]}],
                    [{"name": "Mokhtar Belmokhtar", "type": "PERSON", "aliases": ["Belmokhtar"]}])
    new = _briefing([{"id": "s1"}, {"id": "s2", "outlet": "AFP"}],
                    [_fig("hostages killed", "conflict", 23, 37), _fig("troops", "consistent", 3000),
                     _fig("wounded", "consistent", 6), _fig("militants", "single", 32)],
                    [{"date": "2013-01-16", "text": "Seized.", "sources": ["s1"]},
                     {"date": "2013-01-19", "text": "Ended.", "sources": ["s2"]}],
                    [{"name": "Mokhtar Belmokhtar", "type": "PERSON", "aliases": ["Belmokhtar", "Mr Marlboro"]}])
    d = briefing_diff(old, new)
    assert [s["id"] for s in d["new_sources"]] == ["s2"]
    assert {f["label"]: f["change"] for f in d["figures"]} == {
        "hostages killed": "disputed", "troops": "moved", "wounded": "settled", "militants": "new"}
    assert [t["date"] for t in d["timeline"]] == ["2013-01-19"]
    assert d["merged_names"] == [{"name": "Mokhtar Belmokhtar", "type": "PERSON", "merged": ["Mr Marlboro"]}]
    assert not d["empty"]


def test_same_briefing_has_no_changes_and_first_version_is_all_new():
    b = _briefing([{"id": "s1"}], [_fig("x", "single", 1)])
    assert briefing_diff(b, b)["empty"]
    assert briefing_diff(None, b)["new_sources"][0]["id"] == "s1"


def test_text_diff_marks_changed_sentences():
    rows = text_diff("Twenty died. The plant burned.", "Thirty died. The plant burned.")
    assert ("-", "Twenty died.") in rows and ("+", "Thirty died.") in rows
