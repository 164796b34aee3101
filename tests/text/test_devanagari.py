"""Devanagari names read by sound (c5names.text.devanagari), and the checks of data/devanagari.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from c5names.text.devanagari import devanagari_readings, devanagari_to_latin, read_devanagari
from c5names.text.tables import DATA
from tests.table_edits import edited, line_of, one_problem


@pytest.mark.parametrize(
    ("devanagari", "reading"),
    [
        ("डोनाल्ड ट्रंप", "donald tramp"),  # ं before p is m; no vowel after a final consonant
        ("शवकत", "shavkat"),  # the inherent vowel between a vowel and a consonant is not spoken
        ("जिनपिंग", "jinping"),
        ("तुर्कमेनिस्तान", "turkmenistan"),  # ... nor after a cluster that follows a vowel
        ("भारत", "bharat"),  # but it is before a final consonant
        ("नरेंद्र", "narendra"),  # and at the end after a cluster with r
        ("कज़ाख़स्तान", "kazakhstan"),  # the nukta makes z and kh
    ],
)
def test_devanagari_read_by_sound(devanagari: str, reading: str) -> None:
    assert devanagari_to_latin(devanagari) == reading


@pytest.mark.parametrize(
    ("devanagari", "reading"),
    [
        ("क", "k"),  # a final consonant: no inherent vowel
        ("कम", "kam"),  # the inherent vowel between consonants
        ("कि", "ki"),  # a vowel sign
        ("इरान", "iran"),  # an independent vowel
        ("अंबानी", "ambani"),  # the nasal sign before b is m
        ("सिंह", "sinh"),  # and n elsewhere
        ("ज़", "z"),  # consonant + nukta
        ("\u095b", "z"),  # the precomposed nukta letter reads the same
        ("\u0958\u091c\u093e\u0959\u0938\u094d\u0924\u093e\u0928", "qajakhstan"),
        ("दुःख", "duhkh"),  # the visarga is h
    ],
)
def test_rules_and_table(devanagari: str, reading: str) -> None:
    assert devanagari_to_latin(devanagari) == reading


def test_precomposed_nukta_letters_are_derived_from_the_nukta_table() -> None:
    """The eight letters U+0958..U+095F; the old hand-written table had been normalised into its own
    values (Unicode decomposes them), so it replaced nothing."""
    precomposed = devanagari_readings().precomposed
    assert sorted(precomposed) == [chr(c) for c in range(0x0958, 0x0960)]
    assert all(len(value) == 2 and value[1] == "\u093c" for value in precomposed.values())


@pytest.mark.parametrize(
    ("old", "new", "needle", "phrase"),
    [
        ("nukta: {क: q,", "nukta: {ॐ: q,", "nukta:", "a consonant of `consonants`"),
        ("  घ: gh\n", "  घ: GH\n", "घ: GH", "lowercase ASCII"),
        ("  घ: gh\n", "  g: gh\n", "  g: gh", "one Devanagari letter"),
        ("signs: {ा: a,", "signs: {ा: a, क: k,", "signs:", "listed twice"),
    ],
)
def test_mistakes_in_the_devanagari_table_are_reported(
    tmp_path: Path, old: str, new: str, needle: str, phrase: str
) -> None:
    path = edited(tmp_path, DATA / "devanagari.yaml", old, new)
    line = None if phrase == "listed twice" else line_of(path, needle)
    one_problem(lambda: read_devanagari(path), path, line, phrase)
