"""`normalise --scheduler` on a real Dask cluster: a scheduler and two worker processes started here on
127.0.0.1, as `dask scheduler` and `dask worker` are started by hand. The output is the output of
`--jobs 1`, document for document and shard for shard; a worker killed mid-run is replaced and the run
loses and duplicates nothing; a bad document is reported as on one machine; the workers never
compile (nor read a cached index of) the gazetteer: they link with the index the client shipped."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import c5names
from bench import corpus as bench_corpus

from .test_cli_support import REPO, assert_clean_failure, jsonl, run_cli

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow

DOCUMENTS_PER_LANGUAGE = 520  # four languages: 2,080 documents


@dataclass
class Cluster:
    scheduler_file: Path
    worker_cache: Path  # the workers' C5NAMES_CACHE_DIR: must stay empty
    processes: list[subprocess.Popen[bytes]]

    def client(self) -> distributed.Client:
        return distributed.Client(scheduler_file=str(self.scheduler_file), timeout="30s")


def _start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as handle:
        return subprocess.Popen(
            [sys.executable, "-m", *args],
            stdout=handle,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,  # its own process group: the worker processes its nanny starts too
        )


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    """Every process group ended, politely first, whatever state the test left them in."""
    for sig, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
        for proc in processes:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, sig)
        deadline = time.monotonic() + wait
        for proc in processes:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        if all(proc.poll() is not None for proc in processes):
            break
    for proc in processes:  # the nannies' worker processes, in the same groups
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    folder = tmp_path_factory.mktemp("dask-cluster")
    scheduler_file = folder / "scheduler.json"
    worker_cache = folder / "worker-cache"
    worker_cache.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO), "C5NAMES_CACHE_DIR": str(worker_cache)}
    processes: list[subprocess.Popen[bytes]] = []
    try:
        scheduler = ["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"]
        scheduler += ["--scheduler-file", str(scheduler_file), "--idle-timeout", "600"]
        processes.append(_start(scheduler, env, folder / "scheduler.log"))
        for n in range(2):
            worker = ["distributed.cli.dask_worker", "--scheduler-file", str(scheduler_file), "--host", "127.0.0.1"]
            worker += ["--nthreads", "1", "--nworkers", "1", "--no-dashboard", "--death-timeout", "60"]
            worker += ["--memory-limit", "0", "--local-directory", str(folder / f"worker-{n}")]
            processes.append(_start(worker, env, folder / f"worker-{n}.log"))
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        found = Cluster(scheduler_file, worker_cache, processes)
        with found.client() as client:
            client.wait_for_workers(2, timeout=60)
        yield found
    finally:
        _stop(processes)


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,080 generated news documents in French, English, German and Russian, in three shards (one
    compressed), named by the gazetteer's people in their languages' spellings and cases."""
    folder = tmp_path_factory.mktemp("news")
    gazetteer = c5names.load()
    documents = []
    for lang in bench_corpus.LANGS:
        generator = bench_corpus.CorpusGenerator(gazetteer, lang, seed=23)
        documents += [generator.document() for _ in range(DOCUMENTS_PER_LANGUAGE)]
    documents.sort(key=lambda d: d.id[-4:])  # languages interleaved within every shard
    lines = [json.dumps({"id": d.id, "lang": d.lang, "date": d.date, "text": d.text}) + "\n" for d in documents]
    third = len(lines) // 3
    (folder / "2025").mkdir()
    (folder / "2025" / "a.jsonl").write_text("".join(lines[:third]), encoding="utf-8")
    (folder / "2025" / "b.jsonl").write_text("".join(lines[third : 2 * third]), encoding="utf-8")
    (folder / "c.jsonl").write_text("".join(lines[2 * third :]), encoding="utf-8")
    return folder


def _shards_of(folder: Path) -> dict[str, list[dict]]:
    return {p.relative_to(folder).as_posix(): jsonl(p.read_text("utf-8")) for p in sorted(folder.rglob("*.jsonl"))}


def test_a_cluster_run_writes_what_one_process_writes(cluster: Cluster, shards: Path, tmp_path: Path) -> None:
    one = run_cli("normalise", shards, "--format", "jsonl", "--jobs", "1", "-o", f"{tmp_path / 'one'}/")
    assert one.code == 0, one.err
    many = run_cli(
        "normalise", shards, "--format", "jsonl", "--scheduler", cluster.scheduler_file, "-o", f"{tmp_path / 'many'}/"
    )
    assert many.code == 0, many.err
    expected, got = _shards_of(tmp_path / "one"), _shards_of(tmp_path / "many")
    assert list(got) == ["2025/a.jsonl", "2025/b.jsonl", "c.jsonl"]
    assert sum(len(records) for records in expected.values()) == 4 * DOCUMENTS_PER_LANGUAGE
    assert {r["lang"] for records in expected.values() for r in records} == set(bench_corpus.LANGS)
    assert sum(len(r["mentions"]) for records in expected.values() for r in records) > 4_000
    for name, records in expected.items():  # document for document, mention for mention, in order
        assert got[name] == records, name
    manifest = json.loads((tmp_path / "many" / "manifest.json").read_text("utf-8"))
    assert [(s["output"], s["written"]) for s in manifest["shards"]] == [(n, len(r)) for n, r in expected.items()]
    assert list(cluster.worker_cache.iterdir()) == []  # the workers linked with the shipped index


