"""Parquet in and out: the schema of linked documents, reading a `.parquet` corpus, writing one.

Columnar data lakes keep news archives as Parquet, and a cluster run reads and writes it; the same
files work on one machine. Both directions stream: a corpus is read one record batch at a time
(`ROWS_PER_BATCH` rows of a row group) and written one row group at a time, so memory stays bounded
whatever the file's size.

pyarrow is an optional dependency (`pip install "c5names[dask]"`): it is imported when Parquet is
first used, so the command line starts as fast without it and works without it for the other formats.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
from collections.abc import Iterator
from typing import Any, BinaryIO

from c5names.cli.extras import optional

ROWS_PER_BATCH = 256  # rows read at a time
ROWS_PER_GROUP = 2_048  # rows written per row group…
CHARS_PER_GROUP = 32 << 20  # …or fewer, once their texts hold this many characters

# The JSONL contract of a mention (`Mention.to_dict`), column by column: (name, arrow type name).
MENTION_FIELDS = (
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("id", "string"),
    ("name", "string"),
    ("type", "string"),
    ("score", "float64"),
    ("method", "string"),
    ("form", "string"),
    ("wikidata", "string"),
    ("evidence", "list<string>"),
    ("alternatives", "list<struct<id: string, score: float64>>"),
    ("raw_score", "float64"),
)
# The columns `--format parquet` writes, in order.
DOCUMENT_COLUMNS = ("id", "lang", "date", "text", "mentions", "fields")


def _pa() -> Any:
    return optional("pyarrow", "Parquet")


def mention_type() -> Any:
    """The arrow type of one mention: a struct with the JSONL contract's fields."""
    pa = _pa()
    alternative = pa.struct([("id", pa.string()), ("score", pa.float64())])
    types = {
        "int64": pa.int64(),
        "string": pa.string(),
        "float64": pa.float64(),
        "list<string>": pa.list_(pa.string()),
        "list<struct<id: string, score: float64>>": pa.list_(alternative),
    }
    return pa.struct([pa.field(name, types[kind]) for name, kind in MENTION_FIELDS])


def mentions_type() -> Any:
    """The arrow type of a document's mentions: a list of mention structs."""
    return _pa().list_(mention_type())


def document_schema() -> Any:
    """The schema `--format parquet` writes: id, lang, date, text, mentions, and the carried fields as
    one JSON object (null when a document carries none)."""
    pa = _pa()
    return pa.schema(
        [
            pa.field("id", pa.string(), nullable=False),
            pa.field("lang", pa.string()),
            pa.field("date", pa.string()),
            pa.field("text", pa.string(), nullable=False),
            pa.field("mentions", mentions_type(), nullable=False),
            pa.field("fields", pa.string()),
        ]
    )


# -- reading --------------------------------------------------------------------------------------


def parquet_rows(source: str | BinaryIO) -> Iterator[dict[str, object]]:
    """The rows of a Parquet file as dicts of JSON-like values, one record batch at a time. A null
    id is left out (the document is then named by its row); dates and times become ISO strings.
    Raises ValueError when the file is not Parquet or cannot be read."""
    pa = _pa()
    parquet = optional("pyarrow.parquet", "Parquet")
    try:
        reader = parquet.ParquetFile(source)
        for batch in reader.iter_batches(batch_size=ROWS_PER_BATCH):
            for row in batch.to_pylist():
                if row.get("id", 0) is None:
                    del row["id"]
                yield {key: jsonable(value) for key, value in row.items()}
    except (pa.ArrowException, OSError) as err:
        raise ValueError(f"not a readable Parquet file ({err})") from None


def jsonable(value: object) -> object:
    """A value read from Parquet as JSON can carry it: dates, times and decimals as strings, binary
    data as base64, nested lists and structs alike."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


# -- writing ---------------------------------------------------------------------------------------


class ParquetSink:
    """Rows of linked documents (dicts with DOCUMENT_COLUMNS) written to a binary stream in row groups."""

    def __init__(self, out: BinaryIO) -> None:
        parquet = optional("pyarrow.parquet", "Parquet output")
        self.pa = _pa()
        self.schema = document_schema()
        self.writer = parquet.ParquetWriter(out, self.schema, compression="zstd")
        self.rows: list[dict[str, object]] = []
        self.chars = 0

    def add(self, row: dict[str, object]) -> None:
        self.rows.append(row)
        self.chars += len(str(row["text"]))
        if len(self.rows) >= ROWS_PER_GROUP or self.chars >= CHARS_PER_GROUP:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows, self.chars = [], 0

    def close(self) -> None:
        self.flush()
        self.writer.close()
