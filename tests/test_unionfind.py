"""The one union-find: transitive joins, the chosen root survives, every item keeps its set."""

from __future__ import annotations

from newsfuse.unionfind import DisjointSet


def test_joins_are_transitive_and_the_first_root_survives() -> None:
    sets = DisjointSet("abcde")
    assert sets.union("a", "b") == "a"
    assert sets.union("c", "b") == "c"  # joins c's set to a's: c's root is kept
    assert sets.find("a") == sets.find("b") == sets.find("c") == "c"
    assert sets.find("d") == "d" and sets.find("e") == "e"


def test_keep_chooses_the_surviving_root() -> None:
    sets = DisjointSet([3, 1, 2])
    sets.union(3, 2, keep=min)
    sets.union(1, 3, keep=max)
    assert sets.roots() == {3: 2, 1: 2, 2: 2}
