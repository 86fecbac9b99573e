"""Clean an article's extracted text: drop furniture, lift the headline and byline, mend broken paragraphs.

Returns the cleaned text (paragraphs separated by one blank line), every
removal with its span in the extracted text, and an offset map so any span of
the cleaned text can be traced back to where it stood on the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Removal
from .boilerplate import RULES
from .lines import Line, is_date_stamp, is_sentence_like, removal, split_lines
from .plain import stamp_date

#: Why a site template's line was dropped (see ``templates``).
TEMPLATE_REASON = "site template: the outlet prints it on another page of this run"
#: A headline is short; 14 words covers 99% of news headlines (Dawn, Reuters,
#: Al Jazeera, WSWS in the example; BBC and Guardian in Deepwater Horizon).
MAX_HEADLINE_WORDS = 14
#: Crossheads ("Deadly raid", Al Jazeera 003) are a few words between paragraphs.
MAX_CROSSHEAD_WORDS = 6
_BYLINE = re.compile(r"^(?:By\s+)?[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|al|bin)){1,3}$")
_BYLINE_BY = re.compile(r"^By\s+[A-Z]")


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed: tuple[Removal, ...]
    segments: tuple[tuple[int, int, int], ...]  # (clean_start, extracted_start, length)
    title: str | None = None
    date_line: str | None = None


def clean_text(extracted: str, template: frozenset[str] = frozenset()) -> Cleaned:
    """``template``: lines its outlet prints on other pages too (``templates.template_lines``), dropped first."""
    lines = split_lines(extracted)
    removed: list[Removal] = [removal(ln, TEMPLATE_REASON) for ln in lines if ln.text in template]
    for rule in RULES:
        hits = rule(_kept(lines, removed))
        removed.extend(hits)
    kept = _kept(lines, removed)
    header, title, date_line = _header(kept)
    removed.extend(header)
    date_line = date_line or stamp_date(removed)
    kept = _kept(lines, removed)
    crossheads = _crossheads(kept)
    removed.extend(crossheads)
    kept = _kept(lines, removed)
    text, segments = _assemble(extracted, kept, removed)
    return Cleaned(text, tuple(sorted(removed, key=lambda r: r.start)), segments, title, date_line)


def _kept(lines: Sequence[Line], removed: Sequence[Removal]) -> list[Line]:
    """Lines not wholly removed; a line with a removed prefix keeps its remainder."""
    cuts = sorted((r.start, r.end) for r in removed)
    out = []
    for ln in lines:
        start = ln.start
        for cut_start, cut_end in cuts:
            if cut_start == start and cut_end > start:
                start = min(cut_end, ln.end)
        if start >= ln.end:
            continue
        if start == ln.start:
            out.append(ln)
        else:
            rest = ln.text[start - ln.start :]
            shift = len(rest) - len(rest.lstrip())
            out.append(Line(start + shift, ln.end, rest.lstrip(), ln.blank_before))
    return out


def _header(kept: Sequence[Line]) -> tuple[list[Removal], str | None, str | None]:
    """Headline, byline and date line at the top, lifted out of the body as metadata."""
    removals: list[Removal] = []
    title = date_line = None
    i = 0
    if len(kept) > 2 and _is_headline(kept[0]):
        title = kept[0].text
        removals.append(Removal(kept[0].start, kept[0].end, "headline", kept[0].text))
        i = 1
    for ln in kept[i : i + 3]:
        if is_date_stamp(ln.text) and date_line is None:
            date_line = ln.text
            removals.append(Removal(ln.start, ln.end, "date line", ln.text))
        elif _BYLINE_BY.match(ln.text) or (title and _BYLINE.match(ln.text)):
            removals.append(Removal(ln.start, ln.end, "byline", ln.text))
        else:
            break
    return removals, title, date_line


def _is_headline(line: Line) -> bool:
    return line.words <= MAX_HEADLINE_WORDS and not is_sentence_like(line.text) and not line.text.endswith(":")


def _crossheads(kept: Sequence[Line]) -> list[Removal]:
    out = []
    for prev, ln, nxt in zip(kept, kept[1:], kept[2:]):
        if (
            ln.words <= MAX_CROSSHEAD_WORDS
            and ln.blank_before
            and nxt.blank_before
            and is_sentence_like(prev.text)
            and not is_sentence_like(ln.text)
            and not ln.text.endswith((":", ",", "-", "–", "—"))
            and ln.text[:1].isupper()
            and not nxt.text[:1].islower()  # a lower-case next line continues a broken sentence
        ):
            out.append(Removal(ln.start, ln.end, "subheading", ln.text))
    return out


#: A line broken inside a short bracket: the bracket opened at the line's end closes at the next line's
#: start. Timeline17's Reuters pages break a ticker so 109 times ("the BP (BP.\nL) oil spill"), and
#: the sentence split then showed "L) oil spill have been released …" (report16).
_OPEN_TAIL = re.compile(r"\([^()\s]{1,12}$")
_CLOSE_HEAD = re.compile(r"^[^()\s]{1,12}\)")


def _assemble(
    extracted: str, kept: Sequence[Line], removed: Sequence[Removal]
) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """Join kept lines into paragraphs; mend paragraphs a page broke mid-sentence.

    WSWS (In Amenas 004) breaks "the country's supreme\\n\\nauthorities" and
    "fighter-\\n\\nbombers"; a line that does not end a sentence followed by one
    starting in lower case is one paragraph.
    """
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    for n, ln in enumerate(kept):
        if n:
            prev = kept[n - 1]
            bracket = _OPEN_TAIL.search(prev.text) and _CLOSE_HEAD.match(ln.text)
            joined = bracket or (not is_sentence_like(prev.text) and ln.text[:1].islower())
            sep = ("" if prev.text.endswith(("-", ".")) else " ") if joined else "\n\n"
            parts.append(sep)
            pos += len(sep)
        segments.append((pos, ln.start, ln.end - ln.start))
        parts.append(extracted[ln.start : ln.end])
        pos += ln.end - ln.start
    return "".join(parts), tuple(segments)
