"""Issue 11, twelfth stop: an amount and its conversion in brackets share one rate word, an amount
"more a day" is an increment, a number inside a name counts nothing, and a number supposed for the
sake of argument is no one's figure (made-up sentences, the shapes of the report12 split's failures)."""

from __future__ import annotations

from claim_sentences import figures, parsed


def test_an_amount_and_its_conversion_share_the_rate_written_after_the_brackets(nlp):
    claims = parsed(nlp, "s", "As much as 9,000 barrels of crude (380,000 gallons or 1.4 million liters) a day "
                              "has been leaking from the pipe.")
    units = {c.value: c.unit for c in claims}
    assert units[9000].endswith("/day") and units[380000].endswith("/day")


def test_a_flow_is_never_grouped_with_a_total(nlp):
    figs = figures(nlp, {
        "a": "As much as 9,000 barrels of oil (380,000 gallons or 1.4 million liters) a day has been pouring into the sea.",
        "b": "By current estimates, some 20 million gallons of oil are in the sea now.",
    })
    assert not [f for f in figs if f.status != "single"]


def test_an_amount_more_a_day_is_an_increment(nlp):
    (c,) = [c for c in parsed(nlp, "s", "The new cap will raise the flow by at least 150,000 litres more a day.")
            if c.value == 150000]
    assert c.modality == "increment"


def test_a_number_inside_a_name_counts_nothing(nlp):
    claims = parsed(nlp, "s", "The slump sparked a wider fall on the FTSE 100 index yesterday, traders said.")
    assert not [c for c in claims if c.value == 100]


def test_a_number_supposed_for_the_sake_of_argument_is_hypothetical(nlp):
    (c,) = [c for c in parsed(nlp, "s", "For argument's sake, let's say some 500,000 gallons are flowing out per day.")
            if c.value == 500000]
    assert c.modality == "hypothetical"


def test_a_rate_written_once_after_two_coordinated_amounts_is_both(nlp):
    claims = parsed(nlp, "s", "An update said the platform was producing 9,000 gallons of oil and 400,000 cubic feet "
                              "of gas per day before the fire.")
    units = {c.value: c.unit for c in claims}
    assert units[9000].endswith("/day")


def test_a_count_whose_own_verb_names_another_event_does_not_join_the_deaths(nlp):
    figs = figures(nlp, {
        "a": "The explosion on the platform killed 11 workers, officials said.",
        "b": "At the oyster plant, business has collapsed. Eleven people have been let go.",
    })
    (killed,) = [f for f in figs if f.predicate == "killed"]
    assert len(killed.values) == 1 and len(killed.values[0].claims) == 1


def test_a_number_in_the_writers_aside_has_no_sayer(nlp):
    (c,) = [c for c in parsed(nlp, "s", "The general says the court overstated his role in the campaign, which "
                                        "involved the deaths of 40,000 civilians.") if c.value == 40000]
    assert c.attribution is None


def test_a_reporting_frame_after_the_aside_covers_it(nlp):
    (c,) = [c for c in parsed(nlp, "s", "The man entered the bar, which had at least 40 people inside, police said.")
            if c.value == 40]
    assert c.attribution == "police"


def test_an_aside_that_names_its_own_sayer_keeps_it(nlp):
    (c,) = [c for c in parsed(nlp, "s", "The agency is drafting rules aimed at human error, which it identified as "
                                        "a factor in more than 1,400 accidents.") if c.value == 1400]
    assert c.attribution is not None
