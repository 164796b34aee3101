"""Link on a Dask cluster: the command line's `--scheduler`, and what `c5names.dask` runs on workers.

The linker is compiled once, on the client, and shipped to each worker once: a `Shipment` holds its
compiled index as bytes and its options, and is scattered to every worker (`broadcast`). A worker
unpickles it the first time a task needs it and keeps the linker for the next tasks (`received`);
tasks carry only documents and a reference to the shipment. A worker that joins later (one that
replaces a dead worker) fetches the shipment from a peer, once.

The command line's cluster run is `batch.pooled` with Dask futures instead of a process pool: the
same reading, chunks, windows for huge documents, order and writers as on one machine, hence the same
output. A worker that dies mid-run is replaced (its nanny restarts it) and the scheduler runs its
tasks again elsewhere; each chunk's result is taken once, in order, so every document is written
exactly once. A task that raised is retried `RETRIES` times.

dask and distributed are optional (`pip install "c5names[dask]"`) and slow to import, so they are
imported when a cluster is first used, not when the command line starts.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from c5names.cli.batch import Answer, Linked, LinkStream, link_task, pooled
from c5names.cli.corpus import Document, Failure
from c5names.cli.extras import optional
from c5names.cli.windows import Task
from c5names.errors import C5NamesError
from c5names.index import engine_version, gazetteer_from_bytes, gazetteer_to_bytes
from c5names.linker import Linker

RETRIES = 2  # a task that raised runs again this many times (a worker's death is the scheduler's)
WORKERS_TIMEOUT = 120  # seconds to wait for a first worker
# A LocalCluster of one-thread worker processes (linking is CPU-bound Python), quiet, and without a
# dashboard or a fixed HTTP port (8787 is often taken by the user's own cluster).
LOCAL_CLUSTER: dict[str, Any] = {
    "threads_per_worker": 1,
    "processes": True,
    "dashboard_address": "127.0.0.1:0",
    "scheduler_kwargs": {"dashboard": False},
    "silence_logs": logging.CRITICAL,  # its shutdown noise; failures are reported by the run
}
KEEP_LINKERS = 2  # linkers a worker process keeps (a long-lived worker serves many runs)
_LOCAL = re.compile(r"local(?::(\d+))?")
_ADDRESS = re.compile(r"(?:(tcp|tls|ws|wss|ucx|inproc)://)?\[?[\w.:-]+\]?:\d+")


class ClusterError(C5NamesError):
    """The cluster cannot be reached or could not finish the run (exit 2)."""


def scheduler_address(value: str) -> str:
    """`--scheduler`'s value checked: `local`, `local:N`, `[tcp://]HOST:PORT` or a scheduler file
    (`.json`, as `dask scheduler --scheduler-file` writes it). ValueError says what is accepted."""
    local = _LOCAL.fullmatch(value)
    if local:
        if local.group(1) is not None and int(local.group(1)) < 1:
            raise ValueError("local:N needs at least 1 worker")
        return value
    if value.endswith(".json"):
        return value
    if _ADDRESS.fullmatch(value):
        return value if "://" in value else f"tcp://{value}"
    raise ValueError(
        f"{value!r} is not a scheduler: give tcp://HOST:PORT, local:N (N workers on this machine) or a "
        "scheduler file (.json)"
    )


@contextmanager
def connected(scheduler: str) -> Iterator[Any]:
    """A `distributed.Client` of the scheduler (a LocalCluster of N one-thread worker processes for
    `local:N`, its scratch space removed afterwards), closed on the way out; ClusterError when it
    cannot be reached or has no worker."""
    distributed = optional("distributed", "--scheduler (running on a Dask cluster)")
    with contextlib.ExitStack() as stack:
        try:
            local = _LOCAL.fullmatch(scheduler)
            if local:
                scratch = stack.enter_context(
                    tempfile.TemporaryDirectory(prefix="c5names-dask-", ignore_cleanup_errors=True)
                )
                dask_config = optional("dask", "--scheduler").config
                stack.enter_context(dask_config.set({"temporary-directory": scratch}))  # all of its scratch
                workers = int(local.group(1) or 0) or None  # local: one per CPU
                cluster = distributed.LocalCluster(n_workers=workers, local_directory=scratch, **LOCAL_CLUSTER)
                stack.callback(cluster.close)
                client = distributed.Client(cluster)
            elif scheduler.endswith(".json"):
                client = distributed.Client(scheduler_file=scheduler)
            else:
                client = distributed.Client(scheduler)  # timeout: distributed.comm.timeouts.connect
        except (OSError, TimeoutError, RuntimeError) as err:
            raise ClusterError(f"--scheduler {scheduler}: cannot connect ({err})") from None
        stack.callback(client.close)
        try:
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except TimeoutError:
            raise ClusterError(f"--scheduler {scheduler}: no worker joined in {WORKERS_TIMEOUT} s") from None
        yield client


# -- shipping the linker ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Shipment:
    """A linker as workers receive it: the compiled index as bytes, and the linker's options."""

    token: str  # identifies the content: a worker keeps one linker per token
    engine: str  # the engine version that compiled the index (a worker's c5names must match)
    digest: str
    index: bytes
    threshold: float
    default_date: str | None
    types: tuple[str, ...]
    detect_language: bool


