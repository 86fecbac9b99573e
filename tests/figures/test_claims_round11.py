"""Issue 11, eleventh stop: lives given back are no deaths, a verbless flow is not a named event's
flow, a bound beside its round value and a conversion beside its original are no conflict, and a
label says a word once (made-up sentences, the shapes of the report9 to report11 splits' failures)."""

from __future__ import annotations

import pytest

from claim_sentences import figures, parsed


def test_lives_given_back_are_not_deaths(nlp):
    (c,) = [c for c in parsed(nlp, "s", "The captain kept calm that night and gave 33 people back their lives.")
            if c.value == 33]
    assert c.predicate != "killed"


def test_lives_taken_are_still_deaths(nlp):
    (c,) = [c for c in parsed(nlp, "s", "The blast took the lives of 11 workers on the platform.") if c.value == 11]
    assert c.predicate == "killed"


@pytest.mark.parametrize("texts", [
    # a flow collected is not the flow of the leak
    {"a": "A tube was siphoning 1,000 barrels a day from the broken pipe, the company said.",
     "b": "Engineers said about 5,000 barrels a day were pouring into the gulf."},
    # a conversion beside its original is not compared alone
    {"a": "The tube has been siphoning more than 1,000 barrels a day, or 42,000 gallons, he said.",
     "b": "The tube was siphoning 1,000 barrels per day, officials said."},
])
def test_no_conflict_between_different_flows_nor_with_a_conversion(nlp, texts):
    assert not [f for f in figures(nlp, texts) if f.status == "conflict"]


def test_a_bound_beside_its_round_value_is_no_conflict(nlp):
    figs = figures(nlp, {
        "a": "The tube has been siphoning more than 1,000 barrels a day, the company said.",
        "b": "The tube was siphoning 1,000 barrels a day, officials said.",
    })
    assert [f.status for f in figs if len(f.values) > 1 or f.status != "single"] == ["consistent"]


def test_a_verb_already_in_the_label_is_not_said_twice(nlp):
    figs = figures(nlp, {
        "a": "The company put the cost of the clean-up at $350m on Monday.",
        "b": "The spill has cost the company $350m so far, it said.",
    })
    assert [f.label for f in figs if f.status != "single"] == ["cost (USD)"]


def test_a_running_log_of_earlier_days_starts_at_its_first_repeated_label():
    from newsfuse.figures.claims import log_start

    intro = "BP said on Monday the well was sealed.\n"
    log = "".join(f"In the Gulf: Crews worked on day {k}.\nAt the White House: The president met aides.\n" for k in range(6))
    assert log_start(intro + log) == len(intro)
    transcript = "".join(f"ANDERSON: Question {k}?\nGERGES: Answer {k}.\n" for k in range(6))
    assert log_start(intro + transcript) is None  # a transcript's speakers are no log
    assert log_start(intro + "In the Gulf: Crews worked.\n") is None  # one labelled line is no log


def test_a_count_in_a_running_log_is_no_figure_of_the_day(nlp):
    log = "".join(f"In the Gulf: Crews worked on the well.\nAt the White House: Aides met on day {k}.\n" for k in range(5))
    texts = {
        "a": "BP said the flow slowed to about 53,000 barrels a day before the well was capped.\n",
        "b": "A look back at each day of the spill.\n" + log + "In the Gulf: Oil was flowing at 5,000 barrels a day.\n",
    }
    assert not [f for f in figures(nlp, texts) if f.status == "conflict"]
    (c,) = [c for c in parsed(nlp, "b", texts["b"]) if c.value == 5000]
    assert c.scope == "before"
