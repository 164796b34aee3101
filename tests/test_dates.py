"""`c5names.dates`: a document's date is read the same whether it takes the fast path for a plain
YYYY-MM-DD or the formats tried one by one; partial dates keep their precision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c5names.dates import by_formats, end_iso, midpoint_iso, normalise_date, start_iso


def _by_formats(value: str) -> str:
    """The specification: `dates.by_formats`, strptime's reading of the stripped text."""
    found = by_formats(value.strip())
    if found is None:
        raise ValueError(value)
    return found


def _outcome(function: Callable[[str], str | None], value: str) -> str | None:
    try:
        return function(value)
    except ValueError:
        return None


days = st.builds(
    lambda y, m, d, tail: f"{y:04d}-{m:02d}-{d:02d}{tail}",
    st.integers(0, 3000),
    st.integers(0, 13),
    st.integers(0, 32),
    st.sampled_from(["", "T10:00:00Z", " 10:00", "T", "x", "Z", "-01", " "]),
)
texts = st.text(st.sampled_from("0123456789-T :Z x"), max_size=14) | days | days.map(lambda s: f"  {s}\n")


@settings(max_examples=2000, deadline=None)
@given(texts)
def test_a_date_is_read_as_the_formats_read_it(value: str) -> None:
    assert _outcome(normalise_date, value) == _outcome(_by_formats, value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-07", "2025-11-07"),
        ("2025-11-07T10:00:00Z", "2025-11-07"),
        (" 2024-02-29 ", "2024-02-29"),
        ("2025-11", "2025-11"),
        ("2016", "2016"),
        (dt.date(2020, 1, 2), "2020-01-02"),
        (None, None),
        ("", None),
    ],
)
def test_dates_keep_their_precision(value: str | dt.date | None, expected: str | None) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize("value", ["2025-02-30", "2025-1-7", "2025-11-07x", "07/11/2025", "0000-01-01"])
def test_what_is_not_a_day_is_an_error_naming_it(value: str) -> None:
    with pytest.raises(ValueError, match="is not a date"):
        normalise_date(value)


def test_partial_dates_stand_for_their_first_last_and_middle_days() -> None:
    assert (start_iso("2016"), end_iso("2016"), midpoint_iso("2016")) == ("2016-01-01", "2016-12-31", "2016-06-30")
    assert (start_iso("2016-02"), end_iso("2016-02"), end_iso("2015-02")) == ("2016-02-01", "2016-02-29", "2015-02-28")
    assert (start_iso(None), end_iso(None), midpoint_iso("2016-05-04")) == ("0000-00-00", "9999-12-31", "2016-05-04")
