"""Score the clusterer on a labelled feed; shared by bench/cluster_quality.py and the quality gate.

``interleave`` makes a harder stream out of the UCI set, whose "timestamps"
are aggregator crawl times (each story arrives as one burst of seconds): the
articles are shuffled inside consecutive windows of ``seconds``, with a fixed
seed, and the shuffled order gets the window's timestamps in order.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, replace
from datetime import datetime

from newsfuse.cluster.embed import Embedder
from newsfuse.cluster.model import Article
from newsfuse.cluster.online import ClusterConfig, ClusterState
from newsfuse.cluster.stream import cluster_articles

from .clusterdata import Labelled
from .clusterscore import PRF, bcubed, pairwise

DEFAULT_CONFIG = ClusterConfig()


@dataclass(frozen=True)
class Result:
    articles: int
    gold_stories: int
    stories: int
    bcubed: PRF
    pairwise: PRF
    seconds: float


def evaluate(data: Labelled, config: ClusterConfig = DEFAULT_CONFIG, embedder: Embedder | None = None) -> Result:
    state = ClusterState(config)
    start = time.perf_counter()
    got = cluster_articles(state, data.articles, embedder)
    seconds = time.perf_counter() - start
    pred = {a.article: a.story for a in got}
    return Result(len(pred), len(set(data.gold.values())), len(set(pred.values())),
                  bcubed(pred, data.gold), pairwise(pred, data.gold), seconds)


def interleave(data: Labelled, seconds: float, seed: int = 0) -> Labelled:
    """Shuffle articles within consecutive time windows, keeping each window's timestamps."""
    rng = random.Random(seed)
    dated = sorted((a for a in data.articles if a.published), key=lambda a: (a.published, a.id))
    out: list[Article] = []
    i = 0
    while i < len(dated):
        start = dated[i].published
        j = i
        while j < len(dated) and (dated[j].published - start).total_seconds() < seconds:
            j += 1
        window = dated[i:j]
        times: list[datetime] = [a.published for a in window]
        shuffled = window[:]
        rng.shuffle(shuffled)
        out += [replace(a, published=t) for a, t in zip(shuffled, times, strict=True)]
        i = j
    return Labelled(tuple(out), data.gold)
