"""Quality gate for Who's who: merge quality on both labelled clusters, pinned.

The floors sit just under what ``bench/entities.py`` measured (see
docs/entities.md); raising a floor is welcome, lowering one needs a reason in
the commit message. The issue's targets (precision >= 0.95, recall >= 0.85
on both clusters) are checked to stay under the floors.
Must / must-not assertions name the merges a reader would notice first.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.model import Briefing
from newsfuse_eval.entities import EntityScores, score_entities

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "in-amenas"
DEEPWATER = ROOT / ".." / "shared" / "corpus" / "deepwater-horizon"
LABELS = ROOT / "tests" / "data" / "labels"

TARGET_PRECISION = 0.95
TARGET_RECALL = 0.85

#: Measured 2026-11-23 (bench/entities.py): in-amenas P 1.000 R 0.973 B3-F1 0.988;
#: deepwater-horizon P 0.974 R 0.870 B3-F1 0.960; type accuracy 0.923 and 0.958.
FLOORS = {
    "in-amenas": {"pairwise_precision": 0.98, "pairwise_recall": 0.96, "bcubed_f1": 0.98, "mention_recall": 0.92,
                  "type_accuracy": 0.90},
    "deepwater-horizon": {"pairwise_precision": 0.97, "pairwise_recall": 0.86, "bcubed_f1": 0.95,
                          "mention_recall": 0.90, "type_accuracy": 0.94},
}


@pytest.fixture(scope="module")
def example() -> Briefing:
    from newsfuse.api import brief

    return brief([str(EXAMPLE)])


@pytest.fixture(scope="module")
def deepwater() -> Briefing:
    from newsfuse.api import brief

    if not DEEPWATER.exists():
        pytest.skip(f"{DEEPWATER} is absent: it lives in ../shared beside the checkout (CI has it)")
    return brief([str(DEEPWATER)])


def scores(name: str, briefing: Briefing) -> EntityScores:
    gold = json.loads((LABELS / f"entities-{name}.json").read_text(encoding="utf-8"))
    return score_entities(gold, briefing.entities, briefing.sources)


def check_floors(name: str, measured: EntityScores) -> None:
    for metric, floor in FLOORS[name].items():
        value = getattr(measured, metric)
        assert value >= floor, f"{name}: {metric} {value:.3f} fell under its floor {floor}"


def test_floors_meet_the_issue_targets() -> None:
    for floors in FLOORS.values():
        assert floors["pairwise_precision"] >= TARGET_PRECISION
        assert floors["pairwise_recall"] >= TARGET_RECALL


def test_example_cluster_quality(example: Briefing) -> None:
    check_floors("in-amenas", scores("in-amenas", example))


def test_deepwater_cluster_quality(deepwater: Briefing) -> None:
    check_floors("deepwater-horizon", scores("deepwater-horizon", deepwater))


def by_alias(briefing: Briefing, alias: str):
    return [e for e in briefing.entities if alias in e.aliases]


def same_entity(briefing: Briefing, *aliases: str) -> bool:
    return any(set(aliases) <= set(e.aliases) for e in briefing.entities)


def test_issue_examples_are_merged(example: Briefing) -> None:
    assert same_entity(example, "Signatories in Blood", "Signed-in-Blood Battalion", "Masked Brigade",
                       "Mulathameen brigade", "The Masked Ones")
    assert same_entity(example, "In Amenas", "Ain Amenas", "Amenas")
    assert same_entity(example, "Omar Abdul Rahman", "Omar Abdel-Rahman", "blind sheikh")
    assert same_entity(example, "Mohamed Said", "Mohamed Saïd", "Saïd")
    assert same_entity(example, "al Qaeda", "al-Qaeda", "Al Qaeda", "Qaeda")


def test_issue_types_are_voted(example: Briefing) -> None:
    types = {e.name: e.type for e in example.entities}
    assert types["Sonatrach"] == "ORG"  # the model says PERSON; the appositive "company" outvotes it
    assert types["Statoil"] == "ORG"
    assert by_alias(example, "Signatories in Blood")[0].type == "ORG"
    assert by_alias(example, "Mokhtar Belmokhtar")[0].type == "PERSON"
    assert by_alias(example, "Mali")[0].type in {"GPE", "LOC"}


def test_distinct_entities_stay_apart(example: Briefing) -> None:
    for a, b in [("BP", "Statoil"), ("BP", "Sonatrach"), ("Statoil", "Sonatrach"), ("AQIM", "al Qaeda"),
                 ("Algiers", "Algeria"), ("Washington", "United States"), ("Niger", "Nigeria"),
                 ("Africa", "North Africa")]:
        assert not same_entity(example, a, b), (a, b)


def test_deepwater_people_and_places_stay_apart(deepwater: Briefing) -> None:
    for a, b in [("Mary Landry", "Mary Landrieu"), ("Stanley Murray", "Chad Murray"), ("Texas", "Texas City"),
                 ("Mexico", "Gulf of Mexico"), ("BP", "BP Exploration and Production"), ("BP", "Transocean"),
                 ("Carolyn Kemp", "Roy Wyatt Kemp")]:
        assert not same_entity(deepwater, a, b), (a, b)
    assert same_entity(deepwater, "Coast Guard", "U.S. Coast Guard", "US Coast Guard")
    assert same_entity(deepwater, "Minerals Management Service", "MMS")
    assert same_entity(deepwater, "Gulf of Mexico", "Gulf")


def test_lookup_by_name_shows_every_mention(example: Briefing) -> None:
    """`newsfuse brief ... --format json | jq '.entities[] | select(.name=="Mokhtar Belmokhtar")'`."""
    from newsfuse.render.json import briefing_to_json

    data = briefing_to_json(example)
    [entity] = [e for e in data["entities"] if e["name"] == "Mokhtar Belmokhtar"]
    assert len(entity["sources"]) == 5
    texts = {s["id"]: s["text"] for s in data["sources"]}
    for m in entity["mentions"]:
        assert texts[m["source"]][m["start"] : m["end"]] in {"Mokhtar Belmokhtar", "Belmokhtar"}
    expected = sum(t.count("Belmokhtar") for t in texts.values())
    assert len(entity["mentions"]) == expected


def test_every_mention_is_real_text_listed_as_an_alias(example: Briefing) -> None:
    for entity in example.entities:
        assert entity.mentions
        for span in entity.mentions:
            assert example.text_of(span) in entity.aliases
        assert entity.name in entity.aliases


MEANTIME = ROOT / ".." / "shared" / "eval" / "entities-meantime" / "topics.jsonl"
#: MEANTIME (Wikinews, span-annotated cross-document chains) is a third check that the rules
#: tuned on the two labelled clusters do not merge different entities elsewhere. Measured
#: 2026-11-23: stock (test) P 0.929, gm (dev) P 0.987; the stock "errors" are gold chains that
#: keep some mentions of "Japan" and "U.S." as singletons.
MEANTIME_PRECISION_FLOORS = {"stock": 0.92, "gm": 0.98}


def test_meantime_merge_precision() -> None:
    from newsfuse.config import DEFAULT_MODEL
    from newsfuse.entities.stage import find_entities
    from newsfuse.model import Source
    from newsfuse.nlp.load import load_nlp
    from newsfuse_eval.entities import score_on_gold_spans

    if not MEANTIME.exists():
        pytest.skip(f"{MEANTIME} is absent: it lives in ../shared beside the checkout (CI has it)")
    nlp = load_nlp(DEFAULT_MODEL)
    for line in MEANTIME.read_text(encoding="utf-8").splitlines():
        topic = json.loads(line)
        if topic["topic"] not in MEANTIME_PRECISION_FLOORS:
            continue
        sources = tuple(Source(id=d["doc_id"], text=d["text"], path=d["doc_id"]) for d in topic["documents"])
        docs = dict(zip([s.id for s in sources], nlp.pipe([s.text for s in sources]), strict=True))
        measured, matched = score_on_gold_spans(topic["entities"], find_entities(sources, docs))
        assert matched >= 100
        assert measured.pairwise_precision >= MEANTIME_PRECISION_FLOORS[topic["topic"]], topic["topic"]
