"""Honorific titles that state media use as a leader's name (Hero-Arkadag for Gurbanguly
Berdimuhamedov, Пешвои миллат for Emomali Rahmon, Elbasy for Nursultan Nazarbayev), and the words of
such an alias phrase, which are no name a later word repeats: "Arkadag" alone is also a city, a
football club and a medal."""

from __future__ import annotations

import pytest

import c5names


def linked(text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.text, m.id) for m in c5names.link(text, lang=lang, date="2026-06-01")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Hero-Arkadag visited Ahal.", "en", [("Hero-Arkadag", "berdimuhamedov-gurbanguly")]),
        ("Герой-Аркадаг выступил.", "ru", [("Герой-Аркадаг", "berdimuhamedov-gurbanguly")]),
        ("Gahryman Arkadagymyz çykyş etdi.", "tk", [("Gahryman Arkadagymyz", "berdimuhamedov-gurbanguly")]),
        ("Пешвои миллат гуфт.", "tg", [("Пешвои миллат", "rahmon-emomali")]),
    ],
)
def test_an_honorific_names_the_leader(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert linked(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hero-Arkadag visited the city of Arkadag. FK Arkadag won.", "en"),
        ("Герой-Аркадаг посетил город Аркадаг.", "ru"),
    ],
)
def test_a_word_of_an_alias_phrase_is_no_repeat_of_the_person(text: str, lang: str) -> None:
    assert [span for span, _id in linked(text, lang)] == [text.split(" ")[0]]


def test_the_city_alone_names_nobody() -> None:
    assert linked("The city of Arkadag opened in 2023.", "en") == []
