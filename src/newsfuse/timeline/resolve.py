"""Resolve one time expression to a TimeML/TIMEX3 value against its anchor date.

News dates events relative to when it was written ("on Wednesday",
"yesterday", "last night", "four days after"). Each rule below turns one
shape of expression into a TIMEX3 value ("2013-01-16", "2013-01-19TEV",
"2013-W02", "P4D", "PRESENT_REF") the way TempEval-3, HeidelTime and SUTime
write them, and says what it rested on (the publication date, another time
in the text, or nothing). Shapes no rule knows fall back to ``dateparser``,
but only where the expression names a month or a number, because dateparser
invents dates from bare words (see PRODUCT.md, "Dependency facts").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from .words import (
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

Tense = Literal["past", "present", "future"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Anchor = Literal["published", "text"] | None
#: How fine a resolved value is; events need "day" or "part" (a part of a day).
Precision = Literal["day", "part", "week", "month", "quarter", "year", "decade", "ref", "duration", "set"]

#: A day-month without a year goes to the year that puts it nearest the
#: anchor: news talks about dates a few months either side of its own date
#: (TBAQ's "Dec. 15" in a November report is that December, not last year's).
NEAREST_YEAR_SPAN = (-1, 0, 1)


@dataclass(frozen=True)
class Context:
    """What the resolver knows beyond the expression's own words."""

    published: date | None
    tense: Tense = "past"
    reference: date | None = None  # the day last named in the text, for 'mid-morning', 'the same day'
    before: str = ""  # the word just before the expression ("barrels" in "barrels a day")
    after: str = ""  # the word just after ("after" in "a day after")


@dataclass(frozen=True)
class Resolution:
    type: TimexType
    value: str | None
    anchor: Anchor = None
    precision: Precision | None = None
    day: date | None = None  # the calendar day, when the value names one
    rule: str = ""  # which rule resolved it, or why nothing did

    @property
    def resolved(self) -> bool:
        return self.value is not None


def resolve(text: str, ctx: Context) -> Resolution:
    """The TIMEX3 type and value of ``text``; ``value`` is None (with a reason in ``rule``) if unresolved."""
    norm = _normalise(text)
    for rule in _RULES:
        found = rule(norm, ctx)
        if found is not None:
            return found
    return Resolution("DATE", None, rule="no rule matched and dateparser found no date")


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("\u2013", "-").lower().strip(" ,.;:()")
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^(?:earlier|later) (?=today|tonight|this )", "", text)
    text = re.sub(r"^(?:just|only|barely|even|as early as|as late as|as soon as|sometime|some time) ", "", text)
    # "late last week", "early next year", "mid-June": TimeML keeps the period's value (and adds a mod)
    return re.sub(r"^(?:early|late|mid)[ -](?=(?:last|this|next|the|" + WEEKDAY_RE + "|" + MONTH_RE + r")\b)", "", text)


# --- day arithmetic -------------------------------------------------------------------------


def weekday_date(weekday: int, ctx: Context, *, strict_past: bool = False, future: bool = False) -> date:
    """The day a weekday name means in a report published on ``ctx.published``.

    Past-tense reports mean the latest such day on or before publication;
    future tense (or "next") the first on or after it; "last Tuesday" the
    latest strictly before.
    """
    published = ctx.published
    assert published is not None
    if future:
        ahead = (weekday - published.weekday()) % 7
        return published + timedelta(days=ahead or (7 if strict_past else 0))
    back = (published.weekday() - weekday) % 7
    if strict_past and back == 0:
        back = 7
    return published - timedelta(days=back)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def nearest_year(month: int, day_of_month: int, anchor: date, tense: Tense = "present") -> date | None:
    """The year for a day-month: the latest on or before the anchor in past-tense text, the first on or
    after it in future-tense text, else the nearest (TBAQ: "the year ended March 31" in a November report)."""
    candidates = []
    for delta in NEAREST_YEAR_SPAN:
        try:
            candidates.append(date(anchor.year + delta, month, day_of_month))
        except ValueError:
            continue
    if tense == "past" and any(d <= anchor for d in candidates):
        return max(d for d in candidates if d <= anchor)
    if tense == "future" and any(d >= anchor for d in candidates):
        return min(d for d in candidates if d >= anchor)
    return min(candidates, key=lambda d: abs((d - anchor).days)) if candidates else None


