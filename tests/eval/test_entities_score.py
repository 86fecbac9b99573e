"""The scorer behind the quality gate: items, pairwise and B-cubed on toy gold."""

from __future__ import annotations

import pytest

from newsfuse.model import Entity, Source, Span
from newsfuse_eval.entities import gold_items, score_entities, score_on_gold_spans, surface

TEXT = "Mokhtar Belmokhtar spoke. Belmokhtar left. BP and Statoil said so."
SOURCE = Source(id="s1", text=TEXT, path="/x/a.txt")
GOLD = {
    "entities": [
        {"name": "Mokhtar Belmokhtar", "type": "PERSON", "mentions": {"a.txt": ["Mokhtar Belmokhtar", "Belmokhtar"]}},
        {"name": "BP", "type": "ORG", "mentions": {"a.txt": ["BP"]}},
        {"name": "Statoil", "type": "ORG", "mentions": {"a.txt": ["Statoil"]}},
    ]
}


def span(text: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return Span("s1", start, start + len(text))


def test_surface_follows_the_gold_conventions() -> None:
    assert surface("the Coast Guard") == "Coast Guard"
    assert surface("The Masked Ones") == "The Masked Ones"  # a quoted name keeps its article
    assert surface("“Signatories in Blood,”".rstrip(",”")) == "Signatories in Blood"
    assert surface("Britain’s") == "Britain"


def test_ambiguous_gold_items_are_left_out() -> None:
    gold = {"entities": [{"name": "A", "type": "LOC", "mentions": {"f": ["Gulf"]}},
                         {"name": "B", "type": "LOC", "mentions": {"f": ["Gulf", "Gulf of Mexico"]}}]}
    assert gold_items(gold) == {("f", "Gulf of Mexico"): 1}


def test_perfect_clustering_scores_one() -> None:
    entities = [
        Entity("e1", "Mokhtar Belmokhtar", "PERSON", (), (span("Mokhtar Belmokhtar"), span("Belmokhtar", 1))),
        Entity("e2", "BP", "ORG", (), (span("BP"),)),
        Entity("e3", "Statoil", "ORG", (), (span("Statoil"),)),
    ]
    s = score_entities(GOLD, entities, [SOURCE])
    assert (s.pairwise_precision, s.pairwise_recall, s.bcubed_f1, s.mention_recall) == (1.0, 1.0, 1.0, 1.0)
    assert s.type_accuracy == 1.0


def test_split_and_wrong_merge_are_counted() -> None:
    entities = [
        Entity("e1", "Mokhtar Belmokhtar", "PERSON", (), (span("Mokhtar Belmokhtar"),)),
        Entity("e2", "BP", "ORG", (), (span("BP"), span("Statoil"))),
    ]
    s = score_entities(GOLD, entities, [SOURCE])
    assert s.pairwise_recall == 0.0  # the one gold pair (full name, surname) is split: surname not found
    assert s.pairwise_precision == 0.0  # the one system pair (BP, Statoil) is wrong
    assert s.mention_recall == pytest.approx(3 / 4)
    # B-cubed precision: 1 (full name) + 1/2 + 1/2 (BP, Statoil) + 1 (the missing surname, a singleton) over 4
    assert s.bcubed_precision == pytest.approx(3 / 4)


def test_score_on_gold_spans_uses_matched_mentions_only() -> None:
    clusters = [
        {"mentions": [{"doc_id": "s1", "start": 0, "end": 18, "text": "Mokhtar Belmokhtar"},
                      {"doc_id": "s1", "start": 26, "end": 36, "text": "Belmokhtar"},
                      {"doc_id": "s1", "start": 37, "end": 39, "text": "he"}]},
    ]
    entities = [Entity("e1", "Mokhtar Belmokhtar", "PERSON", (), (span("Mokhtar Belmokhtar"), span("Belmokhtar", 1)))]
    s, matched = score_on_gold_spans(clusters, entities)
    assert matched == 2
    assert (s.pairwise_precision, s.pairwise_recall) == (1.0, 1.0)
