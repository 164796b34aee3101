"""Names in Arabic script, matched by their consonants.

Arabic script (and Persian, Urdu) writes no short vowels, and its long-vowel letters double as
consonants: توكاييف is Tokayev, شوكت is Shavkat (و a consonant), بوتين is Putin (و a vowel). No
romanisation can restore the vowels, so both sides are reduced to what they share: the consonants,
in classes Arabic cannot tell apart (p and b, f and v; s, z and the emphatics). A Latin key gives one
such consonant key (`consonant_key`); an Arabic word gives a few (`readings`), one for each way of
reading a و inside it (an initial و is always a consonant), with and without a one-letter prefix
(و and, ب with, ل for, ك as, ف so), which `resolve` then leaves out of the mention.

Consonants alone are a loose match: بدن (body) has the consonants of Biden. The index therefore
keeps these keys only for words of three consonants or more, and their hits are weak: they make a
name only together with another word of the same name, never a bare surname (see `detect`).

The consonant classes are data (`data/arabic.yaml`), checked when read.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path

from c5names.text.keys import single_letters
from c5names.text.tables import DATA, Table

ARABIC_RE = re.compile("[\u0600-\u06ff\u0750-\u077f]")
PREFIX = "~"  # marks consonant keys among the index's keys
MIN_CONSONANTS = 3
# The consonants `consonant_key` leaves of a Latin key: an Arabic letter read as anything else would
# never meet one.
_CLASSES = frozenset("bdghjklmnrstvSC")


@lru_cache(maxsize=1)
def consonant_classes() -> dict[str, str]:
    """The shipped table (`data/arabic.yaml`), read and checked once per process."""
    return read_arabic(DATA / "arabic.yaml")


def read_arabic(path: Path) -> dict[str, str]:
    """Read and check the table; a `TableError` names the file, line and entry of each mistake."""
    with Table(path) as table:
        fields = table.fields(table.root, "", required=("letters",))
        return table.readings(
            fields.get("letters"),
            "letters",
            lambda k: len(k) == 1 and ARABIC_RE.match(k) is not None and k != _WAW,
            "one Arabic-script letter other than و (which is a rule)",
            lambda v: v in _CLASSES,
            f"one consonant class a Latin key can have: {' '.join(sorted(_CLASSES))} (S is sh, C is ch)",
        )


_WAW = "و"
_PREFIXES = "وبلكف"
_LETTERS = consonant_classes()
_MAX_READINGS = 8
_LATIN_CLASSES = str.maketrans({"p": "b", "f": "v", "z": "s", "q": "k", "x": "h", "w": "v", "c": "s"})
_DOUBLE_RE = re.compile(r"(.)\1+")


def has_arabic(text: str) -> bool:
    return not text.isascii() and ARABIC_RE.search(text) is not None  # (isascii: a flag of the string)


def consonant_key(key: str) -> str:
    """The consonant key of a Latin key (`keys.skeleton` of one word), or "" when it has too few."""
    if not key.isascii() or " " in key:
        return ""
    key = key.replace("sh", "S").replace("ch", "C").translate(_LATIN_CLASSES)
    consonants = single_letters("".join(c for c in key if c not in "aeiouy"), _DOUBLE_RE)
    return consonants if len(consonants) >= MIN_CONSONANTS else ""


def prefix_of(word: str) -> str:
    """The one-letter prefix (و and, ب with, ل for, ك as, ف so) a word may carry, or ""."""
    return word[0] if len(word) > 3 and word[0] in _PREFIXES else ""


@lru_cache(maxsize=50_000)
def readings(word: str, with_prefix: bool = True) -> tuple[str, ...]:
    """The consonant keys an Arabic-script word may have (none below three consonants): of the word
    as written, then (unless `with_prefix` is False) of the word without a prefix letter."""
    word = word.replace("تش", "چ")  # Arabic writes ch as t + sh
    stems = [word] + ([word[1:]] if with_prefix and prefix_of(word) else [])
    out: list[str] = []
    for stem in stems:
        # A word never starts with a vowel letter: an initial و is always a consonant (w, v).
        head = "v" if stem[0] == _WAW else ""
        body = stem[1:] if head else stem
        waws = body.count(_WAW)
        for choice in itertools.islice(itertools.product(("", "v"), repeat=waws), _MAX_READINGS):
            letters = iter(choice)
            consonants = head + "".join(next(letters) if c == _WAW else _LETTERS.get(c, "") for c in body)
            consonants = single_letters(consonants, _DOUBLE_RE)
            if len(consonants) >= MIN_CONSONANTS and consonants not in out:
                out.append(consonants)
    return tuple(out)
