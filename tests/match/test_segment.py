"""How a text is cut into the words a name can be made of (`c5names.match.segment`)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from c5names.match.segment import (
    ASCII_WORD_RE,
    CASED_WORD_RE,
    LOWERCASE_MIN,
    WORD_RE,
    _fastest,
    lowercase_stretches,
    segment,
)
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


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="TtÉéÜüЖжΣσǅßا美トー́'-", min_size=1, max_size=8))
@example("Müller")
@example("Мирзиёев")
@example("Éá")  # a combining accent: not a letter (`str.isalpha`), so the patterns decide
def test_one_word_is_cut_as_the_patterns_cut_it(word: str) -> None:
    """A single capitalised word of cased letters takes a shortcut (`_one_cased_word`): it must give
    what the patterns give when they read the same text as a region."""
    assert segment(word) == segment(word, regions=[(0, len(word))])


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


# -- paragraphs written in lowercase: settled by a capital inside the regions -------------------------
def _stretches_read_in_full(text: str, regions: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """The definition, reading every paragraph with `str.islower` (what `lowercase_stretches` did)."""
    paragraphs, start = [], 0
    for brk in [*re.finditer(r"\n[ \t]*\n", text), None]:
        end = brk.start() if brk else len(text)
        paragraphs.append((start, end))
        start = brk.end() if brk else end
    if text.islower():
        paragraphs = [(0, len(text))]
    elif "\n" not in text:
        paragraphs = []
    found = [(a, b) for a, b in paragraphs if b - a >= LOWERCASE_MIN and text[a:b].islower()]
    if regions is None:
        return found
    return [(max(a, s), min(b, e)) for a, b in found for s, e in regions if max(a, s) < min(b, e)]


# Pieces of text: long lowercase paragraphs come often, capitals (ǅ is titlecase), placeholders and
# caseless letters now and then.
_PIECES = ["mirziyoyev ", "жé ", "\n\n", "\n \n", "\n", "\x00" * 12, "A", "Ж", "ǅ", "ǆ", "1. ", "\u0627 "]
_CASES = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(_CASES, st.lists(st.tuples(st.integers(0, 120), st.integers(0, 120)), max_size=4) | st.none())
@example("mirziyoyev mirziyoyev \n\nA", [(0, 5)])  # the first paragraph, in a region from its start
def test_lowercase_stretches_are_those_of_reading_every_paragraph(
    text: str, bounds: list[tuple[int, int]] | None
) -> None:
    """Any text (titlecase letters, placeholders, caseless letters), any regions: the shortcut (a
    capital inside a region settles a paragraph; paragraphs outside every region are not read) finds
    exactly the stretches of reading each paragraph whole."""
    regions = None if bounds is None else sorted((min(a, b), max(a, b)) for a, b in bounds)
    assert lowercase_stretches(text, regions) == _stretches_read_in_full(text, regions)


def test_a_capital_outside_the_regions_still_counts() -> None:
    """The regions only settle a paragraph sooner: a capital before them, read in full, still makes
    the paragraph one written with capitals."""
    text = "Astana " + "\x00" * 40 + "и ещё шавкат мирзиёев тоже был там"
    regions = [(text.index("и"), len(text))]
    assert lowercase_stretches(text, regions) == []
    shifted = [(a - 6, b - 6) for a, b in regions]  # the same without the capitalised word
    assert lowercase_stretches(text[6:], shifted) == shifted


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("AaBbZzMcDnl-'’ éÉ\n"), min_size=0, max_size=14))
def test_a_word_alone_is_cut_as_in_running_text(text: str) -> None:
    """A single capitalised ASCII word (what the component asks of a new token) takes a shortcut;
    any text gives the words that reading it as one region gives."""
    assert segment(text) == segment(text, [(0, len(text))])
