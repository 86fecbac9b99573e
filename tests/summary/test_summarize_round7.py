"""Titles cut from a lead sentence (seventh stop): when goes first, nothing left hanging."""

from __future__ import annotations

from newsfuse.config import DEFAULT_MODEL
from newsfuse.nlp.load import load_nlp
from newsfuse.summary.title import _hanging, headline_phrase

_NLP = load_nlp(DEFAULT_MODEL)


def test_a_time_adjunct_goes_before_what_the_verb_needs():
    sent = _NLP("House Republicans on Wednesday accused former IRS official Lois Lerner of breaking agency "
                "rules by aggressively urging denial of tax-exempt status to Crossroads GPS, the giant "
                "political nonprofit founded by Karl Rove.")[:]
    phrase = headline_phrase(sent)
    assert "Wednesday" not in phrase and "of breaking agency rules" in phrase


def test_a_finite_verb_whose_detail_was_cut_is_left_hanging():
    sent = _NLP("The mayor spoke at a long news conference that ran for hours in the city.")[:]
    assert _hanging(sent, "The mayor spoke at a long news conference that ran")
    assert not _hanging(sent, "The mayor spoke at a long news conference")



def test_a_headline_with_no_verb_states_no_development():
    from newsfuse.summary.title import _states

    assert not _states("How the Fed", _NLP)  # a headline a scraper's line break cut
    assert _states("BP vows to pay clean-up costs", _NLP)


def test_there_and_here_point_to_a_place_named_before():
    from newsfuse.summary.standalone import judge

    assert judge(_NLP("Long-necked dinosaurs called sauropods roamed there for millions of years.")[:]).back
    assert judge(_NLP("The protesters here are energized.")[:]).back
    assert not judge(_NLP("There were no injuries, police said.")[:]).skip  # an expletive
    assert not judge(_NLP("Rescuers arrived in Port-au-Prince on Sunday and worked there for three days.")[:]).skip


def test_another_as_a_subject_presupposes_one_told_before():
    from newsfuse.summary.standalone import judge

    assert judge(_NLP("Another elderly man said simply that he could help.")[:]).back
    assert not judge(_NLP("Police arrested another suspect on Friday.")[:]).skip
