"""Dated events in one source: a clause with an event predicate and a time resolved to a day.

Three ways a clause gets its day:
1. a time expression in it resolves to a calendar day ("stormed the plant on
   Saturday", "ended the siege yesterday");
2. an offset from another dated clause: in "ended the siege yesterday, four
   days after militants seized the plant", the seizure is four days before
   yesterday; in "The developments come a day after forces stormed", a day
   before the (present-tense) publication day;
3. "in the last 24 hours" dates what happened to the publication day.
Forecasts (future tense: "will meet on Thursday") are not events.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..clean.datelines import without_dateline
from ..model import Source, Span, TimeExpression
from .extract import tense_at

_DAY_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T(\w+))?")
_NOT_ON_THE_DAY = re.compile(r"\b(?:before|until|till|since|prior to)\s+$", re.IGNORECASE)
_OFFSET = re.compile(r"^P(\d+)D$")
_RECENT_HOURS = re.compile(r"^PT(\d+)H$")
#: "the last 24 hours" dates an event to the publication day; longer windows say too little.
MAX_RECENT_HOURS = 24
#: Dated events further ahead than this are schedules we do not trust ("due to report on Wednesday"
#: is kept, a date weeks ahead is a plan, not a happening).
MAX_DAYS_AHEAD = 7
#: Shorter "sentences" are caption fragments ("Obtained on April 22."), not statements.
MIN_WORDS = 5
#: Timeline text aims at this many words (news leads run 25-40); a sentence up to half as long again
#: is kept whole, a longer one is cut at commas around its time expression.
MAX_WORDS = 30
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "PRODUCT"}
PART_ORDER = {"MO": 1, "MI": 2, "AF": 3, "EV": 4, "NI": 5}


@dataclass(frozen=True)
class Event:
    """One source's dated happening: the clause cited, the time it rests on, and what it is about."""

    day: date
    order: float  # position within the day: part of day or clock, 0 when unknown
    span: Span  # the clause (or sentence) cited
    time: Span  # the expression the day rests on
    text: str
    words: frozenset[str]  # content lemmas
    entities: frozenset[str]  # lower-cased names
    inferred: bool  # the day rests on an inferred publication date
    how: str  # "time", "offset" or "recent"


def find_events(source: Source, doc: Any, times: Sequence[TimeExpression], sentences: Sequence[Span]) -> tuple[Event, ...]:
    """Every dated event in one source, one per (sentence, day)."""
    starts = [s.start for s in sentences]
    ents = _Entities(doc)
    events: dict[tuple[int, date], Event] = {}
    # What a time expression's rules read of the others is confined to its sentence (the clause,
    # the day an offset counts from), so each is handed only its sentence's expressions, in their
    # order, found by bisection: scanning every expression of the text for each was quadratic
    # on a long text.
    by_start = sorted(range(len(times)), key=lambda k: (times[k].span.start, k))
    time_starts = [times[k].span.start for k in by_start]
    local: dict[Span, list[TimeExpression]] = {}
    for t in times:
        sentence = _sentence_of(t.span, sentences, starts)
        if sentence is not None and sentence not in local:
            lo, hi = bisect.bisect_left(time_starts, sentence.start), bisect.bisect_right(time_starts, sentence.end)
            local[sentence] = [times[k] for k in sorted(by_start[lo:hi])]
        for event in _from_time(source, doc, ents, t, local.get(sentence, times), sentences, starts):
            key = (event.span.start, event.day)
            if key not in events or event.span.end - event.span.start < events[key].span.end - events[key].span.start:
                events[key] = event
    return tuple(sorted(events.values(), key=lambda e: (e.day, e.span.start)))


def _from_time(source: Source, doc: Any, ents: _Entities, t: TimeExpression, times: Sequence[TimeExpression],
               sentences: Sequence[Span], starts: list[int]) -> list[Event]:
    sentence = _sentence_of(t.span, sentences, starts)
    if sentence is None or t.value is None:
        return []
    inferred = source.published_from == "inferred" and t.anchor == "published"
    day_match = _DAY_VALUE.match(t.value)
    if day_match and t.type in ("DATE", "TIME") and t.anchor != "text":  # 'mid-morning' alone: the day is our guess
        day = date.fromisoformat(day_match[1])
        if _NOT_ON_THE_DAY.search(source.text[max(0, t.span.start - 12) : t.span.start]):
            return []  # "dead before Saturday's assault", "since Wednesday": not a happening of that day
        if not _is_event(doc, sentence, t.span, source.published, day):
            return []
        clause = _clause(doc, sentence, t.span, times)
        if len(source.text[clause.start : clause.end].split()) < MIN_WORDS:
            return []  # "and obtained on April 22": a caption's tail, not a statement
        return [_event(source, doc, ents, clause, t.span, day, _order(day_match[2]), inferred, "time")]
    if t.type == "DURATION":
        return _offset_events(source, doc, ents, t, times, sentence)
    return []


