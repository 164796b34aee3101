"""Paths beyond one local file or folder: globs, and URLs of other file systems through fsspec.

An archive lives in shards (`news/2024-*.jsonl.gz`) and, on a cluster, in an object store
(`s3://bucket/news/`). A glob is expanded here, sorted, into the files it matches; a URL (`s3://`,
`gs://`, `hdfs://`, `file://`, `memory://`…) is listed, read and written with fsspec, which needs the
file system's own package (s3fs, gcsfs…) installed. Each input keeps its name below the folder or the
glob's fixed part, so that `-o DIR` can write one output per input at the same place.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from c5names.cli.extras import optional
from c5names.errors import C5NamesError

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_GLOB = re.compile(r"[*?[]")

Planned = tuple[str, str]  # (the input as it is read, its name below what was given)


class PathError(C5NamesError):
    """A glob that matches nothing, or a URL that cannot be listed, read or written (exit 2)."""


def is_url(raw: str) -> bool:
    """`s3://…`, `file://…`: a path for fsspec, not for the operating system."""
    return bool(_URL.match(raw))


def is_glob(raw: str) -> bool:
    return bool(_GLOB.search(raw))


def fixed_part(pattern: str) -> str:
    """The folder a glob's matches are named below: its leading parts without a wildcard."""
    parts = pattern.split("/")
    fixed = []
    for part in parts[:-1]:
        if is_glob(part):
            break
        fixed.append(part)
    return "/".join(fixed)


def _relative(name: str, root: str) -> str:
    """`name` below `root` (its last part if a file system spells the two differently)."""
    if not root:
        return name
    try:
        return PurePosixPath(name).relative_to(root).as_posix()
    except ValueError:
        return PurePosixPath(name).name


def local_glob(pattern: str, keep: Callable[[str], bool]) -> list[Planned]:
    """The files a glob matches (`**` for any depth), sorted, hidden ones left out."""
    root = fixed_part(pattern)
    found = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        if os.path.isfile(match) and keep(match):
            found.append((match, _relative(Path(match).as_posix(), Path(root).as_posix() if root else "")))
    if not found:
        raise PathError(f"{pattern}: no file matches")
    return found


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec file system of a URL and the path within it."""
    fsspec = optional("fsspec", f"{url} (a path of another file system)")
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as err:  # s3:// without s3fs, an unknown protocol
        raise PathError(f"{url}: {err}") from None


def remote_inputs(url: str, is_document: Callable[[str], bool], keep: Callable[[str], bool]) -> list[Planned]:
    """A URL's files: a folder's documents (recursive, sorted, hidden ones left out), a glob's
    matches, or the one file."""
    fs, path = filesystem(url)
    try:
        if is_glob(path):
            root = fixed_part(path)
            names = [p for p in sorted(fs.glob(path)) if fs.isfile(p)]
        elif fs.isdir(path):
            root = path.rstrip("/")
            names = [
                p
                for p in sorted(fs.find(path))
                if is_document(p) and not any(part.startswith(".") for part in _relative(p, root).split("/"))
            ]
        elif fs.exists(path):
            return [(url, PurePosixPath(path).name)]
        else:
            raise PathError(f"{url}: no such file or directory")
    except OSError as err:
        raise PathError(f"{url}: cannot list ({err})") from None
    found = [(fs.unstrip_protocol(p), _relative(p, root.rstrip("/"))) for p in names]
    found = [(raw, name) for raw, name in found if keep(raw)]
    if not found:
        raise PathError(f"{url}: no document file there")
    return found


def open_remote(url: str) -> BinaryIO:
    """A URL's bytes, decompressed by its suffix (.gz, .bz2, .xz)."""
    fsspec = optional("fsspec", url)
    handle: BinaryIO = fsspec.open(url, "rb", compression="infer").open()
    return handle


def upload(local: Path, url: str) -> None:
    """Put a finished local file at a URL (object stores make it appear whole)."""
    fs, path = filesystem(url)
    try:
        parent = PurePosixPath(path).parent.as_posix()
        if parent and parent != ".":
            fs.makedirs(parent, exist_ok=True)
        fs.put_file(str(local), path)
    except OSError as err:
        raise PathError(f"{url}: cannot write ({err})") from None
