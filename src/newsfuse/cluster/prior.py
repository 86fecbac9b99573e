"""Background document frequencies from general English, so a small batch still weighs words sensibly.

With IDF from the feed alone, five reports of one story make every word they
share look common (idf ~1) and only their differences look rare: In Amenas
alone then splits in two. Real monitors keep IDF from a large background
corpus; we take it from ``wordfreq`` (word frequencies over many sources,
shipped in the wheel): a word of frequency ``f`` appears in a ~500-word
article with probability ``~min(1, 500 f)``. The feed's own counts are added
to ``BACKGROUND_DOCS`` such pseudo-articles, so past a few thousand articles
the feed's own statistics dominate.
"""

from __future__ import annotations

from functools import lru_cache

#: Pseudo-articles of background English added to every document count.
#: Calibrated with bench/cluster_calibrate.py alongside the threshold: 1,000
#: makes In Amenas alone one story (the gate checks it) while leaving the
#: Multi-News/ECB+ optimum where it was.
BACKGROUND_DOCS = 1000
#: Words per article assumed when turning a word frequency into a document frequency.
ARTICLE_WORDS = 500


@lru_cache(maxsize=1)
def _frequency():  # noqa: ANN202 - the wordfreq function, imported once
    try:
        from wordfreq import word_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return lambda word, lang: 0.0
    return word_frequency


@lru_cache(maxsize=500_000)
def background_share(term: str) -> float:
    """Share of background articles containing ``term`` (a word, or ``@name phrase``)."""
    freq = _frequency()
    if term.startswith("@"):
        words = term[1:].split()
        share = min((freq(w, "en") for w in words), default=0.0) if words else 0.0
    else:
        share = freq(term, "en")
    return min(1.0, ARTICLE_WORDS * share)
