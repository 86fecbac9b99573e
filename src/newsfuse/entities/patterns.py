"""Names that NER misses, and equivalences that the text itself states.

Outlets introduce a group's name in quotes ("a group known as “Signatories
in Blood”"), gloss a foreign name ("Mulathameen brigade, whose name means
“The Masked Ones”"), give an epithet ("an Egyptian referred to as the
“blind sheikh”"), or an acronym in brackets ("Minerals Management Service
(MMS)"). Each pattern yields mentions with exact spans and, where the
text ties two names together, an ``Equivalence``: evidence the clustering
treats as decisive. ``Leadership`` records "X, led by P", "X leader P" and
"P's X brigade": groups led by one person are one group under several
names (the In Amenas attackers carry four names across five outlets, each
tied to Mokhtar Belmokhtar).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..clean.datelines import dateline_places
from ..model import Span
from .aliases import is_acronym, is_acronym_of
from .mentions import Mention, mention_at

#: Cues that the next quoted phrase is a name even if lowercase ("blind sheikh").
_NAMING_CUE = r"(?:known as|referred to as|called|calling itself|dubbed|nicknamed|named|name means|which means|meaning)"
#: Cues that tie the quoted name to the name just before it.
_EQUATING_CUE = re.compile(
    r"^\s*,?\s*(?:(?:an?|the)\s+[\w\s-]{0,40}?\s+)?(?:whose\s+|which\s+is\s+|also\s+)?" + _NAMING_CUE + r"\s+(?:as\s+)?(?:the\s+)?$"
)
#: Every opening quote is tried (a lookahead), so one long quotation cannot
#: pair its closing mark with the next opening one and hide a name.
_QUOTED = re.compile(r"(?=[“‘\"](?P<name>[^“”‘’\"\n]{2,60}?)[,.]?[”’\"])")
#: "Saudi King Abdullah called Mubarak", "the board named Smith": right after a person's or place's
#: name, with no comma or appositive noun between, "called"/"named" is the verb (to phone, to
#: appoint), not a naming cue; "a group called X", "Belmokhtar, called X" keep the cue.
_VERB_CUE = re.compile(r"^\s+(?:called|named)\s+$")
_CUE_BEFORE = re.compile(_NAMING_CUE + r"\s+(?:as\s+)?(?:the\s+)?$")
_CAP_WORD = re.compile(r"^(?:[A-Z][\w'’.]*|[A-Z][\w]*(?:-\w+)+)$")
_LINK_WORDS = frozenset({"of", "in", "the", "and", "for", "de", "du", "des", "al", "el", "la", "le", "bin"})
#: Head nouns that make a name a group (an ORG vote, and the "P's X brigade" pattern).
GROUP_NOUNS = frozenset(
    {"brigade", "battalion", "group", "militia", "faction", "movement", "front", "cell", "network", "ones"}
)
#: "Mulathameen brigade", "Signed-in-Blood Battalion": a capitalised name before a group noun (NER misses both).
_GROUP_WORD = r"(?:[A-Z]\w*(?:-\w+)*-[A-Z]\w*|[A-Z]\w*)"  # "Signed-in-Blood", never "Qaeda-linked"
_NAMED_GROUP = re.compile(
    r"(?<![\w'’-])(?!(?:The|A|An|This|That)\b)(?P<name>" + _GROUP_WORD + r"(?: " + _GROUP_WORD + r"){0,3}) "
    r"(?:[Bb]rigade|[Bb]attalion|[Mm]ilitia|[Ff]action)\b"
)
_GROUP_AFTER = re.compile(r"\s+(" + "|".join(sorted(GROUP_NOUNS - {"ones"})) + r")\b")
_LED_BY = re.compile(r"^[\s,”’\"']*(?:led|headed|commanded|founded and led) by\s+(?:[A-Z][a-z]+\s+)?$")
_LEADER_OF = re.compile(r"^\s+leader\s+$")
_POSSESSIVE = re.compile(r"^(?:'s|’s)\s+$")
_PAREN_ACRONYM = re.compile(r"\s*\(\s*((?:[A-Z]\.?){2,6})\s*\)")
#: How far back an equating cue looks for the name it glosses (one appositive).
ANTECEDENT_WINDOW = 80


@dataclass(frozen=True)
class Equivalence:
    """The text says ``a`` and ``b`` name one entity (``reason`` names the pattern)."""

    a: Span
    b: Span
    reason: str


@dataclass(frozen=True)
class Leadership:
    """``group`` is led by ``leader`` (both mention spans in one source)."""

    group: Span
    leader: Span


@dataclass(frozen=True)
class PatternFindings:
    mentions: tuple[Mention, ...] = ()  # every mention of the source, NER's repaired plus the patterns'
    equivalences: tuple[Equivalence, ...] = ()
    leaderships: tuple[Leadership, ...] = ()


def find_patterns(source_id: str, text: str, mentions: Sequence[Mention]) -> PatternFindings:
    """NER's mentions repaired by the patterns, plus the equivalences and leaderships the text states.

    Quoted names replace the NER fragments inside them ("Blood" as a GPE in
    "Signatories in Blood"); a group's lowercase head noun joins its name.
    """
    quoted = _quoted_names(source_id, text, mentions)
    quoted += _named_groups(source_id, text, quoted)
    quoted += _datelines(source_id, text, quoted)
    known = sorted(_without_overlaps(mentions, quoted) + list(quoted), key=lambda m: m.span)
    extended = [_extend_group_noun(m, text) for m in known]
    extended = sorted(extended + _bracketed_acronym_mentions(source_id, text, extended), key=lambda m: m.span)
    bracketed = _bracketed_group_names(source_id, text, extended)
    extended = sorted(_without_overlaps(extended, [m for m, _ in bracketed]) + [m for m, _ in bracketed],
                      key=lambda m: m.span)
    equivalences = (_glosses(text, extended, quoted) + _bracketed_acronyms(text, extended)
                    + tuple(Equivalence(group, m.span, "bracketed name") for m, group in bracketed))
    return PatternFindings(tuple(extended), equivalences, _leaderships(text, extended))


def _without_overlaps(mentions: Sequence[Mention], new: Sequence[Mention]) -> list[Mention]:
    cover = Cover(n.span for n in new)
    return [m for m in mentions if not cover.overlaps(m.span)]


class Cover:
    """Whether a span overlaps any of a fixed set of spans (``Span.overlaps``): a ``Taken`` per
    source, so no span is tried against every other (quadratic in one long report)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.by_source: dict[str, Taken] = defaultdict(Taken)
        for s in spans:
            self.by_source[s.source].add(s.start, s.end)

    def overlaps(self, span: Span) -> bool:
        taken = self.by_source.get(span.source)
        return taken is not None and taken.overlaps(span.start, span.end)


