"""Read the documents to link: text files, JSONL corpora, directories of both, standard input.

Corpora are read line by line, so any size streams in constant memory. A problem with one line
becomes a `Failure` naming the file and line, and the run goes on: one bad line must not cost the
other documents. Only what makes a whole input unusable (missing, unreadable, binary) stops the
run before it starts (`InputError`).
"""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from c5names.dates import normalise_date
from c5names.errors import C5NamesError
from c5names.gazetteer.schema import language_tag

CORPUS_SUFFIXES = frozenset({".jsonl", ".ndjson"})
DIRECTORY_SUFFIXES = frozenset({".txt", ".jsonl"})
STDIN = "-"
SNIFF_BYTES = 8192
# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
RESERVED_FIELDS = frozenset({"id", "text", "lang", "date", "mentions"})


class InputError(C5NamesError):
    """An input that cannot be used at all (missing, unreadable, binary): the run does not start."""


@dataclass(frozen=True)
class Document:
    """One text to link, with what the output should carry about it."""

    id: str | int
    text: str
    where: str  # "path" or "path:line", for messages
    lang: str | None = None
    date: str | None = None  # normalised, for the linker
    fields: dict[str, object] = field(default_factory=dict)  # lang/date as given, then carried fields


@dataclass(frozen=True)
class Failure:
    """A document (fatal=False) or a whole input (fatal=True) that could not be used."""

    where: str
    message: str
    fatal: bool = False

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Defaults:
    """Command-line --lang/--date, used where a document does not say."""

    lang: str | None = None
    date: str | None = None


# -- planning: which files, checked before any output ----------------------------------------------


def plan_inputs(paths: list[str]) -> list[str]:
    """The files to read, in order: directories become their .txt/.jsonl files (recursive, sorted).

    Raises InputError for a missing or unreadable path, so that a typo costs no output. What is
    wrong inside a file (binary, not UTF-8) is found when it is read, and only that file is skipped.
    """
    planned: list[str] = []
    for raw in paths:
        if raw == STDIN:
            planned.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DIRECTORY_SUFFIXES)
            planned.extend(str(p) for p in found)
            continue
        if not path.exists():
            raise InputError(f"{raw}: no such file or directory")
        planned.append(raw)
    for raw in planned:
        if raw != STDIN:
            _check_readable(raw)
    return planned


def _check_readable(raw: str) -> None:
    try:
        with open(raw, "rb"):
            pass
    except OSError as err:
        raise InputError(f"{raw}: cannot read ({err.strerror or err})") from None


def is_corpus(raw: str) -> bool:
    return raw != STDIN and Path(raw).suffix.lower() in CORPUS_SUFFIXES


# -- decoding ----------------------------------------------------------------------------------------


