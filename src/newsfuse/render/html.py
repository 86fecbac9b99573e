"""Self-contained HTML report: one file, inline CSS, no network, every article string escaped.

Rendered from the JSON contract dictionary with Jinja2 autoescaping on, so
article text (a ``<script>`` in a scraped page included) is always data. Each
section is its own template under ``templates/sections/``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from .view import cited_spans, coverage_line, date_range, marked_segments, source_names


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("newsfuse.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["by_source"] = first_per_source
    env.filters["num"] = lambda v: f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"
    env.filters["longdate"] = lambda iso: f"{date.fromisoformat(iso):%A} {date.fromisoformat(iso).day} {date.fromisoformat(iso):%B %Y}"
    return env


def first_per_source(citations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One marker per source (its first cited span): a disputed-figure sentence cites a
    dozen claim sentences, and a row of repeated outlet names helps no reader."""
    seen: dict[str, dict[str, Any]] = {}
    for c in citations:
        seen.setdefault(c["source"], c)
    return list(seen.values())


def briefing_to_html(data: dict[str, Any], generated_at: datetime | None = None) -> str:
    names = source_names(data)
    spans = cited_spans(data)
    by_id = {s["id"]: s for s in data["sources"]}
    context = {
        "data": data,
        "names": names,
        "by_id": by_id,
        "claims_by_id": {c["id"]: c for c in data["claims"]},
        "date_range": date_range(data),
        "coverage": coverage_line(data),
        "segments": {sid: marked_segments(by_id[sid]["text"], sp) for sid, sp in spans.items()},
        "generated_at": (generated_at or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        "snippet": lambda c: by_id[c["source"]]["text"][c["start"] : c["end"]],
    }
    return _environment().get_template("report.html.j2").render(**context)
