from __future__ import annotations

import pytest

from newsfuse_eval.clusterscore import bcubed, pairwise


def test_perfect_clustering_scores_one() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed(gold, gold).f1 == pytest.approx(1.0)
    assert pairwise(gold, gold).f1 == pytest.approx(1.0)


def test_bcubed_matches_hand_computation() -> None:
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    pred = {"a": "1", "b": "1", "c": "2", "d": "2"}
    got = bcubed(pred, gold)
    # precision: a 1, b 1, c 1/2, d 1/2 -> 0.75; recall: a 2/3, b 2/3, c 1/3, d 1 -> 2/3
    assert got.precision == pytest.approx(0.75)
    assert got.recall == pytest.approx(2 / 3)


def test_pairwise_counts_pairs() -> None:
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    pred = {"a": "1", "b": "1", "c": "2", "d": "2"}
    got = pairwise(pred, gold)
    assert got.precision == pytest.approx(0.5)  # pairs (a,b) right, (c,d) wrong
    assert got.recall == pytest.approx(1 / 3)  # (a,b) of (a,b),(a,c),(b,c)


def test_no_common_articles_is_an_error() -> None:
    with pytest.raises(ValueError):
        bcubed({"a": "1"}, {"b": "x"})
