"""Sentences with character offsets into the cleaned text.

Sentences come from spaCy's dependency parse (already computed for every
source, so they cost nothing extra), with two repairs: a paragraph break is
always a sentence break (cleaning puts one blank line between paragraphs),
and a wire dateline ("ALGIERS –", "NEW ORLEANS --") stays with its sentence.
A run-on "sentence" longer than ``MAX_SENTENCE_CHARS`` (a line with no full
stops) is cut at clause breaks, so the work later stages do per sentence --
some of it proportional to the sentence's length, for every figure in it --
stays bounded: one 100,000-character comma-spliced line took 440 s in claims.
bench/sentences.py compares this with pysbd and blingfire on hand-checked
boundaries; see README's measurement table.
"""

from __future__ import annotations

import re
from typing import Any

from ..clean.datelines import is_dateline_only
from ..model import Span

_PARAGRAPH = re.compile(r"\n\s*\n|\n")
#: spaCy splits a closing quote or an ellipsis off its sentence ('…in North Africa.' + '"').
_PUNCT_ONLY = re.compile(r"^\W+$")
#: Longest sentence kept whole: news sentences run to a few hundred characters.
MAX_SENTENCE_CHARS = 2_000
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s[–—-]{1,2}\s")


def doc_sentences(source_id: str, doc: Any, text: str | None = None) -> tuple[Span, ...]:
    """Spans of sentences in ``doc`` (a spaCy Doc over the source's cleaned text, ``text`` when
    given: the Doc's own, which ``Doc.text`` rebuilds from a Python object per token)."""
    text = doc.text if text is None else text
    bounds = [(s.start_char, s.end_char) for s in doc.sents]
    return tuple(Span(source_id, a, b) for a, b in repair_bounds(text, bounds))


def repair_bounds(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Any splitter's raw sentence boundaries, cut at paragraph breaks, with datelines and split-off
    closing quotes re-attached and whitespace trimmed."""
    pieces: list[tuple[int, int]] = []
    for start, end in bounds:
        pieces.extend(_split_paragraphs(text, start, end))
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        same_paragraph = bool(merged) and "\n" not in text[merged[-1][1] : start]
        if same_paragraph and (is_dateline_only(text[merged[-1][0] : merged[-1][1]]) or _PUNCT_ONLY.match(text[start:end])
                               or _abbreviation_break(text[merged[-1][0] : merged[-1][1]], text[start:end])):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    bounded = [piece for a, b in merged for piece in _cap(text, a, b)]
    return [(a, b) for a, b in (_trim(text, a, b) for a, b in bounded) if b > a]


_LAST_WORD = re.compile(r"(\w+)\.$")


def _abbreviation_break(before: str, after: str) -> bool:
    """A split after a short capitalised abbreviation's full stop, before a lower-case word: "at 200
    W. American Blvd. | with her husband". News sentences do not begin in lower case (report6 split:
    the victim's age lost the sayer its sentence ends with). (Keeping an abbreviated rank with the name
    after it, "Const. | Tim Fanning", cost 0.08 R-1 on Multi-News: not a rule.)"""
    word = _LAST_WORD.search(before)
    if word is None or not after[:1].isalpha():
        return False
    abbreviation = word.group(1)
    return after[:1].islower() and abbreviation[:1].isupper() and len(abbreviation) <= 4 and abbreviation.isalpha()


def _cap(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """``[start, end)`` in pieces of at most ``limit`` chars, cut after the last clause break
    (else space) in each window's second half."""
    out = []
    while end - start > limit:  # ends: each round moves ``start`` on by at least limit // 2
        lo, hi = start + limit // 2, start + limit
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, hi)]
        space = text.rfind(" ", lo, hi)
        cut = breaks[-1] if breaks else space + 1 if space != -1 else hi
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _split_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, cursor = [], start
    for brk in _PARAGRAPH.finditer(text, start, end):
        out.append((cursor, brk.start()))
        cursor = brk.end()
    out.append((cursor, end))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
