"""The story index (schema ``newsfuse.stories/1``): every story by size, then date.

Pure: built from the stored articles and stories; ``output`` writes it as
``index.json`` and ``index.html``. Each article entry points at real text:
``lead`` is a span of the article's cleaned text (for a full article its id
is the source id used in the story's briefing), or the headline for a
headline-only record.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
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
    parts = index_parts(articles, briefings, rejected, options, failed)
    return {**parts.head, "stories": list(parts.stories()), "rejected": parts.rejected}


@dataclass(frozen=True)
class IndexParts:
    """The index in parts, so it can be written story by story (``index_json_chunks``) instead of
    held whole with its JSON and HTML texts: ``head`` (schema, options, counts), ``stories()``
    (each story's entry, made when asked, in index order) and ``rejected``."""

    head: dict[str, Any]
    order: list[tuple[str, list[StoredArticle]]]
    briefings: Mapping[str, dict[str, str] | None]
    failed: Mapping[str, str]
    rejected: list[Any]

    def stories(self) -> Iterator[dict[str, Any]]:
        for sid, members in self.order:
            yield story_entry(sid, members, self.briefings.get(sid), self.failed.get(sid))


def index_parts(articles: Iterable[StoredArticle],
                briefings: Mapping[str, dict[str, str] | None], rejected: Iterable[Any] = (),
                options: Mapping[str, Any] | None = None, failed: Mapping[str, str] | None = None) -> IndexParts:
    """What ``build_index`` gives, with the story entries left to be made one at a time: only each
    story's sort key is computed here (the same key ``story_entry``'s fields give)."""
    failed = failed or {}
    by_story: dict[str, list[StoredArticle]] = defaultdict(list)
    for a in articles:
        by_story[a.story].append(a)
    keyed = []
    for sid, members in by_story.items():
        dated = [a.published for a in members if a.published is not None]
        last = _day(max(dated)) if dated else None
        keyed.append(((-len(members), _neg_date(last), sid), sid, members))
    keyed.sort(key=lambda k: k[0])
    statuses = [_status(failed.get(sid), briefings.get(sid)) for _, sid, _ in keyed]
    head = {
        "schema": SCHEMA,
        "options": dict(options or {}),
        "counts": {"stories": len(keyed), "articles": sum(len(m) for _, _, m in keyed),
                   "multi_article_stories": sum(1 for _, _, m in keyed if len(m) > 1),
                   "failed_stories": sum(1 for s in statuses if s == "failed")},
    }
    return IndexParts(head, [(sid, m) for _, sid, m in keyed], briefings, failed,
                      [r.to_json() if hasattr(r, "to_json") else r for r in rejected])


def index_json_chunks(parts: IndexParts) -> Iterator[str]:
    """The text of ``json.dumps(build_index(...), ensure_ascii=False, indent=2)`` and a line break, a
    story at a time: the rest of the index dumped round an empty story list, each story dumped alone and
    indented one level deeper (JSON text holds no raw line break inside a string, so indenting
    every line is exact)."""
    skeleton = json.dumps({**parts.head, "stories": [], "rejected": parts.rejected}, ensure_ascii=False, indent=2)
    before, after = skeleton.split(_EMPTY_STORIES, 1)
    yield before
    first = True
    for story in parts.stories():
        text = json.dumps(story, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield ('\n  "stories": [\n    ' if first else ",\n    ") + text
        first = False
    yield _EMPTY_STORIES if first else "\n  ],\n"
    yield after + "\n"


#: How ``json.dumps(..., indent=2)`` writes the index's empty story list (a key of the top level).
_EMPTY_STORIES = '\n  "stories": [],\n'


def _status(failure: str | None, briefing: dict[str, str] | None) -> str:
    return "failed" if failure else "written" if briefing else "none"


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
        "status": _status(failure, briefing),
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