def _sentence_of(span: Span, sentences: Sequence[Span], starts: list[int]) -> Span | None:
    i = bisect.bisect_right(starts, span.start) - 1
    return sentences[i] if i >= 0 and sentences[i].end >= span.end else None


def _is_event(doc: Any, sentence: Span, time: Span, published: date | None, day: date) -> bool:
    """An event predicate (a verb) and not a forecast: future tense about a day still to come, or a
    day far ahead, is not an event ("was due to arrive last night" is: the day has passed)."""
    if published is not None and day > published + timedelta(days=MAX_DAYS_AHEAD):
        return False
    sent = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if sent is None or len(sent) < MIN_WORDS or not any(tok.pos_ == "VERB" for tok in sent):
        return False
    return published is None or day < published or tense_at(doc, time.start, time.end) != "future"


def _clause(doc: Any, sentence: Span, time: Span, times: Sequence[TimeExpression]) -> Span:
    """The sentence, or, where it dates two different days, the clause governed by this time's verb."""
    own = _value_of(times, time)[:10]  # once, not once per other expression (a list of dates is one "sentence")
    others = [t for t in times if sentence.start <= t.span.start < sentence.end and t.span != time
              and t.value and _DAY_VALUE.match(t.value) and t.value[:10] != own]
    if not others:
        return sentence
    tok = doc.char_span(time.start, time.end, alignment_mode="expand")
    if tok is None:
        return sentence
    verb = tok.root
    for _ in range(len(doc)):  # a head chain is acyclic, so it ends at the root within len(doc) steps
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:  # .i: spaCy makes a new Token per access
            break
        verb = verb.head
    sub = list(verb.subtree)
    start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    if any(start <= o.span.start < end for o in others) or end - start < 20:
        return sentence
    return Span(sentence.source, max(start, sentence.start), min(end, sentence.end))


def _value_of(times: Sequence[TimeExpression], span: Span) -> str:
    return next((t.value or "" for t in times if t.span == span), "")


def _offset_events(source: Source, doc: Any, ents: _Entities, t: TimeExpression, times: Sequence[TimeExpression], sentence: Span) -> list[Event]:
    """'N days after X' dates X from another day in the sentence (or from today, in present tense)."""
    m = _OFFSET.match(t.value or "")
    if m:
        return _n_days_after(source, doc, ents, t, times, sentence, int(m[1]))
    hours = _RECENT_HOURS.match(t.value or "")
    if hours and int(hours[1]) <= MAX_RECENT_HOURS and re.match(r"(?i)the (?:last|past)", t.text) and source.published:
        inferred = source.published_from == "inferred"
        return [_event(source, doc, ents, sentence, t.span, source.published, 0.0, inferred, "recent")]
    return []


def _n_days_after(source: Source, doc: Any, ents: _Entities, t: TimeExpression, times: Sequence[TimeExpression], sentence: Span,
                  n: int) -> list[Event]:
    toks = doc.char_span(t.span.end, min(t.span.end + 12, sentence.end), alignment_mode="expand")
    if toks is None or not len(toks) or toks[0].lower_ not in ("after", "before"):
        return []
    signal = toks[0]
    # "after" heads its clause as a preposition ("after the attack") or marks a verb ("after militants seized")
    clause_root = signal.head if signal.dep_ == "mark" else signal
    sub = [tok for tok in clause_root.subtree if tok.i > signal.i]
    while sub and sub[-1].is_punct:
        sub.pop()
    if len(sub) < 2:
        return []
    x_start, x_end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    ref, anchor_inferred = _reference_day(source, doc, t, times, sentence, (x_start, x_end))
    if ref is None:
        return []
    day = ref - timedelta(days=n) if signal.lower_ == "after" else ref + timedelta(days=n)
    # cite "four days after militants seized the plant" (how it was dated); state only the happening
    cited = Span(source.id, t.span.start, min(x_end, sentence.end))
    clause = Span(source.id, x_start, min(x_end, sentence.end))
    return [_event(source, doc, ents, cited, t.span, day, 0.0, anchor_inferred, "offset", stated=clause)]


def _reference_day(source: Source, doc: Any, t: TimeExpression, times: Sequence[TimeExpression], sentence: Span,
                   inside: tuple[int, int]) -> tuple[date | None, bool]:
    """The day an offset counts from: the nearest day named before it in the sentence (not inside the
    'after ...' clause itself), else the publication day when the sentence is in the present tense."""
    before = [o for o in times if sentence.start <= o.span.start < t.span.start and o.value
              and _DAY_VALUE.match(o.value) and not inside[0] <= o.span.start < inside[1]]
    if before:
        o = before[-1]
        return date.fromisoformat(o.value[:10]), source.published_from == "inferred" and o.anchor == "published"
    sent = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if source.published and sent is not None and sent.root.tag_ in ("VBZ", "VBP"):
        return source.published, source.published_from == "inferred"  # "The developments come a day after ..."
    return None, False


