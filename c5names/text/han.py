"""Names written in Chinese characters, found in text that has no spaces between words.

Chinese runs words together (中国国家主席习近平在北京会见乌兹别克斯坦总统), so no word pattern can cut
a name out of it. The gazetteer's own Han forms are the dictionary instead: a run of characters is
scanned for the longest known form at each position, and each form found becomes one or more words
(习 + 近平, surname then given name; 乌兹别克斯坦) that the rest of the matcher treats like any other.

A form of three or more characters also matches when its characters read the same (by unidecode's
pinyin, which is the same for the traditional 習近平 and the simplified 习近平); shorter forms must be
written exactly, because two-syllable homophones are everywhere (美国 *Měiguó* and 没过 *méiguò*).
Single characters are never forms: alone, 习 is a word like any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from unidecode import unidecode

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")
_RUN_RE = re.compile(f"[{HAN}]+")
MIN_FORM = 2  # characters
MIN_READ_ALIKE = 3  # characters; shorter forms match only as written
NAME_DOTS = "·・•‧"  # Chinese and Japanese write one between a foreign name's parts (唐纳德·特朗普)


def has_han(text: str) -> bool:
    return not text.isascii() and HAN_RE.search(text) is not None  # (isascii: a flag of the string)


def _reading(char: str) -> str:
    """One character's pinyin syllable (the character itself when unidecode has no reading)."""
    return unidecode(char).strip().lower() or char


class HanLexicon:
    """The Han-script forms of a gazetteer, each with how it splits into name words."""

    def __init__(self) -> None:
        self.exact: dict[str, tuple[int, ...]] = {}
        self.read_alike: dict[tuple[str, ...], tuple[int, ...]] = {}
        self.chars: set[str] = set()
        self.longest = 0
        self.dotted_initials: set[str] = set()  # one-character given names, before a middle dot (乔·拜登)

    def __bool__(self) -> bool:
        return bool(self.exact)

    def add_dotted_given(self, given: str) -> None:
        """A foreign given name that may be one character, found only right before a middle dot."""
        if len(given) < MIN_FORM and _RUN_RE.fullmatch(given):
            self.dotted_initials.add(given)
            self.chars.update(given)
        else:
            self.add([given])

    def add(self, parts: Sequence[str]) -> None:
        """A form written as these consecutive parts (surname, given name; or one alias)."""
        parts = [part for part in parts if part]
        form = "".join(parts)
        if len(form) < MIN_FORM or _RUN_RE.fullmatch(form) is None:
            return
        lengths = tuple(len(part) for part in parts)
        self.exact.setdefault(form, lengths)
        if len(form) >= MIN_READ_ALIKE:
            self.read_alike.setdefault(tuple(_reading(c) for c in form), lengths)
        self.chars.update(form)
        self.longest = max(self.longest, len(form))

    def mentions(self, text: str, regions: Iterable[tuple[int, int]] | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of each word of each known form in the Han runs of `text`, left to right,
        longest form first at each position."""
        spans = [(0, len(text))] if regions is None else regions
        for region_start, region_end in spans:
            for run in _RUN_RE.finditer(text, region_start, region_end):
                dotted = text[run.end() : run.end() + 1] in NAME_DOTS
                yield from self._scan(run.group(), run.start(), dotted)

    def _scan(self, run: str, offset: int, dotted: bool) -> Iterator[tuple[int, int]]:
        readings: list[str] | None = None
        i = 0
        while i < len(run):
            if dotted and i == len(run) - 1 and run[i] in self.dotted_initials:
                yield offset + i, offset + i + 1  # 乔 in 美国总统乔·拜登
                break
            lengths = None
            for size in range(min(self.longest, len(run) - i), MIN_FORM - 1, -1):
                lengths = self.exact.get(run[i : i + size])
                if lengths is None and size >= MIN_READ_ALIKE:
                    if readings is None:
                        readings = [_reading(c) for c in run]
                    lengths = self.read_alike.get(tuple(readings[i : i + size]))
                if lengths is not None:
                    break
            if lengths is None:
                i += 1
                continue
            for length in lengths:
                yield offset + i, offset + i + length
                i += length
