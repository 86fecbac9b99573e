"""Issue 11, thirteenth stop: money coming in (raised, earned) is never the sum of money going out
(spent, paid, cost) of the same value (made-up sentences, the shape of the report13 split's failure)."""

from __future__ import annotations

import pytest

from claim_sentences import figures, parsed


def test_money_raised_is_not_money_spent(nlp):
    (raised,) = [c for c in parsed(nlp, "s", "The firm is selling assets to raise $5 billion toward a $9 billion fund.")
                 if c.value == 5e9]
    (cost,) = [c for c in parsed(nlp, "s", "The tax credit will cost taxpayers almost $5 billion, the firm said.")
               if c.value == 5e9]
    assert raised.predicate == "raised" and cost.predicate == "spent"


def test_a_sum_raised_and_a_sum_that_costs_do_not_agree(nlp):
    figs = figures(nlp, {
        "a": "The firm is selling assets to raise $5 billion toward a $9 billion fund.",
        "b": "The tax credit will cost taxpayers almost $5 billion, the firm said on Tuesday.",
    })
    assert not [f for f in figs if f.status != "single"]


_IT_SAID = "It said the ships were collecting about 17,000 barrels of oil a day."


@pytest.mark.parametrize(("before", "sayer"), [
    # a person quoted between the organisation and "It said": the organisation, never the person
    ("Acme Corp said on Monday that it would pay for the clean-up.\n\"We have had to hire more engineers,\" "
     "said John Smith, who runs a pump maker.\nThe company is still collecting some of the oil.\n", "Acme Corp"),
    # the name the line before opens with, untagged, after a quotation the parser ran into it
    ("\"We are busy,\" said John Smith, who runs a pump maker.\n\"It will keep us busy for years.\"\n"
     "BP is still pressing ahead with operations to collect the oil.\n", "BP"),
])
def test_it_says_for_an_organisation_never_a_person(nlp, before, sayer):
    (c,) = [c for c in parsed(nlp, "s", before + _IT_SAID) if c.value == 17000]
    assert c.attribution == sayer


def test_a_report_that_asserts_or_finds_is_the_source(nlp):
    (a,) = [c for c in parsed(nlp, "s", "The company's report asserted that a series of failures led to the blast "
                                        "on the rig, killing 11 people.") if c.value == 11]
    assert a.attribution and "report" in a.attribution
    (b,) = [c for c in parsed(nlp, "s", "The announcement came after a review by the council that found the firm "
                                        "received exemptions for its well that exploded in April, killing 11 workers.")
            if c.value == 11]
    assert b.attribution in {"a review by the council", "the council"}  # whose review found it


def test_whoever_finds_a_count_is_not_its_source(nlp):
    (c,) = [c for c in parsed(nlp, "s", "Divers found 30 bodies near the wreck on Tuesday.") if c.value == 30]
    assert c.attribution is None


def test_oil_that_spews_is_a_leak_not_oil_collected(nlp):
    figs = figures(nlp, {
        "a": "Up to 5,000 barrels of oil a day continue to spew into the water beneath the site of the rig.",
        "b": "It said piping oil to two vessels was collecting about 17,000 barrels of oil a day.",
    })
    assert not [f for f in figs if f.status != "single"]
