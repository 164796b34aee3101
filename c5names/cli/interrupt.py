"""SIGINT and SIGTERM end a run the same clean way: as an exception, so that every `finally` runs.

Python turns SIGINT into KeyboardInterrupt, but SIGTERM (what a job scheduler, `timeout` or
`docker stop` sends) kills the process outright: an `-o` file's temporary copy was left behind and
worker processes printed BrokenPipe tracebacks. `handled` makes SIGTERM raise `Terminated` (a
KeyboardInterrupt); `deferred` holds both signals back for the few statements that must not be cut
in the middle (creating, renaming or removing the temporary file), and delivers them right after.
A signal that lands inside a `__del__` (Dask's `Future.__del__` during a cluster run) is swallowed by
Python, which prints it as "Exception ignored in ... Traceback": `handled` keeps that report quiet
for its own interruptions (the run still stops: `raise_if_received`) and passes every other on.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
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


_Hook = Callable[["sys.UnraisableHookArgs"], object]


def _quiet_own_interruption(previous: _Hook) -> _Hook:
    """An unraisable-exception hook that drops the interruptions `_raise_interrupted` raised (already
    remembered in `_received`, the run stops on its own) and hands every other report to `previous`."""

    def hook(unraisable: sys.UnraisableHookArgs) -> None:
        if _received and isinstance(unraisable.exc_value, KeyboardInterrupt):
            return
        previous(unraisable)

    return hook


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
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _quiet_own_interruption(previous_hook)
    try:
        yield
    finally:
        sys.unraisablehook = previous_hook
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
    process group; the parent stops the workers), SIGTERM the default (the parent's way to end it).
    Then both are let through: the parent starts its workers with them held back (`deferred`), and a
    SIGTERM that came in the meantime ends the worker here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)


@contextmanager
def deferred() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done, then reach the handler they would have.

    Two holds, as a signal sent to the process may reach any of its threads: the calling thread
    blocks both (and a process forked inside the block starts with them blocked: `reset_in_worker`);
    and in case another thread took one, the handler Python runs for it in the main thread only
    notes it until the end of the block."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        held.append(signum)

    # (None: a handler not set from Python, left alone; an ignored signal stays ignored)
    handlers = {int(s): h for s in SIGNALS if (h := signal.getsignal(s)) is not None and h != signal.SIG_IGN}
    for signum in handlers:
        signal.signal(signum, hold)
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        try:
            for signum, handler in handlers.items():
                signal.signal(signum, handler)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # (one still pending reaches its handler now)
        if held:
            _deliver(held[0], handlers.get(held[0]))


def _deliver(signum: int, handler: object) -> None:
    """What the signal would have done: call its handler, or end the process by default."""
    if callable(handler):
        handler(signum, None)
    elif handler == signal.SIG_DFL:
        os.kill(os.getpid(), signum)
