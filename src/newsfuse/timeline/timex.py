"""What every time rule shares: the resolver's context and result, and day arithmetic.

``Context`` is what the resolver knows beyond an expression's words (the
publication date, the tense of the governing verb, the day last named in the
text, the neighbouring words); ``Resolution`` is a TIMEX3 type and value with
what it rested on. The rules themselves live in ``resolve`` (days, parts of
days, dated text) and ``periods`` (weeks, months, quarters, years, lengths).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ..words import PARTS_OF_DAY, weekday_before

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
    return weekday_before(published, weekday, strict=strict_past)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_month(day: date, months: int) -> tuple[int, int]:
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


def day_value(value: date, anchor: Anchor, rule: str, part: str | None = None) -> Resolution:
    if part:
        return Resolution("TIME", f"{value.isoformat()}T{part}", anchor, "part", value, rule)
    return Resolution("DATE", value.isoformat(), anchor, "day", value, rule)


def unanchored(rule: str, type_: TimexType = "DATE") -> Resolution:
    return Resolution(type_, None, None, None, None, f"{rule}: no publication date to resolve it against")


def is_future(norm: str, ctx: Context) -> bool:
    return ctx.tense == "future" or bool(re.search(r"\b(?:next|coming|this coming)\b", norm))



_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?::(?P<min>\d{2}))? ?(?P<ampm>a\.?m\b\.?|p\.?m\b\.?)|(?P<hh>[0-2]?\d):?(?P<mm>[0-5]\d) ?(?P<z>gmt|utc|z)\b"
    r"|\b(?P<noon>noon|midday|midnight)\b"
)



def with_clock(norm: str, day: date, anchor: Anchor, rule: str) -> Resolution:
    hhmm = clock(norm)
    if hhmm:
        return Resolution("TIME", f"{day.isoformat()}T{hhmm}", anchor, "part", day, rule + " + clock")
    part = part_of_day(norm)
    return day_value(day, anchor, rule, part)


def clock(norm: str) -> str | None:
    m = _CLOCK.search(norm)
    if not m:
        return None
    if m["noon"]:
        return "00:00" if m["noon"] == "midnight" else "12:00"
    if m["hh"]:
        return f"{int(m['hh']):02d}:{m['mm']}Z"
    hour = int(m["h"]) % 12 + (12 if m["ampm"].startswith("p") else 0)
    return f"{hour:02d}:{m['min'] or '00'}"


def part_of_day(norm: str) -> str | None:
    for word, code in PARTS_OF_DAY.items():
        if re.search(rf"\b{word}\b", norm):
            return code
    return None
