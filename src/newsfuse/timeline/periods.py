"""Time rules above the day: rates, weeks, weekends, months, quarters, years, 'ago' and lengths.

Each rule takes the normalised expression and a ``Context`` and returns a
``Resolution`` or None (not its shape); ``resolve.resolve`` tries them in order.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..words import (
    MONTH_NUMBER,
    MONTH_RE,
    NUMBER_RE,
    PARTS_OF_DAY,
    UNIT_CODE,
    UNIT_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    number_value,
)
from .timex import Anchor, Context, Resolution, day_value, is_future, iso_week, shift_month, unanchored

_SET = re.compile(rf"^(?:(?:each|every|per|a|an) (?P<unit>{UNIT_RE})|(?P<adv>daily|weekly|monthly|yearly|annually|nightly|hourly))$")
_ADVERB_UNIT = {"daily": "D", "weekly": "W", "monthly": "M", "yearly": "Y", "annually": "Y", "nightly": "D", "hourly": "H"}
#: Words after "a day" that make it a length ("a day after the attack"), not a rate.
RELATIONAL = {"after", "before", "earlier", "later", "ago", "since", "or", "and", "to"}


_WEEKDAY_SET = re.compile(rf"^(?:(?:each|every) (?P<wd>{WEEKDAY_RE})|(?P<wds>{WEEKDAY_RE})s)(?: (?P<part>morning|afternoon|evening|night)s?)?$")


def sets(norm: str, ctx: Context) -> Resolution | None:
    if w := _WEEKDAY_SET.match(norm):
        code = f"XXXX-WXX-{WEEKDAYS.index(w['wd'] or w['wds']) + 1}" + (f"T{PARTS_OF_DAY[w['part']]}" if w["part"] else "")
        return Resolution("SET", code, None, "set", None, "weekly")
    m = _SET.match(norm)
    if not m:
        return None
    if norm.startswith(("a ", "an ")) and (ctx.after in RELATIONAL or not ctx.before or ctx.before in {"for", "in", "within", "about", "than", "just", "only", "nearly", "almost"}):
        return None  # "a day after", "for a day": a length, left to the duration rule
    code = _ADVERB_UNIT[m["adv"]] if m["adv"] else UNIT_CODE[_singular(m["unit"])]
    return Resolution("SET", _period(1, code), None, "set", None, "rate")


def _singular(unit: str) -> str:
    return unit[:-1] if unit.endswith("s") else unit


def _period(count: int | None, code: str) -> str:
    qty = "X" if count is None else str(count)
    return f"PT{qty}{code[1:]}" if code.startswith("T") else f"P{qty}{code}"



_CALENDAR = re.compile(r"^(?:the )?(?P<mod>last|this|next|past|previous|coming|current|same)? ?(?P<unit>week|weekend|month|year|quarter)$")


def calendar_units(norm: str, ctx: Context) -> Resolution | None:
    m = _CALENDAR.match(norm)
    if m and norm in ("the quarter", "quarter"):
        m = _CALENDAR.match("last quarter")  # an earnings report's "the quarter" is the last one completed
    if not m or not (m["mod"] or m["unit"] == "weekend"):
        return None
    if ctx.published is None:
        return unanchored("calendar unit")
    p, mod, unit = ctx.published, m["mod"] or "", m["unit"]
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(mod, 0)
    if unit == "week":
        return Resolution("DATE", iso_week(p + timedelta(weeks=step)), "published", "week", None, "week")
    if unit == "weekend":
        return _weekend(p, step, ctx, mod)
    if unit == "month":
        year, month = shift_month(p, step)
        return Resolution("DATE", f"{year}-{month:02d}", "published", "month", None, "month")
    if unit == "quarter":
        q = (p.month - 1) // 3 + step
        year = p.year + (q // 4)
        return Resolution("DATE", f"{year}-Q{q % 4 + 1}", "published", "quarter", None, "quarter")
    return Resolution("DATE", str(p.year + step), "published", "year", None, "year")


def _weekend(p: date, step: int, ctx: Context, mod: str = "") -> Resolution:
    """'the weekend': this week's if it is the weekend or talk is of the future, else the one just gone."""
    if step == 0 and mod != "this":
        ahead = ctx.tense == "future" or ctx.before in ("through", "until", "till", "into")
        step = 0 if p.weekday() >= 5 or ahead else -1
    return Resolution("DATE", iso_week(p + timedelta(weeks=step)) + "-WE", "published", "week", None, "weekend")


