"""Numeric claims: every quantity that counts something, with what, what happened, who says, and when.

Compute first, then assemble (spaCy's ``match()`` then ``set_annotations()``):
``find_quantities`` lists numerals, ``not_a_count`` drops years, dates,
durations and pronouns, and ``read_claim`` reads qualifier, counted noun,
predicate, speaker and date off the parse of the claim's sentence.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from datetime import date
from typing import Any

from ..ids import content_id
from ..model import Briefing, Claim, Span
from ..pipeline import stage
from .claim_dates import as_of, past_period, sentence_dates
from .claim_filters import DURATION_UNITS, duration_context, kind_of, not_a_count
from .claim_parts import (
    LIGHT_VERBS,
    QUALIFIERS,
    amount_subject,
    antecedent,
    counted_noun,
    counts_phrase,
    measure_context,
    person_age,
    qualifier_of,
    sentenced_person,
)
from .claim_roles import attribution_of, continued_quote_speaker, one_paragraph, predicate_of, written_verb
from .lexicon import lexicon
from .modality import disputer_of, earlier_event, modality_of, month_scope, part_of_period, place_of, running_total
from .numbers import Quantity, find_quantities
from .units import dimension


@stage("claims", version="1", requires={"docs", "sentences", "published"}, produces={"claims"})
def extract_claims(briefing: Briefing) -> Briefing:
    """Claims of every source, in source order then text order."""
    claims: list[Claim] = []
    hints = _time_hints(briefing)
    for source in briefing.sources:
        doc = briefing.docs.get(source.id)
        if doc is None:
            continue
        sents = briefing.sentences.get(source.id, ())
        claims.extend(doc_claims(source.id, doc, sents, source.published, hints.get(source.id, {}), text=source.text))
    return dataclasses.replace(briefing, claims=tuple(claims))


def doc_claims(source_id: str, doc, sentences: tuple[Span, ...], published: date | None,
               hints: dict[int, date] | None = None, text: str | None = None) -> list[Claim]:
    """Claims in one parsed source. ``sentences`` are char spans (the core's repaired splits);
    ``text``, the source's, is the Doc's (``nlp.pieces``), which ``Doc.text`` rebuilds per token."""
    sents = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in sentences] or list(doc.sents)
    sents = [s for s in sents if s is not None]
    starts = [s.start for s in sents]
    text = doc.text if text is None else text  # Doc.text rebuilds the string on every access
    log = log_start(text)
    out: list[Claim] = []
    for q in find_quantities(doc):
        age_of = person_age(doc, q)
        if not age_of and not_a_count(doc, q):
            continue
        k = _sentence_index(sents, q.start, starts)
        if k is None:
            continue
        if age_of:
            out.append(_age_claim(read_claim(source_id, doc, q, sents, k, published, hints or {}, text=text), age_of))
            continue
        claim = read_claim(source_id, doc, q, sents, k, published, hints or {}, text=text)
        own = claim.predicate
        if doc[q.end - 1].head.lemma_ in LIGHT_VERBS:  # "Another 100 were among ...", not "Another 126 were rescued"
            claim = _continue_previous(claim, out, doc[q.start - 1].lower_ if q.start else "")
        claim = _others_of(claim, out, sents[k], q.start)
        claim = _inherit_predicate(claim, out, sents[k].text)
        if claim.verb and claim.predicate != own:  # the predicate came from the claim before: not its verb
            claim = dataclasses.replace(claim, verb=None)
        claim = _converted_hedge(claim, out, text)
        if out and (_converts(out[-1], claim, text) or _coordinated(out[-1], claim, text)):
            out[-1], claim = _shared_rate(out[-1], claim)
        if log is not None and claim.scope is None and doc[q.start].idx >= log:
            claim = dataclasses.replace(claim, scope="before")  # an earlier day's entry of a running log
        out.append(_increment_of_what(claim, out))
    return out


#: A line that opens with a short label and a colon ("In the Gulf: …", "Dow Jones Industrial Average: …").
_ENTRY = re.compile(r"^([A-Z][A-Za-z'’ .]{1,40}?):[ \t]", re.MULTILINE)
#: A label that opens this many lines of one report makes it a running log (a day-by-day timeline).
MIN_LOG_ENTRIES = 5


def log_start(text: str) -> int | None:
    """Where a report turns into a running log of earlier days, or None: from the first line of a label
    that opens ``MIN_LOG_ENTRIES`` lines or more ("In the Gulf: … At the White House: …", a timeline
    page's "Dow Jones Industrial Average: …" entries). Its entries are days gone by whose dates the
    scraper dropped: a count in them is no figure of the day it was published (report7 split: a
    retrospective's every flow estimate since April put with August's 53,000 barrels a day, eight wrong
    claims and a false conflict). A transcript's speaker labels ("ANDERSON:") are capitals, and no log."""
    entries: dict[str, list[int]] = {}
    for m in _ENTRY.finditer(text):
        entries.setdefault(m.group(1), []).append(m.start())
    starts = [at[0] for label, at in entries.items() if len(at) >= MIN_LOG_ENTRIES and not label.isupper()]
    return min(starts) if starts else None


#: Longest text between an amount and its conversion in brackets ("about 5,000 barrels (210,000 gallons").
CONVERSION_GAP = 30


def _converted_hedge(claim: Claim, earlier: list[Claim], text: str) -> Claim:
    """A conversion in brackets keeps the hedge of the amount it converts: "about 5,000 barrels (210,000
    gallons, 795,000 litres)" and "about a mile (1.5 km)" are all approximate (tune half)."""
    if claim.kind == "count" or claim.qualifier != "exact" or claim.number is None:
        return claim
    head = text[max(0, claim.number.start - CONVERSION_GAP) : claim.number.start]
    if head.rstrip().endswith("("):  # "about a mile (1.5 km)": the converted amount is no claim of its own
        words = head.rstrip()[:-1].lower().split()
        for phrase, norm in QUALIFIERS:
            n = len(phrase.split())
            if len(words) > n and " ".join(words[-n - 2 : -2]) == phrase and words[-2] in ("a", "an", "one"):
                return dataclasses.replace(claim, qualifier=norm)
    if not earlier:
        return claim
    prev = earlier[-1]
    if prev.kind == "count" or prev.qualifier == "exact" or prev.sentence != claim.sentence or prev.number is None:
        return claim
    between = text[prev.number.end : claim.number.start]
    opened = "(" in between and ")" not in between
    listed = between.strip(" ,") == "" or (prev.unit and between.strip().startswith(tuple(prev.unit.split("/")[:1])))
    inside = text[: claim.number.start].rfind("(") > text[: claim.number.start].rfind(")")
    if len(between) < CONVERSION_GAP and (opened or (inside and listed and "," in between)):
        return dataclasses.replace(claim, qualifier=prev.qualifier)
    return claim


def _between(prev: Claim, claim: Claim, text: str) -> str | None:
    """The text between two measures of one sentence, ``prev`` just before ``claim``, when it is
    shorter than ``CONVERSION_GAP``; None otherwise (or when either has no unit)."""
    if prev.sentence != claim.sentence or prev.number is None or claim.number is None or not prev.unit or not claim.unit:
        return None
    between = text[prev.number.end : claim.number.start]
    return between if len(between) < CONVERSION_GAP else None


def _converts(prev: Claim, claim: Claim, text: str) -> bool:
    """``claim`` is a conversion of ``prev`` in brackets just after it, in one sentence: "19,000 barrels
    of oil (800,000 gallons or 3 million liters) a day"."""
    between = _between(prev, claim, text)
    return between is not None and "(" in between and ")" not in between \
        and dimension(prev.unit)[0].split("/")[0] == dimension(claim.unit)[0].split("/")[0]


def _coordinated(prev: Claim, claim: Claim, text: str) -> bool:
    """Two measures joined by "and" in one sentence with nothing but their nouns between, the second a
    rate: "producing 58,800 gallons of oil and 900,000 cubic feet of gas per day", where the rate
    written once after the second is both's (report12 split: the oil had read as a volume beside the
    spill's total). Never the first's rate onto the second."""
    between = _between(prev, claim, text)
    return between is not None and prev.kind == claim.kind == "measure" and "/" not in prev.unit \
        and "/" in claim.unit and re.search(r"\band\b", between) is not None and not re.search(r"[;:.,()]", between)


def _shared_rate(a: Claim, b: Claim) -> tuple[Claim, Claim]:
    """An amount and its conversion in brackets share one rate word, written once after the brackets
    ("19,000 barrels of oil (800,000 gallons …) a day"): where one of them read it, both are flows.
    Without it the amount was a volume that joined the story's total leaked and made a false
    conflict (report12 split)."""
    rate_a, rate_b = "/" in a.unit, "/" in b.unit
    if rate_a == rate_b:
        return a, b
    if rate_b:
        return dataclasses.replace(a, unit=a.unit + "/" + b.unit.split("/", 1)[1]), b
    return a, dataclasses.replace(b, unit=b.unit + "/" + a.unit.split("/", 1)[1])


def _increment_of_what(claim: Claim, earlier: list[Claim]) -> Claim:
    """'another 60 were injured' after 'five were shot dead' adds people, not injuries: the 60 is the
    injured count. An increment is one only when the count just before it is of the same event."""
    if claim.modality != "increment" or not earlier or not claim.predicate:
        return claim
    prev = earlier[-1]
    if prev.predicate and prev.predicate != claim.predicate and claim.sentence and prev.sentence \
            and claim.sentence.start - prev.sentence.end < 200:
        return dataclasses.replace(claim, modality="asserted")
    return claim


def read_claim(source_id: str, doc, q: Quantity, sents, k: int, published: date | None, hints: dict[int, date],
               text: str | None = None) -> Claim:
    sent = sents[k]
    qualifier, qstart = qualifier_of(doc, q)
    noun, via_of = counted_noun(doc, q)
    noun = noun or _took_hostage(doc, q)
    elided = noun is None
    if elided:
        noun = antecedent(doc, q, sents[k - 1].start if k > 0 else sent.start)
    kind, unit = kind_of(doc, q)
    anchor = doc[q.end - 1] if (via_of or elided) else noun or doc[q.end - 1]
    counts = counts_phrase(doc, q, noun, via_of or elided) if kind == "count" \
        else (duration_context(doc, q) or measure_context(doc, q) or (amount_subject(doc, q) if kind == "money" else ""))
    if counts == "sentence":  # "John Smith was sentenced to 10 years": the term of a named person
        sentenced = sentenced_person(doc, q)
        counts = f"sentence of {sentenced}" if sentenced else counts
    end_tok = noun.i + 1 if (noun is not None and not via_of and not elided and noun.i >= q.end) else q.end
    span = Span(source_id, doc[qstart].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1]))
    words = [t.lower_ for t in sent]
    hinted = _hinted(hints, sent)
    day = hinted or as_of(words, q.start - sent.start, published)
    day_from = "timeline" if hinted else ("text" if sentence_dates(words, published) else ("published" if day else None))
    if day_from == "published" and _pluperfect(sent) and k > 0:
        earlier = sentence_dates([t.lower_ for t in sents[k - 1]], published)
        if earlier:
            day, day_from = earlier[-1][1], "context"
    disputer = disputer_of(anchor, sent)
    # a magnitude is the quake's, not what it did ("a 6.1-magnitude quake killed 12": nothing killed 6.1)
    predicate = None if unit in DURATION_UNITS.values() or unit == "magnitude" \
        else predicate_of(anchor, sent, whole=_is_whole(doc, q))
    if predicate in {"spent", "raised"} and kind == "measure":
        predicate = None  # the verbs of spending name what money does: "raises its estimate to 35,000 barrels a day"
    return Claim(
        id=content_id("c", source_id, span.start, span.end),
        span=span, text=doc[qstart:end_tok].text,  # not doc.text[...]: Doc.text rebuilds the whole text per claim
        value=q.value if q.value is not None else _mid(q), qualifier=qualifier, counts=counts,
        attribution=None if disputer else one_paragraph(attribution_of(anchor, sent)
                                                        or continued_quote_speaker(sents, k, text)),
        as_of=day, low=q.low, high=q.high,
        # a stay's length ("21 years in prison") is named by where it was spent; verbs around it ("spent",
        # "in the couple's case") say nothing of it
        predicate=predicate,
        kind=kind, unit=unit,
        number=Span(source_id, doc[q.start].idx, doc[q.end - 1].idx + len(doc[q.end - 1])),
        sentence=Span(source_id, sent.start_char, sent.end_char),
        head=noun.lemma_.lower() if noun is not None else None,
        scope=past_period(sent, published, anchor) or month_scope(anchor, sent, published) or earlier_event(anchor, sent)
        or (running_total(anchor, sent, predicate) if kind == "count" else None), as_of_from=day_from,
        modality=modality_of(doc, q.start, q.end, anchor, sent, bool(unit and unit.endswith("/day")), kind == "measure"),
        place=place_of(anchor, sent, measure=kind == "measure"), disputed_by=disputer, elided=elided,
        verb=written_verb(anchor, sent, predicate),
        unclassed_verb=_unclassed_verb(anchor) if predicate is None and kind == "count" else None,
        period=part_of_period(anchor, sent),
    )


