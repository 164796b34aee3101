"""Worker processes for `--jobs N`, each joined to the parent by two pipes of its own.

multiprocessing's Pool shares a task queue and a result queue between all its workers, each guarded
by a lock across processes, and its `terminate()` kills the workers and then waits for its own
threads to put sentinels on those queues. A worker killed while it held the result queue's lock
(sending a result) holds it for ever, and an interrupted run then hung after printing "terminated"
(seen once in a few hundred SIGTERMs at start-up). Here nothing is shared: a worker reads its
chunks from its own pipe and answers on its own pipe, in the order it got them, and the parent has
no threads. Stopping is killing the workers and closing the pipes, which cannot wait on anything.
A worker that dies mid-run (the system's out-of-memory killer) closes its pipe, and the run ends
with an error naming it, where the Pool waited for its answer for ever.

A thread in each worker reads its chunks as they come, so the parent's send never waits on a busy
worker (which may itself be waiting for the parent to read a large result).
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

from c5names.cli.interrupt import deferred, reset_in_worker
from c5names.errors import C5NamesError

T = TypeVar("T")
R = TypeVar("R")

STOP_WAIT = 5.0  # seconds a stopped worker has to end after SIGTERM before it is killed


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
    answer. A chunk goes to the worker with the fewest unanswered. Use as a context manager: leaving
    it normally lets the workers finish and end; leaving it by an exception (an interruption) kills
    them."""

    def __init__(self, jobs: int, work: Callable[[T], R]) -> None:
        context = multiprocessing.get_context()
        self._processes: list[multiprocessing.process.BaseProcess] = []
        self._tasks: list[Connection] = []
        self._results: list[Connection] = []
        self._sent: list[int] = []
        self._answered: list[int] = []
        self._answers: list[dict[int, R]] = []
        forked = context.get_start_method() == "fork"
        try:
            # (signals held back while forking, and delivered once every worker is recorded here: a
            # worker started unrecorded would outlive an interrupted run; see `interrupt.deferred`)
            with deferred():
                for _ in range(jobs):
                    task_out, task_in = context.Pipe(duplex=False)
                    result_out, result_in = context.Pipe(duplex=False)
                    self._tasks.append(task_in)
                    self._results.append(result_out)
                    # (a forked worker holds copies of the parent's ends, its own included: it closes
                    # them, or it would never read the end of its chunks)
                    inherited = [*self._tasks, *self._results] if forked else []
                    process = context.Process(
                        target=_serve, args=(task_out, result_in, work, inherited), daemon=True, name="c5names-worker"
                    )
                    self._processes.append(process)
                    self._sent.append(0)
                    self._answered.append(0)
                    self._answers.append({})
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

    def submit(self, task: T) -> tuple[int, int]:
        """Send a task to the least busy worker; the ticket `result` takes."""
        for n in range(len(self._processes)):
            while self._results[n].poll():  # (answers already there count as done)
                self._receive(n)
        worker = min(range(len(self._processes)), key=self._unanswered)
        self._tasks[worker].send(task)
        self._sent[worker] += 1
        return worker, self._sent[worker] - 1

    def result(self, ticket: tuple[int, int]) -> R:
        """The answer to a submitted task, waiting for it if need be."""
        worker, number = ticket
        answers = self._answers[worker]
        while number not in answers:
            self._receive(worker)
        return answers.pop(number)

    def _unanswered(self, worker: int) -> int:
        return self._sent[worker] - self._answered[worker]

    def _receive(self, worker: int) -> None:
        try:
            answer = self._results[worker].recv()
        except EOFError:
            process = self._processes[worker]
            process.join(STOP_WAIT)
            code = process.exitcode
            raise WorkerLost(f"worker process {process.pid} ended before answering (exit code {code})") from None
        self._answers[worker][self._answered[worker]] = answer
        self._answered[worker] += 1

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