_QUARTER = re.compile(r"(?P<n>first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])[ -]quarter(?: of (?P<y>\d{4}))?|(?:the )?first (?:three|six) months of (?:the year|(?P<y2>\d{4}))")
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def quarters(norm: str, ctx: Context) -> Resolution | None:
    m = _QUARTER.search(norm)
    if not m:
        return None
    if m["n"]:
        q = _ORDINAL.get(m["n"]) or int(m["n"][1])
    else:
        q = 1 if "three" in norm else None
    year = m["y"] or m["y2"]
    if year is None:
        if ctx.published is None:
            return unanchored("quarter")
        year = ctx.published.year if (q or 1) <= (ctx.published.month - 1) // 3 + 1 else ctx.published.year - 1
    value = f"{year}-Q{q}" if q else f"{year}-H1"
    return Resolution("DATE", value, None if (m["y"] or m["y2"]) else "published", "quarter", None, "quarter")


_AGO = re.compile(rf"^(?:(?:just |a little |well )?(?:over|more than|about|almost|nearly|some|around|less than) )?(?P<num>{NUMBER_RE}) (?P<unit>{UNIT_RE}) ago$")


def agos(norm: str, ctx: Context) -> Resolution | None:
    m = _AGO.match(norm)
    if not m:
        return None
    if ctx.published is None:
        return unanchored("'ago'")
    count, code = number_value(m["num"]), UNIT_CODE[_singular(m["unit"])]
    if count is None:
        return Resolution("DATE", "PAST_REF", "published", "ref", None, "vague 'ago'")
    p = ctx.published
    if code == "D":
        return day_value(p - timedelta(days=count), "published", "ago")
    if code == "W":
        return Resolution("DATE", iso_week(p - timedelta(weeks=count)), "published", "week", None, "ago")
    if code == "M":
        year, month = shift_month(p, -count)
        return Resolution("DATE", f"{year}-{month:02d}", "published", "month", None, "ago")
    if code == "Y":
        return Resolution("DATE", str(p.year - count), "published", "year", None, "ago")
    if code == "DE":
        return Resolution("DATE", str(p.year - 10 * count)[:3], "published", "decade", None, "ago")
    return Resolution("DATE", "PAST_REF", "published", "ref", None, "ago (hours)")


_DURATION = re.compile(
    rf"^(?:the )?(?:(?:last|past|next|coming|first|previous|following|recent|another) )?"
    rf"(?:(?:more than|less than|nearly|almost|about|around|at least|over|some|just over|up to|roughly|another|approximately) )*"
    rf"(?:the )?(?:(?:last|past|next|coming|first|previous|following|recent|another) )?"
    rf"(?P<num>{NUMBER_RE})?(?:(?: to | or |-)(?:{NUMBER_RE}))?[ -]?(?P<unit>{UNIT_RE})(?:[ -](?:long|old))?$"
)


def durations(norm: str, ctx: Context) -> Resolution | None:
    m = _DURATION.match(norm)
    if not m:
        return None
    code = UNIT_CODE[_singular(m["unit"])]
    plural = m["unit"].endswith("s")
    count = number_value(m["num"]) if m["num"] else (None if plural else 1)
    if m["num"] is None and not plural and not re.match(r"^(?:the |a |an )", norm):
        return None  # a bare "week" or "month": not a length
    anchor: Anchor = "published" if re.search(r"\b(?:last|past|next|coming|recent)\b", norm) else None
    return Resolution("DURATION", _period(count, code), anchor, "duration", None, "duration")



