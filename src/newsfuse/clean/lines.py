"""Lines of a document with their offsets, and the small classifiers the rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Removal
from ..words import MONTH_ABBREVIATIONS
from ..words import MONTHS as MONTH_NAMES


@dataclass(frozen=True)
class Line:
    """A non-blank line: ``[start, end)`` in the text, whitespace-trimmed."""

    start: int
    end: int
    text: str
    blank_before: bool  # a blank line (paragraph break) precedes it

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(text: str) -> tuple[Line, ...]:
    lines: list[Line] = []
    offset = 0
    blank = True
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = offset + len(raw) - len(raw.lstrip())
            lines.append(Line(start, start + len(stripped), stripped, blank))
        blank = not stripped
        offset += len(raw)
    return tuple(lines)


_TERMINAL = re.compile(r"""[.!?](?:["'”’»)\]]+)?$|[.!?]["'”’]?\s*\)$""")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)$")


def is_sentence_like(text: str) -> bool:
    """Ends like a sentence (``.``, ``!``, ``?``, optionally inside quotes), not in an ellipsis."""
    return bool(_TERMINAL.search(text)) and not _ELLIPSIS.search(text)


def ends_in_ellipsis(text: str) -> bool:
    return bool(_ELLIPSIS.search(text))


#: A month as written in a byline or time stamp: capitalised name or short form, optional dot.
_MONTHS = "(?:" + "|".join(sorted((m.title() for m in MONTH_NAMES + MONTH_ABBREVIATIONS), key=len, reverse=True)) + r")\.?"
MONTHS = _MONTHS
#: "21 January 2013", "15 Dec, 2024", "January 21, 2013", "2013-01-21", "Thu Apr 22, 2010"
DATE_PATTERN = (
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    rf"(?:\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
_STAMP = re.compile(
    rf"^(?:(?:Updated|Published|Posted|Last updated|First published)(?: on)?:?\s+)?{DATE_PATTERN}"
    r"(?:[,\s]+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\.?$",
    re.IGNORECASE,
)


def is_date_stamp(text: str) -> bool:
    """A line that is only a date (a byline date or a sidebar item's timestamp)."""
    return bool(_STAMP.match(text.strip()))


def removal(line: Line, reason: str) -> Removal:
    """The audit record of removing ``line`` as furniture, for ``reason``."""
    return Removal(line.start, line.end, reason, line.text)
