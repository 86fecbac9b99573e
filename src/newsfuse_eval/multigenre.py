"""The multi-genre labelled set: which stories, which split, and their texts as files.

Stories come from ``../shared/eval`` (read in place, never copied); the selection and the
tune/report split live in ``tests/data/labels/multigenre/clusters.toml`` and were fixed before
any rule was written, so a gate that tests the ``report`` half measures rules that never saw it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SELECTION = REPO / "tests" / "data" / "labels" / "multigenre" / "clusters.toml"
EVAL = REPO.parent / "shared" / "eval"
MULTINEWS = EVAL / "summ-multinews-val" / "clusters.jsonl"
TIMELINE17 = EVAL / "timeline17-dev" / "timelines.jsonl"
ECBPLUS = EVAL / "cluster-ecbplus-dev" / "articles.jsonl"
#: ECB+ train events: only their annotated (validated) sentences are in the eval data.
ECBPLUS_TRAIN = EVAL / "entities-ecbplus" / "subtopics.jsonl"
#: TempEval-3 training documents: its AQUAINT part holds wire and newspaper reports of a few
#: stories (the 1998 embassy bombings, a doctor's murder, Elian Gonzalez, NATO's enlargement).
TEMPEVAL = EVAL / "timex-tbaq" / "docs.jsonl"
#: MEANTIME's Wikinews articles, four topics of thirty, each a headline line, a date line, text.
MEANTIME = EVAL / "entities-meantime" / "topics.jsonl"
#: Who published a TempEval-3 document, from its id's prefix (the corpus's own naming).
TEMPEVAL_OUTLETS = {
    "APW": "Associated Press",
    "AP": "Associated Press",
    "NYT": "New York Times",
    "XIE": "Xinhua",
    "WSJ": "Wall Street Journal",
}
#: Timeline17 topics are cut to this many days and at most this many reports.
WINDOW_DAYS = 7
MAX_REPORTS = 8


@dataclass(frozen=True)
class Article:
    """One report as the eval file gives it; ``name`` is its file name when materialised."""

    name: str
    title: str | None
    text: str
    published: str | None
    outlet: str | None


@dataclass(frozen=True)
class Story:
    id: str
    kind: str
    split: str
    articles: tuple[Article, ...]


def available() -> bool:
    """True when ../shared/eval is beside the checkout (tests skip otherwise, saying so)."""
    return all(p.is_file() for p in (MULTINEWS, TIMELINE17, ECBPLUS, ECBPLUS_TRAIN, TEMPEVAL, MEANTIME))


def selection(split: str | None = None) -> list[dict]:
    rows = tomllib.loads(SELECTION.read_text(encoding="utf-8"))["cluster"]
    return [r for r in rows if split is None or r["split"] == split]


def select_articles(articles: list[dict], start: str, days: int = WINDOW_DAYS) -> list[dict]:
    """Reports published in [start, start + days), round-robin across days, at most MAX_REPORTS.

    ``days`` is shorter than a week only where a later week of the topic is already in a split.
    """
    first = dt.date.fromisoformat(start)
    by_day: dict[str, list[dict]] = {}
    for a in sorted(articles, key=lambda a: (a["published"][:10], str(a["id"]))):
        day = dt.date.fromisoformat(a["published"][:10])
        if first <= day < first + dt.timedelta(days=days):
            by_day.setdefault(a["published"][:10], []).append(a)
    picked: list[dict] = []
    queues = [list(v) for _, v in sorted(by_day.items())]
    while len(picked) < MAX_REPORTS and any(queues):
        for q in queues:
            if q and len(picked) < MAX_REPORTS:
                picked.append(q.pop(0))
    return sorted(picked, key=lambda a: (a["published"][:10], str(a["id"])))


def select_merged(by_outlet: dict[str, list[dict]], start: str, days: int = WINDOW_DAYS) -> list[tuple[str, dict]]:
    """One story told by several outlets: Timeline17 topics on one event, merged over one window.

    Each outlet's reports in [start, start + WINDOW_DAYS) are ordered by day; reports are taken
    round-robin across outlets (earliest first within each), at most MAX_REPORTS, so every outlet
    speaks and cross-outlet disagreements can appear. Returns (outlet, article) pairs by day.
    """
    first = dt.date.fromisoformat(start)
    queues = []
    for outlet, articles in sorted(by_outlet.items()):
        inside = [
            a
            for a in sorted(articles, key=lambda a: (a["published"][:10], str(a["id"])))
            if first <= dt.date.fromisoformat(a["published"][:10]) < first + dt.timedelta(days=days)
        ]
        queues.append([(outlet, a) for a in inside])
    picked: list[tuple[str, dict]] = []
    while len(picked) < MAX_REPORTS and any(queues):
        for q in queues:
            if q and len(picked) < MAX_REPORTS:
                picked.append(q.pop(0))
    return sorted(picked, key=lambda p: (p[1]["published"][:10], p[0], str(p[1]["id"])))


def detokenise(text: str) -> str:
    """ECB+ text as a reader would see it: its tokens were joined by single spaces ("Center , her
    rep told People ."), which no outlet prints; the shared README asks us not to tune rules to that
    spacing, so the loader undoes it (Moses detokeniser, then the digit, hyphen, quote and "n't"
    splits it leaves) and each line stays one line. Only the eval loader uses this.
    """
    from sacremoses import MosesDetokenizer

    tokens: list[str] = []
    opening = False
    for tok in text.replace("\n", f" {_NL} ").split():
        if tok == "``":
            opening = True
            continue
        if tok == "''" and tokens:
            tokens[-1] += '"'
            continue
        tokens.append('"' + tok if opening else tok)
        opening = False
    out = MosesDetokenizer("en").detokenize(tokens)
    for pattern, repl in _DETOK_FIXES:
        out = pattern.sub(repl, out)
    return out


_NL = "\u23ce"
_DETOK_FIXES = tuple(
    (re.compile(p), r)
    for p, r in (
        (rf"\s*{_NL}\s*", "\n"),
        (r' ([,.;:!?]+")', r"\1"),
        (r"(\w) n't\b", r"\1n't"),
        (r"(\d), (\d{3})\b", r"\1,\2"),
        (r"(\d) ?: (\d\d)\b", r"\1:\2"),
        (r"(\d) / (\d)", r"\1/\2"),
        (r"(\d)\. (\d)", r"\1.\2"),  # "0 . 07 percent": a decimal point, not a full stop
        (r"\b([ap])\. m\.", r"\1.m."),  # "7 p . m .": a clock time
        (r"(\w) - (?=\w)", r"\1-"),
        (r" - - ", " -- "),
    )
)


def _doc_number(doc_id: str) -> int:
    return int(re.match(r"\d+", doc_id.split("_", 1)[1]).group())


def _ecbplus_articles(story: str) -> list[dict]:
    """An ECB+ event's documents in document-number order, at most MAX_REPORTS.

    Dev events come whole from the clustering set; train events (never used before report17)
    exist only as their annotated sentences, so their reports are two to four sentences long.
    """
    rows = [json.loads(line) for line in ECBPLUS.open(encoding="utf-8") if line.strip()]
    docs = [r for r in rows if r["story"] == story]
    if not docs:
        for line in ECBPLUS_TRAIN.open(encoding="utf-8"):
            row = json.loads(line)
            if row["topic"] == story:  # one row per event
                docs = [{"id": d["doc_id"], "text": d["text"]} for d in row["documents"]]
                break
    docs.sort(key=lambda r: _doc_number(r["id"]))
    return docs[:MAX_REPORTS]


@cache
def _rows(path: Path, key: str) -> dict[str, dict]:
    """An eval file's rows by ``key``, parsed once per process: each story of a split (TempEval-3 and
    MEANTIME stories name their documents) and each split of a run read the same files. Read only."""
    rows = (json.loads(line) for line in path.open(encoding="utf-8") if line.strip())
    return {row[key]: row for row in rows}


def _tempeval_articles(doc_ids: list[str]) -> tuple[Article, ...]:
    """The named TempEval-3 documents in the selection's order, dated by their DCT.

    Their text is the corpus's (a dateline paragraph, then the story); none has a headline.
    """
    docs = _rows(TEMPEVAL, "doc_id")
    return tuple(
        Article(
            f"{d}.txt",
            None,
            docs[d]["text"].strip() + "\n",
            docs[d]["dct"][:10],
            TEMPEVAL_OUTLETS[re.match(r"[A-Z]+", d).group()],
        )
        for d in doc_ids
    )


def _meantime_articles(topic: str, doc_ids: list[str]) -> tuple[Article, ...]:
    """The named MEANTIME documents (Wikinews), detokenised like ECB+; headline stays the first line."""
    row = _rows(MEANTIME, "topic")[topic]
    docs = {d["doc_id"].split("_", 1)[0]: d for d in row["documents"]}
    return tuple(
        Article(f"wikinews-{d}.txt", None, detokenise(docs[d]["text"]) + "\n", docs[d]["published"][:10], "Wikinews")
        for d in doc_ids
    )


def stories(split: str | None = None) -> Iterator[Story]:
    """The selected stories of one split (or all), with their reports, in selection order."""
    multinews = _rows(MULTINEWS, "cluster_id")
    timeline17 = _rows(TIMELINE17, "topic")
    for row in selection(split):
        if row["source"] == "multinews":
            raw = multinews[row["key"]]["articles"]
            arts = tuple(
                Article(f"d{j}.txt", a.get("title"), a["text"], a.get("published"), a.get("outlet"))
                for j, a in enumerate(raw)
            )
        elif row["source"] == "ecbplus":
            arts = tuple(
                Article(f"{a['id']}.txt", None, detokenise(a["text"]), None, None)
                for a in _ecbplus_articles(row["key"])
            )
        elif row["source"] == "tempeval":
            arts = _tempeval_articles(row["docs"])
        elif row["source"] == "meantime":
            arts = _meantime_articles(row["key"], row["docs"])
        elif "keys" in row:
            raw = select_merged({k.rsplit("_", 1)[-1]: timeline17[k]["articles"] for k in row["keys"]}, row["start"],
                                row.get("days", WINDOW_DAYS))
            arts = tuple(
                Article(f"{outlet}-{a['id']}.txt", a.get("title"), a["text"], a["published"][:10], outlet)
                for outlet, a in raw
            )
        else:
            topic = timeline17[row["key"]]
            outlet = row["key"].rsplit("_", 1)[-1]
            raw = select_articles(topic["articles"], row["start"], row.get("days", WINDOW_DAYS))
            arts = tuple(Article(f"{a['id']}.txt", a.get("title"), a["text"], a["published"][:10], outlet) for a in raw)
        yield Story(row["id"], row["kind"], row["split"], arts)


def materialise(story: Story, folder: Path) -> Path:
    """Write a story's reports as plain-text files (headline line, blank line, text) plus a manifest.

    Returns the folder, ready for ``newsfuse brief``. Labels name these file names.
    """
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for a in story.articles:
        body = (a.title.strip() + "\n\n" if a.title else "") + a.text
        (folder / a.name).write_text(body, encoding="utf-8")
        if a.published or a.outlet:
            lines.append(json.dumps({"path": a.name, "outlet": a.outlet, "published": a.published}))
    if lines:
        (folder / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
