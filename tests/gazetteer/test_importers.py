"""The importers' rules, one at a time: date precision, scripts, name order, ids, office kinds,
FollowTheMoney nesting and relationships."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from c5names.gazetteer.importers import ftm
from c5names.gazetteer.importers.common import (
    IdMaker,
    language_code,
    office_kind,
    person_slug,
    script_of,
    wikidata_date,
)
from c5names.gazetteer.importers.names import split_name


@pytest.mark.parametrize(
    ("time", "precision", "expected"),
    [
        ("+1953-05-17T00:00:00Z", 11, "1953-05-17"),
        ("+1953-05-17T00:00:00Z", 10, "1953-05"),
        ("+1953-05-17T00:00:00Z", 9, "1953"),
        ("+1972-00-00T00:00:00Z", 9, "1972"),
        ("+1972-00-00T00:00:00Z", 11, "1972"),  # a day precision with no month: what is known
        ("+1900-00-00T00:00:00Z", 7, None),  # a century is not a date
        ("-0044-03-15T00:00:00Z", 11, None),  # before year 1
    ],
)
def test_wikidata_dates_keep_their_precision(time: str, precision: int, expected: str | None) -> None:
    assert wikidata_date({"time": time, "precision": precision}) == expected


def test_julian_dates_are_left_out() -> None:
    value = {
        "time": "+1700-01-01T00:00:00Z",
        "precision": 11,
        "calendarmodel": "http://www.wikidata.org/entity/Q1985786",
    }
    assert wikidata_date(value) is None


@pytest.mark.parametrize(
    ("text", "lang", "script"),
    [
        ("Alikhan Smailov", "en", "Latn"),
        ("Алихан Смаилов", "ru", "Cyrl"),
        ("达莉佳·纳扎尔巴耶娃", "zh", "Hans"),
        ("達莉佳·納扎爾巴耶娃", "zh-tw", "Hant"),
        ("Ντόναλντ Τραμπ", "el", "Grek"),
        ("دونالد ترامب", "ar", "Arab"),
        ("ドナルド・トランプ", "ja", "Other"),
        ("Smailov Смаилов", "ru", "Other"),
    ],
)
def test_script_comes_from_the_letters(text: str, lang: str, script: str) -> None:
    assert script_of(text, lang) == script


TOKAYEV = {"given": "Касым-Жомарт", "patronymic": "Кемелевич", "surname": "Токаев"}


@pytest.mark.parametrize(
    ("text", "lang", "parts"),
    [
        ("Alikhan Smailov", "en", {"given": "Alikhan", "surname": "Smailov"}),
        ("Касым-Жомарт Кемелевич Токаев", "ru", TOKAYEV),
        ("Токаев Касым-Жомарт Кемелевич", "ru", TOKAYEV),
        ("Ursula von der Leyen", "de", {"given": "Ursula", "surname": "von der Leyen"}),
        ("Donald Trump Jr.", "en", {"given": "Donald", "surname": "Trump", "suffix": "Jr."}),
        ("Orbán Viktor", "hu", {"given": "Viktor", "surname": "Orbán"}),
        ("达莉佳·纳扎尔巴耶娃", "zh", {"given": "达莉佳", "surname": "纳扎尔巴耶娃"}),
        ("Kassym-Jomart Tokayev", "xx", None),  # a language whose order is unknown: a whole-name alias
        ("Tokayev", "en", None),
    ],
)
def test_names_split_in_their_languages_order(text: str, lang: str, parts: dict[str, str] | None) -> None:
    assert split_name(text, lang) == parts


def test_chinese_names_are_surname_first_only_for_chinese_people() -> None:
    assert split_name("习近平", "zh", chinese_person=True) == {"given": "近平", "surname": "习"}
    assert split_name("普京", "zh", chinese_person=False) is None  # Putin: a transcription, not 普 + 京


def test_ids_are_unique_and_deterministic() -> None:
    maker = IdMaker({"smailov-alikhan"})
    assert person_slug("Smaiylov", "Älihan", "x") == "smaiylov-alihan"
    assert maker.make("smailov-alikhan", "1972", "Q56825894") == "smailov-alikhan-1972"
    assert maker.make("smailov-alikhan", "1972", "Q1") == "smailov-alikhan-q1"
    assert maker.make("smailov-alikhan", None, "Q1") == "smailov-alikhan-q1-2"


@given(st.lists(st.sampled_from(["a-b", "a-b", "c-d"]), max_size=8))
def test_made_ids_never_repeat(bases: list[str]) -> None:
    maker = IdMaker(set())
    made = [maker.make(base, None, f"Q{i + 1}") for i, base in enumerate(bases)]
    assert len(set(made)) == len(made)


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("President of Kazakhstan", "head_of_state"),
        ("Vice President of the United States", "vice_president"),
        ("Deputy Prime Minister of Kazakhstan", "deputy_head_of_government"),
        ("Prime Minister of Kyrgyzstan", "head_of_government"),
        ("Minister of Foreign Affairs of Uzbekistan", "foreign_minister"),
        ("United States Secretary of State", "foreign_minister"),
        ("Chairman of the Senate of Kazakhstan", "legislature_chair"),
        ("Speaker of the United States House of Representatives", "legislature_chair"),
        ("Ambassador of Kazakhstan to the United States", "ambassador"),
        ("Minister of Finance of Kazakhstan", "minister"),
        ("Member of the Mazhilis", "legislator"),
        ("Director of the zoo", None),
    ],
)
def test_office_kinds_from_label_words(label: str, kind: str | None) -> None:
    assert office_kind(label) == kind


def test_language_codes() -> None:
    assert language_code("zh-hans") == "zh-Hans"  # BCP 47 casing
    assert language_code("simple") == "en"
    assert language_code("be_tarask") == "be-tarask"
    assert language_code("not a tag") is None


def test_nested_entities_are_flattened_with_back_references() -> None:
    target = {
        "id": "p1",
        "schema": "Person",
        "properties": {
            "name": ["A B"],
            "positionOccupancies": [
                {"id": "o1", "schema": "Occupancy", "properties": {"post": [{"id": "x1", "schema": "Position"}]}}
            ],
        },
    }
    flat = {e["id"]: e for e in ftm.flatten(target)}
    assert set(flat) == {"p1", "o1", "x1"}
    assert "positionOccupancies" not in flat["p1"]["properties"]
    assert flat["o1"]["properties"]["holder"] == ["p1"] and flat["o1"]["properties"]["post"] == ["x1"]
