"""Find the time expressions of one source and resolve each against its publication date.

Candidates come from spaCy's DATE/TIME entities plus our own patterns for
what the small English model misses or cuts badly (bare weekdays in
headlines, "last night", clock times with zones, "N units ago"). Extents are
trimmed the TimeML way (no governing preposition, no possessive 's, no
"earlier/later" signal), lists are split ("February, March" is two), and
words TimeML does not mark ("earlier", "the final days of ...") are
dropped. Each kept extent is resolved by ``resolve.resolve`` with what the
parse says about it: the tense of its governing verb and the day the text
last named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model import Span, TimeExpression
from ..words import MONTH_RE, NUMBER_RE, NUMBER_WORDS, UNIT_RE, WEEKDAY_RE
from .resolve import Context, Resolution, Tense, resolve

_ZONE = r"(?:[ECMP][SD]T|GMT|UTC)\b"
_PATTERNS = re.compile(
    rf"\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? )?(?:{MONTH_RE})\.? \d{{1,2}},? \d{{4}}"
    rf"(?:,? \d{{1,2}}:\d{{2}} ?[ap]\.?m\.?(?: {_ZONE})?)?"
    r"|(?<=[a-z)] )(?:a|per|each|every) (?:day|week|month|year|hour)\b(?! (?:after|before|earlier|later|ago)\b)"
    rf"|\b(?:(?:last|next|this|early|late) )?(?:{WEEKDAY_RE})(?: (?:morning|afternoon|evening|night))?\b"
    r"|\b(?:today|tonight|yesterday|tomorrow)(?: (?:morning|afternoon|evening|night))?\b"
    r"|\b(?:last night|this (?:morning|afternoon|evening)|overnight)\b"
    r"|\b(?:right now|now|currently|the past)\b"
    rf"|\b\d{{1,2}}(?::\d{{2}})? ?[ap]\.?m\b\.?(?: {_ZONE})?"
    rf"|\b\d{{1,2}}:\d{{2}} ?{_ZONE}"
    r"|\b[0-2]\d[0-5]\d ?(?:GMT|UTC)\b"
    rf"|\b(?:(?:just |well )?(?:over|more than|about|almost|nearly) )?{NUMBER_RE} {UNIT_RE} ago\b"
    rf"|\b{NUMBER_RE} {UNIT_RE}(?= (?:after|before|earlier|later)\b)"
    rf"|\b(?:(?:at least|more than|less than|nearly|almost|about|some|another|up to|over) )*"
    rf"(?:\d+|{'|'.join(w for w in NUMBER_WORDS if w.isalpha() and w not in ('a', 'an', 'some', 'many', 'few', 'zero', 'one'))})"
    rf"(?:(?: to | or |-)(?:\d+|[a-z]+))? (?:{UNIT_RE})\b"
    rf"|\b(?:{MONTH_RE})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?\b"
    rf"|\b\d{{1,2}} (?:{MONTH_RE})(?: \d{{4}})?\b",
    re.IGNORECASE,
)
#: Leading words that govern a time expression but are not part of it (TimeML SIGNALs).
_SIGNAL = re.compile(r"^(?:on|in|at(?! least)|since|before|after|by|until|till|from|during|through|throughout|for|over|of|"
                     r"between|within|as of|around|into|earlier|later)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"(?:['’]s|['’]|\s+(?:earlier|later|after|before|afterwards))$", re.IGNORECASE)
#: Words the labels (TimeBank style) do not mark although spaCy calls them DATE.
_NOT_TIMEX = re.compile(r"^(?:earlier|later|previously|initially|already|yet|still|ongoing|recently|once|then|"
                        r"the time|the day|the days|one day|the final days|the early days|the last days|the same day|"
                        r"the end|the beginning)$", re.IGNORECASE)
_TIME_WORD = re.compile(
    rf"\b(?:{WEEKDAY_RE}|{MONTH_RE}|{UNIT_RE}|today|tonight|yesterday|tomorrow|now|currently|past|present|future|"
    r"morning|afternoon|evening|night|overnight|dawn|noon|midnight|daily|weekly|monthly|yearly|annually|quarter|"
    r"weekend|\d{4}|\d{2,4}0'?s|[ap]\.?m\.?|gmt|utc)\b|\d-(?:day|week|month|year|hour)",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r",\s+|\s+ended\s+|\s+(?:and|or|to)\s+(?=(?:the )?(?:" + MONTH_RE + r"|\d{4}\b|this|last|next))", re.IGNORECASE)
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "’ll", "would"}
#: Governing verbs that look ahead: "scheduled a news conference Thursday", "planned a demonstration on Saturday".
_FUTURE_VERBS = {"schedule", "plan", "expect", "due", "set", "intend", "prepare"}
#: Heads of "to VERB" that point forward: "expected to arrive Monday", "is due to meet".
_FUTURE_TO = {"go", "expect", "schedule", "plan", "due", "set", "hope", "intend", "be", "want", "aim", "prepare"}
#: Verbs of saying: a present-tense "says Friday" is the day's news, not a forecast ("reports its
#: results on Wednesday" is a schedule, so "report" is not here).
REPORTING = {"say", "tell", "announce", "confirm", "state", "add", "claim", "insist", "note", "warn", "deny"}


@dataclass(frozen=True)
class Found:
    """A time expression with the resolution behind it (the stage keeps only the ``TimeExpression``)."""

    expression: TimeExpression
    resolution: Resolution


def find_times(source_id: str, text: str, doc: Any, published: date | None) -> tuple[Found, ...]:
    """Every time expression in ``text``, resolved in reading order.

    Two passes: the first finds the report's news day (the latest day it
    names, up to publication: news leads with its freshest development); the
    second resolves a bare part of day ('mid-morning', '10:21 a.m.') against
    a day named in its own sentence, else that news day.
    """
    extents = candidate_extents(text, doc)
    first = _resolve_all(text, doc, extents, published, None)
    days = [r.day for r in first if r.day and (published is None or r.day <= published)]
    second = _resolve_all(text, doc, extents, published, max(days) if days else None)
    return tuple(
        Found(TimeExpression(Span(source_id, start, end), text[start:end], r.type, r.value, r.anchor,
                             None if r.resolved else r.rule), r)
        for (start, end), r in zip(extents, second, strict=True)
    )


def _resolve_all(text: str, doc: Any, extents: Sequence[tuple[int, int]], published: date | None,
                 news_day: date | None) -> list[Resolution]:
    out: list[Resolution] = []
    last: tuple[int, date] | None = None  # (sentence start, day) of the last day named
    for start, end in extents:
        sentence = _sentence_start(doc, start)
        reference = last[1] if last and last[0] == sentence else news_day
        ctx = Context(published, tense_at(doc, start, end), reference, _word_before(text, start), _word_after(text, end))
        res = resolve(text[start:end], ctx)
        out.append(res)
        if res.day is not None:
            last = (sentence, res.day)
    return out


def _sentence_start(doc: Any, at: int) -> int:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span[0].sent.start_char if span is not None and len(span) else at


def candidate_extents(text: str, doc: Any) -> list[tuple[int, int]]:
    """spaCy DATE/TIME entities and our patterns, overlapping ones joined, then trimmed and split."""
    raw = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    raw += [(m.start(), m.end()) for m in _PATTERNS.finditer(text)]
    extents = []
    for start, end in _join_overlaps(text, raw):
        for piece in _split_list(text, start, end):
            trimmed = _trim(text, *piece)
            if trimmed and _is_timex(text[trimmed[0] : trimmed[1]]) and not _names_a_paper(text, *trimmed):
                extents.append(trimmed)
    return sorted(set(extents))


def _join_overlaps(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping candidates, or ones a single space apart ('10 p.m. CDT' + 'Tuesday night'), become one."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and (start < joined[-1][1] or text[joined[-1][1] : start] == " "):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _split_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'February, March' -> two; 'between 2001 and 2007' -> two; 'April this year' -> 'April', 'this year'."""
    piece = text[start:end]
    if re.search(rf"^{NUMBER_RE} (?:to|or) ", piece, re.IGNORECASE) or re.search(r"\d{1,2}, \d{4}", piece):
        return [(start, end)]  # "two to three months" is one range; "April 22, 2010" one date
    cuts = [start] + [x for m in _LIST_SPLIT.finditer(piece) for x in (start + m.start(), start + m.end())] + [end]
    parts = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    split = re.match(rf"^((?:{MONTH_RE})\.?) ((?:this|last|next) year)$", piece, re.IGNORECASE)
    if split and len(parts) == 1:
        return [(start, start + len(split[1])), (end - len(split[2]), end)]
    return parts


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    for _ in range(3):
        piece = text[start:end]
        lead = _SIGNAL.match(piece)
        tail = _TRAILING.search(piece)
        if lead and lead.end() < len(piece):
            start += lead.end()
        elif tail and tail.start() > 0 and not re.search(r"\bago$", piece, re.IGNORECASE):
            end = start + tail.start()
        else:
            break
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip(" ,(\"'“"))
    end -= len(piece) - len(piece.rstrip(" ,.;:)\"'”"))
    return (start, end) if end > start else None


