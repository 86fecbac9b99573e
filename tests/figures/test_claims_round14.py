"""Issue 11, fourteenth stop: an earlier value the text says was replaced ('superseded'), a scenario,
a claim in the sayer's own noun phrase, confessions, drilled depths, one depth in two units and
another place's toll (made-up sentences, the shapes of the report8, report9 and report14 splits'
failures)."""

from __future__ import annotations

import pytest

from claim_sentences import figures, one_claim


@pytest.mark.parametrize(("text", "value"), [
    ("The Coast Guard initially pegged the leak at 1,000 barrels a day, then raised that to 5,000 barrels.", 1000),
    ("Officials kept raising their estimates of the flow from 1,000 barrels a day to 19,000 by late May.", 1000),
    ("The death toll rose from 7 to 23 on Sunday, officials said.", 7),
    ("An earlier estimate of 300 dead was revised on Monday by the ministry.", 300),
])
def test_an_earlier_value_replaced_since_is_superseded(nlp, text, value):
    assert one_claim(nlp, text, value).modality == "superseded"


@pytest.mark.parametrize(("text", "value"), [
    ("The Coast Guard initially pegged the leak at 1,000 barrels a day, then raised that to 5,000 barrels.", 5000),
    ("But the actual rate initially was 62,000 barrels a day, according to the scientists.", 62000),
    ("The death toll rose from 7 to 23 on Sunday, officials said.", 23),
])
def test_the_value_now_and_a_rate_at_the_start_stay_asserted(nlp, text, value):
    assert one_claim(nlp, text, value).modality == "asserted"


def test_a_superseded_value_makes_no_conflict(nlp):
    figs = figures(nlp, {
        "a": "The Coast Guard initially pegged the leak at 1,000 barrels a day on Monday.",
        "b": "Scientists said on Monday that the well was leaking 62,000 barrels a day.",
    })
    assert not [f for f in figs if f.status == "conflict"]


def test_a_scenario_is_hypothetical(nlp):
    c = one_claim(nlp, "The figure exceeds the company's early worst case scenario, of 60,000 barrels a day.", 60000)
    assert c.modality == "hypothetical"


def test_a_claim_describing_the_sayer_is_not_what_the_sayer_says(nlp):
    c = one_claim(nlp, "Jane Roe said the fund would pay quickly.\nMeanwhile, a worker on the platform - which exploded "
                    "and sank killing 11 workers - has told the BBC he had identified a leak weeks before.", 11)
    assert c.attribution is None


def test_a_relative_clause_that_says_the_claim_keeps_its_sayer(nlp):
    c = one_claim(nlp, "France, which said on Saturday that 2,000 of the 2,500 troops it had pledged were now on the "
                    "ground, said on Saturday that no more of its citizens were held.", 2000)
    assert c.attribution == "France"


@pytest.mark.parametrize("verb", ["admitted to smothering", "confessed to killing"])
def test_who_admits_a_fact_is_its_source(nlp, verb):
    c = one_claim(nlp, f"In a jail interview on Monday, Jane Roe {verb} her two children in September.", 2)
    assert c.attribution == "Jane Roe"


def test_a_depth_drilled_is_not_the_water_depth(nlp):
    drilled = one_claim(nlp, "The company succeeded in drilling a relief well nearly 18,000 feet below the ocean surface.",
                     18000)
    water = one_claim(nlp, "The Coast Guard says oil was leaking from the well 5,000 ft below the surface.", 5000)
    assert drilled.counts == "depth drilled" and water.counts == "depth under water"


def test_one_depth_in_two_units_and_two_roundings_agrees(nlp):
    figs = figures(nlp, {
        "a": "Oil spewed for weeks from the mile-deep (1.6 km deep) well until it was capped on Thursday.",
        "b": "The Coast Guard says oil was leaking from the well 5,000 ft below the surface on Thursday.",
    })
    assert not [f for f in figs if f.status == "conflict"]


def test_another_places_toll_has_its_place(nlp):
    c = one_claim(nlp, "Compare it with the chemical company whose leak killed more than 15,000 people at Bhopal in India.",
               15000)
    assert c.place and "Bhopal" in c.place


def test_a_measure_is_labelled_by_the_event_most_of_its_claims_name(nlp):
    figs = figures(nlp, {
        "a": "Here is a chronology: in all, 206m gallons of oil over the summer.",
        "b": "The well leaked 206 million gallons of oil into the gulf before it was capped, officials said.",
        "c": "Officials said the well had leaked 206 million gallons of oil into the gulf.",
    })
    (fig,) = [f for f in figs if f.status == "consistent"]
    assert "leak" in fig.label
