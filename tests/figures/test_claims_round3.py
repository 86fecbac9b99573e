"""Issue 11, round 3: events, parts, habits and sayers, from the tune half (made-up sentences, same shapes)."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.figures.align import build_figures
from newsfuse.figures.claims import doc_claims
from newsfuse.figures.events import cause_of
from newsfuse.nlp.sentences import doc_sentences

DAY = date(2020, 4, 22)


def parsed(nlp, source, text):
    doc = nlp(text)
    return doc, doc_claims(source, doc, doc_sentences(source, doc), DAY)


def by_text(claims, number):
    return next(c for c in claims if number in c.text)


@pytest.mark.parametrize("text, number, cause", [
    ("A 25-vehicle pileup on the highway killed at least two people, police said.", "two", "pileup"),
    ("A huge snowstorm that swept the region left at least eight people dead.", "eight", "snowstorm"),
    ("Two people were killed by the blast in the market.", "Two", "blast"),
    ("Gunmen killed 20 people in the village.", "20", None),  # who acted, not which event
    ("An official had put the number of people held at 10.", "10", None),  # a sayer, not a cause
])
def test_cause_of_a_count(nlp, text, number, cause):
    doc, claims = parsed(nlp, "s", text)
    assert cause_of(doc, by_text(claims, number)) == cause


def _figures(nlp, texts, causes=True):
    claims, found = [], {}
    for sid, text in texts.items():
        doc, cs = parsed(nlp, sid, text)
        claims += cs
        if causes:
            found |= {c.id: cause_of(doc, c) for c in cs if cause_of(doc, c)}
    groups = tuple((sid,) for sid in texts)
    return build_figures(claims, groups, frozenset(), texts, causes=found)


def test_two_events_are_two_figures_not_a_conflict(nlp):
    figs = _figures(nlp, {
        "a": "A 30-car pileup on the interstate killed two people.",
        "b": "A 25-vehicle pileup killed at least two people. The snowstorm left at least eight people dead.",
    })
    shown = [f for f in figs if f.status != "single"]
    assert [f.status for f in shown] == ["consistent"]
    assert {v.value for v in shown[0].values} == {2}


def test_a_part_is_not_in_dispute_with_the_whole(nlp):
    figs = _figures(nlp, {
        "a": "Eleven military planes, one civil aircraft and 15 ships took part in the search.",
        "b": "Twelve aircraft and 15 ships took part in the search.",
    })
    assert not [f for f in figs if f.status == "conflict"]
    ships = next(f for f in figs if "ships" in f.label)
    assert ships.status == "consistent"


def test_equal_counts_with_more_words_stay_one_figure(nlp):
    figs = _figures(nlp, {
        "a": "Four acoustic signals were picked up by the locator.",
        "b": "The team heard four signals last week.",
    })
    assert [f.status for f in figs if "signals" in f.label] == ["consistent"]


@pytest.mark.parametrize("text, number", [
    ("In years past, the city hired two crews to clear the snow.", "two"),
    ("The festival typically draws 5,000 visitors to the town.", "5,000"),
])
def test_habitual_numbers_are_generic(nlp, text, number):
    _, claims = parsed(nlp, "s", text)
    assert by_text(claims, number).modality == "generic"


def test_a_document_is_said_by_its_issuer(nlp):
    _, claims = parsed(nlp, "s", "The school district sent home a letter that said two students were hurt.")
    assert "school district" in by_text(claims, "two").attribution


def test_a_quote_is_said_by_the_sayer_named_before_it(nlp):
    text = ("The county sheriff said the search ended on Tuesday.\n\n"
            "\"It is with heavy hearts that we write. It is our understanding that the two bodies were found.\"")
    _, claims = parsed(nlp, "s", text)
    assert "sheriff" in (by_text(claims, "two").attribution or "")


def test_the_sayer_is_not_cut_by_a_misattached_list(nlp):
    _, claims = parsed(nlp, "s", "Police confirmed that two bodies found Tuesday were the missing teens: Ann Lee, 14, "
                                  "and Mary Cole, 13.")
    assert by_text(claims, "two").attribution == "Police"


@pytest.mark.parametrize("text, number, context", [
    ("The couple spent more than 21 years in prison before they were freed.", "21", "prison"),
    ("They were in prison for 23 years, the court heard.", "23", "prison"),
])
def test_a_stay_is_a_duration_measure(nlp, text, number, context):
    _, claims = parsed(nlp, "s", text)
    c = by_text(claims, number)
    assert (c.kind, c.unit, c.counts, c.predicate) == ("measure", "years", context, None)


@pytest.mark.parametrize("text", ["The protests went on for three days.", "Two weeks ago the plant closed."])
def test_other_durations_count_nothing(nlp, text):
    _, claims = parsed(nlp, "s", text)
    assert claims == []


def test_a_places_measures_compare_and_other_places_stay_apart(nlp):
    figs = _figures(nlp, {
        "a": "The city of Madison, Wisconsin, got 15.2 inches on Wednesday.",
        "b": "In Madison, Wis., more than 19 inches of snow fell. The storm dropped up to 13 inches of snow on central Iowa.",
    }, causes=False)
    conflict = [f for f in figs if f.status == "conflict"]
    assert len(conflict) == 1 and {v.value for v in conflict[0].values} == {15.2, 19}


def test_stays_are_listed_never_grouped(nlp):
    """The term faced, the law's minimum, the sentence and the time served all say "in prison"."""
    figs = _figures(nlp, {
        "a": "The couple spent more than 21 years in prison.",
        "b": "He faced at least two years in prison. They were in prison for 23 years.",
    }, causes=False)
    assert all(f.status == "single" and len(f.values) == 1 for f in figs)
