"""HTML -> main text and metadata, through trafilatura (and htmldate for the date)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import InputError
from ..model import DocMeta


@dataclass(frozen=True)
class Extracted:
    text: str
    meta: DocMeta


def extract_html(html: str, origin: str, url: str | None = None) -> Extracted:
    """Main text with trafilatura's precision-leaning settings; title, site name and date as metadata."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, favor_precision=True, include_comments=False,
        include_tables=False,
    )
    if doc is None or not (doc.text or "").strip():
        raise InputError(origin, "no article text found in the HTML (a front page or an empty page?)")
    published = _iso_date(doc.date)
    meta = DocMeta(
        title=doc.title or None,
        outlet=doc.sitename or None,
        published=published,
        published_from="metadata" if published else None,
        url=doc.url or url,
    )
    return Extracted(doc.text, meta)


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
