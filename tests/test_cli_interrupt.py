"""Interrupting a run with `-o` (Ctrl-C, a job scheduler's SIGTERM, `docker stop`) at any point leaves
the output path as it was or complete, no temporary file, and no traceback from any process."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from .test_cli_support import LANGS, REPO, SENTENCES

DOCUMENTS = 20_000  # (a few seconds with --jobs 2 too, so that interruptions land before the end)
OLD = "the previous output, which must survive an interrupted run\n"


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A corpus that takes a few seconds to link, and what a complete run writes from it."""
    folder = tmp_path_factory.mktemp("interrupt")
    corpus = folder / "big.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for n in range(DOCUMENTS):
            text = f"{SENTENCES[n % 4]} ({n})"
            handle.write(json.dumps({"id": n, "lang": LANGS[n % 4], "text": text}, ensure_ascii=False) + "\n")
    out = folder / "complete.jsonl"
    done = subprocess.run(_command(corpus, out, 1), env=_env(), capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return corpus, out.read_text(encoding="utf-8")


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO))


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _command(corpus: Path, out: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "c5names", "normalise", str(corpus), "--format", "jsonl", "-o", str(out),
            "--jobs", str(jobs)]  # fmt: skip


def _interrupt(
    corpus: Path, out: Path, jobs: int, signum: int, share: float, complete: int
) -> subprocess.CompletedProcess[bytes]:
    """Run, and send `signum` after 0.5 s (`share` 0: still starting up), or once the temporary output
    holds `share` of the `complete` size in bytes (1 byte: writing has started; 0.5: halfway)."""
    proc = subprocess.Popen(
        _command(corpus, out, jobs),
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_default_sigint,  # a test run in the background inherits SIGINT ignored
    )
    deadline = time.monotonic() + 120
    time.sleep(0.5)
    while share and proc.poll() is None and time.monotonic() < deadline:
        if any(p.stat().st_size >= max(1, share * complete) for p in out.parent.glob(f".{out.name}.*.tmp")):
            break
        time.sleep(0.005)
    proc.send_signal(signum)
    stdout, stderr = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_run_leaves_the_old_file_or_the_new_one(
    big_corpus: tuple[Path, str], tmp_path: Path, signum: int, jobs: int
) -> None:
    corpus, complete = big_corpus
    out = tmp_path / "out.jsonl"
    interrupted = 0
    for share in (0.0, 1e-9, 0.5):  # starting up; as writing starts; halfway through the corpus
        out.write_text(OLD, encoding="utf-8")
        done = _interrupt(corpus, out, jobs, signum, share, len(complete.encode()))
        err = done.stderr.decode("utf-8", "replace")
        # (Ctrl-C while Python still imports the package is Python's own KeyboardInterrupt: not tested)
        assert share == 0 or ("Traceback" not in err and "BrokenPipe" not in err), err
        written = out.read_text(encoding="utf-8")
        assert written in {OLD, complete}, (share, done.returncode, err)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"], "a temporary file was left"
        if written == OLD:
            interrupted += 1
            # 130/143 from c5names; killed by the signal itself only before Python set its handlers
            assert done.returncode in {130 if signum == signal.SIGINT else 143, -signum}, (done.returncode, err)
        if share and written == OLD:
            assert done.returncode > 0 and ("interrupted" in err or "terminated" in err), err
    assert interrupted >= 2  # the interruptions really landed before the end of the run


def test_a_signal_swallowed_inside_a_finaliser_still_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python ignores an exception raised in a `__del__` ("Exception ignored in"): a Ctrl-C that lands
    there (Dask's Future.__del__ during a cluster run) must still stop the run before its output
    replaces the user's file, leave no temporary file, and print no traceback for it."""
    from c5names.cli.atomic import atomic_output
    from c5names.cli.interrupt import handled

    target = tmp_path / "out.txt"
    target.write_text("yesterday's\n", encoding="utf-8")
    reported: list[BaseException | None] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: reported.append(u.exc_value))

    class Finaliser:
        def __del__(self) -> None:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.2)  # the handler runs here, inside __del__, and its exception is swallowed

    with handled(), pytest.raises(KeyboardInterrupt), atomic_output(str(target)) as out:
        out.write("today's\n")
        Finaliser()
        out.write("and the run went on\n")
    assert target.read_text(encoding="utf-8") == "yesterday's\n"
    assert list(tmp_path.iterdir()) == [target]
    assert reported == []  # the interruption was not printed as "Exception ignored ... Traceback"