class Taken:
    """The character ranges of one article that names already cover; asks whether a range
    overlaps any of them (``a < end and start < b``) without a scan of them all, which grew with
    the square of a long article's names.

    A non-empty range overlaps a non-empty one exactly when they share a character, so covered
    characters are marked in a byte array; empty ranges (and an empty query) take the scan."""

    def __init__(self) -> None:
        self.covered = bytearray()
        self.ranges: list[tuple[int, int]] = []
        self.empty: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        self.ranges.append((start, end))
        if start >= end:
            self.empty.append((start, end))
            return
        if end > len(self.covered):
            self.covered.extend(bytes(end - len(self.covered)))
        self.covered[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        if start >= end:
            return any(a < end and start < b for a, b in self.ranges)
        if start < len(self.covered) and self.covered.find(1, max(0, start), end) != -1:
            return True
        return any(a < end and start < b for a, b in self.empty)


def _quoted_names(source_id: str, text: str, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    found = []
    for match in _QUOTED.finditer(text):
        start, end = match.span("name")
        name = match.group("name").rstrip(",. ")
        end = start + len(name)
        cued = bool(_CUE_BEFORE.search(text[max(0, match.start() - 40) : match.start()]))
        if _looks_like_name(name) and (cued or _capital_words(name) >= 2) or cued and _short_phrase(name):
            label = _label_for(name, text[max(0, match.start() - 40) : match.start()], mentions)
            found.append(mention_at(source_id, text, start, end, label, "pattern"))
    return tuple(found)


def _datelines(source_id: str, text: str, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    found = []
    cover = Cover(m.span for m in mentions)
    for start, end in dateline_places(text):  # "ALGIERS –", "IN AMENAS:", "HOUSTON |", "NEW ORLEANS --"
        span = Span(source_id, start, end)
        if end - start >= 3 and not cover.overlaps(span):
            found.append(mention_at(source_id, text, span.start, span.end, "GPE", "pattern"))
    return tuple(found)


def _named_groups(source_id: str, text: str, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    found = []
    cover = Cover(m.span for m in mentions)
    for match in _NAMED_GROUP.finditer(text):
        span = Span(source_id, match.start("name"), match.end())
        if not _DEMONYM_WORD.search(match.group("name")) and not cover.overlaps(span):
            found.append(mention_at(source_id, text, span.start, span.end, "ORG", "pattern"))
    return tuple(found)


_DEMONYM_WORD = re.compile(r"(?:an|ese|ist|i)\b")


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not words or not _CAP_WORD.match(words[0]) or len(words) > 6:
        return False
    return all(_CAP_WORD.match(w) or w.lower() in _LINK_WORDS for w in words)


def _capital_words(name: str) -> int:
    return sum(1 for w in name.split() if w[:1].isupper())


def _short_phrase(name: str) -> bool:
    """A lowercase epithet after a naming cue ("the “blind sheikh”"): at most three plain words."""
    return 1 <= len(name.split()) <= 3 and all(w.isalpha() for w in name.split())


def _label_for(name: str, before: str, mentions: Sequence[Mention]) -> str | None:
    if name.split()[-1].lower() in GROUP_NOUNS or re.search(r"\b(?:group|brigade|battalion|movement)\b", before):
        return "ORG"
    return None


def _extend_group_noun(m: Mention, text: str) -> Mention:
    """ "Belmokhtar's Mulathameen brigade": the lowercase head noun belongs to the group's name."""
    if m.label in {"GPE", "LOC", "PERSON", "DATE"}:
        return m
    after = _GROUP_AFTER.match(text, m.span.end)
    if not after or not m.text[:1].isupper() or m.text.split()[-1].lower() in GROUP_NOUNS:
        return m
    return mention_at(m.span.source, text, m.span.start, after.end(), "ORG", m.origin)


def _antecedent(text: str, mentions: Sequence[Mention], start: int) -> Mention | None:
    """The mention that an equating cue right before ``start`` glosses, if the text between is one appositive."""
    before = [m for m in mentions if m.span.end <= start and start - m.span.end <= ANTECEDENT_WINDOW]
    for m in sorted(before, key=lambda m: -m.span.end):
        between = text[m.span.end : start]
        if re.search(r"[.!?\n]", between.replace("St.", "St")):
            return None
        if _VERB_CUE.match(between):
            return None
        if _EQUATING_CUE.match(between.rstrip("“‘\"' ") + " "):
            return m
    return None


def _glosses(text: str, mentions: Sequence[Mention], quoted: Sequence[Mention]) -> tuple[Equivalence, ...]:
    """ "X, whose name means “Y”", "X, also known as Y", "X, an Egyptian referred to as the “Y”"."""
    found = []
    # The mentions ``_antecedent`` may take (ending within ANTECEDENT_WINDOW before the name), by
    # bisection over their ends, in their order: passing it every mention for every name was
    # quadratic in one long report.
    by_end = sorted(range(len(mentions)), key=lambda k: (mentions[k].span.end, k))
    ends = [mentions[k].span.end for k in by_end]
    for named in mentions:
        start = named.span.start
        lo, hi = bisect.bisect_left(ends, start - ANTECEDENT_WINDOW), bisect.bisect_right(ends, start)
        near = [mentions[k] for k in sorted(by_end[lo:hi]) if mentions[k].span != named.span]
        head = _antecedent(text, near, start)
        if head is not None:
            cue = text[head.span.end : named.span.start]
            found.append(Equivalence(head.span, named.span, "gloss" if "mean" in cue else "alias"))
    return tuple(found)


_PAREN_NAME = re.compile(r"\s*\(\s*((?:[A-Z][\w'’-]*)(?: (?:[A-Z][\w'’-]*|al|el|of|in|the)){0,4})\s*\)")


def _bracketed_group_names(source_id: str, text: str, mentions: Sequence[Mention]) -> list[tuple[Mention, Span]]:
    """ "the Signed-in-Blood Battalion (Al-Mouwakoune Biddima)": a group's other name in brackets.
    Only after a group's name: after a person or a company a bracket holds a party tag, a
    ticker or a photo credit ("(D-Fla.)", "(BP.L)", "(AP)")."""
    found = []
    for m in mentions:
        match = _PAREN_NAME.match(text, m.span.end)
        if match and _is_group_named(m) and not is_acronym(match.group(1)):
            found.append((mention_at(source_id, text, match.start(1), match.end(1), "ORG", "pattern"), m.span))
    return found


def _bracketed_acronym_mentions(source_id: str, text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """ "(MMS)" after "Minerals Management Service" is a mention even where the model skipped it."""
    starts = {m.span.start for m in mentions}
    found = []
    for m in mentions:
        match = _PAREN_ACRONYM.match(text, m.span.end)
        if match and match.start(1) not in starts and is_acronym_of(match.group(1), m.text):
            found.append(mention_at(source_id, text, match.start(1), match.end(1), m.label, "pattern"))
    return found


def _bracketed_acronyms(text: str, mentions: Sequence[Mention]) -> tuple[Equivalence, ...]:
    found = []
    by_start = {m.span.start: m for m in mentions}
    for m in mentions:
        match = _PAREN_ACRONYM.match(text, m.span.end)
        if match and is_acronym_of(match.group(1), m.text):
            inner = by_start.get(match.start(1))
            if inner is not None and is_acronym(inner.text):
                found.append(Equivalence(m.span, inner.span, "acronym in brackets"))
    return tuple(found)


def _leaderships(text: str, mentions: Sequence[Mention]) -> tuple[Leadership, ...]:
    """Candidate leaderships; the clustering keeps those whose leader turns out to be a person.

    The leader's own label is not trusted here: the small model calls
    "Belmokhtar" a GPE in "Belmokhtar's Mulathameen brigade".
    """
    ordered = sorted(mentions, key=lambda m: m.span.start)
    found = []
    for left, right in zip(ordered, ordered[1:], strict=False):
        between = text[left.span.end : right.span.start]
        if _is_group(left) and not _is_group_named(right) and (_LED_BY.match(between) or _LEADER_OF.match(between)):
            found.append(Leadership(left.span, right.span))
        elif _is_group_named(right) and not _is_group_named(left) and _POSSESSIVE.match(between):
            found.append(Leadership(right.span, left.span))
    return tuple(found)


def _is_group_named(m: Mention) -> bool:
    return m.text.split()[-1].lower() in GROUP_NOUNS


def _is_group(m: Mention) -> bool:
    return m.label in {"ORG", "NORP", None} or m.text.split()[-1].lower() in GROUP_NOUNS
