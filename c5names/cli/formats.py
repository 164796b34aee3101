"""Write linked documents as text, JSONL, JSON, HTML or TSV, one document at a time.

Every writer streams (start, write per document, finish), and `write` consumes a document's mentions
as they come, so neither the corpus nor one huge document's mentions need to be in memory at once.
(`cli.atomic` makes `-o FILE` appear complete or not at all, whatever interrupts the run.)

Lone surrogates cannot be encoded in UTF-8. The JSON formats write them as `\\ud800` escapes (the
same JSON value, nothing lost); the others write U+FFFD, and `Writer.replaces` says in which fields,
so the run can say so on standard error.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO, TextIO, cast

from c5names.cli.corpus import Document, without_surrogates
from c5names.cli.parquet import ParquetSink
from c5names.model import Mention

FORMATS = ("text", "jsonl", "json", "html", "tsv", "parquet")
BINARY_FORMATS = frozenset({"parquet"})
SUFFIXES = {"text": ".txt", "jsonl": ".jsonl", "json": ".json", "html": ".html", "tsv": ".tsv", "parquet": ".parquet"}
TSV_COLUMNS = ("doc_id", "start", "end", "text", "id", "name", "type", "score", "method")
WIKIDATA_URL = "https://www.wikidata.org/wiki/{}"
# displaCy's own colours for PERSON, GPE, LOC and ORG.
TYPE_COLOURS = {"person": "#aa9cfc", "country": "#feca74", "place": "#ff9561", "organisation": "#7aecec"}
FLUSH_CHARS = 1 << 20  # a document's output goes out in pieces of about this size
HTML_PIECE = 1_000_000  # characters of text displaCy renders at once


STYLES = ("annotate", "replace")


def rewrite(text: str, mentions: Sequence[Mention], style: str = "replace") -> str:
    """The text with every mention annotated with, or replaced by, its entity's display name."""
    return "".join(_rewritten(text, sorted(mentions, key=lambda m: m.start), style))


def _rewritten(text: str, mentions: Iterable[Mention], style: str = "annotate") -> Iterator[str]:
    """Pieces of the rewritten text, for mentions in order of their start. `annotate` keeps every
    character of the text and writes the display name in brackets after a mention that does not
    already read so (`Токаевым [Kassym-Jomart Tokayev]`); `replace` writes the display name instead
    of the mention."""
    done = 0
    for mention in mentions:
        if mention.start < done:  # overlapping spans: keep the first
            continue
        yield text[done : mention.start]
        if style == "replace":
            yield mention.name
        else:
            span = text[mention.start : mention.end]
            yield span if span == mention.name else f"{span} [{mention.name}]"
        done = mention.end
    yield text[done:]


def document_record(doc: Document, mentions: Sequence[Mention]) -> dict[str, object]:
    """The JSON object of one document: id, lang/date, mentions, then the carried fields."""
    return _record(*_record_parts(doc), mentions)


def _record(head: dict[str, object], tail: dict[str, object], mentions: Sequence[Mention]) -> dict[str, object]:
    return {**head, "mentions": [m.to_dict() for m in mentions], **tail}


def _record_parts(doc: Document) -> tuple[dict[str, object], dict[str, object]]:
    head: dict[str, object] = {"id": doc.id}
    head.update((k, doc.fields[k]) for k in ("lang", "date") if k in doc.fields)
    if doc.detected:
        head["lang_detected"] = doc.detected
    tail = {k: v for k, v in doc.fields.items() if k not in {"lang", "date"}}
    return head, tail


# In JSON output: lone surrogates (not encodable in UTF-8), and the characters other than "\n" that
# line-splitting tools take for line ends (Python's str.splitlines, JavaScript): escaped, a JSONL
# line stays one line for every reader.
_JSON_ESCAPED = re.compile("[\ud800-\udfff\x85\u2028\u2029]")


def escape_surrogates(text: str) -> str:
    """JSON text with each lone surrogate (and U+0085, U+2028, U+2029) written as its `\\uXXXX`
    escape: the same JSON value, valid UTF-8, one line per record."""
    if not _JSON_ESCAPED.search(text):
        return text
    return _JSON_ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_object(
    head: dict[str, object],
    key: str,
    items: Iterable[object],
    tail: dict[str, object],
    indent: int | None,
    level: int = 0,
) -> Iterator[str]:
    """Pieces of `json.dumps({**head, key: list(items), **tail}, ensure_ascii=False, indent=indent)`,
    the list streamed item by item; `level` indents every line after the first by that many spaces."""

    def dumps(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, indent=indent)

    if indent is None:
        first, between, close, item_sep, list_close = "{", ", ", "}", ", ", "]"
        inner = item_pad = ""
    else:
        pad = " " * level
        inner, item_pad = "\n" + pad + " " * indent, "\n" + pad + " " * (2 * indent)
        first, between, close = "{" + inner, "," + inner, "\n" + pad + "}"
        item_sep, list_close = ",", "\n" + pad + " " * indent + "]"

    def member(k: str, v: object, depth: int) -> str:
        text = dumps(v)
        if indent is not None:
            text = text.replace("\n", "\n" + " " * (level + depth * indent))
        return f"{json.dumps(k, ensure_ascii=False)}: {text}"

    yield first
    for k, v in head.items():
        yield member(k, v, 1) + between
    yield f"{json.dumps(key)}: ["
    count = 0
    for item in items:
        text = dumps(item)
        if indent is not None:
            text = item_pad + text.replace("\n", item_pad)
        yield (item_sep if count else "") + text
        count += 1
    yield list_close if count and indent is not None else "]"
    for k, v in tail.items():
        yield between + member(k, v, 1)
    yield close


