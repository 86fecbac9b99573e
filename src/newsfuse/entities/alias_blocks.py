"""Blocking for alias clustering: the names a merge rule could accept, found without trying every pair.

A story of 1,000 reports has tens of thousands of name nodes; trying every rule on every pair
grew with the square of the story. Each rule in ``alias_clusters`` has a necessary condition on
the two names' strings alone, and is only tried on the pairs that meet it:

- equal key tokens, and people's spelling variants: equal metaphone key of the last token
  (``same_surname`` demands it);
- other spelling variants: a rapidfuzz ratio of at least ``SIMILAR_NAME_RATIO``, found with
  ``CloseStrings`` (below);
- acronyms: the acronym's letters, or all but its last, are among the long form's
  ``expansion_initials``;
- short forms of people: the short form's last token is the full name's last token, or (one
  token) close to it by ``SIMILAR_SURNAME_RATIO``;
- place and organisation short forms, glossed names: an equal first or last token, or core.

A blocked rule then runs exactly as before over its candidates, in the same order, so the
clusters are those of all pairs (``tests/entities/test_alias_blocking.py`` compares them with
``cluster_mentions(..., exhaustive=True)`` on the bundled stories, ECB+ and generated names).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

#: q-gram length of ``CloseStrings``: pairs of letters. With the ratios used here (85-90) the
#: q-gram bound below stays positive for every string of two letters or more.
GRAM = 2


class CloseStrings:
    """The strings of ``data`` whose rapidfuzz ``ratio`` with a query may reach ``cutoff``.

    Complete by construction (never misses a pair that reaches the cutoff; the caller checks
    the ratio itself on what comes back):

    - ``fuzz.ratio(a, b) = 100 * (1 - indel(a, b) / (|a| + |b|))``, so ratio >= c needs
      ``indel <= D = floor((|a| + |b|) * (100 - c) / 100)`` (for integer c the exact ratio at
      D + 1 falls short of c by at least 100 / (|a| + |b|), far beyond float rounding);
    - the indel distance is at least ``||a| - |b||`` (length filter) and at least the
      Levenshtein distance k, and two strings within Levenshtein k share at least
      ``max(|a|, |b|) - q + 1 - k*q`` of their q-grams counted with repeats (the q-gram lemma,
      Ukkonen 1992); numbering each gram's repeats makes that a set overlap;
    - two sets with overlap >= T share a token within the first ``|G| - T + 1`` tokens of each
      under any one fixed order (prefix filtering, Chaudhuri et al. 2006). The order here is
      rarest first, so the lists looked up stay short. T is taken at its minimum over every
      partner length the length filter allows, which only lengthens the prefixes.

    A string whose bound reaches 0 (shorter than a gram, or too short for the cutoff) is a
    wildcard: it is compared with every string of an allowed length.
    """

    def __init__(self, data: Sequence[str], cutoff: int) -> None:
        self.data = list(data)
        self.cutoff = cutoff
        grams = [_grams(s) for s in self.data]
        self.freq = Counter(g for gs in grams for g in gs)
        # Each posting list, and the wildcards and all strings, in order of length, with the
        # lengths alongside: the length filter is two bisections per list.
        self.postings: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
        self.wild: tuple[list[int], list[int]] = ([], [])
        self.all: tuple[list[int], list[int]] = ([], [])
        for i in sorted(range(len(self.data)), key=lambda i: len(self.data[i])):
            s = self.data[i]
            prefix = self._prefix(s, grams[i])
            for lengths, ids in [self.all] + ([self.wild] if prefix is None else [self.postings.setdefault(g, ([], [])) for g in prefix]):
                lengths.append(len(s))
                ids.append(i)

    def _prefix(self, s: str, gs: list[tuple[str, int]]) -> list[tuple[str, int]] | None:
        bound = min_overlap(len(s), self.cutoff)
        if bound <= 0 or not gs:
            return None
        ordered = sorted(gs, key=lambda g: (self.freq.get(g, 0), g))
        return ordered[: len(gs) - bound + 1]

    def near(self, query: str) -> list[int]:
        """Ids of the strings that may reach the cutoff with ``query`` (a superset), ascending."""
        lo, hi = length_range(len(query), self.cutoff)
        prefix = self._prefix(query, _grams(query))
        lists = [self.all] if prefix is None else [self.wild] + [self.postings[g] for g in prefix if g in self.postings]
        found: set[int] = set()
        for lengths, ids in lists:
            found.update(ids[bisect_left(lengths, lo) : bisect_right(lengths, hi)])
        return sorted(found)


def _grams(s: str) -> list[tuple[str, int]]:
    """The q-grams of ``s``, each numbered by how often it came before (a multiset as a set)."""
    seen: Counter[str] = Counter()
    out = []
    for k in range(len(s) - GRAM + 1):
        g = s[k : k + GRAM]
        out.append((g, seen[g]))
        seen[g] += 1
    return out


def max_indel(total: int, cutoff: int) -> int:
    """The largest indel distance at which two strings of ``total`` letters can still reach ``cutoff``."""
    return total * (100 - cutoff) // 100


@lru_cache(maxsize=4096)
def length_range(length: int, cutoff: int) -> tuple[int, int]:
    """Partner lengths (non-empty) that pass the length filter: ``|la - lb| <= max_indel(la + lb)``;
    for cutoffs of 50 and more none is over three times ``length``."""
    ok = [lb for lb in range(1, 4 * length + 4) if abs(length - lb) <= max_indel(length + lb, cutoff)]
    return (min(ok), max(ok)) if ok else (length, length)


@lru_cache(maxsize=4096)
def min_overlap(length: int, cutoff: int) -> int:
    """The fewest shared q-grams a string of ``length`` has with any partner that can reach ``cutoff``."""
    lo, hi = length_range(length, cutoff)
    return min(max(length, lb) - GRAM + 1 - GRAM * max_indel(length + lb, cutoff) for lb in range(lo, hi + 1))


def index(keys: Iterable[tuple[int, Iterable[str]]]) -> dict[str, list[int]]:
    """An inverted index: each key -> the ids that carry it, ascending and without repeats."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, ks in keys:
        for k in dict.fromkeys(ks):
            out[k].append(i)
    return out


def merged(*lists: Iterable[int]) -> list[int]:
    """The union of several id lists, ascending (the order the all-pairs loops visited them in)."""
    return sorted({i for ids in lists for i in ids})
