"""The one place for calendar and number words: weekdays, months, number words and vague amounts, units, parts of the day.

Dates, times, claims and the summary all read these tables, so "Sept." or "eleven" means the
same thing to every stage. Number words, scales and vague amounts are data
(``resources/number_words.toml``, one reason per choice); bench/number_words.py measures them against
the text2num and number-parser libraries.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, timedelta
from importlib import resources


def resource_rows(name: str) -> list[list[str]]:
    """The rows of a tab-separated table in ``resources`` (one entry per line, its reason in a
    column; "#" lines and blank lines are comments), each split at its tabs. Every stage's word
    tables (person titles, surname particles, scene verbs, disease cues…) are read through this."""
    text = resources.files("newsfuse").joinpath(f"resources/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_RE = "|".join(WEEKDAYS)

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
#: News-style short forms ("Sept." and "Sep." both appear), each a prefix of its month.
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
MONTH_NUMBER = {m[:3]: i for i, m in enumerate(MONTHS, 1)} | {"sep": 9}
#: Full names first so the regex prefers them; "sept" and the dotted short forms are news style.
MONTH_RE = "(?:" + "|".join(MONTHS) + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"

_TABLE = tomllib.loads(resources.files("newsfuse").joinpath("resources/number_words.toml").read_text(encoding="utf-8"))
#: Cardinal number words with their values: zero to twenty, then the tens.
CARDINALS: dict[str, int] = dict(_TABLE["cardinal"])
_SMALL = [w for w, v in CARDINALS.items() if v <= 20]
_TENS = {w: v for w, v in CARDINALS.items() if v >= 20}
#: Scale words multiply the number before them; the glued ones only straight after digits ("$87m").
SCALES: dict[str, float] = {w: s["value"] for w, s in _TABLE["scale"].items()}
GLUED_SCALES = frozenset(w for w, s in _TABLE["scale"].items() if s.get("glued"))
#: Fractions of a scale word ("half a million", "a quarter of a billion"); only ever read before a scale.
FRACTIONS: dict[str, float] = {w: f["value"] for w, f in _TABLE["fraction"].items()}
#: Vague amounts with the range the labelling guidelines give them ("dozens": 24-99), by phrase.
VAGUE_RANGES: dict[str, tuple[float, float]] = {
    w: (v["low"], v["high"]) for w, v in _TABLE["vague"].items() if "low" in v
}
#: Words time expressions read as a count before a unit ("four days", "a few weeks"); vague ones are None.
NUMBER_WORDS: dict[str, int | None] = CARDINALS | _TABLE["article"] | {
    w: None for w, v in _TABLE["vague"].items() if v.get("before_units")
}
_PHRASES = sorted((w for w in NUMBER_WORDS if " " in w), key=len, reverse=True)
_OTHERS = sorted((w for w in NUMBER_WORDS if " " not in w and w not in CARDINALS), key=len, reverse=True)
NUMBER_RE = (r"(?:\d+(?:\.\d+)?|(?:" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
             r"|" + "|".join(_PHRASES + sorted(_SMALL, key=len, reverse=True) + _OTHERS) + ")")

#: TIMEX3 period codes; a leading "T" marks units below a day (PT24H, not P24H).
UNIT_CODE = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "night": "D", "week": "W",
             "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE"}
UNIT_RE = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries)"

#: TIMEX3 parts of the day. TIMEX2 maps dawn to morning (the labels' DAWN RULE).
PARTS_OF_DAY = {"morning": "MO", "dawn": "MO", "daybreak": "MO", "afternoon": "AF", "evening": "EV",
                "dusk": "EV", "night": "NI", "overnight": "NI", "tonight": "NI"}


def number_value(word: str) -> int | None:
    """'four' -> 4, '24' -> 24, 'twenty-one' -> 21; vague words ('several') -> None."""
    word = word.strip().lower()
    if word[:1].isdigit():
        return int(float(word))
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    parts = word.replace("-", " ").split()
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _SMALL[:10]:
        return _TENS[parts[0]] + (NUMBER_WORDS[parts[1]] or 0)
    return None


def weekday_before(published: date, weekday: int, *, strict: bool = False) -> date:
    """The latest day with ``weekday`` (0 = Monday) on or before ``published``; strictly before if ``strict``.

    How past-tense news means a weekday: "on Saturday" in a Saturday report is
    that day (dateparser goes a week back); "last Tuesday" is strictly before.
    """
    back = (published.weekday() - weekday) % 7
    return published - timedelta(days=back or (7 if strict else 0))


_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> frozenset[str]:
    """Word 3-grams, lower-cased: how shared copy is told (wire copy; an outlet's site template)."""
    words = [w.lower() for w in _WORD.findall(text)]
    return frozenset(" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2)))
