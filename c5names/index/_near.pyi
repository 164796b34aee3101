"""Types of the compiled bucket reads (`_near.pyx`; see there and `native.py` for why)."""

from collections.abc import Callable, Iterable
from typing import Any

import numpy

def reached(
    wanted: list[int],
    hashes: numpy.ndarray,
    numbers: numpy.ndarray,
    directory: numpy.ndarray,
    shift: int,
    starts: numpy.ndarray,
    lengths: numpy.ndarray,
    start: int,
    length: int,
    edits: int,
) -> list[int]: ...
def reached_from_key(
    key: bytes,
    depth: int,
    hashes: numpy.ndarray,
    numbers: numpy.ndarray,
    directory: numpy.ndarray,
    shift: int,
    starts: numpy.ndarray,
    lengths: numpy.ndarray,
    start: int,
    edits: int,
) -> list[int]: ...
def nearest_from_key(
    key: str,
    depth: int,
    hashes: numpy.ndarray,
    numbers: numpy.ndarray,
    directory: numpy.ndarray,
    shift: int,
    starts: numpy.ndarray,
    lengths: numpy.ndarray,
    start: int,
    edits: int,
    keys: list[str],
    limit: int,
) -> list[tuple[str, int]] | None: ...
def crc32_without(key: bytes, skip: int = -1, skip2: int = -1) -> int: ...

class Block:
    keys: list[str]
    def __init__(self, keys: list[str]) -> None: ...
    def near(self, key: str, edits: int, first: int, second: int, limit: int) -> list[tuple[str, int]] | None: ...

class UnknownProbe:
    def __init__(
        self,
        postings: dict[str, Any],
        key: Callable[[str], str],
        compiled: dict[tuple[int, int], Any],
        block_for: Callable[[int, int], Any],
        cuts: list[tuple[int, int, int]],
        min_fuzzy: int,
    ) -> None: ...
    def unknown(self, words: list[str], rule_letters: Iterable[str]) -> bytes: ...
