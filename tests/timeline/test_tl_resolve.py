"""The resolver, rule by rule: TIMEX3 values against a publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.timeline.resolve import Context, dateparser_day, iso_week, nearest_year, resolve, weekday_date

SAT = date(2013, 1, 19)  # a Saturday
MON = date(2010, 4, 26)  # a Monday


@pytest.mark.parametrize(
    ("text", "published", "value", "type_"),
    [
        ("Saturday", SAT, "2013-01-19", "DATE"),  # same day as publication: that day, not a week back
        ("Wednesday", SAT, "2013-01-16", "DATE"),
        ("last Tuesday", MON, "2010-04-20", "DATE"),
        ("last Monday", MON, "2010-04-19", "DATE"),  # 'last' + today's weekday: a week back
        ("next Tuesday", SAT, "2013-01-22", "DATE"),
        ("yesterday", SAT, "2013-01-18", "DATE"),
        ("earlier today", SAT, "2013-01-19", "DATE"),
        ("Last night", date(2013, 1, 21), "2013-01-20TNI", "TIME"),
        ("Saturday evening", date(2013, 1, 21), "2013-01-19TEV", "TIME"),
        ("yesterday morning", MON, "2010-04-25TMO", "TIME"),
        ("about 10 p.m. CDT Tuesday night", date(2010, 4, 22), "2010-04-20T22:00", "TIME"),
        ("Thu Apr 22, 2010 7:30 pm EDT", None, "2010-04-22T19:30", "TIME"),
        ("January 18, 2013", None, "2013-01-18", "DATE"),
        ("21 January 2013", None, "2013-01-21", "DATE"),
        ("April 20", date(2010, 4, 27), "2010-04-20", "DATE"),
        ("last week", SAT, "2013-W02", "DATE"),
        ("this week", date(2010, 4, 25), "2010-W16", "DATE"),
        ("last year", SAT, "2012", "DATE"),
        ("the 1990s", SAT, "199", "DATE"),
        ("1991", SAT, "1991", "DATE"),
        ("first-quarter", date(2010, 4, 27), "2010-Q1", "DATE"),
        ("the first quarter of 2009", date(2010, 4, 27), "2009-Q1", "DATE"),
        ("Just over a week ago", date(2013, 1, 21), "2013-W03", "DATE"),
        ("more than 40 years ago", MON, "1970", "DATE"),
        ("now", SAT, "PRESENT_REF", "DATE"),
        ("the past", SAT, "PAST_REF", "DATE"),
        ("four-day", SAT, "P4D", "DURATION"),
        ("two days", SAT, "P2D", "DURATION"),
        ("11-year", SAT, "P11Y", "DURATION"),
        ("decades", SAT, "PXDE", "DURATION"),
        ("the last 24 hours", SAT, "PT24H", "DURATION"),
        ("the coming hours", SAT, "PTXH", "DURATION"),
        ("two to three months", SAT, "P2M", "DURATION"),
        ("at least another three days", SAT, "P3D", "DURATION"),
        ("each day", SAT, "P1D", "SET"),
        ("daily", SAT, "P1D", "SET"),
        ("every Thursday", SAT, "XXXX-WXX-4", "SET"),
        ("the end of the month", date(1990, 8, 13), "1990-08", "DATE"),
        ("fiscal 1989", date(1989, 11, 2), "1989", "DATE"),
        ("the latest quarter", date(1989, 11, 2), "1989-Q3", "DATE"),
        ("the year-ago quarter", date(1989, 11, 2), "1988-Q3", "DATE"),
        ("the 20th century", date(1989, 11, 2), "19", "DATE"),
        ("Late last week", date(1989, 11, 2), "1989-W43", "DATE"),
        ("every quarter", date(1989, 11, 2), "P1Q", "SET"),
    ],
)
def test_values(text, published, value, type_):
    found = resolve(text, Context(published))
    assert (found.value, found.type) == (value, type_)


def test_rate_versus_length_of_a_day():
    assert resolve("a day", Context(SAT, before="oil")).type == "SET"
    assert resolve("a day", Context(SAT, before="come", after="after")).value == "P1D"
    assert resolve("a day", Context(SAT, before="come", after="after")).type == "DURATION"


def test_future_tense_looks_ahead():
    assert resolve("Wednesday", Context(date(2010, 4, 27), tense="future")).value == "2010-04-28"
    assert resolve("Wednesday", Context(date(2010, 4, 27), tense="past")).value == "2010-04-21"
    assert resolve("the weekend", Context(date(2010, 4, 23), before="through")).value == "2010-W16-WE"
    assert resolve("the weekend", Context(MON)).value == "2010-W16-WE"  # Monday: the one just gone


def test_part_of_day_uses_the_day_named_in_the_text():
    found = resolve("mid-morning", Context(SAT, reference=date(2013, 1, 17)))
    assert (found.value, found.anchor) == ("2013-01-17TMO", "text")


def test_unresolved_says_why():
    found = resolve("yesterday", Context(None))
    assert found.value is None and "no publication date" in found.rule
    assert resolve("the final days", Context(SAT)).value is None


def test_day_month_year_follows_tense():
    assert nearest_year(3, 31, date(1989, 11, 1), "past") == date(1989, 3, 31)
    assert nearest_year(12, 15, date(1998, 11, 20), "future") == date(1998, 12, 15)
    assert nearest_year(12, 15, date(1998, 11, 20), "present") == date(1998, 12, 15)


def test_helpers():
    assert weekday_date(4, Context(SAT)) == date(2013, 1, 18)
    assert weekday_date(5, Context(SAT), strict_past=True) == date(2013, 1, 12)
    assert iso_week(date(2013, 1, 12)) == "2013-W02"


def test_dateparser_baseline_misses_same_day_weekdays():
    """The documented dateparser failure our weekday rule fixes: a Saturday report's 'Saturday'."""
    assert dateparser_day("Saturday", SAT) == date(2013, 1, 12)
    assert resolve("Saturday", Context(SAT)).value == "2013-01-19"


@given(st.text(max_size=40))
def test_any_text_resolves_or_says_why(text):
    found = resolve(text, Context(SAT))
    assert found.value is not None or found.rule


def test_dateparser_fallback_needs_a_month_or_a_numeric_date():
    assert resolve("35 - minute", Context(SAT)).value is None
    assert resolve("50 - year history", Context(SAT)).value != "1950-09-16"
    assert resolve("February the 27th", Context(date(2010, 2, 20), tense="future")).value == "2010-02-27"
