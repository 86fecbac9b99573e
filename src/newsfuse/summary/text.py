"""What a sentence says (its content terms) and whether it can stand alone.

Page furniture inside a sentence is judged by ``clean.furniture`` (one furniture filter, beside
the line rules); ``furniture_reason``, ``MIN_WORDS`` and ``MAX_WORDS`` are re-exported here for
the summary's callers.

A summary sentence is lifted out of its article, so it must make sense
without its neighbours: no page furniture (captions, credits, calls to
action, headlines without a verb), nothing that depends on the sentence before it (read off
the parse, ``summary.standalone``) unless the referent can be named, no dateline prefix
("ALGIERS –") and no headline glued to the first sentence.
Each repair moves the cited span with the text, so the span still slices
back to exactly the words shown (bracketed names are the one insertion, as
in newspaper style).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..clean.datelines import dateline_prefix, inner_dateline
from ..clean.furniture import MAX_WORDS, MIN_WORDS, furniture_reason, quoted_share
from ..model import Span
from ..words import CARDINALS, GLUED_SCALES, SCALES
from .standalone import ALONE, ANSWER, Verdict, headline_prefix, judge

__all__ = ["MAX_WORDS", "MIN_WORDS", "Candidate", "content_terms", "depends", "furniture_reason", "paired",
           "quoted_share", "standalone"]

_PRONOUN = re.compile(r"^(He|She)\b")
#: Number words as the digits a sentence about the same count would use ("twelve" = "12").
NUMBER_DIGITS = {w: str(v) for w, v in CARDINALS.items() if 1 <= v <= 12} | {
    w: str(int(v)) for w, v in SCALES.items() if w not in GLUED_SCALES
}


@dataclass(frozen=True)
class Candidate:
    """A sentence that can stand alone: the text to show and the span it came from."""

    span: Span  # the exact range of the source text the shown words come from
    text: str  # what the summary shows (the span's text, plus at most a bracketed name)
    terms: tuple[str, ...]  # content terms (lemmas and normalised numbers), in order
    position: int  # index of the sentence in its source
    words: int
    #: For two sentences shown as one: the span of the first shown alone, which this candidate
    #: may replace in a summary that already has it (adding only the second sentence's words).
    extends: Span | None = None


def content_terms(tokens: Sequence[Any]) -> tuple[str, ...]:
    """Lower-cased lemmas of content words and normalised numbers ("1,000" -> "1000", "seven" -> "7")."""
    out = []
    for tok in tokens:
        if tok.is_punct or tok.is_space:
            continue
        low = tok.text.lower()
        if tok.like_num:
            out.append(NUMBER_DIGITS.get(low, low.replace(",", "")))
        elif tok.is_alpha and not tok.is_stop and len(low) > 1:
            out.append(tok.lemma_.lower() or low)
    return tuple(out)


def standalone(
    span: Span, source_text: str, previous_persons: Sequence[str], doc: Any, *, first: bool = False,
    parse: Callable[[str], Any] | None = None, context: str = ALONE,
    speaker: Callable[[], str | None] | None = None,
) -> tuple[Span, str] | None:
    """The span and text to show for a sentence lifted out of context, or None if it depends on another.

    Strips a headline glued to an article's ``first`` sentence, a dateline and an additive
    connective (moving the span start; ``parse``, the pipeline, checks a name that may open the
    real sentence after a glued headline); whether the rest stands alone in ``context`` is read
    off the dependency parse (``summary.standalone.judge``). An opening "He"/"She" is resolved to
    the one person named in the preceding sentences (shown as "[Name]"), else the sentence is dropped.
    A quotation opened with no speaker is shown after the name of the one who speaks it
    (``speaker``: who says it, where the quotation ends) as "[Name:] “…": out of context a
    reader takes unattributed words for the briefing's own. (Dropping those whose speaker is not
    found cost 0.57 R-1 on Multi-News, ten times the margin the floor left: not a rule.)
    """
    shown = _repaired(span, source_text, doc, first, parse)
    if shown is None:
        return None
    start, text, sent = shown
    verdict = judge(sent, context)
    if verdict.skip:
        return None
    name = (speaker() if speaker else None) if verdict.speaker else None
    if name == ANSWER:
        return None  # an interview's answer after the page's question: whose, the page says far above
    shown = _with_verdict(span, start, text, verdict, previous_persons)
    return (shown[0], f"[{name}:] {shown[1]}") if shown and name else shown


#: The tail of a bracketed credit or aside whose opening bracket the sentence split left behind: a
#: few words, a closing bracket with no opening one, then the sentence.
_ASIDE_TAIL = re.compile(r"^[^()\[\]\n]{1,40}[)\]]\s+(?=[A-Z\"“])")


def depends(span: Span, source_text: str, doc: Any, *, first: bool = False,
            parse: Callable[[str], Any] | None = None) -> Verdict | None:
    """Why the sentence cannot be shown alone, when the reason is that it points back to the
    sentence before it (``Verdict.back``); None otherwise."""
    shown = _repaired(span, source_text, doc, first, parse)
    if shown is None:
        return None
    verdict = judge(shown[2], ALONE)
    return verdict if verdict.back else None


def paired(first: tuple[Span, str], second: tuple[Span, str], source_text: str) -> tuple[Span, str]:
    """Two neighbouring sentences shown as one: the span runs from the first's start to the
    second's end, the text is the first's as shown, one space (for the line or paragraph break
    between them) and then the source's own words."""
    (a, text), (b, _) = first, second
    return Span(a.source, a.start, b.end), text + " " + source_text[a.end : b.end].strip()


def _repaired(span: Span, source_text: str, doc: Any, first: bool,
              parse: Callable[[str], Any] | None) -> tuple[int, str, Any] | None:
    """(start, text, parsed sentence) after cutting a glued headline and a dateline (with whatever a
    scraper ran in before it: "After Crisis TOULON, France, Sept. 25 -- French President …")."""
    start = span.start
    whole = doc.char_span(span.start, span.end, alignment_mode="expand")
    start += headline_prefix(whole, first=first, parse=parse) if whole is not None else 0
    text = source_text[start : span.end]
    cut = dateline_prefix(text) or inner_dateline(text)  # a headline or credit run in before it goes too
    if cut and len(text) > cut:
        start, text = start + cut, text[cut:]
    tail = _ASIDE_TAIL.match(text)  # "The Washington Post) Ten of the nation's largest banks …" (report15)
    if tail and len(text) > tail.end():
        start, text = start + tail.end(), text[tail.end():]
    sent = doc.char_span(start, span.end, alignment_mode="contract")
    if sent is None or not text.strip():
        return None
    return start, text, sent


def _with_verdict(span: Span, start: int, text: str, verdict: Verdict,
                  previous_persons: Sequence[str]) -> tuple[Span, str] | None:
    if verdict.strip:
        start, text = start + verdict.strip, text[verdict.strip :]
    text = text[0].upper() + text[1:]
    moved = Span(span.source, start, span.end)
    if not verdict.pronoun:
        return moved, text
    pronoun = _PRONOUN.match(text)
    if pronoun and len(set(previous_persons)) == 1:
        return moved, f"[{previous_persons[0]}]{text[pronoun.end():]}"
    return None
