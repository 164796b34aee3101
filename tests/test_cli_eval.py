"""`c5names eval` agrees exactly with the project's referee (shared/eval/score.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from c5names import default_gazetteer
from c5names.cli.evaluate import Tally

from .conftest import read_jsonl, shared_file
from .test_cli_support import SENTENCES, assert_clean_failure, call, write_corpus

LINE = re.compile(r"^(?P<label>.+?) +P=\S+ R=\S+ F1=\S+ \(tp=(\d+) fp=(\d+) fn=(\d+) namesake_errors=(\d+)\)$")


def _referee(gold: Path, pred: Path, *flags: str) -> str:
    score = shared_file("eval", "score.py")
    done = subprocess.run(
        [sys.executable, str(score), str(gold), str(pred), *flags], capture_output=True, text=True, check=True
    )
    return done.stdout


def _predict(capsys: pytest.CaptureFixture[str], gold: Path, out: Path) -> Path:
    assert call(capsys, "normalise", gold, "--format", "jsonl", "-o", out).code == 0
    return out


def _degrade(gold: Path, pred: Path, out: Path) -> Path:
    """Every kind of error the referee counts: misses, strict-only misses, wrong ids, namesakes, a lost doc."""
    gold_docs = {g["id"]: g for g in read_jsonl(gold)}
    scored = sorted({m["id"] for g in gold_docs.values() for m in g["mentions"] if m["id"]})
    records = []
    for n, record in enumerate(read_jsonl(pred)):
        if n == 1:
            continue  # a document with no prediction line
        kept = []
        for k, m in enumerate(record["mentions"]):
            if k % 3 == 2:
                continue  # false negative
            if k % 4 == 1:
                m = {**m, "start": m["start"] + 1}  # lenient hit, strict miss
            if k % 5 == 3:
                m = {**m, "id": scored[(scored.index(m["id"]) + 1) % len(scored)] if m["id"] in scored else m["id"]}
            kept.append(m)
        for g in gold_docs[record["id"]]["mentions"]:
            if g["id"] is None:  # a link on a name that must not be linked: a namesake error
                kept.append({"start": g["start"], "end": g["end"], "id": scored[n % len(scored)]})
        kept.append({"start": 0, "end": 1, "id": "not-a-scored-id"})  # ignored by the referee
        records.append({**record, "mentions": kept})
    return write_corpus(out, records)


@pytest.mark.parametrize("name", ["seeds.jsonl", "dev.jsonl"])
def test_eval_prints_what_the_referee_prints(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    gold = shared_file("eval", name)
    pred = _predict(capsys, gold, tmp_path / "pred.jsonl")
    ours = call(capsys, "eval", gold, "--pred", pred)
    assert ours.code == 0 and ours.out == _referee(gold, pred)
    assert call(capsys, "eval", gold).out == ours.out  # without --pred the linker runs on the gold texts

    bad = _degrade(gold, pred, tmp_path / "bad.jsonl")
    reference = _referee(gold, bad, "--errors")
    assert call(capsys, "eval", gold, "--pred", bad, "--errors").out == reference
    assert "documents with no prediction line: 1" in reference and "\nFN " in reference and "\nFP " in reference
    persons = LINE.match(reference.splitlines()[-1])
    assert persons and all(int(persons.group(i)) > 0 for i in (2, 3, 4)), reference  # tp, fp, fn all counted
    if name == "dev.jsonl":
        assert int(persons.group(5)) > 0  # namesake errors counted too

    by_lang = _referee(gold, bad, "--by-lang").splitlines()
    mine = call(capsys, "eval", gold, "--pred", bad, "--by-lang").out.splitlines()
    referee_lang_lines = [line for line in by_lang if re.search(r"\[\w+\] +P=", line)]
    assert referee_lang_lines and mine[-4 - len(referee_lang_lines) : -4] == referee_lang_lines
    assert mine[-4:] == by_lang[-4:]


def test_per_entity_figures_add_up_to_the_totals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = shared_file("eval", "dev.jsonl")
    pred = _degrade(gold, _predict(capsys, gold, tmp_path / "pred.jsonl"), tmp_path / "bad.jsonl")
    lines = call(capsys, "eval", gold, "--pred", pred, "--by-entity").out.splitlines()
    countries = {e.id for e in default_gazetteer() if e.type == "country"}
    tallies = {}
    for line in lines:
        match = LINE.match(line)
        if match:
            tallies[match.group("label")] = Tally(*(int(match.group(i)) for i in (2, 3, 4, 5)))
    for label in ("persons", "countries"):
        for mode in ("strict", "lenient"):
            total = Tally()
            ids = {m["id"] for g in read_jsonl(gold) for m in g["mentions"] if m["id"]}
            for key, tally in tallies.items():
                entity, _, entity_mode = key.rpartition(" ")
                is_country = entity in countries
                if entity in ids and entity_mode == mode and is_country == (label == "countries"):
                    total.add(tally)
            assert total == tallies[f"{label} {mode}"], (label, mode)


def test_eval_on_a_small_gold_file_without_the_referee(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Hand-counted: the linker finds Tokayev, Putin and Kazakhstan; 'Al Gore' must stay unlinked."""
    text = "Tokayev met Putin in Kazakhstan. Al Gore was not there; Sergio Gor was."
    gold = write_corpus(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "g1",
                "lang": "en",
                "date": "2025-11-07",
                "text": text,
                "mentions": [
                    {"start": 0, "end": 7, "text": "Tokayev", "id": "tokayev-kassym-jomart"},
                    {"start": 12, "end": 17, "text": "Putin", "id": "putin-vladimir"},
                    {"start": 21, "end": 31, "text": "Kazakhstan", "id": "kazakhstan"},
                    {"start": 33, "end": 40, "text": "Al Gore", "id": None},
                    {"start": 56, "end": 66, "text": "Sergio Gor", "id": "gor-sergio"},
                ],
            },
            {"id": "g2", "lang": "fr", "text": SENTENCES[0], "mentions": []},
        ],
    )
    pred = write_corpus(
        tmp_path / "pred.jsonl",
        [
            {
                "id": "g1",
                "mentions": [
                    {"start": 0, "end": 7, "id": "tokayev-kassym-jomart"},
                    {"start": 36, "end": 40, "id": "gor-sergio"},  # the namesake trap
                    {"start": 21, "end": 30, "id": "kazakhstan"},  # lenient only
                ],
            },
        ],
    )
    lines = call(capsys, "eval", gold, "--pred", pred, "--errors", "--by-lang").out.splitlines()
    assert lines[0] == "documents with no prediction line: 1 (e.g. ['g2'])"
    assert "FP g1 [36:40] 'Gore' -> gor-sergio" in lines
    assert "FN g1 [12:17] 'Putin' should be putin-vladimir" in lines
    assert lines[-4].startswith("countries strict ") and lines[-4].endswith("(tp=0 fp=1 fn=1 namesake_errors=0)")
    assert lines[-3].endswith("(tp=1 fp=0 fn=0 namesake_errors=0)")
    assert lines[-1] == ("persons lenient              P=0.500 R=0.333 F1=0.400 (tp=1 fp=1 fn=2 namesake_errors=1)")
    assert "persons lenient [en]" in "\n".join(lines)


def test_eval_rejects_malformed_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "x", "mentions": []}\n{"id": "b", "text": \n', encoding="utf-8")
    assert_clean_failure(call(capsys, "eval", gold), 2, f"{gold}:2: malformed JSON")
    gold.write_text(json.dumps({"id": "a", "text": "x", "mentions": [{"start": "0", "end": 1}]}) + "\n")
    assert_clean_failure(call(capsys, "eval", gold), 2, f"{gold}:1: mention 1 needs integer 'start' and 'end'")
    gold.write_text(json.dumps({"id": "a", "text": "x", "mentions": []}) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"mentions": []}\n', encoding="utf-8")
    assert_clean_failure(call(capsys, "eval", gold, "--pred", pred), 2, f"{pred}:1: a prediction line")
    assert_clean_failure(call(capsys, "eval", tmp_path / "none.jsonl"), 2, "none.jsonl: cannot read")
