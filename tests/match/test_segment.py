"""How a text is cut into the words a name can be made of (`c5names.match.segment`)."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from c5names.match import segment as segment_module
from c5names.match.segment import (
    ASCII_WORD_RE,
    CAPITAL_WORD_RE,
    CASED_WORD_RE,
    LOWERCASE_MIN,
    WORD_RE,
    _fastest,
    _spaced_words,
    lowercase_stretches,
    segment,
)
from c5names.match.view import _cased_counts
from c5names.text import native
from c5names.text.han import HanLexicon
from c5names.text.keys import CASELESS_RE
from tests.conftest import skip_unless_native_required


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
# (beyond the Basic Multilingual Plane: a capital 𝐀, a lowercase letter 𐐨 outside the class of
# capitals, an emoji)
_MIXED = st.text(alphabet="abXYZ'`’-. \x00\nÉéжЖ0_qʻ\u0627\u060c美ト𝐀𐐨😀", max_size=30)


def _matches(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span("w") for m in pattern.finditer(text, start, end)]


@settings(max_examples=400, deadline=None)
@given(_MIXED, st.integers(0, 30), st.integers(0, 30))
def test_the_fast_patterns_find_what_the_full_one_finds(text: str, a: int, b: int) -> None:
    """Wherever `_fastest` picks ASCII_WORD_RE (region and the character before it ASCII) or
    CASED_WORD_RE (no letter of a caseless or unspaced script: Arabic, Han, katakana), it matches
    exactly what WORD_RE matches there; elsewhere WORD_RE itself is used. Of the regions of
    CASED_WORD_RE, those with a lowercase letter it stops at (ж) are read by CAPITAL_WORD_RE."""
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    chosen = _fastest(WORD_RE, text, start, end)
    if chosen is not CAPITAL_WORD_RE:  # (which finds the same words: the next test)
        assert _matches(chosen, text, start, end) == _matches(WORD_RE, text, start, end)
    if text[max(start - 1, 0) : end].isascii():
        assert chosen is ASCII_WORD_RE
    elif not any(c in "\u0627\u060c美ト" for c in text[max(start - 1, 0) : end]):
        # (ж is a letter CASED_WORD_RE stops at and drops, é is not)
        assert chosen is (CAPITAL_WORD_RE if "ж" in text[max(start - 1, 0) : end] else CASED_WORD_RE)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="TtÉéÜüЖжΣσǅßا美トー́'-", min_size=1, max_size=8))
@example("Müller")
@example("Мирзиёев")
@example("Éá")  # a combining accent: not a letter (`str.isalpha`), so the patterns decide
def test_one_word_is_cut_as_the_patterns_cut_it(word: str) -> None:
    """A single capitalised word of cased letters takes a shortcut (`_one_cased_word`): it must give
    what the patterns give when they read the same text as a region."""
    assert segment(word) == segment(word, regions=[(0, len(word))])


def _read_as_picked(text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The definition: each region read by the pattern `_fastest` picks for it when it looks for
    letters of caseless and unspaced scripts only (CASED_WORD_RE, never CAPITAL_WORD_RE)."""
    with mock.patch.object(segment_module, "_UNUSUAL_RE", CASELESS_RE):
        return _spaced_words(text, regions)


# Capitals and lowercase letters in and out of the blocks CASED_WORD_RE's class takes whole (ж ł ℓ 𝐚
# are lowercase letters inside it; é and 𐐨 are not), signs inside it (× ҂ and a combining mark), a
# titlecase letter, a digit that is a letter to `re` (²), hyphens and apostrophes.
_CASED_MIX = st.text(alphabet="aBéÉжЖłŁℓ𝐀𝐚𐐨😀ǅ×҂҃²1-’' .", max_size=24)


