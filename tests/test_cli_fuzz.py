"""The command line end to end on arbitrary input: JSONL lines of arbitrary bytes and of arbitrary JSON
values (ids, texts, carried fields; lone surrogates, NUL, control characters), every output format,
one process and two. Never a traceback; exit status as documented (0 all written, 1 some failed);
every good document written exactly once, in input order; every bad one named on standard error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from c5names import cli
from c5names.cli.corpus import SURROGATE
from c5names.cli.formats import FORMATS
from c5names.dates import normalise_date
from c5names.gazetteer.schema import language_tag

from .test_cli_support import REPO, SENTENCES

NAMES = ["Tokayev", "Мирзиёев", "Sergio Gor", "Japarov", "Shavkat Mirziyoyev", "Putin"]

# Text with what scraped corpora hold: lone surrogates, NUL, control characters, names to link.
nasty = st.one_of(
    st.characters(),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"]),  # lone surrogates
    st.sampled_from(["\x00", "\x01", "\x1b", "\t", "\r", "\n", "\u2028", "\ufeff", "\ufffd"]),
)
texts = st.one_of(
    st.text(nasty, max_size=30),
    st.lists(st.one_of(st.sampled_from(NAMES), st.text(nasty, max_size=6), st.sampled_from(SENTENCES)), max_size=5).map(
        " ".join
    ),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(nasty, max_size=4), inner, max_size=3),
    max_leaves=6,
)
ids = st.one_of(texts, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False), st.lists(st.integers()))
langs = st.one_of(st.sampled_from(["ru", "RU", "fr", "kz", "zz", "xx", "zh-Hans", ""]), texts, st.integers())
dates = st.one_of(st.sampled_from(["2025-11-06", "2021", "2025-02-30", "soon"]), texts, st.integers())


@st.composite
def documents(draw: st.DrawFn) -> dict:
    doc: dict = {}
    for key, values in (("id", ids), ("text", st.one_of(texts, json_values)), ("lang", langs), ("date", dates)):
        if draw(st.booleans()) or (key == "text" and draw(st.booleans())):
            doc[key] = draw(values)
    doc.update(draw(st.dictionaries(st.text(nasty, max_size=5), json_values, max_size=3)))
    return doc


def _dumped(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=True).encode("ascii")  # surrogates as \\udXXX escapes


raw_lines = st.binary(max_size=40).filter(lambda b: b"\n" not in b and b"\0" not in b)
lines = st.lists(st.one_of(documents().map(_dumped), raw_lines, st.just(b"")), min_size=1, max_size=8)


@dataclass
class Expected:
    good: list[tuple[object, dict]]  # (id, the document as parsed) of each good line, in order
    bad: list[int]  # line numbers of the bad lines


def expected(path: Path, body: list[bytes]) -> Expected:
    """What the documentation promises for these lines (a first line is always a good document)."""
    good, bad = [], []
    for n, line in enumerate(body, 1):
        try:
            text = line.decode("utf-8")
            if not text.strip():
                continue
            doc = json.loads(text)
            assert isinstance(doc, dict) and isinstance(doc["text"], str)
            doc_id = doc.get("id", f"{path}:{n}")
            assert isinstance(doc_id, str | int) and not isinstance(doc_id, bool)
            if doc.get("lang") is not None:
                assert isinstance(doc["lang"], str)
                language_tag(doc["lang"])
            if doc.get("date") is not None:
                assert isinstance(doc["date"], str)
                normalise_date(doc["date"])
        except (ValueError, AssertionError, KeyError, TypeError, RecursionError):
            bad.append(n)
            continue
        good.append((doc_id, doc))
    return Expected(good, bad)


FIRST = _dumped({"id": "first", "text": "Tokayev met Putin."})  # so that no BOM can start the file


def _corpus(tmp_path: Path, body: list[bytes]) -> Path:
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(b"\n".join([FIRST, *body]) + b"\n")
    return path


def _check(path: Path, body: list[bytes], fmt: str, code: int, out: str, err: str) -> None:
    want = expected(path, [FIRST, *body])
    assert "Traceback" not in err and "Warning" not in err, err
    assert code == (1 if want.bad else 0), err
    for n in want.bad:
        assert f"{path}:{n}: " in err, (n, err)
    if fmt in {"jsonl", "json", "parquet"}:
        records = [json.loads(x) for x in out.splitlines()] if fmt != "json" else json.loads(out)  # one per line
        ids = [doc_id for doc_id, _ in want.good]
        if fmt == "parquet":  # ids as strings, lone surrogates as U+FFFD
            ids = [SURROGATE.sub("\ufffd", str(doc_id)) for doc_id in ids]
        assert [r["id"] for r in records] == ids
        for record, (_, doc) in zip(records, want.good, strict=True):
            carried = {k: v for k, v in doc.items() if k not in {"id", "text", "lang", "date", "mentions"}}
            assert {k: record[k] for k in carried} == carried
            for m in record["mentions"]:
                assert len(doc["text"][m["start"] : m["end"]]) == len(m["text"])
    elif fmt == "tsv":
        rows = out.rstrip("\n").split("\n")[1:]  # rows end in \n only: an id may hold U+2028, which splitlines cuts at
        order = [str(doc_id) for doc_id, _ in want.good]
        seen = [row.split("\t")[0] for row in rows]
        assert all(x in {o.replace("\t", "\\t") for o in order} or "\ufffd" in x or "\\" in x for x in seen)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines)
@example(body=[b"{}", _dumped({"id": "\u2028", "text": "Chavkat Mirzioïev et Kassym-Jomart Tokaïev."})])
def test_fuzzed_corpus_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str], body: list[bytes]) -> None:
    path = _corpus(tmp_path, body)
    for fmt in FORMATS:
        capsys.readouterr()
        output = ["-o", str(tmp_path / "out.parquet")] if fmt == "parquet" else []
        code = cli.main(["normalise", str(path), "--format", fmt, *output])
        captured = capsys.readouterr()
        out = _parquet_as_jsonl(tmp_path / "out.parquet") if fmt == "parquet" else captured.out
        _check(path, body, fmt, code, out, captured.err)


def _parquet_as_jsonl(path: Path) -> str:
    """The JSONL records a Parquet output holds (its carried fields are one JSON column)."""
    records = []
    for row in pq.read_table(path).to_pylist():
        fields = json.loads(row.pop("fields") or "{}")
        records.append(json.dumps({**row, **fields}))
    return "".join(r + "\n" for r in records)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines)
def test_fuzzed_corpus_in_two_processes(tmp_path: Path, capsys: pytest.CaptureFixture[str], body: list[bytes]) -> None:
    path = _corpus(tmp_path, body)
    for fmt in ("jsonl", "html"):
        capsys.readouterr()
        code = cli.main(["normalise", str(path), "--format", fmt, "--jobs", "2"])
        captured = capsys.readouterr()
        _check(path, body, fmt, code, captured.out, captured.err)


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines)
def test_fuzzed_corpus_as_a_user_runs_it(tmp_path: Path, body: list[bytes]) -> None:
    path = _corpus(tmp_path, body)
    done = subprocess.run(
        [sys.executable, "-m", "c5names", "normalise", str(path), "--format", "jsonl", "--jobs", "2"],
        capture_output=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        timeout=120,
    )
    _check(path, body, "jsonl", done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_as_a_text_and_as_a_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    for name in ("doc.txt", "doc.jsonl", "doc.json", "doc.txt.gz"):
        path = tmp_path / name
        path.write_bytes(data)
        capsys.readouterr()
        code = cli.main(["normalise", str(path), "--format", "jsonl"])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err and code in {0, 1, 2}, captured.err
        assert (code == 0) == (captured.err == ""), captured.err
        captured.out.encode("utf-8")
        if code == 2:
            assert captured.out == "" and f"{path}: " in captured.err
