"""Devanagari names (Hindi, Marathi, Nepali) read as they sound, so that they meet the Latin keys.

unidecode reads Devanagari letter by letter: डोनाल्ड ट्रंप becomes `ddonaaldd ttrnp`, with doubled
letters for retroflex consonants and long vowels, the nasal sign ं as a bare `n` and the vowel every
consonant carries unless a sign says otherwise left out. This reading gives each consonant its
inherent *a* (dropped at the end of a word, as Hindi does), reads ं as *n* (*m* before p, b, m),
and writes retroflex and dental consonants alike: `donald tramp`.

The letters are data (`data/devanagari.yaml`), checked when read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from c5names.text.tables import DATA, Table

DEVANAGARI_RE = re.compile("[\u0900-\u097f]")

_VIRAMA = "्"
_NUKTA = "़"


@dataclass(frozen=True)
class DevanagariReadings:
    """The tables of `data/devanagari.yaml`, and the precomposed nukta letters they imply."""

    consonants: dict[str, str]
    nukta: dict[str, str]
    vowels: dict[str, str]
    signs: dict[str, str]
    precomposed: dict[str, str]  # क़ (one code point) → क + nukta


@lru_cache(maxsize=1)
def devanagari_readings() -> DevanagariReadings:
    """The shipped table, read and checked once per process."""
    return read_devanagari(DATA / "devanagari.yaml")


def read_devanagari(path: Path) -> DevanagariReadings:
    """Read and check the table; a `TableError` names the file, line and entry of each mistake."""
    with Table(path) as table:
        fields = table.fields(table.root, "", required=("consonants", "nukta", "vowels", "signs"))
        letter = "one Devanagari letter"
        consonants = table.readings(fields.get("consonants"), "consonants", _one_letter, letter)
        nukta = table.readings(fields.get("nukta"), "nukta", lambda k: k in consonants, "a consonant of `consonants`")
        vowels = table.readings(fields.get("vowels"), "vowels", _one_letter, letter)
        signs = table.readings(fields.get("signs"), "signs", _one_letter, "one Devanagari vowel sign")
        for char in set(consonants) & (set(vowels) | set(signs)) | set(vowels) & set(signs):
            table.report(None, char, "listed twice, as a consonant, a vowel or a sign")
    # Unicode keeps the precomposed nukta letters (U+0958-U+095F) apart from consonant + nukta; NFD
    # splits them.
    precomposed = {
        char: unicodedata.normalize("NFD", char)
        for char in map(chr, range(0x0900, 0x0980))
        if unicodedata.normalize("NFD", char)[1:] == _NUKTA and unicodedata.normalize("NFD", char)[0] in nukta
    }
    return DevanagariReadings(consonants, nukta, vowels, signs, precomposed)


def _one_letter(text: str) -> bool:
    return len(text) == 1 and DEVANAGARI_RE.match(text) is not None


_TABLES = devanagari_readings()
_CONSONANTS = _TABLES.consonants
# A dot below (nukta) makes the sounds of Persian and English loans.
_NUKTA_CONSONANTS = _TABLES.nukta
_PRECOMPOSED = _TABLES.precomposed
_VOWELS = _TABLES.vowels
_SIGNS = _TABLES.signs
_NASALS = "ंँ"
_LABIALS = "पफबभम"
_SEMIVOWELS = "रयव"


def has_devanagari(text: str) -> bool:
    return DEVANAGARI_RE.search(text) is not None


class _Unit:
    """One consonant with the vowel it carries, or any other piece of text."""

    __slots__ = ("inherent", "joined", "text", "vowel")

    def __init__(self, text: str, vowel: str = "", inherent: bool = False) -> None:
        self.text = text
        self.vowel = vowel
        self.inherent = inherent
        self.joined = False  # a virama joins it to the next consonant


def devanagari_to_latin(text: str) -> str:
    """A lowercase Latin reading of the Devanagari letters in `text` (other characters kept)."""
    for composed, decomposed in _PRECOMPOSED.items():
        text = text.replace(composed, decomposed)
    units: list[_Unit] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in _CONSONANTS:
            nukta = text[i + 1 : i + 2] == _NUKTA
            unit = _Unit(_NUKTA_CONSONANTS.get(char, _CONSONANTS[char]) if nukta else _CONSONANTS[char])
            i += 2 if nukta else 1
            following = text[i : i + 1]
            if following == _VIRAMA:
                unit.joined = True
                i += 1
            elif following in _SIGNS:
                unit.vowel = _SIGNS[following]
                i += 1
            elif _continues_word(text, i) or (units and units[-1].joined and char in _SEMIVOWELS):
                # The inherent vowel: silent at the end of a word, except in a final cluster with r, y or
                # v (नरेंद्र Narendra; डोनाल्ड is Donald).
                unit.vowel, unit.inherent = "a", True
            units.append(unit)
            continue
        if char in _NASALS:
            following = text[i + 1 : i + 2]
            units.append(_Unit("m" if following and following in _LABIALS else "n"))
        elif char == "ः":
            units.append(_Unit("h"))
        elif char in _VOWELS:
            units.append(_Unit("", _VOWELS[char]))
        elif char in _SIGNS:
            units.append(_Unit("", _SIGNS[char]))
        elif char not in (_VIRAMA, _NUKTA):
            units.append(_Unit(char))
        i += 1
    _delete_schwas(units)
    return "".join(unit.text + unit.vowel for unit in units)


def _delete_schwas(units: list[_Unit]) -> None:
    """Hindi does not speak an inherent vowel between a vowel and a consonant that carries one or
    starts a cluster (शवकत is Shavkat, जिनपिंग Jinping, कज़ाख़स्तान Kazakhstan; भारत keeps it): V C a
    C V loses its a, one at a time, left to right."""
    for n in range(1, len(units) - 1):
        unit, after = units[n], units[n + 1]
        j = n - 1
        while j > 0 and units[j].joined:  # तुर्कमेनिस्तान: the vowel before the cluster र्क counts
            j -= 1
        goes_on = after.text.isalpha() and (after.vowel or after.joined)
        if unit.inherent and units[j].vowel and goes_on:
            unit.vowel, unit.inherent = "", False


def _continues_word(text: str, i: int) -> bool:
    """Does a Devanagari letter or sign follow position i (so the word goes on)?"""
    return i < len(text) and DEVANAGARI_RE.match(text[i]) is not None
