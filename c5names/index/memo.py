"""Memos bounded by what they hold, not by how many entries: the per-word and per-chunk caches.

A word of a large gazetteer can stand for thousands of persons (a common surname of a million-person
gazetteer has about 15,000 holders), and what is memoised for it (entity sets, unpacked hits, a
candidate's options) grows with them. Counting entries would let a few hundred such words hold a
gigabyte; so each entry is weighed (its postings, its options) and the total kept under a budget,
with the entry-count bound of before beside it. A gazetteer of 100,000 persons never reaches the
budgets on the bench corpora, so its caches behave as before.

At the bound the memo is thinned, not emptied: every other entry goes, in order of insertion. A text
read again whose working set is a little over the budget (a million persons: the bench's corpus read
chunks of 1.76 million options when the budget was 1.5 million) then keeps about half its entries
between readings; emptied whole, it kept nothing it would read next, and a warm pass parsed everything
again. The budgets and what an entry weighs in memory are in `core`.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class WeightedMemo(dict[K, V]):
    """A dict that drops every other entry when the weight of its entries would pass `budget`, or
    their number `entries` (many light entries cost memory too); and empties itself if that is not
    enough room for the entry to come."""

    __slots__ = ("budget", "entries", "heavy", "weight")

    def __init__(self, budget: int, entries: int) -> None:
        super().__init__()
        self.budget = budget
        self.entries = entries
        self.weight = 0
        self.heavy: dict[K, int] = {}  # the weight of each entry heavier than 1 (most weigh 1)

    def put(self, key: K, value: V, weight: int) -> V:
        """Store `value` under `key`, weighing `weight` (at least 1); first thin the memo if it would
        weigh more than its budget or hold more entries than it may."""
        weight = max(weight, 1)
        if key in self:
            self._drop(key)
        if self.weight + weight > self.budget or len(self) >= self.entries:
            self.thin()
            if self.weight + weight > self.budget:
                self.clear()
        self[key] = value
        self.weight += weight
        if weight > 1:
            self.heavy[key] = weight
        return value

    def thin(self) -> None:
        """Drop every other entry, in order of insertion (the first, the third, ...)."""
        for key in list(self)[::2]:
            self._drop(key)

    def _drop(self, key: K) -> None:
        del self[key]
        self.weight -= self.heavy.pop(key, 1)

    def clear(self) -> None:
        super().clear()
        self.heavy.clear()
        self.weight = 0
