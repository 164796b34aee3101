"""Folding and keys: the strings under which spellings of one name collide.

Three levels, from strict to loose:
- `fold`: Unicode NFKC, casefold, one apostrophe, one hyphen, single spaces. Two forms with the same
  fold are the same spelling ("exact").
- `ascii_fold`: fold, then the letters of European and Central Asian Latin alphabets reduced to
  ASCII (ş→sh, ž→zh, ı→i, oʻ→o), Cyrillic romanised (see translit), diacritics dropped.
- `skeleton`: ascii_fold, then the spellings that different romanisation conventions give for one
  sound are merged (sh/sch/sz, zh/j/dzh/dsch/dj, y/i, ou/u, kh/h/x, w/v, z/s, ye/e, doubled letters).
  This is the unified key the index is built on.

The letter readings and the merges of the key are data (`data/latin.yaml`), checked when read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from unidecode import unidecode

from c5names.text import native
from c5names.text.devanagari import devanagari_to_latin, has_devanagari
from c5names.text.greek import greek_to_latin, has_greek
from c5names.text.han import HAN
from c5names.text.kana import KATAKANA
from c5names.text.tables import DATA, READING_RE, Table
from c5names.text.translit import has_cyrillic, neutral_spelling, romanise_neutral

APOSTROPHES = "'’ʻʼ‘`´ʹ′ʾʿ"
# Alphabets without letter case, whose names a capital letter cannot announce: Hebrew, Arabic (with
# the Persian and Urdu letters), Devanagari, Bengali, Thai, Georgian and Korean Hangul (its syllable
# blocks). Whole blocks, so that vowel signs and viramas, which are not letters for str.isalpha(),
# stay inside their word.
CASELESS = "\u05d0-\u05ea\u0600-\u06ff\u0750-\u077f\u0900-\u097f\u0980-\u09ff\u0e00-\u0e7f\u10d0-\u10ff\uac00-\ud7a3"
# Chinese characters and Japanese katakana have no case either, but their words are not separated by
# spaces: `han` and `detect.segment` cut them.
CASELESS_RE = re.compile(f"[{CASELESS}{HAN}{KATAKANA}]")


def is_caseless(char: str) -> bool:
    """Is this the letter of a script without case (so any word in it may be a name)?"""
    return bool(char) and not char.isascii() and CASELESS_RE.match(char) is not None


def letter_scripts(text: str) -> frozenset[str]:
    """The scripts of a text's letters as Unicode names them (LATIN, CYRILLIC, GREEK, CJK...; "" for a
    letter without a name): what every script test of the package starts from. Asked of new words of
    running text (`index.query`), so an ASCII text is answered without a name per letter."""
    if text.isascii():
        return _LATIN_ONLY if text.isalpha() or any(ch.isalpha() for ch in text) else _NO_SCRIPT
    return frozenset(_letter_script(ch) for ch in text if ch.isalpha())


_LATIN_ONLY = frozenset({"LATIN"})
_NO_SCRIPT: frozenset[str] = frozenset()


@cache  # (one entry per letter met: a bounded set)
def _letter_script(letter: str) -> str:
    """The first word of a letter's Unicode name: `letter_scripts` of one letter."""
    return unicodedata.name(letter, "").split(" ", 1)[0]


# Marks the keys of alias words written in a script without letter case (see `uncased`).
UNCASED_PREFIX = "^"


def uncased(word: str) -> bool:
    """Is the word written in a script that has no letter case (Chinese, Japanese, Arabic, Hebrew,
    Devanagari, Thai, Korean...)? Its key comes from a lossy reading (unidecode, a katakana reading:
    vowels, tones and l/r are lost), which a word of a cased alphabet meets by chance: "Mary" has the
    key of マリ, Mali in Japanese. An alias word so written is keyed apart (`UNCASED_PREFIX`), for the
    words of such scripts alone; a name of a cased alphabet is never meant by it."""
    letter = False
    for ch in word:  # (settled by the first letter of a cased alphabet, usually the first character)
        if ch.isalpha():
            if ch.isupper() or ch.islower():
                return False
            letter = True
    return letter


