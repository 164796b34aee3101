"""`candidates`: `the_one`, the search that decides a bare surname among hundreds of holders and
stops as soon as a second one qualifies, `Options`, whose derived lists are worked out once, and
`Holders`, a common surname's options as columns."""

from __future__ import annotations

from typing import Any

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c5names.match.candidates import Holders, Option, Options, derived, entities_in_order, entities_of, the_one
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


COLUMNS = st.lists(
    st.tuples(
        st.integers(0, 10**6),
        st.sampled_from([0.5, 0.72, 0.9, 0.99]),
        st.sampled_from([Method.EXACT, Method.TRANSLIT, Method.FUZZY]),
        st.sampled_from(["Berdov", "Бердов"]),
    ),
    max_size=70,  # (ranked in Python up to 32, in numpy beyond)
    unique_by=lambda option: option[0],  # (an entity is an option once)
)


@settings(max_examples=200, deadline=None)
@given(COLUMNS, st.data())
def test_holders_are_the_options_a_stable_sort_gives(columns: list[tuple[int, float, Method, str]], data: Any) -> None:
    """`Holders` (a common surname's options as columns) reads as the Options list a stable sort by
    score gives: by position, negative position, slice and iteration, and what `select` keeps."""
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
    keep = numpy.array(data.draw(st.lists(st.booleans(), min_size=len(options), max_size=len(options))), dtype=bool)
    kept = holders.select(keep)
    assert list(kept) == [o for o, k in zip(options, keep.tolist(), strict=True) if k]
    assert kept.array().tolist() == [o.entity for o in kept]
    assert entities_of(holders) == {o.entity for o in options}
    assert list(entities_in_order(holders)) == [o.entity for o in options]


def test_the_one_reads_holders_one_by_one() -> None:
    """A search among a common surname's holders makes an option only as far as it reads."""
    holders = Holders(
        [o.entity for o in OPTIONS], [o.score for o in OPTIONS], [o.method for o in OPTIONS], [o.form for o in OPTIONS]
    )
    assert the_one(holders, lambda o: o.entity == 4) == OPTIONS[4]
    assert the_one(holders, lambda o: o.entity in (1, 3)) is None
    assert holders._made is None  # (nothing made all at once)
    assert derived(holders, "n", lambda: 1) == 1 and derived(holders, "n", lambda: 2) == 1
