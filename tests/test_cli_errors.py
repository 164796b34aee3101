"""Bad input and bad usage: data to stdout, one clear message to stderr, the right exit status, never a
traceback; and one bad document never costs the others."""

from __future__ import annotations

import builtins
import re
from pathlib import Path

import pytest

from c5names.cli import inputs as inputs_module

from .test_cli_support import (
    EXAMPLE,
    SENTENCES,
    assert_clean_failure,
    call,
    example_corpus,
    jsonl,
    run_cli,
    write_corpus,
)


def test_missing_file_is_refused_before_any_output(tmp_path: Path) -> None:
    result = run_cli("normalise", EXAMPLE, tmp_path / "nope.txt")
    assert_clean_failure(result, 2, "nope.txt: no such file or directory")
    assert result.out == ""


def test_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Tokayev", encoding="utf-8")

    def refuse(path: object, *args: object, **kwargs: object) -> object:
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return builtins.open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(inputs_module, "open", refuse, raising=False)
    result = call(capsys, "normalise", locked)
    assert_clean_failure(result, 2, "locked.txt: cannot read (Permission denied)")
    assert result.out == ""


def test_binary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = call(capsys, "normalise", binary, EXAMPLE)
    # the usable input still comes out, so the status is 1 (2 is for "nothing written")
    assert_clean_failure(result, 1, "image.txt: binary file", "1 document written, 0 failed, 1 input unusable")
    assert "Shavkat Mirziyoyev" in result.out
    assert_clean_failure(call(capsys, "normalise", binary), 2, "image.txt: binary file")
    binary_corpus = tmp_path / "data.jsonl"
    binary_corpus.write_bytes(b"\x00\x01\x02{}")
    assert_clean_failure(call(capsys, "normalise", binary_corpus), 2, "data.jsonl: binary file")


def test_invalid_utf8_text_names_byte_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Tokayev\nChavkat Mirzioïev".encode("latin-1"))
    result = run_cli("normalise", bad)
    assert_clean_failure(result, 2, "latin1.txt: not valid UTF-8 at byte 22 (line 2, column 15)")
    assert result.out == ""


