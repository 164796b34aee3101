"""Memos bounded by what they hold, not by how many entries: the per-word and per-chunk caches.

A word of a large gazetteer can stand for thousands of persons (a common surname of a million-person
gazetteer has about 15,000 holders), and what is memoised for it (entity sets, unpacked hits, a
candidate's options) grows with them. Counting entries would let a few hundred such words hold a
gigabyte; so each entry is weighed (its postings, its options) and the memo is emptied whole when
the total passes a budget. The entry-count bound of before is kept beside it. A gazetteer of
100,000 persons never reaches the budgets on the bench corpora, so its caches behave as before.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class WeightedMemo(dict[K, V]):
    """A dict that empties itself when the weight of its entries would pass `budget`, or their number
    `entries` (many light entries cost memory too)."""

    __slots__ = ("budget", "entries", "weight")

    def __init__(self, budget: int, entries: int) -> None:
        super().__init__()
        self.budget = budget
        self.entries = entries
        self.weight = 0

    def put(self, key: K, value: V, weight: int) -> V:
        """Store `value` under `key`, weighing `weight` (at least 1); first empty the memo if it would
        weigh more than its budget or hold more entries than it may."""
        weight = max(weight, 1)
        if self.weight + weight > self.budget or len(self) >= self.entries:
            self.clear()
        self[key] = value
        self.weight += weight
        return value

    def clear(self) -> None:
        super().clear()
        self.weight = 0
