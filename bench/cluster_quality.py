"""Story-clustering quality on labelled news feeds: B-cubed and pairwise P/R/F1.

Sets (read in place; skipped with a message when ../shared is absent):
- Multi-News validation articles (82 stories, 293 articles; undated)
- ECB+ dev (16 events, 196 documents; two similar events per topic; undated)
- UCI News Aggregator dev headlines (first ``--uci`` articles), in timestamp
  order and interleaved within 1-hour windows (their timestamps are crawl
  bursts; see the eval README)
- In Amenas (5, bundled) + Deepwater Horizon (8, ../shared/corpus), read the
  way ``newsfuse cluster`` reads files: the real ingest path.

Published reference: Miranda et al. 2018 report pairwise F1 ~0.94 for their
stream clusterer on their own English set (not these data); no published
clustering score exists for these samples (see each PROVENANCE.md).

    PYTHONPATH=src .venv/bin/python bench/cluster_quality.py [--uci 10000] [--embeddings]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from newsfuse.cluster.online import ClusterConfig
from newsfuse_eval.cluster import Result, evaluate, interleave
from newsfuse_eval.clusterdata import Labelled, load_labelled

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO / ".." / "shared" / "eval"
DEEPWATER = REPO / ".." / "shared" / "corpus" / "deepwater-horizon"
IN_AMENAS = REPO / "examples" / "in-amenas"


def mixed_examples() -> Labelled | None:
    """In Amenas + Deepwater Horizon through the CLI's reader; gold = which folder."""
    if not DEEPWATER.is_dir():
        return None
    from newsfuse.cluster.ingest import read_feed
    from newsfuse.config import Settings

    articles, gold = [], {}
    for folder in (IN_AMENAS, DEEPWATER):
        feed = read_feed([str(folder)], Settings())
        articles += feed.articles
        gold.update({a.id: folder.name for a in feed.articles})
    return Labelled(tuple(articles), gold)


def sets(uci: int) -> dict[str, Labelled]:
    out: dict[str, Labelled] = {}
    if EVAL.is_dir():
        out["multinews-val"] = load_labelled(EVAL / "cluster-multinews-val" / "articles.jsonl")
        out["ecbplus-dev"] = load_labelled(EVAL / "cluster-ecbplus-dev" / "articles.jsonl")
        data = load_labelled(EVAL / "cluster-uci-dev" / "articles.jsonl", uci)
        out[f"uci-dev {uci // 1000}k, time order"] = data
        out[f"uci-dev {uci // 1000}k, interleaved 1h"] = interleave(data, 3600.0)
    mixed = mixed_examples()
    if mixed is not None:
        out["in-amenas + deepwater"] = mixed
    return out


def row(name: str, r: Result) -> str:
    b, p = r.bcubed, r.pairwise
    return (f"{name:32} {r.articles:7d} {r.gold_stories:5d} {r.stories:6d} {b.precision:6.3f} {b.recall:6.3f} {b.f1:6.3f}"
            f" {p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f} {r.articles / max(r.seconds, 1e-9):8.0f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--uci", type=int, default=10000, help="UCI articles to use (default 10000)")
    ap.add_argument("--embeddings", action="store_true", help="also run with MiniLM embeddings (slow on 2 cores)")
    args = ap.parse_args()
    data = sets(args.uci)
    if not data:
        print(f"skipped: {EVAL} and {DEEPWATER} are absent")
        return 0
    configs = {"tf-idf": (ClusterConfig(), None)}
    if args.embeddings:
        from newsfuse.cluster.cli import EMBED_HEADLINE_THRESHOLD, EMBED_THRESHOLD, EMBED_WEIGHTS
        from newsfuse.cluster.embed import load_minilm

        ww, wn, wt, we = EMBED_WEIGHTS
        configs["tf-idf + MiniLM"] = (replace(ClusterConfig(), w_words=ww, w_names=wn, w_title=wt, w_embed=we,
                                              threshold=EMBED_THRESHOLD, headline_threshold=EMBED_HEADLINE_THRESHOLD),
                                      load_minilm())
    print(f"{'set':32} {'arts':>7} {'gold':>5} {'found':>6} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}"
          f" {'pw P':>6} {'pw R':>6} {'pw F1':>6} {'art/s':>8}")
    for cname, (config, embedder) in configs.items():
        print(f"-- {cname}")
        for name, d in data.items():
            print(row(name, evaluate(d, config, embedder)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
