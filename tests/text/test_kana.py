"""Katakana read in the ways it may stand for a foreign name (c5names.text.kana), and the checks of
data/kana.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from c5names.text.kana import MAX_READINGS, has_katakana, kana_readings, read_kana
from c5names.text.kana import readings as kana_readings_of
from c5names.text.tables import DATA
from tests.table_edits import edited, line_of, one_problem


@pytest.mark.parametrize(
    ("katakana", "reading"),
    [
        ("トカエフ", "tokaef"),  # the final fu's u is added
        ("ミルジヨエフ", "mirziyoef"),  # so is ru's before a consonant; ジ may be zi
        ("トランプ", "tramp"),  # ト's o before a consonant; ン before p is m
        ("プーチン", "putin"),  # ー lengthens; チ may be ti
        ("シャフカト", "shafkat"),  # シャ is one syllable
        ("ルビオ", "rubio"),  # u before a vowel stays
    ],
)
def test_katakana_readings_include_the_name(katakana: str, reading: str) -> None:
    assert reading in kana_readings_of(katakana)


@pytest.mark.parametrize(
    ("katakana", "readings"),
    [
        ("キャ", ("kya",)),  # a small y-letter after ki
        ("ティ", ("ti",)),  # a small vowel replaces the vowel
        ("ジョ", ("jo",)),  # after shi, chi, ji the y of a small y-letter goes
        ("ジ", ("ji", "zi")),  # ji may be zi
        ("ベッド", ("bed", "bedo")),  # the small tsu is dropped; o after d may be added
        ("ルビ", ("rbi", "rubi")),  # a u before a consonant looks added: tried without it first
    ],
)
def test_syllables_and_options(katakana: str, readings: tuple[str, ...]) -> None:
    assert kana_readings_of(katakana)[: len(readings)] == readings


def test_readings_are_bounded() -> None:
    assert len(kana_readings_of("ミルジヨエフトランププーチン")) == MAX_READINGS
    assert kana_readings_of("ー") == ()


def test_has_katakana() -> None:
    assert has_katakana("トカエフ大統領") and not has_katakana("東京・大阪")


def test_the_shipped_table_reads() -> None:
    tables = kana_readings()
    assert tables.syllables["シ"] == "shi" and tables.small["ャ"] == "ya"


@pytest.mark.parametrize(
    ("old", "new", "needle", "phrase"),
    [
        ("  ア: a\n", "  ア: A\n", "ア: A", "lowercase ASCII"),
        ("  ア: a\n", "  あ: a\n", "あ: a", "one katakana letter"),
        ("small: {ャ: ya,", "small: {ャ: yi,", "small:", "a vowel, or y and a vowel"),
    ],
)
def test_mistakes_in_the_kana_table_are_reported(tmp_path: Path, old: str, new: str, needle: str, phrase: str) -> None:
    path = edited(tmp_path, DATA / "kana.yaml", old, new)
    one_problem(lambda: read_kana(path), path, line_of(path, needle), phrase)