def _unclassed_verb(anchor) -> str | None:
    """The verb a count is the subject or object of, when it names no event class ("Eleven people have
    been let go", "hired 40 staff"): the count says what happened to them, only not in the lexicon's
    words, so it is no verbless count ("11 dead", "around 40 jihadists") whose value may place it in
    an event's figure (report12 split: eleven oyster workers let go joined the rig's eleven killed)."""
    verb = anchor.head
    if anchor.dep_ not in {"nsubj", "nsubjpass", "dobj"} or verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    lex = lexicon()
    return None if lemma in LIGHT_VERBS or lemma in lex.say_verbs or lemma in lex.neutral_verbs else lemma


def _age_claim(claim: Claim, person: str) -> Claim:
    """A named person's age (``claim_parts.person_age``) as a measure of that person: what it measures is
    the name, so only the same person's age in another report can agree or disagree with it; no event,
    no place (the town after a name is where the person is from)."""
    number = claim.number or claim.span
    return dataclasses.replace(claim, kind="measure", unit="years old", counts=f"age of {person}", predicate=None,
                               place=None, verb=None, head="age", scope=None, text=claim.text.split(",")[0].split("-")[0],
                               span=number)


def _pluperfect(sent) -> bool:
    """'An official had put the number at 10': an earlier time, most likely the one the previous sentence named."""
    return any(t.lemma_ == "have" and t.dep_ == "aux" and t.tag_ == "VBD" and t.head.tag_ == "VBN" for t in sent)


