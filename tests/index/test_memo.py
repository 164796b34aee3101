"""WeightedMemo, the per-word and per-chunk caches: bounded by the weight of what they hold."""

from __future__ import annotations

import pickle

from c5names.index import NameIndex
from c5names.index.memo import WeightedMemo


def test_the_memo_empties_itself_before_passing_its_budget() -> None:
    memo: WeightedMemo[str, int] = WeightedMemo(10, 100)
    memo.put("a", 1, 4)
    memo.put("b", 2, 6)
    assert dict(memo) == {"a": 1, "b": 2} and memo.weight == 10
    assert memo.put("c", 3, 1) == 3
    assert dict(memo) == {"c": 3} and memo.weight == 1


def test_an_entry_weighs_at_least_one_and_clearing_resets_the_weight() -> None:
    memo: WeightedMemo[int, str] = WeightedMemo(3, 100)
    for n in range(3):
        memo.put(n, str(n), 0)
    assert len(memo) == 3
    memo.put(3, "3", 0)
    assert list(memo) == [3]
    memo.clear()
    assert not memo and memo.weight == 0


def test_the_memo_also_empties_itself_at_its_entry_limit() -> None:
    memo: WeightedMemo[int, int] = WeightedMemo(1_000, 2)
    memo.put(1, 1, 1)
    memo.put(2, 2, 1)
    memo.put(3, 3, 1)
    assert dict(memo) == {3: 3} and memo.weight == 1


def test_a_heavier_entry_than_the_budget_is_still_kept_alone() -> None:
    memo: WeightedMemo[str, str] = WeightedMemo(5, 100)
    memo.put("small", "s", 2)
    memo.put("huge", "h", 50)
    assert dict(memo) == {"huge": "h"}


def test_an_unpickled_index_has_empty_bounded_memos() -> None:
    index = NameIndex()
    index.chunk_cache.put(("x", None, False, False), [], 1)
    again = pickle.loads(pickle.dumps(index))
    assert isinstance(again._cache, WeightedMemo) and isinstance(again.chunk_cache, WeightedMemo)
    assert not again.chunk_cache and again.chunk_cache.weight == 0
    assert again.word_facts_cache == {} and again._consonant_groups is None
