"""The text of a spaCy Doc, reduced to the neighbourhoods of words the gazetteer knows.

`Doc.text` builds a Python object for every token, which costs about as much as tokenising. Most
tokens cannot start a name, and whether one can depends only on its string, so the component asks
once per distinct token (by `orth`, vectorised with numpy) and rebuilds only small windows of text
around the tokens that can. Everything else becomes a placeholder character that is neither a
letter nor a space: offsets stay those of `doc.text`, and no name can be joined across a gap.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import numpy
from spacy.attrs import IDX, ORTH, SHAPE, SPACY
from spacy.strings import StringStore
from spacy.tokens import Doc

from c5names.index import NameIndex
from c5names.match.detect import segment
from c5names.text.han import has_han

PLACEHOLDER = "\x00"
BEFORE = 8  # tokens kept before a known word: titles, unknown given names ("Präsident", "Gulnara")
AFTER = 6  # tokens kept after it: patronymics, suffixes, connector words ("uulu", "in der Pfalz")
CACHE_SIZE = 500_000


_CAPITAL_SHAPE = re.compile(r"^X|[’'`ʻ‘ʼ]X")
# Languages written in an alphabet without letter case (keys.CASELESS), Chinese and Japanese.
CASELESS_LANGS = frozenset({"ar", "bn", "fa", "he", "hi", "ja", "ka", "mr", "ne", "th", "ur", "zh"})


class RelevanceCache:
    """Per distinct token string: could it be (part of) a name the index knows?

    A first, vectorised filter works on spaCy's word shapes ("Xxxxx", "xx’Xxxxx"): a corpus has few
    distinct shapes, and only tokens with a capital letter in front (or after an elision) can be names.
    """

    def __init__(self, index: NameIndex, lang: str | None) -> None:
        self.index = index
        self.lang = lang
        # Without letter case every word may be a name, whatever its shape.
        self.any_shape = (lang or "").split("-")[0].lower() in CASELESS_LANGS
        self.known: dict[int, bool] = {}
        self.shapes: dict[int, bool] = {}
        self.strings: dict[int, str] = {}

    def words(self, orths: numpy.ndarray, strings: StringStore) -> list[str]:
        """The strings of a document's tokens, through a per-orth cache (no Token objects)."""
        values = orths.tolist()
        try:
            return list(map(self.strings.__getitem__, values))
        except KeyError:
            if len(self.strings) > CACHE_SIZE:
                self.strings.clear()
            for value in values:
                if value not in self.strings:
                    self.strings[value] = strings[value]
            return list(map(self.strings.__getitem__, values))

    def shape(self, shape: int, string: Callable[[int], str]) -> bool:
        found = self.shapes.get(shape)
        if found is None:
            found = self.shapes[shape] = self.any_shape or bool(_CAPITAL_SHAPE.search(string(shape)))
        return found

    def __call__(self, orth: int, string: Callable[[int], str]) -> bool:
        found = self.known.get(orth)
        if found is None:
            if len(self.known) > CACHE_SIZE:
                self.known.clear()
            found = self.known[orth] = self._relevant(string(orth))
        return found

    def _relevant(self, text: str) -> bool:
        # Initials (J., Ш.) need not count: the surname after them does, and its window covers them.
        if has_han(text):  # a token may be one character of a longer form (spaCy's Chinese default)
            return not self.index.han.chars.isdisjoint(text)
        return any(self.index.word_hits(word.text, self.lang) for word in segment(text))


def sparse_text(doc: Doc, relevant: RelevanceCache) -> tuple[str, list[tuple[int, int]]] | None:
    """`doc.text` with everything but the windows around known words replaced, and the windows'
    character ranges (the only places worth reading); None if there is no window."""
    if not len(doc):
        return None
    arr = doc.to_array([ORTH, SHAPE, IDX, SPACY])
    strings = doc.vocab.strings
    shapes, shape_of = numpy.unique(arr[:, 1], return_inverse=True)
    capital = numpy.fromiter((relevant.shape(s, strings.__getitem__) for s in shapes.tolist()), bool, len(shapes))
    candidates = numpy.flatnonzero(capital[shape_of])
    if not len(candidates):
        return None
    unique, inverse = numpy.unique(arr[candidates, 0], return_inverse=True)
    flags = numpy.fromiter((relevant(o, strings.__getitem__) for o in unique.tolist()), bool, len(unique))
    positions = candidates[flags[inverse]]
    if not len(positions):
        return None
    n = len(doc)
    starts = numpy.maximum(positions - BEFORE, 0)
    ends = numpy.minimum(positions + AFTER + 1, n)
    words = relevant.words(arr[:, 0], strings)
    spaces = _SPACES[arr[:, 3]].tolist()
    offsets = arr[:, 2].tolist()
    pieces: list[str] = []
    regions: list[tuple[int, int]] = []
    cursor = 0
    region_start, region_end = int(starts[0]), int(ends[0])
    for start, end in zip(starts[1:].tolist(), ends[1:].tolist(), strict=True):
        if start <= region_end:
            region_end = max(region_end, end)
            continue
        cursor = _append(pieces, regions, cursor, offsets[region_start], words, spaces, region_start, region_end)
        region_start, region_end = start, end
    cursor = _append(pieces, regions, cursor, offsets[region_start], words, spaces, region_start, region_end)
    total = offsets[-1] + len(words[-1]) + len(spaces[-1])
    pieces.append(PLACEHOLDER * (total - cursor))
    return "".join(pieces), regions


_SPACES = numpy.array(["", " "])


def _append(
    pieces: list[str],
    regions: list[tuple[int, int]],
    cursor: int,
    begin: int,
    words: list[str],
    spaces: list[str],
    start: int,
    end: int,
) -> int:
    """Add the placeholder up to `begin`, then tokens start..end-1 with their spaces (C-level joins)."""
    pieces.append(PLACEHOLDER * (begin - cursor))
    text = "".join(itertools.chain.from_iterable(zip(words[start:end], spaces[start:end], strict=True)))
    pieces.append(text)
    regions.append((begin, begin + len(text)))
    return begin + len(text)
