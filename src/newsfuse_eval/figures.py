"""Scoring claims and figures against the labelled sets in ``tests/data/labels/claims-*.json``.

Gold offsets point into the raw files; our claims point into the cleaned
source text, so each gold claim is placed by finding its snippet in the
cleaned text (nearest occurrence to its raw position). Gold claims whose
snippet cleaning removed (photo captions, fact boxes) are out of scope and
counted separately. A predicted claim matches a gold one when its numeral
span overlaps the gold numeral.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from newsfuse.model import Briefing, Claim


@dataclass(frozen=True)
class GoldClaim:
    source: str
    start: int
    end: int
    figure: str
    value: float | None
    qualifier: str
    predicate: str | None
    as_of: str | None
    zone: str
    attribution: str | None = None


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    out_of_scope: int = 0
    pair_tp: int = 0
    pair_pred: int = 0
    pair_gold: int = 0
    status_right: int = 0
    status_total: int = 0
    conflicts_flagged: int = 0
    conflicts_total: int = 0
    field_right: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def pair_precision(self) -> float:
        return self.pair_tp / self.pair_pred if self.pair_pred else 1.0

    @property
    def pair_recall(self) -> float:
        return self.pair_tp / self.pair_gold if self.pair_gold else 1.0

    @property
    def pair_f1(self) -> float:
        p, r = self.pair_precision, self.pair_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self, name: str) -> float:
        """Share of matched claims whose ``name`` (value, qualifier, as_of, attribution) agrees with the label."""
        return self.field_right[name] / self.matched if self.matched else 0.0

    @property
    def status_accuracy(self) -> float:
        return self.status_right / self.status_total if self.status_total else 0.0


def place_gold(labels: dict, briefing: Briefing) -> tuple[list[GoldClaim], int]:
    """Gold claims placed in the cleaned texts, and how many could not be (removed by cleaning)."""
    by_file = {Path(s.path).name: s for s in briefing.sources if s.path}
    raw_cache: dict[str, str] = {}
    placed, lost = [], 0
    for g in labels["claims"]:
        source = by_file.get(g["file"])
        if source is None:
            lost += 1
            continue
        raw = raw_cache.setdefault(g["file"], Path(source.path).read_text(encoding="utf-8", errors="replace"))
        start = _locate(raw, source.text, g["snippet"], g["char_start"])
        if start is None:
            lost += 1
            continue
        placed.append(GoldClaim(source.id, start, start + (g["char_end"] - g["char_start"]), g["figure"], g["value"],
                                g["qualifier"], g["predicate"], g["as_of"], g.get("zone", "body"),
                                g.get("attribution")))
    return placed, lost


def _locate(raw: str, clean: str, snippet: str, raw_pos: int) -> int | None:
    raw_at = _nearest(raw, snippet, raw_pos)
    if raw_at is None:
        return None
    offset = raw_pos - raw_at
    ratio = raw_pos / max(1, len(raw))
    clean_at = _nearest(clean, snippet, int(ratio * len(clean)))
    return None if clean_at is None else clean_at + offset


def _nearest(text: str, snippet: str, pos: int) -> int | None:
    hits, i = [], text.find(snippet)
    while i != -1:
        hits.append(i)
        i = text.find(snippet, i + 1)
    return min(hits, key=lambda h: abs(h - pos)) if hits else None


def score(labels: dict, briefing: Briefing) -> Scores:
    gold, lost = place_gold(labels, briefing)
    s = Scores(gold=len(gold), predicted=len(briefing.claims), out_of_scope=lost)
    match = _match(gold, list(briefing.claims))
    s.matched = len(match)
    _fields(s, match)
    figure_of = {cid: f for f in briefing.figures for v in f.values for cid in v.claims}
    _pairs(s, match, figure_of)
    _statuses(s, labels, match, figure_of)
    matched_ids = {c.id for _, c in match}
    s.misses = [f"{g.source}:{g.start} {g.figure}" for g in gold if all(g is not m for m, _ in match)]
    s.spurious = [f"{c.span.source}:{c.text}" for c in briefing.claims if c.id not in matched_ids]
    return s


def _match(gold: list[GoldClaim], claims: list[Claim]) -> list[tuple[GoldClaim, Claim]]:
    used: set[str] = set()
    out = []
    for g in gold:
        for c in claims:
            n = c.number or c.span
            if c.id not in used and n.source == g.source and n.start < g.end and g.start < n.end:
                used.add(c.id)
                out.append((g, c))
                break
    return out


def _fields(s: Scores, match) -> None:
    for g, c in match:
        s.field_right["value"] += g.value is None or abs((g.value or 0) - c.value) < 1e-6
        s.field_right["qualifier"] += g.qualifier == c.qualifier
        s.field_right["predicate"] += (g.predicate or "") == (c.predicate or "")
        s.field_right["as_of"] += g.as_of == (c.as_of.isoformat() if c.as_of else None)
        s.field_right["attribution"] += _same_speaker(g.attribution, c.attribution)


#: rapidfuzz partial-ratio above which two speaker strings name the same source
#: ("the security source (told AFP)" vs "the security source"); checked by eye on both clusters.
SPEAKER_MATCH = 70


def _same_speaker(gold: str | None, ours: str | None) -> bool:
    if gold is None or ours is None:
        return gold is None and ours is None
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(gold.lower(), ours.lower()) >= SPEAKER_MATCH


def _pairs(s: Scores, match, figure_of) -> None:
    for (g1, c1), (g2, c2) in combinations(match, 2):
        same_gold = g1.figure == g2.figure
        f1, f2 = figure_of.get(c1.id), figure_of.get(c2.id)
        same_pred = f1 is not None and f1 is f2
        s.pair_gold += same_gold
        s.pair_pred += same_pred
        s.pair_tp += same_gold and same_pred


def _statuses(s: Scores, labels: dict, match, figure_of) -> None:
    """Each gold figure's status vs the status of the predicted figure holding most of its claims."""
    members: dict[str, Counter] = {}
    for g, c in match:
        f = figure_of.get(c.id)
        if f is not None:
            members.setdefault(g.figure, Counter())[f.id] += 1
    by_id = {f.id: f for f in set(figure_of.values())}
    for name, counts in members.items():
        gold_status = labels["figures"].get(name, {}).get("status")
        if gold_status is None:
            continue
        predicted = by_id[counts.most_common(1)[0][0]].status
        s.status_total += 1
        s.status_right += predicted == gold_status
        if gold_status == "conflict":
            s.conflicts_total += 1
            s.conflicts_flagged += predicted == "conflict"