def alias_key(word: str, key: str) -> str:
    """The key an alias word is stored under: its own (`key`), kept apart for a word of a script
    without case (`uncased`)."""
    return UNCASED_PREFIX + key if uncased(word) else key


def search_keys(word: str, key: str) -> tuple[str, ...]:
    """The index keys a text word with this key may reach: every word its own, and a word of a script
    without case also the alias words of such scripts (`alias_key`)."""
    return (key, UNCASED_PREFIX + key) if uncased(word) else (key,)


DASHES = "-‐‑‒–—―−"
_APOS_RE = re.compile(f"[{re.escape(APOSTROPHES)}]")
_DASH_RE = re.compile(f"[{re.escape(DASHES)}]")
# Every run of whitespace as one space: only the runs that change are matched (two or more, or one
# that is not a space), as replacing each single space of a long text took ten times as long.
SPACE_RUN_RE = re.compile(r"\s\s+|[^\S ]")

_GLIDE_RE = re.compile(r"i(?=[eo])")
_DOUBLE_RE = re.compile(r"([a-z])\1+")
_NON_KEY_RE = re.compile(r"[^a-z0-9 ]+")
_BULGARIAN_VOWEL_RE = re.compile("ъ(?=[бвгджзклмнпрстфхцчшщ])")


def normalised(text: str) -> str:
    """`fold`'s first step: Unicode's compatibility form (NFKC: ligatures, widths, composed accents),
    casefolded. NFKC would turn the acute accent used as an apostrophe (O´zbekiston) into a space and
    an accent, so it is made an apostrophe first."""
    return unicodedata.normalize("NFKC", text.replace("´", "'")).casefold()


def fold(text: str) -> str:
    """Case-, width- and punctuation-insensitive form; keeps diacritics and script."""
    if text.isascii() and text.isalnum():  # one plain word (most a text brings): only its case goes
        return text.lower()
    text = normalised(text)
    # One word of letters (a new word of a text, its stems: Cyrillic, accented Latin) has no dash,
    # space or sign to unify, and its apostrophes are those that are letters (ʻ ʼ ʹ ʾ ʿ).
    letters = text.isalpha()
    text = _APOS_RE.sub("'", text)
    if letters:
        return text
    text = _DASH_RE.sub("-", text)
    return SPACE_RUN_RE.sub(" ", text).strip()


@dataclass(frozen=True)
class LatinReadings:
    """The tables of `data/latin.yaml`: letters read as ASCII, and the merges of the unified key."""

    letters: dict[str, str]
    digraphs: dict[str, str]
    singles: dict[str, str]


@lru_cache(maxsize=1)
def latin_readings() -> LatinReadings:
    """The shipped table, read and checked once per process."""
    return read_latin(DATA / "latin.yaml")


def read_latin(path: Path) -> LatinReadings:
    """Read and check the table; a `TableError` names the file, line and entry of each mistake."""
    with Table(path) as table:
        fields = table.fields(table.root, "", required=("letters", "digraphs", "singles"))
        letters = table.readings(
            fields.get("letters"),
            "letters",
            lambda k: len(k) == 1 and not k.isascii() and fold(k) == k,
            "one non-ASCII letter that casefolding keeps (it is applied after casefolding)",
        )
        digraphs = table.readings(
            fields.get("digraphs"), "digraphs", lambda k: len(k) > 1 and READING_RE.match(k), "two or more a-z"
        )
        singles = table.readings(
            fields.get("singles"),
            "singles",
            lambda k: len(k) == 1 and READING_RE.match(k),
            "one letter a-z",
            lambda v: len(v) == 1 and READING_RE.match(v),
            "one letter a-z (a single letter is merged into another)",
        )
        for letter in [letter for letter, merged in singles.items() if letter == merged]:
            table.report(None, f"singles.{letter}", "a letter merged into itself changes nothing")
        return LatinReadings(letters, digraphs, singles)


