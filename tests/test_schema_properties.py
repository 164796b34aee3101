"""Property tests of the schema's partial dates and of the YAML reader's error handling."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from c5names.errors import GazetteerError
from c5names.gazetteer import parse_file
from c5names.gazetteer.schema import Office, PartialDate
from c5names.gazetteer.yamlio import load_yaml

PARTIAL_DATE = TypeAdapter(PartialDate)
ISO_PARTIAL = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


def accepted(value: str) -> bool:
    try:
        PARTIAL_DATE.validate_python(value)
    except ValidationError:
        return False
    return True


def earliest(value: str) -> dt.date:
    return dt.date.fromisoformat(value + "-01-01"[len(value) - 4 :])


def latest(value: str) -> dt.date:
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    year, month = int(value[:4]), int(value[5:7]) if len(value) == 7 else 12
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def is_real_partial_date(value: str) -> bool:
    """The reference definition: YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits naming a real day."""
    if not ISO_PARTIAL.fullmatch(value):
        return False
    try:
        earliest(value)
    except ValueError:
        return False
    return True


# Real partial dates at each precision, plausible-looking strings, and arbitrary text.
partial_dates = st.builds(
    lambda day, size: day.isoformat()[:size],
    st.dates(min_value=dt.date(1000, 1, 1)),
    st.sampled_from([4, 7, 10]),
)
date_like = st.one_of(
    partial_dates,
    st.from_regex(r"\A[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,3})?)?\Z"),
    st.text(st.characters(categories=["Nd"]), min_size=4, max_size=4),  # digits of any script
    st.text(st.sampled_from("0123456789- \n\tT:Z+"), max_size=12),
    st.text(max_size=12),
)

YAML_HEAD = "version: 1\nentities:\n  - id: doe-jane\n    type: person\n    name: Jane Doe\n    offices:\n"


def office_yaml(start: str, quoted: bool = True) -> str:
    value = json.dumps(start) if quoted else start  # a JSON string is a YAML double-quoted scalar
    return YAML_HEAD + f"      - role: Mayor\n        start: {value}\n"


@given(date_like)
@example("2016")
@example("2016-12")
@example("2016-12-14")
@example("2016-02-29")
@example("2016\n")
@settings(max_examples=300, deadline=None)
def test_accepted_partial_dates_round_trip(value: str) -> None:
    """Whatever the date validator accepts comes back unchanged from a model, from JSON and from YAML.

    BUG (schema.PARTIAL_DATE_RE): '2016\\n' is accepted (`$` matches before a final newline) but a
    gazetteer file gives back '2016'. Fix: `PARTIAL_DATE_RE.fullmatch`.
    """
    if not accepted(value):
        return
    assert PARTIAL_DATE.validate_python(value) == value
    office = Office(role="Mayor", start=value, end=value)
    assert office.start == office.end == value
    assert Office.model_validate_json(office.model_dump_json()) == office
    model, _ = parse_file("dates.yaml", office_yaml(value))
    assert model.entities[0].offices[0].start == value
    if "-" in value:  # YYYY-MM and YYYY-MM-DD also round-trip unquoted (YYYY alone is a YAML integer)
        model, _ = parse_file("dates.yaml", office_yaml(value, quoted=False))
        assert model.entities[0].offices[0].start == value


@given(date_like)
@example("٢٠١٦-١٢-١٤")
@example("２０１６")
@example("2016\n")
@example("0000")
@example("2015-02-29")
@example("2016-00")
@example("2016-1-01")
@settings(max_examples=300, deadline=None)
def test_validator_accepts_exactly_the_real_calendar_dates(value: str) -> None:
    """BUG (schema.PARTIAL_DATE_RE): `\\d` matches any Unicode digit and `$` matches before a final
    newline, so '٢٠١٦-١٢-١٤' and '2016\\n' are accepted; offices are then ordered by comparing these
    strings with ASCII ones. Fix: `[0-9]` instead of `\\d`, and `fullmatch`."""
    assert accepted(value) == is_real_partial_date(value)


@given(partial_dates, partial_dates)
@example("2016-05", "2016")
@example("2016-12-14", "2016-12")
@example("2016", "2015-12-31")
@settings(max_examples=300, deadline=None)
def test_office_dates_are_ordered_by_the_days_they_may_denote(start: str, end: str) -> None:
    """An office may end on any day its end date denotes: "2016-05" to "2016" is a valid term.

    BUG (schema.Office._ordered): the dates are compared as strings, so "2016" < "2016-05" rejects it.
    Fix: compare `end` padded to its last day with `start` padded to its first day.
    """
    possible = latest(end) >= earliest(start)
    try:
        Office(role="Mayor", start=start, end=end)
    except ValidationError as err:
        assert not possible, f"{start} .. {end} was refused: {err}"
    else:
        assert possible, f"{start} .. {end} was accepted"


# ---------------------------------------------------------------------------------------------
# the YAML reader never fails with anything but GazetteerError

# Fragments that steer random text into YAML's corners (tags, anchors, timestamps, directives).
YAML_TOKENS = (
    ": ¦:¦ ¦  ¦\n¦\n  ¦- ¦-¦[¦]¦{¦}¦,¦? ¦'¦\"¦#¦|¦>¦\t¦&a ¦*a¦&b ¦*b¦<<: ¦---\n¦...\n¦%YAML 1.1\n"
    "¦%TAG ! tag:yaml.org,2002:\n¦!!int ¦!!float ¦!!bool ¦!!null ¦!!str ¦!!timestamp ¦!!binary ¦!!set ¦!!map "
    "¦!!python/object:os.system ¦!!python/object/apply:os.system ¦!python/name:x ¦!<tag:x> ¦! "
    "¦2016-13-01¦2016-02-30¦2016-12-14¦2001-12-14t21:59:43.10-05:00¦0x¦0o¦0b¦1_0¦1e999¦.inf¦.nan¦~"
    "¦yes¦no¦null¦190:20:30¦entities¦extend¦id¦version¦\ufeff¦\x85¦\u2028¦é¦Жапаров"
).split("¦")
yaml_like = st.lists(st.one_of(st.sampled_from(YAML_TOKENS), st.text(max_size=4)), max_size=40).map("".join)


@given(st.one_of(st.text(), yaml_like))
@example("a: 2016-13-01\n")
@example("a: !!int abc\n")
@example("a: !!bool maybe\n")
@example("a: !!timestamp x\n")
@example("a: 0x_\n")
@example("!!int ")
@example("[" * 1000 + "]" * 1000)
@example("&a [*a]\n")
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_text_only_ever_raises_gazetteer_error(text: str) -> None:
    """BUG (yamlio): malformed scalars (unquoted 2016-13-01, !!int abc, !!int with no value, 0x_) escape
    as ValueError/KeyError/IndexError, and recursive aliases or deep nesting as RecursionError."""
    for read in (load_yaml, parse_file):
        try:
            read("random.yaml", text)
        except GazetteerError as err:
            assert err.problems
            assert all(problem.path == "random.yaml" for problem in err.problems)


@pytest.mark.parametrize("text", ["", "# only a comment\n", "version: 1\n", "{}\n"])
def test_empty_documents_are_valid(text: str) -> None:
    model, _ = parse_file("empty.yaml", text)
    assert model.entities == [] and model.extend == []
