"""Who's who: merge quality on the labelled clusters and time added per source.

Quality (pairwise and B-cubed precision/recall over gold (article, surface
form) items, see ``newsfuse_eval.entities``) for newsfuse's entities
stage and, side by side, a baseline: spaCy's entities grouped by exact text
(what a user gets from the model alone). Time: the pipeline with the core
stages only vs core + entities, run alternately in the same process with the
model loaded (median of REPEATS), as seconds per source and as a ratio.

    PYTHONPATH=src .venv/bin/python bench/entities.py [--errors]

A third check of merge precision: MEANTIME's cross-document entity chains
(../shared/eval/entities-meantime, four Wikinews sub-corpora of 30 articles),
scored on the gold mentions whose span newsfuse also found (that corpus also
annotates pronouns and descriptions, which a Who's who does not list).

deepwater-horizon and MEANTIME are read in place from ../shared and skipped,
saying so, when ../shared is absent.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from newsfuse.api import brief_documents
from newsfuse.config import Settings
from newsfuse.entities.mentions import NAME_LABELS
from newsfuse.entities.stage import extract_entities, find_entities
from newsfuse.ids import content_id
from newsfuse.ingest.read import read_inputs
from newsfuse.model import Briefing, Entity, Source, Span
from newsfuse.nlp.load import load_nlp
from newsfuse.pipeline import Pipeline
from newsfuse.stages import CORE_STAGES
from newsfuse_eval.entities import EntityScores, merge_errors, score_entities, score_on_gold_spans

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "labels"
CLUSTERS = {
    "in-amenas": ROOT / "examples" / "in-amenas",
    "deepwater-horizon": ROOT / ".." / "shared" / "corpus" / "deepwater-horizon",
}
MEANTIME = ROOT / ".." / "shared" / "eval" / "entities-meantime" / "topics.jsonl"
REPEATS = 5


def exact_text_baseline(briefing: Briefing) -> tuple[Entity, ...]:
    """spaCy's named entities (article dropped), one entity per distinct text across all articles."""
    groups: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for sid, doc in briefing.docs.items():
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS and ent.label_ != "NORP":
                text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
                start = ent.end_char - len(text)
                groups[(text, ent.label_)].append(Span(sid, start, ent.end_char))
    by_text: dict[str, list[Span]] = defaultdict(list)
    label: dict[str, str] = {}
    for (text, ent_label), spans in sorted(groups.items(), key=lambda kv: len(kv[1])):
        by_text[text] += spans
        label[text] = ent_label  # the label it gets most often
    return tuple(Entity(content_id("b", t), t, label[t], (t,), tuple(sorted(s))) for t, s in by_text.items())


def median_time(fn) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def row(label: str, s: EntityScores) -> str:
    return (f"{label:34} {s.pairwise_precision:6.3f} {s.pairwise_recall:6.3f} {s.pairwise_f1:6.3f} "
            f"{s.bcubed_precision:6.3f} {s.bcubed_recall:6.3f} {s.bcubed_f1:6.3f} "
            f"{s.mention_recall:6.3f} {s.mention_precision:6.3f} {s.type_accuracy:6.3f}")


def meantime() -> None:
    """Merge quality on MEANTIME's gold chains, newsfuse vs the exact-text baseline, per sub-corpus."""
    if not MEANTIME.exists():
        print(f"MEANTIME: skipped, {MEANTIME} is absent (it lives in ../shared beside the checkout)")
        return
    nlp = load_nlp(Settings().model)
    print("\nMEANTIME cross-document chains, on gold mentions both systems found")
    print(f"{'sub-corpus / system':34} {'pw-P':>6} {'pw-R':>6} {'B3-P':>6} {'B3-R':>6} {'matched':>8} {'s/src':>6}")
    for line in MEANTIME.read_text(encoding="utf-8").splitlines():
        topic = json.loads(line)
        sources = tuple(Source(id=d["doc_id"], text=d["text"], path=d["doc_id"]) for d in topic["documents"])
        docs = dict(zip([s.id for s in sources], nlp.pipe([s.text for s in sources]), strict=True))
        started = time.perf_counter()
        ours = find_entities(sources, docs)
        per_source = (time.perf_counter() - started) / len(sources)
        base = exact_text_baseline(Briefing(sources=sources, docs=docs))
        for label, entities in (("newsfuse", ours), ("spaCy exact text", base)):
            s, matched = score_on_gold_spans(topic["entities"], entities)
            print(f"{topic['topic'] + ' (' + topic['split'] + '): ' + label:34} {s.pairwise_precision:6.3f} "
                  f"{s.pairwise_recall:6.3f} {s.bcubed_precision:6.3f} {s.bcubed_recall:6.3f} "
                  f"{matched:8d} {per_source if label == 'newsfuse' else 0:6.3f}")


def main() -> None:
    settings = Settings()
    show_errors = "--errors" in sys.argv
    print(f"{'cluster / system':34} {'pw-P':>6} {'pw-R':>6} {'pw-F1':>6} {'B3-P':>6} {'B3-R':>6} {'B3-F1':>6} "
          f"{'men-R':>6} {'men-P':>6} {'type':>6}")
    timings = []
    for name, folder in CLUSTERS.items():
        if not folder.exists():
            print(f"{name}: skipped, {folder} is absent (it lives in ../shared beside the checkout)")
            continue
        gold = json.loads((LABELS / f"entities-{name}.json").read_text(encoding="utf-8"))
        docs = read_inputs([str(folder)], settings).documents
        core, full = Pipeline(CORE_STAGES), Pipeline((*CORE_STAGES, extract_entities))
        briefing = brief_documents(docs, settings, full)
        print(row(f"{name}: newsfuse", score_entities(gold, briefing.entities, briefing.sources)))
        print(row(f"{name}: spaCy exact text", score_entities(gold, exact_text_baseline(briefing), briefing.sources)))
        if show_errors:
            for kind, items in merge_errors(gold, briefing.entities, briefing.sources).items():
                for gold_name, ours in items:
                    print(f"    {kind}: {gold_name} -> {ours}")
        t_core = median_time(lambda docs=docs, core=core: brief_documents(docs, settings, core))
        t_full = median_time(lambda docs=docs, full=full: brief_documents(docs, settings, full))
        stage = median_time(lambda b=briefing: extract_entities(b))
        timings.append((name, len(briefing.sources), t_core, t_full, stage))
    print()
    print(f"median of {REPEATS} warm runs (model loaded), core and core+entities run in the same process;")
    print("'stage' times the entities stage alone on the parsed briefing ('+stage %' = stage / core)")
    print(f"{'cluster':20} {'sources':>7} {'core s/src':>10} {'+entities s/src':>15} {'stage s/src':>11} "
          f"{'+stage %':>8} {'full/core':>9}")
    for name, n, t_core, t_full, stage in timings:
        print(f"{name:20} {n:7d} {t_core / n:10.3f} {t_full / n:15.3f} {stage / n:11.3f} "
              f"{100 * stage / t_core:8.1f} {t_full / t_core:9.2f}")
    meantime()


if __name__ == "__main__":
    main()
