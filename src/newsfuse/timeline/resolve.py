"""Resolve one time expression to a TimeML/TIMEX3 value against its anchor date.

News dates events relative to when it was written ("on Wednesday",
"yesterday", "last night", "four days after"). Each rule (the day-level ones
here, those above the day in ``periods``) turns one shape of expression into
a TIMEX3 value ("2013-01-16", "2013-01-19TEV", "2013-W02", "P4D",
"PRESENT_REF") the way TempEval-3, HeidelTime and SUTime write them, and says what it rested on (the publication date, another time
in the text, or nothing). Shapes no rule knows fall back to ``dateparser``,
but only where the expression names a month or a number, because dateparser
invents dates from bare words (see PRODUCT.md, "Dependency facts").
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..words import MONTH_NUMBER, MONTH_RE, UNIT_RE, WEEKDAY_RE, WEEKDAYS
from .periods import agos, business_periods, calendar_units, durations, quarters, sets, years_and_months
from .timex import (
    Anchor,
    Context,
    Precision,
    Resolution,
    Tense,
    TimexType,
    clock,
    day_value,
    iso_week,
    nearest_year,
    part_of_day,
    unanchored,
    weekday_date,
    with_clock,
)

__all__ = ["Anchor", "Context", "Precision", "Resolution", "Tense", "TimexType", "dateparser_day", "iso_week",
           "nearest_year", "resolve", "weekday_date"]


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



# --- rules, tried in order ------------------------------------------------------------------

_REF = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
        "the present": "PRESENT_REF", "the past": "PAST_REF", "recently": "PAST_REF", "the future": "FUTURE_REF",
        "the moment": "PRESENT_REF", "for now": "PRESENT_REF"}


def _refs(norm: str, ctx: Context) -> Resolution | None:
    if norm in _REF:
        return Resolution("DATE", _REF[norm], "published" if ctx.published else None, "ref", None, "reference word")
    return None



_FULL_DATE = re.compile(
    rf"(?:(?P<m1>{MONTH_RE})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m2>{MONTH_RE})\.?,? (?P<y2>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))"
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
    return with_clock(norm, day, None, "full date")



_WEEKDAY = re.compile(rf"\b(?P<mod>last|next|this|this coming|coming|past|previous|following)? ?(?P<wd>{WEEKDAY_RE})\b")


def _weekdays(norm: str, ctx: Context) -> Resolution | None:
    m = _WEEKDAY.search(norm)
    if not m or re.search(rf"\b{MONTH_RE}\.? \d", norm):
        return None
    if ctx.published is None:
        return unanchored("weekday", "TIME" if part_of_day(norm) or clock(norm) else "DATE")
    mod = m["mod"] or ""
    # A present-tense non-reporting verb ("Shell, which reports its results on Wednesday") looks ahead.
    ahead = ctx.tense == "future" or ctx.before in ("until", "till") or (
        ctx.tense == "present" and WEEKDAYS.index(m["wd"]) != ctx.published.weekday())
    future = mod in ("next", "coming", "this coming", "following") or (mod not in ("last", "previous", "past") and ahead)
    day = weekday_date(WEEKDAYS.index(m["wd"]), ctx, strict_past=mod in ("last", "next", "past", "previous"), future=future)
    return with_clock(norm, day, "published", "weekday")


_RELATIVE_DAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1, "overnight": 0,
                 "this morning": 0, "this afternoon": 0, "this evening": 0, "the day before yesterday": -2,
                 "the day after tomorrow": 2}


def _relative_days(norm: str, ctx: Context) -> Resolution | None:
    key = next((k for k in sorted(_RELATIVE_DAY, key=len, reverse=True) if re.search(rf"\b{k}\b", norm)), None)
    if key is None:
        return None
    if ctx.published is None:
        return unanchored("relative day", "TIME" if part_of_day(norm) else "DATE")
    day = ctx.published + timedelta(days=_RELATIVE_DAY[key])
    part = part_of_day(norm) or ("NI" if key in ("tonight", "last night", "overnight") else None)
    hhmm = clock(norm)
    if hhmm:
        return Resolution("TIME", f"{day.isoformat()}T{hhmm}", "published", "part", day, "relative day + clock")
    return day_value(day, "published", "relative day", part)


_MONTH_DAY = re.compile(rf"^(?:(?P<m1>{MONTH_RE})\.? (?:the )?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m2>{MONTH_RE}))\b")


def _month_days(norm: str, ctx: Context) -> Resolution | None:
    m = _MONTH_DAY.search(re.sub(rf"^(?:{WEEKDAY_RE}),? ", "", norm))
    if not m:
        return None
    anchor = ctx.published or ctx.reference  # the year comes from the report's own date
    if anchor is None:
        return unanchored("day and month")
    day = nearest_year(MONTH_NUMBER[(m["m1"] or m["m2"])[:3]], int(m["d1"] or m["d2"]), anchor, ctx.tense)
    if day is None:
        return Resolution("DATE", None, rule="no such day")
    return with_clock(norm, day, "published", "day and month")



_PART_ALONE = re.compile(r"^(?:(?:early|late|mid)[ -])?(?:the )?(?:morning|afternoon|evening|night|dawn|daybreak|dusk|midday|noon)$")


def _parts_alone(norm: str, ctx: Context) -> Resolution | None:
    """'mid-morning' or 'evening' alone: a part of the day the text last named, else of publication day."""
    if not (_PART_ALONE.match(norm) or (clock(norm) and not re.search(rf"\b{MONTH_RE}\b|\b(?:1[5-9]|20)\d\d\b(?! ?(?:gmt|utc|z)\b)", norm))):
        return None
    base, anchor = (ctx.reference, "text") if ctx.reference else (ctx.published, "published")
    if base is None:
        return unanchored("part of day", "TIME")
    return with_clock(norm, base, anchor, "part of day")  # type: ignore[arg-type]


def _dateparser(norm: str, ctx: Context) -> Resolution | None:
    """Last resort, only for expressions that name a month or are written as a numeric date.

    dateparser invents dates from anything else: "35 - minute" became 16 September
    1935 and "50 - year history" 1950 on Timeline17 articles.
    """
    if not re.search(rf"\b{MONTH_RE}\b|\b\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}\b", norm) or re.search(UNIT_RE, norm):
        return None
    found = dateparser_day(norm, ctx.published)
    if found is None:
        return None
    return day_value(found, "published" if ctx.published and not re.search(r"\d{4}", norm) else None, "dateparser")


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



_RULES = (_part_of, business_periods, _refs, sets, _full_dates, quarters, agos, _weekdays, _relative_days, _month_days,
          calendar_units, years_and_months, durations, _parts_alone, _dateparser)
