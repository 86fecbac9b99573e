"""Score time expressions and timeline entries against hand labels (tests/data/labels/times-*.json).

The labels name each item by file, a snippet around it and its text; here
those become character spans in the briefing's sources, so predictions are
matched by overlap (TempEval-3's relaxed match). Resolution accuracy is the
share of matched expressions whose value is the labelled one (or one the
label lists as acceptable); the exact-date figure counts day-level values
only and is compared with plain dateparser on the same expressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from newsfuse.model import Briefing, Span, TimeExpression, TimelineEntry
from newsfuse.timeline.resolve import dateparser_day

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class TimeScore:
    gold: int  # labelled expressions (optional ones left out)
    found: int  # of those, matched by an overlapping prediction
    predicted: int
    predicted_matched: int  # predictions overlapping any labelled expression
    value_correct: int  # matched, with the labelled (or an acceptable) value
    day_gold: int  # matched expressions whose label is a calendar day
    day_correct: int  # ... that we resolved to that exact day
    dateparser_day_correct: int  # ... that plain dateparser resolves to that day

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.found if self.found else 0.0

    @property
    def day_accuracy(self) -> float:
        return self.day_correct / self.day_gold if self.day_gold else 0.0

    @property
    def dateparser_day_accuracy(self) -> float:
        return self.dateparser_day_correct / self.day_gold if self.day_gold else 0.0


@dataclass(frozen=True)
class TimelineScore:
    gold: int  # labelled events
    recalled: int  # events cited by an entry carrying the event's date
    entries: int
    correct: int  # entries citing a labelled event's evidence, with that event's date
    days_gold: frozenset[date]
    days_correct: frozenset[date]  # days with at least one correct entry
    evidence: int = 0  # labelled (source, snippet) pairs cited by a correct entry of the event
    evidence_total: int = 0
    attested: int = 0  # entries citing any labelled evidence

    @property
    def evidence_recall(self) -> float:
        return self.evidence / self.evidence_total if self.evidence_total else 0.0

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        """Correct entries among those citing labelled evidence: the labels give one snippet per
        report and event, so an entry citing another sentence of that report cannot be judged."""
        return self.correct / self.attested if self.attested else 0.0

    @property
    def strict_precision(self) -> float:
        """Correct entries among all entries (unjudged ones counted wrong)."""
        return self.correct / self.entries if self.entries else 0.0


def source_ids_by_file(briefing: Briefing) -> dict[str, str]:
    return {Path(s.path).name: s.id for s in briefing.sources if s.path}


def locate(text: str, snippet: str, inner: str | None = None) -> tuple[int, int] | None:
    """Where ``inner`` (default: the whole snippet) lies inside the first occurrence of ``snippet``."""
    at = _find_loose(text, snippet)
    if at is None:
        return None
    if inner is None:
        return at
    found = _find_loose(text[at[0] : at[1]], inner)
    return (at[0] + found[0], at[0] + found[1]) if found else None


def _find_loose(text: str, needle: str) -> tuple[int, int] | None:
    """Case-, quote- and whitespace-tolerant find (labellers typed snippets by hand)."""
    parts = [re.escape(w) for w in re.split(r"\s+", needle.strip()) if w]
    pattern = r"\s+".join(parts).replace("’", "\0").replace("'", "\0").replace("\0", "['’]")
    m = re.search(pattern, text, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def gold_times(labels: Mapping[str, Any], briefing: Briefing) -> list[tuple[Span, dict[str, Any]]]:
    ids = source_ids_by_file(briefing)
    out = []
    for item in labels["times"]:
        sid = ids.get(item["file"])
        if sid is None:
            continue
        where = _locate_any(briefing.source(sid).text, item)
        if where is not None:  # None: the line was page furniture that cleaning removed (a caption)
            out.append((Span(sid, *where), item))
    return out


def _locate_any(text: str, item: Mapping[str, Any]) -> tuple[int, int] | None:
    for inner in (item["text"], *item.get("alt_texts", ())):
        where = locate(text, item["snippet"], inner)
        if where:
            return where
    return None


def score_times(labels: Mapping[str, Any], briefing: Briefing, times: Sequence[TimeExpression] | None = None) -> TimeScore:
    times = briefing.times if times is None else times
    gold = gold_times(labels, briefing)
    published = {s.id: s.published for s in briefing.sources}
    counted = [(span, item) for span, item in gold if not item.get("optional")]
    found = value_ok = day_gold = day_ok = dp_ok = 0
    for span, item in counted:
        match = _best_match(span, times)
        if match is None:
            continue
        found += 1
        accepted = {item["value"], *item.get("acceptable", ())}
        value_ok += match.value in accepted
        gold_day = _DAY.match(item["value"] or "")
        if gold_day:
            day_gold += 1
            day_ok += bool(match.value) and match.value[:10] == gold_day[1]
            dp = dateparser_day(item["text"], published[span.source])
            dp_ok += dp is not None and dp.isoformat() == gold_day[1]
    matched_pred = sum(any(t.span.overlaps(g) for g, _ in gold) for t in times)
    return TimeScore(len(counted), found, len(times), matched_pred, value_ok, day_gold, day_ok, dp_ok)


def _best_match(span: Span, times: Iterable[TimeExpression]) -> TimeExpression | None:
    overlapping = [t for t in times if t.span.overlaps(span)]
    if not overlapping:
        return None
    return max(overlapping, key=lambda t: min(t.span.end, span.end) - max(t.span.start, span.start))


def gold_events(labels: Mapping[str, Any], briefing: Briefing) -> list[tuple[date, list[Span]]]:
    ids = source_ids_by_file(briefing)
    out = []
    for event in labels["events"]:
        spans = []
        for ev in event["evidence"]:
            sid = ids.get(ev["file"])
            where = locate(briefing.source(sid).text, ev["snippet"]) if sid else None
            if where:
                spans.append(Span(sid, *where))
        out.append((date.fromisoformat(event["date"]), spans))
    return out


def score_timeline(labels: Mapping[str, Any], briefing: Briefing, entries: Sequence[TimelineEntry] | None = None) -> TimelineScore:
    """Entry precision, event recall and evidence recall against the labelled events.

    An entry is correct when it carries the date of a labelled event and every
    citation of it that touches labelled evidence touches that one event's
    evidence (an entry merging two happenings is wrong). An event is recalled
    when a correct entry with its date cites its evidence; evidence recall
    counts the labelled (source, snippet) pairs such entries cite, so it
    drops when one happening's reports are left in separate entries.
    """
    entries = briefing.timeline if entries is None else entries
    events = gold_events(labels, briefing)
    correct = [e for e in entries if _matching_event(e, events) is not None]
    attested = [e for e in entries if _touches(e, events)]
    recalled = evidence = evidence_total = 0
    for day, spans in events:
        hits = [e for e in correct if e.date == day and _cites(e, spans)]
        recalled += bool(hits)
        evidence_total += len(spans)
        # the entry citing most of its evidence: merging is judged per happening
        evidence += max((sum(_cites(e, [s]) for s in spans) for e in hits), default=0)
    return TimelineScore(
        gold=len(events), recalled=recalled, entries=len(entries), correct=len(correct),
        days_gold=frozenset(day for day, _ in events), days_correct=frozenset(e.date for e in correct),
        evidence=evidence, evidence_total=evidence_total, attested=len(attested),
    )


def _touches(entry: TimelineEntry, events: Sequence[tuple[date, list[Span]]]) -> bool:
    return any(c.overlaps(s) for c in entry.citations for _, spans in events for s in spans)


def _matching_event(entry: TimelineEntry, events: Sequence[tuple[date, list[Span]]]) -> int | None:
    touching = [c for c in entry.citations if any(c.overlaps(s) for _, spans in events for s in spans)]
    if not touching:
        return None
    for i, (day, spans) in enumerate(events):
        if day == entry.date and all(any(c.overlaps(s) for s in spans) for c in touching):
            return i
    return None


def _cites(entry: TimelineEntry, spans: Sequence[Span]) -> bool:
    return any(c.overlaps(s) for c in entry.citations for s in spans)
