"""Frozen data objects that every stage reads and writes.

Everything a briefing says points back to its evidence with a ``Span`` into a
source's cleaned ``text`` (half-open character offsets), so each figure, name,
date and summary sentence can be checked against the words it came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from .config import Settings

PublishedFrom = Literal["metadata", "manifest", "dateline", "text", "inferred"]


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` of one source's cleaned text."""

    source: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end} in {self.source}")

    def overlaps(self, other: Span) -> bool:
        """Same source and at least one character in common."""
        return self.source == other.source and self.start < other.end and other.start < self.end

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class DocMeta:
    """What the input itself says about a document (all optional)."""

    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_from: PublishedFrom | None = None
    url: str | None = None


@dataclass(frozen=True)
class RawDocument:
    """One input as read from disk, a feed or the web, before any cleaning.

    ``kind`` is ``"text"`` or ``"html"``; ``origin`` is the path or URL the
    user gave, used in every message about this document.
    """

    origin: str
    content: str
    kind: Literal["text", "html"]
    meta: DocMeta = DocMeta()
    path: str | None = None


@dataclass(frozen=True)
class Removal:
    """Page furniture dropped by cleaning: where it was in the extracted text and why."""

    start: int
    end: int
    reason: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "reason": self.reason, "text": self.text}


@dataclass(frozen=True)
class Source:
    """One usable article: cleaned text plus what we know about where it came from.

    ``extracted`` is the text before furniture removal (trafilatura's output
    for HTML, the file itself for text); ``removed`` spans point into it.
    """

    id: str
    text: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    published_from: PublishedFrom | None = None
    published_note: str | None = None
    extracted: str = ""
    removed: tuple[Removal, ...] = ()
    shares_text_with: tuple[str, ...] = ()

    def slice(self, span: Span) -> str:
        if span.source != self.id:
            raise ValueError(f"span of {span.source} used on source {self.id}")
        return self.text[span.start : span.end]


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]


@dataclass(frozen=True)
class Claim:
    """A numeric claim: one quantity that counts something, with who said it and when."""

    id: str
    span: Span
    text: str
    value: float
    qualifier: str
    counts: str
    attribution: str | None = None
    as_of: date | None = None
    low: float | None = None
    high: float | None = None
    predicate: str | None = None
    kind: str = "count"
    # Added by the figures capability (issue 4); defaults keep older callers working.
    number: Span | None = None  # the numeral itself ("at least 30 hostages" -> "30")
    sentence: Span | None = None  # the sentence the claim is read from
    unit: str | None = None  # None for counts; "%", "USD", "barrels/day", "ft"...
    head: str | None = None  # lemma of the counted noun ("gunman"), for grouping
    scope: str | None = None  # a past period the sentence names ("2005", "1990s"): another event's count
    as_of_from: str | None = None  # "text" (a time word in the sentence), "timeline", "published", or None
    # Added by issue 11: what kind of statement the number is in, and where it applies.
    modality: str = "asserted"  # asserted, hypothetical, forecast, negated, generic, increment
    place: str | None = None  # "in Alexandria": a place the sentence scopes the count to
    disputed_by: str | None = None  # who the sentence says rejects the number ("the ministry denied ...")
    elided: bool = False  # the counted noun is not written with the number (taken from the sentence before)
    verb: str | None = None  # the predicate's verb as written ("paid", "indicted"), for figure labels; not in the JSON
    # a count with no event class whose own verb names something else ("Eleven people have been let go"):
    # no verbless count that may join an event's figure by its value; not in the JSON
    unclassed_verb: str | None = None
    # a part of the event's period the count covers ("during the first month"): compared only with
    # counts of a part, never with a total; not in the JSON
    period: str | None = None


@dataclass(frozen=True)
class FigureValue:
    value: float
    qualifier: str
    sources: tuple[str, ...]
    claims: tuple[str, ...]
    as_of: date | None = None
    low: float | None = None  # bounds of a range or vague amount ("hundreds": 200-999)
    high: float | None = None


@dataclass(frozen=True)
class Figure:
    id: str
    label: str
    status: Literal["consistent", "conflict", "single"]
    values: tuple[FigureValue, ...]
    # Added by the figures capability (issue 4).
    reasons: tuple[str, ...] = ()  # why it is a conflict (or how it moved), in plain words
    subset_of: str | None = None  # id of the broader figure ("foreign hostages" < "hostages")
    predicate: str | None = None
    kind: str = "count"
    unit: str | None = None
    # Added at the nineteenth stop (issue 11): the claims of a conflict that take part in a
    # disagreement; the others are shown, but no dispute sentence names them.
    disputed: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimeExpression:
    """A TIMEX3-normalised time expression; ``value`` is None when unresolved."""

    span: Span
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    anchor: Literal["published", "text"] | None = None
    note: str | None = None  # why it is unresolved (or other caveat), for the reader


@dataclass(frozen=True)
class TimelineEntry:
    date: date
    text: str
    sources: tuple[str, ...]
    citations: tuple[Span, ...]
    inferred: bool = False


@dataclass(frozen=True)
class SummarySentence:
    """A summary sentence; it cannot exist without at least one citation.

    ``kind``: ``extracted`` (taken from ``citations[0]``, which it slices back
    to up to a capitalised first letter or a bracketed "[Name]"),
    ``disputed`` (generated from a conflicting figure's claims, ``disputed``
    True), or ``rewritten`` (an LLM writer's sentence, checked against its
    citations).
    """

    text: str
    citations: tuple[Span, ...]
    kind: Literal["extracted", "disputed", "rewritten"] = "extracted"
    disputed: bool = False
    independent_sources: int = 0  # independent groups among the cited sources (wire copies count once)

    def __post_init__(self) -> None:
        if not self.citations:
            raise ValueError(f"summary sentence without citation: {self.text[:60]!r}")


@dataclass(frozen=True)
class DroppedSentence:
    """A summary sentence the writer produced but newsfuse refused, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Briefing:
    """The state that flows through the pipeline and, at the end, the product.

    Stages fill fields with ``dataclasses.replace``; ``docs`` holds the spaCy
    ``Doc`` of each source (a view over ``Source.text``, not serialised).
    ``independent_groups`` partitions source ids so that sources sharing wire
    copy sit in one group: count a group once when weighing confirmation.
    """

    sources: tuple[Source, ...] = ()
    rejected: tuple[Any, ...] = ()
    docs: Mapping[str, Any] = field(default_factory=dict)
    sentences: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)
    independent_groups: tuple[tuple[str, ...], ...] = ()
    shared_sentences: tuple[tuple[Span, Span], ...] = ()  # near-identical sentence pairs
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    figures: tuple[Figure, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    summary_dropped: tuple[DroppedSentence, ...] = ()  # writer sentences refused (unsupported)
    title: str = ""  # the story's title (stage ``story``)
    produced: frozenset[str] = frozenset()
    settings: Settings | None = None

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    def text_of(self, span: Span) -> str:
        return self.source(span.source).slice(span)


#: A headline used as a source's label is cut to this many characters.
LABEL_CHARS = 40


def source_label(outlet: str | None, title: str | None, path: str | None, source_id: str) -> str:
    """What a reader recognises a report by: its outlet; else its headline, shortened; a file name
    only as a last resort (issue 12). The sources list and the dispute sentences use this one."""
    return outlet or _short(title) or (Path(path).stem if path else source_id)


def _short(title: str | None) -> str | None:
    if not title or len(title.split()) < 3:
        return None
    return title if len(title) <= LABEL_CHARS else title[: LABEL_CHARS - 1].rsplit(" ", 1)[0] + "…"
