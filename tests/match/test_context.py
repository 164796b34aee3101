"""The rules that read a candidate's neighbours (`c5names.match.context`), sentence by sentence."""

from __future__ import annotations

import pytest

import c5names


def linked(
    linker: c5names.Linker, text: str, lang: str | None = None, date: str | None = "2023-05-01"
) -> list[tuple[str, str]]:
    return [(m.text, m.id) for m in linker.link(text, lang=lang, date=date)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gulnara Berdov opened a shop.", "en"),  # an unknown given name: someone else's full name
        ("Лола Бердова открыла магазин.", "ru"),  # the same in Russian (and a woman's form)
    ],
)
def test_an_unknown_given_name_before_a_surname_names_someone_else(
    linker: c5names.Linker, text: str, lang: str
) -> None:
    assert linked(linker, text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Визит Бердова прошёл. Президент доволен.", "ru", [("Бердова", "berdov-serdan")]),  # a noun not in case
        ("President Berdov arrived.", "en", [("Berdov", "berdov-serdan")]),  # a title is not a given name
        ("Бишкекте Бердов сүйлөдү, президент.", "ky", [("Бердов", "berdov-serdan")]),  # a declined place before
    ],
)
def test_words_that_cannot_be_a_given_name(
    linker: c5names.Linker, text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert linked(linker, text, lang) == expected


def test_a_misspelt_given_name_of_the_person_is_theirs(linker: c5names.Linker) -> None:
    """Şerdan Berdov: an unknown word close to the person's own given name is that name respelt."""
    assert linked(linker, "Şerdan Berdov konuştu.", "tr") == [("Şerdan Berdov", "berdov-serdan")]


def test_a_word_inside_a_capitalised_compound_is_not_a_name(linker: c5names.Linker) -> None:
    assert linked(linker, "The Berdov-Tex jacket sold out.", "en") == []


def test_a_hyphenated_pair_of_people_is_two_names(linker: c5names.Linker) -> None:
    got = linked(linker, "The Gurban Berdov-Akyl Japov talks began.", "en")
    assert ("Gurban Berdov", "berdov-gurban") in got and ("Akyl Japov", "japov-akyl") in got
