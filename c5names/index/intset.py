"""A frozen set of integers as one sorted numpy array: the index's marks ("entity e writes this form
as such") and its men.

A Python set costs about 65 bytes per integer (the int object and its slots); a 100,000-person
gazetteer has half a million written marks, 32 MB, and a million persons ten times that. Sorted in
8 bytes each, they take a tenth of the room, pickle as raw bytes, and answer a batch of questions in
one binary search (`contains`), which is how `postings` and `query` ask them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy


class IntSet:
    """Sorted, distinct 64-bit integers; membership by binary search."""

    __slots__ = ("values",)

    def __init__(self, values: Iterable[int] = ()) -> None:
        self.values = numpy.unique(numpy.fromiter(values, dtype=numpy.int64))

    @classmethod
    def of_sorted(cls, values: numpy.ndarray) -> IntSet:
        """The set of int64 values already sorted and distinct (not checked, nor sorted again)."""
        made = cls.__new__(cls)
        made.values = values
        return made

    def __len__(self) -> int:
        return len(self.values)

    def __iter__(self) -> Iterator[int]:
        return iter(self.values.tolist())

    def __contains__(self, value: object) -> bool:
        return self.find(value) >= 0

    def find(self, value: object) -> int:
        """Where the value stands among the sorted values, or -1 if it is not one of them."""
        if not isinstance(value, int | numpy.integer):
            return -1
        at = int(self.values.searchsorted(value))
        return at if at < len(self.values) and int(self.values[at]) == value else -1

    def contains(self, values: numpy.ndarray) -> numpy.ndarray:
        """For each of `values` (int64), is it in the set?"""
        if not len(self.values):
            return numpy.zeros(len(values), dtype=bool)
        at = self.values.searchsorted(values)
        return self.values[numpy.minimum(at, len(self.values) - 1)] == values

    def __getstate__(self) -> tuple[numpy.ndarray]:
        return (self.values,)  # a tuple: pickle skips __setstate__ for a false state, and asks an array's truth

    def __setstate__(self, state: tuple[numpy.ndarray]) -> None:
        (self.values,) = state


def run_positions(starts: numpy.ndarray, counts: numpy.ndarray) -> numpy.ndarray:
    """Every position of every run (run j: `counts[j]` positions from `starts[j]`), in run order,
    without a Python loop over the runs."""
    return numpy.repeat(starts - numpy.cumsum(counts) + counts, counts) + numpy.arange(int(counts.sum()))