@settings(max_examples=1500, deadline=None)
@given(_CASED_MIX, st.lists(st.tuples(st.integers(0, 24), st.integers(0, 24)), max_size=3))
@example("северо-Западный", [(0, 15)])  # a lowercase word runs on into a capitalised part
@example("łódzko-Warszawski i Kraków", [(0, 26)])
@example("×Ivanov", [(0, 7)])  # a sign of the block starts CASED_WORD_RE's match
@example("из-за Нур-Султана", [(3, 17)])  # the run begins before the region
@example("d’Astana et l’Ouzbékistan", [(0, 25)])
def test_capitalised_words_are_read_as_the_cased_pattern_reads_them(text: str, spans: list[tuple[int, int]]) -> None:
    """Regions where CASED_WORD_RE would stop at lowercase words are read by CAPITAL_WORD_RE, which
    skips them, unless one of them would have run on into a capitalised part (`_shadowed`): the
    words found are the same."""
    regions = sorted({(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in spans})
    regions = [r for n, r in enumerate(regions) if n == 0 or r[0] >= regions[n - 1][1]]
    assert _spaced_words(text, regions) == _read_as_picked(text, regions)


# ASCII letters, the ASCII joiners (' ` -) and the rest of the apostrophes, elided articles, and
# characters past ASCII around them (a region beside one is read by another pattern).
_ASCII_MIX = st.lists(
    st.one_of(
        st.sampled_from([*"AbLdZq-'`’ .3éЖ\x00"]),
        st.sampled_from(["L'", "L`", "d'", "Qu'", "dell`", "O'", "A-", "-b", "-Zq", "'b", "`Ab"]),
    ),
    max_size=20,
).map("".join)


@pytest.mark.skipif(segment_module._ASCII_WORDS is None, reason="no compiled word keys here")
@settings(max_examples=1500, deadline=None)
@given(_ASCII_MIX, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=3))
@example("Kassym-Jomart Tokayev'in L'Ouzbekistan d'Emomali", [(0, 48)])
@example("iPhone -Ab- A--B X-", [(2, 19)])  # a capital after a letter; hyphens with no letter after
@example("aBc Tokayev", [(2, 11)])  # the letter before the region is read, as the lookbehind reads it
@example("L`Ouzbekistan", [(0, 13)])  # an elision by a backtick, which ASCII_WORD_RE joins on
def test_compiled_ascii_words_are_the_loops_words(text: str, spans: list[tuple[int, int]]) -> None:
    """The regions read by ASCII_WORD_RE give the same words, offsets and all, whether the compiled
    scan (`text._keys.CapitalWords`) or the pattern and `_spaced_words`' own loop reads them."""
    regions = sorted({(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in spans})
    regions = [r for n, r in enumerate(regions) if n == 0 or r[0] >= regions[n - 1][1]]
    with mock.patch.object(segment_module, "_ASCII_WORDS", None):
        expected = _spaced_words(text, regions)
    assert _spaced_words(text, regions) == expected
    assert all(text[w.start : w.end] == w.text for w in expected)


def test_the_compiled_ascii_words_are_used_where_required() -> None:
    skip_unless_native_required(native.STATUS)
    assert segment_module._ASCII_WORDS is not None


def test_the_capital_pattern_does_not_stop_at_lowercase_words() -> None:
    text = "президент встретился с Путиным и с ёлкой"
    assert [m.group() for m in CAPITAL_WORD_RE.finditer(text)] == ["Путиным"]
    assert len(list(CASED_WORD_RE.finditer(text))) == 7
    assert [w.text for w in segment(text, regions=[(0, len(text))])] == ["Путиным"]


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


@pytest.mark.parametrize(
    "line",
    [
        "ТАСС: Токаев и Мирзиёев",  # Cyrillic
        "ǅemal Ǆ ǆ",  # titlecase letters are neither
        "𝐀𝐁𝐜 𞤀𞤢",  # letters beyond the BMP (mathematical bold, Adlam)
        "A\ud800b",  # a lone surrogate (surrogateescape) is counted as neither
    ],
)
def test_cased_letters_beyond_ascii_are_counted_as_str_methods_count_them(line: str) -> None:
    assert _cased_counts(line) == (sum(map(str.isupper, line)), sum(map(str.islower, line)))


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
