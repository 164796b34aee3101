"""`cli.workers`: chunks answered in order whatever the worker, large chunks and answers both ways at
once without a deadlock, a worker lost mid-run reported rather than waited on, and stopping that
never waits on a killed worker (multiprocessing's Pool could: see the module's docstring)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from c5names.cli.workers import WorkerLost, Workers


def _echo(task: tuple[int, str]) -> tuple[int, int, str]:
    number, text = task
    time.sleep((number % 3) * 0.002)  # (answers come back at different speeds)
    return number, os.getpid(), text[::-1]


def _children() -> set[int]:
    return {p.pid for p in psutil.Process().children(recursive=True)}


def test_every_answer_is_the_one_to_its_own_chunk_and_both_workers_work() -> None:
    with Workers(2, _echo) as workers:
        tickets = [workers.submit((n, f"chunk {n}")) for n in range(60)]
        answers = [workers.result(ticket) for ticket in tickets]
    assert [a[0] for a in answers] == list(range(60))
    assert all(text == f"chunk {n}"[::-1] for n, _pid, text in answers)
    assert len({pid for _n, pid, _text in answers}) == 2
    assert not multiprocessing.active_children()


def test_large_chunks_and_large_answers_in_flight_together_do_not_deadlock() -> None:
    """Chunks and answers of a few MB each (more than a pipe holds) sent before any is read: each
    worker's reader thread takes its chunks as they come."""
    big = "x" * 3_000_000
    with Workers(2, _echo) as workers:
        tickets = [workers.submit((n, big + str(n))) for n in range(8)]
        answers = [workers.result(ticket) for ticket in tickets]
    assert [text for _n, _pid, text in answers] == [(big + str(n))[::-1] for n in range(8)]


def _die_on_three(task: int) -> int:
    if task == 3:
        os.kill(os.getpid(), signal.SIGKILL)  # (as the system's out-of-memory killer would)
    return task * 2


def test_a_worker_lost_mid_run_is_an_error_not_a_wait() -> None:
    before = _children()
    with pytest.raises(WorkerLost, match="ended before answering"), Workers(2, _die_on_three) as workers:
        tickets = [workers.submit(n) for n in range(6)]
        for ticket in tickets:
            workers.result(ticket)
    left = [psutil.Process(pid) for pid in _children() - before if psutil.pid_exists(pid)]
    assert not psutil.wait_procs(left, timeout=10)[1], "a worker outlived the run"


def _slow(task: int) -> int:
    time.sleep(30)
    return task


def test_leaving_by_an_exception_stops_busy_workers_at_once() -> None:
    before = _children()
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt), Workers(2, _slow) as workers:
        workers.submit(1)
        workers.submit(2)
        raise KeyboardInterrupt
    assert time.monotonic() - start < 4  # (ended by SIGTERM, not killed after STOP_WAIT)
    assert not (_children() - before)


def _sigterm_ignored_for_a_while(task: int) -> int:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # (a worker stuck where SIGTERM cannot end it)
    time.sleep(60)
    return task


def test_a_worker_that_does_not_end_on_sigterm_is_killed() -> None:
    from c5names.cli import workers as module

    before = _children()
    start = time.monotonic()
    saved, module.STOP_WAIT = module.STOP_WAIT, 0.5
    try:
        with pytest.raises(KeyboardInterrupt), Workers(1, _sigterm_ignored_for_a_while) as workers:
            workers.submit(1)
            time.sleep(0.3)  # (the worker has started its task and ignores SIGTERM)
            raise KeyboardInterrupt
    finally:
        module.STOP_WAIT = saved
    assert time.monotonic() - start < 20
    assert not (_children() - before)


def test_a_run_whose_worker_is_killed_ends_with_an_error_naming_it() -> None:
    """`--jobs 2` over a corpus one of whose documents kills the worker linking it (as the system's
    out-of-memory killer would): the run stops with WorkerLost (the command line's exit status 2),
    every document before it linked, and no worker left."""
    from c5names.cli.batch import link_stream
    from c5names.cli.corpus import Document, Failure
    from c5names.linker import Linker
    from c5names.model import Mention

    class Killed(Linker):
        def link(self, text: str, *args: Any, **kwargs: Any) -> list[Mention]:
            if "KILL" in text:
                os.kill(os.getpid(), signal.SIGKILL)
            return super().link(text, *args, **kwargs)

    texts = [f"Chavkat Mirzioïev a reçu Sergio Gor ({n})." for n in range(200)]
    texts[150] = "KILL"
    docs = [Document(n, text, "corpus.jsonl", "fr") for n, text in enumerate(texts)]
    before = _children()
    linked = []
    with pytest.raises(WorkerLost, match=r"worker process \d+ ended before answering \(exit code -9\)"):
        for item in link_stream(docs, Killed(), jobs=2):
            assert not isinstance(item, Failure)
            linked.append(item)
    assert len(linked) < 150 and all(doc.text == texts[n] for n, (doc, _mentions) in enumerate(linked))
    assert all([m.id for m in mentions] == ["mirziyoyev-shavkat", "gor-sergio"] for _doc, mentions in linked)
    left = [psutil.Process(pid) for pid in _children() - before if psutil.pid_exists(pid)]
    assert not psutil.wait_procs(left, timeout=10)[1], "a worker outlived the run"


