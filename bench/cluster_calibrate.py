"""Calibrate the clusterer's join threshold and similarity weights on labelled data.

Runs a grid of (weights, threshold) over the development sets under
``../shared/eval`` (Multi-News validation, ECB+ dev) and prints B-cubed F1 per
set and their mean; the constants in ``newsfuse/cluster/online.py`` cite this
output. Embeddings (all-MiniLM-L6-v2) are computed once per set and replayed.

    PYTHONPATH=src .venv/bin/python bench/cluster_calibrate.py [--embeddings]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from newsfuse.cluster.online import ClusterConfig, ClusterState
from newsfuse.cluster.stream import cluster_articles, embedding_text
from newsfuse_eval.clusterdata import load_labelled
from newsfuse_eval.clusterscore import bcubed

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
SETS = ("cluster-multinews-val", "cluster-ecbplus-dev")
THRESHOLDS = [round(0.06 + 0.02 * i, 2) for i in range(28)]
WEIGHTS = {  # name: (words, names, title, embed)
    "words": (1.0, 0.0, 0.0, 0.0),
    "words .7 names .3": (0.7, 0.3, 0.0, 0.0),
    "words .6 names .3 title .1": (0.6, 0.3, 0.1, 0.0),
    "words+names": (0.5, 0.5, 0.0, 0.0),
    "w+n+title": (0.4, 0.4, 0.2, 0.0),
}
EMBED_WEIGHTS = {
    "embed only": (0.0, 0.0, 0.0, 1.0),
    "w+n+t+embed": (0.3, 0.3, 0.1, 0.3),
    "w+n+t+embed heavy": (0.2, 0.3, 0.1, 0.4),
}


class Replay:
    """An embedder that returns vectors computed once, keyed by text."""

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table

    def encode(self, texts):
        return [self.table[t] for t in texts]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--embeddings", action="store_true", help="also try weights with MiniLM embeddings")
    args = ap.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is absent (the eval sets live in ../shared/eval)")
        return 0
    data = {name: load_labelled(EVAL / name / "articles.jsonl") for name in SETS}
    weights = dict(WEIGHTS)
    embedders = {name: None for name in SETS}
    if args.embeddings:
        from newsfuse.cluster.embed import load_minilm

        model = load_minilm()
        for name, d in data.items():
            texts = sorted({embedding_text(a) for a in d.articles})
            embedders[name] = Replay(dict(zip(texts, model.encode(texts), strict=True)))
        weights.update(EMBED_WEIGHTS)
    print(f"{'weights':24} {'thr':>5} " + " ".join(f"{n[8:]:>16}" for n in SETS) + f" {'mean':>7}")
    best = (0.0, "", 0.0)
    for wname, (ww, wn, wt, we) in weights.items():
        for thr in THRESHOLDS:
            base = ClusterConfig(threshold=thr)
            config = replace(base, w_words=ww, w_names=wn, w_title=wt, w_embed=we)
            f1s = []
            for name, d in data.items():
                state = ClusterState(config)
                got = cluster_articles(state, d.articles, embedders[name])
                f1s.append(bcubed({a.article: a.story for a in got}, d.gold).f1)
            if len(weights) > 1 and thr > 0.3 and we == 0:
                break  # TF-IDF scores past 0.3 only lose recall (seen in full runs)
            mean = sum(f1s) / len(f1s)
            best = max(best, (mean, wname, thr))
            print(f"{wname:28} {thr:5.2f} " + " ".join(f"{f:16.3f}" for f in f1s) + f" {mean:7.3f}")
    print(f"best mean B-cubed F1 {best[0]:.3f}: weights {best[1]!r}, threshold {best[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
