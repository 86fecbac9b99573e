"""The timeline capability's stages: ``times`` (every time expression, TIMEX3) and ``timeline`` (dated events)."""

from __future__ import annotations

import dataclasses

from ..model import Briefing
from ..pipeline import stage
from .events import events_by_source
from .extract import find_times
from .merge import build_timeline


@stage("times", version="1", requires={"docs", "published"}, produces={"times"})
def times(briefing: Briefing) -> Briefing:
    """Resolve each source's time expressions against that source's publication date."""
    found = tuple(
        f.expression
        for s in briefing.sources
        for f in find_times(s.id, s.text, briefing.docs[s.id], s.published)
    )
    return dataclasses.replace(briefing, times=found)


@stage("timeline", version="1", requires={"times", "sentences", "docs"}, produces={"timeline"})
def timeline(briefing: Briefing) -> Briefing:
    """Dated events of every source, the same happening merged across sources, ordered by day."""
    per_source = events_by_source(briefing.sources, briefing.docs, briefing.times, briefing.sentences)
    events = [e for evs in per_source.values() for e in evs]
    dates = [s.published for s in briefing.sources if s.published]
    entries = build_timeline(events, [s.id for s in briefing.sources], earliest=min(dates) if dates else None)
    return dataclasses.replace(briefing, timeline=entries)
