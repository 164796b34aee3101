"""Names that are part of the name of a place (c5names.lexicon.places), and the checks of their words."""

from __future__ import annotations

from pathlib import Path

import pytest

from c5names.lexicon import names_a_place
from c5names.lexicon.places import place_words, read_places
from c5names.lexicon.reading import DATA
from tests.table_edits import edited, line_of, one_problem


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Trump Tower is tall", "Trump", True),
        ("Trump Towers", "Trump", True),
        ("Tokayev International Airport", "Tokayev", True),  # up to two modifiers
        ("Nursultan Nazarbayev International Grand Airport", "Nazarbayev", True),
        ("Tokayev Opens New Airport", "Tokayev", False),  # other words may not stand between
        ("Trump Towering", "Trump", False),  # a whole word
        ("Karimov ko‘chasida", "Karimov", True),  # other languages: the word may go on
        ("Karimov kochasi", "Karimov", True),  # the apostrophe may be left out
        ("Karimov Ko'chasi", "Karimov", False),  # but not capitalised
        ("rue Karimov", "Karimov", True),
        ("aéroport Islam-Karimov", "Karimov", True),  # past the given name
        ("l’aéroport Karimov", "Karimov", True),  # past an elided article
        ("улица имени Каримова", "Каримова", True),  # past a linking word
        ("улица Ислама Каримова", "Каримова", True),
        ("President Karimov", "Karimov", False),
        ("Karimov St. Petersburg", "Karimov", False),  # St. is Saint as often as Street: not listed
    ],
)
def test_names_a_place(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    assert names_a_place(text, start, start + len(name)) is expected


def test_the_shipped_lists_read() -> None:
    words = place_words()
    assert "Airport" in words.after and "ko'chasi" in words.after_words and "улица" in words.before


@pytest.mark.parametrize(
    ("old", "new", "needle", "phrase"),
    [
        ("after: [Street,", "after: [Street, St.,", "after: [", "a capitalised word of letters (it must end a word)"),
        ("after: [Street,", "after: [street,", "after: [", "a capitalised word of letters"),
        ("modifiers: [International,", "modifiers: [International, New York,", "modifiers: [", "capitalised word"),
        ("before: [rue,", "before: [Rue,", "before: [", "one lowercase word"),
        ("links: [de,", "links: [de, de la,", "links: [", "one lowercase word"),
        ("links: [de,", "links: [de, de,", "links: [", "duplicate word"),
        ("after_words: [ko'chasi,", "after_words: [Ko'chasi,", "after_words: [", "lowercase letters and apostrophes"),
    ],
)
def test_mistakes_in_the_place_words_are_reported(tmp_path: Path, old: str, new: str, needle: str, phrase: str) -> None:
    path = edited(tmp_path, DATA / "places.yaml", old, new)
    one_problem(lambda: read_places(path), path, line_of(path, needle), phrase)