class Writer:
    """Base writer: `start`, then `write` for each document in order, then `finish`."""

    replaces: frozenset[str] = frozenset()  # fields whose lone surrogates this format writes as U+FFFD

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def start(self) -> None:
        pass

    def write(self, doc: Document, mentions: Iterable[Mention]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass

    def _stream(self, pieces: Iterable[str]) -> None:
        """Write pieces in batches of about FLUSH_CHARS (one write for an ordinary document)."""
        batch: list[str] = []
        size = 0
        for piece in pieces:
            batch.append(piece)
            size += len(piece)
            if size >= FLUSH_CHARS:
                self.out.write("".join(batch))
                batch, size = [], 0
        if batch:
            self.out.write("".join(batch))


class TextWriter(Writer):
    """Each document's text with its names annotated (or replaced), ending with a newline. A document
    of a corpus, or of a run over several files, starts with a header line naming it, `==> ID <==`
    (as `head` and `tail` separate files), and documents are a blank line apart: where one ends is
    always visible, however many lines its text has."""

    replaces = frozenset({"id", "text"})

    def __init__(self, out: TextIO, style: str = "annotate", headers: bool = False) -> None:
        super().__init__(out)
        if style not in STYLES:
            raise ValueError(f"unknown text style {style!r}: {', '.join(STYLES)}")
        self.style, self.headers, self.count = style, headers, 0

    def write(self, doc: Document, mentions: Iterable[Mention]) -> None:
        last = ""

        def pieces() -> Iterator[str]:
            nonlocal last
            if self.headers or doc.record:
                yield ("\n" if self.count else "") + f"==> {_tsv_field(doc.id)} <==\n"
            for piece in _rewritten(doc.text, mentions, self.style):
                if piece:
                    last = piece
                    yield piece

        self._stream(pieces())
        self.count += 1
        if last and not last.endswith("\n"):
            self.out.write("\n")


class JsonlWriter(Writer):
    """One line per document. A document's mentions in a list (every document but a huge one's
    windows) are encoded in one `json.dumps` call, the same bytes the streamed pieces would be, for
    about a quarter less (44 instead of 61 us for a news article's seven mentions): with `--jobs N`
    this process writes for all N workers."""

    def write(self, doc: Document, mentions: Iterable[Mention]) -> None:
        head, tail = _record_parts(doc)
        if isinstance(mentions, list) and head.keys().isdisjoint(tail):  # (else one key would hide the other)
            self.out.write(escape_surrogates(json.dumps(_record(head, tail, mentions), ensure_ascii=False)) + "\n")
            return
        items = (m.to_dict() for m in mentions)
        self._stream(escape_surrogates(p) for p in json_object(head, "mentions", items, tail, None))
        self.out.write("\n")


class JsonWriter(Writer):
    """One JSON list, written item by item."""

    def start(self) -> None:
        self.count = 0
        self.out.write("[")

    def write(self, doc: Document, mentions: Iterable[Mention]) -> None:
        head, tail = _record_parts(doc)
        self.out.write(("," if self.count else "") + "\n  ")
        items = (m.to_dict() for m in mentions)
        self._stream(escape_surrogates(p) for p in json_object(head, "mentions", items, tail, 2, level=2))
        self.count += 1

    def finish(self) -> None:
        self.out.write("\n]\n" if self.count else "]\n")


def _tsv_field(value: object) -> str:
    text = without_surrogates("" if value is None else str(value))
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class TsvWriter(Writer):
    """One mention per row under a header; backslash, tab and newlines inside fields are escaped."""

    replaces = frozenset({"id", "text"})

    def start(self) -> None:
        self.out.write("\t".join(TSV_COLUMNS) + "\n")

    def write(self, doc: Document, mentions: Iterable[Mention]) -> None:
        doc_id = _tsv_field(doc.id)

        def rows() -> Iterator[str]:
            for mention in mentions:
                row = mention.to_dict()
                yield "\t".join([doc_id, *(_tsv_field(row[c]) for c in TSV_COLUMNS[1:])]) + "\n"

        self._stream(rows())


_BODY_OPEN = re.compile(r"<body[^>]*>")


class HtmlWriter(Writer):
    """One self-contained page rendered by spaCy's displaCy, streamed one document at a time.

    displaCy renders each document as a full page; the first one's head is kept and the following
    ones contribute only their body, so the page is built without holding the corpus. A document
    longer than HTML_PIECE characters is rendered in pieces (one figure each) as its mentions come.
    """

    replaces = frozenset({"id", "text"})

    def start(self) -> None:
        from spacy import displacy  # spaCy is slow to import: only when HTML is asked for

        self.displacy = displacy
        self.tail: str | None = None

    def _page(self, docs: list[dict[str, object]]) -> str:
        return str(self.displacy.render(docs, style="ent", manual=True, page=True, jupyter=False))

    def write(self, doc: Document, mentions: Iterable[Mention]) -> None:
        start = 0
        title: str | None = html.escape(without_surrogates(str(doc.id)))  # on the first piece only
        batch: list[Mention] = []
        for mention in mentions:
            while mention.start - start >= HTML_PIECE:
                cut = batch[-1].end if batch else start + HTML_PIECE
                self._piece(doc, start, cut, batch, title)
                start, batch, title = cut, [], None
            batch.append(mention)
        end = len(doc.text)
        while True:  # what is left, in pieces of at most HTML_PIECE characters past the last mention
            cut = max(batch[-1].end if batch else start, min(end, start + HTML_PIECE))
            self._piece(doc, start, cut, batch, title)
            start, batch, title = cut, [], None
            if start >= end:
                break

    def _piece(self, doc: Document, start: int, end: int, mentions: list[Mention], title: str | None) -> None:
        ents = []
        for m in mentions:
            ent: dict[str, object] = {
                "start": m.start - start,
                "end": m.end - start,
                "label": html.escape(f"{m.name} · {m.id} · {m.score:.2f}"),
                "params": {"bg": TYPE_COLOURS.get(m.type, "#ddd")},
            }
            if m.wikidata:
                ent["kb_id"] = html.escape(m.wikidata)
                ent["kb_url"] = html.escape(WIKIDATA_URL.format(m.wikidata))
            ents.append(ent)
        lang = doc.lang or "en"
        text = doc.text if start == 0 and end == len(doc.text) else doc.text[start:end]
        page = self._page([{"text": text, "ents": ents, "title": title, "settings": {"lang": lang}}])
        head, body, tail = _split_page(page)
        if self.tail is None:
            self.out.write(_with_charset(head))
            self.tail = tail
        self.out.write(body)

    def finish(self) -> None:
        if self.tail is None:  # no document: an empty page
            self.out.write(_with_charset(self._page([])) + "\n")
        else:
            self.out.write(self.tail + "\n")


def _with_charset(head: str) -> str:
    """displaCy's page does not declare its encoding; a browser opening the file must not guess."""
    return head.replace("<head>", '<head>\n        <meta charset="utf-8">', 1)


def _split_page(page: str) -> tuple[str, str, str]:
    opened = _BODY_OPEN.search(page)
    closed = page.rfind("</body>")
    if not opened or closed < 0:
        raise RuntimeError("displaCy returned a page without a <body>")
    return page[: opened.end()], page[opened.end() : closed], page[closed:]


class ParquetWriter(Writer):
    """Rows of id, lang, date, text, mentions (list of structs) and the carried fields as JSON, in
    row groups (`parquet.ParquetSink`); the id is written as a string, lone surrogates as U+FFFD
    except in the carried fields' JSON, which keeps them as escapes."""

    replaces = frozenset({"id", "text"})

    def __init__(self, out: BinaryIO) -> None:
        self.binary = out

    def start(self) -> None:
        self.sink = ParquetSink(self.binary)

    def write(self, doc: Document, mentions: Iterable[Mention]) -> None:
        head, tail = _record_parts(doc)
        fields = escape_surrogates(json.dumps(tail, ensure_ascii=False)) if tail else None
        row: dict[str, object] = {
            "id": without_surrogates(str(doc.id)),
            "lang": None if head.get("lang") is None else str(head["lang"]),
            "date": None if head.get("date") is None else str(head["date"]),
            "text": doc.text,
            "mentions": [m.to_dict() for m in mentions],
            "fields": fields,
        }
        self.sink.add(row)

    def finish(self) -> None:
        self.sink.close()


WRITERS: dict[str, type[Writer]] = {
    "text": TextWriter,
    "jsonl": JsonlWriter,
    "json": JsonWriter,
    "html": HtmlWriter,
    "tsv": TsvWriter,
    "parquet": ParquetWriter,
}


def make_writer(fmt: str, out: TextIO | BinaryIO, style: str = "annotate", headers: bool = False) -> Writer:
    """The writer of a format; `style` and `headers` are the text format's (see `TextWriter`)."""
    if fmt == "text":
        return TextWriter(cast(TextIO, out), style, headers)
    return WRITERS[fmt](out)  # type: ignore[arg-type]
