"""Titles cut from a lead sentence (eighth stop): an "of" phrase completes its word."""

from __future__ import annotations

from newsfuse.config import DEFAULT_MODEL
from newsfuse.nlp.load import load_nlp
from newsfuse.summary.title import _hanging, headline_phrase

_NLP = load_nlp(DEFAULT_MODEL)


def test_an_of_phrase_is_not_cut_as_detail():
    sent = _NLP("Invoking extraordinary powers granted after the 1929 stock market crash, the government "
                "seized control of the insurance giant American International Group to preserve a crucial "
                "bulwark of the global financial system.")[:]
    assert headline_phrase(sent).startswith("The government seized control of the insurance giant")


def test_a_phrase_cut_before_whose_or_what_is_no_title():
    sent = _NLP("Potential jurors in Santa Clara County are apparently refusing to serve in the courtroom "
                "of the judge who handed down a six-month sentence to a former student convicted of assault.")[:]
    phrase = headline_phrase(sent)
    assert not phrase.endswith("courtroom")
    assert phrase.endswith("…") or _hanging(sent, phrase)