def ship(linker: Linker) -> Shipment:
    """The linker packed for workers: its index compiled (or read from the cache) here, once."""
    data = gazetteer_to_bytes(linker.gazetteer)
    options = (linker.threshold, linker.default_date, tuple(sorted(linker.types)), linker.detect_language)
    token = hashlib.blake2b(data + repr(options).encode(), digest_size=16).hexdigest()
    return Shipment(token, engine_version(), linker.gazetteer.digest, data, *options)


_RECEIVED: OrderedDict[str, Linker] = OrderedDict()
_RECEIVING = threading.Lock()


def received(shipment: Shipment) -> Linker:
    """The shipment's linker in this (worker) process: unpickled on the first call, then kept."""
    with _RECEIVING:
        linker = _RECEIVED.get(shipment.token)
        if linker is None:
            if shipment.engine != engine_version():
                raise ClusterError(
                    f"this worker's c5names (engine {engine_version()}) is not the client's ({shipment.engine}): "
                    "install the same c5names version on the client and every worker"
                )
            gazetteer = gazetteer_from_bytes(shipment.index, shipment.digest)
            linker = Linker(
                gazetteer,
                types=shipment.types,
                threshold=shipment.threshold,
                default_date=shipment.default_date,
                detect_language=shipment.detect_language,
            )
            _RECEIVED[shipment.token] = linker
            while len(_RECEIVED) > KEEP_LINKERS:
                _RECEIVED.popitem(last=False)
        _RECEIVED.move_to_end(shipment.token)
        return linker


def link_tasks(shipment: Shipment, tasks: list[Task]) -> list[Answer]:
    """A chunk of documents linked on a worker, each detected there if need be (a failure is the
    outcome's message, as in `batch`)."""
    linker = received(shipment)
    return [link_task(linker, task) for task in tasks]


def ready(shipment: Shipment) -> str:
    """Unpickle the shipment on a worker now (what `bench/cluster.py` times); its token."""
    received(shipment)
    return shipment.token


def scatter(client: Any, shipment: Shipment) -> Any:
    """The shipment sent to every worker now (a future that tasks take as an argument)."""
    return client.scatter(shipment, broadcast=True, hash=False)


# -- the command line's cluster run ------------------------------------------------------------------


class _Result:
    """A chunk's future, read like a pool's AsyncResult; a cluster failure becomes a ClusterError."""

    def __init__(self, future: Any) -> None:
        self.future = future

    def get(self) -> list[Answer]:
        try:
            outcome: list[Answer] = self.future.result()
        except ClusterError:
            raise
        except Exception as err:  # KilledWorker, a lost scheduler, cancellation: the run cannot finish
            message = f"the cluster could not link a chunk of documents ({type(err).__name__}: {err})"
            raise ClusterError(message) from None
        finally:
            self.future.release()
        return outcome


@contextmanager
def cluster_link(scheduler: str, linker: Linker) -> Iterator[LinkStream]:
    """Connect, ship the linker, and give the function that links a stream of documents there."""
    shipment = ship(linker)
    with connected(scheduler) as client:
        shipped = scatter(client, shipment)
        del shipment

        def submit(tasks: list[Task]) -> _Result:
            return _Result(client.submit(link_tasks, shipped, tasks, pure=False, retries=RETRIES))

        def link(items: Iterable[Document | Failure]) -> Iterator[Linked | Failure]:
            width = max(1, sum(client.nthreads().values()))
            return pooled(items, submit, width, linker)

        yield link
