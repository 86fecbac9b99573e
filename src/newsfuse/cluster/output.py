"""Write what ``newsfuse cluster`` produces: one briefing per story, and the index.

Layout of OUTDIR::

    index.json  index.html              all stories, largest first, then latest
    stories/<story-id>.json|.md|.html   the briefing of each story

Only stories that changed in this run (or whose files are missing) are
briefed again, and a file whose content would not change is not rewritten:
a re-run over the same input leaves every file as it was.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import Rejection
from .index import build_index
from .model import StoredArticle

FORMATS = ("json", "md", "html")


def write_outputs(outdir: Path, articles: Sequence[StoredArticle], changed: set[str], settings: Settings,
                  options: Any, rejected: list[Rejection], index_options: dict[str, Any],
                  brief: Callable[..., dict[str, str] | None] | None = None) -> list[Path]:
    """Brief and write each story that needs it (``brief``: ``brief_story`` or briefings made ahead
    by ``parallel.prebrief``, called the same way), then the index."""
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    briefings: dict[str, dict[str, str] | None] = {}
    by_story: dict[str, list[StoredArticle]] = defaultdict(list)
    for a in articles:
        by_story[a.story].append(a)
    for sid, members in sorted(by_story.items()):
        files = {fmt: f"stories/{sid}.{fmt}" for fmt in FORMATS}
        if not options.briefings or len(members) < options.min_articles:
            briefings[sid] = None
            continue
        present = all((outdir / f).is_file() for f in files.values())
        if sid not in changed and present:
            briefings[sid] = files
            continue
        rendered = (brief or brief_story)(members, settings, rejected)
        briefings[sid] = files if rendered else None
        for fmt, text in (rendered or {}).items():
            written += write_if_changed(outdir / files[fmt], text)
    index = build_index(articles, briefings, rejected, index_options)
    written += write_if_changed(outdir / "index.json", json.dumps(index, ensure_ascii=False, indent=2) + "\n")
    from .index_html import index_to_html

    written += write_if_changed(outdir / "index.html", index_to_html(index))
    return written


def brief_story(members: Iterable[StoredArticle], settings: Settings, rejected: list[Rejection]) -> dict[str, str] | None:
    """The story's briefing in every format, or None when no member has enough text (headlines only)."""
    from ..api import brief_documents
    from ..render.output import render

    docs = [a.raw for a in members if a.raw is not None and a.text]
    if not docs:
        return None
    briefing = brief_documents(docs, settings)
    if not briefing.sources:
        return None
    opts = {"command": "cluster"}
    return {fmt: render(briefing, fmt, opts) for fmt in FORMATS}


def write_if_changed(path: Path, text: str) -> list[Path]:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return []
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return [path]
