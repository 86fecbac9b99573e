"""ROUGE of newsfuse's extractive summary vs sumy's LexRank, TextRank, LSA and a lead baseline.

    PYTHONPATH=src .venv/bin/python bench/summaries.py [--limit N] [--words 250]

Every system sees the same clusters, the same sentences (newsfuse's
splitter over the cleaned text) and the same word budget, packed the same
way: sentences in the system's rank order, skipping any that would overflow
the budget. Scores are rouge-score F1 (Porter stemming), in percent, as
mean over clusters. The clusters are the Multi-News validation sample in
``../shared/eval/summ-multinews-val`` (skipped, saying why, when absent);
newsfuse's weights were fitted on the even-numbered clusters, so the table
also shows the odd half on its own (held out).

Timing: the summary stage's seconds per source against the core pipeline
(parse, sentences, published, wire) run on the same sources in the same
process, as a ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / ".." / "shared" / "eval" / "summ-multinews-val" / "clusters.jsonl"
sys.path.insert(0, str(ROOT / "src"))

from newsfuse.config import Settings  # noqa: E402
from newsfuse.model import Briefing, DocMeta, RawDocument  # noqa: E402
from newsfuse.pipeline import Pipeline  # noqa: E402
from newsfuse.sources import build_sources  # noqa: E402
from newsfuse.stages import CORE_STAGES  # noqa: E402
from newsfuse.summary.stage import extractive_summary  # noqa: E402
from newsfuse_eval.summary import independent_sources, score_summary, sentence_valid  # noqa: E402

Ranker = Callable[[Briefing, list[str]], list[int]]


def load_clusters(limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in EVAL.open(encoding="utf-8")]
    return rows[:limit] if limit else rows


def core_briefing(cluster: dict, settings: Settings) -> tuple[Briefing, float]:
    docs = [RawDocument(origin=f"{cluster['cluster_id']}/{i}", content=a["text"], kind="text",
                        meta=DocMeta(title=a.get("title"), outlet=a.get("outlet")))
            for i, a in enumerate(cluster["articles"])]
    sources, rejected = build_sources(docs, settings)
    start = time.perf_counter()
    briefing = Pipeline(CORE_STAGES)(Briefing(sources=sources, rejected=rejected, settings=settings,
                                              produced=frozenset({"sources", "rejected", "settings"})))
    return briefing, time.perf_counter() - start


def all_sentences(briefing: Briefing) -> list[tuple[str, int, int]]:
    """(text, source index, position) of every sentence, in document order."""
    return [(s.text[sp.start:sp.end], i, pos) for i, s in enumerate(briefing.sources)
            for pos, sp in enumerate(briefing.sentences[s.id])]


def pack(texts: Sequence[str], ranked: Sequence[int], budget: int) -> list[int]:
    """Indices taken in rank order, skipping any that would overflow ``budget`` words."""
    used, out = 0, []
    for i in ranked:
        n = len(texts[i].split())
        if used + n <= budget:
            out.append(i)
            used += n
    return sorted(out)


def lead_ranking(sents: list[tuple[str, int, int]]) -> list[int]:
    """Round-robin over the articles: every first sentence, then every second, ..."""
    return sorted(range(len(sents)), key=lambda i: (sents[i][2], sents[i][1]))


class _Words:
    """What sumy's parsers need from a tokenizer, without NLTK's punkt data (not downloadable here)."""

    language = "english"

    def to_sentences(self, text: str) -> list[str]:
        return [text]

    def to_words(self, sentence: str) -> list[str]:
        import re

        return re.findall(r"[A-Za-z0-9']+", sentence)


def sumy_ranking(name: str, texts: Sequence[str]) -> list[int]:
    """All sentences in the order sumy's summariser rates them (best first)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    cls = {"LexRank": LexRankSummarizer, "TextRank": TextRankSummarizer, "LSA": LsaSummarizer}[name]
    tok = _Words()
    sentences = [Sentence(t, tok) for t in texts]
    document = ObjectDocumentModel([Paragraph(sentences)])
    captured: dict[int, float] = {}

    class Ranking(cls):  # type: ignore[misc, valid-type]
        @staticmethod
        def _get_best_sentences(sents, count, rating, *args, **kwargs):
            for i, s in enumerate(sents):
                captured[i] = rating(s, *args, **kwargs) if callable(rating) else rating[s]
            return ()

    summarizer = Ranking(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    summarizer(document, len(sentences))
    return sorted(range(len(texts)), key=lambda i: -captured.get(i, 0.0))


def score(scorer, reference: str, summary: Sequence[str]) -> dict[str, float]:
    got = scorer.score(reference, "\n".join(summary))
    return {k: 100 * v.fmeasure for k, v in got.items()}


def run(clusters: list[dict], budget: int) -> tuple[dict[str, list[dict[str, float]]], list[tuple[float, float, int]], list]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    settings = Settings(summary_words=budget)
    results: dict[str, list[dict[str, float]]] = {k: [] for k in ("newsfuse", "LexRank", "TextRank", "LSA", "Lead")}
    timings, citations = [], []
    for cluster in clusters:
        briefing, core_s = core_briefing(cluster, settings)
        reference = cluster["references"][0]
        start = time.perf_counter()
        summary = extractive_summary(briefing, budget)
        ours = [s.text for s in summary]
        timings.append((time.perf_counter() - start, core_s, len(briefing.sources)))
        citations += [(sentence_valid(briefing, s), independent_sources(briefing, s) >= 2) for s in summary]
        results["newsfuse"].append(score(scorer, reference, ours))
        sents = all_sentences(briefing)
        texts = [t for t, _, _ in sents]
        for name in ("LexRank", "TextRank", "LSA"):
            results[name].append(score(scorer, reference, [texts[i] for i in pack(texts, sumy_ranking(name, texts), budget)]))
        results["Lead"].append(score(scorer, reference, [texts[i] for i in pack(texts, lead_ranking(sents), budget)]))
    return results, timings, citations


def labelled_clusters() -> None:
    """Citation validity, multi-source share and key-event recall on the two labelled clusters."""
    from newsfuse.api import brief

    dwh = ROOT / ".." / "shared" / "corpus" / "deepwater-horizon"
    runs = [("in-amenas", [str(ROOT / "examples" / "in-amenas")], None)]
    if dwh.exists():
        runs.append(("deepwater-horizon", [str(dwh)], str(dwh / "manifest.csv")))
    print(f"{'cluster':<18} {'sentences':>9} {'words':>5} {'valid':>6} {'>=2 indep':>9} {'key events':>10}")
    for name, paths, manifest in runs:
        events = json.loads((ROOT / "tests" / "data" / "labels" / f"times-{name}.json").read_text())["events"]
        sc = score_summary(brief(paths, manifest=manifest), events)
        print(f"{name:<18} {sc.sentences:>9} {sc.words:>5} {sc.citation_validity:6.0%} {sc.multi_source_share:9.0%} "
              f"{sc.event_recall:10.0%}")


def mean(rows: Sequence[dict[str, float]], key: str) -> float:
    return sum(r[key] for r in rows) / max(1, len(rows))


def table(results: dict[str, list[dict[str, float]]], title: str) -> str:
    lines = [title, f"{'system':<10} {'R-1':>6} {'R-2':>6} {'R-L':>6}   (n={len(results['newsfuse'])})"]
    for name, rows in results.items():
        lines.append(f"{name:<10} {mean(rows, 'rouge1'):6.2f} {mean(rows, 'rouge2'):6.2f} {mean(rows, 'rougeL'):6.2f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N clusters")
    ap.add_argument("--words", type=int, default=250, help="word budget (default 250)")
    args = ap.parse_args(argv)
    labelled_clusters()
    print()
    if not EVAL.exists():
        print(f"Multi-News skipped: {EVAL} is absent (the eval sets live in ../shared/eval beside the checkout)")
        return 0
    clusters = load_clusters(args.limit)
    results, timings, citations = run(clusters, args.words)
    print(table(results, f"Multi-News validation, {args.words}-word budget, ROUGE F1 (%)"))
    for half, parity in (("even (fitted)", 0), ("odd (held out)", 1)):
        sub = {k: [r for i, r in enumerate(v) if i % 2 == parity] for k, v in results.items()}
        print()
        print(table(sub, f"{half} clusters"))
    valid, multi = (sum(c[i] for c in citations) / max(1, len(citations)) for i in range(2))
    print(f"\nnewsfuse citations on Multi-News: {valid:.0%} of {len(citations)} sentences cite valid spans; "
          f"{multi:.0%} cite >= 2 independent sources")
    summ, core, n = (sum(t[i] for t in timings) for i in range(3))
    print(f"\nsummary stage: {1000 * summ / n:.1f} ms per source; core pipeline: {1000 * core / n:.1f} ms per source; "
          f"ratio {summ / core:.3f} (summary adds {100 * summ / core:.1f}% to the core pipeline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
