"""The ``summary`` stage: an extractive, cited summary.

Requires only the core stages; reads ``entities``, ``figures``, ``claims``,
``times`` and ``timeline`` when an earlier stage filled them (they sharpen
coverage, dating and the disputed-figure sentences) and works without them.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..model import Briefing, Claim, Figure, Span, SummarySentence
from ..pipeline import stage
from .build import Index, build_index
from .disputed import disputed_sentence
from .select import DEFAULT_WEIGHTS, Scored, Weights, select, timeline_order
from .support import with_independent_sources


@stage(
    "summary",
    version="1",
    requires={"sentences", "independent_groups", "published"},
    produces={"summary"},
)
def summarize(briefing: Briefing) -> Briefing:
    settings = briefing.settings
    budget = getattr(settings, "summary_words", 250) or 250
    sentences = with_independent_sources(extractive_summary(briefing, budget), briefing.independent_groups)
    return dataclasses.replace(briefing, summary=sentences)


def extractive_summary(briefing: Briefing, budget: int, weights: Weights = DEFAULT_WEIGHTS) -> list[SummarySentence]:
    """Chosen sentences in timeline order, each followed by its disputed-figure sentence if any.

    Selection prices each candidate with the disputed sentences it would add,
    so the word budget holds for everything the reader sees.
    """
    index = build_index(briefing)
    claims = {c.id: c for c in briefing.claims}
    sources = {s.id: s for s in briefing.sources}
    disputes = _disputes(briefing, claims, sources)
    # Which disputed figures each candidate carries, computed once: selection asks for every
    # candidate in every greedy round.
    carried = _carried([s.candidate.span for s in index.scored], briefing.figures, claims, disputes) if disputes else {}
    may_lead, lead_key = lead_filter(briefing)
    pricer = _pricer(disputes, carried) if disputes else None
    chosen = select(index.scored, index.key_weights, index.n_groups, budget, weights, extra_words=pricer)
    if not any(may_lead(s) for s in chosen) and max((s.groups for s in chosen), default=0) < 2:
        # None may lead, and none that several outlets report could lead instead (In Amenas' "According
        # to a preliminary government toll, …" does): choose again, a lede first (``select``'s
        # ``may_lead``). Only then: forcing a lede first always cost 0.14 R-1 on Multi-News, whose free
        # choices hold one as a rule.
        chosen = select(index.scored, index.key_weights, index.n_groups, budget, weights, extra_words=pricer,
                        may_lead=may_lead)
    out: list[SummarySentence] = []
    stated: set[str] = set()
    for s in timeline_order(chosen, lead_key):
        out.append(cited(s, index))
        for fig_id in carried.get(s.candidate.span, ()):
            if fig_id not in stated:
                stated.add(fig_id)
                out.append(disputes[fig_id])
    return out


#: A report's opening sentences (its lede) state its news: the lead comes from these.
LEDE_SENTENCES = 2
#: An event dated more than this many days before the latest report is background, not the lead.
BACKGROUND_DAYS = 2


def lead_filter(briefing: Briefing) -> tuple[Callable[[Scored], bool], Callable[[Scored], tuple]]:
    """Which candidates may lead, and how the chosen ones rank for the lead.

    A lede (a report's opening sentences, taking nothing as already introduced) whose event date,
    when known, is its report's news, not an earlier year's background, may lead. The lead is a
    lede of the latest reporting day where one was chosen (Deepwater Horizon: "The ripple effects
    of last week's offshore drilling rig explosion widened Monday …"); else the choice the most
    independent groups report, a lede among equals: the toll three outlets give (In Amenas)
    before one report's opening, and an equally reported lede of an earlier day before a later
    paragraph (Timeline17 weeks of the read splits, whose latest day is often a side story's)."""
    published = {s.id: s.published for s in briefing.sources}
    dates = [d for d in published.values() if d is not None]
    latest = max(dates) if dates else None

    def may_lead(s: Scored) -> bool:
        if s.candidate.position >= LEDE_SENTENCES or s.referents.needs:
            return False
        day = published.get(s.candidate.span.source)
        return s.when is None or day is None or (day - s.when).days <= BACKGROUND_DAYS

    def lead_key(s: Scored) -> tuple:
        lede = may_lead(s)
        return (lede and published.get(s.candidate.span.source) in (latest, None), s.groups, lede)

    return may_lead, lead_key


def _disputes(briefing: Briefing, claims: dict, sources: dict) -> dict[str, SummarySentence]:
    """Figure id -> its range sentence, for every conflicting figure that has one."""
    out = {}
    for fig in briefing.figures:
        if fig.status == "conflict":
            sentence = disputed_sentence(fig, claims, sources)
            if sentence is not None:
                out[fig.id] = sentence
    return out


def _pricer(disputes: dict[str, SummarySentence], carried: dict):
    def price(s: Scored, stated: set[str]) -> tuple[int, frozenset[str]]:
        new = frozenset(f for f in carried[s.candidate.span] if f not in stated)
        return sum(len(disputes[f].text.split()) for f in new), new

    return price


def cited(s: Scored, index: Index) -> SummarySentence:
    """The sentence with its own span first, then the supporting spans of other sources."""
    support = index.support.get(s.candidate.span)
    others = support.spans if support else ()
    return SummarySentence(s.candidate.text, (s.candidate.span, *others))


def _carried(spans: list[Span], figures: Sequence[Figure], claims: Mapping[str, Claim],
             wanted: Mapping[str, Any]) -> dict[Span, tuple[str, ...]]:
    """For each span, the ids of the wanted conflicting figures with a claim inside it, in figure
    order, placing each claim by bisection: asking every figure for every candidate sentence was
    quadratic on a long text."""
    by_source: dict[str, list[Span]] = {}
    for span in sorted(set(spans), key=lambda s: (s.source, s.start, s.end)):
        by_source.setdefault(span.source, []).append(span)
    starts = {sid: [s.start for s in found] for sid, found in by_source.items()}
    hits: dict[Span, dict[str, None]] = {span: {} for span in spans}
    for fig in figures:
        if fig.status != "conflict" or fig.id not in wanted:
            continue
        for value in fig.values:
            for cid in value.claims:
                claim = claims.get(cid)
                if claim is None or claim.span.source not in by_source:
                    continue
                ordered, at = by_source[claim.span.source], claim.span.start
                k = bisect.bisect_right(starts[claim.span.source], at) - 1
                while k >= 0 and ordered[k].end > at:  # sentences do not overlap: one step, as a rule
                    hits[ordered[k]][fig.id] = None
                    k -= 1
    return {span: tuple(ids) for span, ids in hits.items()}