def _is_whole(doc, q: Quantity) -> bool:
    """'four of its 18 workers', '2,000 of the 2,500 troops': the second number is the whole."""
    before = [t for t in doc[max(0, q.start - 3) : q.start]]
    words = [t.lower_ for t in before]
    if "of" not in words and "among" not in words:
        return False
    return any(t.like_num for t in doc[max(0, q.start - 4) : q.start - 1])


def _mid(q: Quantity) -> float:
    """A single number for vague amounts (the contract's ``value`` is a number): the geometric middle."""
    return round(((q.low or 0) * (q.high or 0)) ** 0.5) if q.low and q.high else (q.low or 0.0)


def _took_hostage(doc, q: Quantity):
    """'took hundreds hostage': the count is of hostages (the object complement)."""
    nxt = doc[q.end] if q.end < len(doc) else None
    return nxt if nxt is not None and nxt.lemma_ == "hostage" else None


def _sentence_index(sents, token_i: int, starts: list[int] | None = None) -> int | None:
    """The first sentence holding token ``token_i``; ``starts`` (the sentences' first tokens, in
    order) makes it a bisection -- a scan per quantity was quadratic on a long text."""
    starts = starts if starts is not None else [s.start for s in sents]
    found = None
    k = bisect.bisect_right(starts, token_i) - 1
    while k >= 0 and sents[k].end > token_i:  # back over sentences that overlap (none, usually)
        found = k
        k -= 1
    return found


