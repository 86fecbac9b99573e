"""From a parsed briefing to scored candidate sentences (compute first, select later).

Every sentence of every source that is article prose joins the *pool*
(what can support a claim); those that also stand alone become
*candidates* (what can be shown). Each candidate gets its TF-IDF vector,
the best supporting sentence in every other source, the independent groups
behind it, its key terms (content terms, entity ids from the entities
stage, figure ids from the figures stage) and its event date.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ..clean.boilerplate import header_block_end
from ..config import DEFAULT_MODEL
from ..model import Briefing, Entity, Span, TimeExpression
from ..nlp.load import load_nlp
from ..summary.similarity import best_matches_all
from .given import NONE, Referents, article_referents
from .select import Scored
from .standalone import (
    AFTER_PREVIOUS,
    MAX_QUOTE_SENTENCES,
    closes_attributed,
    introduces,
    quote_speaker,
    starts_in_quotation,
)
from .support import SUPPORT_COSINE, Support, group_count, group_index, idf_weights, numbers_in, supporting, tfidf
from .text import Candidate, content_terms, depends, furniture_reason, paired, standalone
from .when import sentence_date

T = TypeVar("T")

#: How many preceding sentences to look back in for the person an opening
#: "He"/"She" refers to; beyond two, news prose has usually named someone else.
PRONOUN_LOOKBACK = 2
#: A sentence shown with the one it depends on: together no longer than one long sentence.
MAX_PAIR_WORDS = 90


@dataclass(frozen=True)
class Index:
    """Everything selection and citation need about one briefing."""

    scored: tuple[Scored, ...]
    support: Mapping[Span, Support]  # candidate span -> supporting spans in other sources
    key_weights: Mapping[str, float]
    n_groups: int


@dataclass(frozen=True)
class PoolItem:
    span: Span
    terms: tuple[str, ...]
    position: int
    persons: tuple[str, ...]
    #: What the sentence takes as introduced by an earlier one of its article, and what it introduces.
    referents: Referents = NONE


def pool_items(briefing: Briefing) -> dict[str, list[PoolItem]]:
    """Per source, its article-prose sentences with their content terms and the persons they name
    as a subject (``_acts``)."""
    out: dict[str, list[PoolItem]] = {}
    for source in briefing.sources:
        doc = briefing.docs.get(source.id)
        people = [(e.start, e.end, e.text) for e in doc.ents if e.label_ == "PERSON" and _acts(e)] \
            if doc is not None else []
        starts = [p[0] for p in people]
        spans = briefing.sentences.get(source.id, ())
        parsed = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in spans] if doc is not None else []
        referents = article_referents(parsed)
        body = header_block_end(source.text, source.extracted, source.removed)
        header = sum(1 for span in spans if span.end <= body)  # the body's first sentence is its lede
        items = []
        for pos, span in enumerate(spans):
            if doc is None or pos < header or furniture_reason(source.text[span.start : span.end]):
                continue
            toks = parsed[pos]
            persons = _persons_within(people, starts, toks.start, toks.end) if toks is not None else ()
            items.append(PoolItem(span, content_terms(toks or ()), pos - header, persons, referents[pos]))
        out[source.id] = items
    return out


def _acts(ent: Any) -> bool:
    """The person is a subject of their sentence ("Lee said", "The former aide John Park posted"),
    not a possessor or an object ("Lee's phone", "photos of Lee"): an opening "He"/"She" in the
    next sentence continues the one who acted (centering's subject preference). Resolving to any
    person named let a victim stand for the accused ("[Plaskett] then created a Facebook
    account …", report4)."""
    tok = ent.root
    while tok.dep_ in {"compound", "appos", "flat"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in {"nsubj", "nsubjpass"}


def _persons_within(people: list[tuple[int, int, str]], starts: list[int], lo: int, hi: int) -> tuple[str, ...]:
    """The PERSON entities inside tokens [lo, hi), as ``Span.ents`` gives them -- found by bisection,
    because ``Span.ents`` walks every entity of the Doc (quadratic over a long text's sentences)."""
    found = []
    for start, end, text in people[bisect.bisect_left(starts, lo):]:
        if start >= hi:
            break
        if end <= hi:
            found.append(text)
    return tuple(found)


def build_index(briefing: Briefing) -> Index:
    pool = pool_items(briefing)
    idf = idf_weights([it.terms for items in pool.values() for it in items])
    vectors = {it.span: tfidf(it.terms, idf) for items in pool.values() for it in items}
    others = {sid: [(it.span, vectors[it.span]) for it in items] for sid, items in pool.items()}
    numbers = {it.span: numbers_in(it.terms) for items in pool.values() for it in items}
    groups = briefing.independent_groups or tuple((s.id,) for s in briefing.sources)
    extra_keys = _extra_keys(briefing)
    published = {s.id: s.published for s in briefing.sources}
    times_of = _times_by_source(briefing.times)
    wire_partners = _wire_partners(briefing.shared_sentences)
    shown_items = []
    parse = parser(briefing)
    texts = {s.id: s.text for s in briefing.sources}  # Briefing.source scans every source
    group_of = group_index(groups)
    full = full_names(briefing.entities)
    for sid, items in pool.items():
        shown_items += _shown(items, texts[sid], briefing.docs[sid], parse, full)
    extra = {shown[0]: (sid, tfidf(terms, idf)) for sid, it, shown, terms in shown_items if terms != it.terms}
    best = best_matches_all(others, [shown[0] if terms != it.terms else it.span for _, it, shown, terms in shown_items],
                            SUPPORT_COSINE, extra)
    scored, support = [], {}
    by_start = {sid: _ByStart.of((it.span.start, it) for it in items) for sid, items in pool.items()}
    alone_spans = {it.span: shown[0] for _, it, shown, terms in shown_items if terms == it.terms}
    for sid, it, (span, shown_text), terms in shown_items:
        text = texts[sid]
        key = span if terms != it.terms else it.span  # a pair is its own query
        own = numbers[it.span] if key == it.span else numbers_in(terms)
        matches = best[key]
        sup = supporting(list(matches.above), numbers=numbers, own=own)
        sup = _with_wire_copy(sup, it.span, wire_partners)
        extends = alone_spans.get(it.span) if key != it.span else None
        cand = Candidate(span, shown_text, terms, it.position, len(shown_text.split()), extends)
        support[span] = sup
        scored.append(Scored(
            candidate=cand,
            vector=extra[key][1] if key in extra else vectors[it.span],
            centrality=matches.total / max(1, len(others) - 1),
            groups=group_count([sid, *(s.source for s in sup.spans)], group_of),
            keys=frozenset(terms) | extra_keys.get(it.span, frozenset()) | _pair_keys(span, it.span, extra_keys, by_start[sid]),
            when=sentence_date(span, text[span.start : span.end], published.get(sid),
                               _times_within(times_of[sid], span) if sid in times_of else ()),
            referents=it.referents,
        ))
    weights = key_weights(pool, extra_keys, groups, idf)
    return Index(tuple(scored), support, weights, len(groups))


def full_names(entities: Sequence[Entity]) -> dict[str, str]:
    """A person's one-word name -> the full name of the one person the story's entities give it to
    ("Jewell" -> "Ann Jewell"). A name the summary inserts ("[Jewell:] “…", "[Hayward] was …") is
    read where that person may not have been introduced: the full name introduces them (report7,
    report10 splits: a bare surname judged unintroduced). A one-word name two people share is kept."""
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        if e.type == "PERSON" and len(e.name.split()) > 1:
            for alias in e.aliases:
                if len(alias.split()) == 1:
                    owners[alias].add(e.name)
    return {alias: next(iter(names)) for alias, names in owners.items() if len(names) == 1}


def _shown(items: Sequence[PoolItem], text: str, doc: Any, parse: Callable[[str], Any],
           full: Mapping[str, str] | None = None) -> list[tuple[str, PoolItem, tuple[Span, str], tuple[str, ...]]]:
    """What each sentence of one source can show: itself alone, or -- when it depends on the
    sentence before it (a pronoun or "it" subject, "the figure", "As a result,", "Kim Riley said
    at a news conference." after a quotation) and that one stands alone -- the two as one
    candidate. A pair carries the first sentence's ``PoolItem`` and both sentences' terms."""
    out = []
    full = full or {}
    alone: dict[int, tuple[Span, str] | None] = {}
    for i, it in enumerate(items):
        persons = [full.get(p, p) for prev in items[max(0, i - PRONOUN_LOOKBACK) : i] for p in prev.persons]
        speaker = _speaker_finder(items, i, doc, full)
        alone[i] = standalone(it.span, text, persons, doc, first=it.position == 0, parse=parse, speaker=speaker)
        if alone[i] is not None:
            closed = _closing_pair(items, i, alone[i], text, doc)
            out.append(closed or (it.span.source, it, alone[i], it.terms))
            continue
        prev = items[i - 1] if i else None
        if prev is None or prev.position != it.position - 1:
            continue
        need = depends(it.span, text, doc, parse=parse)
        first = alone[i - 1]
        second = standalone(it.span, text, (), doc, parse=parse, context=AFTER_PREVIOUS, speaker=speaker) if need else None
        if first is None or second is None:
            continue
        span, shown = paired(_unnamed(first, text[it.span.start : it.span.end]), second, text)
        if len(shown.split()) <= MAX_PAIR_WORDS:
            both = dataclasses.replace(prev, referents=it.referents.after(prev.referents))
            out.append((it.span.source, both, (span, shown), prev.terms + it.terms))
    return out


def _closing_pair(items: Sequence[PoolItem], i: int, shown: tuple[Span, str], text: str,
                  doc: Any) -> tuple[str, PoolItem, tuple[Span, str], tuple[str, ...]] | None:
    """A quotation opened with no speaker named for it (shown as it stands) together with the next
    sentence of its report when that one closes it and says who speaks ('… in their use,” the company
    said.'): the two as one candidate, so the words are never shown as the briefing's own. None when
    the sentence opens no such quotation or the next does not close it so."""
    _, words = shown
    if not words.startswith(("“", '"')) or i + 1 >= len(items):
        return None
    it, nxt = items[i], items[i + 1]
    if nxt.position != it.position + 1:
        return None
    sent = doc.char_span(it.span.start, it.span.end, alignment_mode="expand")
    after = doc.char_span(nxt.span.start, nxt.span.end, alignment_mode="expand")
    if sent is None or after is None or not closes_attributed(sent, after):
        return None
    # The closing sentence is shown as its report has it: it is the rest of the same quotation
    # (its "we" and "our" are the speaker's), and its verb of saying is outside the quotation.
    span, both = paired(shown, (nxt.span, text[nxt.span.start : nxt.span.end]), text)
    if len(both.split()) > MAX_PAIR_WORDS:
        return None
    return it.span.source, dataclasses.replace(it, referents=nxt.referents.after(it.referents)), (span, both), it.terms + nxt.terms


def _unnamed(first: tuple[Span, str], second: str) -> tuple[Span, str]:
    """The first of a pair without the "[Name:]" of its quotation's speaker when the second
    sentence, shown with it, names that speaker itself (by the surname, where the summary gives the
    full name: ``full_names``)."""
    span, shown = first
    name, sep, rest = shown.partition(":] ")
    return (span, rest) if sep and name.startswith("[") and name[1:].split()[-1] in second else first


def _speaker_finder(items: Sequence[PoolItem], i: int, doc: Any, full: Mapping[str, str]) -> Callable[[], str | None]:
    """Who speaks a quotation that sentence ``i`` opens or continues (``quote_speaker``), asked only
    when it does: the sentences after it in the article, and the one that introduces the quotation.
    That is the sentence before it, or -- when sentence ``i`` begins inside a quotation opened
    sentences earlier -- the opening sentence when it names a speaker outside its quotation marks
    ('the Department said: “There is …'), else the one before that."""

    def find() -> str | None:
        def sent(k: int) -> Any:
            return doc.char_span(items[k].span.start, items[k].span.end, alignment_mode="expand")

        def adjacent(k: int) -> bool:
            return k > 0 and items[k - 1].position == items[k].position - 1

        position = items[i].position
        following = []
        for k in range(i + 1, min(len(items), i + 1 + MAX_QUOTE_SENTENCES)):
            if items[k].position != position + len(following) + 1:
                break  # a sentence between them was furniture: the quotation is not followed further
            following.append(sent(k))
        opening = i
        while opening > i - MAX_QUOTE_SENTENCES and adjacent(opening) and (here := sent(opening)) is not None \
                and starts_in_quotation(here):
            opening -= 1
        joined = adjacent(opening)
        if joined:
            before = sent(opening - 1)
        else:  # the sentence before is no summary candidate ('“…,” he said.' alone): read it in the text
            before = _previous_sentence(sent(opening)) if opening == i else None
        if opening < i and (first := sent(opening)) is not None and introduces(first):
            before = first
        # a "he said" names someone the sentences before it named: those after it are no antecedent
        # (an interview's answer naming "Colin" and "Megan" left "he" with three people to mean); the
        # window reaches one sentence further back past a sentence that is no candidate
        reach = PRONOUN_LOOKBACK + (0 if joined else 1)
        named_before = [it for it in items[max(0, opening - reach) : opening]
                        if it.position >= items[opening].position - reach]
        name = quote_speaker([s for s in following if s is not None], before, [p for it in named_before for p in it.persons])
        return full.get(name, name) if name else name

    return find


def _previous_sentence(span: Any) -> Any | None:
    """The sentence of the parse just before ``span`` (blank runs skipped; cut at ``span`` where the
    parser's sentence runs on into it, and after a line break where it runs on over one), or None at
    the start of the text."""
    if span is None:
        return None
    k = span.start - 1
    while k >= 0 and span.doc[k].is_space:
        k -= 1
    if k < 0:
        return None
    prev = span.doc[k].sent
    start = prev.start
    for t in span.doc[prev.start : k]:  # the parser may run on over a paragraph break: the last line only
        if t.is_space and "\n" in t.text:
            start = t.i + 1
    return span.doc[start : min(prev.end, span.start)]


def _pair_keys(span: Span, first: Span, extra_keys: Mapping[Span, frozenset[str]],
               items: _ByStart[PoolItem]) -> frozenset[str]:
    """Entity and figure keys of the second sentence of a pair (the first's are added already).

    ``items``: the source's pool items by start: the sentences inside the pair are found by
    bisection, not by a scan of the source's every sentence for each pair (quadratic on a long text)."""
    if span.end <= first.end:
        return frozenset()
    return frozenset().union(*(extra_keys.get(it.span, frozenset()) for it in items.between(first.end, span.end)))


@dataclass(frozen=True)
class _ByStart(Generic[T]):
    """Items sorted by the character where they start (stable): those starting in ``[a, b)`` by
    bisection. A scan of a source's every item for each sentence was quadratic on a long text."""

    starts: list[int]
    items: list[T]

    @classmethod
    def of(cls, pairs: Iterable[tuple[int, T]]) -> _ByStart[T]:
        ordered = sorted(pairs, key=lambda pair: pair[0])
        return cls([at for at, _ in ordered], [item for _, item in ordered])

    def between(self, a: int, b: int) -> list[T]:
        return self.items[bisect.bisect_left(self.starts, a) : bisect.bisect_left(self.starts, b)]


def parser(briefing: Briefing) -> Callable[[str], Any]:
    """The briefing's spaCy pipeline (loaded once per process), to re-read a piece of a sentence alone."""
    return load_nlp(getattr(briefing.settings, "model", None) or DEFAULT_MODEL)


def _with_wire_copy(sup: Support, span: Span, partners: Mapping[Span, Sequence[Span]]) -> Support:
    """Add the wire stage's near-identical sentences (a reprint always supports its original)."""
    spans, scores = list(sup.spans), list(sup.scores)
    for other in partners.get(span, ()):
        if other.source not in {s.source for s in spans}:
            spans.append(other)
            scores.append(1.0)
    return Support(tuple(spans), tuple(scores))


def _wire_partners(pairs: Sequence[tuple[Span, Span]]) -> dict[Span, list[Span]]:
    """Sentence -> the sentences the wire stage paired it with, in pair order (looked up, not scanned)."""
    partners: dict[Span, list[Span]] = defaultdict(list)
    for a, b in pairs:
        partners[a].append(b)
        if b != a:
            partners[b].append(a)
    return partners


def _times_by_source(times: Sequence[TimeExpression]) -> dict[str, _ByStart[tuple[int, TimeExpression]]]:
    """Each source's time expressions by start, each with its place in the stage's order
    (``sentence_date`` reads only the sentence's source, and takes the first that qualifies)."""
    out: dict[str, list[tuple[int, tuple[int, TimeExpression]]]] = defaultdict(list)
    for place, t in enumerate(times):
        out[t.span.source].append((t.span.start, (place, t)))
    return {sid: _ByStart.of(items) for sid, items in out.items()}


def _times_within(times: _ByStart[tuple[int, TimeExpression]], span: Span) -> list[TimeExpression]:
    """The expressions starting inside ``span``, in the stage's order: all ``sentence_date`` could pick."""
    return [t for _, t in sorted(times.between(span.start, span.end), key=lambda item: item[0])]


def _extra_keys(briefing: Briefing) -> dict[Span, frozenset[str]]:
    """Sentence span -> ids of the entities (``E:``) and figures (``F:``) it mentions."""
    marks: list[tuple[Span, str]] = [(m, f"E:{e.id}") for e in briefing.entities for m in e.mentions]
    claim_fig = {c: f.id for f in briefing.figures for v in f.values for c in v.claims}
    marks += [(c.span, f"F:{claim_fig[c.id]}") for c in briefing.claims if c.id in claim_fig]
    if not marks:
        return {}
    by_source: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for span, key in marks:
        by_source[span.source].append((span.start, key))
    out: dict[Span, frozenset[str]] = {}
    for sid, spans in briefing.sentences.items():
        index = _ByStart.of(by_source.get(sid, ()))  # the marks starting inside each sentence
        for sent in spans:
            keys = frozenset(index.between(sent.start, sent.end))
            if keys:
                out[sent] = keys
    return out


def key_weights(
    pool: Mapping[str, Sequence[PoolItem]], extra: Mapping[Span, frozenset[str]],
    groups: Sequence[Sequence[str]], idf: Mapping[str, float],
) -> dict[str, float]:
    """Weight of each key: share of independent groups that mention it, times its rarity.

    With one group (a single source or all wire copy) the share is taken over
    sentences instead, so a lone report still has key terms.
    """
    group_of = {sid: i for i, g in enumerate(groups) for sid in g}
    seen: dict[str, set] = defaultdict(set)
    for sid, items in pool.items():
        for it in items:
            unit = group_of.get(sid, sid) if len(groups) > 1 else it.span
            for key in set(it.terms) | extra.get(it.span, frozenset()):
                seen[key].add(unit)
    total = len(groups) if len(groups) > 1 else max(1, sum(len(v) for v in pool.values()))
    floor = 2 if len(groups) > 1 else 3
    top_idf = max(idf.values(), default=1.0)
    return {
        k: len(units) / total * (idf.get(k, top_idf) / top_idf)
        for k, units in seen.items() if len(units) >= floor
    }
