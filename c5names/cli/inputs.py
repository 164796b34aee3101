"""Which inputs a run reads, and how each is opened: paths, directories, standard input, compression,
encodings.

Everything that can be decided before reading (a missing path, an unreadable file, a directory
without documents) is decided here, before any output, so that a typo costs nothing. Opening an
input gives a binary stream whatever its compression, and the encoding of its bytes is told from a
BOM, or else the text must be UTF-8; what looks like UTF-16 without a BOM is said to be so.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import os
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from c5names.cli.paths import PathError, Planned, is_glob, is_url, local_glob, open_remote, remote_inputs
from c5names.errors import C5NamesError

STDIN = "-"
SNIFF_BYTES = 8192
INPUT_FORMATS = ("auto", "text", "jsonl", "json", "parquet")
# What a file's suffix says it holds, once a compression suffix is taken off.
FORMAT_OF_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".txt": "text", ".parquet": "parquet"}
COMPRESSION: dict[str, Callable[..., BinaryIO]] = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}  # type: ignore[dict-item]
# Errors a compressed stream raises on corrupt or truncated data.
DECOMPRESSION_ERRORS = (EOFError, zlib.error, lzma.LZMAError, gzip.BadGzipFile)
# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class InputError(C5NamesError):
    """An input that cannot be used at all (missing, unreadable, empty folder): the run does not start."""


# -- planning ------------------------------------------------------------------------------------


def plan_inputs(paths: list[str], exclude: Iterable[str] = ()) -> list[str]:
    """The files to read, in order: directories become their document files (recursive, sorted).

    A directory gives its .txt, .jsonl, .ndjson, .json and .parquet files, compressed or not (.gz,
    .bz2, .xz), leaving out hidden files and folders (`.name`: among them the temporary file of an
    interrupted `-o`) and the files in `exclude` (the `-o` target: yesterday's output is not
    today's input). A glob gives the files it matches, sorted; a URL (`s3://…`) is listed the same
    way through fsspec (`paths`). Raises InputError for a missing or unreadable path, so that a typo
    costs no output. What is wrong inside a file is found when it is read, and only that file is
    skipped.
    """
    return [raw for raw, _name in plan_named_inputs(paths, exclude)]


def plan_named_inputs(paths: list[str], exclude: Iterable[str] = ()) -> list[Planned]:
    """`plan_inputs`, each file with its name below what was given (a folder's or a glob's files:
    their path below it; a file: its name), where `-o DIR` writes its output."""
    excluded = [e for e in exclude if e and e != STDIN]

    def keep(raw: str) -> bool:
        return not any(raw == e or (not is_url(raw) and _same_file(raw, e)) for e in excluded)

    planned: list[Planned] = []
    for raw in paths:
        if raw == STDIN:
            planned.append((raw, raw))
            continue
        try:
            if is_url(raw):
                planned.extend(remote_inputs(raw, lambda name: document_format(name) is not None, keep))
                continue
            path = Path(raw)
            if path.is_dir():
                planned.extend((str(p), p.relative_to(path).as_posix()) for p in _documents_in(path) if keep(str(p)))
                continue
            if not path.exists() and is_glob(raw):
                planned.extend(local_glob(raw, keep))
                continue
        except PathError as err:
            raise InputError(str(err)) from None
        if not path.exists():
            raise InputError(f"{raw}: no such file or directory")
        planned.append((raw, path.name))
    for raw, _name in planned:
        if raw != STDIN and not is_url(raw):
            _check_readable(raw)
    return planned


def _documents_in(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") for part in relative) or not path.is_file():
            continue
        if document_format(path.name) is not None:
            found.append(path)
    return sorted(found)


def document_format(name: str) -> str | None:
    """What a file name says the file holds (text, jsonl, json), compressed or not; None for other files."""
    lower = name.lower()
    for suffix in COMPRESSION:
        if lower.endswith(suffix):
            lower = lower[: -len(suffix)]
            break
    return FORMAT_OF_SUFFIX.get(os.path.splitext(lower)[1])


def input_format(raw: str, chosen: str = "auto") -> str:
    """How an input is read: as `--input-format` says, else by its name (plain text when it says nothing)."""
    if chosen != "auto":
        return chosen
    return "text" if raw == STDIN else document_format(raw) or "text"


def _check_readable(raw: str) -> None:
    try:
        with open(raw, "rb"):
            pass
    except OSError as err:
        raise InputError(f"{raw}: cannot read ({err.strerror or err})") from None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


same_file = _same_file


# -- opening ---------------------------------------------------------------------------------------


def open_input(raw: str, stdin: BinaryIO | None = None) -> BinaryIO:
    """A binary stream of the input's bytes, decompressed by its suffix (.gz, .bz2, .xz)."""
    if raw == STDIN:
        return stdin or sys.stdin.buffer
    if is_url(raw):
        return open_remote(raw)
    opener = COMPRESSION.get(Path(raw).suffix.lower())
    return opener(raw, "rb") if opener else open(raw, "rb")


class Prefixed(io.RawIOBase):
    """A stream that gives `head` (bytes already read to sniff the encoding) and then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def sniffed(handle: BinaryIO) -> tuple[bytes, BinaryIO]:
    """The first bytes of a stream (to tell its encoding), and a stream that still gives them."""
    head = _read_fully(handle, SNIFF_BYTES)
    return head, io.BufferedReader(Prefixed(head, handle), buffer_size=1 << 16)


def _read_fully(handle: BinaryIO, size: int) -> bytes:
    parts: list[bytes] = []
    while size > 0 and (chunk := handle.read(size)):
        parts.append(chunk)
        size -= len(chunk)
    return b"".join(parts)


# -- encodings -----------------------------------------------------------------------------------


def bom_encoding(head: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def not_text(head: bytes) -> str | None:
    """Why bytes without a BOM that contain NUL cannot be read as UTF-8 text: UTF-16 without a BOM,
    or binary data. None if there is no NUL."""
    nul = head.find(0)
    if nul < 0:
        return None
    return utf16_hint(head) or f"binary file (NUL byte at byte {nul}), not text"


def utf16_hint(data: bytes) -> str | None:
    """A message when bytes look like UTF-16 without a BOM: text in one script written as UTF-16 has
    the same few high bytes (0x00 for Latin, 0x04 for Cyrillic) at every other position, where binary
    data or UTF-8 has a spread of values."""
    sample = data[:SNIFF_BYTES]
    if len(sample) < 8:
        return None
    low_first, high_first = _few_values(sample[0::2]), _few_values(sample[1::2])
    for high, low, order in ((high_first, low_first, "little-endian"), (low_first, high_first, "big-endian")):
        if high >= 0.9 and low < 0.6:
            return (
                f"probably UTF-16 ({order}) without a byte order mark (BOM); save it as UTF-8, or as UTF-16 with a BOM"
            )
    return None


def _few_values(column: bytes) -> float:
    """The share of the bytes that are one of the three most common values."""
    counts = sorted((column.count(value) for value in set(column)), reverse=True)
    return sum(counts[:3]) / len(column) if column else 0.0


def position(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16/32 with a BOM; ValueError says what and where."""
    encoding = bom_encoding(data[:4])
    if encoding in {None, "utf-8-sig"}:
        problem = not_text(data)
        if problem:
            raise ValueError(problem)
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as err:
        name = "UTF-8" if encoding in {None, "utf-8-sig"} else encoding.upper()
        hint = utf16_hint(data) if encoding is None else None
        if hint:
            raise ValueError(hint) from None
        raise ValueError(
            f"not valid {name} at byte {err.start} ({position(data, err.start)}); "
            "save it as UTF-8, or UTF-16 with a BOM"
        ) from None
    if "\0" in text:
        raise ValueError("binary file (it contains NUL characters), not text")
    return text
