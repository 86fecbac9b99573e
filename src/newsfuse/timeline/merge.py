"""Merge the same happening across sources into one timeline entry, and order the entries.

Events merge only within a day. Two events are the same happening when
their clauses share content words and names: "Algerian special forces
stormed a desert gas plant on Saturday" and "On Saturday evening, Algerian
military forces stormed the complex" do; "France said on Saturday that
2,000 troops were on the ground" does not join them although it is the same
day. Clusters grow by average linkage (every member must resemble the
others, so one vague sentence cannot chain two happenings together).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

import numpy as np
from rapidfuzz import fuzz, process

from ..model import TimelineEntry
from .events import Event

#: Average-link similarity at which two clusters of one day merge. Calibrated on the In Amenas labels
#: (tests/data/labels/times-in-amenas.json) and checked on Deepwater Horizon (times-deepwater-horizon.json)
#: by a grid over both: 0.25-0.35 give the same precision/recall on both (In Amenas 0.91/0.79, Deepwater
#: 0.92/0.95); at 0.20 statements by different actors on one day merge (In Amenas recall 0.67); at 0.40
#: Deepwater's reports of the sinking stay apart (evidence recall 0.68 -> 0.57). 0.25 keeps most merging.
MERGE_THRESHOLD = 0.25
#: Two sentences of one report join only above this: a report retells its lead lower down in close
#: paraphrase (002: "ended the siege yesterday" / "yesterday ended a siege", 0.48), while one actor's
#: two statements on a day share words but not the happening (000: France's troop numbers and
#: Fabius in Abidjan, 0.34).
SAME_SOURCE_THRESHOLD = 0.45
#: Day-dated events this long before the first report are background (a senator "born March 31,
#: 1940" in a Timeline17 article), not the story's timeline. A year keeps a story's run-up.
STORY_WINDOW_DAYS = 365
#: Weights of the similarity parts: shared content lemmas, shared names, and rapidfuzz's
#: token-set ratio over the clause texts (catches shared phrasing the lemmas miss).
WORD_WEIGHT, ENTITY_WEIGHT, FUZZ_WEIGHT = 0.5, 0.25, 0.25


def similarity(a: Event, b: Event) -> float:
    """How likely two same-day events are one happening, 0..1."""
    fuzzy = fuzz.token_set_ratio(" ".join(sorted(a.words)), " ".join(sorted(b.words))) / 100
    return WORD_WEIGHT * _dice(a.words, b.words) + ENTITY_WEIGHT * _dice(a.entities, b.entities) + FUZZ_WEIGHT * fuzzy


def _similarities(events: Sequence[Event]) -> dict[tuple[int, int], float]:
    """``similarity`` of every pair (x < y): the fuzzy part in one ``rapidfuzz.process.cdist`` call
    (C++, the same scorer and float64 scores as calling it per pair) over each event's sorted words
    joined once, not once per pair (a busy day holds hundreds of events)."""
    texts = [" ".join(sorted(e.words)) for e in events]
    fuzzy = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, dtype=np.float64).tolist()
    return {(x, y): WORD_WEIGHT * _dice(a.words, b.words) + ENTITY_WEIGHT * _dice(a.entities, b.entities)
            + FUZZ_WEIGHT * (fuzzy[x][y] / 100)
            for x, a in enumerate(events) for y, b in enumerate(events[x + 1 :], start=x + 1)}


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def cluster_day(events: Sequence[Event], threshold: float = MERGE_THRESHOLD) -> list[list[Event]]:
    """Average-link agglomerative clustering of one day's events.

    Each round merges the pair of clusters with the highest link at or above ``threshold``
    (ties: the later pair in (i, j) order, as a scan keeping the last best would). A busy day
    (the day of an accident every later report recalls) holds hundreds of events, so nothing is
    recomputed over members: each cluster pair keeps the exact sum of its member similarities
    (an integer count of 2**-1074, the smallest float step, so a sum does not depend on the order
    clusters merged in; ``Fraction`` gave the same sums several times slower), a merge adds two
    rows of sums (Lance-Williams), each cluster keeps its set of sources for the same-source
    rule, and candidate links wait in a heap.
    """
    ids = list(range(len(events)))
    clusters: dict[int, list[Event]] = {i: [e] for i, e in zip(ids, events, strict=True)}
    sources = {i: {e.span.source} for i, e in zip(ids, events, strict=True)}
    totals: dict[tuple[int, int], float | int] = dict(_similarities(events))
    version = dict.fromkeys(ids, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(i: int, j: int) -> None:
        total = totals[(i, j)]
        link = (total if isinstance(total, float) else total / _TINY) / (len(clusters[i]) * len(clusters[j]))
        if link < SAME_SOURCE_THRESHOLD and not sources[i].isdisjoint(sources[j]):
            return
        if link >= threshold:
            heapq.heappush(heap, (-link, -i, -j, version[i], version[j]))

    for x, i in enumerate(ids):
        for j in ids[x + 1 :]:
            push(i, j)
    while heap:
        _, ni, nj, vi, vj = heapq.heappop(heap)
        i, j = -ni, -nj
        if i not in clusters or j not in clusters or version[i] != vi or version[j] != vj:
            continue
        clusters[i] = clusters[i] + clusters.pop(j)
        sources[i] |= sources.pop(j)
        version[i] += 1
        for c in clusters:
            if c != i:
                key = (min(i, c), max(i, c))
                totals[key] = _exact(totals[key]) + _exact(totals.pop((min(j, c), max(j, c))))
        for c in clusters:
            if c != i:
                push(min(i, c), max(i, c))
    return list(clusters.values())


#: 2**1074: every float is a whole number of 2**-1074, so sums of them in these units are exact
#: integers, and ``total / _TINY`` (integer true division) is the correctly rounded float of the sum.
_TINY = 1 << 1074


def _exact(x: float | int) -> int:
    """A float as an exact integer count of 2**-1074 (an integer is one already)."""
    if isinstance(x, int):
        return x
    num, den = x.as_integer_ratio()
    return num << (1075 - den.bit_length())


def build_timeline(events: Sequence[Event], source_order: Sequence[str], threshold: float = MERGE_THRESHOLD,
                   earliest: date | None = None) -> tuple[TimelineEntry, ...]:
    """Entries ordered by day (none more than ``STORY_WINDOW_DAYS`` before ``earliest``, the first
    publication date: a birth date in a profile is background, not the story); within a day, the happening most sources report comes first, then
    by part of day (reports disagree on it: 000 puts the final assault mid-morning, 004 in the evening)."""
    by_day: dict[date, list[Event]] = defaultdict(list)
    for e in events:
        if earliest is None or e.day >= earliest - timedelta(days=STORY_WINDOW_DAYS):
            by_day[e.day].append(e)
    entries = []
    rank: dict[str, int] = {}
    for at, sid in enumerate(source_order):
        rank.setdefault(sid, at)  # source_order.index, looked up
    for day in sorted(by_day):
        clusters = cluster_day(by_day[day], threshold)
        clusters.sort(key=lambda c: (-len({e.span.source for e in c}), min((e.order for e in c if e.order), default=0.0),
                                     min(rank[e.span.source] for e in c)))
        entries += [_entry(day, c, rank) for c in clusters]
    return tuple(entries)


def _entry(day: date, cluster: list[Event], rank: Mapping[str, int]) -> TimelineEntry:
    members = sorted(cluster, key=lambda e: (rank[e.span.source], e.span.start))
    best = representative(members)
    sources = tuple(dict.fromkeys(e.span.source for e in members))
    return TimelineEntry(day, best.text, sources, tuple(e.span for e in members), all(e.inferred for e in members))


def representative(members: Sequence[Event]) -> Event:
    """The best-supported member: most like the others, dated directly rather than by offset, then shortest."""
    def support(e: Event) -> tuple[float, int, int]:
        central = sum(similarity(e, o) for o in members if o is not e)
        return (central, e.how == "time", -len(e.text))
    return max(members, key=support)
