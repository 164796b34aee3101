"""Run documents through the linker into a writer, in this process or in N worker processes.

Work goes out in chunks with a bounded number in flight, so memory stays constant however long the
corpus is, and results come back in input order whatever the number of processes. A document the
linker fails on becomes a Failure like a malformed line: reported, counted, and the run goes on.

A document longer than WINDOW characters is linked in overlapping windows (`windows.py`) whose
mentions are written as they come, so one huge document costs a few times its own size, not fifty.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from c5names.cli.corpus import Defaults, Document, Failure, read_documents
from c5names.cli.formats import Writer
from c5names.cli.progress import Progress
from c5names.cli.windows import WINDOW, Outcome, Task, Windowed
from c5names.cli.workers import Workers
from c5names.linker import Linker
from c5names.model import Mention

CHUNK_SIZE = 32
CHUNK_CHARS = WINDOW  # a chunk is also closed once its documents hold this many characters
IN_FLIGHT_PER_JOB = 4

Linked = tuple[Document, Iterable[Mention]]


def link_one(linker: Linker, task: Task) -> Outcome:
    text, lang, date = task
    try:
        return linker.link(text, lang=lang, date=date)
    except Exception as err:  # an engine bug on one document must not stop a corpus
        return f"cannot link this document ({type(err).__name__}: {err})"


Answer = tuple[str | None, Outcome]  # the language detected for a document that said none, and its outcome


def link_task(linker: Linker, task: Task) -> Answer:
    """A document linked where its chunk is (a worker process, a cluster worker), its language
    detected there first when it says none: detecting costs about a third of linking, and in the
    parent of `--jobs N` it would be done for all N workers at once."""
    text, lang, date = task
    if lang is not None:
        return None, link_one(linker, task)
    try:
        detected = linker.language_of(text)
    except Exception as err:  # (as link_one: one document's failure, not the corpus')
        return None, f"cannot detect this document's language ({type(err).__name__}: {err})"
    return detected, link_one(linker, (text, detected, date))


def _link_chunk(linker: Linker, tasks: list[Task]) -> list[Answer]:
    return [link_task(linker, task) for task in tasks]


def _tasks(chunk: list[Document | Failure]) -> list[Task]:
    return [(d.text, d.lang, d.date) for d in chunk if isinstance(d, Document)]


def _merge(chunk: list[Document | Failure], answers: list[Answer]) -> Iterator[Linked | Failure]:
    results = iter(answers)
    for item in chunk:
        if isinstance(item, Failure):
            yield item
            continue
        detected, outcome = next(results)
        if detected:
            item = dataclasses.replace(item, lang=detected, detected=detected)
        yield Failure(item.where, outcome) if isinstance(outcome, str) else (item, outcome)


def _is_huge(item: Document | Failure) -> bool:
    return isinstance(item, Document) and len(item.text) > WINDOW


def link_stream(items: Iterable[Document | Failure], linker: Linker, jobs: int = 1) -> Iterator[Linked | Failure]:
    """(document, mentions) or Failure for each item, in input order. The mentions of a huge document
    are a `Windowed`: linked as they are read, so read them before asking for the next item."""
    if jobs <= 1:
        for item in items:
            if isinstance(item, Failure):
                yield item
            elif _is_huge(item):
                item = _with_language(item, linker)
                yield item, Windowed(item, lambda task: _Done(link_one(linker, task)))
            else:
                yield from _merge([item], [link_task(linker, (item.text, item.lang, item.date))])
        return
    # (worker processes joined by pipes of their own, which an interrupted run can always stop: `workers`)
    with Workers(jobs, partial(_link_chunk, linker)) as workers:
        yield from pooled(items, lambda tasks: _Ticket(workers, workers.submit(tasks)), jobs, linker)


class _Ticket:
    """A chunk sent to a worker process, with the interface of an AsyncResult."""

    def __init__(self, workers: Workers[list[Task], list[Answer]], ticket: int) -> None:
        self.workers = workers
        self.ticket = ticket

    def get(self) -> list[Answer]:
        return self.workers.result(self.ticket)


class _Done:
    """An outcome already there, with the interface of an AsyncResult."""

    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome

    def get(self) -> Outcome:
        return self.outcome


class Submitted(Protocol):
    """What worker processes or a cluster give back for a chunk sent out: its answers, once done."""

    def get(self) -> list[Answer]: ...


Submit = Callable[[list[Task]], Submitted]


def pooled(
    items: Iterable[Document | Failure], submit: Submit, width: int, linker: Linker
) -> Iterator[Linked | Failure]:
    """Link in chunks sent out with `submit` (to worker processes or a cluster), `width` of them
    working at once, at most `width * IN_FLIGHT_PER_JOB` in flight; results in input order. A huge
    document's language is detected here, with `linker`, before its windows go out."""
    pending: deque[tuple[list[Document | Failure], Submitted]] = deque()

    def send(chunk: list[Document | Failure]) -> Iterator[Linked | Failure]:
        pending.append((chunk, submit(_tasks(chunk))))
        while len(pending) >= width * IN_FLIGHT_PER_JOB:
            done, result = pending.popleft()
            yield from _merge(done, result.get())

    def window(task: Task) -> _Unwrapped:
        return _Unwrapped(submit([task]))

    chunk: list[Document | Failure] = []
    size = 0
    for item in items:
        if _is_huge(item):
            assert isinstance(item, Document)
            if chunk:
                yield from send(chunk)
                chunk, size = [], 0
            while pending:  # everything before it goes out first, in order
                done, result = pending.popleft()
                yield from _merge(done, result.get())
            item = _with_language(item, linker)
            yield item, Windowed(item, window, lookahead=width)
            continue
        chunk.append(item)
        size += len(item.text) if isinstance(item, Document) else 0
        if len(chunk) >= CHUNK_SIZE or size >= CHUNK_CHARS:
            yield from send(chunk)
            chunk, size = [], 0
    if chunk:
        pending.append((chunk, submit(_tasks(chunk))))
    while pending:
        done, result = pending.popleft()
        yield from _merge(done, result.get())


