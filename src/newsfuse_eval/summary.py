"""Scores for a briefing's summary, used by the quality gate and the benchmark.

- ``citation_validity``: share of sentences whose every citation is a real,
  non-empty span of its source and, for an extracted sentence, whose first
  citation slices back to the text shown (up to the capitalised first
  letter and a bracketed "[Name]" put in for "He"/"She"; whitespace compared collapsed, as
  two sentences shown together are joined by one space).
- ``multi_source_share``: share of sentences that cite at least two
  independent groups (wire reprints count once).
- ``event_recall``: share of labelled key events (dated in at least two
  files of a gold label set) that some summary sentence cites, found by the
  span of the event's evidence snippet in each file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse.model import Briefing, Span, SummarySentence
from newsfuse.summary.support import group_count

_BRACKETED = re.compile(r"^\[[^\]]+\]")
_SPEAKER = re.compile(r"^\[[^\]]+:\] ")


@dataclass(frozen=True)
class SummaryScore:
    sentences: int
    words: int
    citation_validity: float
    multi_source_share: float
    event_recall: float | None = None


def span_valid(briefing: Briefing, span: Span) -> bool:
    try:
        source = briefing.source(span.source)
    except KeyError:
        return False
    return span.end <= len(source.text) and span.end > span.start


def sentence_valid(briefing: Briefing, s: SummarySentence) -> bool:
    if not all(span_valid(briefing, c) for c in s.citations):
        return False
    if s.kind != "extracted":
        return True
    cited = " ".join(briefing.text_of(s.citations[0]).split())  # two sentences shown as one: one space between
    shown = " ".join(s.text.split())
    speaker = _SPEAKER.match(shown)
    if speaker:  # "[Obama:] “You know, …" shown for "“You know, …"
        shown = shown[speaker.end():]
        return cited[1:] == shown[1:] and cited[:1].upper() == shown[:1].upper()
    bracket = _BRACKETED.match(shown)
    if bracket:  # "[Belmokhtar] said ..." shown for "He said ..."
        return cited.split(" ", 1)[-1] == shown[bracket.end():].lstrip()
    return cited[1:] == shown[1:] and cited[:1].upper() == shown[:1].upper()


def independent_sources(briefing: Briefing, s: SummarySentence) -> int:
    groups = briefing.independent_groups or tuple((x.id,) for x in briefing.sources)
    return group_count([c.source for c in s.citations], groups)


def event_spans(briefing: Briefing, event: Mapping[str, Any]) -> list[Span]:
    """Where each evidence snippet of a labelled event sits in the matching source's text."""
    by_file = {Path(s.path).name: s for s in briefing.sources if s.path}
    out = []
    for ev in event.get("evidence", ()):
        source = by_file.get(ev["file"])
        at = source.text.find(ev["snippet"]) if source else -1
        if source and at >= 0:
            out.append(Span(source.id, at, at + len(ev["snippet"])))
    return out


def event_recall(briefing: Briefing, events: Sequence[Mapping[str, Any]], min_files: int = 2) -> float | None:
    """Share of events dated by >= ``min_files`` files that a summary citation overlaps."""
    key = [e for e in events if len({ev["file"] for ev in e.get("evidence", ())}) >= min_files]
    if not key:
        return None
    cited = [c for s in briefing.summary for c in s.citations]
    hit = sum(any(c.overlaps(sp) for c in cited for sp in event_spans(briefing, e)) for e in key)
    return hit / len(key)


def score_summary(briefing: Briefing, events: Sequence[Mapping[str, Any]] = ()) -> SummaryScore:
    summary = briefing.summary
    n = max(1, len(summary))
    return SummaryScore(
        sentences=len(summary),
        words=sum(len(s.text.split()) for s in summary),
        citation_validity=sum(sentence_valid(briefing, s) for s in summary) / n,
        multi_source_share=sum(independent_sources(briefing, s) >= 2 for s in summary) / n,
        event_recall=event_recall(briefing, events) if events else None,
    )
