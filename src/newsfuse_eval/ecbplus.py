"""ECB+ cross-document entity merging, split into tune and report halves.

ECB+ dev (``../shared/eval/entities-ecbplus/subtopics.jsonl``, split ``dev``) holds eight
topics (2, 5, 12, 18, 21, 23, 34, 35), each with two sub-topics (two similar events). The
halves are fixed by topic id parity, decided before any rule was tuned: **even topics tune,
odd topics report** (2, 12, 18, 34 tune; 5, 21, 23, 35 report). Each sub-topic is briefed as one
story (newsfuse briefs one event at a time) and scored on the gold mentions whose span
newsfuse also found (``score_on_gold_spans``); pairs are pooled over the sub-topics of a half,
so a large sub-topic weighs as many pairs as it holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from newsfuse.model import Entity

ECBPLUS = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "entities-ecbplus" / "subtopics.jsonl"


def half(topic: str) -> str:
    """ "tune" for even ECB+ topic ids, "report" for odd ones."""
    return "tune" if int(topic) % 2 == 0 else "report"


def subtopics(split: str) -> Iterator[dict[str, Any]]:
    for line in ECBPLUS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["split"] == "dev" and half(row["parent_topic"]) == split:
            yield row


@dataclass
class PairCounts:
    """Pairs of gold-matched mentions: put together by us, together in gold, both."""

    predicted: int = 0
    gold: int = 0
    both: int = 0

    @property
    def precision(self) -> float:
        return self.both / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.both / self.gold if self.gold else 1.0


def pair_counts(gold_clusters: Sequence[Mapping[str, Any]], entities: Sequence[Entity]) -> PairCounts:
    """Counts over gold mentions we found with exactly their span (a leading "the " dropped)."""
    ours = {(m.source, m.start, m.end): e.id for e in entities for m in e.mentions}
    found: list[tuple[int, str]] = []
    for index, cluster in enumerate(gold_clusters):
        for m in cluster["mentions"]:
            start = m["start"] + 4 if m["text"].lower().startswith("the ") else m["start"]
            key = (m["doc_id"], start, m["end"])
            if key in ours:
                found.append((index, ours[key]))
    out = PairCounts()
    for (ga, sa), (gb, sb) in combinations(found, 2):
        out.predicted += sa == sb
        out.gold += ga == gb
        out.both += ga == gb and sa == sb
    return out