_YEAR = re.compile(r"^(?:the )?(?:year )?(?:(?:early|late|mid)[ -])?(?P<y>1[5-9]\d\d|20\d\d)$")
_DECADE = re.compile(r"^(?:the )?(?:early |late |mid-)?(?P<d>1[5-9]\d|20\d)0'?s$")
_SAME_PERIOD = re.compile(r"^(?:the )?same (?:period|quarter|time|month|week) (?:of|in|last) (?P<y>\d{4})$")
_MONTH_YEAR = re.compile(rf"^(?:(?:early|late|mid)[ -])?(?P<m>{MONTH_RE})\.?,? (?:of )?(?P<y>\d{{4}})$")
_MONTH = re.compile(rf"^(?:(?:early|late|mid|last|this|next)[ -])?(?P<m>{MONTH_RE})\.?(?: this year| last year)?$")


def years_and_months(norm: str, ctx: Context) -> Resolution | None:
    if m := _YEAR.match(norm):
        return Resolution("DATE", m["y"], None, "year", None, "year")
    if m := _DECADE.match(norm):
        return Resolution("DATE", m["d"], None, "decade", None, "decade")
    if m := _SAME_PERIOD.match(norm):
        return Resolution("DATE", m["y"], None, "year", None, "same period of a year")
    if m := _MONTH_YEAR.match(norm):
        return Resolution("DATE", f"{m['y']}-{MONTH_NUMBER[m['m'][:3]]:02d}", None, "month", None, "month and year")
    if m := _MONTH.match(norm):
        if ctx.published is None:
            return unanchored("month")
        month, p = MONTH_NUMBER[m["m"][:3]], ctx.published
        if "last year" in norm:
            year = p.year - 1
        elif "this year" in norm or norm.startswith("this "):
            year = p.year
        elif is_future(norm, ctx) or ctx.before in ("until", "till", "by"):
            year = p.year if month >= p.month else p.year + 1
        else:
            year = p.year if month <= p.month else p.year - 1
        return Resolution("DATE", f"{year}-{month:02d}", "published", "month", None, "month")
    return None



_YEAR_AGO = re.compile(r"^(?:the |a )?(?:year[- ](?:ago|earlier)|last year's)(?: (?P<unit>quarter|period|year|month))?$")
_FISCAL = re.compile(r"^(?:the )?(?:(?:current|full|entire|whole) )?(?:fiscal |financial )?(?:year)$|^fiscal (?P<y>\d{4})$")
_CENTURY = re.compile(r"^(?:the |a )?(?P<n>\d{1,2})(?:st|nd|rd|th) century$")


def business_periods(norm: str, ctx: Context) -> Resolution | None:
    """Company-report periods: 'fiscal 1989', 'the fiscal year', 'the latest quarter', 'the year-ago quarter'."""
    if m := _CENTURY.match(norm):
        return Resolution("DATE", f"{int(m['n']) - 1:02d}", None, "decade", None, "century")
    if (m := _FISCAL.match(norm)) and (m["y"] or norm != "year"):
        if m["y"]:
            return Resolution("DATE", m["y"], None, "year", None, "fiscal year")
        if ctx.published is None or norm in ("the year",):
            return None
        return Resolution("DATE", str(ctx.published.year), "published", "year", None, "fiscal year")
    if ctx.published is None:
        return None
    p = ctx.published
    last_quarter = (p.month - 1) // 3  # 0 = the last completed one is in the previous year
    if norm in ("the latest quarter", "the most recent quarter", "the latest period"):
        year, q = (p.year, last_quarter) if last_quarter else (p.year - 1, 4)
        return Resolution("DATE", f"{year}-Q{q}", "published", "quarter", None, "latest quarter")
    if m := _YEAR_AGO.match(norm):
        if m["unit"] in ("quarter", "period"):
            year, q = (p.year - 1, last_quarter) if last_quarter else (p.year - 2, 4)
            return Resolution("DATE", f"{year}-Q{q}", "published", "quarter", None, "year-ago quarter")
        return Resolution("DATE", str(p.year - 1), "published", "year", None, "year-ago")
    return None