class _Unwrapped:
    """The one outcome of a one-task chunk sent out."""

    def __init__(self, result: Submitted) -> None:
        self.result = result

    def get(self) -> Outcome:
        return self.result.get()[0][1]  # (a window of a huge document, whose language is known)


@dataclass
class Summary:
    """What a run did: documents written, documents failed, inputs unusable."""

    written: int = 0
    failed: int = 0
    unusable: int = 0

    @property
    def exit_code(self) -> int:
        """0 all written; 2 nothing could be written because every input was unusable; else 1."""
        if self.unusable and not self.written and not self.failed:
            return 2
        return 1 if self.failed or self.unusable else 0

    def add(self, other: Summary) -> None:
        self.written += other.written
        self.failed += other.failed
        self.unusable += other.unusable


class Sink(Protocol):
    """Where a run's documents go: one writer for every input, or one output per input (`-o DIR`)."""

    def start(self) -> None: ...

    def writer(self, raw: str) -> Writer:
        """The writer of the documents of input `raw` (inputs come in order, each once)."""
        ...

    def finish(self, summaries: dict[str, Summary]) -> None:
        """The run is done; what it did, input by input."""
        ...


class Single:
    """Every input's documents into one writer (standard output, `-o FILE`)."""

    def __init__(self, writer: Writer) -> None:
        self.one = writer

    def start(self) -> None:
        self.one.start()

    def writer(self, raw: str) -> Writer:
        return self.one

    def finish(self, summaries: dict[str, Summary]) -> None:
        self.one.finish()


LinkStream = Callable[[Iterable[Document | Failure]], Iterator[Linked | Failure]]


def _with_language(item: Document, linker: Linker) -> Document:
    """A huge document that says no language is read in the one detected for it, here, once for the
    whole document (its windows are then read alike), and the output says which (`lang_detected`).
    Any other document is detected where it is linked (`link_task`), as `_merge` then records."""
    if item.lang:
        return item
    detected = linker.language_of(item.text)
    return dataclasses.replace(item, lang=detected, detected=detected) if detected else item


def run(
    inputs: list[str],
    linker: Linker,
    writer: Writer | Sink,
    defaults: Defaults,
    report: Callable[[str], None],
    jobs: int = 1,
    progress: Progress | None = None,
    input_format: str = "auto",
    link: LinkStream | None = None,
) -> Summary:
    """Read every input, link (`link_stream` in `jobs` processes, or `link`: on a cluster), write;
    report each failure as it happens."""
    sink = Single(writer) if isinstance(writer, Writer) else writer
    summaries: dict[str, Summary] = {raw: Summary() for raw in inputs}
    origins: deque[str] = deque()  # the input of each item on its way through the linker

    def documents() -> Iterator[Document | Failure]:
        for raw in inputs:
            for item in read_documents(raw, defaults, input_format):
                origins.append(raw)
                yield item

    linked = link(documents()) if link else link_stream(documents(), linker, jobs)
    sink.start()
    for item in linked:
        raw = origins.popleft()
        summary = summaries[raw]
        if isinstance(item, Failure):
            report(str(item))
            if item.fatal:
                summary.unusable += 1
            else:
                summary.failed += 1
            continue
        doc, mentions = item
        out = sink.writer(raw)
        out.write(doc, mentions)
        replaced = [name for name in doc.surrogates if name in out.replaces]
        if replaced:
            fields = ", ".join(repr(name) for name in replaced)
            report(f"{doc.where}: lone surrogate(s) in {fields} written as U+FFFD (the JSON formats keep them)")
        problems = mentions.failures if isinstance(mentions, Windowed) else []
        for problem in problems:
            report(f"{doc.where}: {problem}")
        if problems:
            summary.failed += 1
        else:
            summary.written += 1
        if progress:
            progress.update()
    sink.finish(summaries)
    if progress:
        progress.close()
    total = Summary()
    for summary in summaries.values():
        total.add(summary)
    return total
