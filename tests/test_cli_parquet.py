"""Parquet in and out of `normalise` on one machine: the same documents and mentions as JSONL, the
mention structs with every field of the JSONL contract, typed columns read as JSON values, bad rows
named and skipped, row groups streamed."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c5names.cli import parquet
from c5names.cli.parquet import DOCUMENT_COLUMNS, MENTION_FIELDS

from .test_cli_support import REPO, assert_clean_failure, call, example_corpus, jsonl, run_cli
from .test_cli_unicode import LINES

MENTION_KEYS = [name for name, _ in MENTION_FIELDS]


def _rows(path: Path) -> list[dict]:
    return pq.read_table(path).to_pylist()


def test_parquet_output_holds_what_jsonl_holds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = example_corpus(tmp_path / "c.jsonl")
    lines = corpus.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0][:-1] + ', "source": {"feed": "wire", "n": [1, 2]}}'
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = jsonl(call(capsys, "normalise", corpus, "--format", "jsonl").out)
    result = call(capsys, "normalise", corpus, "--format", "parquet", "-o", tmp_path / "out.parquet")
    assert result.code == 0, result.err
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.names == list(DOCUMENT_COLUMNS)
    mention = table.schema.field("mentions").type.value_type
    assert [mention.field(i).name for i in range(mention.num_fields)] == MENTION_KEYS
    rows = table.to_pylist()
    texts = [json.loads(line)["text"] for line in lines]
    assert [r["id"] for r in rows] == [e["id"] for e in expected]
    assert [r["text"] for r in rows] == texts
    assert [(r["lang"], r["date"]) for r in rows] == [(e["lang"], e["date"]) for e in expected]
    assert [r["mentions"] for r in rows] == [e["mentions"] for e in expected]
    assert sum(len(r["mentions"]) for r in rows) > 4
    assert json.loads(rows[0]["fields"]) == {"source": {"feed": "wire", "n": [1, 2]}}
    assert [r["fields"] for r in rows[1:]] == [None] * (len(rows) - 1)


def _parquet_corpus(path: Path, texts: list[str | None], **columns: list[object]) -> Path:
    pq.write_table(pa.table({"text": texts, **columns}), path)
    return path


def test_a_parquet_corpus_is_read_like_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """id, text, lang and date columns are the document's; a date column may be typed; every other
    column is carried, typed values written as JSON can hold them."""
    source = [json.loads(line) for line in example_corpus(tmp_path / "c.jsonl").read_text().splitlines()]
    path = _parquet_corpus(
        tmp_path / "c.parquet",
        [d["text"] for d in source],
        id=[d["id"] for d in source],
        lang=[d["lang"] for d in source],
        date=[dt.date(2025, 11, 7)] * len(source),
        seen=[dt.datetime(2025, 11, 7, 12, 30)] * len(source),
        tags=[["a", "b"]] * len(source),
    )
    from_jsonl = jsonl(call(capsys, "normalise", tmp_path / "c.jsonl", "--format", "jsonl").out)
    result = call(capsys, "normalise", path, "--format", "jsonl")
    assert result.code == 0, result.err
    records = jsonl(result.out)
    assert [r["mentions"] for r in records] == [r["mentions"] for r in from_jsonl]
    assert records[0]["date"] == "2025-11-07"
    assert records[0]["seen"] == "2025-11-07T12:30:00"
    assert records[0]["tags"] == ["a", "b"]


def test_a_bad_row_is_named_and_the_others_are_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _parquet_corpus(
        tmp_path / "c.parquet",
        ["Tokayev spoke.", None, "Japarov spoke."],
        id=["a", "b", None],
        lang=["en", "en", "xx-"],
    )
    result = call(capsys, "normalise", path, "--format", "jsonl")
    assert result.code == 1
    assert f"{path}[1]: 'text' must be a string, got null" in result.err
    assert f"{path}[2]: 'lang'" in result.err
    assert [r["id"] for r in jsonl(result.out)] == ["a"]


def test_a_file_that_is_not_parquet_is_unusable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "fake.parquet"
    path.write_bytes(b"PAR1 not really")
    assert_clean_failure(
        call(capsys, "normalise", path, "--format", "jsonl"), 2, f"{path}: not a readable Parquet file"
    )


def test_row_groups_are_streamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """Written in row groups of ROWS_PER_GROUP, read ROWS_PER_BATCH rows at a time: neither the corpus
    nor the output is held whole."""
    monkeypatch.setattr(parquet, "ROWS_PER_GROUP", 7)
    monkeypatch.setattr(parquet, "ROWS_PER_BATCH", 5)
    texts = [f"Document {i}: President Tokayev met Sadyr Japarov." for i in range(40)]
    source = _parquet_corpus(tmp_path / "in.parquet", texts, id=list(range(40)))
    result = call(capsys, "normalise", source, "--format", "parquet", "-o", tmp_path / "out.parquet")
    assert result.code == 0, result.err
    meta = pq.ParquetFile(tmp_path / "out.parquet").metadata
    assert meta.num_row_groups == 6 and meta.num_rows == 40
    rows = _rows(tmp_path / "out.parquet")
    assert [r["id"] for r in rows] == [str(i) for i in range(40)]  # ids are strings in the output
    assert all([m["id"] for m in r["mentions"]] == ["tokayev-kassym-jomart", "japarov-sadyr"] for r in rows)


def test_lone_surrogates_in_parquet_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Parquet strings are UTF-8: the id and the text get U+FFFD (and the run says so); the carried
    fields' JSON keeps the surrogates as escapes."""
    corpus = tmp_path / "s.jsonl"
    corpus.write_text("\n".join(LINES) + "\n", encoding="ascii")
    result = call(capsys, "normalise", corpus, "--format", "parquet", "-o", tmp_path / "s.parquet")
    assert result.code == 0, result.err
    rows = _rows(tmp_path / "s.parquet")
    originals = [json.loads(line) for line in LINES]
    assert rows[2]["id"] == "i\ufffd"
    assert json.loads(rows[3]["fields"]) == {"source": originals[3]["source"]}
    replaced = [line.split(" ")[1] for line in result.err.splitlines() if "lone surrogate" in line]
    assert replaced == [f"{corpus}:2:", f"{corpus}:3:"]


def test_parquet_as_a_user_runs_it_to_a_pipe_and_from_standard_input(tmp_path: Path) -> None:
    corpus = example_corpus(tmp_path / "c.jsonl")
    piped = subprocess.run(
        [sys.executable, "-m", "c5names", "normalise", str(corpus), "--format", "parquet"],
        capture_output=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        timeout=120,
        check=True,
    )
    written = run_cli("normalise", corpus, "--format", "parquet", "-o", tmp_path / "o.parquet")
    assert written.code == 0, written.err
    assert piped.stdout == (tmp_path / "o.parquet").read_bytes()
    from_stdin = run_cli("normalise", "-", "--input-format", "parquet", "--format", "jsonl", stdin=piped.stdout)
    assert from_stdin.code == 0, from_stdin.err
    assert [r["id"] for r in jsonl(from_stdin.out)] == [r["id"] for r in _rows(tmp_path / "o.parquet")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "o.parquet"]  # no temporary file left
