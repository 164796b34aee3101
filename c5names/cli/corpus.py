"""Read the documents to link: text files, JSONL and JSON corpora, standard input, compressed or not.

Corpora are read line by line, so any size streams in constant memory, and a line is dropped as soon
as it is parsed (one 50 MB line must not be held three times). A problem with one line becomes a
`Failure` naming the file and line, and the run goes on: one bad line must not cost the other
documents. What makes a whole input unusable (binary, not UTF-8, corrupt compression) is a fatal
`Failure` of that input alone.

Lone surrogates (`"\\ud800"`, valid in JSON, common in scraped text, but not encodable in UTF-8) are
kept where JSON can carry them (ids and carried fields go out as `\\ud800` escapes) and become U+FFFD
in the text that is linked: one code point for one, so every offset stays right.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from c5names.cli.inputs import (
    DECOMPRESSION_ERRORS,
    STDIN,
    InputError,
    bom_encoding,
    decode_text,
    input_format,
    not_text,
    open_input,
    sniffed,
)
from c5names.cli.parquet import parquet_rows
from c5names.cli.paths import is_url
from c5names.dates import normalise_date
from c5names.gazetteer.schema import language_tag

RESERVED_FIELDS = frozenset({"id", "text", "lang", "date", "mentions"})
SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"

__all__ = ["Defaults", "Document", "Failure", "InputError", "iter_json_lines", "read_documents"]


@dataclass(frozen=True)
class Document:
    """One text to link, with what the output should carry about it."""

    id: str | int
    text: str
    where: str  # "path" or "path:line", for messages
    lang: str | None = None
    date: str | None = None  # normalised, for the linker
    fields: dict[str, object] = field(default_factory=dict)  # lang/date as given, then carried fields
    surrogates: tuple[str, ...] = ()  # the fields that hold lone surrogates ("text" for the text)
    record: bool = True  # one record of a corpus (JSONL, JSON, Parquet), not a whole text file
    detected: str | None = None  # the language detected for it, when neither it nor --lang gave one


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


def has_surrogates(value: object) -> bool:
    """Whether a JSON value (a string, or any key or string inside it) holds a lone surrogate."""
    stack = [value]  # not recursive: JSON may nest as deep as the parser allows
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def without_surrogates(text: str) -> str:
    """The text with each lone surrogate replaced by U+FFFD (same length: offsets are kept)."""
    return SURROGATE.sub(REPLACEMENT, text) if SURROGATE.search(text) else text


# -- reading ---------------------------------------------------------------------------------------


def read_documents(
    raw: str, defaults: Defaults, fmt: str = "auto", stdin: BinaryIO | None = None
) -> Iterator[Document | Failure]:
    """The documents of one planned input, lazily, with a Failure for each unusable part."""
    kind = input_format(raw, fmt)
    if kind == "parquet":
        yield from _parquet_documents(raw, defaults, stdin)
        return
    if kind == "jsonl":
        for lineno, item in iter_json_lines(raw, stdin):
            yield item if isinstance(item, Failure) else _corpus_document(item, f"{raw}:{lineno}", defaults)
        return
    try:
        with _opened(raw, stdin) as handle:
            data = handle.read()
        if kind == "json":
            yield from _json_documents(raw, data, defaults)
            return
        text = decode_text(data)
        del data
    except DECOMPRESSION_ERRORS as err:  # before OSError: gzip's BadGzipFile is one
        yield Failure(raw, f"corrupt or truncated compressed file ({err})", fatal=True)
        return
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
    surrogates = ("id",) if has_surrogates(raw) else ()  # a file name the file system could not decode
    yield Document(raw, text, raw, defaults.lang, defaults.date, fields, surrogates, record=False)


class _opened:
    """The input's stream as a context manager; standard input is left open."""

    def __init__(self, raw: str, stdin: BinaryIO | None) -> None:
        self.raw, self.stdin = raw, stdin

    def __enter__(self) -> BinaryIO:
        self.handle = open_input(self.raw, self.stdin)
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self.raw != STDIN:
            self.handle.close()


def _parquet_documents(raw: str, defaults: Defaults, stdin: BinaryIO | None) -> Iterator[Document | Failure]:
    """A .parquet input, row by row: columns as the fields of a JSONL document (id, text, lang, date,
    the others carried)."""
    row = -1
    opened: BinaryIO | None = None
    try:
        source: str | BinaryIO = raw
        if raw == STDIN:  # Parquet is read from its end: standard input is read whole first
            source = io.BytesIO((stdin or sys.stdin.buffer).read())
        elif is_url(raw):
            source = opened = open_input(raw)
        for row, item in enumerate(parquet_rows(source)):
            yield _corpus_document(item, f"{raw}[{row}]", defaults)
    except (ValueError, OSError) as err:
        where, rest = (raw, "") if row < 0 else (f"{raw}[{row + 1}]", "; the rest is unreadable")
        yield Failure(where, f"{err}{rest}", fatal=True)
    finally:
        if opened is not None:
            opened.close()


