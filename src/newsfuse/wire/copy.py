"""Shared wire copy: which sources reprint the same text.

Two sources share copy when at least ``MIN_SHARED_SENTENCES`` of their
sentences are near-identical (word 3-gram Jaccard >= ``NEAR_DUP_JACCARD``,
which tolerates a changed word or two: "foreign worker hostage" vs "foreign
workers hostage"). Pairs are found by an exact set-similarity join with
prefix filtering (Bayardo, Ma & Srikant 2007, "Scaling up all pairs
similarity search"; Xiao et al. 2008, PPJoin): with shingles ordered rarest
first, two sets of Jaccard >= t share a shingle among the first
|x| - ceil(t*|x|) + 1 of each, so only those prefixes are indexed and only
pairs sharing one are compared. Cost grows with the number of sentences, not
its square, and unlike MinHash LSH (used before, which missed a pair now and
then and cost ~0.4 s of imports on every run) no qualifying pair is missed.
Sentences that are mostly quotation do not count: two outlets quoting one
statement are not sharing copy.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from ..model import Source, Span
from ..words import shingles

MIN_SHARED_SENTENCES = 3
#: Calibrated on the example: AFP copy reprinted by Dawn (000) and another
#: outlet (001) scores 0.72-1.0 per sentence pair; the closest unrelated pair
#: of sentences across the five sources scores 0.21. Deepwater Horizon's two
#: Reuters and two Fox News pieces (same outlet, different days) stay below 3.
NEAR_DUP_JACCARD = 0.6
#: Shorter sentences ("He said.") collide by chance.
MIN_WORDS = 8
#: A sentence with more than this share of its characters inside quotes is a quotation.
MAX_QUOTED_SHARE = 0.5
_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]|‘([^’]*)’")


def quoted_share(text: str) -> float:
    quoted = sum(len(m.group(0)) for m in _QUOTED.finditer(text))
    return quoted / max(1, len(text))


def eligible(text: str) -> bool:
    return len(_WORD.findall(text)) >= MIN_WORDS and quoted_share(text) <= MAX_QUOTED_SHARE


def near_duplicate_pairs(
    sources: Sequence[Source], sentences: Mapping[str, Sequence[Span]]
) -> tuple[tuple[Span, Span], ...]:
    """Pairs of near-identical sentences in different sources (quotations left out).

    A sentence repeated word for word within one source is indexed once and its pairs copied
    to every repeat: a text repeating one sentence 15,000 times made every look-up return all
    of them (quadratic; a 1,000,000-character spam text never got past this stage).
    """
    texts = {s.id: s.text for s in sources}
    items: list[tuple[Span, frozenset[str]]] = []
    repeats: dict[Span, list[Span]] = {}
    for sid, spans in sentences.items():
        first: dict[str, Span] = {}
        for span in spans:
            text = texts[sid][span.start : span.end]
            if not eligible(text):
                continue
            if text in first:
                repeats[first[text]].append(span)
                continue
            first[text] = span
            repeats[span] = [span]
            items.append((span, shingles(text)))
    frequency = Counter(g for _, grams in items for g in grams)
    rank = {g: (c, g) for g, c in frequency.items()}  # rarest first; ties by text, so runs agree
    index: dict[str, list[int]] = defaultdict(list)
    pairs = set()
    for x, (span, grams) in enumerate(items):
        ordered = sorted(grams, key=rank.__getitem__)
        seen: set[int] = set()
        for g in ordered[: _prefix_length(len(ordered))]:
            for y in index[g]:
                if y in seen:
                    continue
                seen.add(y)
                o_span, o_grams = items[y]
                if o_span.source != span.source and _jaccard(grams, o_grams) >= NEAR_DUP_JACCARD:
                    pairs.update(tuple(sorted((a, b))) for a in repeats[span] for b in repeats[o_span])
            index[g].append(x)
    return tuple(sorted(pairs))


def _prefix_length(size: int) -> int:
    """How many of a set's rarest shingles any set with Jaccard >= NEAR_DUP_JACCARD must share one of."""
    return size - math.ceil(NEAR_DUP_JACCARD * size - 1e-9) + 1


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def shared_copy(pairs: Sequence[tuple[Span, Span]]) -> dict[str, set[str]]:
    """Source -> sources it shares at least ``MIN_SHARED_SENTENCES`` distinct sentences with."""
    by_pair: dict[tuple[str, str], tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for a, b in pairs:
        left, right = by_pair[(a.source, b.source)]
        left.add(a.start)
        right.add(b.start)
    links: dict[str, set[str]] = defaultdict(set)
    for (x, y), (left, right) in by_pair.items():
        if min(len(left), len(right)) >= MIN_SHARED_SENTENCES:
            links[x].add(y)
            links[y].add(x)
    return links


def independent_groups(source_ids: Sequence[str], links: Mapping[str, set[str]]) -> tuple[tuple[str, ...], ...]:
    """Connected components of the shared-copy graph, in input order."""
    group_of: dict[str, int] = {}
    groups: list[list[str]] = []
    for sid in source_ids:
        if sid in group_of:
            continue
        stack, members = [sid], []
        group_of[sid] = len(groups)
        while stack:
            cur = stack.pop()
            members.append(cur)
            for nxt in sorted(links.get(cur, ())):
                if nxt not in group_of:
                    group_of[nxt] = len(groups)
                    stack.append(nxt)
        groups.append(sorted(members, key=source_ids.index))
    return tuple(tuple(g) for g in groups)


