"""`candidates`: `the_one`, the search that decides a bare surname among hundreds of holders and
stops as soon as a second one qualifies, `Options`, whose derived lists are worked out once, and
`Holders`, a common surname's options as columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c5names.match.candidates import (
    Holders,
    Option,
    Options,
    SortedRanks,
    columns,
    contenders,
    derived,
    entities_in_order,
    entities_of,
    ranks,
    the_one,
)
from c5names.model import Method

OPTIONS = [Option(n, 0.9, Method.EXACT, f"Holder {n}") for n in range(6)]


def test_the_only_option_that_passes_is_found() -> None:
    assert the_one(OPTIONS, lambda o: o.entity == 4) == OPTIONS[4]


def test_none_when_no_option_or_several_pass() -> None:
    assert the_one(OPTIONS, lambda o: o.entity > 9) is None
    assert the_one(OPTIONS, lambda o: o.entity in (1, 3)) is None
    assert the_one([], lambda o: True) is None


def test_the_search_stops_at_the_second_that_passes() -> None:
    asked: list[int] = []

    def test(option: Option) -> bool:
        asked.append(option.entity)
        return option.entity % 2 == 1

    assert the_one(OPTIONS, test) is None
    assert asked == [0, 1, 2, 3]


def test_what_is_derived_from_options_is_worked_out_once_per_key() -> None:
    options = Options(OPTIONS)
    calls: list[str] = []

    def evens() -> list[int]:
        calls.append("evens")
        return [o.entity for o in options if o.entity % 2 == 0]

    assert derived(options, "evens", evens) == [0, 2, 4]
    assert derived(options, "evens", evens) == [0, 2, 4]
    assert calls == ["evens"]
    assert derived(options, ("evens", "again"), evens) == [0, 2, 4]
    assert calls == ["evens", "evens"]
    assert list(options) == OPTIONS and options == OPTIONS  # still the list of options it was made from


def test_a_plain_list_is_not_memoised() -> None:
    calls: list[int] = []
    for _ in range(2):
        derived(list(OPTIONS), "n", lambda: calls.append(1) or len(calls))
    assert calls == [1, 1]


COLUMN = st.tuples(
    st.integers(0, 10**6),
    st.sampled_from([0.5, 0.72, 0.9, 0.99]),
    st.sampled_from([Method.EXACT, Method.TRANSLIT, Method.FUZZY]),
    st.sampled_from(["Berdov", "Бердов"]),
)
COLUMNS = st.lists(
    COLUMN,
    max_size=70,  # (ranked in Python up to 32, in numpy beyond)
    unique_by=lambda option: option[0],  # (an entity is an option once)
)


@settings(max_examples=200, deadline=None)
@given(COLUMNS, st.data())
def test_holders_are_the_options_a_stable_sort_gives(columns: list[tuple[int, float, Method, str]], data: Any) -> None:
    """`Holders` (a common surname's options as columns) reads as the Options list a stable sort by
    score gives: by position, negative position, slice and iteration, and what `select` keeps (all of
    them: the very columns)."""
    options = sorted((Option(*column) for column in columns), key=lambda o: o.score, reverse=True)
    entities, scores, methods, forms = (list(c) for c in zip(*columns, strict=True)) if columns else ([], [], [], [])
    holders = Holders.ranked(entities, scores, methods, forms)
    assert len(holders) == len(options)
    for n in range(-len(options), len(options)):
        assert holders[n] == options[n]
    with pytest.raises(IndexError):
        holders[len(options)]
    start, stop = data.draw(st.integers(-40, 40)), data.draw(st.integers(-40, 40))
    assert holders[start:stop] == options[start:stop]
    assert list(holders.one_by_one()) == options
    assert list(holders) == options and list(holders) == options  # (made once, then read)
    assert holders[1:3] == options[1:3]
    assert holders.array().tolist() == [o.entity for o in options]
    assert holders.firm().tolist() == [o.method != Method.FUZZY for o in options]
    assert holders.firm() is holders.firm()  # (made once: shared, so it cannot be written to)
    with pytest.raises(ValueError, match="read-only"):
        holders.firm()[:] = True
    assert holders.select(holders.firm()).firm().all()
    keep = numpy.array(data.draw(st.lists(st.booleans(), min_size=len(options), max_size=len(options))), dtype=bool)
    kept = holders.select(keep)
    assert list(kept) == [o for o, k in zip(options, keep.tolist(), strict=True) if k]
    assert kept.array().tolist() == [o.entity for o in kept]
    assert holders.select(numpy.ones(len(options), dtype=bool)) is holders  # (all kept: no copy)
    assert entities_of(holders) == {o.entity for o in options}
    assert entities_of(Options(options)) == {o.entity for o in options}
    # (asked once per candidate: a memoised set of a common surname's holders only weighed on the chunk memo)
    assert not holders.memo or "entities" not in holders.memo
    assert list(entities_in_order(holders)) == [o.entity for o in options]


@settings(max_examples=200, deadline=None)
@given(COLUMNS, st.lists(st.integers(-5, 10**6 + 5), max_size=8))
def test_ranks_are_each_entitys_position(columns_: list[tuple[int, float, Method, str]], others: list[int]) -> None:
    """`ranks` maps each entity to its position among the options: a dict for a few, a `SortedRanks`
    (two arrays, binary search) for a common surname's holders, which answers as the dict does, for
    entities present and absent."""
    entities, scores, methods, forms = (list(c) for c in zip(*columns_, strict=True)) if columns_ else ([], [], [], [])
    holders = Holders.ranked(entities, scores, methods, forms)
    expected = {option.entity: n for n, option in enumerate(holders)}
    found = ranks(holders)
    assert isinstance(found, SortedRanks) == (columns(holders) is not None)
    assert dict(found) == expected and len(found) == len(expected)
    assert sorted(found) == sorted(expected)
    for entity in [*expected, *others]:
        assert (entity in found) == (entity in expected)
        assert found.get(entity) == expected.get(entity)
        if entity not in expected:
            with pytest.raises(KeyError):
                found[entity]
    assert "Berdov" not in found and 1.5 not in found
    assert ranks(holders) is found  # (memoised with the options)


def test_sorted_ranks_of_an_array() -> None:
    at = SortedRanks(numpy.array([40, 7, 19, 3, 1000], dtype=numpy.int64))
    assert [at[e] for e in (40, 7, 19, 3, 1000)] == [0, 1, 2, 3, 4]
    assert numpy.int64(19) in at and 20 not in at and -1 not in at and 1001 not in at
    assert list(at) == [3, 7, 19, 40, 1000]
    empty = SortedRanks(numpy.zeros(0, dtype=numpy.int64))
    assert len(empty) == 0 and 0 not in empty


def test_the_one_reads_holders_one_by_one() -> None:
    """A search among a common surname's holders makes an option only as far as it reads."""
    holders = Holders(
        [o.entity for o in OPTIONS], [o.score for o in OPTIONS], [o.method for o in OPTIONS], [o.form for o in OPTIONS]
    )
    assert the_one(holders, lambda o: o.entity == 4) == OPTIONS[4]
    assert the_one(holders, lambda o: o.entity in (1, 3)) is None
    assert holders._made is None  # (nothing made all at once)
    assert derived(holders, "n", lambda: 1) == 1 and derived(holders, "n", lambda: 2) == 1


def _top(options: list[Option], limit: int) -> list[Option]:
    """The reference: each entity by its best option (the first met of equal ones), then the `limit`
    best by score, then by the entity's key."""
    best: dict[int, Option] = {}
    for option in options:
        if option.entity not in best or best[option.entity].score < option.score:
            best[option.entity] = option
    return sorted(best.values(), key=lambda o: (-o.score, _key(o.entity)))[:limit]


def _key(entity: int) -> str:
    return f"id-{entity * 7919 % 1000:03d}-{entity}"  # (an order unlike the entities' numbers)


MANY = st.lists(COLUMN, min_size=20, max_size=120, unique_by=lambda option: option[0])  # (columns from 32)


@settings(max_examples=300, deadline=None)
@given(MANY, COLUMNS, st.integers(0, 80), st.sampled_from(["columns", "list", "any order"]))
def test_contenders_keep_every_option_the_best_few_are_taken_from(
    columns: list[tuple[int, float, Method, str]],
    others: list[tuple[int, float, Method, str]],
    limit: int,
    kind: str,
) -> None:
    """A search that ranks entities by their best score over several spans' options, then by a key,
    finds the same `limit` best from the spans' contenders as from all their options: a common
    surname's holders (columns), options best first (a list), or in any order, naming an entity
    twice (read whole)."""
    spans: list[Sequence[Option]] = []
    for span in (columns, others):
        entities, scores, methods, forms = (list(c) for c in zip(*span, strict=True)) if span else ([], [], [], [])
        holders = Holders.ranked(entities, scores, methods, forms)
        spans.append(holders if kind == "columns" else list(holders))
    if kind == "any order":
        spans = [[*span, *span[:1]][::-1] for span in spans]  # (the best last, and an entity twice)
    everything = [option for span in spans for option in span]
    kept = [option for span in spans for option in contenders(span, limit, _key)]
    assert _top(kept, limit) == _top(everything, limit)
    for span in spans:
        cut = contenders(span, limit, _key)
        assert set(cut) <= set(span)
        if kind != "any order" and (kind == "list" or len(span) >= 32):
            assert len(cut) <= limit
        elif kind == "any order" and len(span) > max(limit, 0):
            assert list(cut) == list(span) or limit == 0


def test_tied_holders_are_cut_by_key_without_making_every_option() -> None:
    """3,000 holders of one score: the contenders are the `limit` with the first keys, and no Option is
    made for the others."""
    entities = list(range(3000, 0, -1))
    holders = Holders.ranked(entities, [0.9] * 3000, [Method.EXACT] * 3000, ["Joesoepov"] * 3000)
    cut = contenders(holders, 5, _key)
    assert [o.entity for o in cut] == sorted(entities, key=_key)[:5]
    assert holders._made is None
