"""Greek-script names read as they sound, so that they meet the Latin keys.

Greek writes foreign names by sound, with digraphs for sounds it has no letter for: Ντόναλντ Τραμπ
(ντ = d, μπ = b), Τζαπάροφ (τζ = j), Τοκάγιεφ (γι before a vowel = y, final φ for the -v of -ov/-ev).
unidecode reads letter by letter (`Ntonalnt`, `Tokagief`), too far from the names for any key or
fuzzy budget; this reading follows the modern pronunciation instead. Greek merges sounds that Russian
keeps apart (ζ for both з and ж, σ for both с and ш); those differences are left to fuzzy matching.

The letters and sequences are data (`data/greek.yaml`), checked when read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from c5names.text.tables import DATA, Table

GREEK_RE = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")

_GREEK_LETTER = re.compile("[\u0370-\u03ff]")


@dataclass(frozen=True)
class GreekReadings:
    """The tables of `data/greek.yaml`."""

    accents: dict[str, str]
    sequences: dict[str, str]
    letters: dict[str, str]


@lru_cache(maxsize=1)
def greek_readings() -> GreekReadings:
    """The shipped table, read and checked once per process."""
    return read_greek(DATA / "greek.yaml")


def read_greek(path: Path) -> GreekReadings:
    """Read and check the table; a `TableError` names the file, line and entry of each mistake."""
    with Table(path) as table:
        fields = table.fields(table.root, "", required=("accents", "sequences", "letters"))
        accents = table.readings(
            fields.get("accents"),
            "accents",
            lambda k: _lower_greek(k) and len(k) == 1,
            "one lowercase Greek vowel with an accent",
            lambda v: _lower_greek(v) and len(v) == 1,
            "one lowercase Greek letter",
        )
        plain = _lower_greek  # what is left after lowercasing and removing accents
        sequences = table.readings(
            fields.get("sequences"),
            "sequences",
            lambda k: len(k) == 2 and plain(k) and not set(k) & set(accents),
            "two lowercase Greek letters without accents (they are removed first)",
        )
        letters = table.readings(
            fields.get("letters"),
            "letters",
            lambda k: len(k) == 1 and plain(k) and k not in accents,
            "one lowercase Greek letter without an accent (accents are removed first)",
        )
        return GreekReadings(accents, sequences, letters)


def _lower_greek(text: str) -> bool:
    return all(_GREEK_LETTER.match(c) for c in text) and text == text.lower()


_TABLES = greek_readings()
_PLAIN = str.maketrans(_TABLES.accents)  # accented vowels to plain ones, before anything else
_SEQUENCES = _TABLES.sequences
_LETTERS = _TABLES.letters
_FRONT = "εηιυ"  # γ before these is the glide y
_VOWELS = "αεηιουωϊϋ"


def has_greek(text: str) -> bool:
    return GREEK_RE.search(text) is not None


def greek_to_latin(text: str) -> str:
    """A lowercase Latin reading of the Greek letters in `text` (other characters kept)."""
    text = unicodedata.normalize("NFC", text).lower().translate(_PLAIN)
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        pair = text[i : i + 2]
        if char == "γ" and text[i + 1 : i + 2] and text[i + 1] in _FRONT:
            out.append("y")
            # γι, γη, γυ before another vowel are one glide: Τοκάγιεφ is Tokayef, not Tokayief.
            glide_only = text[i + 1] in "ιηυ" and text[i + 2 : i + 3] != "" and text[i + 2] in _VOWELS
            i += 2 if glide_only else 1
            continue
        if pair == "μπ" and not text[i + 2 : i + 3].isalpha():
            out.append("mp")  # word-final μπ is mp (Τραμπ is Trump); elsewhere it is b
            i += 2
            continue
        if pair in _SEQUENCES:
            out.append(_SEQUENCES[pair])
            i += 2
            continue
        out.append(_LETTERS.get(char, char))
        i += 1
    return "".join(out)
