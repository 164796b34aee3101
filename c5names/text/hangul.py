"""Foreign names in Korean Hangul, read in the few ways they may stand for the Latin name.

Korean news spells a foreign name by its sounds, one syllable block at a time: 토카예프 is
to-ka-ye-peu for Tokayev, 트럼프 teu-reom-peu for Trump. A letter stands for several Latin ones (ㅍ is
p, f and v; ㅓ is o, u or a), a vowel ㅡ is added after a consonant that has none, and particles are
written onto the name (토카예프는, 토카예프와의). No single romanisation recovers the name, so
`readings` gives a handful, the likeliest first (each letter's readings in `data/hangul.yaml`, in
order, the added ㅡ read as nothing first), for the word and for it without a particle; the matcher
looks each of them up, as it does katakana readings (`kana`) and the stems of an inflected word.

Korean writes its own names, and Chinese ones, surname and given name together (이재명, 윤석열):
`HangulNames` holds the gazetteer's Hangul names so written, and the segmenter cuts a word that
begins with one into its parts (이 + 재명), as Chinese text is cut by the gazetteer's Han forms
(`han`); a particle after it is left out (이재명은).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from c5names.text.keys import skeleton
from c5names.text.tables import DATA, READING_RE, Entry, Table

HANGUL = "\uac00-\ud7a3"  # the composed syllable blocks
HANGUL_RE = re.compile(f"[{HANGUL}]")
_WORD_RE = re.compile(f"[{HANGUL}]+")

# Unicode composes a syllable as 0xAC00 + (initial × 21 + vowel) × 28 + final (final 0: none), the
# letters numbered in these orders.
INITIAL_LETTERS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
VOWEL_LETTERS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINAL_LETTERS = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_FIRST = 0xAC00

MAX_READINGS = 16  # per word and per word without a particle
BEAM = 48  # partial readings kept from one syllable to the next, the likeliest
MIN_STEM = 2  # syllables of a word read, and left when a particle is taken off


@dataclass(frozen=True)
class HangulTable:
    """The tables of `data/hangul.yaml`: each letter's readings, likeliest first."""

    initials: dict[str, tuple[str, ...]]
    vowels: dict[str, tuple[str, ...]]
    finals: dict[str, tuple[str, ...]]
    palatal: dict[str, tuple[str, ...]]
    particles: tuple[str, ...]  # longest first


@lru_cache(maxsize=1)
def hangul_table() -> HangulTable:
    """The shipped table, read and checked once per process."""
    return read_hangul(DATA / "hangul.yaml")


def read_hangul(path: Path) -> HangulTable:
    """Read and check the table; a `TableError` names the file, line and entry of each mistake."""
    with Table(path) as table:
        fields = table.fields(table.root, "", required=("initials", "vowels", "finals", "palatal", "particles"))
        initials = _letters(table, fields.get("initials"), "initials", INITIAL_LETTERS, "an initial consonant")
        vowels = _letters(table, fields.get("vowels"), "vowels", VOWEL_LETTERS, "a vowel")
        finals = _letters(table, fields.get("finals"), "finals", FINAL_LETTERS, "a final consonant")
        palatal = _letters(
            table, fields.get("palatal"), "palatal", INITIAL_LETTERS, "an initial consonant", every=False, empty=False
        )
        particles = []
        for entry in table.unique(table.texts(fields.get("particles"), "particles"), "particle"):
            if _WORD_RE.fullmatch(entry.text) is None:
                table.reject(entry, "a particle is Hangul syllables only")
            else:
                particles.append(entry.text)
        return HangulTable(initials, vowels, finals, palatal, tuple(sorted(particles, key=len, reverse=True)))


def _letters(
    table: Table,
    node: yaml.Node | None,
    field: str,
    letters: str,
    what: str,
    every: bool = True,
    empty: bool = True,
) -> dict[str, tuple[str, ...]]:
    """A mapping of letters to their readings (a list, each lowercase ASCII letters, or "" for none
    where `empty`); with `every`, each of `letters` must be there."""
    out: dict[str, tuple[str, ...]] = {}
    for key, value in table.mapping(node, field).values():
        if len(key.text) != 1 or key.text not in letters:
            table.reject(key, f"not {what} letter of Hangul (one of {letters})")
            continue
        spelled: list[str] = []
        reported = len(table.problems)
        for entry in table.unique(_readings(table, value, key), "reading"):
            if not entry.text and not empty:
                table.reject(entry, "a reading is never empty here")
            elif entry.text and not READING_RE.match(entry.text):
                table.reject(entry, 'a reading is lowercase ASCII letters, or "" for none')
            else:
                spelled.append(entry.text)
        if not spelled and len(table.problems) == reported:
            table.reject(key, "a letter has at least one reading")
        out[key.text] = tuple(spelled)
    if every and node is not None:
        missing = [letter for letter in letters if letter not in out]
        if missing:
            table.report(int(node.start_mark.line) + 1, field, f"missing letters: {' '.join(missing)}")
    return out


