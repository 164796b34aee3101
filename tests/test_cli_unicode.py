"""Lone surrogates (`"\\ud800"` in a JSON string: valid JSON, not encodable in UTF-8) in a text, an id
or a carried field cost nothing: every document is written, the JSON formats keep the surrogates as
escapes, the other formats write U+FFFD and say so once per document, and no warning is printed per
character."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from c5names.cli.formats import BINARY_FORMATS, FORMATS

from .test_cli_support import call, jsonl, run_cli

LINES = [
    r'{"id": "ok1", "text": "Tokayev met Putin."}',
    r'{"id": "t", "text": "Tokayev \ud800 met Tok\udfffayev and \udc00Putin."}',
    r'{"id": "i\udc80", "text": "President Mirziyoyev spoke."}',
    r'{"id": "f", "text": "President Japarov spoke.", "source": {"k\ud83d": ["x\ude00", 1]}}',
    r'{"id": "ok2", "text": "Sergio Gor arrived."}',
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="ascii")
    return path


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f not in BINARY_FORMATS])  # parquet: test_cli_parquet.py
def test_every_document_is_written_in_every_format(corpus: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = call(capsys, "normalise", corpus, "--format", fmt)
    assert result.code == 0, result.err
    assert "Traceback" not in result.err and "Warning" not in result.err
    result.out.encode("utf-8")  # valid UTF-8 all through
    if fmt in {"jsonl", "json"}:
        records = jsonl(result.out) if fmt == "jsonl" else json.loads(result.out)
        originals = [json.loads(line) for line in LINES]
        assert [r["id"] for r in records] == [o["id"] for o in originals]  # the surrogates come back
        assert records[3]["source"] == originals[3]["source"]
        text = originals[1]["text"]
        for m in records[1]["mentions"]:  # offsets into the original text
            assert text[m["start"] : m["end"]] == m["text"]
        assert result.err == ""  # nothing was changed, so nothing to say
        return
    assert "\ufffd" in result.out
    replaced = [line for line in result.err.splitlines() if "lone surrogate" in line]
    both = [f"{corpus}:2:", f"{corpus}:3:"]  # the text, and the id that text (in its header), tsv and html write
    expected = {"text": both, "tsv": both, "html": both}
    assert [line.split(" ")[1] for line in replaced] == expected[fmt], result.err
    if fmt == "text":
        blocks = result.out.split("\n\n")  # header and text, documents a blank line apart
        assert len(blocks) == 5 and all(b.startswith("==> ") for b in blocks)
        assert blocks[1].splitlines()[1].startswith("Tokayev [Kassym-Jomart Tokayev] \ufffd met")


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_two_processes_and_an_output_file(corpus: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    done = run_cli("normalise", corpus, "--format", fmt, "--jobs", "2", "-o", out)
    assert done.code == 0, done.err
    assert "Traceback" not in done.err and "RuntimeWarning" not in done.err
    single = run_cli("normalise", corpus, "--format", fmt)
    assert out.read_text(encoding="utf-8") == single.out
    assert "RuntimeWarning" not in single.err  # unidecode never sees a surrogate
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out." + fmt, "s.jsonl"]
