"""The ``summary`` stage: an extractive, cited summary (and an optional LLM rewrite).

Requires only the core stages; reads ``entities``, ``figures``, ``claims``,
``times`` and ``timeline`` when an earlier stage filled them (they sharpen
coverage, dating and the disputed-figure sentences) and works without them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..model import Briefing, SummarySentence
from ..pipeline import stage
from .build import Index, build_index
from .disputed import conflicts_carried, disputed_sentence
from .select import DEFAULT_WEIGHTS, Scored, Weights, select, timeline_order


@stage(
    "summary",
    version="1",
    requires={"sentences", "independent_groups", "published"},
    produces={"summary"},
)
def summarize(briefing: Briefing) -> Briefing:
    settings = briefing.settings
    budget = getattr(settings, "summary_words", 250) or 250
    sentences = extractive_summary(briefing, budget)
    dropped: tuple = ()
    if getattr(settings, "llm_url", None):
        from .llm import rewrite_with_llm

        sentences, dropped = rewrite_with_llm(sentences, briefing, settings)
    return dataclasses.replace(briefing, summary=tuple(sentences), summary_dropped=tuple(dropped))


def extractive_summary(briefing: Briefing, budget: int, weights: Weights = DEFAULT_WEIGHTS) -> list[SummarySentence]:
    """Chosen sentences in timeline order, each followed by its disputed-figure sentence if any."""
    index = build_index(briefing)
    chosen = select(index.scored, index.key_weights, index.n_groups, budget, weights)
    ordered = timeline_order(chosen)
    claims = {c.id: c for c in briefing.claims}
    sources = {s.id: s for s in briefing.sources}
    out: list[SummarySentence] = []
    stated: set[str] = set()
    for s in _fit_disputes(ordered, chosen, briefing, budget):
        out.append(cited(s, index))
        for fig in conflicts_carried([s.candidate.span], briefing.figures, claims):
            extra = disputed_sentence(fig, claims, sources) if fig.id not in stated else None
            if extra is not None:
                stated.add(fig.id)
                out.append(extra)
    return out


def cited(s: Scored, index: Index) -> SummarySentence:
    """The sentence with its own span first, then the supporting spans of other sources."""
    support = index.support.get(s.candidate.span)
    others = support.spans if support else ()
    return SummarySentence(s.candidate.text, (s.candidate.span, *others))


def _fit_disputes(ordered: Sequence[Scored], chosen: Sequence[Scored], briefing: Briefing, budget: int) -> list[Scored]:
    """Drop the last-chosen extracted sentences until the disputed sentences fit the budget too."""
    if not briefing.figures:
        return list(ordered)
    claims = {c.id: c for c in briefing.claims}
    sources = {s.id: s for s in briefing.sources}
    keep = list(chosen)
    while keep:
        figs = conflicts_carried([s.candidate.span for s in keep], briefing.figures, claims)
        extra = [d for d in (disputed_sentence(f, claims, sources) for f in figs) if d is not None]
        words = sum(s.candidate.words for s in keep) + sum(len(d.text.split()) for d in extra)
        if words <= budget or len(keep) == 1:
            break
        keep.pop()
    kept = {id(s) for s in keep}
    return [s for s in ordered if id(s) in kept]
