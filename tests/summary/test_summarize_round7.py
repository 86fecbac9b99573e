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


def test_a_name_is_never_cut_inside():
    sent = _NLP("The Academy of Motion Picture Arts and Sciences announced Friday that Hugh Jackman will be the "
                "host of the 81st annual Oscars on Feb. 22 at the Kodak Theatre in Hollywood, California.")[:]
    phrase = headline_phrase(sent)
    assert "Academy of Motion Picture Arts and Sciences" in phrase or "Academy" not in phrase
