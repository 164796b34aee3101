"""Greek-script names read by sound (c5names.text.greek), and the checks of data/greek.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from c5names.text.greek import greek_readings, greek_to_latin, has_greek, read_greek
from c5names.text.keys import skeleton
from c5names.text.tables import DATA
from tests.table_edits import edited, line_of, one_problem


@pytest.mark.parametrize(
    ("greek", "reading"),
    [
        ("Τοκάγιεφ", "tokayef"),  # γι before a vowel is one glide
        ("Μιρζιγιόγιεφ", "mirziyoyef"),
        ("Τζαπάροφ", "japarof"),  # τζ
        ("Ντόναλντ Τραμπ", "donald tramp"),  # ντ is d; a final μπ is mp
        ("Μπερντιμουχαμέντοφ", "berdimukhamedof"),  # an initial μπ is b; ου is u
        ("Γκουρμπανγκουλί", "gurbanguli"),
        ("Αϊτή", "aiti"),  # the diaeresis stops the digraph αι
        ("Putin Πούτιν", "putin putin"),  # other letters are kept
    ],
)
def test_greek_names_read_by_sound(greek: str, reading: str) -> None:
    assert greek_to_latin(greek) == reading


def test_greek_and_latin_spellings_share_a_key() -> None:
    assert skeleton("Τζαπάροφ") == skeleton("Japarov")
    assert skeleton("Σαντίρ") == skeleton("Sadyr")
    assert skeleton("Μιρζιγιόγιεφ") == skeleton("Mirziyoyev")


@pytest.mark.parametrize(
    ("greek", "reading"),
    [
        ("γκ", "g"),  # a sequence of the table wins over its letters
        ("γγ", "ng"),
        ("ευ", "ev"),
        ("θ", "th"),  # a letter of the table
        ("ξ", "ks"),
        ("Γιώργος", "yorgos"),  # γ before ι is the glide; ι before a vowel joins it
        ("γάλα", "gala"),  # γ before a back vowel is g
        ("Άλμπα", "alba"),  # capital with accent: lowercased, then the accent removed
        ("ΐ", "i"),  # the accent goes, the diaeresis stays
    ],
)
def test_rules_and_table(greek: str, reading: str) -> None:
    assert greek_to_latin(greek) == reading


def test_has_greek() -> None:
    assert has_greek("Ο Τραμπ") and has_greek("ἀ") and not has_greek("Trump")


def test_the_shipped_table_reads() -> None:
    tables = greek_readings()
    assert tables.sequences["τζ"] == "j" and tables.letters["χ"] == "kh" and tables.accents["ά"] == "α"


@pytest.mark.parametrize(
    ("old", "new", "needle", "phrase"),
    [
        ("  ου: u\n", "  ού: u\n", "ού: u", "without accents (they are removed first)"),
        ("  ου: u\n", "  ουι: u\n", "ουι: u", "two lowercase Greek letters"),
        ("  α: a\n", "  ά: a\n", "ά: a", "without an accent"),
        ("  α: a\n", "  Α: a\n", "Α: a", "one lowercase Greek letter"),
        ("  α: a\n", "  α: á\n", "α: á", "lowercase ASCII"),
        ("  β: v\n", "  β: v\n  β: b\n", "β: b", "duplicate key"),
    ],
)
def test_mistakes_in_the_greek_table_are_reported(tmp_path: Path, old: str, new: str, needle: str, phrase: str) -> None:
    path = edited(tmp_path, DATA / "greek.yaml", old, new)
    one_problem(lambda: read_greek(path), path, line_of(path, needle), phrase)