def _day(value: date, anchor: Anchor, rule: str, part: str | None = None) -> Resolution:
    if part:
        return Resolution("TIME", f"{value.isoformat()}T{part}", anchor, "part", value, rule)
    return Resolution("DATE", value.isoformat(), anchor, "day", value, rule)


def _unanchored(rule: str, type_: TimexType = "DATE") -> Resolution:
    return Resolution(type_, None, None, None, None, f"{rule}: no publication date to resolve it against")


def _is_future(norm: str, ctx: Context) -> bool:
    return ctx.tense == "future" or bool(re.search(r"\b(?:next|coming|this coming)\b", norm))


# --- rules, tried in order ------------------------------------------------------------------

_REF = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
        "the present": "PRESENT_REF", "the past": "PAST_REF", "recently": "PAST_REF", "the future": "FUTURE_REF",
        "the moment": "PRESENT_REF", "for now": "PRESENT_REF"}


def _refs(norm: str, ctx: Context) -> Resolution | None:
    if norm in _REF:
        return Resolution("DATE", _REF[norm], "published" if ctx.published else None, "ref", None, "reference word")
    return None


_SET = re.compile(rf"^(?:(?:each|every|per|a|an) (?P<unit>{UNIT_RE})|(?P<adv>daily|weekly|monthly|yearly|annually|nightly|hourly))$")
_ADVERB_UNIT = {"daily": "D", "weekly": "W", "monthly": "M", "yearly": "Y", "annually": "Y", "nightly": "D", "hourly": "H"}
#: Words after "a day" that make it a length ("a day after the attack"), not a rate.
RELATIONAL = {"after", "before", "earlier", "later", "ago", "since", "or", "and", "to"}


_WEEKDAY_SET = re.compile(rf"^(?:(?:each|every) (?P<wd>{WEEKDAY_RE})|(?P<wds>{WEEKDAY_RE})s)(?: (?P<part>morning|afternoon|evening|night)s?)?$")


def _sets(norm: str, ctx: Context) -> Resolution | None:
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


_FULL_DATE = re.compile(
    rf"(?:(?P<m1>{MONTH_RE})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m2>{MONTH_RE})\.?,? (?P<y2>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))"
)
_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?::(?P<min>\d{2}))? ?(?P<ampm>a\.?m\b\.?|p\.?m\b\.?)|(?P<hh>[0-2]?\d):?(?P<mm>[0-5]\d) ?(?P<z>gmt|utc|z)\b"
    r"|\b(?P<noon>noon|midday|midnight)\b"
)


def _full_dates(norm: str, ctx: Context) -> Resolution | None:
    m = _FULL_DATE.search(norm)
    if not m:
        return None
    if m["iso"]:
        try:
            day = date.fromisoformat(m["iso"])
        except ValueError:
            return None
    else:
        month = MONTH_NUMBER[(m["m1"] or m["m2"])[:3]]
        try:
            day = date(int(m["y1"] or m["y2"]), month, int(m["d1"] or m["d2"]))
        except ValueError:
            return None
    return _with_clock(norm, day, None, "full date")


def _with_clock(norm: str, day: date, anchor: Anchor, rule: str) -> Resolution:
    clock = _clock(norm)
    if clock:
        return Resolution("TIME", f"{day.isoformat()}T{clock}", anchor, "part", day, rule + " + clock")
    part = _part_of_day(norm)
    return _day(day, anchor, rule, part)


def _clock(norm: str) -> str | None:
    m = _CLOCK.search(norm)
    if not m:
        return None
    if m["noon"]:
        return "00:00" if m["noon"] == "midnight" else "12:00"
    if m["hh"]:
        return f"{int(m['hh']):02d}:{m['mm']}Z"
    hour = int(m["h"]) % 12 + (12 if m["ampm"].startswith("p") else 0)
    return f"{hour:02d}:{m['min'] or '00'}"


def _part_of_day(norm: str) -> str | None:
    for word, code in PARTS_OF_DAY.items():
        if re.search(rf"\b{word}\b", norm):
            return code
    return None


_WEEKDAY = re.compile(rf"\b(?P<mod>last|next|this|this coming|coming|past|previous|following)? ?(?P<wd>{WEEKDAY_RE})\b")


