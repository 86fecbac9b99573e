"""When a sentence's event happened, to put the summary in timeline order.

The timeline capability's resolved time expressions (``briefing.times``)
come first. Without them, a small fallback reads the commonest news
references, resolved against the source's publication date the way the
labelled clusters do: "on Saturday" in a past-tense report is the latest
Saturday on or before publication; "yesterday" / "last night" is the day
before; "today" / "tonight" the day itself. A sentence naming an earlier
year ("In 2009, BP was fined") is background: undated, so it goes after the
story's events. Anything else takes the publication date: a report mostly
tells the news of its day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from ..model import Span, TimeExpression
from ..words import WEEKDAYS, weekday_before

_RELATIVE = re.compile(
    r"\b(yesterday|last night|today|tonight|this morning|(?:on |late |early |last )?(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday))\b",
    re.IGNORECASE,
)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def sentence_date(span: Span, text: str, published: date | None, times: Sequence[TimeExpression]) -> date | None:
    """The date of the first dated expression inside ``span``; else the fallback rules; else ``published``."""
    for t in times:
        if t.span.source == span.source and span.start <= t.span.start < span.end and t.value:
            m = _ISO_DAY.match(t.value)
            if m and t.type in ("DATE", "TIME"):
                return date(int(m[1]), int(m[2]), int(m[3]))
    if published is None or any(int(y) < published.year for y in _YEAR.findall(text)):
        return None
    m = _RELATIVE.search(text)
    return resolve_relative(m.group(1), published) if m else published


def resolve_relative(phrase: str, published: date) -> date:
    """Resolve a weekday or deictic word against ``published`` (past-tense news reading)."""
    low = phrase.lower()
    if low.startswith(("yesterday", "last night")):
        return published - timedelta(days=1)
    if low.startswith(("today", "tonight", "this morning")):
        return published
    return weekday_before(published, WEEKDAYS.index(low.split()[-1]), strict=low.startswith("last "))