def test_pipes_hold_a_chunk_and_its_answer_whole_so_a_send_does_not_wait_for_a_busy_reader() -> None:
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_GETPIPE_SZ"):
        pytest.skip("pipe sizes are Linux's")
    from c5names.cli.workers import PIPE_BYTES

    with open("/proc/sys/fs/pipe-max-size", encoding="ascii") as limit:
        if int(limit.read()) < PIPE_BYTES:
            pytest.skip("this system caps pipes below PIPE_BYTES")
    with Workers(2, _echo) as workers:
        ends = [*workers._tasks, *workers._results]
        assert [fcntl.fcntl(end.fileno(), fcntl.F_GETPIPE_SZ) for end in ends] == [PIPE_BYTES] * 4
        chunk = (0, "x" * (PIPE_BYTES // 2))
        start = time.monotonic()
        tickets = [workers.submit(chunk) for _ in range(2)]  # (each send one write, read or not)
        assert time.monotonic() - start < 1
        assert [workers.result(t)[2] for t in tickets] == [chunk[1]] * 2


def test_with_jobs_a_documents_language_is_detected_in_the_worker_that_links_it(tmp_path: Path) -> None:
    """Detecting costs about a third of linking: the parent of `--jobs 2` only reads and writes. A
    linker that refuses to detect in the parent still gives `--jobs 1`'s output, detected languages
    included."""
    import io
    import json

    from c5names.cli.batch import run
    from c5names.cli.corpus import Defaults
    from c5names.cli.formats import JsonlWriter
    from c5names.linker import Linker

    parent = os.getpid()

    class NotInParent(Linker):
        def language_of(self, text: str, lang: str | None = None) -> str | None:
            if os.getpid() == parent:
                raise AssertionError("the parent detected a language")
            return super().language_of(text, lang)

    texts = [
        "Президент Мирзиёев встретился с Токаевым в Вашингтоне на этой неделе.",
        "Le président Chavkat Mirzioïev a reçu Sergio Gor à Tachkent cette semaine.",
        "Tokayev.",
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": n, "text": texts[n % 3]}) + "\n" for n in range(60)), encoding="utf-8")

    def output(linker: Linker, jobs: int) -> str:
        out, problems = io.StringIO(), []
        summary = run([str(corpus)], linker, JsonlWriter(out), Defaults(), problems.append, jobs=jobs)
        assert (summary.written, summary.failed, problems) == (60, 0, [])
        return out.getvalue()

    parallel = output(NotInParent(), jobs=2)
    assert parallel == output(Linker(), jobs=1)
    records = [json.loads(line) for line in parallel.splitlines()]
    assert [r.get("lang_detected") for r in records[:3]] == ["ru", "fr", None]
    assert [m["id"] for m in records[1]["mentions"]] == ["mirziyoyev-shavkat", "gor-sergio"]


def _pid_and_mark(_task: int) -> tuple[int, object]:
    from c5names.cli import workers as module

    return os.getpid(), getattr(module, "_MARK", None)


FORKSERVER_DEFAULT = """
import multiprocessing, os, sys
sys.path.insert(0, {root!r})
multiprocessing.set_start_method("forkserver")  # (Python 3.14's default on Linux)
from c5names.cli import workers
from tests.cli.test_workers import _pid_and_mark
workers._MARK = "set in the parent after import"
with workers.Workers(2, _pid_and_mark) as pool:
    answers = [pool.result(pool.submit(n)) for n in range(4)]
assert all(pid != os.getpid() for pid, _mark in answers)
print(sorted({{mark for _pid, mark in answers}}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_workers_are_forked_on_linux_whatever_the_default_start_method() -> None:
    """A forked worker shares the parent's loaded index; forkserver (Python 3.14's default) would get
    the linker pickled. A module attribute set in the parent after import reaches only a forked child."""
    root = str(Path(__file__).resolve().parents[2])
    done = subprocess.run([sys.executable, "-c", FORKSERVER_DEFAULT.format(root=root)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['set in the parent after import']"
