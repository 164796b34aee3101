"""The scripts a language is written in (`c5names.text.scripts`), read from CLDR through Babel."""

from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache

import pytest
from babel.core import get_global
from hypothesis import given
from hypothesis import strategies as st

from c5names.text.keys import letter_scripts
from c5names.text.scripts import (
    NEUTRAL,
    _locale_scripts,
    base_language,
    language_scripts,
    script_names,
    writing_scripts,
)


@pytest.mark.parametrize(
    ("lang", "scripts"),
    [
        ("et", {"LATIN"}),
        ("el", {"GREEK"}),
        ("ru", {"CYRILLIC"}),
        ("tg", {"CYRILLIC"}),
        ("hy", {"ARMENIAN"}),
        ("uz", {"LATIN", "CYRILLIC", "ARABIC"}),  # uz, uz_Cyrl, uz_Arab
        ("sr", {"LATIN", "CYRILLIC"}),
        ("sr-Latn", {"LATIN", "CYRILLIC"}),
        ("kk", {"CYRILLIC", "ARABIC"}),  # CLDR has no Kazakh locale in Latin letters
        ("ja", {"CJK", "HIRAGANA", "KATAKANA"}),
        ("bn", {"BENGALI"}),  # "Bangla" in CLDR's English
    ],
)
def test_a_languages_scripts(lang: str, scripts: set[str]) -> None:
    assert language_scripts(lang) == scripts


def test_a_language_cldr_does_not_know_has_no_scripts() -> None:
    assert language_scripts("xx") is None
    assert language_scripts("qaa") is None


@lru_cache(maxsize=1)
def _unicode_letter_scripts() -> frozenset[str]:
    return frozenset(
        unicodedata.name(chr(cp), "").split(" ", 1)[0] for cp in range(sys.maxunicode + 1) if chr(cp).isalpha()
    )


@pytest.mark.parametrize(
    "code", ["Latn", "Cyrl", "Grek", "Armn", "Geor", "Arab", "Hans", "Jpan", "Kore", "Beng", "Orya", "Wara"]
)
def test_a_script_is_named_as_its_letters_are(code: str) -> None:
    names = script_names(code)
    assert names and set(names) <= _unicode_letter_scripts()


# Scripts of CLDR's languages whose names are no first word of a letter's name in this Python's Unicode
# database: without letter case (Braille, Kawi, Tulu-Tigalari...), or newer than it (Garay, Sunuwar:
# Unicode 16). Readings never cross into or out of a script without case (`keys.uncased`).
UNMATCHED = {
    *("BERIA", "BRAILLE", "GARAY", "GURUNG", "JAMO", "JURCHEN", "KAWI", "KIRAT", "NAG", "ORKHON", "POLLARD"),
    *("PROTO-CUNEIFORM", "SEAL", "SIDETIC", "SIGNWRITING", "SUMERO-AKKADIAN", "SUNUWAR", "TODHRI", "TOLONG"),
    "TULU-TIGALARI",
}


def test_the_scripts_of_cldrs_languages_are_named_as_their_letters_are() -> None:
    """Every script a CLDR locale or likely subtag gives a language is named as Unicode names its
    letters, but for the few listed (none of them with letter case in this Python's database)."""
    codes = {v.split("_")[1] for v in get_global("likely_subtags").values() if v.count("_") >= 1}
    codes |= {code for found in _locale_scripts().values() for code in found}
    named = {name for code in codes if len(code) == 4 for name in script_names(code)}
    assert {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN", "ADLAM", "CHEROKEE", "OSAGE", "WARANG"} <= named
    assert named - _unicode_letter_scripts() == UNMATCHED


@given(st.text(alphabet="abcабвαβʻʼ'ˈ-", max_size=12))
def test_writing_scripts_leave_out_letters_of_no_script(text: str) -> None:
    assert writing_scripts(text) == letter_scripts(text) - NEUTRAL
    assert "MODIFIER" not in writing_scripts(text)


@given(st.text(max_size=12) | st.text(alphabet="abcXYZ019 -'.ʻаб", max_size=12))
def test_letter_scripts_are_the_first_words_of_the_letters_names(text: str) -> None:
    """`letter_scripts` answers ASCII text and remembers each letter's script: the same answer as the
    definition, a Unicode name per letter."""
    assert letter_scripts(text) == {unicodedata.name(ch, "").split(" ", 1)[0] for ch in text if ch.isalpha()}


def test_an_uzbek_latin_word_is_latin() -> None:
    assert writing_scripts("Qirgʻiziston") == {"LATIN"}
    assert letter_scripts("Qirgʻiziston") == {"LATIN", "MODIFIER"}


@pytest.mark.parametrize(
    ("tag", "base"), [("uz-Cyrl", "uz"), ("uz_Latn", "uz"), ("PT-br", "pt"), ("kk", "kk"), (None, ""), ("", "")]
)
def test_base_language_is_the_tags_language_alone(tag: str | None, base: str) -> None:
    assert base_language(tag) == base
