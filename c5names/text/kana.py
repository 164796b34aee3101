"""Names in Japanese katakana, read in the few ways they may stand for a foreign name.

Katakana writes a foreign name one syllable at a time, adding vowels where the name has none:
ミルジヨエフ is mi-ru-ji-yo-e-fu for Mirziyoyev, トランプ to-ra-n-pu for Trump. No single reading
recovers the name, so `readings` gives a handful: each added-looking vowel (u after a consonant, o
after t or d) kept or dropped, ジ as ji or zi, チ as chi or ti, ン before p, b, m as m. The matcher
looks each of them up, as it does the stems of an inflected word.

The syllables are data (`data/kana.yaml`), checked when read.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from c5names.text.tables import DATA, Table

KATAKANA = "\u30a1-\u30fa\u30fc"  # letters and the long-vowel mark ー (not the middle dot ・)
KATAKANA_RE = re.compile(f"[{KATAKANA}]+")
MAX_READINGS = 16

_LETTER_RE = re.compile(f"[{KATAKANA}]")


@dataclass(frozen=True)
class KanaReadings:
    """The tables of `data/kana.yaml`."""

    syllables: dict[str, str]
    small: dict[str, str]


@lru_cache(maxsize=1)
def kana_readings() -> KanaReadings:
    """The shipped table, read and checked once per process."""
    return read_kana(DATA / "kana.yaml")


def read_kana(path: Path) -> KanaReadings:
    """Read and check the table; a `TableError` names the file, line and entry of each mistake."""
    with Table(path) as table:
        fields = table.fields(table.root, "", required=("syllables", "small"))
        one = "one katakana letter"
        syllables = table.readings(fields.get("syllables"), "syllables", _one_letter, one)
        small = table.readings(
            fields.get("small"),
            "small",
            _one_letter,
            one,
            lambda v: v in _SMALL_READINGS,
            "a vowel, or y and a vowel (it replaces the vowel before it)",
        )
        return KanaReadings(syllables, small)


def _one_letter(text: str) -> bool:
    return len(text) == 1 and _LETTER_RE.match(text) is not None


_SMALL_READINGS = frozenset({"a", "i", "u", "e", "o", "ya", "yu", "yo"})
_TABLES = kana_readings()
_SYLLABLES = _TABLES.syllables
# A small vowel or y-letter after a syllable replaces its vowel: シャ sha, ティ ti, ファ fa, ヴァ va.
_SMALL = _TABLES.small
_PALATAL = ("shi", "chi", "ji")  # シャ is sha, not shiya
_LABIALS = "pbm"


def has_katakana(text: str) -> bool:
    return not text.isascii() and KATAKANA_RE.search(text) is not None  # (isascii: a flag of the string)


def _syllables(word: str) -> list[str]:
    """Hepburn syllables of a katakana word; the long-vowel mark and the small ッ are dropped (keys
    merge long vowels and double letters anyway)."""
    out: list[str] = []
    for char in word:
        if char in "ーッ":
            continue
        if char in _SMALL and out and out[-1][-1:] in "aeiou" and len(out[-1]) > 1:
            head = out[-1]
            small = _SMALL[char]
            if head in _PALATAL and small.startswith("y"):
                out[-1] = head[:-1] + small[1:]  # シャ sha, ジョ jo, チュ chu
            elif small.startswith("y"):
                out[-1] = head[:-1] + small  # キャ kya, ミョ myo
            else:
                out[-1] = head.rstrip("aeiou") + small  # ティ ti, ファ fa (fu's u gives way), ヴォ vo
            continue
        out.append(_SYLLABLES.get(char, ""))
    return [s for s in out if s]


def _options(syllable: str, following: str | None) -> list[str]:
    """The ways one syllable may stand in the foreign name."""
    options = [syllable]
    if syllable == "ji":
        options.append("zi")
    elif syllable == "chi":
        options.append("ti")
    elif syllable == "n" and following and following[0] in _LABIALS:
        options = ["m"]
    consonant_next = following is None or following[0] not in "aeiou"
    if (
        consonant_next
        and len(syllable) > 1
        and ((syllable.endswith("u") and syllable != "yu") or syllable in ("to", "do"))
    ):
        # An added vowel (ru in ミルジヨエフ, fu at the end, ト in トランプ): tried without it first,
        # since that is how a foreign name usually is.
        options = [option[:-1] for option in options] + options
    return options


@lru_cache(maxsize=20_000)
def readings(word: str) -> tuple[str, ...]:
    """Latin readings of a katakana word, those without the added vowels first, at most MAX_READINGS."""
    syllables = _syllables(word)
    if not syllables:
        return ()
    choices = [_options(s, syllables[i + 1] if i + 1 < len(syllables) else None) for i, s in enumerate(syllables)]
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*choices), 256):
        spelled = "".join(combo)
        if spelled not in out:
            out.append(spelled)
        if len(out) >= MAX_READINGS:
            break
    return tuple(out)
