"""Issue 11, fifth stop: windows, gaps, clock times, particles, earlier events, flows and vague amounts
(made-up sentences, same shapes as the report5 split's failures)."""

from __future__ import annotations

from figures.test_claims_round4 import by_text, parsed, shown


def test_a_window_is_not_a_count_of_games(nlp):
    claims = parsed(nlp, "a", "The team has lost eight of their last 10 games. It won 18 of its next 23 games.")
    assert by_text(claims, "10").modality == "window"
    assert by_text(claims, "23").modality == "window"
    assert by_text(claims, "eight").modality == "asserted"


def test_the_base_of_a_share_is_a_window_but_a_noun_after_of_is_counted(nlp):
    claims = parsed(nlp, "a", "The club has lost eight of 10. Police said two of the 23 victims were children.")
    assert by_text(claims, "10").modality == "window"
    assert by_text(claims, "23").modality == "asserted"


def test_a_gap_is_a_difference(nlp):
    claims = parsed(nlp, "a", "The Knicks are three games ahead of Boston.")
    assert by_text(claims, "three").modality == "difference"


def test_a_family_description_counts_nothing(nlp):
    claims = parsed(nlp, "a", "A 59-year-old mother of two died when a drunken driver struck her.")
    assert by_text(claims, "two").modality == "generic"


def test_a_clock_time_in_two_tokens_is_no_claim(nlp):
    claims = parsed(nlp, "a", "The car struck her at about 7 p. m. on Friday, police said.")
    assert not any(c.value == 7 for c in claims)


def test_a_particle_that_changes_the_verb_names_no_event(nlp):
    claims = parsed(nlp, "a", "The team wound up with 40 wins and six losses after the trade.")
    assert by_text(claims, "40").predicate != "injured"


def test_a_past_perfect_narrative_is_an_earlier_event_but_reported_speech_is_not(nlp):
    claims = parsed(nlp, "a", "Early this month, the British navy had captured eight pirates off the coast. "
                              "Officials said 30 people had died in the fire.")
    assert by_text(claims, "eight").scope == "before"
    assert by_text(claims, "30").scope != "before"


def test_a_flow_never_groups_with_an_amount(nlp):
    figs = shown(nlp, {
        "a": "The cap is collecting 15,000 barrels of oil a day from the well.",
        "b": "The cap has collected 127,000 barrels of oil from the well so far.",
    })
    assert not any(f.status == "conflict" for f in figs)


def test_vague_amounts_alone_show_no_agreement(nlp):
    figs = shown(nlp, {
        "a": "The gangs have earned millions of dollars in ransoms.",
        "b": "Pirate gangs are raking in millions of dollars from ransoms.",
    })
    assert figs == []


def test_a_numbered_item_s_number_is_no_claim_but_a_count_before_a_full_stop_is(nlp):
    claims = parsed(nlp, "a", "They walked on stage to announce the winner.  2. A close-up photograph shows Beatty "
                              "puzzled. La La Land, the favourite, won 7. Any hope of a surprise was gone.")
    assert not any(c.value == 2 for c in claims)
    assert any(c.value == 7 for c in claims)



def test_a_fraction_or_a_ratio_is_a_share_not_a_count(nlp):
    # "Two-thirds" counts no "thirds", and "5-to-1" no "to-1 margin": shares stay out of every group.
    claims = parsed(nlp, "a", "Two-thirds of the senators voted for the deal. The committee backed it by a 5-to-1 margin.")
    assert by_text(claims, "Two-thirds").modality == "proportion"
    assert by_text(claims, "5-to-1 margin").modality == "proportion"