def _bom_encoding(head: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def _position(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16/32 with a BOM; ValueError says what and where."""
    encoding = _bom_encoding(data[:4])
    if encoding in {None, "utf-8-sig"} and b"\0" in data:
        raise ValueError(f"binary file (NUL byte at byte {data.index(0)}), not text")
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as err:
        name = "UTF-8" if encoding in {None, "utf-8-sig"} else encoding.upper()
        raise ValueError(
            f"not valid {name} at byte {err.start} ({_position(data, err.start)}); "
            "save it as UTF-8, or UTF-16 with a BOM"
        ) from None
    if "\0" in text:
        raise ValueError("binary file (it contains NUL characters), not text")
    return text


# -- reading -----------------------------------------------------------------------------------------


def read_documents(raw: str, defaults: Defaults, stdin: BinaryIO | None = None) -> Iterator[Document | Failure]:
    """The documents of one planned input, lazily, with a Failure for each unusable part."""
    if is_corpus(raw):
        for lineno, item in iter_json_lines(raw):
            yield item if isinstance(item, Failure) else _corpus_document(item, raw, lineno, defaults)
        return
    try:
        data = (stdin or sys.stdin.buffer).read() if raw == STDIN else Path(raw).read_bytes()
        text = decode_text(data)
    except OSError as err:
        yield Failure(raw, f"cannot read ({err.strerror or err})", fatal=True)
        return
    except ValueError as err:
        yield Failure(raw, str(err), fatal=True)
        return
    fields: dict[str, object] = {}
    if defaults.lang:
        fields["lang"] = defaults.lang
    if defaults.date:
        fields["date"] = defaults.date
    yield Document(raw, text, raw, defaults.lang, defaults.date, fields)


def iter_json_lines(raw: str) -> Iterator[tuple[int, object | Failure]]:
    """(line number, parsed value or Failure) for each non-blank line of a JSONL file."""
    try:
        handle = open(raw, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except OSError as err:
        yield 0, Failure(raw, f"cannot read ({err.strerror or err})", fatal=True)
        return
    with handle:
        head = handle.read(SNIFF_BYTES)
        handle.seek(0)
        encoding = _bom_encoding(head)
        if encoding in {None, "utf-8-sig"} and b"\0" in head:
            yield 0, Failure(raw, "binary file (it contains NUL bytes), not a JSONL corpus", fatal=True)
            return
        if encoding in {"utf-16", "utf-32"}:
            yield from _wide_lines(handle, raw, encoding)
        else:
            yield from _utf8_lines(handle, raw)


def _utf8_lines(handle: BinaryIO, raw: str) -> Iterator[tuple[int, object | Failure]]:
    offset = 0
    for lineno, line in enumerate(handle, 1):
        start, offset = offset, offset + len(line)
        body = line[len(codecs.BOM_UTF8) :] if lineno == 1 and line.startswith(codecs.BOM_UTF8) else line
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as err:
            byte = start + err.start + len(line) - len(body)
            yield lineno, Failure(f"{raw}:{lineno}", f"not valid UTF-8 at byte {byte} (column {err.start + 1})")
            continue
        if text.strip():
            yield lineno, _parse_json(text, raw, lineno)


def _wide_lines(handle: BinaryIO, raw: str, encoding: str) -> Iterator[tuple[int, object | Failure]]:
    reader = io.TextIOWrapper(handle, encoding=encoding, newline="\n")
    lineno = 0
    try:
        for lineno, text in enumerate(reader, 1):
            if text.strip():
                yield lineno, _parse_json(text, raw, lineno)
    except UnicodeDecodeError as err:
        yield (
            lineno + 1,
            Failure(
                f"{raw}:{lineno + 1}", f"not valid {encoding.upper()} ({err.reason}); the rest is unreadable", True
            ),
        )
    finally:
        reader.detach()


def _parse_json(text: str, raw: str, lineno: int) -> object | Failure:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        return Failure(f"{raw}:{lineno}", f"malformed JSON ({err.msg} at column {err.colno})")
    except RecursionError:
        return Failure(f"{raw}:{lineno}", "malformed JSON (nested too deeply)")


def _corpus_document(item: object, raw: str, lineno: int, defaults: Defaults) -> Document | Failure:
    where = f"{raw}:{lineno}"
    if not isinstance(item, dict):
        return Failure(where, f"expected a JSON object, got {_json_type(item)}")
    text = item.get("text")
    if "text" not in item:
        return Failure(where, "no 'text' field")
    if not isinstance(text, str):
        return Failure(where, f"'text' must be a string, got {_json_type(text)}")
    doc_id = item.get("id", where)
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool):
        return Failure(where, f"'id' must be a string or an integer, got {_json_type(doc_id)}")
    lang = item.get("lang")
    if lang is not None and not isinstance(lang, str):
        return Failure(where, f"'lang' must be a string, got {_json_type(lang)}")
    try:
        lang = language_tag(lang) if lang is not None else None
    except ValueError as err:
        return Failure(where, f"'lang' {err}")
    date = item.get("date")
    try:
        if date is not None and not isinstance(date, str):
            raise ValueError(f"must be a string, got {_json_type(date)}")
        date = normalise_date(date)
    except ValueError as err:
        return Failure(where, f"'date' {err}")
    fields: dict[str, object] = {}
    for name, default in (("lang", defaults.lang), ("date", defaults.date)):
        if item.get(name) is not None:
            fields[name] = item[name]
        elif default:
            fields[name] = default
    fields.update((k, v) for k, v in item.items() if k not in RESERVED_FIELDS)
    return Document(doc_id, text, where, lang or defaults.lang, date or defaults.date, fields)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", bool: "a boolean", str: "a string"}
    return "null" if value is None else names.get(type(value), "a number")


def same_file(a: str, b: str) -> bool:
    """Whether two paths name the same file (existing or not)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()