def _weekdays(norm: str, ctx: Context) -> Resolution | None:
    m = _WEEKDAY.search(norm)
    if not m or re.search(rf"\b{MONTH_RE}\.? \d", norm):
        return None
    if ctx.published is None:
        return _unanchored("weekday", "TIME" if _part_of_day(norm) or _clock(norm) else "DATE")
    mod = m["mod"] or ""
    # A present-tense non-reporting verb ("Shell, which reports its results on Wednesday") looks ahead.
    ahead = ctx.tense == "future" or ctx.before in ("until", "till") or (
        ctx.tense == "present" and WEEKDAYS.index(m["wd"]) != ctx.published.weekday())
    future = mod in ("next", "coming", "this coming", "following") or (mod not in ("last", "previous", "past") and ahead)
    day = weekday_date(WEEKDAYS.index(m["wd"]), ctx, strict_past=mod in ("last", "next", "past", "previous"), future=future)
    return _with_clock(norm, day, "published", "weekday")


_RELATIVE_DAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1, "overnight": 0,
                 "this morning": 0, "this afternoon": 0, "this evening": 0, "the day before yesterday": -2,
                 "the day after tomorrow": 2}


def _relative_days(norm: str, ctx: Context) -> Resolution | None:
    key = next((k for k in sorted(_RELATIVE_DAY, key=len, reverse=True) if re.search(rf"\b{k}\b", norm)), None)
    if key is None:
        return None
    if ctx.published is None:
        return _unanchored("relative day", "TIME" if _part_of_day(norm) else "DATE")
    day = ctx.published + timedelta(days=_RELATIVE_DAY[key])
    part = _part_of_day(norm) or ("NI" if key in ("tonight", "last night", "overnight") else None)
    clock = _clock(norm)
    if clock:
        return Resolution("TIME", f"{day.isoformat()}T{clock}", "published", "part", day, "relative day + clock")
    return _day(day, "published", "relative day", part)


_MONTH_DAY = re.compile(rf"^(?:(?P<m1>{MONTH_RE})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m2>{MONTH_RE}))\b")


def _month_days(norm: str, ctx: Context) -> Resolution | None:
    m = _MONTH_DAY.search(re.sub(rf"^(?:{WEEKDAY_RE}),? ", "", norm))
    if not m:
        return None
    anchor = ctx.published or ctx.reference  # the year comes from the report's own date
    if anchor is None:
        return _unanchored("day and month")
    day = nearest_year(MONTH_NUMBER[(m["m1"] or m["m2"])[:3]], int(m["d1"] or m["d2"]), anchor, ctx.tense)
    if day is None:
        return Resolution("DATE", None, rule="no such day")
    return _with_clock(norm, day, "published", "day and month")


_CALENDAR = re.compile(r"^(?:the )?(?P<mod>last|this|next|past|previous|coming|current|same)? ?(?P<unit>week|weekend|month|year|quarter)$")


def _calendar_units(norm: str, ctx: Context) -> Resolution | None:
    m = _CALENDAR.match(norm)
    if m and norm in ("the quarter", "quarter"):
        m = _CALENDAR.match("last quarter")  # an earnings report's "the quarter" is the last one completed
    if not m or not (m["mod"] or m["unit"] == "weekend"):
        return None
    if ctx.published is None:
        return _unanchored("calendar unit")
    p, mod, unit = ctx.published, m["mod"] or "", m["unit"]
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(mod, 0)
    if unit == "week":
        return Resolution("DATE", iso_week(p + timedelta(weeks=step)), "published", "week", None, "week")
    if unit == "weekend":
        return _weekend(p, step, ctx, mod)
    if unit == "month":
        year, month = _shift_month(p, step)
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


def _quarters(norm: str, ctx: Context) -> Resolution | None:
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
            return _unanchored("quarter")
        year = ctx.published.year if (q or 1) <= (ctx.published.month - 1) // 3 + 1 else ctx.published.year - 1
    value = f"{year}-Q{q}" if q else f"{year}-H1"
    return Resolution("DATE", value, None if (m["y"] or m["y2"]) else "published", "quarter", None, "quarter")


_AGO = re.compile(rf"^(?:(?:just |a little |well )?(?:over|more than|about|almost|nearly|some|around|less than) )?(?P<num>{NUMBER_RE}) (?P<unit>{UNIT_RE}) ago$")


