"""Write linked documents as text, JSONL, JSON, HTML or TSV, one document at a time.

Every writer streams (start, write per document, finish), so output never needs the whole corpus
in memory; `atomic_output` makes `-o FILE` appear complete or not at all.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from c5names.cli.corpus import Document
from c5names.model import Mention

FORMATS = ("text", "jsonl", "json", "html", "tsv")
TSV_COLUMNS = ("doc_id", "start", "end", "text", "id", "name", "type", "score", "method")
WIKIDATA_URL = "https://www.wikidata.org/wiki/{}"
# displaCy's own colours for PERSON, GPE, LOC and ORG.
TYPE_COLOURS = {"person": "#aa9cfc", "country": "#feca74", "place": "#ff9561", "organisation": "#7aecec"}


def rewrite(text: str, mentions: Sequence[Mention]) -> str:
    """The text with every mention replaced by its entity's display name."""
    parts: list[str] = []
    done = 0
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start < done:  # overlapping spans: keep the first
            continue
        parts.append(text[done : mention.start])
        parts.append(mention.name)
        done = mention.end
    parts.append(text[done:])
    return "".join(parts)


def document_record(doc: Document, mentions: Sequence[Mention]) -> dict[str, object]:
    """The JSON object of one document: id, lang/date, mentions, then the carried fields."""
    record: dict[str, object] = {"id": doc.id}
    record.update((k, doc.fields[k]) for k in ("lang", "date") if k in doc.fields)
    record["mentions"] = [m.to_dict() for m in mentions]
    record.update((k, v) for k, v in doc.fields.items() if k not in {"lang", "date"})
    return record


class Writer:
    """Base writer: `start`, then `write` for each document in order, then `finish`."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def start(self) -> None:
        pass

    def write(self, doc: Document, mentions: Sequence[Mention]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass


class TextWriter(Writer):
    """Each document's text, names in canonical form; a final newline where it lacks one."""

    def write(self, doc: Document, mentions: Sequence[Mention]) -> None:
        text = rewrite(doc.text, mentions)
        if text:
            self.out.write(text if text.endswith("\n") else text + "\n")


class JsonlWriter(Writer):
    def write(self, doc: Document, mentions: Sequence[Mention]) -> None:
        self.out.write(json.dumps(document_record(doc, mentions), ensure_ascii=False) + "\n")


class JsonWriter(Writer):
    """One JSON list, written item by item."""

    def start(self) -> None:
        self.count = 0
        self.out.write("[")

    def write(self, doc: Document, mentions: Sequence[Mention]) -> None:
        item = json.dumps(document_record(doc, mentions), ensure_ascii=False, indent=2)
        self.out.write(("," if self.count else "") + "\n  " + item.replace("\n", "\n  "))
        self.count += 1

    def finish(self) -> None:
        self.out.write("\n]\n" if self.count else "]\n")


def _tsv_field(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class TsvWriter(Writer):
    """One mention per row under a header; backslash, tab and newlines inside fields are escaped."""

    def start(self) -> None:
        self.out.write("\t".join(TSV_COLUMNS) + "\n")

    def write(self, doc: Document, mentions: Sequence[Mention]) -> None:
        for mention in mentions:
            row = mention.to_dict()
            values = [doc.id, *(row[c] for c in TSV_COLUMNS[1:])]
            self.out.write("\t".join(_tsv_field(v) for v in values) + "\n")


_BODY_OPEN = re.compile(r"<body[^>]*>")


class HtmlWriter(Writer):
    """One self-contained page rendered by spaCy's displaCy, streamed one document at a time.

    displaCy renders each document as a full page; the first one's head is kept and the following
    ones contribute only their body, so the page is built without holding the corpus.
    """

    def start(self) -> None:
        from spacy import displacy  # spaCy is slow to import: only when HTML is asked for

        self.displacy = displacy
        self.tail: str | None = None

    def _page(self, docs: list[dict[str, object]]) -> str:
        return str(self.displacy.render(docs, style="ent", manual=True, page=True, jupyter=False))

    def write(self, doc: Document, mentions: Sequence[Mention]) -> None:
        ents = []
        for m in mentions:
            ent: dict[str, object] = {
                "start": m.start,
                "end": m.end,
                "label": html.escape(f"{m.name} · {m.id} · {m.score:.2f}"),
                "params": {"bg": TYPE_COLOURS.get(m.type, "#ddd")},
            }
            if m.wikidata:
                ent["kb_id"] = html.escape(m.wikidata)
                ent["kb_url"] = html.escape(WIKIDATA_URL.format(m.wikidata))
            ents.append(ent)
        lang = doc.lang or "en"
        page = self._page(
            [{"text": doc.text, "ents": ents, "title": html.escape(str(doc.id)), "settings": {"lang": lang}}]
        )
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


WRITERS: dict[str, type[Writer]] = {
    "text": TextWriter,
    "jsonl": JsonlWriter,
    "json": JsonWriter,
    "html": HtmlWriter,
    "tsv": TsvWriter,
}


def make_writer(fmt: str, out: TextIO) -> Writer:
    return WRITERS[fmt](out)


@contextmanager
def atomic_output(path: str | None) -> Iterator[TextIO]:
    """Standard output, or a temporary file beside `path` renamed onto it only when all went well."""
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(f"{path} is a directory")
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed or removed below
        "w", encoding="utf-8", newline="", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            yield handle
        os.chmod(handle.name, _new_file_mode(target))
        os.replace(handle.name, target)
    except BaseException:
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
