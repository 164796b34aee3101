"""Link one huge document in overlapping windows, its mentions coming out in order as they are found.

The linker holds about fifty times the text it links (words, candidates, keys), which for a 50 MB
line is gigabytes. A document longer than WINDOW characters is therefore cut, preferably at a blank
line, else at a line break, a sentence end or a space, into windows of about WINDOW characters; each
is linked with OVERLAP characters of context on both sides, and keeps the mentions that start in
its own part. Only one window's work (or `lookahead` windows, with worker processes) is in memory.

What a document-wide rule sees changes only for such documents: a surname is resolved against the
full names of its own window and its neighbourhood, not of the whole book. Every document up to
WINDOW characters (any article, any chapter) is linked exactly as before.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import pairwise
from typing import Protocol

from c5names.cli.corpus import Document
from c5names.model import Mention

WINDOW = 1_000_000  # characters
OVERLAP = 2_000  # characters of context linked on each side of a window
_BREAKS = ("\n\n", "\n", ". ", " ")

Task = tuple[str, str | None, str | None]  # text, lang, date
Outcome = list[Mention] | str  # the mentions, or why linking failed


class Pending(Protocol):
    def get(self) -> Outcome: ...


def cuts(text: str, window: int | None = None) -> list[int]:
    """Where the text is cut: 0, then about every `window` characters at the best break near there,
    then len(text)."""
    window = window or WINDOW
    points = [0]
    n = len(text)
    while n - points[-1] > window:
        target = points[-1] + window
        floor = points[-1] + window // 2
        cut = -1
        for mark in _BREAKS:
            found = text.rfind(mark, floor, target)
            if found >= 0:
                cut = found + len(mark)
                break
        points.append(cut if cut > points[-1] else target)
    points.append(n)
    return points


class Windowed:
    """The mentions of one huge document, iterated once, window by window; `failures` lists the
    windows the linker failed on (their mentions are missing, the others are written)."""

    def __init__(self, doc: Document, submit: Callable[[Task], Pending], lookahead: int = 1) -> None:
        self.doc = doc
        self.submit = submit
        self.lookahead = max(1, lookahead)
        self.failures: list[str] = []

    def __iter__(self) -> Iterator[Mention]:
        text, points = self.doc.text, cuts(self.doc.text)
        queue: deque[tuple[int, int, int, Pending]] = deque()
        self._done = 0  # end of the last mention given: no overlapping mention after it
        for start, end in pairwise(points):
            low, high = max(0, start - OVERLAP), min(len(text), end + OVERLAP)
            queue.append((start, end, low, self.submit((text[low:high], self.doc.lang, self.doc.date))))
            if len(queue) >= self.lookahead:
                yield from self._kept(*queue.popleft())
        while queue:
            yield from self._kept(*queue.popleft())

    def _kept(self, start: int, end: int, low: int, pending: Pending) -> Iterator[Mention]:
        outcome = pending.get()
        if isinstance(outcome, str):
            self.failures.append(f"characters {start}-{end}: {outcome}; the mentions there are missing")
            return
        for found in outcome:
            mention = replace(found, start=found.start + low, end=found.end + low)
            if start <= mention.start < end and mention.start >= self._done:
                self._done = mention.end
                yield mention
