"""Link with Dask: a bag of documents, or a dataframe's column of texts, on any Dask scheduler.

A news archive that outgrows one machine is usually already read by a cluster engine. These two
functions add linking to such a pipeline and give the same answers as the command line:

- `link_bag(bag)`: items are documents (JSON objects with "text" and optional "id", "lang", "date"
  and other fields, or plain strings); the result is a bag of the objects `normalise --format
  jsonl` writes (id, lang/date, mentions, the carried fields), made by the same function.
- `link_dataframe(ddf)`: adds a column of mentions, a list of structs with the JSONL contract's
  fields (pyarrow types), which `to_parquet` writes as such.

The linker is compiled once, here, and shipped once to each worker (with a distributed Client: the
compiled index scattered to every worker and kept there; with a local scheduler: one object of the
graph), never per partition or per task.

Needs the optional dependencies: `pip install "c5names[dask]"`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from itertools import repeat
from typing import Any, Literal

from c5names.cli.batch import link_stream
from c5names.cli.cluster import Shipment, received, scatter, ship
from c5names.cli.corpus import Defaults, Document, Failure, corpus_document
from c5names.cli.extras import INSTALL_HINT
from c5names.cli.formats import document_record
from c5names.cli.parquet import mentions_type
from c5names.cli.windows import Windowed
from c5names.linker import Linker
from c5names.model import Mention

try:
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import distributed
    import pandas as pd
    import pyarrow as pa
except ImportError as err:  # pragma: no cover - what a user without the extra sees
    raise ImportError(f"c5names.dask needs dask, distributed, pandas and pyarrow: {INSTALL_HINT}") from err

__all__ = ["link_bag", "link_dataframe", "shipped"]

Errors = Literal["raise", "record"]


def shipped(linker: Linker | None = None, client: distributed.Client | None = None) -> Any:
    """The linker as tasks take it: compiled here once, then scattered to every worker of `client` (or
    of the current distributed Client) once; without a Client, one delayed object of the graph."""
    shipment = ship(linker or Linker())
    if client is None:
        try:
            client = distributed.default_client()
        except ValueError:  # no distributed Client: a local scheduler shares this process's memory
            return dask.delayed(shipment, pure=True)
    return scatter(client, shipment)


# -- bags -----------------------------------------------------------------------------------------


def link_bag(
    bag: db.Bag,
    linker: Linker | None = None,
    *,
    lang: str | None = None,
    date: str | None = None,
    client: distributed.Client | None = None,
    errors: Errors = "raise",
) -> db.Bag:
    """A bag of linked documents: for each item (a JSON object with "text", or a string), the object
    `normalise --format jsonl` writes for it, in the bag's order. `lang`/`date` are used for items
    that give none. A bad item (no text, a wrong language tag, a date that is none) raises ValueError
    naming it when computed (`errors="raise"`), or becomes `{"id": …, "error": message}` in its place
    (`errors="record"`). An item without an id is named by its place: "partition P item I"."""
    if errors not in ("raise", "record"):
        raise ValueError(f"errors must be 'raise' or 'record', not {errors!r}")
    numbers = db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    return bag.map_partitions(_link_items, numbers, shipped(linker, client), Defaults(lang, date), errors)


def _link_items(
    items: Iterable[object], number: list[int], shipment: Shipment, defaults: Defaults, errors: Errors
) -> list[dict[str, object]]:
    linker = received(shipment)
    out: list[dict[str, object]] = []
    for i, item in enumerate(items):
        where = f"partition {number[0]} item {i}"
        value = {"text": item} if isinstance(item, str) else item
        document, mentions, problem = _linked(corpus_document(value, where, defaults), linker)
        if problem is not None or document is None:
            doc_id = value.get("id", where) if isinstance(value, dict) else None
            out.append(_failed(problem or "", doc_id, errors))
            continue
        out.append(document_record(document, mentions))
    return out


def _linked(item: Document | Failure, linker: Linker) -> tuple[Document | None, list[Mention], str | None]:
    """A document (its language detected if it gave none) and its mentions as the command line finds
    them (huge ones in windows), or the failure."""
    (linked,) = link_stream([item], linker)
    if isinstance(linked, Failure):
        return None, [], str(linked)
    doc, mentions = linked
    found = list(mentions)
    problems = mentions.failures if isinstance(mentions, Windowed) else []
    return doc, found, "; ".join(f"{doc.where}: {p}" for p in problems) or None


def _failed(message: str, doc_id: object, errors: Errors) -> dict[str, object]:
    if errors == "raise":
        raise ValueError(message)
    return {"id": doc_id, "error": message}


# -- dataframes -----------------------------------------------------------------------------------


def link_dataframe(
    ddf: dd.DataFrame,
    linker: Linker | None = None,
    *,
    text: str = "text",
    lang: str | None = "lang",
    date: str | None = "date",
    column: str = "mentions",
    default_lang: str | None = None,
    default_date: str | None = None,
    client: distributed.Client | None = None,
    errors: Literal["raise", "null"] = "raise",
) -> dd.DataFrame:
    """The dataframe with a column `column` of each row's mentions (a list of structs: start, end,
    text, id, name, type, score, method, form, wikidata, evidence, alternatives, raw_score).

    `lang` and `date` name the columns that hold a row's language and date, used when the dataframe
    has them (a date column may be typed); `default_lang`/`default_date` serve rows that give none.
    A null text gives null mentions. A bad row (a wrong language tag, a date that is none) raises
    ValueError naming its index when computed (`errors="raise"`), or gets null mentions
    (`errors="null"`)."""
    if text not in ddf.columns:
        raise ValueError(f"no column {text!r} in the dataframe (it has {list(ddf.columns)})")
    if errors not in ("raise", "null"):
        raise ValueError(f"errors must be 'raise' or 'null', not {errors!r}")
    columns = (text, lang if lang in ddf.columns else None, date if date in ddf.columns else None)
    meta = ddf._meta.assign(**{column: pd.Series([], dtype=pd.ArrowDtype(mentions_type()))})
    defaults = Defaults(default_lang, default_date)
    return ddf.map_partitions(_link_frame, shipped(linker, client), columns, column, defaults, errors, meta=meta)


def _link_frame(
    frame: pd.DataFrame,
    shipment: Shipment,
    columns: tuple[str, str | None, str | None],
    column: str,
    defaults: Defaults,
    errors: str,
) -> pd.DataFrame:
    linker = received(shipment)
    text, lang, date = columns
    langs = frame[lang] if lang else repeat(None)
    dates = frame[date] if date else repeat(None)
    values: list[list[dict[str, object]] | None] = []
    for index, value, row_lang, row_date in zip(frame.index, frame[text], langs, dates, strict=False):
        if _missing(value):
            values.append(None)
            continue
        item = {"id": 0, "text": value, "lang": _plain(row_lang), "date": _iso_date(row_date)}
        _doc, mentions, problem = _linked(corpus_document(item, f"row {index!r}", defaults), linker)
        if problem is not None:
            if errors == "raise":
                raise ValueError(problem)
            values.append(None)
            continue
        values.append([m.to_dict() for m in mentions])
    array = pd.arrays.ArrowExtensionArray(pa.array(values, type=mentions_type()))
    return frame.assign(**{column: pd.Series(array, index=frame.index)})


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _plain(value: object) -> object:
    return None if _missing(value) else value


def _iso_date(value: object) -> object:
    """A date cell as the linker takes it: a typed date or timestamp as YYYY-MM-DD."""
    if _missing(value):
        return None
    if isinstance(value, dt.datetime):  # pandas Timestamp too
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