_LATIN = latin_readings()
_LETTER_MAP = str.maketrans(_LATIN.letters)
# Conventions' spellings of one sound, longest first; applied in one left-to-right pass.
_DIGRAPHS = _LATIN.digraphs
_DIGRAPH_RE = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
# (the table's singles are one letter a-z each way, and keys are ASCII by then: bytes translate in C
# without a dict lookup per letter, five times faster than str.translate)
_SINGLE_MAP = bytes.maketrans("".join(_LATIN.singles).encode(), "".join(_LATIN.singles.values()).encode())


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_WORD_RE = re.compile(r"[^\W_]+")


def unaccented_words(text: str) -> list[str]:
    """The words of a text as written, case and accents aside (`fold` without its diacritics: Perú is
    peru, États-Unis etats unis), where `ascii_fold` reads some letters as the sounds they stand for
    (Turkish Ç as ch, Ş as sh): by this reading Çin is cin, not the English word Chin."""
    return list(_unaccented_words(text))


@lru_cache(maxsize=200_000)
def _unaccented_words(text: str) -> tuple[str, ...]:
    """`unaccented_words`, memoised as `ascii_fold` is: the same alias forms are read again for every
    word that meets their key."""
    return tuple(_WORD_RE.findall(_strip_marks(fold(text))))


@lru_cache(maxsize=200_000)
def ascii_fold(text: str) -> str:
    """ASCII lowercase reading of any Latin or Cyrillic form (other scripts via unidecode)."""
    if text.isascii():
        if text.isalnum():  # letters and digits only: nothing below but lowercasing changes them
            return text.lower()
        # What every step below leaves of an ASCII text (compiling reads the romanisations of every
        # Cyrillic word, nearly all ASCII): apostrophes dropped, hyphens and other signs made spaces.
        text = text.lower().replace("'", "").replace("`", "").replace("-", " ")
        return SPACE_RUN_RE.sub(" ", _NON_KEY_RE.sub(" ", text)).strip()
    text = fold(text)
    if has_cyrillic(text):
        # Bulgarian ъ before a consonant is a vowel (Тръмп is Trump); Russian only writes it before
        # a vowel, as a separator.
        if "ъ" in text:
            text = _BULGARIAN_VOWEL_RE.sub("а", text)
        text = romanise_neutral(text).casefold()
        if text.isascii() and text.isalnum():  # one Cyrillic word, now a-z: nothing below changes it
            return text
    if not text.isascii():  # (a romanised Cyrillic word is ASCII by now: each step below would keep it)
        if has_greek(text):
            text = greek_to_latin(text)
        if has_devanagari(text):
            text = devanagari_to_latin(text)
        text = text.replace("ão", "an")  # Portuguese: Turquemenistão, Tajiquistão
        text = text.translate(_LETTER_MAP)  # (the table's letters are all non-ASCII)
        if not text.isascii():
            text = _strip_marks(text)
        if not text.isascii():
            text = unidecode(text).casefold()
    text = text.replace("-", " ").replace("'", "")
    return SPACE_RUN_RE.sub(" ", _NON_KEY_RE.sub(" ", text)).strip()


def skeleton_word(word: str) -> str:
    """One word of `ascii_fold`'s output (a-z and digits) as a key: the definition, which the compiled
    reading (`_keys.pyx`) follows. Paid once per word type (the key is memoised), but for every new
    word a text brings, and for every name form a compile reads."""
    word = _DIGRAPH_RE.sub(_digraph, word)
    word = word.encode("ascii").translate(_SINGLE_MAP).decode("ascii")
    word = single_letters(word)
    word = _GLIDE_RE.sub("", word)
    word = single_letters(word)
    # A final -f is the -v of -ov/-ev in Greek (Τζαπάροφ) and in older French and English spellings
    # (Rachmaninoff, Tokaïeff); no name is told apart from another by it alone.
    return word[:-1] + "v" if word.endswith("f") and len(word) > 3 else word


