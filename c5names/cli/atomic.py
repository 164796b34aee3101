"""Output files that appear whole or not at all: `-o FILE` is written to a hidden temporary file
beside it and renamed onto it only when the run went well, whatever interrupts it.

Checked before any input is read (`check_output_path`), so that a run that cannot write does not
first spend its time linking.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO, cast

from c5names.cli.interrupt import deferred, raise_if_received
from c5names.errors import C5NamesError


class OutputError(C5NamesError):
    """The output file cannot be written where `-o` says (exit 2, before anything is read)."""


def check_output_path(path: str | None) -> None:
    """Raise OutputError when `-o PATH` cannot be written: checked before any input is read."""
    if path is None or path == "-":
        return
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"-o {path}: this is a directory; give a file name")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"-o {path}: the folder {folder} does not exist; create it first")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"-o {path}: cannot write in the folder {folder} (permission denied)")


@contextmanager
def atomic_output(path: str | None, binary: bool = False) -> Iterator[TextIO]:
    """Standard output, or a temporary file beside `path` renamed onto it only when all went well.

    SIGINT and SIGTERM are held back while the temporary file is created, renamed or removed, so an
    interruption leaves either the previous file untouched or the complete new one, and no temporary
    file (hidden, `.NAME.XXXX.tmp`, so that a directory input never reads it). `binary`: a stream of
    bytes (typed as TextIO for the writers' sake; `make_writer` gives it to a binary format)."""
    if path is None or path == "-":
        yield cast(TextIO, sys.stdout.buffer) if binary else sys.stdout
        return
    check_output_path(path)
    target = Path(path)
    handle = None
    try:
        with deferred():
            try:
                handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed or removed below
                    "wb" if binary else "w",
                    encoding=None if binary else "utf-8",
                    newline=None if binary else "",
                    dir=target.parent,
                    prefix=f".{target.name}.",
                    suffix=".tmp",
                    delete=False,
                )
            except OSError as err:
                raise OutputError(f"-o {path}: cannot write in the folder {target.parent} ({err.strerror})") from None
        with handle:
            yield cast(TextIO, handle)
        with deferred():
            raise_if_received()  # (a signal swallowed on the way: the run was still interrupted)
            os.chmod(handle.name, _new_file_mode(target))
            os.replace(handle.name, target)
    except BaseException:
        with deferred():
            if handle is not None:
                Path(handle.name).unlink(missing_ok=True)
        raise


def _new_file_mode(target: Path) -> int:
    """Keep the mode of the file replaced; else what the umask gives a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
