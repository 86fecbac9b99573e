"""Small views over the JSON dictionary shared by the Markdown and HTML renderers."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from ..model import source_label


def source_names(data: dict[str, Any]) -> dict[str, str]:
    """Source id -> a short unique label: the outlet, numbered if an outlet has several reports.

    Without an outlet (none in the metadata, URL, credits or dateline), the headline,
    shortened; a file name only as a last resort.
    """
    base = {s["id"]: source_label(s["outlet"], s.get("title"), s["path"], s["id"]) for s in data["sources"]}
    counts = Counter(base.values())
    seen: Counter[str] = Counter()
    names = {}
    for s in data["sources"]:
        label = base[s["id"]]
        if counts[label] > 1:
            seen[label] += 1
            label = f"{label} ({s['published'] or seen[label]})" if s["published"] else f"{label} #{seen[label]}"
        names[s["id"]] = label
    return names


def date_range(data: dict[str, Any]) -> str:
    first, last = data["story"]["first_date"], data["story"]["last_date"]
    if not first:
        return "dates unknown"
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    if a == b:
        return f"{a.day} {a:%B %Y}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {a:%B %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%B} – {b.day} {b:%B %Y}"
    return f"{a.day} {a:%B %Y} – {b.day} {b:%B %Y}"


def coverage_line(data: dict[str, Any]) -> str:
    """ "5 reports from 5 outlets · 4 independent (2 share wire copy)" """
    sources = data["sources"]
    outlets = {s["outlet"] or s["id"] for s in sources}
    groups = data.get("independent_groups") or [[s["id"]] for s in sources]
    sharing = sum(len(g) for g in groups if len(g) > 1)
    line = f"{len(sources)} report{'s' if len(sources) != 1 else ''} from {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}"
    line += f" · {len(groups)} independent"
    if sharing:
        line += f" ({sharing} share wire copy)"
    return line


def marked_segments(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool, list[int]]]:
    """Split ``text`` at every cited span's edges: (piece, highlighted, anchor offsets starting here)."""
    cuts = sorted({0, len(text), *(p for span in spans for p in span if 0 <= p <= len(text))})
    starts = {start for start, _ in spans}
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covered = any(start <= a and b <= end for start, end in spans)
        out.append((text[a:b], covered, [a] if a in starts else []))
    return out


def cited_spans(data: dict[str, Any]) -> dict[str, list[tuple[int, int]]]:
    """Every span the briefing cites, per source, so the report can anchor and highlight it."""
    spans: dict[str, list[tuple[int, int]]] = {s["id"]: [] for s in data["sources"]}
    for item in data["summary"] + data["timeline"]:
        for c in item["citations"]:
            spans[c["source"]].append((c["start"], c["end"]))
    for c in data["claims"]:
        spans[c["source"]].append((c["start"], c["end"]))
    return spans
