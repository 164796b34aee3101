"""Types of the compiled per-token loops (`_scan.pyx`; see there and `native.py` for why)."""

from collections.abc import Callable

import numpy
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.vocab import Vocab

BUILT_WITH_SPACY: str

def scan(
    doc: Doc,
    slot_orths: numpy.ndarray,
    slot_parts: numpy.ndarray,
    mask: numpy.uint64 | int,
    capital: int,
    paired: int,
    near: int,
    shift: int = -1,
    decided: int = 0,
    mark: bool = False,
) -> tuple[numpy.ndarray, list[int], list[int], list[int], bool, int, bool, bool, bool]: ...
def clear_lexeme_bytes(vocab: Vocab, shift: int) -> None: ...
def set_lexeme_bytes(doc: Doc, positions: list[int], values: list[int], shift: int) -> None: ...
def settle(
    doc: Doc,
    positions: list[int],
    known: dict[int, int],
    shift: int,
    decided: int,
    capital: int,
    parts: int,
    found: list[int],
    kinds: list[int],
    paired: int,
    near: int,
) -> tuple[bool, list[int], list[int], int, bool]: ...
def first_sightings(
    doc: Doc, positions: list[int], known: dict[int, int], strings: StringStore
) -> tuple[list[int], list[str], list[int]]: ...
def sparse(
    doc: Doc, windows: list[list[int]], words: dict[int, str], strings: StringStore, placeholder: str
) -> tuple[str, list[tuple[int, int]]]: ...
def mark_outside(doc: Doc, untyped: bool = False) -> None: ...

class Tokens:
    def __init__(self, doc: Doc, orths: numpy.ndarray, strings: StringStore) -> None: ...

class ByPosition:
    def __init__(
        self, tokens: Tokens, memo: dict[tuple[int, int], bool], ask: Callable[[int, int, StringStore], bool]
    ) -> None: ...
    def __call__(self, first: int, second: int) -> bool: ...

class AfterOtherNames(ByPosition):
    def __init__(
        self,
        tokens: Tokens,
        memo: dict[tuple[int, int], bool],
        ask: Callable[[int, int, StringStore], bool],
        capitalised: Callable[..., bool],
        completes: Callable[[int, int, int, StringStore], bool],
        capitals: dict[int, bool] | None = None,
        completing: dict[tuple[int, int, int], bool] | None = None,
    ) -> None: ...

class Planner:
    def __init__(
        self,
        alias_part: int,
        person_part: int,
        anchor: int,
        tailed: int,
        fuzzy_anchor: int,
        near: int,
        before: int,
        after: int,
    ) -> None: ...
    def plan(
        self,
        positions: list[int],
        kinds: list[int],
        share: Callable[[int, int], bool] | None = None,
        other: Callable[[int, int], bool] | None = None,
        completes: Callable[[int, int], bool] | None = None,
        pair: Callable[[int, int], bool] | None = None,
    ) -> tuple[list[int], list[int]]: ...
