"""Publication dates: from a dateline or byline date, or inferred from the other sources.

Order of trust (the first that gives a date wins): manifest > HTML metadata >
a dateline or byline date in the text > inferred. Inference uses the day
words an article uses ("on Saturday", "yesterday", "today"): each candidate
date resolves them to calendar days, and the candidate under which the
article's dated sentences best match what the dated sources say happened on
those days is chosen. Nothing to anchor on leaves the date null, with a note.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..clean.datelines import dateline_date_text
from ..clean.lines import DATE_PATTERN
from ..model import Source
from ..words import WEEKDAYS, weekday_before

#: How far from the dated sources an undated one may lie. A story's coverage
#: spans days to a couple of weeks; a wider window lets weekday names alias.
INFERENCE_WINDOW_DAYS = 7
#: Two candidates closer than this in score are a tie, broken towards the one that keeps
#: the report's day references closest together (``_spread``), then the earliest date
#: (news is published on or just after the latest day it reports).
SCORE_TIE = 1e-6
#: A "last week" cue matches any of seven days, so it earns only half its word overlap and no
#: bonus for landing on a busy day; it moves Deepwater Horizon's BBC 26 April report (the rig
#: "sank last week") off 22 April when the manifest is withheld.
WEEK_WEIGHT = 0.5
#: ... and only when its sentence shares this much with one of those days' sentences: In Amenas
#: 001's "since last week" shares 0.10 with 21 January's coverage and moved the report there; the
#: BBC's "sank last week" shares 0.28 with the sinking.
WEEK_MIN_OVERLAP = 0.2
#: How many of a report's day words an inferred date's note quotes.
NOTE_CUES = 4
#: Rounds of letting newly inferred sources anchor the others.
MAX_ROUNDS = 4

_DAYWORD = re.compile(
    r"\b(?:(?P<mod>last|next|this|on|since|by|until|from|early|late)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?"
    r"|\b(?P<rel>yesterday|today|tonight|last night|this (?:morning|afternoon|evening))\b"
    r"|\b(?P<week>last|this) week\b",
    re.IGNORECASE,
)
#: How far into the text a wire dateline is looked for: past a headline and a few captions.
DATELINE_SEARCH_CHARS = 2000
_FULL_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")
_CONTENT_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")


@dataclass(frozen=True)
class DayCue:
    """A day reference in a source: ``offset`` days before publication, or a weekday."""

    start: int
    end: int
    weekday: int | None  # 0 = Monday; None for relative words
    offset: int  # for relative words: 0 today, 1 yesterday
    context: frozenset[str]  # content-word stems of the enclosing sentence
    week: bool = False  # "last week" / "this week": resolves to the Monday of that ISO week
    strict: bool = False  # "last Tuesday": strictly before publication

    def resolve(self, published: date) -> date:
        if self.week:
            return published - timedelta(days=published.weekday() + self.offset)
        if self.weekday is None:
            return published - timedelta(days=self.offset)
        return weekday_before(published, self.weekday, strict=self.strict)

    def days(self, published: date) -> list[date]:
        """The calendar days the cue may mean: one, or the seven of a week."""
        first = self.resolve(published)
        return [first + timedelta(days=k) for k in range(7)] if self.week else [first]


def parse_date_text(text: str) -> date | None:
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


def dateline_date(text: str, date_line: str | None) -> date | None:
    """A byline date line lifted by cleaning, or a wire dateline ("HOUSTON | Thu Apr 22, 2010 …")."""
    if date_line:
        stamp = re.sub(r"^(?:Updated|Published|Posted|Last updated|First published)(?: on)?:?\s+", "", date_line, flags=re.I)
        found = parse_date_text(stamp)
        if found:
            return found
    # Wire datelines sit at the top, but photo captions and a headline can come first (Reuters
    # pages in the Deepwater Horizon cluster put three captions before "HOUSTON | Thu Apr 22, 2010").
    for line in text[:DATELINE_SEARCH_CHARS].splitlines():
        found = dateline_date_text(line.strip())
        if found:
            return parse_date_text(found)
    return None


def day_cues(text: str) -> tuple[DayCue, ...]:
    cues = []
    for match in _DAYWORD.finditer(text):
        if (match.group("mod") or "").lower() == "next":
            continue  # future reference: says nothing about the past days reported
        if match.group("week"):
            offset = 7 if match.group("week").lower() == "last" else 0
            cues.append(DayCue(match.start(), match.end(), None, offset, _context(text, match.start()), week=True))
            continue
        if match.group("weekday"):
            if not match.group("weekday")[0].isupper():
                continue
            weekday, offset = WEEKDAYS.index(match.group("weekday").lower()), 0
        else:
            rel = match.group("rel").lower()
            weekday, offset = None, 1 if rel in ("yesterday", "last night") else 0
        strict = (match.group("mod") or "").lower() == "last"
        cues.append(DayCue(match.start(), match.end(), weekday, offset, _context(text, match.start()), strict=strict))
    return tuple(cues)


#: How far the sentence around a day word is looked for on each side: a news sentence is far
#: shorter, and scanning from the start of the text for every cue was quadratic (a 950,000-
#: character line took minutes here).
CONTEXT_CHARS = 1_000


def _context(text: str, at: int) -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    lo = max(0, at - CONTEXT_CHARS)
    starts = [m.end() for m in _SENTENCE_END.finditer(text, lo, at)]
    begin = starts[-1] if starts else lo
    end_match = _SENTENCE_END.search(text, at, at + CONTEXT_CHARS)
    end = end_match.start() + 1 if end_match else min(len(text), at + CONTEXT_CHARS)
    words = (w.lower() for w in _CONTENT_WORD.findall(text[begin:end]))
    return frozenset(w[:5] for w in words if w not in STOP_WORDS and w not in WEEKDAYS)


Pool = dict[date, list[frozenset[str]]]


def infer_published(sources: Sequence[Source]) -> tuple[Source, ...]:
    """Give each undated source the date most consistent with the dated ones (``inferred``)."""
    cues = {s.id: day_cues(s.text) for s in sources}
    floors = {s.id: _latest_full_date(s.text) for s in sources if not s.published}
    current = {s.id: s.published for s in sources}
    anchored = {s.id for s in sources if s.published}
    if not anchored:
        return tuple(_undated(s, "no date in metadata, manifest or text, and no dated source to infer from") for s in sources)
    inferred: dict[str, date] = {}
    for _ in range(MAX_ROUNDS):
        changed = False
        for s in sources:
            if s.id in anchored:
                continue
            pool = _pool(sources, cues, {**current, **inferred}, exclude=s.id)
            window = _not_before(_window(current[i] for i in anchored), floors[s.id])
            best = _best_date(cues[s.id], pool, window)
            if best is not None and inferred.get(s.id) != best:
                inferred[s.id] = best
                changed = True
        if not changed:
            break
    return tuple(_with_inferred(s, inferred.get(s.id), cues[s.id]) if s.id not in anchored else s for s in sources)


def _pool(sources: Sequence[Source], cues: dict[str, tuple[DayCue, ...]], dates: dict[str, date | None], exclude: str) -> Pool:
    pool: Pool = defaultdict(list)
    for s in sources:
        published = dates.get(s.id)
        if s.id == exclude or published is None:
            continue
        for cue in cues[s.id]:
            if not cue.week:  # a week is too vague to anchor others on
                pool[cue.resolve(published)].append(cue.context)
        pool[published].append(frozenset())
    return pool


def _window(anchors: Iterable[date | None]) -> list[date]:
    known = [d for d in anchors if d]
    first, last = min(known), max(known)
    span = (last - first).days + 2 * INFERENCE_WINDOW_DAYS
    return [first - timedelta(days=INFERENCE_WINDOW_DAYS) + timedelta(days=k) for k in range(span + 1)]


def _latest_full_date(text: str) -> date | None:
    """The latest fully written date in the text ("taken on April 21, 2010"): a report is not older."""
    found = [parse_date_text(m.group(0)) for m in _FULL_DATE.finditer(text)]
    return max((d for d in found if d), default=None)


def _not_before(candidates: list[date], floor: date | None) -> list[date]:
    kept = [d for d in candidates if floor is None or d >= floor]
    return kept or candidates  # a floor outside the window is a date the story looks ahead to: ignore it


def _best_date(cues: Sequence[DayCue], pool: Pool, candidates: list[date]) -> date | None:
    if not cues:
        return None
    scored = [(_score(cues, pool, d), d) for d in candidates]
    top = max(score for score, _ in scored)
    if top <= 0:
        return None
    return min((d for score, d in scored if score >= top - SCORE_TIE), key=lambda d: (_spread(cues, d), d))


def _score(cues: Sequence[DayCue], pool: Pool, published: date) -> float:
    """Sum over cues of how well the cue's sentence matches what others dated to that day.

    A bare hit on a day others mention counts a little (0.1); overlapping
    content words count more, so "ended the siege yesterday" lands on the day
    the other outlets say the siege ended, not merely on a busy day.
    """
    total = 0.0
    for cue in cues:
        contexts = [c for day in cue.days(published) for c in pool.get(day, ())]
        if contexts:
            best = max(_overlap(cue.context, ctx) for ctx in contexts)
            if not cue.week:
                total += 0.1 + best
            elif best >= WEEK_MIN_OVERLAP:
                total += WEEK_WEIGHT * best
    return total


def _spread(cues: Sequence[DayCue], published: date) -> int:
    """Days from the earliest day the report names to its publication.

    Weekday names repeat every week, so candidate dates a few days apart often
    fit the other sources equally well. A report tells a story of the last few
    days: the candidate that puts all its weekday references closest together
    wins ("Tuesday ... Thursday ... Friday" in a Friday report, not a Thursday
    one where "Friday" would be a week before the story began).
    """
    days = [cue.resolve(published) for cue in cues if not cue.week]
    return (published - min(days)).days if days else 0


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _with_inferred(source: Source, found: date | None, cues: Sequence[DayCue] = ()) -> Source:
    if found is None:
        return _undated(source, "no date in metadata or text, and its day references (if any) match no dated source")
    words = list(dict.fromkeys(source.text[c.start : c.end] for c in cues))
    shown = ", ".join(f"'{w}'" for w in words[:NOTE_CUES]) + (", …" if len(words) > NOTE_CUES else "")
    note = (f"inferred: {found:%A %d %B %Y} is the date under which its day references ({shown}) "
            "best match what the dated sources report on those days")
    return dataclasses.replace(source, published=found, published_from="inferred", published_note=note)


def _undated(source: Source, note: str) -> Source:
    return dataclasses.replace(source, published=None, published_from=None, published_note=note)
