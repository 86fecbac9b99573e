"""Disputed-figure sentences from hand-built Figure and Claim objects."""

from __future__ import annotations

from newsfuse.model import Claim, Figure, FigureValue, Source, Span
from newsfuse.summary.disputed import disputed_sentence, value_phrase, who_says
from newsfuse.summary.stage import _carried

TEXT_A = "The interior ministry said 23 hostages were killed. Other news."
TEXT_B = "Reports indicated that the operation claimed the lives of 48 hostages."
TEXT_C = "Security sources said at least 37 hostages died in the assault."
SOURCES = {s.id: s for s in (Source("a", TEXT_A, outlet="Nation"), Source("b", TEXT_B, outlet="WSWS"),
                             Source("c", TEXT_C, outlet="Reuters"))}


def _claim(cid, sid, text, number, value, attribution=None, qualifier="exact"):
    at = text.index(number)
    return Claim(cid, Span(sid, at, at + len(number)), number, value, qualifier, "hostages killed", attribution)


CLAIMS = {c.id: c for c in (
    _claim("c1", "a", TEXT_A, "23", 23, "the interior ministry"),
    _claim("c2", "b", TEXT_B, "48", 48),
    _claim("c3", "c", TEXT_C, "37", 37, "security sources", "at least"),
)}
FIGURE = Figure("f1", "hostages killed", "conflict", (
    FigureValue(48, "exact", ("b",), ("c2",)),
    FigureValue(23, "exact", ("a",), ("c1",)),
    FigureValue(37, "at least", ("c",), ("c3",)),
))


def test_range_sentence_states_who_says_what_and_cites_each_value():
    s = disputed_sentence(FIGURE, CLAIMS, SOURCES)
    assert s.text == ("Reports of hostages killed disagree: 48 (WSWS), 23 (the interior ministry) "
                      "and at least 37 (security sources).")  # undated: in the figure's order
    assert s.disputed and s.kind == "disputed"
    assert set(s.citations) == {c.span for c in CLAIMS.values()}
    assert sorted(SOURCES[c.source].slice(c) for c in s.citations) == ["23", "37", "48"]


def test_two_values_need_no_in_between():
    fig = Figure("f2", "hostages killed", "conflict", FIGURE.values[:2])
    assert disputed_sentence(fig, CLAIMS, SOURCES).text == (
        "Reports of hostages killed disagree: 48 (WSWS) and 23 (the interior ministry).")


def test_newest_first_and_at_most_four_values():
    from datetime import date

    vals = tuple(FigureValue(float(n), "exact", ("a",), ("c1",), as_of=date(2013, 1, d)) for n, d in
                 ((10, 17), (20, 18), (30, 19), (40, 20), (50, 21)))
    text = disputed_sentence(Figure("f4", "hostages killed", "conflict", vals), CLAIMS, SOURCES).text
    assert text.startswith("Reports of hostages killed disagree: 50 (the interior ministry), 40 ")
    assert "10" not in text and text.endswith("and 20 (the interior ministry).")


def test_one_value_with_claims_is_not_a_dispute():
    fig = Figure("f3", "x", "conflict", (FIGURE.values[0], FigureValue(5, "exact", ("z",), ("missing",))))
    assert disputed_sentence(fig, CLAIMS, SOURCES) is None


def test_only_conflicts_carried_by_a_chosen_span():
    consistent = Figure("f4", "y", "consistent", FIGURE.values)
    sentence_a = Span("a", 0, TEXT_A.index(".") + 1)
    other = Span("a", TEXT_A.index("Other"), len(TEXT_A))
    wanted = {"f1": None, "f4": None}
    assert _carried([sentence_a, other], [consistent, FIGURE], CLAIMS, wanted) == {sentence_a: ("f1",), other: ()}


def test_phrases():
    assert value_phrase(1000, "exact") == "1,000" and value_phrase(32, "up to") == "up to 32"
    assert who_says(["c2"], CLAIMS, SOURCES) == "WSWS"


def test_outlet_fallback_is_the_sources_list_label():
    """Nineteenth stop: the headline, as the sources list labels a report with no outlet (it was the
    file name); the file name only without a headline."""
    sources = {"b": Source("b", TEXT_B, path="/x/003_abc.txt", title="Algeria launches second rescue effort")}
    assert who_says(["c2"], CLAIMS, sources) == "Algeria launches second rescue effort"
    assert who_says(["c2"], CLAIMS, {"b": Source("b", TEXT_B, path="/x/003_abc.txt")}) == "003_abc"


def test_values_in_several_units_name_their_units():
    import dataclasses

    text_a, text_b = "About 5m barrels of oil leaked.", "Some 3.5 million gallons of oil leaked."
    sources = {"a": Source("a", text_a, outlet="Guardian"), "b": Source("b", text_b, outlet="Fox")}
    claims = {
        "x": dataclasses.replace(_claim("x", "a", text_a, "5m", 5e6), unit="barrels"),
        "y": dataclasses.replace(_claim("y", "b", text_b, "3.5 million", 3.5e6), unit="gallons"),
    }
    fig = Figure("f5", "oil leaked (barrels, gallons)", "conflict",
                 (FigureValue(5e6, "exact", ("a",), ("x",)), FigureValue(3.5e6, "exact", ("b",), ("y",))))
    assert disputed_sentence(fig, claims, sources).text == (
        "Reports of oil leaked (barrels, gallons) disagree: 5,000,000 barrels (Guardian) and 3,500,000 gallons (Fox).")
    assert "barrels (" not in disputed_sentence(FIGURE, CLAIMS, SOURCES).text


def test_only_the_values_of_a_disagreement_are_named():
    """Nineteenth stop: a value the conflict holds that disagrees with no other (another day's
    count, recalled) is no side of the dispute; the figure still shows it."""
    import dataclasses

    fig = dataclasses.replace(FIGURE, disputed=("c1", "c2"))
    s = disputed_sentence(fig, CLAIMS, SOURCES)
    assert s.text == "Reports of hostages killed disagree: 48 (WSWS) and 23 (the interior ministry)."
    assert {c for c in s.citations} == {CLAIMS["c1"].span, CLAIMS["c2"].span}

