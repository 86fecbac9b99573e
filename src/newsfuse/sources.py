"""RawDocument -> Source: extract, clean, check, date. Pure; refusals become Rejections."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .clean.boilerplate import WIRE_AGENCIES
from .clean.datelines import dateline_agency
from .clean.html import extract_html
from .clean.language import check_english
from .clean.templates import template_lines
from .clean.text import clean_text
from .config import Settings
from .dates.published import dateline_date
from .errors import InputError, Rejection
from .ids import content_id
from .ingest.manifest import merge_meta
from .model import RawDocument, Removal, Source

#: Fewer words than this is not an article (a paywall stub, an error page), unless it is a news brief.
MIN_ARTICLE_WORDS = 40
#: A one-sentence news brief is an article: an agency flash or a lede alone is 15-35 words, and a
#: story told only in such briefs was dropped whole (report6 split: eight reports of 17-33 words, an
#: empty briefing; ECB+ topics of other kinds hold the same one-sentence reports). A brief holds a
#: statement of at least ``BRIEF_SENTENCE_WORDS`` words ending in a full stop; a headline with a
#: newsletter prompt, or a few lines of song, does not (Multi-News: the two such texts of 15-39 words).
MIN_BRIEF_WORDS = 15
BRIEF_SENTENCE_WORDS = 12
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def news_brief(text: str) -> bool:
    """A short text that states something: a sentence of ``BRIEF_SENTENCE_WORDS`` words or more ending in "."."""
    return any(len(s.split()) >= BRIEF_SENTENCE_WORDS and s.rstrip().endswith(".") for s in _SENTENCE_END.split(text))


def build_sources(
    documents: Sequence[RawDocument], settings: Settings
) -> tuple[tuple[Source, ...], tuple[Rejection, ...]]:
    """Each document cleaned and checked; then, across them, each outlet's site template dropped.

    The second pass cleans again only the pages that share template lines with another page of
    their outlet (``clean.templates``), so a page's removals all point into its own extracted text.
    """
    built: list[tuple[RawDocument, Source]] = []
    rejected: list[Rejection] = []
    for doc in documents:
        try:
            built.append((doc, build_source(doc, settings)))
        except InputError as exc:
            rejected.append(Rejection(exc.origin, exc.reason, "clean"))
    templates = template_lines([(source.outlet, source.text) for _, source in built])
    sources: list[Source] = []
    seen: dict[str, str] = {}
    for (doc, source), template in zip(built, templates, strict=True):
        if template:
            try:
                source = build_source(doc, settings, template)
            except InputError as exc:
                rejected.append(Rejection(exc.origin, exc.reason, "clean"))
                continue
        if source.id in seen:
            rejected.append(Rejection(doc.origin, f"same text as {seen[source.id]}", "clean"))
            continue
        seen[source.id] = doc.origin
        sources.append(source)
    return tuple(sources), tuple(rejected)


def build_source(doc: RawDocument, settings: Settings, template: frozenset[str] = frozenset()) -> Source:
    meta = doc.meta
    extracted = doc.content
    if doc.kind == "html":
        got = extract_html(doc.content, doc.origin, meta.url)
        extracted, meta = got.text, merge_meta(got.meta, meta)  # what the input said wins over the HTML
    cleaned = clean_text(extracted, template)
    words = len(cleaned.text.split())
    if words < MIN_ARTICLE_WORDS and not (words >= MIN_BRIEF_WORDS and news_brief(cleaned.text)):
        raise InputError(doc.origin, f"too little article text to brief ({words} words after cleaning; need {MIN_ARTICLE_WORDS})")
    lang = check_english(cleaned.text)
    if not lang.english:
        raise InputError(
            doc.origin,
            f"does not look like English (language identified: {lang.language}); newsfuse briefs English text only",
        )
    published, published_from = meta.published, meta.published_from
    if published is None:
        published = dateline_date(cleaned.text, cleaned.date_line)
        published_from = "dateline" if published else None
    return Source(
        id=content_id("s", cleaned.text),
        text=cleaned.text,
        path=doc.path or (None if doc.origin.startswith(("http://", "https://")) else doc.origin),
        url=meta.url,
        outlet=(meta.outlet or _outlet_from_url(meta.url) or outlet_from_credits(cleaned.removed)
                or outlet_from_dateline(cleaned.text)),
        title=meta.title or cleaned.title,
        published=published,
        published_from=published_from,
        extracted=extracted,
        removed=cleaned.removed,
    )


_SOURCE_LINE = re.compile(r"^sources?\s*:\s*(?P<name>[^,;]+)", re.IGNORECASE)
_GENERIC_CREDIT = re.compile(r"^(?:news )?agencies$|^staff$|^wires?$", re.IGNORECASE)
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.IGNORECASE)


def outlet_from_credits(removed: Sequence[Removal]) -> str | None:
    """The outlet a page names in its own furniture, for sources with no metadata.

    "Source: Al Jazeera, News Agencies" (Al Jazeera's pages) names the outlet;
    a bare contact URL in the footer ("wsws.org/contact") names its site; a
    bare agency credit ("Reuters") names whose copy it is. In that order of trust.
    """
    credits = [r.text for r in removed if r.reason == "credit or source line"]
    for text in credits:
        match = _SOURCE_LINE.match(text)
        if match and not _GENERIC_CREDIT.match(match.group("name").strip()):
            return match.group("name").strip()
    for r in removed:
        match = _DOMAIN.match(r.text) if r.reason == "footer" and " " not in r.text else None
        if match:
            return match.group("host").lower()
    for text in credits:
        bare = text.strip("—–-() .")
        if bare in WIRE_AGENCIES:
            return bare
    return None


#: A wire dateline naming whose copy it is ("PERTH (Reuters) -") is looked for in the first paragraphs only.
DATELINE_PARAGRAPHS = 3


def outlet_from_dateline(text: str) -> str | None:
    """The agency or outlet in a wire dateline at the top of the article, for sources with no metadata."""
    for para in text.split("\n\n")[:DATELINE_PARAGRAPHS]:
        agency = dateline_agency(para.strip())
        if agency:
            return agency
    return None


def _outlet_from_url(url: str | None) -> str | None:
    if not url or not url.startswith(("http://", "https://")):
        return None
    host = re.sub(r"^https?://", "", url).split("/")[0].split(":")[0]
    host = re.sub(r"^(?:www|edition|news|m)\.", "", host)
    return host or None

