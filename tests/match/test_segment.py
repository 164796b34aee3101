"""How a text is cut into the words a name can be made of (`c5names.match.segment`)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c5names.match.segment import ASCII_WORD_RE, CASED_WORD_RE, WORD_RE, _fastest, segment
from c5names.match.view import _cased_counts
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


# -- the fast paths: ASCII text is scanned by a simpler pattern, cased letters counted in C ---------
_MIXED = st.text(alphabet="abXYZ'`’-. \x00\nÉéжЖ0_qʻ\u0627\u060c美ト", max_size=30)


def _matches(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span("w") for m in pattern.finditer(text, start, end)]


@settings(max_examples=400, deadline=None)
@given(_MIXED, st.integers(0, 30), st.integers(0, 30))
def test_the_fast_patterns_find_what_the_full_one_finds(text: str, a: int, b: int) -> None:
    """Wherever `_fastest` picks ASCII_WORD_RE (region and the character before it ASCII) or
    CASED_WORD_RE (no letter of a caseless or unspaced script: Arabic, Han, katakana), it matches
    exactly what WORD_RE matches there; elsewhere WORD_RE itself is used."""
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    chosen = _fastest(WORD_RE, text, start, end)
    assert _matches(chosen, text, start, end) == _matches(WORD_RE, text, start, end)
    if text[max(start - 1, 0) : end].isascii():
        assert chosen is ASCII_WORD_RE
    elif not any(c in "\u0627\u060c美ト" for c in text[max(start - 1, 0) : end]):
        assert chosen is CASED_WORD_RE


def test_a_non_ascii_letter_before_the_region_is_read_by_the_cased_pattern() -> None:
    text = "éTokayev"  # the capital continues a lowercase letter: not a word
    assert _fastest(WORD_RE, text, 1, len(text)) is CASED_WORD_RE
    assert _matches(CASED_WORD_RE, text, 1, len(text)) == _matches(WORD_RE, text, 1, len(text)) == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_cased_letters_are_counted_as_str_methods_count_them(line: str) -> None:
    assert _cased_counts(line) == (sum(map(str.isupper, line)), sum(map(str.islower, line)))
    ascii_line = line.encode("ascii", "ignore").decode()
    assert _cased_counts(ascii_line) == (sum(map(str.isupper, ascii_line)), sum(map(str.islower, ascii_line)))