def _agos(norm: str, ctx: Context) -> Resolution | None:
    m = _AGO.match(norm)
    if not m:
        return None
    if ctx.published is None:
        return _unanchored("'ago'")
    count, code = number_value(m["num"]), UNIT_CODE[_singular(m["unit"])]
    if count is None:
        return Resolution("DATE", "PAST_REF", "published", "ref", None, "vague 'ago'")
    p = ctx.published
    if code == "D":
        return _day(p - timedelta(days=count), "published", "ago")
    if code == "W":
        return Resolution("DATE", iso_week(p - timedelta(weeks=count)), "published", "week", None, "ago")
    if code == "M":
        year, month = _shift_month(p, -count)
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


def _durations(norm: str, ctx: Context) -> Resolution | None:
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


def _years_and_months(norm: str, ctx: Context) -> Resolution | None:
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
            return _unanchored("month")
        month, p = MONTH_NUMBER[m["m"][:3]], ctx.published
        if "last year" in norm:
            year = p.year - 1
        elif "this year" in norm or norm.startswith("this "):
            year = p.year
        elif _is_future(norm, ctx) or ctx.before in ("until", "till", "by"):
            year = p.year if month >= p.month else p.year + 1
        else:
            year = p.year if month <= p.month else p.year - 1
        return Resolution("DATE", f"{year}-{month:02d}", "published", "month", None, "month")
    return None


_PART_ALONE = re.compile(r"^(?:(?:early|late|mid)[ -])?(?:the )?(?:morning|afternoon|evening|night|dawn|daybreak|dusk|midday|noon)$")


def _parts_alone(norm: str, ctx: Context) -> Resolution | None:
    """'mid-morning' or 'evening' alone: a part of the day the text last named, else of publication day."""
    if not (_PART_ALONE.match(norm) or (_clock(norm) and not re.search(rf"\b{MONTH_RE}\b|\b(?:1[5-9]|20)\d\d\b(?! ?(?:gmt|utc|z)\b)", norm))):
        return None
    base, anchor = (ctx.reference, "text") if ctx.reference else (ctx.published, "published")
    if base is None:
        return _unanchored("part of day", "TIME")
    return _with_clock(norm, base, anchor, "part of day")  # type: ignore[arg-type]


def _dateparser(norm: str, ctx: Context) -> Resolution | None:
    """Last resort, only for expressions that name a month or hold a number (dateparser invents otherwise)."""
    if not re.search(rf"\d|\b{MONTH_RE}\b", norm):
        return None
    found = dateparser_day(norm, ctx.published)
    if found is None:
        return None
    return _day(found, "published" if ctx.published and not re.search(r"\d{4}", norm) else None, "dateparser")


def dateparser_day(text: str, published: date | None) -> date | None:
    """Plain dateparser, as the field uses it: RELATIVE_BASE = publication day, prefer past dates."""
    import dateparser

    settings = {"PREFER_DATES_FROM": "past"}
    if published:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


_PART_OF = re.compile(r"^(?:the )?(?:very )?(?:end|beginning|start|middle|early part|latter part|close|turn) of (?P<rest>.+)$"
                      r"|^(?P<rest2>.+)[ -]end$")


def _part_of(norm: str, ctx: Context) -> Resolution | None:
    """'the end of the month', 'the middle of October', 'year-end': the value of the period named (TimeML adds a mod)."""
    m = _PART_OF.match(norm)
    if not m:
        return None
    rest = m["rest"] or m["rest2"]
    rest = {"the month": "this month", "the year": "this year", "the week": "this week", "year": "this year"}.get(rest, rest)
    found = resolve(rest, ctx)
    return found if found.resolved and found.type == "DATE" else None


_YEAR_AGO = re.compile(r"^(?:the |a )?(?:year[- ](?:ago|earlier)|last year's)(?: (?P<unit>quarter|period|year|month))?$")
_FISCAL = re.compile(r"^(?:the )?(?:(?:current|full|entire|whole) )?(?:fiscal |financial )?(?:year)$|^fiscal (?P<y>\d{4})$")
_CENTURY = re.compile(r"^(?:the |a )?(?P<n>\d{1,2})(?:st|nd|rd|th) century$")


def _business_periods(norm: str, ctx: Context) -> Resolution | None:
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


_RULES = (_part_of, _business_periods, _refs, _sets, _full_dates, _quarters, _agos, _weekdays, _relative_days, _month_days,
          _calendar_units, _years_and_months, _durations, _parts_alone, _dateparser)
