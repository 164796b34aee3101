"""Rules 3 and 4: one holder per single-holder seat at a time; offices within their holder's life.

Each test writes two holders (or one person) whose dates break, or just keep, one rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from c5names.errors import Problem

from .conftest import found, gazetteer, line_of, office, only, person, write


def two_holders(tmp_path: Path, first: dict, second: dict) -> list[Problem]:
    return found(gazetteer(tmp_path, person("doe-jane", offices=[first]), person("roe-richard", offices=[second])))


def test_overlapping_heads_of_state_are_reported_at_the_later_entry(tmp_path: Path) -> None:
    path = gazetteer(
        tmp_path,
        person("doe-jane", offices=[office("President of Ruritania", "2001-01-20", "2009-01-20")]),
        person("roe-richard", offices=[office("Head of State of Ruritania", "2008-11-04")]),
    )
    problem = only(found(path))
    assert problem.field == "entities[3].offices[0]"
    assert problem.line == line_of(path, "role: Head of State of Ruritania")
    assert "doe-jane" in problem.message and "(2001-01-20 to 2009-01-20)" in problem.message
    assert f"(see {path}:{line_of(path, 'role: President of Ruritania')})" in problem.message


@pytest.mark.parametrize(
    ("end", "start", "overlap"),
    [
        ("2009-01-20", "2009-01-20", False),  # a same-day handover
        ("2009-01-20", "2009-01-19", True),  # two days together
        ("2009-01-20", "2009-01-21", False),
        ("2016", "2016-12-14", False),  # the first may have ended in January 2016
        ("2017", "2016-12-14", True),  # it surely lasted into 2017
        ("2016-12", "2016-12-14", False),
        ("2016-12-14", "2016", False),
        ("2016-12-14", "2016-06", True),  # the second had surely started by the end of June
        (None, "2016-12-14", True),  # the first is still in office
    ],
)
def test_partial_dates_overlap_only_in_every_reading(
    tmp_path: Path, end: str | None, start: str, overlap: bool
) -> None:
    problems = two_holders(
        tmp_path, office("President of Ruritania", "2000-01-01", end), office("President of Ruritania", start, "2030")
    )
    assert len(problems) == (1 if overlap else 0), problems


def test_other_countries_kinds_and_the_same_person_do_not_conflict(tmp_path: Path) -> None:
    span = ("2001", "2010")
    assert two_holders(tmp_path, office("President", *span), office("President", *span, country="elbonia")) == []
    assert (
        two_holders(
            tmp_path,
            office("Minister of Finance", *span, kind="minister"),
            office("Minister of Defence", *span, kind="minister"),
        )
        == []
    )
    assert (
        two_holders(tmp_path, office("President", *span), office("Prime Minister", *span, kind="head_of_government"))
        == []
    )
    assert (
        two_holders(tmp_path, office("President", *span, country=None), office("President", *span, country=None)) == []
    )
    twice = person("doe-jane", offices=[office("President", "2001", "2010"), office("President", "2005", "2012")])
    assert found(gazetteer(tmp_path, twice)) == []


@pytest.mark.parametrize("kind", ["minister", "official", "governor", "mayor"])
def test_one_ministry_or_seat_named_by_its_role_has_one_holder_at_a_time(tmp_path: Path, kind: str) -> None:
    """A minister's, a prosecutor's, a governor's or a mayor's role names one seat ("Minister of
    Finance of Ruritania"): two holders at once are a wrong date, as an open office whose holder has
    left is (Donald Lu's, found so)."""
    first = office("Minister of Finance of Ruritania", "2017-11-28", None, kind=kind)
    second = office("Minister of Finance of Ruritania", "2020-02-20", None, kind=kind)
    problem = only(two_holders(tmp_path, first, second))
    assert "Minister of Finance of Ruritania (2020-02-20 to now)" in problem.message
    assert two_holders(tmp_path, first | {"end": "2020-02-20"}, second) == []


@pytest.mark.parametrize(
    "role",
    [
        "Deputy Minister of Finance of Ruritania",
        "Vice Governor of the Northern Region",
        "Member of the Security Council of Ruritania",
        "Adviser to the President of Ruritania",
        "Assistant to the President of Ruritania",
    ],
)
def test_a_role_several_hold_at_once_is_not_compared(tmp_path: Path, role: str) -> None:
    """Deputies, members, advisers and aides share the name of their seat (`shared_role_words`)."""
    span = ("2001", "2010")
    assert two_holders(tmp_path, office(role, *span, kind="official"), office(role, *span, kind="official")) == []


def test_acting_holders_are_compared_with_acting_holders_only(tmp_path: Path) -> None:
    substantive = office("President of Ruritania", "1990-10-27", "2005-04-11")
    acting = office("Acting President of Ruritania", "2005-03-25", "2005-08-14", acting=True)
    assert two_holders(tmp_path, substantive, acting) == []  # the president had fled without resigning
    other_acting = office("Acting President of Ruritania", "2005-03-24", "2005-03-27", acting=True)
    problem = only(two_holders(tmp_path, other_acting, acting))
    assert "Acting President of Ruritania (2005-03-25 to 2005-08-14)" in problem.message
    assert two_holders(tmp_path, other_acting | {"end": "2005-03-25"}, acting) == []  # handed over on the day


def test_an_acting_role_must_say_acting(tmp_path: Path) -> None:
    path = gazetteer(tmp_path, person("doe-jane", offices=[office("Acting President of Ruritania", "2005")]))
    problem = only(found(path))
    assert (problem.field, problem.line) == ("entities[2].offices[0].acting", line_of(path, "Acting President"))


def test_a_chamber_is_read_from_the_role(tmp_path: Path) -> None:
    def chair(role: str) -> dict:
        return office(role, "2010", "2014", kind="legislature_chair")

    senate, house = chair("Chairman of the Senate of Ruritania"), chair("Speaker of the House of Representatives")
    assert two_holders(tmp_path, senate, house) == []
    assert len(two_holders(tmp_path, senate, chair("Chairwoman of the Senate"))) == 1
    assert len(two_holders(tmp_path, house, chair("Speaker of the House of Representatives of Ruritania"))) == 1
    assert two_holders(tmp_path, senate, chair("Chairman of the Senate of Elbonia") | {"country": "elbonia"}) == []


def test_role_seats_are_told_apart_by_their_role(tmp_path: Path) -> None:
    def press(role: str) -> dict:
        return office(role, "2019", "2022", kind="press_secretary")

    president = press("Press Secretary of the President of Ruritania")
    assert two_holders(tmp_path, president, press("Press Secretary of the Prime Minister of Ruritania")) == []
    assert len(two_holders(tmp_path, president, press("Press secretary of the President of Ruritania"))) == 1
    general = office("Secretary-General of the Organisation", "2019", "2022", kind="secretary_general", country=None)
    assert len(two_holders(tmp_path, general, general)) == 1  # no country needed: the role names the seat
    assert two_holders(tmp_path, president, president | {"country": "elbonia"}) == []


def test_holders_in_two_files_are_compared(tmp_path: Path) -> None:
    shipped = gazetteer(tmp_path, person("doe-jane", offices=[office("President of Ruritania", "2001", "2009")]))
    mine = write(tmp_path / "mine.yaml", person("roe-richard", offices=[office("President of Ruritania", "2005")]))
    problem = only(found(shipped, mine))
    assert (Path(problem.path), problem.line) == (mine, line_of(mine, "role: President of Ruritania"))


# -- rule 4 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "field", "fragment"),
    [
        ("1950", "1960", "start", "before the birth date 1957-07-24"),
        ("1970-05", "1975", "start", "before the age of 16"),
        ("1990", "2017", "end", "after the death date 2016-09-02"),
        ("2016-10", None, "start", "after the death date 2016-09-02"),
        ("1990", None, "end", "missing: the holder died on 2016-09-02"),
    ],
)
def test_offices_within_the_life_of_their_holder(
    tmp_path: Path, start: str, end: str | None, field: str, fragment: str
) -> None:
    holder = person(
        "doe-jane",
        birth_date="1957-07-24",
        death_date="2016-09-02",
        offices=[office("Minister", start, end, kind="minister")],
    )
    path = gazetteer(tmp_path, holder)
    problem = only(found(path))
    assert problem.field == f"entities[2].offices[0].{field}" and fragment in problem.message, problem
    written = {"start": start, "end": end}[field]
    assert problem.line == line_of(path, f" {field}: " if written else "role: Minister")


@pytest.mark.parametrize(("start", "end"), [("1990", "2016-09-02"), ("1973-07-24", "2016"), ("2016-09-02", "2016-09")])
def test_offices_within_life_pass(tmp_path: Path, start: str, end: str) -> None:
    holder = person(
        "doe-jane",
        birth_date="1957-07-24",
        death_date="2016-09-02",
        offices=[office("Minister", start, end, kind="minister")],
    )
    assert found(gazetteer(tmp_path, holder)) == []


def test_a_year_of_birth_is_read_in_its_widest_sense(tmp_path: Path) -> None:
    holder = person("doe-jane", birth_date="1957", offices=[office("Minister", "1973", kind="minister")])
    assert found(gazetteer(tmp_path, holder)) == []  # born early in 1957, sixteen during 1973
    holder["offices"][0]["start"] = "1972"
    assert "before the age of 16" in only(found(gazetteer(tmp_path, holder))).message


def test_death_before_birth_and_names_used_before_they_began(tmp_path: Path) -> None:
    holder = person("doe-jane", birth_date="1957", death_date="1956-12")
    holder["names"][0] |= {"since": "2010", "until": "2009"}
    path = gazetteer(tmp_path, holder)
    assert {p.field for p in found(path)} == {"entities[2].death_date", "entities[2].names[0].until"}


def test_an_office_that_ends_before_it_starts_is_reported_once(tmp_path: Path) -> None:
    path = gazetteer(tmp_path, person("doe-jane", offices=[office("Minister", "2010", "2009", kind="minister")]))
    problem = only(found(path))  # by the schema, at load; the rules skip the office
    assert "ends (2009) before it starts (2010)" in problem.message
