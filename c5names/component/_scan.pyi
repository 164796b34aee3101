"""Types of the compiled per-token loops (`_scan.pyx`; see there and `native.py` for why)."""

import numpy
from spacy.tokens import Doc

BUILT_WITH_SPACY: str

def scan(
    doc: Doc, slot_orths: numpy.ndarray, slot_parts: numpy.ndarray, mask: numpy.uint64 | int
) -> tuple[numpy.ndarray, list[int], list[int], list[int]]: ...
def starts(doc: Doc, start: int, stop: int) -> list[int]: ...
def mark_outside(doc: Doc, untyped: bool = False) -> None: ...
