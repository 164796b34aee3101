"""Helpers for the command-line tests (no tests here): run the real CLI, in a subprocess or in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from c5names import cli

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "c5-summit.txt"
# Real sentences (the shipped example), one per language, used to build small corpora.
SENTENCES = EXAMPLE.read_text(encoding="utf-8").splitlines()
LANGS = ("fr", "de", "ru", "en")


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(*args: object, stdin: bytes | None = None, cwd: Path | None = None) -> Result:
    """`python -m c5names ARGS` in a subprocess, as a user runs it."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run(
        [sys.executable, "-m", "c5names", *map(str, args)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=cwd or REPO,
        env=env,
        timeout=300,
    )
    return Result(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def call(capsys: pytest.CaptureFixture[str], *args: object) -> Result:
    """`cli.main(ARGS)` in this process (fast: the gazetteer stays loaded)."""
    capsys.readouterr()
    code = cli.main([str(a) for a in args])
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def write_corpus(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def example_corpus(path: Path) -> Path:
    """The example's four sentences as a JSONL corpus with ids, languages and a date."""
    records = [
        {"id": f"s{n}", "lang": lang, "date": "2025-11-07", "text": text}
        for n, (lang, text) in enumerate(zip(LANGS, SENTENCES, strict=True))
    ]
    return write_corpus(path, records)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def assert_offsets(records: list[dict], texts: dict[object, str]) -> None:
    """Every mention's offsets cut its own text out of the document it belongs to."""
    for record in records:
        text = texts[record["id"]]
        for m in record["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"], (record["id"], m)


def assert_clean_failure(result: Result, code: int, *needles: str) -> None:
    """A user error: the right status, a message naming the problem, never a traceback."""
    assert result.code == code, result
    assert "Traceback" not in result.err
    for needle in needles:
        assert needle in result.err, (needle, result.err)
