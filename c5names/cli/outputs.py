"""Where `normalise` writes: standard output, one file (`-o FILE`), or one output per input (`-o DIR`).

A corpus kept in shards (news/2024-01.jsonl.gz, news/2024-02.jsonl.gz, …) stays in shards: with
`-o DIR` (a folder that exists, or a path ending in `/`) each input's documents go, in input order,
to DIR/<the input's path below the folder or glob given>, with the format's suffix in place of the
input's (news/2024/01.jsonl.gz → DIR/2024/01.jsonl), and DIR/manifest.json lists every input, its
output and what became of its documents. The shards are written into a hidden staging folder beside
DIR and moved into place, the manifest last, only when the run ends: as with `-o FILE`, an
interrupted run leaves DIR as it was. Other files in DIR are left alone.

A URL (`s3://…`) as `-o` is written to a local temporary file (or staging folder) first and uploaded
when complete, so an object store never holds half an output.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO, TextIO

from c5names import __version__
from c5names.cli.atomic import OutputError, atomic_output
from c5names.cli.batch import Summary
from c5names.cli.formats import BINARY_FORMATS, SUFFIXES, Writer, escape_surrogates, make_writer
from c5names.cli.inputs import COMPRESSION, STDIN, document_format, same_file
from c5names.cli.interrupt import deferred
from c5names.cli.paths import Planned, filesystem, is_url, upload

MANIFEST = "manifest.json"


def is_folder(path: str) -> bool:
    """Whether `-o PATH` asks for one output per input: a folder that exists, or a path ending in `/`."""
    if path.endswith("/"):
        return True
    if is_url(path):
        fs, inner = filesystem(path)
        return bool(fs.isdir(inner))
    return Path(path).is_dir()


@contextmanager
def output_file(path: str | None, binary: bool = False) -> Iterator[TextIO]:
    """`atomic_output` for standard output and local files; a URL gets a local temporary file that is
    uploaded once the run succeeded."""
    if path is None or not is_url(path):
        with atomic_output(path, binary) as out:
            yield out
        return
    with tempfile.TemporaryDirectory(prefix="c5names-") as folder:
        local = Path(folder) / "output"
        with atomic_output(str(local), binary) as out:
            yield out
        upload(local, path)


def shard_name(name: str, fmt: str) -> str:
    """An input's name below DIR with the format's suffix: 2024/01.jsonl.gz → 2024/01.jsonl (jsonl),
    2024/01.parquet (parquet); a name without a document suffix keeps it (notes.md → notes.md.txt)."""
    if document_format(PurePosixPath(name).name) is not None:
        lower = name.lower()
        for suffix in COMPRESSION:
            if lower.endswith(suffix):
                name = name[: -len(suffix)]
                break
        name = str(PurePosixPath(name).with_suffix(""))
    return name + SUFFIXES[fmt]


def shard_names(planned: list[Planned], folder: str, fmt: str) -> dict[str, str]:
    """Each input's output name below DIR; OutputError when two inputs would write the same one, or
    an output would overwrite an input."""
    if any(raw == STDIN for raw, _ in planned):
        raise OutputError(f"-o {folder}: one output per input needs files; standard input (-) has no name")
    names: dict[str, str] = {}
    taken: dict[str, str] = {MANIFEST: "the manifest"}
    for raw, name in planned:
        shard = shard_name(name, fmt)
        if shard in taken:
            raise OutputError(f"-o {folder}: {raw} and {taken[shard]} would both be written to {shard}")
        target = os.path.join(folder, shard)
        if not is_url(folder) and any(Path(r).is_file() and same_file(target, r) for r, _ in planned):
            raise OutputError(f"-o {folder}: {shard} would overwrite an input; choose another folder")
        taken[shard] = raw
        names[raw] = shard
    return names


class ShardedOutput:
    """One writer per input into a staging folder, committed into DIR with a manifest (`batch.Sink`)."""

    def __init__(self, folder: str, names: dict[str, str], fmt: str, style: str = "annotate") -> None:
        self.folder, self.names, self.fmt, self.style = folder.rstrip("/") or "/", names, fmt, style
        self.binary = fmt in BINARY_FORMATS
        self.staging: Path | None = None
        self.current: tuple[str, IO[str] | IO[bytes], Writer] | None = None
        self.opened: set[str] = set()

    def start(self) -> None:
        if is_url(self.folder):
            self.staging = Path(tempfile.mkdtemp(prefix="c5names-"))
            return
        target = Path(self.folder)
        if not target.parent.is_dir():
            raise OutputError(f"-o {self.folder}: the folder {target.parent} does not exist; create it first")
        with deferred():
            self.staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.c5names-", dir=target.parent))

    def writer(self, raw: str) -> Writer:
        if self.current is not None and self.current[0] == raw:
            return self.current[2]
        self._close()
        assert self.staging is not None
        path = self.staging / self.names[raw]
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("wb") if self.binary else path.open("w", encoding="utf-8", newline="")
        writer = make_writer(self.fmt, handle, self.style)
        self.current = (raw, handle, writer)
        self.opened.add(raw)
        writer.start()
        return writer

    def _close(self) -> None:
        if self.current is not None:
            _raw, handle, writer = self.current
            self.current = None
            writer.finish()
            handle.close()

    def finish(self, summaries: dict[str, Summary]) -> None:
        self._close()
        for raw in self.names:  # an input without documents still has its (empty) output
            if raw not in self.opened and not summaries[raw].unusable:
                self.writer(raw)
        self._close()
        shards = []
        for raw, name in self.names.items():
            summary = summaries[raw]
            shards.append(
                {
                    "input": raw,
                    "output": name if raw in self.opened else None,
                    "written": summary.written,
                    "failed": summary.failed,
                    "unusable": bool(summary.unusable),
                }
            )
        manifest = {
            "c5names": __version__,
            "format": self.fmt,
            "written": sum(s.written for s in summaries.values()),
            "failed": sum(s.failed for s in summaries.values()),
            "unusable": sum(s.unusable for s in summaries.values()),
            "shards": shards,
        }
        assert self.staging is not None
        text = escape_surrogates(json.dumps(manifest, indent=2, ensure_ascii=False)) + "\n"
        (self.staging / MANIFEST).write_text(text, encoding="utf-8")
        self._commit([n for r, n in self.names.items() if r in self.opened] + [MANIFEST])

    def _commit(self, files: list[str]) -> None:
        assert self.staging is not None
        if is_url(self.folder):
            for name in files:
                upload(self.staging / name, f"{self.folder}/{name}")
            return
        with deferred():
            for name in files:
                target = Path(self.folder) / name
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.staging / name, target)

    def close(self) -> None:
        """Remove the staging folder (all of it when the run did not finish)."""
        if self.current is not None:
            self.current[1].close()
            self.current = None
        if self.staging is not None:
            with deferred():
                shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None


@contextmanager
def sharded_output(folder: str, names: dict[str, str], fmt: str, style: str = "annotate") -> Iterator[ShardedOutput]:
    sink = ShardedOutput(folder, names, fmt, style)
    try:
        yield sink
    finally:
        sink.close()
