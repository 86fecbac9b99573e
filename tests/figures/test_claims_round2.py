"""Issue 11, round 2: rules driven by the grown tune half (made-up sentences in the same shapes)."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.figures.claims import doc_claims
from newsfuse.nlp.sentences import doc_sentences

DAY = date(2020, 4, 22)


def claims_of(nlp, text, published=DAY):
    doc = nlp(text)
    return doc_claims("s", doc, doc_sentences("s", doc), published)


def by_text(nlp, text, number):
    return next(c for c in claims_of(nlp, text) if number in c.text)


@pytest.mark.parametrize("text, number, modality", [
    ("The weather service predicts 8 to 12 inches of snow in the hills.", "8 to 12", "forecast"),
    ("Four to seven feet of snow is forecast to fall in the mountains.", "Four to seven", "forecast"),
    ("The forecast calls for 5 to 7 inches of snow.", "5 to 7", "forecast"),
    ("More than 19 inches of snow fell in the city.", "19", "asserted"),
    ("The robots will try to close a 450-tonne valve on the sea floor.", "450", "asserted"),
])
def test_forecast_measures(nlp, text, number, modality):
    assert by_text(nlp, text, number).modality == modality


@pytest.mark.parametrize("text", [
    "He was diagnosed with stage 4 cancer last year.",
    "Flight 370 disappeared with its passengers.",
    "Senators approved the plan by a 52-46 vote.",
])
def test_numbers_that_name_or_tally_count_nothing(nlp, text):
    assert [c.text for c in claims_of(nlp, text) if c.kind == "count"] == []


def test_one_or_two_is_a_range(nlp):
    c = by_text(nlp, "The man planned an attack on one or two churches, the minister said.", "two")
    assert (c.low, c.high) == (1, 2)


def test_conversion_keeps_the_hedge(nlp):
    cs = claims_of(nlp, "About 5,000 barrels (210,000 gallons, 795,000 litres) a day are escaping.")
    assert {c.qualifier for c in cs} == {"about"}
    c = by_text(nlp, "The mud will be pumped into the well about a mile (1.5 km) underwater.", "1.5")
    assert c.qualifier == "about"


def test_depth_context(nlp):
    assert by_text(nlp, "Oil spews from a pipe 5,000 feet below the surface.", "5,000").counts == "depth under water"
    assert by_text(nlp, "The well reaches 13,000 feet below the seabed.", "13,000").counts == "depth below seabed"


def test_a_named_earlier_month_scopes_a_count(nlp):
    c = by_text(nlp, "Militants killed 17 people in January in attacks on a newspaper.", "17")
    assert c.scope == "January"
    same_month = by_text(nlp, "Militants killed 17 people in April.", "17")
    assert same_month.scope is None


def test_what_a_named_place_has_is_generic(nlp):
    c = by_text(nlp, "Flights were cancelled at Chicago's two airports.", "two")
    assert c.modality == "generic"


def test_between_and_more_than(nlp):
    c = by_text(nlp, "The well has been spewing between 504,000 and more than a million gallons a day.", "504,000")
    assert (c.low, c.high, c.unit) == (504000, 1_000_000, "gallons/day")
