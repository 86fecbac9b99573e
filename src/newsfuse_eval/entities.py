"""Score entity clusters against gold labels (tests/data/labels/entities-*.json).

The gold files list, per real-world entity, the distinct surface forms each
article uses for it. The unit scored is therefore an *item*: (article file,
surface form). A system entity covers the items its mentions spell out.

- Merge quality is measured on the gold items: pairwise precision/recall
  (of item pairs put together) and B-cubed. A gold item the system did not
  find counts as a singleton, so missed names lower recall; system names
  the gold does not list are left out of merge quality and reported as
  mention-detection precision instead.
- An item that gold assigns to two entities (bare "Gulf" meaning two gulfs
  in one article) is ambiguous at this granularity and is left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import PurePath
from typing import Any

from newsfuse.model import Entity, Source

Item = tuple[str, str]  # (file name, surface form)


@dataclass(frozen=True)
class EntityScores:
    pairwise_precision: float
    pairwise_recall: float
    bcubed_precision: float
    bcubed_recall: float
    mention_recall: float  # gold items found at all
    mention_precision: float  # system items that gold lists
    gold_items: int
    system_items: int
    type_accuracy: float = 0.0  # found gold items whose entity has the gold type

    @property
    def pairwise_f1(self) -> float:
        return _f1(self.pairwise_precision, self.pairwise_recall)

    @property
    def bcubed_f1(self) -> float:
        return _f1(self.bcubed_precision, self.bcubed_recall)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def surface(form: str) -> str:
    """The gold's surface convention: no quote marks, no possessive, no leading lowercase 'the'."""
    form = form.strip("“”‘’\"' ")
    for suffix in ("'s", "’s"):
        form = form.removesuffix(suffix)
    return form[4:] if form.startswith("the ") else form


def gold_items(gold: Mapping[str, Any]) -> dict[Item, int]:
    owners: dict[Item, set[int]] = defaultdict(set)
    for index, entity in enumerate(gold["entities"]):
        for file, forms in entity["mentions"].items():
            for form in forms:
                owners[(file, surface(form))].add(index)
    return {item: next(iter(ids)) for item, ids in owners.items() if len(ids) == 1}


def system_items(entities: Sequence[Entity], sources: Sequence[Source]) -> dict[Item, str]:
    """Each (file, form) -> the entity that has most mentions of it there."""
    files = {s.id: PurePath(s.path).name if s.path else s.id for s in sources}
    texts = {s.id: s.text for s in sources}
    counts: dict[Item, Counter[str]] = defaultdict(Counter)
    for entity in entities:
        for m in entity.mentions:
            counts[(files[m.source], surface(texts[m.source][m.start : m.end]))][entity.id] += 1
    return {item: c.most_common(1)[0][0] for item, c in counts.items()}


def score_entities(gold: Mapping[str, Any], entities: Sequence[Entity], sources: Sequence[Source]) -> EntityScores:
    truth = gold_items(gold)
    found = system_items(entities, sources)
    predicted = {item: found.get(item, f"missing:{item}") for item in truth}
    pp, pr = _pairwise(truth, predicted)
    bp, br = _bcubed(truth, predicted)
    hits = [item for item in truth if item in found]
    types = {e.id: e.type for e in entities}
    typed = sum(1 for item in hits if types[found[item]] == gold["entities"][truth[item]]["type"])
    return EntityScores(
        pp, pr, bp, br,
        mention_recall=len(hits) / len(truth) if truth else 1.0,
        mention_precision=sum(1 for item in found if item in truth) / len(found) if found else 1.0,
        gold_items=len(truth), system_items=len(found),
        type_accuracy=typed / len(hits) if hits else 1.0,
    )


def _pairs(assignment: Mapping[Item, object]) -> set[frozenset[Item]]:
    groups: dict[object, list[Item]] = defaultdict(list)
    for item, cluster in assignment.items():
        groups[cluster].append(item)
    return {frozenset(p) for members in groups.values() for p in combinations(sorted(members), 2)}


def _pairwise(truth: Mapping[Item, object], predicted: Mapping[Item, object]) -> tuple[float, float]:
    gold_pairs, system_pairs = _pairs(truth), _pairs(predicted)
    both = len(gold_pairs & system_pairs)
    precision = both / len(system_pairs) if system_pairs else 1.0
    recall = both / len(gold_pairs) if gold_pairs else 1.0
    return precision, recall


def _bcubed(truth: Mapping[Item, object], predicted: Mapping[Item, object]) -> tuple[float, float]:
    by_gold: dict[object, set[Item]] = defaultdict(set)
    by_system: dict[object, set[Item]] = defaultdict(set)
    for item in truth:
        by_gold[truth[item]].add(item)
        by_system[predicted[item]].add(item)
    p = r = 0.0
    for item in truth:
        g, s = by_gold[truth[item]], by_system[predicted[item]]
        p += len(g & s) / len(s)
        r += len(g & s) / len(g)
    n = len(truth) or 1
    return p / n, r / n


def merge_errors(gold: Mapping[str, Any], entities: Sequence[Entity], sources: Sequence[Source]) -> dict[str, list]:
    """Wrong merges and missed merges by name, for the benchmark's error listing."""
    truth = gold_items(gold)
    found = system_items(entities, sources)
    names = {e.id: e.name for e in entities}
    wrong: dict[str, set[str]] = defaultdict(set)
    for item, eid in found.items():
        if item in truth:
            wrong[names[eid]].add(gold["entities"][truth[item]]["name"])
    split: dict[str, set[str]] = defaultdict(set)
    for item, index in truth.items():
        split[gold["entities"][index]["name"]].add(names.get(found.get(item, ""), "(not found)"))
    return {
        "merged": sorted((k, sorted(v)) for k, v in wrong.items() if len(v) > 1),
        "split": sorted((k, sorted(v)) for k, v in split.items() if len(v) > 1),
    }


def score_on_gold_spans(
    gold_clusters: Sequence[Mapping[str, Any]], entities: Sequence[Entity]
) -> tuple[EntityScores, int]:
    """Merge quality on span-annotated gold (MEANTIME, ECB+): the gold mentions newsfuse also found.

    ``gold_clusters`` hold ``mentions`` with ``doc_id``, ``start``, ``end``,
    ``text``; a gold mention counts when one of our mentions covers exactly
    its span (a leading "the " on the gold side dropped). Those corpora also
    annotate pronouns and descriptions, which newsfuse does not list, so this
    measures merging on the names both found, not detection. Returns the
    scores and how many gold mentions were matched.
    """
    ours = {(m.source, m.start, m.end): e.id for e in entities for m in e.mentions}
    truth: dict[Item, int] = {}
    for index, cluster in enumerate(gold_clusters):
        for m in cluster["mentions"]:
            start = m["start"] + 4 if m["text"].lower().startswith("the ") else m["start"]
            if (m["doc_id"], start, m["end"]) in ours:
                truth[(m["doc_id"], f"{start}:{m['end']}")] = index
    predicted = {item: ours[(item[0], *map(int, item[1].split(":")))] for item in truth}
    pp, pr = _pairwise(truth, predicted)
    bp, br = _bcubed(truth, predicted)
    total = sum(len(c["mentions"]) for c in gold_clusters)
    return EntityScores(pp, pr, bp, br, len(truth) / total if total else 1.0, 1.0, total, len(ours)), len(truth)
