"""Sentences with character offsets into the cleaned text.

Sentences come from spaCy's dependency parse (already computed for every
source, so they cost nothing extra), with two repairs: a paragraph break is
always a sentence break (cleaning puts one blank line between paragraphs),
and a wire dateline ("ALGIERS –", "NEW ORLEANS --") stays with its sentence.
bench/sentences.py compares this with pysbd and blingfire on hand-checked
boundaries; see README's measurement table.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Span

_PARAGRAPH = re.compile(r"\n\s*\n|\n")
#: A sentence "fragment" this short that is only a dateline belongs to the next one.
#: spaCy splits a closing quote or an ellipsis off its sentence ('…in North Africa.' + '"').
_PUNCT_ONLY = re.compile(r"^\W+$")
_DATELINE_ONLY = re.compile(r"^[A-Z][A-Z .'’-]{1,40}(?:[:–—-]{1,2}|\(\w+\)\s*[-–—])?$")


def doc_sentences(source_id: str, doc: Any) -> tuple[Span, ...]:
    """Spans of sentences in ``doc`` (a spaCy Doc over the source's cleaned text)."""
    text = doc.text
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
        if same_paragraph and (_DATELINE_ONLY.match(text[merged[-1][0] : merged[-1][1]]) or _PUNCT_ONLY.match(text[start:end])):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [(a, b) for a, b in (_trim(text, a, b) for a, b in merged) if b > a]


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
