"""The story index (schema ``newsfuse.stories/1``): every story by size, then date.

Pure: built from the stored articles and stories; ``output`` writes it as
``index.json`` and ``index.html``. Each article entry points at real text:
``lead`` is a span of the article's cleaned text (for a full article its id
is the source id used in the story's briefing), or the headline for a
headline-only record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from .model import StoredArticle, lead_end

SCHEMA = "newsfuse.stories/1"
#: How much of a story's first article stands in for a missing headline.
FALLBACK_TITLE_CHARS = 90


def story_title(articles: list[StoredArticle]) -> str:
    """The first article's headline, else the opening words of its text."""
    for a in articles:
        if a.title:
            return a.title
    text = articles[0].text if articles else ""
    cut = text[:FALLBACK_TITLE_CHARS].rsplit(" ", 1)[0]
    return (cut + "…") if cut else "(untitled story)"


def article_entry(a: StoredArticle) -> dict[str, Any]:
    text = a.text
    lead = {"source": a.id, "start": 0, "end": lead_end(text)} if text else None
    return {
        "id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url, "origin": a.origin,
        "published": _iso(a.published), "score": a.score, "lead": lead,
        "lead_text": text[: lead["end"]] if lead else None,
    }


def build_index(articles: Iterable[StoredArticle],
                briefings: Mapping[str, dict[str, str] | None], rejected: Iterable[Any] = (),
                options: Mapping[str, Any] | None = None, failed: Mapping[str, str] | None = None) -> dict[str, Any]:
    """``briefings``: story id -> file names by format (None: no briefing, e.g. headlines only);
    ``failed``: story id -> why its briefing could not be built (status ``failed``, retried next run)."""
    failed = failed or {}
    by_story: dict[str, list[StoredArticle]] = defaultdict(list)
    for a in articles:
        by_story[a.story].append(a)
    stories = [story_entry(sid, members, briefings.get(sid), failed.get(sid)) for sid, members in by_story.items()]
    stories.sort(key=lambda s: (-s["size"], _neg_date(s["last_date"]), s["id"]))
    return {
        "schema": SCHEMA,
        "options": dict(options or {}),
        "counts": {"stories": len(stories), "articles": sum(s["size"] for s in stories),
                   "multi_article_stories": sum(1 for s in stories if s["size"] > 1),
                   "failed_stories": sum(1 for s in stories if s["status"] == "failed")},
        "stories": stories,
        "rejected": [r.to_json() if hasattr(r, "to_json") else r for r in rejected],
    }


def story_entry(sid: str, members: list[StoredArticle],
                briefing: dict[str, str] | None, failure: str | None = None) -> dict[str, Any]:
    """``status``: ``written`` (a briefing), ``failed`` (``failure`` says why), ``none`` (not briefed)."""
    dated = sorted(a.published for a in members if a.published is not None)
    outlets = sorted({a.outlet for a in members if a.outlet})
    return {
        "id": sid,
        "title": story_title(members),
        "size": len(members),
        "first_date": _day(dated[0]) if dated else None,
        "last_date": _day(dated[-1]) if dated else None,
        "outlets": outlets,
        "briefing": briefing,
        "status": "failed" if failure else "written" if briefing else "none",
        "failure": failure,
        "articles": [article_entry(a) for a in members],
    }


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when is not None else None


def _day(when: datetime) -> str:
    return when.date().isoformat()


def _neg_date(day: str | None) -> str:
    """Sort key putting later days first and undated stories last."""
    if day is None:
        return "~"
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in day)
