"""`candidates`: the scores of a parse and `the_one`, the search that decides a bare surname among
hundreds of holders and stops as soon as a second one qualifies."""

from __future__ import annotations

from c5names.match.candidates import Option, the_one
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
