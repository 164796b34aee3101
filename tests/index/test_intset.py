"""IntSet, the index's frozen integer sets (written marks, men): the same answers as a Python set."""

from __future__ import annotations

import pickle

import numpy
from hypothesis import given
from hypothesis import strategies as st

from c5names.index.intset import IntSet

INTS = st.integers(min_value=-(1 << 62), max_value=(1 << 62))


@given(st.lists(INTS, max_size=60), st.lists(INTS, max_size=30))
def test_membership_is_a_sets(members: list[int], asked: list[int]) -> None:
    marks = IntSet(members)
    wanted = set(members)
    probes = asked + members[:10]
    assert [p in marks for p in probes] == [p in wanted for p in probes]
    batch = marks.contains(numpy.array(probes, dtype=numpy.int64)).tolist()
    assert batch == [p in wanted for p in probes]
    assert len(marks) == len(wanted)
    assert list(marks) == sorted(wanted)


@given(st.lists(INTS, max_size=20))
def test_pickles_whole(members: list[int]) -> None:
    """An empty set too: pickle skips __setstate__ for a false state."""
    again = pickle.loads(pickle.dumps(IntSet(members), protocol=pickle.HIGHEST_PROTOCOL))
    assert list(again) == sorted(set(members))


def test_only_integers_are_members() -> None:
    marks = IntSet([1, 2])
    assert "1" not in marks and None not in marks and 1.5 not in marks
    assert numpy.int64(2) in marks
