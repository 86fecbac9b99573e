"""Dating summary sentences for timeline order."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.model import Span, TimeExpression
from newsfuse.summary.when import resolve_relative, sentence_date

SAT = date(2013, 1, 19)


@pytest.mark.parametrize("phrase,expected", [
    ("on Wednesday", date(2013, 1, 16)),
    ("Saturday", SAT),  # the publication day itself, past tense
    ("last Saturday", date(2013, 1, 12)),
    ("yesterday", date(2013, 1, 18)),
    ("Last night", date(2013, 1, 18)),
    ("today", SAT),
])
def test_resolve_relative(phrase, expected):
    assert resolve_relative(phrase, SAT) == expected


def test_times_from_the_timeline_stage_win():
    span = Span("a", 0, 40)
    times = [TimeExpression(Span("a", 10, 18), "Thursday", "DATE", "2013-01-17", "published")]
    assert sentence_date(span, "The army on Saturday stormed the plant.", SAT, times) == date(2013, 1, 17)


def test_fallback_and_background():
    span = Span("a", 0, 40)
    assert sentence_date(span, "Gunmen seized the plant on Wednesday.", SAT, []) == date(2013, 1, 16)
    assert sentence_date(span, "Troops hold the plant.", SAT, []) == SAT
    assert sentence_date(span, "In 2009, BP was fined a record $87m.", date(2010, 4, 23), []) is None
    assert sentence_date(span, "Troops hold the plant.", None, []) is None
