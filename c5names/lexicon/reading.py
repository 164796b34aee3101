"""The plain-letter reading the lexicon is written in, and the reading of its word lists.

Titles, function words and generation words are compared in one reading of the text (`plain`), so a
table entry must be written in it: an entry that `plain` would read otherwise ("vice-president",
which it reads "vice president") can never match, and the loaders report it with its file and line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from unidecode import unidecode

from c5names.text import native
from c5names.text.chartable import CharTable
from c5names.text.keys import APOSTROPHES, DASHES, fold, normalised
from c5names.text.tables import Entry, Table

DATA = Path(__file__).resolve().parent / "data"
# Every run of anything but plain letters and digits (spaces too): one space in the plain reading.
_NON_WORD_RUN = re.compile(r"[^a-z0-9]+")
# Letters unidecode reads as punctuation, which would cut a word in two: Azerbaijani ə, Kazakh ә
# (both the open e of Mədəniyyət, Мәжіліс), and Arabic ayn and hamza, which are left out.
_BEFORE_UNIDECODE = str.maketrans({"ə": "e", "ә": "a", "ع": "", "ء": "", "أ": "ا", "إ": "ا", "ؤ": "و", "ئ": "ي"})
# Runs of NUL, the stand-in of the component's sparse text for every token it did not read: each run
# ends as one space in the reading (`_NON_WORD`, then the squeezing of spaces), so it is made one
# first, and a document read in windows costs its windows only (of the 7,300 characters of a bench
# Russian document that names nobody, 6,200 are placeholders, which every step below went through).
_PLACEHOLDER_RUN = re.compile("\x00+")


def _reading(character: str) -> str:
    """A character's reading: the letter before unidecode (`_BEFORE_UNIDECODE`), then unidecode's
    reading of that. Both read a text letter by letter, so a letter's reading is the same wherever it
    stands, and a whole text is read through one table (`CharTable`); unidecode itself, called once per
    stretch of non-ASCII letters, took three times as long on Cyrillic documents. A character read as
    a word of its own (unidecode ends a Chinese character's reading with a space: 统 → "Tong ") is
    also parted from the letters before it, as the kana of a Japanese name are (トカエフ大統領 is
    "tokaehu da tong ling", not "tokaehuda ...")."""
    reading = unidecode(character.translate(_BEFORE_UNIDECODE))
    return f" {reading}" if reading.endswith(" ") else reading


_READINGS = CharTable(_reading)


def _compiled_reading(character: str) -> str:
    """A character's reading in `plain`'s compiled pass (`_keys.PlainReader`), after `normalised`:
    what the steps of `fold` and `plain` make of it alone. A dash or a space parts words, as `fold`
    makes it a hyphen or a space; any other character is read by `_reading` (the apostrophes, which
    join, are the reader's own)."""
    return " " if character in DASHES or character.isspace() else _reading(character)


# `plain` in one compiled pass over the text, when the compiled word keys are here.
_COMPILED = native.keys_module.PlainReader(_compiled_reading, APOSTROPHES) if native.keys_module is not None else None


@lru_cache(maxsize=100_000)
def plain(text: str) -> str:
    """The plain-letter reading the lexicon is written in: Präsident → prasident, Cumhurbaşkanı →
    cumhurbaskani, президента → prezidenta, премьер-министр → premer ministr. Read in one compiled
    pass when it is here (a whole document, for a title anywhere in it: 1.2 ms in Python for 6,000
    Russian characters), else by `plain_steps`; a test holds the two to each other."""
    if "\x00" in text:
        text = _PLACEHOLDER_RUN.sub(" ", text)
    if _COMPILED is not None:
        read = _COMPILED.read(normalised(text))
        if read is not None:
            return str(read)
    return plain_steps(text)


def plain_steps(text: str) -> str:
    """`plain`'s definition, step by step: `fold`, hyphens as spaces, each character's reading, the
    case, the apostrophes left out, every run of anything but letters and digits one space."""
    if "\x00" in text:
        text = _PLACEHOLDER_RUN.sub(" ", text)
    text = fold(text).replace("-", " ")
    if not text.isascii():
        text = text.translate(_READINGS)
    return _NON_WORD_RUN.sub(" ", text.lower().replace("'", "")).strip()


def check_plain(table: Table, entry: Entry, one_word: bool) -> bool:
    """Is an entry written in its plain reading (and one word, when it must be)? Reported if not."""
    reading = plain(entry.text)
    if reading != entry.text:
        table.reject(entry, f"plain() reads it as {reading!r}, so as written it can never match; write that")
        return False
    if one_word and " " in reading:
        table.reject(entry, "one word only: the text is compared word by word")
        return False
    return True


def word_lists(table: Table, node: yaml.Node | None, field: str = "") -> dict[Entry, list[Entry]]:
    """Lists of words by language (`xx: [a, b]`), duplicates within a language reported."""
    out: dict[Entry, list[Entry]] = {}
    for lang, value in table.mapping(node, field).values():
        words = table.unique(table.texts(value, lang.field), "word")
        if table.language(lang):
            out[lang] = words
    return out
