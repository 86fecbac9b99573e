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
    """Article-derived text as one Markdown line: whitespace runs (newlines included, which would end
    a heading, a list item or a table row early) become one space; Markdown/HTML-significant
    characters are escaped."""
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", " ".join(str(text).split()))


def _cite(citations: list[dict[str, Any]], names: dict[str, str]) -> str:
    seen = []
    for c in citations:
        if names[c["source"]] not in seen:
            seen.append(names[c["source"]])
    return " ".join(f"[{_md(n)}]" for n in seen)


def _summary(data: dict[str, Any], names: dict[str, str]) -> list[str]:
    """Cited summary sentences; disputed ones labelled; sentences the writer lost, listed."""
    if not data["summary"]:
        return []
    lines = ["## Summary", ""]
    for s in data["summary"]:
        mark = " **(disputed)**" if s.get("disputed") else ""
        lines.append(f"- {_md(s['text'])}{mark} {_cite(s['citations'], names)}")
    dropped = data.get("summary_dropped") or []
    if dropped:
        lines += ["", "*Left out of the summary (not supported by the cited sources):*", ""]
        lines += [f"- {_md(d['text'] or '(writer)')}: {_md(d['reason'])}" for d in dropped]
    return lines + [""]


def _figures(data: dict[str, Any], names: dict[str, str]) -> list[str]:
    """A table per shared figure (a row per source's claim), then one line per single-source figure."""
    if not data["figures"]:
        return []
    claims = {c["id"]: c for c in data["claims"]}
    texts = {s["id"]: s["text"] for s in data["sources"]}
    order = {"conflict": 0, "consistent": 1, "single": 2}
    figures = sorted(data["figures"], key=lambda f: order[f["status"]])
    lines = ["## Figures", ""]
    for fig in (f for f in figures if f["status"] != "single"):
        lines += [f"### {_md(fig['label'])} — {fig['status']}", ""]
        lines += [f"- {_md(r)}" for r in fig.get("reasons", [])] + ([""] if fig.get("reasons") else [])
        moved = _moved(fig)
        if moved:
            lines += [f"*Over time:* {_md(moved)}", ""]
        lines += ["| source | value | qualifier | who says | as of | sentence |", "|---|---|---|---|---|---|"]
        for v in fig["values"]:
            for cid in v["claims"]:
                c = claims.get(cid)
                if c is None:
                    continue
                sentence = _sentence(c, texts)
                lines.append(f"| {_md(names[c['source']])} | {_claim_value(c)} | {c['qualifier']} | "
                             f"{_md(c['attribution'] or 'not attributed')} | {c['as_of'] or '—'} | {_md(sentence)} |")
        lines.append("")
    singles = [f for f in figures if f["status"] == "single"]
    if singles:
        lines += [f"**Reported by one source only** ({len(singles)}):", ""]
        for fig in singles:
            vals = "; ".join(f"{_figure_value(v)} ({', '.join(names[s] for s in v['sources'])})" for v in fig["values"])
            lines.append(f"- {_md(fig['label'])}: {_md(vals)}")
        lines.append("")
    return lines


def _moved(fig: dict[str, Any]) -> str:
    dated = [v for v in fig["values"] if v["as_of"]]
    if len({v["as_of"] for v in dated}) < 2:
        return ""
    return " → ".join(f"{v['as_of']}: {_figure_value(v)}" for v in dated)


def _figure_value(v: dict[str, Any]) -> str:
    """'at least 30', 'hundreds (200–999)' style: a vague amount shows its range, not its middle."""
    if v.get("low") is not None and v.get("high") is not None:
        hedge = "" if v["qualifier"] in ("exact", "approximate-vague") else v["qualifier"] + " "
        return f"{hedge}{_num(v['low'])}–{_num(v['high'])}"
    return f"{'' if v['qualifier'] == 'exact' else v['qualifier'] + ' '}{_num(v['value'])}"


def _claim_value(c: dict[str, Any]) -> str:
    if c.get("low") is not None and c.get("high") is not None:
        text = f"{_num(c['low'])}–{_num(c['high'])}"
    else:
        text = _num(c["value"])
    return f"{text} {c['unit']}" if c.get("unit") else text


def _sentence(c: dict[str, Any], texts: dict[str, str]) -> str:
    span = c.get("sentence")
    text = texts[c["source"]][span["start"] : span["end"]] if span else c["text"]
    return " ".join(text.split())


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
    """Who's who: most widely reported first; each row says which outlets name the entity and how often."""
    if not data["entities"]:
        return []
    names = source_names(data)
    lines = ["## Who's who", "", "| name | type | also called | named by | mentions |", "|---|---|---|---|---|"]
    for e in data["entities"]:
        aliases = ", ".join(a for a in e["aliases"] if a != e["name"])
        named = set(e.get("sources") or {m["source"] for m in e["mentions"]})
        by = f"all {len(names)}" if len(named) == len(names) > 2 else ", ".join(n for s, n in names.items() if s in named)
        lines.append(f"| {_md(e['name'])} | {e['type']} | {_md(aliases)} | {_md(by)} | {len(e['mentions'])} |")
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