def _json_documents(raw: str, data: bytes, defaults: Defaults) -> Iterator[Document | Failure]:
    """A .json input: an array of document objects, or one document object."""
    encoding = bom_encoding(data[:4])
    problem = not_text(data) if encoding in {None, "utf-8-sig"} else None
    if problem:
        raise ValueError(problem)
    try:
        value = json.loads(data.decode(encoding or "utf-8"))
    except UnicodeDecodeError as err:
        raise ValueError(f"not valid {(encoding or 'UTF-8').upper()} at byte {err.start}") from None
    except json.JSONDecodeError as err:
        raise ValueError(f"malformed JSON ({_json_message(err)}, line {err.lineno} column {err.colno})") from None
    except RecursionError:
        raise ValueError("malformed JSON (nested too deeply)") from None
    del data
    if isinstance(value, dict):
        yield _corpus_document(value, raw, defaults)
        return
    if not isinstance(value, list):
        raise ValueError(f"a .json input must hold an array of documents or one document, not {_json_type(value)}")
    for i in range(len(value)):
        item, value[i] = value[i], None  # let each document go once it is read
        yield _corpus_document(item, f"{raw}[{i}]", defaults)


def iter_json_lines(raw: str, stdin: BinaryIO | None = None) -> Iterator[tuple[int, object | Failure]]:
    """(line number, parsed value or Failure) for each non-blank line of a JSONL input."""
    try:
        handle = open_input(raw, stdin)
    except OSError as err:
        yield 0, Failure(raw, f"cannot read ({err.strerror or err})", fatal=True)
        return
    lineno = 0
    try:
        head, stream = sniffed(handle)
        encoding = bom_encoding(head)
        problem = not_text(head) if encoding in {None, "utf-8-sig"} else None
        if problem:
            yield 0, Failure(raw, f"{problem.replace('not text', 'not a JSONL corpus')}", fatal=True)
            return
        lines = _wide_lines(stream, raw, encoding) if encoding in {"utf-16", "utf-32"} else _utf8_lines(stream, raw)
        for lineno, item in lines:
            yield lineno, item
    except DECOMPRESSION_ERRORS as err:  # before OSError: gzip's BadGzipFile is one
        message = f"corrupt or truncated compressed data ({err}); the rest is unreadable"
        yield lineno + 1, Failure(f"{raw}:{lineno + 1}", message, True)
    except OSError as err:
        yield lineno + 1, Failure(f"{raw}:{lineno + 1}", f"cannot read ({err.strerror or err}); the rest is lost", True)
    finally:
        if raw != STDIN:
            handle.close()


def _utf8_lines(handle: BinaryIO, raw: str) -> Iterator[tuple[int, object | Failure]]:
    offset = 0
    lineno = 0
    while line := handle.readline():
        lineno += 1
        start, offset = offset, offset + len(line)
        item = _utf8_line(line, raw, lineno, start)
        del line  # a huge line is not held while its document is linked and written
        if item is not None:
            yield lineno, item


def _utf8_line(line: bytes, raw: str, lineno: int, start: int) -> object | Failure | None:
    skip = len(codecs.BOM_UTF8) if lineno == 1 and line.startswith(codecs.BOM_UTF8) else 0
    try:
        text = line[skip:].decode("utf-8") if skip else line.decode("utf-8")
    except UnicodeDecodeError as err:
        byte = start + skip + err.start
        return Failure(f"{raw}:{lineno}", f"not valid UTF-8 at byte {byte} (column {err.start + 1})")
    del line
    if not text.strip():
        return None
    return _parse_json(text, raw, lineno)


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
        return Failure(f"{raw}:{lineno}", f"malformed JSON ({_json_message(err)} at column {err.colno})")
    except RecursionError:
        return Failure(f"{raw}:{lineno}", "malformed JSON (nested too deeply)")


def _json_message(err: json.JSONDecodeError) -> str:
    """The JSON parser's message without its own trailing " at" ("Invalid control character at")."""
    return err.msg.removesuffix(" at")


def _corpus_document(item: object, where: str, defaults: Defaults) -> Document | Failure:
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
    surrogates = tuple(k for k, v in item.items() if k != "mentions" and (has_surrogates(k) or has_surrogates(v)))
    if "text" in surrogates:
        text = without_surrogates(text)
    return Document(doc_id, text, where, lang or defaults.lang, date or defaults.date, fields, surrogates)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", bool: "a boolean", str: "a string"}
    return "null" if value is None else names.get(type(value), "a number")


corpus_document = _corpus_document  # a JSON object as a Document, checked as a JSONL line is (c5names.dask)
