"""Issue 12, seventeenth stop: a pronoun that is a preposition's object points back only inside the
subject ("The search for them …"), not as the verb's adjunct ("He spoke to them …", where the subject
decides)."""

from __future__ import annotations

import pytest

from newsfuse.config import DEFAULT_MODEL
from newsfuse.nlp.load import load_nlp
from newsfuse.summary.standalone import judge


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(DEFAULT_MODEL)


def test_an_adjunct_pronoun_object_leaves_the_subject_to_decide(nlp):
    verdict = judge(next(nlp("He spoke to them on Monday.").sents))
    assert not verdict.back and verdict.pronoun  # "He" is resolved against the summary, as before


def test_a_pronoun_object_inside_the_subject_points_back(nlp):
    verdict = judge(next(nlp("The search for them has been called off.").sents))
    assert verdict.back


def test_a_noun_subject_with_an_adjunct_pronoun_stands_alone(nlp):
    verdict = judge(next(nlp("Officials met with them in Paris on Tuesday.").sents))
    assert not verdict.back and not verdict.pronoun
