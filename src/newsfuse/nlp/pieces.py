"""Parse texts of any length: long ones in pieces cut at paragraph or sentence ends, stitched back.

spaCy refuses a text over ``nlp.max_length`` (E088, 1,000,000 characters) and its parser's
memory grows with the length of what it is given, so a text longer than ``PIECE_CHARS`` is cut
into pieces of at most that many characters -- after a blank line where there is one in the
second half of the window, else after a line break, else after a sentence end, else at a space,
else (one 100,000-character word) hard -- each piece is parsed, and the Docs are joined with
``Doc.from_docs``. The pieces are contiguous slices of the text, so the joined Doc's text is the
text itself and every character offset downstream stays exact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

#: Longest piece handed to the parser; a news article is 2-10 KB, so only pathological inputs
#: (a book, a log, one 950,000-character line) are ever cut.
PIECE_CHARS = 100_000
#: Most characters handed to the parser in one batch of short texts.
BATCH_CHARS = 200_000

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def cut_points(text: str, limit: int = PIECE_CHARS) -> list[int]:
    """Offsets ``[0, c1, ..., len(text)]`` cutting ``text`` into pieces of at most ``limit`` chars."""
    cuts = [0]
    start = 0
    while len(text) - start > limit:  # ends: every round moves ``start`` forward by at least limit // 2
        cut = _best_cut(text, start + limit // 2, start + limit)
        cuts.append(cut)
        start = cut
    cuts.append(len(text))
    return cuts


def _best_cut(text: str, lo: int, hi: int) -> int:
    """The last good break in ``text[lo:hi]``, as the offset where the next piece starts."""
    for sep in ("\n\n", "\n"):
        at = text.rfind(sep, lo, hi)
        if at != -1:
            return at + len(sep)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi) if m.end() < hi]
    if ends:
        return ends[-1]
    at = max(text.rfind(" ", lo, hi), text.rfind("\t", lo, hi))
    return at + 1 if at != -1 else hi


def parse_texts(nlp: Any, texts: Sequence[str], batch_size: int = 16,
                limit: int = PIECE_CHARS, n_process: int = 1) -> Iterator[Any]:
    """One Doc per text, in order; texts over ``limit`` (or ``nlp.max_length``) parsed in pieces.

    Texts go to the parser in batches of at most ``batch_size`` texts and ``BATCH_CHARS``
    characters (the parser's memory follows the characters in a batch: sixteen 100,000-character
    pieces at once took 2 GB); a long text's pieces go one at a time. With ``n_process`` > 1 every
    piece goes through one ``nlp.pipe`` in spaCy's worker processes, in batches sized to the same
    character budget.
    """
    from spacy.tokens import Doc

    limit = min(limit, nlp.max_length)
    if n_process > 1:
        yield from _parse_parallel(nlp, texts, batch_size, limit, n_process, Doc)
        return
    for batch in _batches(texts, batch_size, max(limit, BATCH_CHARS)):
        short = iter(nlp.pipe([t for t in batch if len(t) <= limit], batch_size=len(batch)))
        for text in batch:
            if len(text) <= limit:
                yield next(short)
                continue
            cuts = cut_points(text, limit)
            pieces = [text[a:b] for a, b in zip(cuts, cuts[1:])]
            yield _join(Doc, list(nlp.pipe(pieces, batch_size=1)), text)


def _parse_parallel(nlp: Any, texts: Sequence[str], batch_size: int, limit: int, n_process: int,
                    doc_class: Any) -> Iterator[Any]:
    cuts = [cut_points(t, limit) for t in texts]
    pieces = [t[a:b] for t, c in zip(texts, cuts) for a, b in zip(c, c[1:])]
    longest = max((len(p) for p in pieces), default=1)
    per_batch = max(1, min(batch_size, BATCH_CHARS // max(1, longest)))
    docs = iter(nlp.pipe(pieces, batch_size=per_batch, n_process=n_process))
    for text, c in zip(texts, cuts):
        yield _join(doc_class, [next(docs) for _ in range(len(c) - 1)], text)


def _batches(texts: Sequence[str], most: int, chars: int) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) >= most or size + len(text) > chars):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def _join(doc_class: Any, docs: list[Any], text: str) -> Any:
    if len(docs) == 1:
        return docs[0]
    joined = doc_class.from_docs(docs, ensure_whitespace=False)
    if joined.text != text:  # from_docs must not add or drop a character: offsets depend on it
        raise RuntimeError("stitched Doc text differs from the source text")
    return joined
