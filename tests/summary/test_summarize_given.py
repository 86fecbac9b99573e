"""What a sentence takes as introduced by its article, and how selection and order honour it."""

from __future__ import annotations

import dataclasses

import pytest

from newsfuse.config import DEFAULT_MODEL
from newsfuse.model import Span
from newsfuse.nlp.load import load_nlp
from newsfuse.summary.given import Referents, article_referents
from newsfuse.summary.select import Scored, introduced_first, select, timeline_order
from newsfuse.summary.support import tfidf
from newsfuse.summary.text import Candidate


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(DEFAULT_MODEL)


def _referents(nlp, text: str) -> list[Referents]:
    doc = nlp(text)
    return article_referents(list(doc.sents))


def test_a_bare_definite_named_before_in_the_article_is_given(nlp):
    first, second = _referents(nlp, "An explosion sank the Deepwater Horizon drilling rig off Louisiana on Thursday. "
                                    "The rig belonged to Transocean and was leased to BP.")
    assert "n:rig" in first.gives and not first.needs
    assert second.needs == frozenset({"n:rig"})


def test_a_definite_never_named_before_is_new(nlp):
    # nothing earlier in the article names a deal: "the deals" here is not a reference back
    first, second = _referents(nlp, "Stocks rose sharply in Tokyo on Monday. "
                                    "The company announced record profits on Tuesday.")
    assert not second.needs


def test_a_definite_that_says_which_one_needs_nothing(nlp):
    _, second = _referents(nlp, "The rig exploded on Tuesday night. "
                                "The rig that BP leased from Transocean sank two days later.")
    assert not second.needs


def test_a_surname_after_a_full_name_needs_the_full_name(nlp):
    first, second = _referents(nlp, "Philadelphia 76ers president Billy King fired the coach on Monday. "
                                    "King said the team had not played well enough this season.")
    assert "p:king" in first.gives
    assert "p:king" in second.needs


def test_a_sentence_naming_the_full_name_itself_needs_nothing_for_it(nlp):
    _, second = _referents(nlp, "Billy King fired the coach on Monday. "
                                "Team president Billy King said King had made the call alone.")
    assert "p:king" not in second.needs


def _scored(pos: int, terms: list[str], needs=(), gives=(), words=10) -> Scored:
    cand = Candidate(Span("a", pos * 100, pos * 100 + 50), " ".join(["w"] * words) + ".", tuple(terms), pos, words)
    return Scored(cand, tfidf(terms, {t: 1.0 for t in terms}), 0.2, 1, frozenset(terms), None,
                  Referents(frozenset(needs), frozenset(gives)))


def test_selection_takes_a_dependent_sentence_only_after_its_introduction():
    intro = _scored(0, ["explosion", "rig"], gives={"n:rig"})
    dependent = dataclasses.replace(_scored(3, ["transocean", "owner"], needs={"n:rig"}), centrality=0.9)
    assert select([dependent], {}, 1, budget=100) == []
    chosen = select([dependent, intro], {}, 1, budget=100)
    assert chosen[0] is intro and dependent in chosen


def test_order_moves_a_dependent_sentence_after_what_introduces_it():
    dependent = _scored(3, ["transocean"], needs={"p:king"})
    other = _scored(1, ["stocks"])
    intro = _scored(0, ["king", "coach"], gives={"p:king"})
    assert introduced_first([dependent, other, intro]) == [other, intro, dependent]
    assert timeline_order([dependent, intro])[0] is intro  # a sentence with needs never leads


def test_a_title_and_surname_after_a_full_name_needs_the_full_name(nlp):
    _, second = _referents(nlp, "Conrad Murray went on trial in Los Angeles on Tuesday. "
                                "Dr Murray denies involuntary manslaughter.")
    assert "p:murray" in second.needs


def test_any_word_of_a_full_name_refers_back_to_it(nlp):
    # a family name written first ("Ban Ki-moon") is used alone as much as a last one
    first, second = _referents(nlp, "UN Secretary-General Ban Ki-moon met President Vladimir Putin in Moscow on Thursday. "
                                    "Interfax quoted Ban as saying he was deeply concerned.")
    assert "p:ban" in first.gives
    assert "p:ban" in second.needs
