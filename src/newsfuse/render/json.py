"""The JSON contract, schema ``newsfuse.briefing/1`` (see README "JSON contract").

Markdown and HTML are rendered from this same dictionary, so the three
outputs cannot disagree. Keys are only ever added, never renamed or removed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .. import __version__
from ..model import Briefing, Claim, Entity, Figure, Source, Span, SummarySentence, TimeExpression, TimelineEntry

SCHEMA = "newsfuse.briefing/1"


def briefing_to_json(briefing: Briefing, options: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "story": _story(briefing),
        "sources": [_source(s) for s in briefing.sources],
        "entities": [_entity(e) for e in briefing.entities],
        "claims": [_claim(c) for c in briefing.claims],
        "figures": [_figure(f) for f in briefing.figures],
        "times": [_time(t) for t in briefing.times],
        "timeline": [_entry(t) for t in briefing.timeline],
        "summary": [_summary(s) for s in briefing.summary],
        "summary_dropped": [{"text": d.text, "reason": d.reason} for d in briefing.summary_dropped],
        "independent_groups": [list(g) for g in briefing.independent_groups],
        "rejected": [r.to_json() for r in briefing.rejected],
        "generator": {"name": "newsfuse", "version": __version__, "options": options or {}},
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _spans(spans: tuple[Span, ...]) -> list[dict[str, Any]]:
    return [s.to_json() for s in spans]


def _source(s: Source) -> dict[str, Any]:
    return {
        "id": s.id,
        "path": s.path,
        "url": s.url,
        "outlet": s.outlet,
        "title": s.title,
        "published": _iso(s.published),
        "published_from": s.published_from,
        "published_note": s.published_note,
        "text": s.text,
        "shares_text_with": list(s.shares_text_with),
        "removed": [r.to_json() for r in s.removed],
    }


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
        "mentions": _spans(e.mentions),
        "sources": sorted({m.source for m in e.mentions}),
    }


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id, "source": c.span.source, "start": c.span.start, "end": c.span.end,
        "text": c.text, "value": c.value, "qualifier": c.qualifier, "counts": c.counts,
        "attribution": c.attribution, "as_of": _iso(c.as_of),
        "low": c.low, "high": c.high, "predicate": c.predicate, "kind": c.kind,
        "unit": c.unit, "scope": "; ".join(x for x in (c.place, c.scope) if x) or None, "as_of_from": c.as_of_from,
        "modality": c.modality, "disputed_by": c.disputed_by,
        "number": c.number.to_json() if c.number else None,
        "sentence": c.sentence.to_json() if c.sentence else None,
    }


def _figure(f: Figure) -> dict[str, Any]:
    return {
        "id": f.id, "label": f.label, "status": f.status,
        "values": [
            {"value": v.value, "qualifier": v.qualifier, "sources": list(v.sources),
             "claims": list(v.claims), "as_of": _iso(v.as_of), "low": v.low, "high": v.high}
            for v in f.values
        ],
        "reasons": list(f.reasons), "subset_of": f.subset_of, "predicate": f.predicate,
        "kind": f.kind, "unit": f.unit, "disputed_claims": list(f.disputed),
    }


def _time(t: TimeExpression) -> dict[str, Any]:
    return {"source": t.span.source, "start": t.span.start, "end": t.span.end, "text": t.text,
            "type": t.type, "value": t.value, "anchor": t.anchor, "note": t.note}


def _entry(t: TimelineEntry) -> dict[str, Any]:
    return {"date": t.date.isoformat(), "text": t.text, "sources": list(t.sources),
            "citations": _spans(t.citations), "inferred": t.inferred}


def _summary(s: SummarySentence) -> dict[str, Any]:
    return {"text": s.text, "citations": _spans(s.citations), "kind": s.kind, "disputed": s.disputed,
            "independent_sources": s.independent_sources}


def _story(briefing: Briefing) -> dict[str, Any]:
    dates = [s.published for s in briefing.sources if s.published]
    dates += [t.date for t in briefing.timeline]
    return {
        "title": briefing.title,
        "first_date": _iso(min(dates)) if dates else None,
        "last_date": _iso(max(dates)) if dates else None,
    }
