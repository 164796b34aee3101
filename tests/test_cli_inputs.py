"""Inputs a user will try: JSONL on standard input, compressed files, .json files, an output file
inside an input folder, an empty --gazetteer folder; and the messages that must not mislead
(UTF-16 without a BOM, YAML syntax errors, JSON control characters)."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from pathlib import Path

import pytest

from .test_cli_support import EXAMPLE, LANGS, SENTENCES, assert_clean_failure, call, example_corpus, jsonl, run_cli


def _lines(records: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


RECORDS = [
    {"id": f"s{n}", "lang": lang, "text": text} for n, (lang, text) in enumerate(zip(LANGS, SENTENCES, strict=True))
]


def test_jsonl_on_standard_input() -> None:
    reference = run_cli("normalise", "-", "--format", "jsonl", "--input-format", "jsonl", stdin=_lines(RECORDS))
    assert reference.code == 0, reference.err
    records = jsonl(reference.out)
    assert [r["id"] for r in records] == ["s0", "s1", "s2", "s3"] and all(r["mentions"] for r in records)
    as_text = run_cli("normalise", "-", "--format", "jsonl", stdin=_lines(RECORDS))  # default: one text
    assert [r["id"] for r in jsonl(as_text.out)] == ["-"]


@pytest.mark.parametrize(
    ("suffix", "compress"), [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)]
)
def test_compressed_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, compress: object) -> None:
    plain = example_corpus(tmp_path / "plain.jsonl")
    expected = call(capsys, "normalise", plain, "--format", "jsonl").out
    packed = tmp_path / f"c.jsonl{suffix}"
    packed.write_bytes(compress(plain.read_bytes()))  # type: ignore[operator]
    assert call(capsys, "normalise", packed, "--format", "jsonl").out == expected
    text = tmp_path / f"doc.txt{suffix}"
    text.write_bytes(compress(EXAMPLE.read_bytes()))  # type: ignore[operator]
    assert call(capsys, "normalise", text).out == call(capsys, "normalise", EXAMPLE).out
    plain.unlink()
    found = jsonl(call(capsys, "normalise", tmp_path, "--format", "jsonl").out)  # a directory finds them
    assert [r["id"] for r in found] == ["s0", "s1", "s2", "s3", str(text)]


def test_corrupt_compressed_input_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = gzip.compress(_lines(RECORDS * 50))
    truncated = tmp_path / "cut.jsonl.gz"
    truncated.write_bytes(good[: len(good) // 2])
    result = call(capsys, "normalise", truncated, EXAMPLE, "--format", "jsonl")
    assert_clean_failure(result, 1, "cut.jsonl.gz:", "corrupt or truncated compressed data")
    assert jsonl(result.out)[-1]["id"] == str(EXAMPLE)
    not_gzip = tmp_path / "fake.txt.gz"
    not_gzip.write_bytes(b"plain text, not gzip")
    assert_clean_failure(call(capsys, "normalise", not_gzip), 2, "fake.txt.gz: corrupt or truncated compressed file")


def test_json_files_are_arrays_or_one_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    array = tmp_path / "docs.json"
    array.write_text(json.dumps([*RECORDS[:2], {"id": "bad", "text": 3}, RECORDS[2]]), encoding="utf-8")
    result = call(capsys, "normalise", array, "--format", "jsonl")
    assert_clean_failure(result, 1, f"{array}[2]: 'text' must be a string, got a number")
    assert [r["id"] for r in jsonl(result.out)] == ["s0", "s1", "s2"]
    single = tmp_path / "one.json"
    single.write_text(json.dumps(RECORDS[3]), encoding="utf-8")
    records = jsonl(call(capsys, "normalise", single, "--format", "jsonl").out)
    assert [r["id"] for r in records] == ["s3"] and records[0]["mentions"]
    scalar = tmp_path / "scalar.json"
    scalar.write_text('"just a string"', encoding="utf-8")
    assert_clean_failure(call(capsys, "normalise", scalar), 2, "scalar.json: a .json input must hold an array")
    broken = tmp_path / "broken.json"
    broken.write_text('[{"text": "Tokayev"},\n  {"text": }]', encoding="utf-8")
    assert_clean_failure(call(capsys, "normalise", broken), 2, "broken.json: malformed JSON (Expecting value, line 2")


def test_empty_gazetteer_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "gazetteer"
    empty.mkdir()
    (empty / "notes.txt").write_text("no YAML here", encoding="utf-8")
    for args in (["--gazetteer", empty, "normalise", EXAMPLE], ["normalise", EXAMPLE, "--gazetteer", empty]):
        result = call(capsys, *args)
        assert_clean_failure(result, 2, f"--gazetteer {empty}: no .yaml or .yml file in this folder")
        assert result.out == ""


def test_utf16_without_bom_is_called_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, data in [
        ("latin.txt", "Tokayev met Putin.\n".encode("utf-16-le")),
        ("cyrillic.txt", "Президент Мирзиёев встретился с Токаевым.".encode("utf-16-be")),
        ("corpus.jsonl", _lines(RECORDS).decode().encode("utf-16-le")),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        result = call(capsys, "normalise", path)
        assert_clean_failure(result, 2, f"{name}: probably UTF-16", "without a byte order mark")
        assert "binary" not in result.err


def test_control_character_message_says_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b'{"text": "Tokayev\x01"}\n')
    result = call(capsys, "normalise", corpus)
    assert_clean_failure(result, 1, "malformed JSON (Invalid control character at column 18)")
    assert "at at" not in result.err


def test_yaml_syntax_error_points_at_its_cause(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "people.yaml"
    bad.write_text(
        "entities:\n"
        "  - id: doe-jane\n"
        "    type: person\n"
        '    name: "Jane Doe\n'  # the quote is never closed
        "    aliases:\n"
        "      - form: Janey\n"
        "      - form: JD\n",
        encoding="utf-8",
    )
    result = call(capsys, "validate", bad)
    assert_clean_failure(result, 2, "YAML syntax error")
    assert f"{bad}:4:11:" in result.err  # where the unclosed quoted scalar starts
    assert "line 4" in result.err  # PyYAML's "while scanning a quoted scalar ... line 4" is kept
