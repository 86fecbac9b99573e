"""Labelled news-clustering sets (``articles.jsonl`` with a ``story`` field) as Articles.

The public sets under ``../shared/eval/cluster-*`` use this format (see their
PROVENANCE.md); the bench and the quality gate read them in place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from newsfuse.cluster.model import Article
from newsfuse.ingest.records import parse_time


@dataclass(frozen=True)
class Labelled:
    articles: tuple[Article, ...]
    gold: dict[str, str]  # article id -> gold story


def load_labelled(path: Path, limit: int | None = None) -> Labelled:
    articles, gold = [], {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            article = Article(id=rec["id"], origin=f"{path.name}:{rec['id']}", title=rec.get("title"),
                              text=rec.get("text") or "", published=parse_time(rec.get("published")),
                              outlet=rec.get("outlet"), url=rec.get("url"))
            articles.append(article)
            gold[article.id] = rec["story"]
            if limit is not None and len(articles) >= limit:
                break
    return Labelled(tuple(articles), gold)


def shifted(data: Labelled, copies: int, step: timedelta) -> Labelled:
    """Replay a labelled feed ``copies`` times, each copy ``step`` later, as new articles
    and new stories: volume for throughput runs that keeps the real story mix."""
    articles, gold = [], {}
    for k in range(copies):
        for a in data.articles:
            aid = a.id if k == 0 else f"{a.id}~{k}"
            when = a.published + step * k if a.published is not None else None
            articles.append(Article(aid, a.origin, a.title, a.text, when, a.outlet, a.url))
            gold[aid] = f"{data.gold[a.id]}~{k}"
    return Labelled(tuple(articles), gold)
