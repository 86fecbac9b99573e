"""The one TF-IDF: sparse vectors as plain dicts, for the clusterer and the summary.

Dicts, not scipy matrices: a streaming clusterer touches one article and a
handful of candidate stories at a time, where dict lookups beat building
sparse matrices row by row. (The summary's all-pairs step packs these same
vectors into one sparse matrix: summary/similarity.py.)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

Vector = dict[str, float]

#: A story centroid keeps only its heaviest terms: memory per story stays
#: bounded (linear growth in articles) and the tail of one-off words adds
#: noise, not evidence. 150 keeps every term with >1% of the weight on the
#: Multi-News dev stories (750-word articles).
CENTROID_TERMS = 150


def idf(df: float, n_docs: float) -> float:
    """Smoothed inverse document frequency (scikit-learn's ``smooth_idf`` form)."""
    return math.log((1 + n_docs) / (1 + df)) + 1.0


def tfidf(counts: Mapping[str, int], df: Mapping[str, float], n_docs: float) -> Vector:
    """Sublinear tf (1 + log tf) times idf, L2-normalised; empty counts give an empty vector."""
    return weighted_tf(counts, lambda t: idf(df.get(t, 0), n_docs))


def weighted_tf(counts: Mapping[str, int], weight: Callable[[str], float]) -> Vector:
    """Sublinear tf (1 + log tf) times each term's weight, L2-normalised."""
    return normalise({t: (1.0 + math.log(c)) * weight(t) for t, c in counts.items() if c > 0})


def normalise(vec: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm > 0 else {}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def add_into(total: dict[str, float], vec: Mapping[str, float]) -> None:
    for t, v in vec.items():
        total[t] = total.get(t, 0.0) + v


def prune(vec: Mapping[str, float], keep: int = CENTROID_TERMS) -> Vector:
    if len(vec) <= keep:
        return dict(vec)
    return dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])


def top_terms(vec: Mapping[str, float], k: int) -> list[str]:
    return [t for t, _ in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]
