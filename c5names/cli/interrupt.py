"""SIGINT and SIGTERM end a run the same clean way: as an exception, so that every `finally` runs.

Python turns SIGINT into KeyboardInterrupt, but SIGTERM (what a job scheduler, `timeout` or
`docker stop` sends) kills the process outright: an `-o` file's temporary copy was left behind and
worker processes printed BrokenPipe tracebacks. `handled` makes SIGTERM raise `Terminated` (a
KeyboardInterrupt); `deferred` holds both signals back for the few statements that must not be cut
in the middle (creating, renaming or removing the temporary file), and delivers them right after.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Terminated(KeyboardInterrupt):
    """The process received SIGTERM."""

    exit_code = 128 + signal.SIGTERM


# The signals received within `handled`: Python swallows an exception raised inside a `__del__` or a
# weakref callback ("Exception ignored in ..."), so a signal that lands there must still end the run.
_received: list[int] = []


def _interruption(signum: int) -> KeyboardInterrupt:
    return Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def _raise_interrupted(signum: int, frame: FrameType | None) -> None:
    _received.append(signum)
    raise _interruption(signum)


@contextmanager
def handled() -> Iterator[None]:
    """Within the block, SIGTERM raises Terminated in the main thread and SIGINT KeyboardInterrupt (as
    Python's own handler does, unless SIGINT was ignored), each remembered for `raise_if_received`;
    the previous handlers are put back afterwards (main() may run inside another program)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _received.clear()
    previous = {signal.SIGTERM: signal.signal(signal.SIGTERM, _raise_interrupted)}
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        previous[signal.SIGINT] = signal.signal(signal.SIGINT, _raise_interrupted)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def raise_if_received() -> None:
    """Raise again for a signal received within `handled` whose exception Python swallowed: asked
    before a run's output replaces the user's file, which an interrupted run must leave as it was."""
    if _received:
        raise _interruption(_received[-1])


def ignore() -> None:
    """Once the run is being stopped, a second signal must not cut the clean-up short."""
    if threading.current_thread() is threading.main_thread():
        for signum in SIGNALS:
            signal.signal(signum, signal.SIG_IGN)


def reset_in_worker() -> None:
    """A worker process leaves interruptions to its parent: SIGINT ignored (Ctrl-C reaches the whole
    process group; the parent stops the pool), SIGTERM the default (the pool's own way to end it).
    Then both are let through: the parent starts its workers with them held back (`deferred`), and a
    SIGTERM that came in the meantime ends the worker here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)


@contextmanager
def deferred() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done (then their handler runs as usual)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
