"""Best supporting sentence per other source, for every candidate at once, as sparse matrix products.

The summary needs, for each candidate sentence and each other source, that
source's most similar sentence (TF-IDF cosine): the best scores give the
candidate's centrality, those reaching the support threshold its citations.
Comparing every sentence with every other in Python dicts grows with the
square of the story (20.7M cosine calls at 200 reports). Here the pool's
L2-normalised TF-IDF vectors (the same values ``support.tfidf`` gives) form one
CSR matrix; a block of candidate rows times its transpose gives all their
cosines in C, and ``np.maximum.reduceat`` over each source's columns gives the
per-source best. The per-source best sentence is the first with the highest
score, as Python's ``max`` picks it. Only the summation order of each dot
product differs from the dict version (last-bit rounding).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Span

Vector = Mapping[str, float]

#: Dense cells per block of candidate rows (rows x pool sentences): ~32 MB of float64.
BLOCK_CELLS = 4_000_000


@dataclass(frozen=True)
class BestMatches:
    """For one candidate: the per-source best that reach the threshold (source order) and the sum of all bests."""

    above: tuple[tuple[float, Span], ...]
    total: float


def best_matches_all(
    pool: Mapping[str, Sequence[tuple[Span, Vector]]], queries: Sequence[Span], threshold: float,
    extra: Mapping[Span, tuple[str, Vector]] | None = None,
) -> dict[Span, BestMatches]:
    """For each query span (a pool sentence, or one of ``extra``: span -> (its source, its
    vector), such as two sentences shown as one), its best match in every other source with
    sentences.

    ``total`` sums every other source's best score in source order (0 where no term is shared),
    ``above`` keeps those whose best reaches ``threshold``.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    spans: list[Span] = []
    seg_starts: list[int] = []
    seg_source: list[str] = []
    vocab: dict[str, int] = {}
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for sid, items in pool.items():
        if not items:
            continue
        seg_starts.append(len(spans))
        seg_source.append(sid)
        for span, vector in items:
            spans.append(span)
            for term, value in vector.items():
                indices.append(vocab.setdefault(term, len(vocab)))
                data.append(value)
            indptr.append(len(indices))
    if not queries:
        return {}
    extra = extra or {}
    row_of = {span: i for i, span in enumerate(spans)}
    seg_index = {sid: i for i, sid in enumerate(seg_source)}
    extra_seg = []
    for span, (sid, vector) in extra.items():  # rows after the pool's: compared, never matched
        if span in row_of or sid not in seg_index:
            continue
        row_of[span] = len(indptr) - 1
        extra_seg.append(seg_index[sid])
        for term, value in vector.items():
            if term in vocab:
                indices.append(vocab[term])
                data.append(value)
        indptr.append(len(indices))
    seg_of_row = np.repeat(np.arange(len(seg_starts)), np.diff(seg_starts + [len(spans)])).tolist()
    seg_of_row += extra_seg
    matrix = csr_matrix((np.asarray(data, dtype=np.float64), np.asarray(indices), np.asarray(indptr)),
                        shape=(len(indptr) - 1, max(1, len(vocab))))
    transposed = matrix[: len(spans)].T.tocsc()
    bounds = seg_starts + [len(spans)]
    out: dict[Span, BestMatches] = {}
    block = max(1, BLOCK_CELLS // max(1, len(spans)))
    query_of = {row: span for span, row in row_of.items()}
    rows = [row_of[q] for q in queries if q in row_of]
    for at in range(0, len(rows), block):
        chunk = rows[at : at + block]
        cosines = (matrix[chunk] @ transposed).toarray()
        best = np.maximum.reduceat(cosines, seg_starts, axis=1)
        for r, row in enumerate(chunk):
            own = int(seg_of_row[row])
            scores = best[r].tolist()
            del scores[own]
            above = []
            for k in np.flatnonzero(best[r] >= threshold).tolist():
                if k == own:
                    continue
                lo, hi = bounds[k], bounds[k + 1]
                above.append((float(best[r, k]), spans[lo + int(np.argmax(cosines[r, lo:hi]))]))
            out[query_of[row]] = BestMatches(tuple(above), sum(scores))
    return out