#: Words that make a count continue the previous one ("573 of those freed were Algerians. Another 100 ...").
CONTINUING = frozenset({"another", "further", "additional"})


def _continue_previous(claim: Claim, earlier: list[Claim], before: str) -> Claim:
    """'Another 100' happened to the same as the count before it: take that claim's predicate."""
    if before in CONTINUING and earlier and earlier[-1].predicate and claim.sentence and earlier[-1].sentence \
            and claim.sentence.start - earlier[-1].sentence.end < 200:
        return dataclasses.replace(claim, predicate=earlier[-1].predicate)
    return claim


def _others_of(claim: Claim, earlier: list[Claim], sent: Any, at: int) -> Claim:
    """'two Norwegians have been found alive but six others remain unaccounted for': six other
    Norwegians. The kind comes from the count before it in the sentence, or -- when that one is no
    claim ("left one dog dead and two others seriously injured": "one" counts nothing a reader
    compares) -- from the nearest noun before it that a number or "one" counts: two other dogs, not
    two people."""
    if claim.head not in ("other", "others"):
        return claim
    if earlier and earlier[-1].sentence == claim.sentence:
        return dataclasses.replace(claim, counts=f"other {earlier[-1].counts}".strip())
    counted = [noun for t in sent if t.i < at and (noun := _counted_by(t)) is not None and noun.i < at]
    if not counted:
        return claim
    noun = counted[-1]
    return dataclasses.replace(claim, counts=f"other {_plural(noun)}", head=noun.lemma_.lower())


