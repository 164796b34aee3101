"""Worker processes for `--jobs N`, each joined to the parent by two pipes of its own.

multiprocessing's Pool shares a task queue and a result queue between all its workers, each guarded
by a lock across processes, and its `terminate()` kills the workers and then waits for its own
threads to put sentinels on those queues. A worker killed while it held the result queue's lock
(sending a result) holds it for ever, and an interrupted run then hung after printing "terminated"
(seen once in a few hundred SIGTERMs at start-up). Here nothing is shared: a worker reads its
chunks from its own pipe and answers on its own pipe, in the order it got them, and the parent has
no threads: it hands each worker a task or two at a time, and the next as answers come back from
any of them (`multiprocessing.connection.wait`), so no worker idles while another has a backlog.
Stopping is killing the workers and closing the pipes, which cannot wait on anything.
A worker that dies mid-run (the system's out-of-memory killer) closes its pipe, and the run ends
with an error naming it, where the Pool waited for its answer for ever.

A thread in each worker reads its chunks as they come, so the parent's send never waits on a busy
worker (which may itself be waiting for the parent to read a large result).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import sys
import threading
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as connection_wait
from typing import Generic, TypeVar

from c5names.cli.interrupt import deferred, reset_in_worker
from c5names.errors import C5NamesError

T = TypeVar("T")
R = TypeVar("R")

STOP_WAIT = 5.0  # seconds a stopped worker has to end after SIGTERM before it is killed
PIPE_BYTES = 1 << 20  # Linux's default pipe-max-size: what an unprivileged process may ask
AHEAD = 2  # tasks a worker holds at once: the one it works on and the next, so it never waits for the parent


def _widen(*connections: Connection) -> None:
    """Give each pipe a buffer of PIPE_BYTES where the system allows it (Linux), so that sending a
    chunk or an answer of up to PIPE_BYTES is a write that does not wait for the reader. With
    the default 64 KB, the parent's send of a larger chunk waited, once per 64 KB, until the busy
    worker's reader thread got the GIL. Measured with `--jobs 2` on 19 MB of 28 KB documents (chunks
    of ~700 KB): 0.70-0.82 s of ~8.3 s blocked in send, 0.05-0.35 s with this. On 1.5 KB documents
    (50 KB chunks) it made no difference that one run could show."""
    try:
        from fcntl import F_SETPIPE_SZ, fcntl
    except ImportError:  # (not Linux: the system's size is kept)
        return
    for connection in connections:
        with contextlib.suppress(OSError):  # (above this system's pipe-max-size: kept as is)
            fcntl(connection.fileno(), F_SETPIPE_SZ, PIPE_BYTES)


def _context() -> multiprocessing.context.DefaultContext | multiprocessing.context.ForkContext:
    """Fork on Linux, whatever the default: a forked worker shares the parent's loaded index page by
    page (nothing is pickled; a million persons' index is ~400 MB of pickle and seconds to load per
    worker). Python 3.14 makes forkserver the default there, which would send `work` (the linker
    and its index) to each worker as a pickle. Elsewhere (macOS, where forking is unsafe; Windows)
    the platform's default, and `work` is pickled."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class WorkerLost(C5NamesError):
    """A worker process ended before it answered (killed by the system, out of memory)."""


def _serve(tasks: Connection, results: Connection, work: Callable[[T], R], inherited: list[Connection]) -> None:
    """A worker's life: answer each chunk read from `tasks` on `results`, in order, until the parent
    closes its end."""
    reset_in_worker()
    for connection in inherited:  # (copies of the parent's ends of the pipes, forked with the process)
        connection.close()
    waiting: queue.SimpleQueue[T | None] = queue.SimpleQueue()

    def read() -> None:
        try:
            while True:
                waiting.put(tasks.recv())
        except (EOFError, OSError):
            waiting.put(None)

    threading.Thread(target=read, daemon=True).start()
    while (task := waiting.get()) is not None:
        results.send(work(task))