def test_invalid_utf16(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "odd.txt"
    bad.write_bytes(b"\xff\xfeT\x00o\x00\x00\xd8")  # a lone surrogate
    assert_clean_failure(call(capsys, "normalise", bad), 2, "odd.txt: not valid UTF-16 at byte")


def test_bad_corpus_lines_fail_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = [{"id": f"ok{n}", "text": text} for n, text in enumerate(SENTENCES)]
    path = tmp_path / "c.jsonl"
    lines = [
        _line(good[0]),
        b'{"id": "broken", "text": "Tokayev"\n',  # malformed JSON
        _line(good[1]),
        b'{"id": "no-text"}\n',
        b'{"id": "number", "text": 42}\n',
        b'{"id": "latin1", "text": "Mirzio\xefev"}\n',  # invalid UTF-8 inside a line
        b'["not", "an", "object"]\n',
        b'{"id": "bad-date", "text": "Tokayev", "date": "2025-02-30"}\n',
        b"\n",
        _line(good[2]),
        _line(good[3]),
    ]
    path.write_bytes(b"".join(lines))
    result = run_cli("normalise", path, "--format", "jsonl")
    assert_clean_failure(
        result,
        1,
        f"{path}:2: malformed JSON",
        f"{path}:4: no 'text' field",
        f"{path}:5: 'text' must be a string, got a number",
        f"{path}:7: expected a JSON object, got an array",
        f"{path}:8: 'date' '2025-02-30' is not a date",
        "4 documents written, 6 failed, 0 inputs unusable",
    )
    offset = sum(len(x) for x in lines[:5]) + lines[5].index(b"\xef")
    assert f"{path}:6: not valid UTF-8 at byte {offset}" in result.err
    records = jsonl(result.out)
    assert [r["id"] for r in records] == ["ok0", "ok1", "ok2", "ok3"]
    assert all(r["mentions"] for r in records)


def _line(record: dict) -> bytes:
    import json

    return (json.dumps(record, ensure_ascii=False) + "\n").encode()


def test_text_output_of_a_partly_bad_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", [{"id": 1, "text": SENTENCES[0]}, {"id": 2, "text": None}])
    result = call(capsys, "normalise", corpus)
    assert_clean_failure(result, 1, "c.jsonl:2: 'text' must be a string, got null")
    assert result.out.splitlines()[0] == "==> 1 <==" and result.out.count("\n") == 2
    assert "Shavkat Mirziyoyev" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2025-13-45"], "argument --date: '2025-13-45' is not a date"),
        (["--date", "yesterday"], "argument --date: 'yesterday' is not a date"),
        (["--min-score", "1.5"], "argument --min-score: 1.5 is not between 0 and 1"),
        (["--min-score", "high"], "'high' is not a number"),
        (["--jobs", "-1"], "argument --jobs"),
        (["--format", "xml"], "argument --format: invalid choice: 'xml'"),
        (["--no-default-gazetteer"], "the gazetteer is empty"),
    ],
)
def test_bad_options(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    result = call(capsys, "normalise", EXAMPLE, *args)
    assert_clean_failure(result, 2, message)
    assert result.out == ""


def test_invalid_gazetteer_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "people.yaml"
    bad.write_text(
        "version: 1\n"
        "entities:\n"
        "  - id: Jane Doe\n"
        "    type: human\n"
        "    name: Jane Doe\n"
        "    offices:\n"
        "      - role: Mayor\n"
        "        start: '2020-13-01'\n",
        encoding="utf-8",
    )
    result = run_cli("normalise", EXAMPLE, "--gazetteer", bad)
    assert_clean_failure(result, 2, "3 problem(s) in the gazetteer")
    problems = [line for line in result.err.splitlines() if not line.startswith("c5names:")]
    assert len(problems) == 3
    for line in problems:
        assert re.match(rf"^{re.escape(str(bad))}:\d+:\d+: \[\S+\] \S", line), line
    assert f"{bad}:3:9: [entities[0].id]" in result.err
    assert f"{bad}:4:11: [entities[0].type]" in result.err
    assert "2020-13-01" in result.err
    assert result.out == ""


def test_output_onto_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = example_corpus(tmp_path / "c.jsonl")
    before = corpus.read_bytes()
    for target in (corpus, tmp_path / "." / "c.jsonl"):
        result = call(capsys, "normalise", corpus, "--format", "jsonl", "-o", target)
        assert_clean_failure(result, 2, "is one of the inputs; refusing to overwrite it")
    assert corpus.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]


def test_output_inside_a_directory_input_is_not_read_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = example_corpus(tmp_path / "c.jsonl")
    out = tmp_path / "linked.jsonl"
    first = call(capsys, "normalise", tmp_path, "--format", "jsonl", "-o", out)
    assert first.code == 0, first.err
    (tmp_path / ".linked.jsonl.abc123.tmp").write_text('{"text": "debris of an interrupted run"}\n')
    again = call(capsys, "normalise", tmp_path, "--format", "jsonl", "-o", out)
    assert again.code == 0, again.err  # linked.jsonl has no "text": read back, it would fail 4 times
    assert out.read_text(encoding="utf-8") == first_output(first, out)
    assert [r["id"] for r in jsonl(out.read_text(encoding="utf-8"))] == ["s0", "s1", "s2", "s3"]
    assert corpus.exists()


def first_output(result: object, out: Path) -> str:
    return out.read_text(encoding="utf-8")


def test_output_in_a_missing_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = call(capsys, "normalise", EXAMPLE, "-o", tmp_path / "no" / "such" / "out.txt")
    assert_clean_failure(result, 2, f"the folder {tmp_path / 'no' / 'such'} does not exist")
    assert ".tmp" not in result.err and result.out == ""
    assert not (tmp_path / "no").exists()


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert call(capsys, "normalise").code == 2  # no PATH
    result = call(capsys)
    assert result.code == 2 and "normalise" in result.err  # no command: the help, on stderr
    assert_clean_failure(call(capsys, "frobnicate"), 2, "invalid choice: 'frobnicate'")
