"""Arabic-script names matched by consonants (c5names.text.abjad), and the checks of data/arabic.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from c5names.text.abjad import consonant_classes, consonant_key, prefix_of, read_arabic, readings
from c5names.text.keys import skeleton
from c5names.text.tables import DATA
from tests.table_edits import edited, line_of, one_problem


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("توكاييف", "Tokayev"),  # و a vowel, ف the v of -ev
        ("شوكت", "Shavkat"),  # و a consonant
        ("بوتين", "Putin"),  # no p in Arabic
        ("ميرضيائيف", "Mirziyoyev"),  # ض for z
        ("جاباروف", "Japarov"),
        ("وتوكاييف", "Tokayev"),  # the conjunction و written on the word
    ],
)
def test_arabic_words_share_a_consonant_key_with_the_latin_name(arabic: str, latin: str) -> None:
    assert consonant_key(skeleton(latin)) in readings(arabic)


def test_consonant_keys_need_three_consonants() -> None:
    assert consonant_key(skeleton("Xi")) == consonant_key(skeleton("Rubio")) == ""
    assert readings("جو") == ()


@pytest.mark.parametrize(
    ("key", "consonants"),
    [
        ("tokaev", "tkv"),
        ("shavkat", "Svkt"),  # sh is one class
        ("chernov", "Crnv"),  # and ch another
        ("putin", "btn"),  # p is b
        ("mirsoev", "mrsv"),
        ("gor", ""),  # two consonants are too few
        ("tokaev japarov", ""),  # one word only
    ],
)
def test_consonant_key_of_a_latin_key(key: str, consonants: str) -> None:
    assert consonant_key(key) == consonants


@pytest.mark.parametrize(
    ("word", "keys"),
    [
        ("بوتين", ("btn", "bvtn", "vtn")),  # و a vowel or a consonant; ب may be the prefix "with"
        ("وتوكاييف", ("vtkv", "vtvkv", "tkv", "tvkv")),  # with and without the prefix و
        ("تشرنوف", ("Crnv",)),  # ت + ش is ch; و + ف as vv is one v
    ],
)
def test_readings_of_an_arabic_word(word: str, keys: tuple[str, ...]) -> None:
    assert readings(word) == keys


def test_prefixes_need_a_long_enough_word() -> None:
    assert prefix_of("وتوكاييف") == "و" and prefix_of("وزير") == "و" and prefix_of("بدن") == ""


def test_the_shipped_table_reads() -> None:
    classes = consonant_classes()
    assert classes["ش"] == "S" and classes["پ"] == "b" and "و" not in classes


@pytest.mark.parametrize(
    ("old", "new", "needle", "phrase"),
    [
        ("  ب: b\n", "  ب: p\n", "ب: p", "one consonant class a Latin key can have"),
        ("  ب: b\n", "  ب: b\n  و: v\n", "و: v", "other than و"),
        ("  ب: b\n", "  b: b\n", "  b: b", "one Arabic-script letter"),
    ],
)
def test_mistakes_in_the_arabic_table_are_reported(
    tmp_path: Path, old: str, new: str, needle: str, phrase: str
) -> None:
    path = edited(tmp_path, DATA / "arabic.yaml", old, new)
    one_problem(lambda: read_arabic(path), path, line_of(path, needle), phrase)
