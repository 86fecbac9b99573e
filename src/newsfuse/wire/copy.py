"""Shared wire copy: which sources reprint the same text.

Two sources share copy when at least ``MIN_SHARED_SENTENCES`` of their
sentences are near-identical (word 3-gram Jaccard >= ``NEAR_DUP_JACCARD``,
which tolerates a changed word or two: "foreign worker hostage" vs "foreign
workers hostage"). Candidates come from MinHash LSH, so cost grows with the
number of sentences, not its square. Sentences that are mostly quotation do
not count: two outlets quoting one statement are not sharing copy.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ..model import Source, Span

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
NUM_PERM = 64
_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]|‘([^’]*)’")


def shingles(text: str) -> frozenset[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return frozenset(" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2)))


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
    from datasketch import MinHash, MinHashLSH

    texts = {s.id: s.text for s in sources}
    permutations = _permutations()
    items: dict[str, tuple[Span, frozenset[str], MinHash]] = {}
    repeats: dict[Span, list[Span]] = {}
    lsh = MinHashLSH(threshold=NEAR_DUP_JACCARD * 0.8, num_perm=NUM_PERM)
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
            key = f"{sid}:{span.start}"
            grams = shingles(text)
            mh = MinHash(num_perm=NUM_PERM, permutations=permutations[0], scheme=permutations[1])
            mh.update_batch([g.encode("utf-8") for g in grams])
            lsh.insert(key, mh)
            items[key] = (span, grams, mh)
    pairs = set()
    for span, grams, mh in items.values():
        for other in lsh.query(mh):
            o_span, o_grams, _ = items[other]
            if o_span.source != span.source and _jaccard(grams, o_grams) >= NEAR_DUP_JACCARD:
                pairs.update(tuple(sorted((a, b))) for a in repeats[span] for b in repeats[o_span])
    return tuple(sorted(pairs))


@lru_cache(maxsize=1)
def _permutations() -> tuple[object, str]:
    """Drawing MinHash permutations is the costly part of a MinHash; draw them once per process."""
    from datasketch import MinHash

    template = MinHash(num_perm=NUM_PERM)
    return template.permutations, template.scheme


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