def _worker_pids(client: distributed.Client) -> dict[str, int]:
    return dict(client.run(os.getpid))


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(cluster: Cluster, shards: Path, tmp_path: Path) -> None:
    inputs = sorted(str(p) for p in shards.rglob("*.jsonl"))
    expected = run_cli("normalise", *inputs, "--format", "jsonl", "--jobs", "1")
    assert expected.code == 0, expected.err
    out = tmp_path / "linked.jsonl"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    command = [sys.executable, "-m", "c5names", "normalise", *inputs, "--format", "jsonl"]
    command += ["--scheduler", str(cluster.scheduler_file), "-o", str(out)]
    with cluster.client() as client:
        before = _worker_pids(client)
        run = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        try:
            victim = None
            deadline = time.monotonic() + 60
            while victim is None and time.monotonic() < deadline and run.poll() is None:
                busy = [address for address, keys in client.processing().items() if keys]
                if busy and len(busy) == len(before):  # both workers are linking: kill one of them
                    victim = busy[0]
                time.sleep(0.05)
            assert victim is not None and run.poll() is None, "the run ended before a worker could be killed"
            os.kill(before[victim], signal.SIGKILL)
            _, err = run.communicate(timeout=300)
        finally:
            if run.poll() is None:
                run.kill()
                run.wait()
        assert run.returncode == 0, err.decode()
        client.wait_for_workers(2, timeout=60)
        after = _worker_pids(client)
    assert before[victim] not in after.values() and len(after) == 2  # the nanny started a new worker
    records, wanted = jsonl(out.read_text("utf-8")), jsonl(expected.out)
    assert [r["id"] for r in records] == [r["id"] for r in wanted]  # nothing lost, nothing twice, in order
    assert records == wanted


def test_a_bad_document_is_reported_as_on_one_machine(cluster: Cluster, tmp_path: Path) -> None:
    corpus = tmp_path / "bad.jsonl"
    lines = [
        {"id": "a", "lang": "en", "text": "President Tokayev met Sadyr Japarov."},
        {"id": "b", "lang": "en"},
        {"id": "c", "lang": "not a language!", "text": "Tokayev."},
        {"id": "d", "lang": "ru", "text": "Президент Мирзиёев встретился с Токаевым."},
    ]
    corpus.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    one = run_cli("normalise", corpus, "--format", "jsonl")
    many = run_cli("normalise", corpus, "--format", "jsonl", "--scheduler", cluster.scheduler_file)
    assert (many.code, many.out, many.err) == (one.code, one.out, one.err)
    assert_clean_failure(many, 1, f"{corpus}:2: no 'text' field", f"{corpus}:3: 'lang'")
    assert [r["id"] for r in jsonl(many.out)] == ["a", "d"]


def test_a_gazetteer_of_ones_own_is_shipped_too(cluster: Cluster, tmp_path: Path) -> None:
    """--gazetteer files are compiled on the client with the rest and linked with on the workers, which
    never read them (they need not exist there)."""
    corpus = tmp_path / "c.jsonl"
    text = "Shavkat Mirziyaev met Tanzila Narbayeva in Latin America."
    corpus.write_text(json.dumps({"id": "g", "lang": "en", "text": text}) + "\n", encoding="utf-8")
    mine = REPO / "docs" / "examples" / "my-gazetteer.yaml"
    one = run_cli("--gazetteer", mine, "normalise", corpus, "--format", "jsonl")
    many = run_cli("--gazetteer", mine, "normalise", corpus, "--format", "jsonl", "--scheduler", cluster.scheduler_file)
    assert many.code == one.code == 0, many.err
    assert many.out == one.out
    assert "narbayeva-tanzila" in {m["id"] for m in jsonl(many.out)[0]["mentions"]}
    assert list(cluster.worker_cache.iterdir()) == []


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "c.txt"
    corpus.write_text("Tokayev.", encoding="utf-8")
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "2s")  # Dask's own setting
    with contextlib.closing(socket.socket()) as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run_cli("normalise", corpus, "--scheduler", f"127.0.0.1:{port}", "-o", tmp_path / "out.txt")
    assert_clean_failure(result, 2, f"--scheduler tcp://127.0.0.1:{port}: cannot connect")
    assert not (tmp_path / "out.txt").exists()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_local_cluster_run_leaves_nothing_behind(shards: Path, tmp_path: Path, signum: int) -> None:
    """Stopped while linking: the -o file as it was, no temporary file, none of Dask's scratch space,
    no worker process left running."""
    out, scratch = tmp_path / "out.jsonl", tmp_path / "tmp"
    out.write_text("yesterday's\n", encoding="utf-8")
    scratch.mkdir()
    command = [sys.executable, "-m", "c5names", "normalise", str(shards), "--format", "jsonl", "-o", str(out)]
    run = subprocess.Popen(
        [*command, "--scheduler", "local:2"],
        env=dict(os.environ, PYTHONPATH=str(REPO), TMPDIR=str(scratch)),
        stderr=subprocess.PIPE,
        start_new_session=True,  # the run and its workers in a group of their own, to be checked
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 120
        while run.poll() is None and time.monotonic() < deadline:
            if any(p.stat().st_size > 0 for p in tmp_path.glob(".out.jsonl.*.tmp")):
                break  # the workers are linking and the output is being written
            time.sleep(0.02)
        assert run.poll() is None, "the run ended before it could be interrupted"
        run.send_signal(signum)
        _, err = run.communicate(timeout=120)
        assert run.returncode == (130 if signum == signal.SIGINT else 143), err.decode()
        assert "Traceback" not in err.decode(), err.decode()
        assert out.read_text(encoding="utf-8") == "yesterday's\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "tmp"]
        assert list(scratch.iterdir()) == []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # the workers leave with their cluster
            try:
                os.killpg(run.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.2)
        else:
            pytest.fail("a worker process outlived the interrupted run")
    finally:
        _stop([run])