def _readings(table: Table, node: yaml.Node, key: Entry) -> list[Entry]:
    """The readings of one letter: a list of texts, where "" (no sound) is allowed."""
    if not isinstance(node, yaml.SequenceNode):
        table.reject(key, "expected a list of readings")
        return []
    out = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode):
            table.reject(key, "a reading is a single text")
            continue
        out.append(Entry(item.value, int(item.start_mark.line) + 1, key.field))
    return out


_TABLE = hangul_table()


def has_hangul(text: str) -> bool:
    return not text.isascii() and HANGUL_RE.search(text) is not None  # (isascii: a flag of the string)


def is_one_syllable(word: str) -> bool:
    """Is the word one Hangul syllable block (왕, 이)?"""
    return len(word) == 1 and HANGUL_RE.match(word) is not None


def _options(syllable: str) -> list[tuple[int, str]]:
    """(cost, reading) of one syllable block: the sum of its letters' places in their lists."""
    number = ord(syllable) - _FIRST
    initial = INITIAL_LETTERS[number // (21 * 28)]
    vowel = VOWEL_LETTERS[number // 28 % 21]
    final = FINAL_LETTERS[number % 28 - 1] if number % 28 else ""
    heads = _TABLE.initials[initial]
    finals = _TABLE.finals[final] if final else ("",)
    out: list[tuple[int, str]] = []
    palatal = _TABLE.palatal.get(initial, ())
    silent = initial == "ㅇ"
    for v_cost, v in enumerate(_TABLE.vowels[vowel]):
        if silent and not v:
            continue  # (a syllable of a silent ㅇ and ㅡ is read: 은 is eun, en or un, never n)
        # A palatal initial before a y-vowel (샤 sha, 셴 shen) is read so first, then letter by letter.
        starts = [(c, p + v[1:]) for c, p in enumerate(palatal)] if v.startswith("y") else []
        starts += [(c + len(starts), h + v) for c, h in enumerate(heads)]
        for s_cost, start in starts:
            for f_cost, f in enumerate(finals):
                out.append((s_cost + v_cost + f_cost, start + f))
    return out


def _spelled(word: str) -> list[str]:
    """Latin readings of a word of syllable blocks, likeliest first, each key once."""
    partial: list[tuple[int, str]] = [(0, "")]
    for syllable in word:
        options = _options(syllable)
        partial = sorted(((c + oc, text + o) for c, text in partial for oc, o in options), key=lambda p: p[0])[:BEAM]
    out: list[str] = []
    seen: set[str] = set()
    for _cost, text in partial:
        key = skeleton(text)
        if text and key not in seen:
            seen.add(key)
            out.append(text)
            if len(out) >= MAX_READINGS:
                break
    return out


@lru_cache(maxsize=20_000)
def readings(word: str) -> tuple[tuple[str, int], ...]:
    """(Latin reading, characters of the word it reads) of a word of Hangul syllables: the word's
    readings, then those of the word without a particle (토카예프는: 토카예프, 4), likeliest first;
    () for a word with other letters, or of one syllable."""
    if len(word) < MIN_STEM or _WORD_RE.fullmatch(word) is None:
        return ()  # (a foreign name is never one syllable in Hangul; a syllable alone is a word: 전, 이)
    out = [(text, len(word)) for text in _spelled(word)]
    for particle in _TABLE.particles:
        stem = len(word) - len(particle)
        if stem >= MIN_STEM and word.endswith(particle):
            out += [(text, stem) for text in _spelled(word[:stem])]
    return tuple(out)


class HangulNames:
    """The gazetteer's names in Hangul as Korean writes them, surname and given name together, each
    with the lengths of its two parts (이재명: 1, 2)."""

    def __init__(self) -> None:
        self.forms: dict[str, tuple[int, int]] = {}
        self.longest = 0

    def __bool__(self) -> bool:
        return bool(self.forms)

    def add(self, surname: str, given: str) -> None:
        """A name whose surname and given name are both Hangul syllables."""
        if _WORD_RE.fullmatch(surname) is None or _WORD_RE.fullmatch(given) is None:
            return
        self.forms.setdefault(surname + given, (len(surname), len(given)))
        self.longest = max(self.longest, len(surname) + len(given))

    def parts(self, word: str) -> tuple[int, int] | None:
        """The lengths of the surname and given name a word of Hangul begins with, if the rest of it
        is nothing or a particle (이재명은: 1, 2); else None."""
        for size in range(min(self.longest, len(word)), 1, -1):
            lengths = self.forms.get(word[:size])
            if lengths is not None and (size == len(word) or word[size:] in _PARTICLES):
                return lengths
        return None


_PARTICLES = frozenset(_TABLE.particles)
