"""Finding time expressions: extents trimmed the TimeML way, newspaper names and non-times dropped."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.timeline.extract import candidate_extents, find_times, tense_at

SAT = date(2013, 1, 19)


def _texts(nlp, text):
    return [text[a:b] for a, b in candidate_extents(text, nlp(text))]


def test_prepositions_and_possessives_are_trimmed(nlp):
    assert "Saturday" in _texts(nlp, "Gunmen were killed on Saturday, a source said.")
    assert "Wednesday" in _texts(nlp, "He was believed to be behind Wednesday's raid.")


def test_lists_are_split(nlp):
    found = _texts(nlp, "Inspections took place in February, March and April this year.")
    assert {"February", "March", "April", "this year"} <= set(found)


def test_newspaper_names_and_vague_words_are_not_times(nlp):
    found = _texts(nlp, "Algeria's El Watan daily quoted an officer. Earlier, the army had moved.")
    assert "daily" not in found and "Earlier" not in found


def test_our_patterns_add_what_spacy_misses(nlp):
    text = "The developments come a day after forces stormed the plant, leaking 1,000 barrels per day."
    found = _texts(nlp, text)
    assert "a day" in found and "per day" in found


def test_adjacent_pieces_join(nlp):
    text = "The 11 workers missing since the blast about 10 p.m. CDT Tuesday night would be rescued."
    assert any("10 p.m. CDT Tuesday night" in t for t in _texts(nlp, text))


def test_find_times_spans_slice_back_and_resolve(nlp):
    text = "Seven hostages were killed on Saturday. The assault took place mid-morning. Five were captured yesterday."
    found = find_times("s1", text, nlp(text), SAT)
    assert all(text[f.expression.span.start : f.expression.span.end] == f.expression.text for f in found)
    values = {f.expression.text: f.expression.value for f in found}
    assert values["Saturday"] == "2013-01-19"
    assert values["mid-morning"] == "2013-01-19TMO"  # the report's news day: its latest day named
    assert values["yesterday"] == "2013-01-18"


def test_without_publication_date_relative_times_stay_unresolved_with_a_note(nlp):
    text = "The plant was attacked on Wednesday in 2013."
    found = {f.expression.text: f.expression for f in find_times("s1", text, nlp(text), None)}
    assert found["Wednesday"].value is None and "no publication date" in found["Wednesday"].note
    assert found["2013"].value == "2013"


def test_tense(nlp):
    text = "The minister will meet them on Thursday. He met them on Monday."
    doc = nlp(text)
    assert tense_at(doc, text.index("Thursday"), text.index("Thursday") + 8) == "future"
    assert tense_at(doc, text.index("Monday"), text.index("Monday") + 6) == "past"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("abc Saturday yesterday 24 hours ago on, .'’-1990s")), max_size=80))
def test_any_text_gives_spans_that_slice_back(nlp, text):
    for f in find_times("s", text, nlp(text), SAT):
        assert text[f.expression.span.start : f.expression.span.end] == f.expression.text
        assert f.expression.value is not None or f.expression.note
