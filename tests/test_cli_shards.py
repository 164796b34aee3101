"""Shards in, shards out: `-o DIR` writes one output per input at the input's place below DIR, with a
manifest, all at once when the run ends (an interrupted run leaves DIR as it was); globs and fsspec
URLs (file://, memory://) name inputs and outputs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from c5names.cli import batch

from .test_cli_support import assert_clean_failure, call, example_corpus, jsonl

fsspec = pytest.importorskip("fsspec")


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """news/2025/a.jsonl.gz, news/2025/b.jsonl, news/c.txt, news/empty.jsonl"""
    lines = example_corpus(tmp_path / "example.jsonl").read_text("utf-8").splitlines(keepends=True)
    folder = tmp_path / "news"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / "a.jsonl.gz").write_bytes(gzip.compress("".join(lines[:2]).encode()))
    (folder / "2025" / "b.jsonl").write_text("".join(lines[2:]), encoding="utf-8")
    (folder / "c.txt").write_text("President Tokayev met Sadyr Japarov.\n", encoding="utf-8")
    (folder / "empty.jsonl").write_text("", encoding="utf-8")
    return folder


def test_one_output_per_input_and_a_manifest(news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("not ours", encoding="utf-8")
    whole = jsonl(call(capsys, "normalise", news, "--format", "jsonl").out)
    result = call(capsys, "normalise", news, "--format", "jsonl", "-o", out)
    assert result.code == 0, result.err
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["2025/a.jsonl", "2025/b.jsonl", "c.jsonl", "empty.jsonl", "keep.txt", "manifest.json"]
    shards = [jsonl((out / name).read_text("utf-8")) for name in ("2025/a.jsonl", "2025/b.jsonl", "c.jsonl")]
    assert [r for shard in shards for r in shard] == whole  # the same documents, in the same order
    assert (out / "empty.jsonl").read_text() == "" and (out / "keep.txt").read_text() == "not ours"
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["format"] == "jsonl" and manifest["written"] == len(whole) == 5
    assert [(s["input"], s["output"], s["written"]) for s in manifest["shards"]] == [
        (str(news / "2025" / "a.jsonl.gz"), "2025/a.jsonl", 2),
        (str(news / "2025" / "b.jsonl"), "2025/b.jsonl", 2),
        (str(news / "c.txt"), "c.jsonl", 1),
        (str(news / "empty.jsonl"), "empty.jsonl", 0),
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["example.jsonl", "news", "out"]  # no staging left


def test_an_unusable_shard_is_in_the_manifest(news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (news / "broken.jsonl.gz").write_bytes(b"\x1f\x8b not gzip at all")
    result = call(capsys, "normalise", news, "--format", "parquet", "-o", f"{tmp_path / 'new'}/")
    assert result.code == 1
    assert f"{news / 'broken.jsonl.gz'}:1: corrupt or truncated" in result.err
    manifest = json.loads((tmp_path / "new" / "manifest.json").read_text("utf-8"))
    broken = [s for s in manifest["shards"] if s["input"].endswith("broken.jsonl.gz")]
    unusable = {"input": str(news / "broken.jsonl.gz"), "output": None, "written": 0, "failed": 0, "unusable": True}
    assert broken == [unusable]
    assert (tmp_path / "new" / "2025" / "a.parquet").is_file() and not (tmp_path / "new" / "broken.parquet").exists()


def test_an_interrupted_run_leaves_the_folder_as_it_was(
    news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "c.jsonl").write_text("yesterday's\n", encoding="utf-8")
    linked = []

    def interrupted(linker: object, task: object) -> object:
        linked.append(task)
        if len(linked) == 3:
            raise KeyboardInterrupt
        return []

    monkeypatch.setattr(batch, "link_one", interrupted)
    assert call(capsys, "normalise", news, "--format", "jsonl", "-o", out).code == 130
    assert [p.name for p in out.iterdir()] == ["c.jsonl"] and (out / "c.jsonl").read_text() == "yesterday's\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["example.jsonl", "news", "out"]


def test_outputs_that_would_collide_or_overwrite_are_refused(
    news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (news / "c.jsonl").write_text('{"text": "Tokayev."}\n', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = call(capsys, "normalise", news, "--format", "jsonl", "-o", out)
    assert_clean_failure(result, 2, "would both be written to c.jsonl")
    assert list(out.iterdir()) == []
    result = call(capsys, "normalise", news / "2025" / "b.jsonl", "--format", "jsonl", "-o", news / "2025")
    assert_clean_failure(result, 2, "b.jsonl would overwrite an input")
    assert_clean_failure(call(capsys, "normalise", "-", "-o", out), 2, "standard input (-) has no name")


def test_globs(news: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = call(capsys, "normalise", f"{news}/**/*.jsonl*", "--format", "jsonl", "-o", f"{tmp_path / 'g'}/")
    assert result.code == 0, result.err
    assert sorted(p.relative_to(tmp_path / "g").as_posix() for p in (tmp_path / "g").rglob("*.jsonl")) == [
        "2025/a.jsonl",
        "2025/b.jsonl",
        "empty.jsonl",
    ]
    assert_clean_failure(call(capsys, "normalise", f"{news}/*.nothing"), 2, "*.nothing: no file matches")


def test_urls_in_and_out(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Any fsspec file system: memory:// here, s3:// or gs:// with their packages installed."""
    memory = fsspec.filesystem("memory")
    try:
        for path in sorted(news.rglob("*")):
            if path.is_file():
                memory.pipe(f"/news/{path.relative_to(news).as_posix()}", path.read_bytes())
        expected = jsonl(call(capsys, "normalise", news, "--format", "jsonl").out)
        result = call(capsys, "normalise", "memory://news/", "--format", "jsonl", "-o", "memory://out/")
        assert result.code == 0, result.err
        shards = [jsonl(memory.cat(f"/out/{n}").decode()) for n in ("2025/a.jsonl", "2025/b.jsonl", "c.jsonl")]
        linked = [r for shard in shards for r in shard]
        assert linked[:4] == expected[:4]
        assert linked[4] == {**expected[4], "id": "memory:///news/c.txt"}  # a text file's id is its path
        assert json.loads(memory.cat("/out/manifest.json"))["written"] == 5
        result = call(
            capsys, "normalise", "memory://news/2025/*.jsonl*", "--format", "jsonl", "-o", "memory://all.jsonl"
        )
        assert result.code == 0, result.err
        assert jsonl(memory.cat("/all.jsonl").decode()) == expected[:4]
        assert_clean_failure(call(capsys, "normalise", "memory://nothing/here.jsonl"), 2, "no such file or directory")
    finally:
        memory.rm("/", recursive=True)
