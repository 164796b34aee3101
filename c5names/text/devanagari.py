"""Devanagari names (Hindi, Marathi, Nepali) read as they sound, so that they meet the Latin keys.

unidecode reads Devanagari letter by letter: डोनाल्ड ट्रंप becomes `ddonaaldd ttrnp`, with doubled
letters for retroflex consonants and long vowels, the nasal sign ं as a bare `n` and the vowel every
consonant carries unless a sign says otherwise left out. This reading gives each consonant its
inherent *a* (dropped at the end of a word, as Hindi does), reads ं as *n* (*m* before p, b, m),
and writes retroflex and dental consonants alike: `donald tramp`.
"""

from __future__ import annotations

import re

DEVANAGARI_RE = re.compile("[\u0900-\u097f]")

_CONSONANTS = {
    "क": "k",
    "ख": "kh",
    "ग": "g",
    "घ": "gh",
    "ङ": "n",
    "च": "ch",
    "छ": "chh",
    "ज": "j",
    "झ": "jh",
    "ञ": "n",
    "ट": "t",
    "ठ": "th",
    "ड": "d",
    "ढ": "dh",
    "ण": "n",
    "त": "t",
    "थ": "th",
    "द": "d",
    "ध": "dh",
    "न": "n",
    "प": "p",
    "फ": "f",
    "ब": "b",
    "भ": "bh",
    "म": "m",
    "य": "y",
    "र": "r",
    "ल": "l",
    "व": "v",
    "श": "sh",
    "ष": "sh",
    "स": "s",
    "ह": "h",
    "ळ": "l",
}
# A dot below (nukta) makes the sounds of Persian and English loans.
_NUKTA_CONSONANTS = {"क": "q", "ख": "kh", "ग": "g", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f", "य": "y"}
_PRECOMPOSED = {"क़": "क़", "ख़": "ख़", "ग़": "ग़", "ज़": "ज़", "ड़": "ड़", "ढ़": "ढ़", "फ़": "फ़", "य़": "य़"}
_VOWELS = {
    "अ": "a",
    "आ": "a",
    "इ": "i",
    "ई": "i",
    "उ": "u",
    "ऊ": "u",
    "ऋ": "ri",
    "ए": "e",
    "ऐ": "ai",
    "ओ": "o",
    "औ": "au",
    "ऑ": "o",
    "ऍ": "e",
}
_SIGNS = {
    "ा": "a",
    "ि": "i",
    "ी": "i",
    "ु": "u",
    "ू": "u",
    "ृ": "ri",
    "े": "e",
    "ै": "ai",
    "ो": "o",
    "ौ": "au",
    "ॉ": "o",
    "ॅ": "e",
}
_VIRAMA = "्"
_NUKTA = "़"
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
