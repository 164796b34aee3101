"""A one-line progress counter on standard error, drawn only on a terminal.

Logs, pipes and CI captures stay clean; a person watching a long corpus run sees documents done
and documents per second. Written here to avoid a dependency for twenty lines.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Count documents; redraw at most every `interval` seconds; `close` leaves a summary line."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None, interval: float = 0.2) -> None:
        self.stream = stream or sys.stderr
        self.enabled = _isatty(self.stream) if enabled is None else enabled
        self.interval = interval
        self.count = 0
        self.started = time.monotonic()
        self._drawn = 0.0

    def update(self, n: int = 1) -> None:
        self.count += n
        if self.enabled and time.monotonic() - self._drawn >= self.interval:
            self._draw()

    def _draw(self, end: str = "") -> None:
        self._drawn = time.monotonic()
        elapsed = max(self._drawn - self.started, 1e-9)
        self.stream.write(f"\r{self.count} documents  {self.count / elapsed:.1f} documents/s\x1b[K{end}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.count:
            self._draw(end="\n")


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
