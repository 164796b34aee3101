"""A text seen word by word, with each word's index hits and the gaps between words.

Detection asks the same questions of a word many times (which entities may it belong to, is it an
initial, can a name continue across the gap before it); `TextView` answers them once per word.
"""

from __future__ import annotations

import sys

import numpy

from c5names.index import NameIndex
from c5names.index.postings import Hit, WordHits
from c5names.match.segment import segment
from c5names.model import Role
from c5names.text.han import NAME_DOTS

# Two-letter initials are romanised single Cyrillic letters (Sh. for Ш., Kh. for Х.).
INITIAL_DIGRAPHS = frozenset({"sh", "ch", "zh", "kh", "ts", "ya", "yu", "yo", "ye", "gh", "dj", "sz", "cz"})


CAPS_WINDOW = 120


def caps_of(text: str, position: int, memo: dict[int, bool]) -> bool:
    """Is the line around `position` written in capitals (a headline)? Memoised per line; only the
    neighbourhood of the word is read, since a headline is short and a paragraph can be long."""
    line_start = max(text.rfind("\n", 0, position) + 1, position - CAPS_WINDOW)
    found = memo.get(line_start)
    if found is None:
        line_end = text.find("\n", position, position + CAPS_WINDOW)
        line = text[line_start : line_end if line_end >= 0 else position + CAPS_WINDOW]
        upper, lower = _cased_counts(line)
        found = memo[line_start] = upper + lower > 0 and upper / (upper + lower) > 0.8
    return found


_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def _cased_counts(line: str) -> tuple[int, int]:
    """How many upper- and lowercase letters (`str.isupper`, `str.islower`) a line has: counted in C for
    ASCII text, where only A-Z and a-z are cased, and by numpy over the other lines' code points
    (`_case_codes`; a Cyrillic line of 240 characters took 15 µs one character at a time, 4 so)."""
    if line.isascii():
        data = line.encode("ascii")
        return len(data) - len(data.translate(None, _ASCII_UPPER)), len(data) - len(data.translate(None, _ASCII_LOWER))
    counts = numpy.bincount(_case_codes(line), minlength=4)
    return int(counts[_UPPER]), int(counts[_LOWER])


_UNSEEN, _UPPER, _LOWER, _UNCASED = range(4)
_CASES = numpy.zeros(0, dtype=numpy.uint8)  # per code point, one of the four above (`_case_codes`)


def _case_codes(line: str) -> numpy.ndarray:
    """Per character of the line, _UPPER, _LOWER or _UNCASED, from a table by code point that learns
    each character on first sight (a text uses a few dozen; the table, 1.1 MB, is made on the first
    line beyond ASCII)."""
    global _CASES
    if not len(_CASES):
        _CASES = numpy.zeros(sys.maxunicode + 1, dtype=numpy.uint8)
    codes = numpy.frombuffer(line.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    cases = _CASES[codes]
    if not cases.all():
        for code in numpy.unique(codes[cases == _UNSEEN]).tolist():
            char = chr(code)
            _CASES[code] = _UPPER if char.isupper() else _LOWER if char.islower() else _UNCASED
        cases = _CASES[codes]
    return cases


ZWNJ = "\u200c"  # zero-width non-joiner


class TextView:
    """A text (a chunk, or a short form for `lookup`) with its words and their memoised index hits."""

    def __init__(
        self,
        index: NameIndex,
        text: str,
        lang: str | None,
        caps_line: bool | None = None,
        limit: int | None = None,
        lowercase: bool | None = None,
    ) -> None:
        self.index = index
        self.text = text
        self.lang = lang
        # a chunk's trailing context holds no words of its own
        self.words = segment(text, han=index.han, lowercase=lowercase, hangul=index.hangul)[:limit]
        self._hits: dict[int, WordHits] = {}
        self._caps = caps_line
        self._caps_memo: dict[int, bool] = {}

    def hits(self, k: int) -> WordHits:
        found = self._hits.get(k)
        if found is None:
            word = self.words[k].text
            found = self.index.word_hits(word, self.lang)
            if found and len(word) <= 3 and word.isupper() and not self._caps_line(k):
                # XI or LU in running text is a numeral or an acronym, not Xi or Lu; keep what the
                # gazetteer itself writes in capitals (USA, JD).
                kept = tuple(h for h in found if h.posting.role == Role.ALIAS or h.form.rstrip(".") == word)
                found = WordHits.of_hits(kept)
            self._hits[k] = found
        return found

    def entity_hits(self, k: int, entity: int) -> tuple[Hit, ...]:
        """Hits of word k for one entity (common names have thousands of postings: only this entity's
        are unpacked)."""
        return self.hits(k).of(entity)

    def entities_at(self, k: int) -> frozenset[int]:
        if k >= len(self.words):
            return frozenset()
        return self.hits(k).entities()

    def _caps_line(self, k: int) -> bool:
        if self._caps is None:
            return caps_of(self.text, self.words[k].start, self._caps_memo)
        return self._caps

    def gap(self, k: int) -> str:
        """Text between word k-1 and word k."""
        return self.text[self.words[k - 1].end : self.words[k].start]

    def plain_gap(self, k: int) -> bool:
        gap = self.gap(k).replace(ZWNJ, "")  # Persian joins a compound name's parts with it (امام‌علی)
        if (not gap or gap.isspace()) and gap.count("\n") <= 1:
            return True
        dot = gap.strip()
        return len(dot) == 1 and dot in NAME_DOTS  # 唐纳德·特朗普

    def hyphen_gap(self, k: int) -> bool:
        """Word k continues word k-1 across a hyphen (Kassym-Jomart, États-Unis)."""
        return 0 < k < len(self.words) and self.gap(k) == "-"

    def inner_gap(self, k: int) -> bool:
        return self.plain_gap(k) or self.hyphen_gap(k)

    def is_initial(self, k: int) -> bool:
        """J. or Sh. (a romanised digraph), but not Jr., Mr. or Dr."""
        word = self.words[k]
        return (
            (len(word.text) == 1 or word.text.lower() in INITIAL_DIGRAPHS)
            and word.text[:1].isupper()
            and word.text.isalpha()
            and self.text[word.end : word.end + 1] == "."
        )

    def initial_gap(self, k: int) -> bool:
        gap = self.gap(k)
        return gap.startswith(".") and gap[1:].strip() == "" and gap.count("\n") <= 1
