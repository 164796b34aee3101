"""How a text is cut into the words a name can be made of (`c5names.match.segment`)."""

from __future__ import annotations

import pytest

from c5names.match.segment import segment
from c5names.text.han import HanLexicon


def words(text: str) -> list[str]:
    return [w.text for w in segment(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le président Tokaïev a reçu Donald Trump.", ["Tokaïev", "Donald", "Trump"]),  # capitalised words only
        ("Kassym-Jomart Tokayev", ["Kassym", "Jomart", "Tokayev"]),  # hyphenated parts are words
        ("d’Emomali Rahmon", ["Emomali", "Rahmon"]),  # an elided article is left out
        ("L’Ouzbékistan", ["Ouzbékistan"]),  # also at the start of a sentence
        ("Tokayev'in ziyareti", ["Tokayev'in"]),  # an apostrophe suffix stays in the word
        ("Oʻzbekiston va Gʻafur", ["Oʻzbekiston", "Gʻafur"]),  # Uzbek letters with apostrophes
        ("ترامب و بايدن", ["ترامب", "و", "بايدن"]),  # a caseless script: every word is a candidate
        ("iPhone and eBay", []),  # a word continuing a lowercase letter is not capitalised
        ("トカエフ大統領", ["トカエフ"]),  # a katakana run in unspaced Japanese
    ],
)
def test_words_of_a_text(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_offsets_point_into_the_text() -> None:
    text = "À Tachkent, Chavkat Mirzioïev a reçu Sergio Gor."
    for word in segment(text):
        assert text[word.start : word.end] == word.text


def test_regions_limit_the_search() -> None:
    text = "Donald Trump met Joe Biden"
    assert [w.text for w in segment(text, regions=[(17, 26)])] == ["Joe", "Biden"]


def test_unspaced_chinese_is_cut_by_the_known_forms() -> None:
    """Each known form is cut into its name parts (surname, given name); unknown Han text is no word."""
    han = HanLexicon()
    han.add(["习", "近平"])  # a Chinese name: surname then given name, unspaced
    han.add(["美国"])  # an alias
    assert [w.text for w in segment("习近平会见美国总统", han=han)] == ["习", "近平", "美国"]
