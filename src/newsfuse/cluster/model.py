"""Data objects of story clustering: an incoming article, and where it went.

An ``Article`` is what the clusterer needs of one input (cleaned text, title,
time); it keeps the ``RawDocument`` it came from so the story's briefing can
run the normal pipeline later. Ids are content hashes (``newsfuse.ids``), so
the same article read twice is recognised and skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..model import RawDocument, Span


@dataclass(frozen=True)
class Article:
    """One article of a feed: ``text`` is cleaned; ``published`` is UTC-naive.

    ``lead`` is the span of ``text`` the embedding model reads (title aside),
    so what drove a match can be shown against real text.
    """

    id: str
    origin: str
    title: str | None
    text: str
    published: datetime | None
    outlet: str | None = None
    url: str | None = None
    raw: RawDocument | None = None

    @property
    def lead(self) -> Span:
        return Span(self.id, 0, lead_end(self.text))


def lead_end(text: str, max_chars: int = 400) -> int:
    """End of the first sentences of ``text`` up to ``max_chars`` (a word boundary)."""
    if len(text) <= max_chars:
        return len(text)
    cut = text.rfind(" ", 0, max_chars)
    return cut if cut > 0 else max_chars


@dataclass(frozen=True)
class Assignment:
    """Where one article went: ``score`` is its similarity to the story it joined
    (None when it started the story), ``best`` the best score it saw at all."""

    article: str
    story: str
    score: float | None
    best: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article, "story": self.story, "score": self.score, "best": self.best}


@dataclass(frozen=True)
class StoredArticle:
    """One clustered article as the index page and the briefings need it.

    ``chars`` is set when the article was loaded light (``store.state.load_articles(texts=False)``):
    ``raw`` is then None and ``text`` only its lead; ``chars`` is the whole text's length.
    """

    id: str
    story: str
    score: float | None
    best: float | None
    origin: str
    title: str | None
    outlet: str | None
    url: str | None
    published: datetime | None
    text: str
    raw: RawDocument | None
    chars: int | None = None

    @property
    def size(self) -> int:
        """Characters of the whole cleaned text (loaded light or not)."""
        return len(self.text) if self.chars is None else self.chars