# The compiled reading of a word's key, given the table's rules (None: not built, or ruled out), and
# the reading `skeleton` uses, chosen once: the compiled one when it is here.
_COMPILED = native.keys_module.SkeletonWords(_DIGRAPHS, _LATIN.singles) if native.keys_module is not None else None
_skeleton_word = _COMPILED.word if _COMPILED is not None else skeleton_word


def letters_key(lowered: str) -> str:
    """`skeleton` of one lowercase word of ASCII letters (a-z only, not empty), which `ascii_fold`
    leaves as it is: the key without the two memos on the way, for a word asked once (a text's new
    words, `query.surely_unknown`), whose entries would only push useful ones out."""
    return _skeleton_word(lowered)


def letters_key_reader() -> Callable[[str], str]:
    """`letters_key` itself, without its Python frame: the compiled reading when it is here. For a
    caller that reads thousands of new words a document (`_near.UnknownProbe`, a call per word)."""
    return _skeleton_word


# One word of Cyrillic letters, lowercase (what `word_key` reads without `ascii_fold`'s steps): the
# Bulgarian ъ, which `ascii_fold` reads by its neighbours, is left out.
_PLAIN_CYRILLIC_RE = re.compile("[\u0400-\u0449\u044b-\u04ff]+")


def word_key(word: str) -> str:
    """`skeleton` of one word of letters (`str.isalpha`), without the memos on the way: for a word
    asked once (a text's new words and their stems, `query.surely_unknown`). A word of ASCII letters
    is `letters_key`'s; a lowercase-able word of Cyrillic letters in normal form is spelt by
    `romanise_neutral`'s speller directly (casefolding and NFKC leave it as it is, and it has no
    apostrophe to unify); any other word is `skeleton`'s. The same key in every case (a test holds
    them together): at about 2 µs a word for a Cyrillic word, the memos and steps cost a third of
    deciding that a new Russian word is no one's."""
    if word.isascii():
        return letters_key(word.lower()) if word.isalpha() else skeleton(word)
    folded = word.casefold()
    if folded.islower() and _PLAIN_CYRILLIC_RE.fullmatch(folded) and unicodedata.is_normalized("NFKC", word):
        spelled = neutral_spelling(folded).casefold()
        if spelled.isascii() and spelled.isalnum():
            return _skeleton_word(spelled)
    return skeleton(word)


def _digraph(match: re.Match[str]) -> str:
    return _DIGRAPHS[match.group(0)]


def single_letters(text: str, runs: re.Pattern[str] = _DOUBLE_RE) -> str:
    """Each run of one letter as a single letter (Mirziyoyyev, Tokayeff: one y, one f); `runs` is the
    pattern of a run, its first group the letter. A function replaces them rather than a "\\1"
    template, for which `re` runs Python code (`re._subx`) on every call, a match or not: that
    cost more than the rest of a key."""
    return runs.sub(_first_letter, text) if runs.search(text) else text


def _first_letter(match: re.Match[str]) -> str:
    return match.group(1)


def initial_key(key: str) -> str:
    """The initial of a skeleton key, a digraph kept whole (sh, ch, kh, zh, th): Ш. is Shavkat's
    initial and not Ziroat's, whose key begins with s; a text's S. may still be Shavkat's (an
    initial matches a name whose initial key starts with it)."""
    return key[:2] if key[1:2] == "h" else key[:1]


@lru_cache(maxsize=400_000)
def skeleton(text: str) -> str:
    """The unified key: romanisation conventions of one name collide under it."""
    folded = ascii_fold(text)
    if " " not in folded:  # one word (most keys): no generator to join
        return _skeleton_word(folded) if folded else ""
    return " ".join(_skeleton_word(w) for w in folded.split())


def clear_caches() -> None:
    """Forget memoised keys (compiling a large gazetteer would otherwise fill them to the brim)."""
    skeleton.cache_clear()
    ascii_fold.cache_clear()
