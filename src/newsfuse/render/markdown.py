"""Markdown briefing, rendered from the JSON contract dictionary."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .view import coverage_line, date_range, source_names


def briefing_to_markdown(data: dict[str, Any]) -> str:
    names = source_names(data)
    parts = [
        f"# {_md(data['story']['title'])}",
        "",
        f"*{date_range(data)} · {coverage_line(data)}*",
        "",
        *_summary(data, names),
        *_figures(data, names),
        *_timeline(data, names),
        *_entities(data),
        *_sources(data, names),
        *_rejected(data),
        f"---\nnewsfuse {data['generator']['version']}",
    ]
    return "\n".join(parts).rstrip() + "\n"


def _md(text: str) -> str:
    """Escape Markdown/HTML-significant characters in article-derived text."""
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text)


def _cite(citations: list[dict[str, Any]], names: dict[str, str]) -> str:
    seen = []
    for c in citations:
        if names[c["source"]] not in seen:
            seen.append(names[c["source"]])
    return " ".join(f"[{_md(n)}]" for n in seen)


def _summary(data: dict[str, Any], names: dict[str, str]) -> list[str]:
    if not data["summary"]:
        return []
    lines = ["## Summary", ""]
    lines += [f"- {_md(s['text'])} {_cite(s['citations'], names)}" for s in data["summary"]]
    return lines + [""]


def _figures(data: dict[str, Any], names: dict[str, str]) -> list[str]:
    if not data["figures"]:
        return []
    claims = {c["id"]: c for c in data["claims"]}
    order = {"conflict": 0, "consistent": 1, "single": 2}
    lines = ["## Figures", ""]
    for fig in sorted(data["figures"], key=lambda f: order[f["status"]]):
        lines += [f"### {_md(fig['label'])} — {fig['status']}", "",
                  "| value | qualifier | as of | sources | who says |", "|---|---|---|---|---|"]
        for v in fig["values"]:
            who = "; ".join(sorted({claims[c]["attribution"] or "—" for c in v["claims"] if c in claims}))
            srcs = ", ".join(names[s] for s in v["sources"])
            lines.append(f"| {_num(v['value'])} | {v['qualifier']} | {v['as_of'] or '—'} | {_md(srcs)} | {_md(who)} |")
        lines.append("")
    return lines


def _num(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _timeline(data: dict[str, Any], names: dict[str, str]) -> list[str]:
    """One heading per day ("Wednesday 16 January 2013"), one bullet per event with its sources."""
    undated = [t for t in data.get("times", []) if t["value"] is None]
    if not data["timeline"] and not undated:
        return []
    lines = ["## Timeline", ""]
    day = None
    for e in data["timeline"]:
        if e["date"] != day:
            day = e["date"]
            when = date.fromisoformat(day)
            lines += ([""] if lines[-1] else []) + [f"### {when:%A} {when.day} {when:%B %Y}", ""]
        mark = " *(date rests on an inferred publication date)*" if e.get("inferred") else ""
        lines.append(f"- {_md(e['text'])} {_cite(e['citations'], names)}{mark}")
    if undated:
        lines += ["", f"*Could not be dated ({len(undated)}):* "
                  + "; ".join(f"“{_md(t['text'])}” [{_md(names[t['source']])}]" for t in undated)]
    return lines + [""]


def _entities(data: dict[str, Any]) -> list[str]:
    if not data["entities"]:
        return []
    lines = ["## Who's who", "", "| name | type | also called | sources |", "|---|---|---|---|"]
    for e in data["entities"]:
        aliases = ", ".join(a for a in e["aliases"] if a != e["name"])
        lines.append(f"| {_md(e['name'])} | {e['type']} | {_md(aliases)} | {len(e.get('sources', []))} |")
    return lines + [""]


def _sources(data: dict[str, Any], names: dict[str, str]) -> list[str]:
    lines = ["## Sources", ""]
    for s in data["sources"]:
        date = s["published"] or "date unknown"
        origin = f" ({s['published_from']})" if s["published_from"] else ""
        shared = ", ".join(names[o] for o in s["shares_text_with"])
        lines.append(f"- **{_md(names[s['id']])}** — {_md(s['title'] or 'untitled')} — {date}{origin}"
                     + (f" — shares wire copy with {_md(shared)}" if shared else "")
                     + (f" — {len(s['removed'])} furniture lines removed" if s["removed"] else ""))
    return lines + [""]


def _rejected(data: dict[str, Any]) -> list[str]:
    if not data["rejected"]:
        return []
    return ["## Not used", ""] + [f"- `{_md(r['path'])}`: {_md(r['reason'])}" for r in data["rejected"]] + [""]