def _counted_by(tok: Any) -> Any | None:
    """The noun a number counts: "one dog" (its head), "one of King's dogs" (the partitive's)."""
    if tok.pos_ != "NUM":
        return None
    if tok.dep_ == "nummod" and tok.head.pos_ == "NOUN":
        return tok.head
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in of.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None) if of is not None else None


def _plural(noun: Any) -> str:
    """The noun as a count of several names it ("dog" -> "dogs"); a plural stays as written."""
    word = noun.lower_
    return word if noun.tag_ in {"NNS", "NNPS"} or word.endswith("s") else word + "s"


def _lists_members(text: str) -> bool:
    return any(w in text.lower() for w in ("includ", "among"))


def _inherit_predicate(claim: Claim, earlier: list[Claim], text: str) -> Claim:
    """'They included two Americans and one Portuguese': no verb of its own, so take the previous claim's."""
    if claim.predicate or not earlier or claim.sentence is None:
        return claim
    prev = earlier[-1]
    if prev.sentence and prev.predicate and claim.sentence.start - prev.sentence.end < 200 and _lists_members(text):
        return dataclasses.replace(claim, predicate=prev.predicate)
    return claim


def _time_hints(briefing: Briefing) -> dict[str, dict[int, date]]:
    """Per source, char offset -> resolved day, from the timeline stage's ``times`` when it ran
    (optional). All sources in one pass: a pass over every time expression for each source grew
    with the square of the story."""
    hints: dict[str, dict[int, date]] = {}
    for t in briefing.times:
        if t.type == "DATE" and t.value and len(t.value) == 10:
            try:
                day = date.fromisoformat(t.value)
            except ValueError:
                continue
            hints.setdefault(t.span.source, {})[t.span.start] = day
    return hints


def _hinted(hints: dict[int, date], sent) -> date | None:
    inside = [d for pos, d in hints.items() if sent.start_char <= pos < sent.end_char]
    return inside[0] if len(inside) == 1 else None
