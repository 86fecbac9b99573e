"""One union-find (disjoint sets) for every stage that merges things transitively.

Entities merge aliases and figures merge counted-noun classes; both need "join these two groups"
with path halving, and each says which root survives a join.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class DisjointSet(Generic[T]):
    """Disjoint sets over ``items``; ``union`` keeps the first root unless ``keep`` picks another."""

    def __init__(self, items: Iterable[T]) -> None:
        self.parent: dict[T, T] = {x: x for x in items}

    def find(self, x: T) -> T:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: T, b: T, keep: Callable[[T, T], T] | None = None) -> T:
        """Join the sets of ``a`` and ``b``; returns the surviving root (``keep(root_a, root_b)``, else root_a)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        root = keep(ra, rb) if keep else ra
        self.parent[rb if root == ra else ra] = root
        return root

    def roots(self) -> dict[T, T]:
        """Every item with its set's root."""
        return {x: self.find(x) for x in self.parent}
