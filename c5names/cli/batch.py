"""Run documents through the linker into a writer, in this process or in N worker processes.

Work goes out in chunks with a bounded number in flight, so memory stays constant however long the
corpus is, and results come back in input order whatever the number of processes. A document the
linker fails on becomes a Failure like a malformed line: reported, counted, and the run goes on.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from multiprocessing.pool import AsyncResult

from c5names.cli.corpus import Defaults, Document, Failure, read_documents
from c5names.cli.formats import Writer
from c5names.cli.progress import Progress
from c5names.linker import Linker
from c5names.model import Mention

CHUNK_SIZE = 32
IN_FLIGHT_PER_JOB = 4

Task = tuple[str, str | None, str | None]  # text, lang, date
Outcome = list[Mention] | str  # the mentions, or why linking failed
Linked = tuple[Document, list[Mention]]

_WORKER_LINKER: Linker | None = None


def _init_worker(linker: Linker) -> None:
    global _WORKER_LINKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _WORKER_LINKER = linker


def _link_one(linker: Linker, task: Task) -> Outcome:
    text, lang, date = task
    try:
        return linker.link(text, lang=lang, date=date)
    except Exception as err:  # an engine bug on one document must not stop a corpus
        return f"cannot link this document ({type(err).__name__}: {err})"


def _link_chunk(tasks: list[Task]) -> list[Outcome]:
    assert _WORKER_LINKER is not None, "worker started without a linker"
    return [_link_one(_WORKER_LINKER, task) for task in tasks]


def _tasks(chunk: list[Document | Failure]) -> list[Task]:
    return [(d.text, d.lang, d.date) for d in chunk if isinstance(d, Document)]


def _merge(chunk: list[Document | Failure], outcomes: list[Outcome]) -> Iterator[Linked | Failure]:
    results = iter(outcomes)
    for item in chunk:
        if isinstance(item, Failure):
            yield item
            continue
        outcome = next(results)
        yield Failure(item.where, outcome) if isinstance(outcome, str) else (item, outcome)


def _chunks(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document | Failure]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def link_stream(
    items: Iterable[Document | Failure], linker: Linker, jobs: int = 1, chunk_size: int = CHUNK_SIZE
) -> Iterator[Linked | Failure]:
    """(document, mentions) or Failure for each item, in input order."""
    if jobs <= 1:
        for item in items:
            if isinstance(item, Failure):
                yield item
            else:
                yield from _merge([item], [_link_one(linker, (item.text, item.lang, item.date))])
        return
    pending: deque[tuple[list[Document | Failure], AsyncResult[list[Outcome]]]] = deque()
    with multiprocessing.get_context().Pool(jobs, initializer=_init_worker, initargs=(linker,)) as pool:
        for chunk in _chunks(items, chunk_size):
            pending.append((chunk, pool.apply_async(_link_chunk, (_tasks(chunk),))))
            while len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                done, result = pending.popleft()
                yield from _merge(done, result.get())
        while pending:
            done, result = pending.popleft()
            yield from _merge(done, result.get())


@dataclass
class Summary:
    """What a run did: documents written, documents failed, inputs unusable."""

    written: int = 0
    failed: int = 0
    unusable: int = 0

    @property
    def exit_code(self) -> int:
        return 2 if self.unusable else 1 if self.failed else 0


def run(
    inputs: list[str],
    linker: Linker,
    writer: Writer,
    defaults: Defaults,
    report: Callable[[str], None],
    jobs: int = 1,
    progress: Progress | None = None,
) -> Summary:
    """Read every input, link, write; report each failure as it happens."""
    summary = Summary()
    documents = chain.from_iterable(read_documents(raw, defaults) for raw in inputs)
    writer.start()
    for item in link_stream(documents, linker, jobs):
        if isinstance(item, Failure):
            report(str(item))
            if item.fatal:
                summary.unusable += 1
            else:
                summary.failed += 1
            continue
        writer.write(*item)
        summary.written += 1
        if progress:
            progress.update()
    writer.finish()
    if progress:
        progress.close()
    return summary
