"""Keys within one or two edits of a key, found without scanning: a deletion-neighbourhood index.

Two strings within Levenshtein distance k share a string obtained by deleting at most k characters
from each (a substitution deletes the same place in both, an insertion deletes the extra letter).
So every indexed key is stored under the hashes of its deletion variants, and a query looks up the
hashes of its own, each in its bucket of a directory by the hash's top bits: the candidates are a
handful of keys, whatever the size of the gazetteer, and each is then checked with an exact
distance. Hashes, key numbers and the directory are numpy arrays, which pickle and load as raw bytes.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from typing import Any
from zlib import crc32

import numpy
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from c5names.index import native
from c5names.index.intset import run_positions

MIN_KEY = 3  # shorter keys are never fuzzy neighbours
TWO_EDITS_FROM = 9  # query keys this long may be two edits away from a key


def max_edits(key: str) -> int:
    return _edits_at(len(key))


def _edits_at(length: int) -> int:
    """The edits a query key of this length may be from an indexed key."""
    return 1 if length < TWO_EDITS_FROM else 2


def deletions(key: str, depth: int) -> set[str]:
    """The key and every string made by deleting up to `depth` (1 or 2) of its characters."""
    n = len(key)
    out = {key[:i] + key[i + 1 :] for i in range(n)}
    out.add(key)
    if depth > 1:
        out.update(key[:i] + key[i + 1 : j] + key[j + 1 :] for i in range(n) for j in range(i + 1, n))
    return out


def deletion_hashes(key: str, depth: int) -> list[int]:
    """The crc32 of each of `deletions(key, depth)`, some more than once. An ASCII key (every key of
    the index is) is cut as bytes, each variant made by one slice and join: about half the time of
    building the strings, a set of them and encoding each, which a lookup pays for every word."""
    if not key.isascii():
        return [crc32(variant.encode()) for variant in deletions(key, depth)]
    whole = key.encode()
    n = len(whole)
    once = [whole[:i] + whole[i + 1 :] for i in range(n)]
    out = [crc32(whole), *map(crc32, once)]
    if depth > 1:  # deleting j ≥ i from the key less its i-th letter deletes i and j + 1 from the key
        out += [crc32(shorter[:j] + shorter[j + 1 :]) for i, shorter in enumerate(once) for j in range(i, n - 1)]
    return out


VOWELS = frozenset("aeiou")  # of keys (y is i, w is v there)


def same_start(a: str, b: str) -> bool:
    """Do two keys begin alike? The same letter, or two vowels: a first consonant is rarely
    misspelt (and allowing it would let Gor reach Bor and Kor), but a first vowel varies between
    romanisations of one name (Uzbek Oripov for Russian-based Aripov, Ergash for Irgash)."""
    return _start_class(a) == _start_class(b)


def _start_class(key: str) -> int:
    """What `same_start` compares, as a number for numpy: 0 for any vowel, else the first letter's
    code point (a key is never empty). The small index's blocks are cut by it too, so the two paths
    agree on what begins alike."""
    return 0 if key[:1] in VOWELS else ord(key[0])


# Keys; a smaller index is scanned (in C), which costs less than hashing variants, and only it has
# the compiled probe that settles a document's new words at once (`unknown_probe`). At 5,000 the
# shipped gazetteer (5,163 keys once it listed 446 persons) fell to the hashed path: a cold pass over
# English news naming nobody went from 36 to 62 ms. Measured at 20,000 (component alone, cold): the
# shipped gazetteer 62 -> 40 ms on that news; synthetic gazetteers of 3,000 and 10,000 persons (6,403
# and 14,403 keys) on news naming them, scanned or hashed, within a few per cent of each other.
SCAN_BELOW = 20_000


class DeletionIndex:
    """Keys by the hashes of their deletion variants; a small index by what a query of each first
    letter and length can reach."""

    def __init__(self, keys: Iterable[str], scan_below: int = SCAN_BELOW) -> None:
        self.keys = [key for key in keys if len(key) >= MIN_KEY and " " not in key]
        # (start class, query length) → the keys a query beginning so and that long can reach: those
        # that begin alike with a length within its edits, gathered at build time so that a query is
        # one call of rapidfuzz over one list (a call per first letter and length took twice as long).
        self.blocks: dict[tuple[int, int], list[str]] | None = None
        # Each block's keys by the pieces of a query they keep whole (`_pieces`), made on a block's
        # first query and not pickled: a query then compares a handful of keys, where reading the
        # block's ninety took three times as long; made for every block, the pieces would make the
        # default index's cache five times larger and ten times slower to load.
        self._pieces: dict[tuple[int, int], Pieces] = {}
        # With the compiled scan, each block as `_near.Block` instead (its keys laid end to end, the
        # pieces compared in one loop), made on its first query too: one join, where building a
        # block's pieces cost a language's first text 12 to 19 ms in all. None for a block with a key
        # of other letters than ASCII, which `_pieces` serves.
        self._compiled: dict[tuple[int, int], Any] = {}
        if len(self.keys) < scan_below:
            self.blocks = {}
            for key in self.keys:
                for length in range(max(len(key) - 2, 1), len(key) + 3):
                    if abs(len(key) - length) <= _edits_at(length):
                        self.blocks.setdefault((_start_class(key), length), []).append(key)
            self.hashes = numpy.zeros(0, dtype=numpy.uint32)
            self.numbers = numpy.zeros(0, dtype=numpy.int32)
            self.starts = numpy.zeros(0, dtype=numpy.uint32)
            self.lengths = numpy.zeros(0, dtype=numpy.int32)
            self.shift, self.directory = bucket_directory(self.hashes)
            return
        hashes: array[int] = array("I")
        numbers: array[int] = array("i")
        for number, key in enumerate(self.keys):
            # A key can be two edits from a query of TWO_EDITS_FROM letters when two shorter than it.
            depth = 2 if len(key) >= TWO_EDITS_FROM - 2 else 1
            variants = set(deletion_hashes(key, depth))
            hashes.extend(variants)
            numbers.extend([number] * len(variants))
        order = numpy.argsort(numpy.frombuffer(hashes, dtype=numpy.uint32), kind="stable")
        self.hashes = numpy.frombuffer(hashes, dtype=numpy.uint32)[order]
        self.numbers = numpy.frombuffer(numbers, dtype=numpy.int32)[order]
        # Per key, its start class (`_start_class`) and length: the candidates a query's variants reach
        # (some 70 at a million persons) are narrowed to those that begin alike and are near its
        # length in numpy, and only those few are compared, in one call of rapidfuzz.
        self.starts = numpy.fromiter(map(_start_class, self.keys), dtype=numpy.uint32, count=len(self.keys))
        self.lengths = numpy.fromiter(map(len, self.keys), dtype=numpy.int32, count=len(self.keys))
        self.shift, self.directory = bucket_directory(self.hashes)

    def near(self, key: str, limit: int = 8) -> list[tuple[str, int]]:
        """(key, distance) of indexed keys within reach of `key` that begin alike (`same_start`),
        nearest first."""
        if self.blocks is not None:
            return self._scan(key, limit)
        edits = max_edits(key)
        if native.near_module is not None:  # (the same, in one loop over the buckets: `_near.pyx`)
            tables = (self.hashes, self.numbers, self.directory, self.shift, self.starts, self.lengths)
            if key.isascii():  # (every key of the index is: its deletion hashes are made there too)
                # (reached and compared there: `_nearest` below only for a query of over 64 letters)
                start = _start_class(key)
                nearest = native.near_module.nearest_from_key(key, edits, *tables, start, edits, self.keys, limit)
                if nearest is not None:
                    return nearest
                found = native.near_module.reached_from_key(key.encode(), edits, *tables, start, edits)
            else:  # (a key of other letters is cut by letter: `deletion_hashes`)
                hashes = deletion_hashes(key, edits)
                found = native.near_module.reached(hashes, *tables, _start_class(key), len(key), edits)
            return _nearest(key, [self.keys[n] for n in found], edits, limit)
        wanted = numpy.fromiter(deletion_hashes(key, edits), dtype=numpy.uint32)  # (repeats are harmless)
        # Each variant's bucket (a few hashes in a row) is read whole and its equal hashes kept.
        buckets = wanted >> self.shift
        lows = self.directory[buckets]
        counts = self.directory[buckets + 1] - lows
        positions = run_positions(lows, counts)
        positions = positions[self.hashes[positions] == numpy.repeat(wanted, counts)]
        numbers = numpy.unique(self.numbers[positions])
        near = (self.starts[numbers] == _start_class(key)) & (numpy.abs(self.lengths[numbers] - len(key)) <= edits)
        keys = self.keys
        return _nearest(key, [keys[n] for n in numbers[near].tolist()], edits, limit)

    def compiled_block(self, start: int, length: int) -> Any:
        """The compiled block (`_near.Block`) a key of this start class (`_start_class`) and length is
        compared with in a small index, made on its first query (empty when no key is in reach); None
        when there is none to compile: a large index, no compiled module, a key longer than
        NATIVE_SCAN_MAX, or a block with a key of other letters than ASCII (`_pieces` serves those)."""
        if self.blocks is None or native.near_module is None or length > NATIVE_SCAN_MAX:
            return None
        where = (start, length)
        compiled = self._compiled.get(where, _UNBUILT)
        if compiled is _UNBUILT:
            compiled = self._compiled[where] = _compiled_block(self.blocks.get(where, []))
        return compiled

    def unknown_probe(self, postings: dict[str, Any], key: Callable[[str], str], min_fuzzy: int) -> Any:
        """`_near.UnknownProbe` over this small index and these postings (`query.surely_unknown_words`):
        `key` reads a lowercase word of ASCII letters as its key, and a key shorter than `min_fuzzy`
        has no neighbours. None for a large index, or without the compiled module."""
        if self.blocks is None or native.near_module is None:
            return None
        return native.near_module.UnknownProbe(
            postings, key, self._compiled, self.compiled_block, _BLOCK_CUTS, min_fuzzy
        )

    def _scan(self, key: str, limit: int) -> list[tuple[str, int]]:
        """The small-index path: the key is compared with the keys that begin alike, have a length
        within reach and keep one of the key's pieces whole (`_pieces`): by the compiled scan
        (`_near.Block`, one loop over the block's keys), else through the block's pieces in
        dictionaries and rapidfuzz. Every new word of a text asks this, and most find no such key."""
        length = len(key)
        where = (_start_class(key), length)
        if native.near_module is not None and length <= NATIVE_SCAN_MAX:
            compiled = self.compiled_block(*where)
            if compiled is not None:
                edits, first, second = _BLOCK_CUTS[length]
                found = compiled.near(key, edits, first, second, limit)
                if found is not None:  # (None: the key has other letters than ASCII, read below)
                    return found
        pieces = self._pieces.get(where)
        if pieces is None:
            assert self.blocks is not None
            block = self.blocks.get(where)
            if not block:
                return []
            pieces = self._pieces[where] = _pieces(block, length)
        starts, middles, ends, first, second = pieces
        found = starts.get(key[:first])
        last = ends.get(key[second:])
        middle = middles.get(key[first:second]) if middles else None
        if middle is not None or (found is not None and last is not None):
            found = list(dict.fromkeys([*(found or ()), *(last or ()), *(middle or ())]))
        elif found is None:
            if last is None:
                return []
            found = last
        return _nearest(key, found, _edits_at(length), limit)

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        state.pop("_pieces", None)
        state.pop("_compiled", None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._pieces = {}
        self._compiled = {}


# (keys by their beginning, by their middle, by their end; where a query is cut: `_cuts`)
Pieces = tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]], int, int]


NATIVE_SCAN_MAX = 64  # letters: a longer query is read in Python (the compiled distance holds a query in a 64-bit word)
_UNBUILT = object()  # (a block not yet asked)


def _compiled_block(keys: list[str]) -> Any:
    """A block as the compiled scan reads it (`_near.Block`), or None if a key is not ASCII (which
    `Block` refuses)."""
    assert native.near_module is not None
    try:
        return native.near_module.Block(keys)
    except ValueError:
        return None


def _cuts(length: int, edits: int) -> tuple[int, int]:
    """Where a query of `length` letters is cut into `edits + 1` pieces (`_pieces`): halves for one
    edit (the middle piece empty), thirds for two."""
    return (length // 2, length // 2) if edits == 1 else (length // 3, 2 * length // 3)


# (edits, first cut, second cut) of a query by its length, for the compiled scan
_BLOCK_CUTS = [(_edits_at(n), *_cuts(n, _edits_at(n))) for n in range(NATIVE_SCAN_MAX + 1)]


def _pieces(block: list[str], length: int) -> Pieces:
    """The keys of a block (queries `length` letters long) by the pieces of a query they keep whole:
    by their beginning, their end, and (two edits) their middle.

    A query is cut into one piece more than the edits it may be from a key (`_cuts`), so one piece
    holds no edit. If it is the first, the key begins with it; if the last, the key ends with it;
    if the middle one (two edits, one on each side), the key has it where the query has it, moved by
    the one insertion or deletion before it at most. So the keys worth comparing are those the
    query's pieces find here, most often none, where the block holds some ninety keys (and a new
    capitalised word of a text pays for this search)."""
    edits = _edits_at(length)
    first, second = _cuts(length, edits)
    tail = length - second
    starts: dict[str, list[str]] = {}
    middles: dict[str, list[str]] = {}
    ends: dict[str, list[str]] = {}
    for key in block:
        starts.setdefault(key[:first], []).append(key)
        ends.setdefault(key[max(len(key) - tail, 0) :], []).append(key)
        if edits == 2:
            for shift in (-1, 0, 1):
                begin = first + shift
                if begin >= 0 and begin + second - first <= len(key):
                    middles.setdefault(key[begin : begin + second - first], []).append(key)
    return starts, middles, ends, first, second


BUCKET_SIZE = 16  # hashes per bucket of the directory, on average (8 to 16)


def bucket_directory(hashes: numpy.ndarray) -> tuple[int, numpy.ndarray]:
    """(shift, directory) over sorted 32-bit hashes: the hashes whose top bits, `hash >> shift`, are b
    lie at positions directory[b] to directory[b + 1]. A query's variants are found by reading their
    buckets, a few hashes in a row each, where binary searches over tens of millions of hashes cost
    two dozen scattered reads per variant and side."""
    bits = max(1, min(30, (max(len(hashes), 1) // BUCKET_SIZE).bit_length()))
    shift = 32 - bits
    bounds = numpy.arange((1 << bits) + 1, dtype=numpy.uint64) << numpy.uint64(shift)
    return shift, hashes.searchsorted(bounds).astype(numpy.int32)  # (8 MB at a million persons)


def _nearest(key: str, others: list[str], edits: int, limit: int) -> list[tuple[str, int]]:
    """(other, distance) of the others within `edits` of the key, other than the key itself, nearest
    first, then in key order."""
    found = process.extract(key, others, scorer=Levenshtein.distance, score_cutoff=edits, limit=None)
    out = [(other, int(distance)) for other, distance, _ in found if other != key]
    out.sort(key=lambda item: (item[1], item[0]))
    return out[:limit]
