"""What changed between two briefing versions of a story (both JSON contract dicts).

A reader coming back to a developing story wants the news, not the whole
briefing again: which outlets are new, which figures moved or became
disputed, which timeline entries appeared, which names were found to be the
same person or place. Figures are matched by label and unit, entities by
name, timeline entries by date and text; all of it is a pure function of
the two dicts so the API and the page show the same thing.
"""

from __future__ import annotations

import difflib
from typing import Any

Briefing = dict[str, Any]


def _figure_key(f: dict[str, Any]) -> tuple[str, str | None]:
    return f["label"].lower(), f.get("unit")


def _values(f: dict[str, Any]) -> list[float]:
    return sorted({v["value"] for v in f["values"]})


def briefing_diff(old: Briefing | None, new: Briefing) -> dict[str, Any]:
    """New sources, figures new/moved/newly disputed/settled, new timeline entries, newly merged names."""
    old = old or {"sources": [], "figures": [], "timeline": [], "entities": []}
    old_sources = {s["id"] for s in old["sources"]}
    new_sources = [{"id": s["id"], "outlet": s.get("outlet"), "title": s.get("title"), "url": s.get("url"),
                    "published": s.get("published")} for s in new["sources"] if s["id"] not in old_sources]
    before = {_figure_key(f): f for f in old["figures"]}
    figures = []
    for f in new["figures"]:
        was = before.get(_figure_key(f))
        if was is None:
            change = "disputed" if f["status"] == "conflict" else "new"
        elif was["status"] != "conflict" and f["status"] == "conflict":
            change = "disputed"
        elif was["status"] == "conflict" and f["status"] != "conflict":
            change = "settled"
        elif _values(was) != _values(f):
            change = "moved"
        else:
            continue
        figures.append({"label": f["label"], "unit": f.get("unit"), "change": change, "status": f["status"],
                        "before": _values(was) if was else [], "after": _values(f)})
    seen_entries = {(t["date"], t["text"]) for t in old["timeline"]}
    timeline = [{"date": t["date"], "text": t["text"], "sources": t["sources"]}
                for t in new["timeline"] if (t["date"], t["text"]) not in seen_entries]
    old_aliases = {e["name"]: set(e["aliases"]) for e in old["entities"]}
    merged = []
    for e in new["entities"]:
        gained = sorted(set(e["aliases"]) - old_aliases.get(e["name"], set()) - {e["name"]})
        if e["name"] in old_aliases and gained:
            merged.append({"name": e["name"], "type": e["type"], "merged": gained})
    return {"new_sources": new_sources, "figures": figures, "timeline": timeline, "merged_names": merged,
            "empty": not (new_sources or figures or timeline or merged)}


def text_diff(old: str, new: str, context: int = 2, limit: int = 400) -> list[tuple[str, str]]:
    """Line diff of an edited report's text as ``(mark, line)``: ``+`` added, ``-`` removed, `` `` context.

    Sentences are the unit a reader compares, so text is split into lines at
    sentence ends first; at most ``limit`` lines come back.
    """
    def lines(text: str) -> list[str]:
        out = []
        for para in text.splitlines():
            out.extend(s.strip() for s in para.replace(". ", ".\n").splitlines() if s.strip())
        return out

    rows: list[tuple[str, str]] = []
    for line in difflib.unified_diff(lines(old), lines(new), lineterm="", n=context):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            rows.append(("@", "…"))
            continue
        rows.append((line[:1], line[1:]))
        if len(rows) >= limit:
            break
    return rows
