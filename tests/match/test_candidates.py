"""`candidates`: `the_one`, the search that decides a bare surname among hundreds of holders and
stops as soon as a second one qualifies, and `Options`, whose derived lists are worked out once."""

from __future__ import annotations

from c5names.match.candidates import Option, Options, derived, the_one
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