def test_other_errors_in_a_finaliser_are_still_reported_while_signals_are_handled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only the run's own interruptions are kept quiet: anything else a `__del__` raises reaches the
    hook that was there before, during the run and after it."""
    from c5names.cli.interrupt import handled

    reported: list[BaseException | None] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: reported.append(u.exc_value))

    class Broken:
        def __del__(self) -> None:
            raise ValueError("broken finaliser")

    with handled():
        Broken()
    Broken()
    assert [type(e) for e in reported] == [ValueError, ValueError]
    assert sys.unraisablehook is not None and sys.unraisablehook.__name__ == "<lambda>"  # put back


_ARMED: list[int] = []  # a signal the next fork in this process sends to the parent, once


def _signal_after_fork() -> None:
    if _ARMED:
        os.kill(os.getpid(), _ARMED.pop())


os.register_at_fork(after_in_parent=_signal_after_fork)  # (cannot be unregistered: armed per test)


@pytest.mark.parametrize("other_thread", [False, True], ids=["alone", "with-a-thread"])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_during_a_workers_fork_stops_the_run_and_leaves_no_worker(signum: int, other_thread: bool) -> None:
    """A signal landing while the pool forks its workers (the CLI's first half second, where Ctrl-C
    is likeliest) is held back until the pool is whole, then stops the run, and every worker goes:
    one left behind would hold the caller's pipes open, and `| tee` would wait for ever. Also when
    another thread is running (a program embedding the CLI, or pytest's own): the kernel gives a
    signal sent to the process to any thread that does not block it."""
    import psutil  # (distributed's dependency)

    from c5names.cli.batch import link_stream
    from c5names.cli.corpus import Document
    from c5names.cli.interrupt import handled
    from c5names.linker import Linker

    docs = [Document(n, SENTENCES[n % 4], "corpus.jsonl", LANGS[n % 4]) for n in range(64)]
    linker = Linker()
    before = {p.pid for p in psutil.Process().children(recursive=True)}  # (other tests' pools, if any)
    stop = threading.Event()
    idle = threading.Thread(target=stop.wait, daemon=True)
    if other_thread:
        idle.start()
    _ARMED.append(signum)
    try:
        with handled(), pytest.raises(KeyboardInterrupt):
            for _ in link_stream(docs, linker, jobs=2):
                pass
    finally:
        _ARMED.clear()
        stop.set()
    assert not [p for p in multiprocessing.active_children() if p.pid not in before]
    left = [p for p in psutil.Process().children(recursive=True) if p.pid not in before]
    assert not psutil.wait_procs(left, timeout=10)[1], "a worker outlived the interrupted run"


@pytest.mark.parametrize("other_thread", [False, True], ids=["alone", "with-a-thread"])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_deferred_block_runs_to_its_end_and_the_signal_lands_after_it(signum: int, other_thread: bool) -> None:
    from c5names.cli.interrupt import deferred, handled

    stop = threading.Event()
    idle = threading.Thread(target=stop.wait, daemon=True)
    if other_thread:
        idle.start()
    done = []
    try:
        with handled():
            before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
            with pytest.raises(KeyboardInterrupt):
                with deferred():
                    os.kill(os.getpid(), signum)
                    time.sleep(0.05)  # (a handler that raised would have run by now)
                    done.append("the block's end")
                done.append("after the block")  # never: the signal is delivered as the block ends
            assert done == ["the block's end"]
            assert {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)} == before
            assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == set()
    finally:
        stop.set()
