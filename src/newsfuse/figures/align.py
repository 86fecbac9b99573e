"""Figures: claims lined up by what they count, compared across sources and over time.

``group_claims`` puts two claims in one figure when they count the same
class (``figure_classes``) under the same predicate; measures of one
quantity in different units join by value (``figure_units``). ``judge``
then compares each figure's claims (``figure_compare``) counting sources
that share wire copy once, and ``link_subsets`` ties "foreign hostages
killed" to "hostages killed".
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..ids import content_id
from ..model import Briefing, Claim, Figure, FigureValue, Span
from ..pipeline import stage
from ..words import MONTHS as MONTH_NAMES
from ..words import WEEKDAYS as WEEKDAY_NAMES
from .classes import (
    CountedClass,
    class_label,
    counted_class,
    embedding_synonyms,
    figure_predicate,
    story_demonyms,
    story_roles,
    story_synonyms,
)
from .compare import CUMULATIVE, FIXED_AT_EVENT, UNIT_TOLERANCE, compare, interval, widen
from .events import cause_of, restricting_words
from .lexicon import lexicon
from .numbers import CURRENCY_SIGNS, CURRENCY_WORDS
from .units import dimension


@dataclass(frozen=True)
class Options:
    """Switches for measurement (bench/figures.py); the defaults are what the pipeline runs."""

    seeds: bool = True  # role seed words ("gunmen" = "militants")
    synonyms: bool = True  # story synonyms: same number, same predicate
    encode: Any = None  # optional phrase encoder (list[str] -> unit vectors) for embedding synonyms
    embedding_threshold: float = 0.6  # cosine; see bench/figures.py for the sweep
    roles: frozenset[str] = frozenset({"hostage"})  # story-only roles the story names (figure_classes.story_roles)


@stage("figures", version="1", requires={"claims", "independent_groups"}, produces={"figures"})
def align_figures(briefing: Briefing) -> Briefing:
    demonyms = story_demonyms(briefing.docs.values())
    texts = {s.id: s.text for s in briefing.sources}
    options = Options(roles=story_roles(briefing.docs.values()))
    causes = claim_causes(briefing)
    figures = build_figures(list(briefing.claims), independent_voices(briefing), demonyms, texts, options, causes)
    return dataclasses.replace(briefing, figures=tuple(figures))


def independent_voices(briefing: Briefing) -> tuple[tuple[str, ...], ...]:
    """The core's independent groups (shared wire copy counts once), merged again by outlet.

    Two reports from one outlet repeat its own boilerplate ("15 people died in
    a 2005 explosion at BP's Texas City refinery" in both BBC reports on
    Deepwater Horizon): one outlet repeating itself is not confirmation.
    """
    groups = [list(g) for g in briefing.independent_groups] or [[s.id] for s in briefing.sources]
    outlet = {s.id: (s.outlet or "").strip().lower() for s in briefing.sources}
    merged: list[list[str]] = []
    for g in groups:
        names = {outlet.get(sid) for sid in g} - {""}
        home = next((m for m in merged if names & ({outlet.get(sid) for sid in m} - {""})), None)
        if home is None:
            merged.append(list(g))
        else:
            home.extend(g)
    return tuple(tuple(m) for m in merged)


def claim_causes(briefing: Briefing) -> dict[str, str]:
    """Claim id -> the event that caused its count, where the parse names one (``events.cause_of``)."""
    out: dict[str, str] = {}
    for c in briefing.claims:
        doc = briefing.docs.get(c.span.source)
        cause = cause_of(doc, c) if doc is not None and c.kind == "count" else None
        if cause:
            out[c.id] = cause
    return out


def build_figures(claims: list[Claim], groups, demonyms: frozenset[str], texts: Mapping[str, str],
                  options: Options = Options(), causes: Mapping[str, str] | None = None) -> list[Figure]:
    keyed = group_claims(claims, demonyms, options, causes or {})
    group_of = {sid: n for n, g in enumerate(groups) for sid in g}
    day = story_day(texts)
    _split_days(keyed, texts, day)
    figures = {key: judge(key, members, group_of, texts, day) for key, members in keyed.items()}
    return link_subsets(figures)


def group_claims(claims: list[Claim], demonyms: frozenset[str], options: Options = Options(),
                 causes: Mapping[str, str] | None = None) -> dict[tuple, list[Claim]]:
    """Figure key -> its claims, in input order. Keys: (kind, dimension or past period, class, predicate, place).

    Only asserted numbers are grouped: a hypothetical, forecast, negated, generic
    or incremental number is never evidence for or against another outlet's count.
    A number whose counted thing is unknown (none written, or taken from another
    sentence with no verb to tie it) stands alone: equal values never group by themselves.
    A stay's length ("21 years in prison") stands alone too: the term faced, the law's minimum,
    the sentence imposed and the time served share the noun "prison", and nothing read yet tells
    them apart (docs/figures.md, round 3) -- except a term a verb imposes on a named person.
    """
    alone = [c for c in claims if c.modality != "asserted" or (c.kind == "count" and not c.predicate
                                                               and (c.elided or not c.counts.strip()))
             or (dimension(c.unit)[0] == "time" and not _named_term(c, claims)) or another_event(c)]
    keep = {c.id for c in alone}
    claims = [c for c in claims if c.id not in keep]
    classes = {c.id: counted_class(c, demonyms, seeds=options.seeds, story_roles=options.roles) for c in claims}
    rep = story_synonyms(claims, classes) if options.synonyms else {k: k for k in classes.values()}
    if options.encode is not None:
        by_embedding = embedding_synonyms(claims, {cid: rep[c] for cid, c in classes.items()}, options.encode,
                                          options.embedding_threshold)
        rep = {k: by_embedding[v] for k, v in rep.items()}
    keyed: dict[tuple, list[Claim]] = defaultdict(list)
    measures: list[Claim] = []
    for c in claims:
        if c.kind == "count":
            cls = rep[classes[c.id]]
            keyed[("count", c.scope or "", cls, figure_predicate(cls, c.predicate))].append(c)
        else:
            measures.append(c)
    _adopt_verbless(keyed)
    _split_verbless(keyed)
    _split_places(keyed)
    _split_by(keyed, lambda c: frozenset({causes[c.id]}) if causes and c.id in causes else frozenset(), "event")
    _split_by(keyed, lambda c: restricting_words(c, demonyms), "part")
    _split_breakdowns(keyed)
    for members in _measure_groups(measures):
        first = members[0]
        # measures join by value; a past period keeps another event's volume apart ("11m gallons in 1989")
        keyed[(first.kind, dimension(first.unit)[0], CountedClass(None, first.counts or first.unit or ""), first.id)] = members
    _split_parts(keyed)
    for key in [k for k, members in keyed.items() if len(members) > 1 and all(c.qualifier == VAGUE for c in members)]:
        alone.extend(keyed.pop(key))  # "millions of dollars" twice: vague amounts alone agree on nothing
    for c in alone:  # kept out of every group: a figure of one claim
        keyed[(c.kind, c.scope or "", CountedClass(None, c.counts or c.unit or ""), c.predicate, "alone", c.id)] = [c]
    return dict(keyed)


def _split_parts(keyed: dict[tuple, list[Claim]]) -> None:
    """A count over a part of the event's period ("half a million barrels during the first month",
    ``Claim.period``) is a figure of its own beside the whole's: shown in the total's figure it reads as
    one more estimate of the total (report16). One that repeats a value of the whole stays with it: a
    report that does not say the period names the same number ("$350 million in the first 20 days" and
    "BP has spent $350m")."""
    for key in [k for k, members in keyed.items() if len(members) > 1]:
        members = keyed[key]
        whole = [c for c in members if not c.period]
        apart = [c for c in members if c.period and whole and not any(
            (c.value, c.unit) == (w.value, w.unit) or _same_measure(c, w) for w in whole)]
        if apart:
            keyed[key] = [c for c in members if c not in apart]
            keyed[key + ("period",)] = apart


def another_event(c: Claim) -> bool:
    """A count scoped to an earlier event (a past year, another month, a past-perfect narrative: ``Claim.scope``)
    is background, not this story's figure: two reports recalling the same earlier toll agree on nothing
    the story is about (report6 split: a 9/11 toll recalled in two comments on an oil spill; an earlier
    shooting "in early March" put with this one's wounded)."""
    scope = (c.scope or "").strip()
    return scope == "before" or scope.rstrip("s'’").isdigit() or scope.lower() in MONTH_NAMES


#: The qualifier of an amount written without a number ("millions", "dozens", "several hundred"). A
#: figure of such amounts only would show agreement where no value was given (report5 split: "tens of
#: millions" in ransoms and "millions" a gang rakes in, one "dollars earned" figure): each stands alone.
VAGUE = "approximate-vague"


def _named_term(c: Claim, claims: list[Claim]) -> bool:
    """A term imposed on a named person ("sentence of John Smith", ``claim_parts.sentenced_person``) is one
    quantity across reports, so it may group -- unless its own sentence gives two terms ("was sentenced
    to 10 years for robbery and was sentenced to five years for assault"): parts, never rival totals."""
    if not c.counts.startswith("sentence of "):
        return False
    # any other term in the same sentence: its person may be unread ("and was sentenced to five years")
    return not any(o.sentence == c.sentence and o.counts.startswith("sentence") and o.value != c.value for o in claims)


def _split_breakdowns(keyed: dict[tuple, list[Claim]]) -> None:
    """Counts of one figure written in one sentence with different values are a breakdown, not rival
    totals: "47 corpses in one area and 17 in a second one", "injuring five others, two seriously",
    "15 killed in Idlib, nine in Aleppo". Each is a part of something the sentence does not total, so
    each stands alone: equal to a total elsewhere only by chance, never a dispute with it."""
    for key in [k for k in keyed if k[0] == "count"]:
        by_sentence: dict[Span | None, set[tuple]] = defaultdict(set)
        for c in keyed[key]:
            by_sentence[c.sentence].add((c.value, c.low, c.high))
        split = {sent for sent, values in by_sentence.items() if sent is not None and len(values) > 1}
        if not split:
            continue
        members = keyed.pop(key)
        rest = [c for c in members if c.sentence not in split]
        if rest:
            keyed[key] = rest
        for c in members:
            if c.sentence in split:
                keyed[key + ("breakdown", c.id)] = [c]


def _split_places(keyed: dict[tuple, list[Claim]]) -> None:
    """Counts scoped to different places are different figures ("3 in Cairo", "3 in Suez").

    A count with no place may be story-wide or another place's: it groups only with
    other counts that name no place (precision first: "31 killed in Alexandria" is
    not evidence against a nationwide toll).
    """
    for key in [k for k in keyed if k[0] == "count"]:
        places = {c.place.lower() if c.place else "" for c in keyed[key]}
        if len(places) < 2:
            continue
        members = keyed.pop(key)
        by_place: dict[str, list[Claim]] = defaultdict(list)
        for c in members:
            by_place[c.place.lower() if c.place else ""].append(c)
        for place, cs in by_place.items():
            keyed[key + ("place", place)] = cs


def _split_by(keyed: dict[tuple, list[Claim]], words, tag: str) -> None:
    """Split count figures whose claims name different events or parts, where their values disagree.

    ``words(claim)`` is a set: the cause of the count ("pileup", "storm") or the words that narrow the
    counted noun ("civil" aircraft). Claims whose sets differ stay together only when one set holds
    the other and their values meet ("four acoustic signals" and "four signals" are one count); "one
    civil aircraft" against "twelve aircraft", or two people killed by a pileup against eight left dead
    by the storm (tune half), are a part and a whole, or two events: figures of their own, never a dispute.
    """
    for key in [k for k in keyed if k[0] == "count"]:
        members = keyed[key]
        by_words: dict[frozenset, list[Claim]] = defaultdict(list)
        for c in members:
            by_words[words(c)].append(c)
        if len(by_words) < 2:
            continue
        parts: list[tuple[list[frozenset], list[Claim]]] = []
        for ws, cs in sorted(by_words.items(), key=lambda kv: (len(kv[0]), sorted(kv[0]))):
            home = next((p for p in parts if any(o <= ws or ws <= o for o in p[0]) and _values_meet(p[1], cs)), None)
            if home is None:
                parts.append(([ws], list(cs)))
            else:
                home[0].append(ws)
                home[1].extend(cs)
        if len(parts) < 2:
            continue
        del keyed[key]
        order = {c.id: i for i, c in enumerate(members)}
        for sets, cs in parts:
            words_of = " ".join(sorted(frozenset().union(*sets)))
            new = key + ((tag, words_of) if words_of else ())
            new = new if new not in keyed else new + (cs[0].id,)  # two parts naming the same words
            keyed[new] = sorted(cs, key=lambda c: order[c.id])


def _values_meet(a: list[Claim], b: list[Claim]) -> bool:
    """Every claim of ``b`` meets some claim of ``a`` (intervals as ``compare`` reads them)."""
    return all(any(interval(x).meets(interval(y)) for x in a) for y in b)


def _adopt_verbless(keyed: dict[tuple, list[Claim]]) -> None:
    """A count with no predicate ("We had around 40 jihadists") joins the figure of its class that has its number.

    Same class and same number is strong evidence of the same figure; when
    several figures qualify, the one with most claims wins (ties: first seen).
    """
    for key in [k for k in keyed if k[3] is None]:
        kind, scope, cls, _ = key
        keep = []
        for c in keyed[key]:
            homes = [] if c.unclassed_verb else [
                k for k in keyed if k[:3] == (kind, scope, cls) and k[3] is not None and any(o.value == c.value for o in keyed[k])]
            if homes:
                keyed[max(homes, key=lambda k: len(keyed[k]))].append(c)
            else:
                keep.append(c)
        if keep:
            keyed[key] = keep
        else:
            del keyed[key]


def _split_verbless(keyed: dict[tuple, list[Claim]]) -> None:
    """Counts with no predicate that found no home group only with repeats of the same number.

    Without a verb, "2 violations" and "50 violations" may count different
    things (found, fixed, open); calling them a conflict would be a guess
    (seen on Multi-News clusters: building violations, complaints, index points).
    """
    for key in [k for k in keyed if k[3] is None]:
        members = keyed.pop(key)
        by_number: dict[tuple, list[Claim]] = defaultdict(list)
        for c in members:
            by_number[(c.value, c.low, c.high)].append(c)
        for number, cs in by_number.items():
            keyed[key[:3] + (None,) + number] = cs


#: A flow is a rate at a time: two flows the text dates this many days apart or more are two quantities.
FLOW_WINDOW_DAYS = 7


def _flows_apart(a: Claim, b: Claim) -> bool:
    """Two flows ("barrels a day") of dates far apart: a day-by-day log's June estimate of 35,000 to
    60,000 barrels a day is not the August figure of 53,000 before the well was capped, nor its
    confirmation (a rate changes; a count to date only grows and is compared as an evolution)."""
    if "/" not in (a.unit or "") or "/" not in (b.unit or "") or a.as_of is None or b.as_of is None:
        return False
    return abs((a.as_of - b.as_of).days) >= FLOW_WINDOW_DAYS


def _measure_groups(claims: list[Claim]) -> list[list[Claim]]:
    """Measures of one quantity: same dimension and either values that agree (exactly in one unit,
    by rounding across units) or the same context ("miles off the Louisiana coast").

    Each claim joins every earlier group holding a claim it matches (the first such group takes it,
    and a claim matching several merges them into the first). A big story has thousands of measures,
    so a claim is tried only against the earlier claims ``_MeasureIndex`` can match it to (same
    context key, or a value within rounding reach), not against every group: the same groups, in
    the same order, as trying them all.
    """
    index = _MeasureIndex(claims)
    groups: list[list[int]] = []
    group_of: list[list[int]] = []
    events: dict[int, set[str]] = {}  # id(group) -> the events its claims name
    for i, c in enumerate(claims):
        homes: dict[int, list[int]] = {}
        for j in sorted(index.candidates(i)):
            g = group_of[j]
            if id(g) not in homes and not _flows_apart(c, claims[j]) and _fits_events(c, events[id(g)]) and (
                    _same_context(c, claims[j]) or (_same_measure(c, claims[j]) and _value_may_join(c, claims[j]))):
                homes[id(g)] = g
        if not homes:
            groups.append([i])
            group_of.append(groups[-1])
            events[id(groups[-1])] = {c.predicate} if c.predicate else set()
            continue
        at = {id(g): n for n, g in enumerate(groups)} if len(homes) > 1 else {}
        first, *others = sorted(homes.values(), key=lambda g: at.get(id(g), 0))
        if len(set().union(*(events[id(g)] for g in [first, *others]))) > 1:
            # a claim naming no event never bridges groups that name different ones: it joins the one
            # whose value it repeats ("5m barrels" beside "5 million barrels leaked"), else the first
            first = next((g for g in [first, *others] if _repeats_value(c, g, claims)), first)
            others = []
        first.append(i)
        group_of.append(first)
        if c.predicate:
            events[id(first)].add(c.predicate)
        for other in others:  # c bridges two groups: merge them
            first.extend(other)
            events[id(first)] |= events.pop(id(other))
            for j in other:
                group_of[j] = first
        if others:
            gone = {id(g) for g in others}
            groups = [g for g in groups if id(g) not in gone]
    return [[claims[j] for j in g] for g in groups]


def _repeats_value(c: Claim, group: list[int], claims: list[Claim]) -> bool:
    """A claim of ``group`` gives ``c``'s value (in any unit), and is not a flow of a date far apart.
    Asked only when ``c`` would bridge groups of different events, so the usual join stays short-circuited."""
    return any(not _flows_apart(c, claims[k]) and _same_measure(c, claims[k]) for k in group)


def _fits_events(c: Claim, named: set[str]) -> bool:
    """A claim joins a group only when it names no event or the group's one. A claim naming none
    ("5m barrels", "the flow slowed to about 53,000 barrels per day") matches measures of oil leaked
    and of oil collected alike; joined through it, a claim of another event, or two groups merged
    through it, put a spill's leak, escape and capture in one figure and called it a conflict
    (report7 split)."""
    return not c.predicate or named <= {c.predicate}


class _MeasureIndex:
    """Which claims a measure can possibly match (``_same_context`` or ``_same_measure``): a superset,
    checked exactly by the caller.

    Every way two measures join needs the same kind and the same dimension (before any "/day").
    ``_same_context`` also needs the same scope and place, then one of: a place (same dimension), a
    flow unit with no context (same dimension), or the same context words. ``_same_measure`` needs
    no range on either side and values that agree: equal in one unit, or one rounding to the other
    across units, which puts the other's value near the converted one (``_near``).
    """

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.dims = [dimension(c.unit) for c in claims]
        self.context: dict[tuple, list[int]] = defaultdict(list)
        values: dict[tuple, dict[str | None, list[tuple[float, int]]]] = defaultdict(lambda: defaultdict(list))
        for i, c in enumerate(claims):
            for key in self._context_keys(i):
                self.context[key].append(i)
            if c.low is None and math.isfinite(c.value):  # a range never matches by value
                values[(c.kind, self.dims[i][0].split("/")[0])][c.unit].append((c.value, i))
        self.values = {k: {u: sorted(vs) for u, vs in by_unit.items()} for k, by_unit in values.items()}

    def _context_keys(self, i: int) -> list[tuple]:
        c, dim = self.claims[i], self.dims[i][0]
        if c.kind != "measure":
            return []
        scope, place = c.scope, _place(c)
        if place:
            return [("place", scope, place, dim.split("/")[0])]
        if _context(c):
            return [("counts", scope, c.counts)]
        return [("flow", scope, dim)] if "/" in (c.unit or "") else []

    def candidates(self, i: int) -> set[int]:
        """Earlier claims ``i`` may match."""
        c, (dim, factor) = self.claims[i], self.dims[i]
        found: set[int] = set()
        for key in self._context_keys(i):
            found.update(j for j in self.context.get(key, ()) if j < i)
        if c.low is not None or not math.isfinite(c.value):
            return found
        for unit, vs in self.values.get((c.kind, dim.split("/")[0]), {}).items():
            if unit == c.unit:
                lo, hi = c.value, c.value
            else:
                lo, hi = _near(c.value, factor, dimension(unit)[1])
            start = bisect.bisect_left(vs, (lo, -1))
            for value, j in vs[start:]:
                if value > hi:
                    break
                if j < i:
                    found.add(j)
        return found


def _near(value: float, factor: float, other_factor: float) -> tuple[float, float]:
    """Bounds on a value in another unit that ``_same_measure`` can match by rounding, widened for float error.

    Either this value converted rounds to the other (the other's precision is at most
    max(1, |other| / 10), so the other lies within 0.5 + |other| / 20 of the converted value), or
    the other converted rounds to this value (within half this value's precision).
    """
    x = value * factor / other_factor
    reach = (abs(x) + 1) * 1.1
    lo, hi = x - 0.5 - reach / 20, x + 0.5 + reach / 20
    step = _precision(value) / 2 + 1e-9
    ratio = other_factor / factor
    lo, hi = min(lo, (value - step) / ratio), max(hi, (value + step) / ratio)
    slack = 1e-6 * (abs(lo) + abs(hi) + 1)
    return lo - slack, hi + slack


def _value_may_join(a: Claim, b: Claim) -> bool:
    """Equal values (or a conversion) join two measures only where something says they are one quantity:
    one sentence ("5 km (3.1 miles)"), a rate unit that names the flow ("barrels a day"), or the same
    context noun. Otherwise equal values alone never group (tune half: "2.8 miles" deep and "4,500 m"
    operating depth, "23%" of a 1987 fall and "23%" gained since an inauguration)."""
    if a.sentence is not None and a.sentence == b.sentence:
        return True
    if "/" in (a.unit or "") or "/" in (b.unit or ""):
        return True  # "barrels a day" names a flow: the unit says what is measured
    if a.predicate and a.predicate == b.predicate and a.scope == b.scope:
        return True  # "11 million gallons leaked" in two reports: the event says what is measured
    return bool(_context(a)) and (_context(a) == _context(b) or _money_head(a) is not None and _money_head(a) == _money_head(b))


def _money_head(c: Claim) -> str | None:
    """The head word of a sum's context in the singular ("spill costs" and "cost" are one cost): two sums
    of one value join on it; other measures keep their whole context."""
    if c.kind != "money" or not _context(c):
        return None
    word = c.counts.split()[-1]
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _context(c: Claim) -> str:
    """A measure's context noun, '' when it names no quantity ('value', 'amount': resources/figures.toml)."""
    words = (c.counts or "").split()
    return "" if not words or words[-1] in lexicon().placeholder_context else c.counts


def _same_context(a: Claim, b: Claim) -> bool:
    """Physical measures of one named thing join whatever their values; money and shares do not
    ("$8 trillion in value" and "$1 trillion in value" are different sums, Multi-News)."""
    if a.kind != "measure" or a.kind != b.kind or a.scope != b.scope or _place(a) != _place(b):
        return False  # "19 inches of snow in Madison" and "13 inches of snow" across central Iowa: two places
    if _place(a) and (not _context(a)) != (not _context(b)) and dimension(a.unit)[0] == dimension(b.unit)[0] \
            and not (a.predicate and b.predicate and a.predicate != b.predicate):
        return True  # "Madison got 15.2 inches" and "in Madison, more than 19 inches of snow fell": one place's measure
    if not _context(a) and not _context(b) and "/" in (a.unit or "") and dimension(a.unit)[0] == dimension(b.unit)[0]:
        # a flow ("barrels a day") is named by its unit: two flows with nothing else said are one quantity,
        # not a flow of a named event and one naming none ("siphoning 1,000 barrels a day" is collected,
        # "5,000 barrels a day" the leak: report11 split, one figure flagged as a conflict); those two
        # join only where their values agree (``_same_measure``)
        return a.predicate == b.predicate
    if not _context(a) or a.counts != b.counts:
        return False
    if a.predicate and b.predicate and a.predicate != b.predicate:
        return False
    return _same_dimension(a, b)


def _same_dimension(a: Claim, b: Claim) -> bool:
    """One dimension, a flow ("15,000 barrels a day") never with an amount ("127,000 barrels" collected
    in all: report5 and Deepwater-style stories put both in one figure and called it a conflict),
    except in one sentence, where the rate word may sit out of reach of one of two conversions
    ("1,000 barrels (42,000 gallons) of crude a day")."""
    da, db = dimension(a.unit)[0], dimension(b.unit)[0]
    if da == db:
        return True
    return da.split("/")[0] == db.split("/")[0] and a.sentence is not None and a.sentence == b.sentence


def _place(c: Claim) -> str:
    return c.place.lower() if c.place else ""


def _same_measure(a: Claim, b: Claim) -> bool:
    if a.kind != b.kind or (a.predicate and b.predicate and a.predicate != b.predicate):
        return False
    fa, fb = dimension(a.unit)[1], dimension(b.unit)[1]
    # "1,000 barrels (42,000 gallons) of crude a day": the rate word may sit out of reach of one of them
    if not _same_dimension(a, b) or a.low is not None or b.low is not None:
        return False
    if a.unit == b.unit:
        return a.value == b.value
    return rounds_to(a.value * fa / fb, b.value) or rounds_to(b.value * fb / fa, a.value)


def rounds_to(converted: float, stated: float) -> bool:
    """Does ``converted`` round to ``stated`` at the precision ``stated`` is written with?

    A conversion in the text is rounded to the figures the writer kept:
    "5,000 ft (1,500 m)" (1,524 m within +-50), "1,000 barrels (42,000
    gallons)"; "about 1,052 barrels" is 44,184 gallons, which does not round
    to 42,000, so it stays a different figure (Deepwater Horizon). Two-digit
    numbers keep unit precision: "about 50 miles" is not "84km (52 miles)".
    """
    step = _precision(stated)
    return abs(converted - stated) <= step / 2 + 1e-9


def _precision(x: float) -> float:
    if x != int(x):
        decimals = len(f"{x:.6f}".rstrip("0").split(".")[1])
        return 10.0 ** -decimals
    n, step = int(x), 1.0
    while n >= 100 and n % 10 == 0:  # "50 miles" is meant to the mile; "5,000 ft" to the thousand
        n //= 10
        step *= 10
    return step


def judge(key: tuple, claims: list[Claim], group_of: Mapping[str, int], texts: Mapping[str, str],
          day: str | None = None) -> Figure:
    """Values, status and reasons of one figure; ``day`` is the weekday the story is of (``story_day``)."""
    kind, dim, cls, predicate = key[:4]
    # measures must explain a change between dates too ("the slick grew to 1,900 square miles")
    conflicts, moves, disputed = _conflicts(claims, group_of, texts, predicate in CUMULATIVE or kind == "measure",
                                            kind == "measure", kind == "count" and predicate in FIXED_AT_EVENT, day)
    groups = {group_of.get(c.span.source, c.span.source) for c in claims}
    status = "conflict" if conflicts else ("single" if len(groups) == 1 else "consistent")
    reasons = conflicts if status == "conflict" else moves
    label = _label(kind, cls, predicate, claims)
    values = _values(claims)
    return Figure(
        id=content_id("f", kind, dim, cls, predicate if isinstance(predicate, str) or predicate is None else "", *(c.id for c in claims)),
        label=label, status=status, values=values, reasons=tuple(reasons),
        predicate=predicate if isinstance(predicate, str) and kind == "count" else main_predicate(claims),
        kind=kind, unit=claims[0].unit,
        disputed=tuple(c.id for c in claims if c.id in disputed) if status == "conflict" else (),
    )


#: Order of conflict kinds in ``Figure.reasons``: same-day disagreement is the strongest evidence.
REASON_ORDER = ("disagree", "fell", "rose without explanation")


def _conflicts(claims: list[Claim], group_of, texts, cumulative: bool, measure: bool = False,
               fixed: bool = False, day: str | None = None) -> tuple[list[str], list[str], set[str]]:
    """(conflicts, explained or allowed moves between dates), each as plain sentences, and the ids of
    the claims in a disagreeing pair, with the repeats of their values."""
    reasons: list[str] = []
    moves: list[str] = []
    disputed: set[str] = set()
    distinct = _restated(_distinct(claims, texts))
    ordered = sorted(distinct[:MAX_COMPARED], key=lambda c: (c.as_of.toordinal() if c.as_of else 0))
    # each claim's voice, interval and sentence read once, not once per pair
    voice = [group_of.get(c.span.source, c.span.source) for c in ordered]
    intervals = [_interval(c, claims[0]) for c in ordered]
    sentences = [_sentence_of(c, texts) for c in ordered]
    days = _days_of(ordered, sentences, day)
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            b = ordered[j]
            if voice[i] == voice[j] and not _two_sayers(a, b):
                continue
            if a.unit != b.unit and _same_measure(a, b):
                continue  # a conversion of the same figure, rounded as written ("5,000 ft (1,500 m)")
            ia, ib, sentence = intervals[i], intervals[j], sentences[j]
            if a.as_of is None and b.as_of is None and days[i] and days[j] and not days[i] & days[j]:
                # no dates to compare by, and the sentences date themselves apart: no comparable time
                moves.append(f"{_say(a)} and {_say(b)} are not compared: their sentences name different days")
                continue
            if bool(a.period) != bool(b.period):
                part = a if a.period else b
                moves.append(f"{_say(a)} and {_say(b)} are not compared: {_say(part)} counts only {part.period}")
                continue
            if _aged(a, b):
                moves.append(f"moved from {_say(a)} to {_say(b)}")
                continue
            why = compare(a, b, ia, ib, sentence, cumulative, measure, fixed)
            if why:
                reasons.append(f"{_say(a)} vs {_say(b)}: {why}")
                disputed.update(c.id for c in claims if (c.value, c.qualifier) in {(a.value, a.qualifier),
                                                                                 (b.value, b.qualifier)})
            elif not ia.meets(ib) and a.as_of != b.as_of:
                moves.append(f"moved from {_say(a)} to {_say(b)}")
    ranked = sorted(dict.fromkeys(reasons), key=lambda r: next(i for i, k in enumerate(REASON_ORDER) if r.endswith(k)))
    skipped = [f"only the first {MAX_COMPARED} of its {len(distinct)} claims were compared"] \
        if len(distinct) > MAX_COMPARED else []
    return (ranked[:6] + (skipped if ranked else []), list(dict.fromkeys(moves))[:6] + (skipped if not ranked else []),
            disputed)


def _split_days(keyed: dict[tuple, list[Claim]], texts: Mapping[str, str], day: str | None) -> None:
    """Counts of undated reports whose sentences date them to different days are different figures:
    they are never compared (``_conflicts``), so shown together they would read as agreeing (report7:
    Saturday's 27 dead in Monday's "people killed" figure, "consistent"). A count whose sentence names
    no day, and no story day stands for it, may be any day's and stays with each."""
    for key in [k for k in keyed if k[0] == "count" and len(keyed[k]) > 1]:
        members = keyed[key]
        if any(c.as_of is not None for c in members):
            continue
        days = _days_of(members, [_sentence_of(c, texts) for c in members], day)
        parts: list[tuple[set[str], list[Claim]]] = []
        for c, d in zip(members, days, strict=True):
            home = next((p for p in parts if not d or not p[0] or d & p[0]), None)
            if home is None:
                parts.append((set(d), [c]))
            else:
                home[0].update(d)
                home[1].append(c)
        if len(parts) > 1:
            del keyed[key]
            for i, (_, cs) in enumerate(parts):
                keyed[key + (("day", i) if i else ())] = cs


def _sentence_of(c: Claim, texts: Mapping[str, str]) -> str:
    """The text of the sentence a claim is read from ("" where none is known)."""
    return texts.get(c.span.source, "")[c.sentence.start : c.sentence.end] if c.sentence else ""


def story_day(texts: Mapping[str, str]) -> str | None:
    """The weekday the story's reports are of, where they say: the day each report names most often,
    when it is one day for most reports ("Monday's clashes", "pre-dawn Monday"; Saturday's bombings
    and Sunday's blast are recalled once or twice). None when reports disagree or name no day."""
    tops: Counter[str] = Counter()
    for text in texts.values():
        counts = Counter(m.group().lower() for m in _WEEKDAY_WORD.finditer(text))
        ranked = counts.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            tops[ranked[0][0]] += 1
    best = tops.most_common(1)
    return best[0][0] if best and best[0][1] * 2 > len(texts) else None


def _nearest_day(c: Claim, sentence: str) -> frozenset[str]:
    """The weekdays the claim's sentence names near its number: "Monday's clashes came after car
    bombs ripped through Damascus on Saturday, killing 27" dates the 27 Saturday's; "got 15.2 inches
    Wednesday and Thursday" gives both days (within ``NEAR_DAY_CHARS`` of the number)."""
    found = [(m.start(), m.group().lower()) for m in _WEEKDAY_WORD.finditer(sentence)]
    if len(found) < 2 or c.number is None or c.sentence is None:
        return frozenset(day for _, day in found)
    at = c.number.start - c.sentence.start
    nearest = min(abs(pos - at) for pos, _ in found)
    return frozenset(day for pos, day in found if abs(pos - at) <= max(nearest, NEAR_DAY_CHARS))


#: Characters from a number within which every weekday its sentence names dates it.
NEAR_DAY_CHARS = 30


_WEEKDAY_WORD = re.compile(rf"\b(?:{'|'.join(WEEKDAY_NAMES)})\b", re.IGNORECASE)


def _days_of(claims: list[Claim], sentences: list[str], day: str | None = None) -> list[frozenset[str]]:
    """The weekdays each claim's sentence names ("As day broke on Tuesday, four people were killed").
    Where no report has a date (Multi-News) they are all a claim says of its time: two counts whose
    sentences name days, none in common, are each their own day's, no disagreement (report7 flagged
    Tuesday's four dead against Monday's 125). A sentence that names no day says nothing of its time
    ("80 people were injured" against "injuring 70 on Sunday" stays a disagreement, report17), unless
    its value is one a dated claim of the figure gives: then it is that count, of that day (another
    outlet's undated 125 dead is Monday's 125), or the story's own ``day`` says what day it is of:
    Monday's three dead against Saturday's 27 (report7: the earlier bombings' toll, recalled) are
    two days' counts, while 80 injured against 70 "on Sunday" in a Sunday story are compared."""
    named = [_nearest_day(c, s) for c, s in zip(claims, sentences, strict=True)]
    by_value: dict[tuple, set[str]] = defaultdict(set)
    for c, d in zip(claims, named, strict=True):
        by_value[(c.value, c.low, c.high, c.unit)] |= d
    story = frozenset({day}) if day else frozenset()
    return [d or frozenset(by_value[(c.value, c.low, c.high, c.unit)]) or story
            for c, d in zip(claims, named, strict=True)]


#: Days between two reports from which a person's age may have grown by a birthday: within a month
#: a different age is a disagreement (report3 split: 23 and 24 a day apart), beyond it one year per
#: year passed, rounded up, is an evolution.
AGEING_DAYS = 30


def _aged(a: Claim, b: Claim) -> bool:
    """A named person's age (``claims._age_claim``) later higher by no more than the years passed."""
    if a.unit != "years old" or b.unit != "years old" or a.as_of is None or b.as_of is None:
        return False
    days = (b.as_of - a.as_of).days
    return days > AGEING_DAYS and 0 < b.value - a.value <= math.ceil(days / 365.25)


#: Most claims of one figure compared pair by pair (a news figure has tens; a pathological text
#: with thousands would take hours): the rest are left out, and the figure's reasons say so.
MAX_COMPARED = 300


def _distinct(claims: list[Claim], texts) -> list[Claim]:
    """The claims less repeats: a claim equal to an earlier one of the same source in all but its
    position (a text repeating a sentence) adds no pair -- with one sayer in one source the pair
    is skipped, and against any other claim it says what the first said (reasons are deduplicated;
    at most a reason already given in the other order is not repeated mirrored). Comparing every
    pair of 15,000 repeats never finished."""
    seen: dict[tuple, Claim] = {}
    for c in claims:
        sentence = _sentence_of(c, texts)
        key = (c.span.source, sentence, dataclasses.replace(c, id="", span=Span(c.span.source, 0, 0), number=None,
                                                            sentence=None))
        seen.setdefault(key, c)
    return list(seen.values())


#: rapidfuzz partial ratio at or above which two sayer strings are one voice (tune half: ministry/minister).
SAME_SAYER = 70


def _restated(claims: list[Claim]) -> list[Claim]:
    """The claims less conversions written beside a claim of the same sentence ("siphoning more than
    1,000 barrels a day, or 42,000 gallons"): the conversion may have lost the rate word ("a day") or
    the hedge ("more than") that its sentence gives once, and compared alone against another
    report's "1,000 barrels per day" it made a conflict of one value (report11 split)."""
    kept: list[Claim] = []
    by_sentence: dict[Span, list[Claim]] = defaultdict(list)  # a claim is tried against its sentence's only
    for c in claims:
        if c.sentence is not None:
            beside = by_sentence[c.sentence]
            if any(k.unit != c.unit and _same_measure(k, c) for k in beside):
                continue
            beside.append(c)
        kept.append(c)
    return kept


def _two_sayers(a: Claim, b: Claim) -> bool:
    """Two named sources in one article ("the ministry says 150, the envoy 800"): they can disagree."""
    if a.span.source != b.span.source or a.as_of != b.as_of:
        return False
    if not a.attribution or not b.attribution or a.attribution == "reports" or b.attribution == "reports":
        return False
    from rapidfuzz import fuzz

    # "the Health Ministry" and "the Egyptian health minister" are one voice in different words
    return fuzz.partial_ratio(a.attribution.lower(), b.attribution.lower()) < SAME_SAYER


def _interval(c: Claim, first: Claim):
    """Claims in other units than the figure's first claim compare in canonical units, with a tolerance."""
    _, factor = dimension(c.unit)
    iv = interval(c, factor)
    # the whole tolerance: the other claim is exact in its own unit, so a half of it let "1.6 km" and
    # "5,000 ft" (4.9% apart, one depth written in two roundings) disagree (report14 split)
    return widen(iv, UNIT_TOLERANCE) if c.unit != first.unit else iv


def _say(c: Claim) -> str:
    q = "" if c.qualifier == "exact" else c.qualifier.replace("approximate-vague", "roughly") + " "
    when = f" ({c.as_of.isoformat()})" if c.as_of else ""
    number = f"{c.low:,.0f}-{c.high:,.0f}" if c.low is not None and c.high is not None else f"{c.value:,g}"
    return f"{q}{number}{' ' + c.unit if c.unit else ''}{when}"


def _values(claims: list[Claim]) -> tuple[FigureValue, ...]:
    """One value per (number, qualifier, unit, as-of), each listing every claim and source behind it."""
    merged: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        merged[(c.value, c.qualifier, c.unit, c.as_of, c.low, c.high)].append(c)
    values = [
        FigureValue(value=v, qualifier=q, sources=tuple(dict.fromkeys(c.span.source for c in cs)),
                    claims=tuple(c.id for c in cs), as_of=d, low=lo, high=hi)
        for (v, q, _, d, lo, hi), cs in merged.items()
    ]
    return tuple(sorted(values, key=lambda fv: (fv.as_of.toordinal() if fv.as_of else 0, fv.value)))


def _label(kind: str, cls: CountedClass, predicate, claims: list[Claim]) -> str:
    counts = Counter(c.counts for c in claims if c.counts)
    if kind != "count":
        main = main_predicate(claims)
        verb = MEASURE_VERBS.get(main, main)
        if verb:
            # The verb as written; with none, a noun that names a sum or a share ("cost", "fine",
            # "stake") says it all: the event class's name after it ("cost spent") is no word of the
            # text. Oil or diesel still needs its class ("oil leaking", "diesel aboard").
            named = bool(counts) and claims[0].unit in NAMED_BY_NOUN
            verb = _written(claims, main) or (None if named else verb)
        units = ", ".join(dict.fromkeys(c.unit or "" for c in claims))
        measure = _measure_label(claims, counts)
        if verb and verb in measure.split():  # "it has cost BP $350m": "cost (USD)", not "cost cost"
            verb = None
        return f"{measure}{' ' + verb if verb else ''} ({units})"
    what = class_label(cls, counts) or "number"
    places = {c.place for c in claims if c.place}
    where = f" {places.pop()}" if len(places) == 1 else ""
    if not predicate or not isinstance(predicate, str):  # no verb: say what is counted, as written
        return f"{what}{where}"
    if " of " in cls.base:  # units of a thing: "counts of cyberstalking (indicted)", the verb as written
        verb = _written(claims, predicate)  # the event befell a person, not the counts: no class name
        return f"{what}{where}{f' ({verb})' if verb else ''}"
    words = PREDICATE_WORDS.get((what, predicate), PREDICATE_WORDS.get(predicate))
    return f"{what} {words or _written(claims, predicate) or predicate}{where}"


def main_predicate(claims: list[Claim]) -> str | None:
    """The event most of a measure's claims name, or None when none names one. Not the first claim's:
    a figure whose first claim has no verb of its own ("206m gallons" in a chronology) would be
    labelled "oil (gallons)" while the others say "leaked" (report14 split)."""
    verbs = Counter(c.predicate for c in claims if c.predicate)
    if not verbs:
        return None
    best = max(verbs.values())
    return next(c.predicate for c in claims if c.predicate and verbs[c.predicate] == best)


def _written(claims: list[Claim], predicate) -> str | None:
    """The verb the figure's claims use most for its event, as written ("paid", "indicted"), so that a
    label says what the text says rather than the event class's name ("spent", "arrested"); ties go
    to the class's own word when the text uses it, else to the first written."""
    verbs = Counter(c.verb for c in claims if c.verb and c.predicate == predicate)
    if not verbs:
        return None
    best = max(verbs.values())
    tied = [v for v, n in verbs.items() if n == best]
    return predicate if predicate in tied else tied[0]


#: Plainer words for a few predicates in labels ("lives lost", "workers in all").
PREDICATE_WORDS: dict = {"total": "in all", ("lives", "killed"): "lost", "took part": "taking part"}
#: Predicates said of people read differently of oil or money ("could be released", not "freed").
MEASURE_VERBS: dict = {"freed": "released", "taken": None, "held": None, "took part": None}


#: Units of sums and shares: a noun before them names the quantity ("cost", "fine", "stake").
NAMED_BY_NOUN = frozenset(set(CURRENCY_SIGNS.values()) | set(CURRENCY_WORDS.values()) | {"%"})
#: Plain words for a measure with no context noun, by dimension (figure_units.dimension).
DIMENSION_WORDS = {"length": "distance or length", "area": "area", "volume": "volume", "volume/day": "flow a day",
                   "mass": "weight", "%": "share", "USD": "amount", "GBP": "amount", "EUR": "amount"}


def _measure_label(claims: list[Claim], counts: Counter[str]) -> str:
    dim = dimension(claims[0].unit)[0]
    return counts.most_common(1)[0][0] if counts else DIMENSION_WORDS.get(dim, claims[0].kind)


def link_subsets(figures: dict[tuple, Figure]) -> list[Figure]:
    """'foreign hostages killed' < 'hostages killed'; 'Americans killed' < 'hostages killed' (else < foreign ones)."""
    out = []
    for key, fig in figures.items():
        kind, dim, cls, predicate = key[:4]
        parent = None
        if kind == "count" and cls.modifier:
            for mod in ((None, "foreign") if cls.modifier != "foreign" else (None,)):
                up = figures.get((kind, dim, CountedClass(mod, cls.base), predicate))
                if up is not None:
                    parent = up.id
                    break
        out.append(dataclasses.replace(fig, subset_of=parent))
    order = {"conflict": 0, "consistent": 1, "single": 2}
    return sorted(out, key=lambda f: (order[f.status], -len(f.values)))
