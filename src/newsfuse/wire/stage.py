"""The ``wire`` stage: link sources that share wire copy and partition them into independent groups."""

from __future__ import annotations

import dataclasses

from ..model import Briefing
from ..pipeline import stage
from .copy import independent_groups, near_duplicate_pairs, shared_copy


@stage("wire", version="1", requires={"sentences"}, produces={"shared_text", "independent_groups"})
def wire(briefing: Briefing) -> Briefing:
    pairs = near_duplicate_pairs(briefing.sources, briefing.sentences)
    links = shared_copy(pairs)
    ids = [s.id for s in briefing.sources]
    sources = tuple(
        dataclasses.replace(s, shares_text_with=tuple(sorted(links.get(s.id, ()), key=ids.index)))
        for s in briefing.sources
    )
    return dataclasses.replace(
        briefing, sources=sources, shared_sentences=pairs, independent_groups=independent_groups(ids, links)
    )
