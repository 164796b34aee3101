"""WeightedMemo, the per-word and per-chunk caches: bounded by the weight of what they hold."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from c5names.index import NameIndex
from c5names.index.memo import WeightedMemo


def test_the_memo_drops_every_other_entry_before_passing_its_budget() -> None:
    memo: WeightedMemo[str, int] = WeightedMemo(10, 100)
    memo.put("a", 1, 4)
    memo.put("b", 2, 6)
    assert dict(memo) == {"a": 1, "b": 2} and memo.weight == 10
    assert memo.put("c", 3, 1) == 3
    assert dict(memo) == {"b": 2, "c": 3} and memo.weight == 7


def test_an_entry_weighs_at_least_one_and_clearing_resets_the_weight() -> None:
    memo: WeightedMemo[int, str] = WeightedMemo(3, 100)
    for n in range(3):
        memo.put(n, str(n), 0)
    assert len(memo) == 3
    memo.put(3, "3", 0)
    assert list(memo) == [1, 3] and memo.weight == 2
    memo.clear()
    assert not memo and memo.weight == 0 and not memo.heavy


def test_the_memo_also_thins_itself_at_its_entry_limit() -> None:
    memo: WeightedMemo[int, int] = WeightedMemo(1_000, 2)
    memo.put(1, 1, 1)
    memo.put(2, 2, 1)
    memo.put(3, 3, 1)
    assert dict(memo) == {2: 2, 3: 3} and memo.weight == 2


def test_a_heavier_entry_than_the_budget_is_still_kept_alone() -> None:
    memo: WeightedMemo[str, str] = WeightedMemo(5, 100)
    memo.put("small", "s", 2)
    memo.put("huge", "h", 50)
    assert dict(memo) == {"huge": "h"} and memo.weight == 50


def test_storing_a_key_again_replaces_its_weight() -> None:
    memo: WeightedMemo[str, str] = WeightedMemo(100, 100)
    memo.put("a", "first", 30)
    memo.put("a", "second", 5)
    assert dict(memo) == {"a": "second"} and memo.weight == 5


def _hits_on_a_second_reading(memo: WeightedMemo[int, int], keys: list[int]) -> int:
    for key in keys:
        memo.put(key, key, 1)
    hits = 0
    for key in keys:
        if memo.get(key) is None:
            memo.put(key, key, 1)
        else:
            hits += 1
    return hits


def test_a_text_read_again_a_little_over_the_budget_still_finds_much_of_its_work() -> None:
    """Why the memo thins itself: a million-person index read a corpus whose chunks weighed a little
    more than the budget; a memo emptied whole kept nothing a second reading needed next."""
    keys = list(range(1_000))
    hits = _hits_on_a_second_reading(WeightedMemo(800, 10_000), keys)
    assert hits >= 300, hits

    class EmptiedWhole(WeightedMemo[int, int]):
        def thin(self) -> None:
            self.clear()

    assert _hits_on_a_second_reading(EmptiedWhole(800, 10_000), keys) < 100  # (what it replaced)


@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 12)), max_size=200),
    st.integers(1, 40),
    st.integers(1, 12),
)
def test_the_weight_is_always_that_of_the_entries_held_and_within_bounds(
    puts: list[tuple[int, int]], budget: int, entries: int
) -> None:
    memo: WeightedMemo[int, int] = WeightedMemo(budget, entries)
    weights: dict[int, int] = {}
    for key, weight in puts:
        memo.put(key, weight, weight)
        weights[key] = max(weight, 1)
        assert memo[key] == weight  # the entry just stored is there
        assert memo.weight == sum(weights[k] for k in memo)
        assert len(memo) <= max(entries, 1) and (memo.weight <= budget or len(memo) == 1)
        assert set(memo.heavy) <= set(memo)


def test_an_unpickled_index_has_empty_bounded_memos() -> None:
    index = NameIndex()
    index.chunk_cache.put(("x", None, False, False), [], 1)
    again = pickle.loads(pickle.dumps(index))
    assert isinstance(again._cache, WeightedMemo) and isinstance(again.chunk_cache, WeightedMemo)
    assert not again.chunk_cache and again.chunk_cache.weight == 0
    assert again.word_facts_cache == {} and again._consonant_groups is None