def _order(part: str | None) -> float:
    if not part:
        return 0.0
    if part in PART_ORDER:
        return float(PART_ORDER[part])
    clock = re.match(r"(\d{2}):(\d{2})", part)
    return 1 + 4 * (int(clock[1]) * 60 + int(clock[2])) / (24 * 60) if clock else 0.0


def _event(source: Source, doc: Any, ents: _Entities, clause: Span, time: Span, day: date, order: float, inferred: bool, how: str,
           stated: Span | None = None) -> Event:
    stated = stated or clause
    words, entities = _content(doc, stated, ents)
    return Event(day, order, clause, time, statement(source.text[stated.start : stated.end]), words, entities, inferred, how)


class _Entities:
    """A doc's named entities, read once: ``Span.ents`` walks every entity of the whole doc on each call,
    and a long report has thousands of entities and hundreds of dated clauses."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self._ents: tuple[Any, ...] | None = None
        self._starts: list[int] = []

    def within(self, span: Any) -> list[Any]:
        """``span.ents``: the entities that fall completely within ``span`` (token offsets)."""
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
            self._starts = [e.start for e in self._ents]
        out = []
        for ent in self._ents[bisect.bisect_left(self._starts, span.start):]:
            if ent.end > span.end:
                break
            out.append(ent)
        return out


def _content(doc: Any, clause: Span, ents: _Entities) -> tuple[frozenset[str], frozenset[str]]:
    span = doc.char_span(clause.start, clause.end, alignment_mode="expand")
    if span is None:
        return frozenset(), frozenset()
    words = frozenset(tok.lemma_.lower() for tok in span
                      if tok.pos_ in ("NOUN", "VERB", "PROPN", "ADJ", "NUM") and not tok.is_stop and tok.ent_type_ not in ("DATE", "TIME")
                      and tok.lemma_.lower() not in _REPORTING_WORDS)
    entities = frozenset(e.text.lower().removeprefix("the ") for e in ents.within(span) if e.label_ in ENTITY_LABELS)
    return words, entities


#: Said-words appear in every news sentence and say nothing about which happening it is.
_REPORTING_WORDS = {"say", "tell", "report", "add", "accord", "state", "official", "source", "quote", "cite"}


def statement(text: str, focus: int | None = None) -> str:
    """A readable statement from a cited clause: no dateline, one line, about ``MAX_WORDS`` words.

    A long sentence is cut at commas around ``focus`` (the offset of its time
    expression), so "..., Haza told AFP, two days after escaping during the
    army's Thursday attack" keeps the part that is dated, not just its opening.
    """
    if focus is not None and len(text.split()) > MAX_WORDS:
        text = _around(text, focus)
    text = without_dateline(" ".join(text.split())).strip(" ,;")
    text = re.sub(r"^[^()]{0,12}\)[,;]?\s+", "", text)  # the tail of a ticker cut by sentence splitting: "L), which ..."
    words = text.split()
    if len(words) > MAX_WORDS + MAX_WORDS // 2:
        cut = " ".join(words[:MAX_WORDS])
        at = max(cut.rfind(", "), cut.rfind("; "))
        text = (cut[:at] if at > len(cut) // 2 else cut).rstrip(" ,;") + " …"
    return text[:1].upper() + text[1:]


def _around(text: str, focus: int) -> str:
    """The comma-separated pieces of ``text`` around ``focus``, growing leftwards first (the subject)."""
    cuts = [0] + [m.end() for m in re.finditer(r"[,;:]\s+", text)] + [len(text)]
    pieces = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
    at = next((i for i, (a, b) in enumerate(pieces) if a <= focus < b), 0)
    lo = hi = at
    size = len(text[slice(*pieces[at])].split())
    while True:
        grown = False
        for i in (lo - 1, hi + 1):
            if 0 <= i < len(pieces) and size + len(text[slice(*pieces[i])].split()) <= MAX_WORDS:
                size += len(text[slice(*pieces[i])].split())
                lo, hi, grown = min(lo, i), max(hi, i), True
                break
        if not grown:
            break
    piece = text[pieces[lo][0] : pieces[hi][1]].strip(" ,;:")
    return ("… " if lo > 0 else "") + piece + (" …" if hi < len(pieces) - 1 else "")


def events_by_source(sources: Sequence[Source], docs: Mapping[str, Any], times: Sequence[TimeExpression],
                     sentences: Mapping[str, Sequence[Span]]) -> dict[str, tuple[Event, ...]]:
    by_source: dict[str, list[TimeExpression]] = {}
    for t in times:
        by_source.setdefault(t.span.source, []).append(t)
    return {s.id: find_events(s, docs[s.id], by_source.get(s.id, []), sentences.get(s.id, ())) for s in sources}