class Workers(Generic[T, R]):
    """`jobs` forked processes that apply `work` to what `submit` sends; `result(ticket)` waits for an
    answer. Use as a context manager: leaving
    it normally lets the workers finish and end; leaving it by an exception (an interruption) kills
    them."""

    def __init__(self, jobs: int, work: Callable[[T], R]) -> None:
        context = _context()
        self._processes: list[multiprocessing.process.BaseProcess] = []
        self._tasks: list[Connection] = []
        self._results: list[Connection] = []
        self._held: list[deque[int]] = []  # per worker, the tickets of the tasks it holds, in order
        self._queued: deque[tuple[int, T]] = deque()  # tasks no worker holds yet
        self._answers: dict[int, R] = {}
        self._next = 0
        forked = context.get_start_method() == "fork"
        try:
            # (signals held back while forking, and delivered once every worker is recorded here: a
            # worker started unrecorded would outlive an interrupted run; see `interrupt.deferred`)
            with deferred():
                for _ in range(jobs):
                    task_out, task_in = context.Pipe(duplex=False)
                    result_out, result_in = context.Pipe(duplex=False)
                    _widen(task_in, result_in)
                    self._tasks.append(task_in)
                    self._results.append(result_out)
                    # (a forked worker holds copies of the parent's ends, its own included: it closes
                    # them, or it would never read the end of its chunks)
                    inherited = [*self._tasks, *self._results] if forked else []
                    process = context.Process(
                        target=_serve, args=(task_out, result_in, work, inherited), daemon=True, name="c5names-worker"
                    )
                    self._processes.append(process)
                    self._held.append(deque())
                    try:
                        process.start()
                    finally:
                        task_out.close()
                        result_in.close()
        except BaseException:
            self.close(kill=True)
            raise

    def __enter__(self) -> Workers[T, R]:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.close(kill=kind is not None)

    def submit(self, task: T) -> int:
        """Queue a task; the ticket `result` takes. It goes to a worker as soon as one holds fewer
        than AHEAD tasks, so that a worker left with nothing to do takes the next queued task (the
        balance of one shared queue, with no lock between processes)."""
        ticket = self._next
        self._next += 1
        self._queued.append((ticket, task))
        self._collect(wait=False)
        self._dispatch()
        return ticket

    def result(self, ticket: int) -> R:
        """The answer to a submitted task, waiting for it if need be (and meanwhile receiving the
        other workers' answers and handing them queued tasks)."""
        while ticket not in self._answers:
            self._dispatch()
            self._collect(wait=True)
        return self._answers.pop(ticket)

    def _dispatch(self) -> None:
        while self._queued:
            worker = min(range(len(self._processes)), key=lambda n: len(self._held[n]))
            if len(self._held[worker]) >= AHEAD:
                return
            ticket, task = self._queued.popleft()
            self._tasks[worker].send(task)
            self._held[worker].append(ticket)

    def _collect(self, wait: bool) -> None:
        """Receive the answers that are there (`wait`: at least one)."""
        busy = [self._results[n] for n in range(len(self._processes)) if self._held[n]]
        for connection in connection_wait(busy, timeout=None if wait and busy else 0):
            worker = self._results.index(connection)  # type: ignore[arg-type]
            try:
                answer = self._results[worker].recv()
            except EOFError:
                process = self._processes[worker]
                process.join(STOP_WAIT)
                code = process.exitcode
                raise WorkerLost(f"worker process {process.pid} ended before answering (exit code {code})") from None
            self._answers[self._held[worker].popleft()] = answer

    def close(self, kill: bool = False) -> None:
        """End the workers: let them finish what they were sent (`kill`: stop them now), then wait
        for them; their pipes are closed either way."""
        for connection in self._tasks:
            connection.close()  # (a worker reads to the end, then ends)
        if kill:
            for process in self._processes:
                if process.pid is not None and process.exitcode is None:
                    process.terminate()  # (SIGTERM ends a worker: `reset_in_worker`)
        for process in self._processes:
            if process.pid is None:
                continue  # (never started)
            process.join(None if not kill else STOP_WAIT)
            if process.is_alive():
                process.kill()
                process.join()
        for connection in self._results:
            connection.close()
