"""Which sentences of other sources say the same thing as a given sentence.

Similarity is the cosine of TF-IDF vectors over content terms (lemmas and
normalised numbers), with IDF computed over the sentences of the cluster:
the terms every report repeats ("Algeria", "hostage") weigh little, the
rare ones that pin down a fact ("685", "Sonatrach") weigh a lot. A sentence
in another source *supports* one when the cosine reaches
``SUPPORT_COSINE``; the wire stage's near-duplicate pairs always do.
Support is counted in independent groups: reprints of one wire story are
one voice, not several.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Span, SummarySentence
from ..vectors import dot, idf, weighted_tf

Vector = Mapping[str, float]

#: Calibrated by reading every cross-source pair above 0.23 in both example
#: clusters (tests/summarize/test_summarize_support.py pins pairs from each):
#: paraphrases of one fact score 0.33-0.51 ("23 captives and 32 kidnappers
#: were killed" / "at least 32 militants and 23 hostages were killed" 0.42;
#: "Some 115 workers escaped, including 17 ..." / "Most of the crew -- 111
#: members -- were ashore, including 17 ..." 0.35); below 0.3 pairs share only
#: story words ("Libya", "Algerian"). Lexical overlap still lets a few
#: topical pairs through (a short sentence on "the hostage crisis" scores 0.41
#: against the toll sentence): support is evidence to read, not proof.
SUPPORT_COSINE = 0.3


@dataclass(frozen=True)
class Support:
    """The best supporting sentence in each other source, with its similarity."""

    spans: tuple[Span, ...]
    scores: tuple[float, ...]


def idf_weights(documents: Sequence[Sequence[str]]) -> dict[str, float]:
    """Smoothed IDF of each term over ``documents`` (here: the cluster's sentences)."""
    df = Counter(t for doc in documents for t in set(doc))
    return {t: idf(c, len(documents)) for t, c in df.items()}


def tfidf(terms: Sequence[str], weights: Mapping[str, float]) -> dict[str, float]:
    """L2-normalised TF-IDF vector (sub-linear TF) of a sentence's terms; unseen terms weigh 1."""
    return weighted_tf(Counter(terms), lambda t: weights.get(t, 1.0))


cosine = dot


def supporting(
    matches: Sequence[tuple[float, Span]], threshold: float = SUPPORT_COSINE,
    numbers: Mapping[Span, frozenset[str]] | None = None, own: frozenset[str] = frozenset(),
) -> Support:
    """The matches that reach ``threshold``, unless both sentences state numbers and share none.

    Two sentences that give figures and agree on none are not reporting the
    same thing, however many words they share ("11 workers missing" vs
    "17 taken to hospitals"). A match without numbers may still paraphrase
    the rest ("Algerian special forces stormed the complex to end the
    stand-off" for "Seven hostages and 11 gunmen were killed").
    """
    def agrees(span: Span) -> bool:
        theirs = numbers.get(span, frozenset()) if numbers is not None else frozenset()
        return not own or not theirs or bool(own & theirs)

    kept = [(score, span) for score, span in matches if score >= threshold and agrees(span)]
    return Support(tuple(span for _, span in kept), tuple(score for score, _ in kept))


def numbers_in(terms: Sequence[str]) -> frozenset[str]:
    """The normalised numbers among content terms ("23", "1000")."""
    return frozenset(t for t in terms if t[:1].isdigit())


def group_count(source_ids: Sequence[str], groups: Sequence[Sequence[str]] | Mapping[str, int]) -> int:
    """How many independent groups ``source_ids`` come from (a source in no group counts alone).

    ``groups`` may be the groups or, for many calls, ``group_index(groups)`` built once: building
    it for every candidate sentence cost sources x candidates, the square of the story."""
    group_of = groups if isinstance(groups, Mapping) else group_index(groups)
    return len({group_of.get(sid, sid) for sid in source_ids})


def group_index(groups: Sequence[Sequence[str]]) -> dict[str, int]:
    """Source id -> the number of its independent group."""
    return {sid: i for i, g in enumerate(groups) for sid in g}


def with_independent_sources(
    sentences: Sequence[SummarySentence], groups: Sequence[Sequence[str]]
) -> tuple[SummarySentence, ...]:
    """Each sentence with how many independent groups it cites, so readers weigh wire copies once."""
    return tuple(dataclasses.replace(s, independent_sources=group_count([c.source for c in s.citations], groups))
                 for s in sentences)
