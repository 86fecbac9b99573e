"""Score briefings of the multi-genre set against a reader's judgements, re-scoreable as rules change.

Judgements live in ``tests/data/labels/multigenre/`` and name files and hashes, never text:

- ``summary.jsonl``: one summary sentence per line, keyed by the file name of the sentence's
  first citation and the sha1 of its normalised text (``sentence_key``), labelled GOOD, JUNK or
  MISLEADING (LABELLING.md) with a short note;
- ``titles.jsonl``: one story title per line, keyed by story and sha1, RIGHT or WRONG;
- ``entities.jsonl``: one entity of a story's 15 most mentioned per line, keyed by canonical
  name and sorted aliases, OK, BAD-MERGE or MISSED-MERGE.

A briefing that shows a sentence, title or entity nobody judged yet lists it as unjudged
(``Scores.unjudged``) instead of guessing, so a rule change can never score itself.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LABELS = Path(__file__).resolve().parents[2] / "tests" / "data" / "labels" / "multigenre"
SUMMARY_LABELS = LABELS / "summary.jsonl"
TITLE_LABELS = LABELS / "titles.jsonl"
ENTITY_LABELS = LABELS / "entities.jsonl"
SENTENCE_LABELS = ("GOOD", "JUNK", "MISLEADING")
TITLE_VERDICTS = ("RIGHT", "WRONG")
ENTITY_LABELS_ALLOWED = ("OK", "BAD-MERGE", "MISSED-MERGE")
#: The issue judges the 15 most mentioned entities of each story.
TOP_ENTITIES = 15


def normalise(text: str) -> str:
    """NFKC, curly quotes straightened, whitespace collapsed, case kept (a capital can be the bug)."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return re.sub(r"\s+", " ", text).strip()


def sha1(text: str) -> str:
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Shown:
    """One thing a briefing shows that a reader judges."""

    story: str
    kind: str  # "sentence" | "title" | "entity"
    key: tuple[str, ...]
    text: str  # for the judge's eyes only; never written to the labels


def sentence_key(story: str, file: str, text: str) -> tuple[str, ...]:
    return (story, file, sha1(text))


def entity_key(story: str, name: str, aliases: Iterable[str]) -> tuple[str, ...]:
    return (story, name, *sorted(set(aliases) - {name}))


def shown_items(story: str, data: Mapping[str, Any]) -> list[Shown]:
    """What a reader judges in one briefing JSON: its summary sentences, its title, its top entities."""
    files = {s["id"]: Path(s["path"]).name if s.get("path") else s["id"] for s in data["sources"]}
    out = []
    for s in data["summary"]:
        cites = s.get("citations") or []
        file = files.get(cites[0]["source"], "?") if cites else "generated"
        out.append(Shown(story, "sentence", sentence_key(story, file, s["text"]), s["text"]))
    title = data["story"]["title"]
    out.append(Shown(story, "title", (story, sha1(title)), title))
    for e in top_entities(data["entities"]):
        out.append(Shown(story, "entity", entity_key(story, e["name"], e["aliases"]),
                         f"{e['name']} [{e['type']}] aliases={e['aliases']} mentions={len(e['mentions'])}"))
    return out


def top_entities(entities: Sequence[Mapping[str, Any]], n: int = TOP_ENTITIES) -> list[Mapping[str, Any]]:
    return sorted(entities, key=lambda e: (-len(e["mentions"]), e["name"]))[:n]


def _read(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_judgements() -> dict[tuple[str, tuple[str, ...]], str]:
    """(kind, key) -> label, from the three label files; a later line overrides an earlier one."""
    out: dict[tuple[str, tuple[str, ...]], str] = {}
    for row in _read(SUMMARY_LABELS):
        assert row["label"] in SENTENCE_LABELS, row
        out[("sentence", (row["story"], row["file"], row["sha1"]))] = row["label"]
    for row in _read(TITLE_LABELS):
        assert row["label"] in TITLE_VERDICTS, row
        out[("title", (row["story"], row["sha1"]))] = row["label"]
    for row in _read(ENTITY_LABELS):
        assert row["label"] in ENTITY_LABELS_ALLOWED, row
        out[("entity", entity_key(row["story"], row["name"], row["aliases"]))] = row["label"]
    return out


@dataclass
class Scores:
    sentences: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)
    unjudged: list[Shown] = field(default_factory=list)

    def share(self, label: str) -> float:
        total = sum(self.sentences.values())
        return self.sentences[label] / total if total else 0.0


def score(items: Iterable[Shown], judgements: Mapping[tuple[str, tuple[str, ...]], str]) -> Scores:
    out = Scores()
    counters = {"sentence": out.sentences, "title": out.titles, "entity": out.entities}
    for it in items:
        label = judgements.get((it.kind, it.key))
        if label is None:
            out.unjudged.append(it)
        else:
            counters[it.kind][label] += 1
    return out


def file_name_labels(data: Mapping[str, Any]) -> tuple[int, int]:
    """(sources a reader sees labelled by their file name, all sources) in one briefing JSON."""
    from newsfuse.render.view import source_names

    names = source_names(dict(data))
    stems = {s["id"]: Path(s["path"]).stem for s in data["sources"] if s.get("path")}
    return sum(names[i] == stems.get(i) or names[i].startswith(f"{stems.get(i)} ") for i in names), len(names)
