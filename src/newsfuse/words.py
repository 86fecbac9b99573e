"""The one place for calendar and number words: weekdays, months, cardinal numbers, units, parts of the day.

Dates, times, claims and the summary all read these tables, so "Sept." or "eleven" means the
same thing to every stage.
"""

from __future__ import annotations

from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_RE = "|".join(WEEKDAYS)

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
#: News-style short forms ("Sept." and "Sep." both appear), each a prefix of its month.
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
MONTH_NUMBER = {m[:3]: i for i, m in enumerate(MONTHS, 1)} | {"sep": 9}
#: Full names first so the regex prefers them; "sept" and the dotted short forms are news style.
MONTH_RE = "(?:" + "|".join(MONTHS) + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"

_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen twenty").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
#: Cardinal number words with their values: zero to twenty, then the tens.
CARDINALS: dict[str, int] = {w: i for i, w in enumerate(_SMALL)} | _TENS
NUMBER_WORDS = CARDINALS | {"a": 1, "an": 1, "a couple of": 2, "a hundred": 100,
                                                               "a few": None, "few": None, "several": None,
                                                               "some": None, "many": None, "dozens of": None}
NUMBER_RE = (r"(?:\d+(?:\.\d+)?|(?:" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
             r"|a couple of|a few|a hundred|dozens of|" + "|".join(sorted(_SMALL, key=len, reverse=True)) + r"|an|a|few|several|some|many)")

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