def _is_timex(piece: str) -> bool:
    return bool(_TIME_WORD.search(piece)) and not _NOT_TIMEX.match(piece)


def _names_a_paper(text: str, start: int, end: int) -> bool:
    """'El Watan daily', 'the Sunday Times': a newspaper's name, not a time."""
    piece = text[start:end].lower()
    before = re.search(r"([A-Za-z]+)\W*$", text[max(0, start - 20) : start])
    after = re.match(r"\s*([A-Za-z]+)", text[end : end + 20])
    return (piece in ("daily", "weekly") and bool(before) and before[1][0].isupper()) or (
        piece in ("sunday", "saturday") and bool(after) and after[1] in ("Times", "Telegraph", "Mirror", "Express", "Post"))


def _word_before(text: str, start: int) -> str:
    words = re.findall(r"[A-Za-z]+", text[max(0, start - 30) : start])
    return words[-1].lower() if words else ""


def _word_after(text: str, end: int) -> str:
    m = re.match(r"\W*([A-Za-z]+)", text[end : end + 30])
    return m[1].lower() if m else ""


def tense_at(doc: Any, start: int, end: int) -> Tense:
    """The tense of the verb governing the expression: 'will meet on Friday' is future."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "past"
    verb = span.root
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _FUTURE_AUX or (auxes & {"to"} and verb.head.lemma_ in _FUTURE_TO) or verb.lemma_ in _FUTURE_VERBS:
        return "future"
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in REPORTING | {"be", "have"} and not auxes:
        return "present"
    return "past"
