"""Issue 11, sixth stop: model names, house numbers, shootings, spaced scale words, what a sum is, and
counts of another event (made-up sentences, same shapes as the report6 split's failures)."""

from __future__ import annotations

import pytest

from figures.test_claims_round4 import by_text, parsed, shown


def test_a_model_name_is_part_of_what_is_counted(nlp):
    claims = parsed(nlp, "a", "The three boats were stopped. During the operation, six AK-47 rifles and 12 magazines were found.")
    six = by_text(claims, "six")
    assert "rifles" in six.counts and "boats" not in six.counts
    assert not any("47" == c.text for c in claims)


def test_a_house_number_is_no_claim(nlp):
    claims = parsed(nlp, "a", "She was walking into the store at 200 W. American Blvd. with her husband.")
    assert not any(c.value == 200 for c in claims)


def test_people_shot_are_their_own_event_and_shot_dead_is_killed(nlp):
    claims = parsed(nlp, "a", "A gunman shot three people at the office. Police shot dead two suspects. "
                              "A man was beaten to death by four attackers.")
    assert by_text(claims, "three").predicate == "shot"
    assert by_text(claims, "two").predicate == "killed"


def test_presumed_dead_stays_with_the_missing(nlp):
    claims = parsed(nlp, "a", "The rig sank with the loss of 11 workers, who are now presumed dead.")
    assert by_text(claims, "11").predicate != "killed"


def test_a_spaced_billion_after_a_currency_sign_scales(nlp):
    claims = parsed(nlp, "a", "BP said the cost of the clean-up had risen to $1.6 bn by Monday.")
    assert by_text(claims, "1.6").value == 1.6e9


def test_a_sum_is_what_the_sentence_says_reached_it(nlp):
    claims = parsed(nlp, "a", "The cost of cleaning up the spill had risen to $1.6bn. BP estimated the costs at $2bn. "
                              "Oil spill costs hit $3bn on Friday.")
    assert by_text(claims, "1.6").counts == "cost"
    assert by_text(claims, "2bn").counts == "costs"
    assert by_text(claims, "3bn").counts.endswith("costs")


def test_two_outlets_recalling_an_earlier_years_toll_make_no_figure(nlp):
    figs = shown(nlp, {
        "a": "In 2005, an explosion at the refinery killed 15 people.",
        "b": "In 2005, a blast at the same refinery killed 15 people.",
    })
    assert figs == []


def test_a_time_phrase_on_the_first_of_two_verbs_scopes_both(nlp):
    claims = parsed(nlp, "a", "In early March, a gunman shot and wounded three people at a printing plant.")
    assert by_text(claims, "three").scope == "March"


def test_an_age_takes_no_period(nlp):
    claims = parsed(nlp, "a", "Jamal Williams, 32, was driving his 2008 Bentley when officers stopped him.")
    assert by_text(claims, "32").scope is None


def test_oil_collected_is_no_money_spent(nlp):
    claims = parsed(nlp, "a", "By last week the cap was collecting about 15,000 barrels of oil a day.")
    assert by_text(claims, "15,000").predicate == "collected"


def test_a_measure_under_a_verb_of_spending_is_no_money_spent(nlp):
    claims = parsed(nlp, "a", "A government panel raised its estimate to 35,000 barrels of oil a day.")
    assert by_text(claims, "35,000").predicate != "spent"


def test_flows_dated_weeks_apart_are_different_quantities():
    from datetime import date

    from newsfuse.figures.align import _flows_apart
    from newsfuse.model import Claim, Span

    def flow(day: date) -> Claim:
        return Claim(id=f"c{day}", span=Span("a", 0, 5), text="53,000 barrels", value=53000.0, qualifier="exact",
                     counts="", attribution=None, as_of=day, kind="measure", unit="barrels/day")

    assert _flows_apart(flow(date(2010, 6, 15)), flow(date(2010, 8, 2)))
    assert not _flows_apart(flow(date(2010, 4, 27)), flow(date(2010, 4, 29)))


@pytest.mark.parametrize("text, number, sayer", [
    # a passive verb of saying with no agent names no sayer
    ("The cap captures a fraction of the total leak, which is now estimated to be as much as 40,000 barrels a day.",
     "40,000", None),
    # a verb of saying the tagger read as a noun still names its subject
    ("Police allege Eric Allen Kirkpatrick, 61, opened fire at the party, killing Benjamin David Banky, 40.",
     "61", "Police"),
])
def test_who_says_it(nlp, text, number, sayer):
    assert by_text(parsed(nlp, "a", text), number).attribution == sayer
