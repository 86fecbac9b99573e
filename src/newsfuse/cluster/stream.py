"""Run a batch of articles through the online clusterer, in publication-time order.

The batch's document frequencies are counted before the first article is
assigned (the batch is in memory anyway): the first articles of a feed then
get the same term weights as the last, instead of an IDF built from three
documents. With ``--state`` the counts of earlier runs are kept and added to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime

from .embed import Embedder
from .features import Terms, article_terms
from .model import Article, Assignment
from .online import ClusterState, assign, observe, vectorize
from .spool import Spooled

Tick = Callable[[int], None]
Embedding = tuple[float, ...] | None
#: features(articles, embedder or None) -> each article's terms and embedding, in order:
#: ``article_features`` here, or an engine's parallel version (``ray_engine.RayFeed.features``).
#: Features are per article and independent; only the assignment that follows is ordered.
Features = Callable[[Sequence[Article], Embedder | None], tuple[list[Terms], list[Embedding]]]


def stream_order(articles: Sequence[Article]) -> list[Article]:
    """Dated articles by time (ties by id, so reruns agree), then undated ones in input order."""
    dated = sorted((a for a in articles if a.published is not None), key=lambda a: (a.published, a.id))
    return dated + [a for a in articles if a.published is None]


def embedding_text(article: Article) -> str:
    lead = article.text[article.lead.start : article.lead.end]
    return f"{article.title}. {lead}" if article.title else lead


def article_features(articles: Sequence[Article], embedder: Embedder | None) -> tuple[list[Terms], list[Embedding]]:
    """Terms of each article, and its embedding when an embedder is given (one ``encode`` call)."""
    terms = [article_terms(a) for a in articles]
    if embedder is None or not articles:
        return terms, [None] * len(articles)
    return terms, [tuple(v) for v in embedder.encode([embedding_text(a) for a in articles])]


def cluster_articles(
    state: ClusterState,
    articles: Sequence[Article],
    embedder: Embedder | None = None,
    tick: Tick | None = None,
    features: Features | None = None,
) -> list[Assignment]:
    """Assign each article (skipping ids already in ``state``) and return the assignments.

    ``features`` (None: this process) may compute the per-article features anywhere (in parallel); the document
    frequencies and the assignment are then one ordered pass here, so the result does not depend on it.
    In this process (``article_features``) the terms are made twice, once to count them and once as
    each article is assigned, so a batch's term counts (~18 KB an article) are never all held at once.
    ``articles`` may be a ``spool.Spooled`` feed: it is ordered by its entries, and each pass reads the
    articles back from the spool a chunk at a time, so no pass holds the feed's texts.
    """
    known = known_articles(state)
    spool = articles.spool if isinstance(articles, Spooled) else None
    order = stream_order(articles.entries if isinstance(articles, Spooled) else articles)
    fresh_order = [a for a in order if a.id not in known]
    fresh: Sequence[Article] = Spooled(fresh_order, spool) if spool is not None else fresh_order  # type: ignore[arg-type]
    embedder = embedder if state.config.w_embed > 0 else None
    pairs: Iterable[tuple[Article, Terms]]
    if features is None:  # this process: count, then make each article's terms again as it is assigned
        for a in fresh:
            observe(state, article_terms(a))
        pairs = ((a, article_terms(a)) for a in fresh)
        embeds = _embeddings(fresh, embedder) if embedder is not None else [None] * len(fresh)
    else:  # an engine's features, made elsewhere in parallel, are kept
        terms, embeds = features(fresh, embedder)
        for t in terms:
            observe(state, t)
        pairs = zip(fresh, terms, strict=True)
    out = []
    for n, ((article, t), e) in enumerate(zip(pairs, embeds, strict=True)):
        out.append(assign(state, article.id, article.title, vectorize(state, t, e, not article.text.strip()),
                          naive_utc(article.published)))
        if tick is not None:
            tick(n + 1)
    return out


def _embeddings(articles: Iterable[Article], embedder: Embedder) -> list[Embedding]:
    """One ``encode`` call over every article's embedding text (as ``article_features`` makes them)."""
    texts = [embedding_text(a) for a in articles]
    return [tuple(v) for v in embedder.encode(texts)] if texts else []


def known_articles(state: ClusterState) -> set[str]:
    return {a for story in state.stories.values() for a in story.articles} | state.settled


def naive_utc(when: datetime | None) -> datetime | None:
    """``when`` as the clusterer keeps times: naive, in UTC (an aware time is converted)."""
    if when is None or when.tzinfo is None:
        return when
    return when.astimezone(UTC).replace(tzinfo=None)
