"""One huge document is linked in overlapping windows and written as its mentions come: the same
mentions as linking it whole (where no rule needs the rest of the book), offsets into the whole text,
every format well-formed. The memory this saves is measured by bench/memory.py, not here."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c5names.cli import batch, formats, windows
from c5names.cli.formats import json_object
from c5names.linker import Linker

from .test_cli_support import EXAMPLE, SENTENCES, assert_offsets, call, jsonl

SMALL_WINDOW = 3_000


@pytest.fixture
def small_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(windows, "WINDOW", SMALL_WINDOW)
    monkeypatch.setattr(batch, "WINDOW", SMALL_WINDOW)
    monkeypatch.setattr(windows, "OVERLAP", 300)
    monkeypatch.setattr(formats, "HTML_PIECE", SMALL_WINDOW)
    monkeypatch.setattr(formats, "FLUSH_CHARS", 500)


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(min_value=10, max_value=80))
def test_cuts_cover_the_text_in_order(text: str, window: int) -> None:
    points = windows.cuts(text, window)
    assert points[0] == 0 and points[-1] == len(text)
    assert all(a < b <= a + window for a, b in pairwise(points)) or text == ""


def test_cuts_prefer_paragraphs_then_lines_then_sentences() -> None:
    text = ("word " * 30 + "\n\n") + "word " * 30 + ". " + "word " * 10
    assert text[: windows.cuts(text, 200)[1]].endswith("\n\n")
    lines = "word " * 30 + "\n" + "word. " * 40
    assert lines[: windows.cuts(lines, 200)[1]].endswith(("\n", ". "))


def _huge(tmp_path: Path) -> tuple[Path, str]:
    text = "\n\n".join(SENTENCES * 40)  # about 7 windows of paragraphs that each name people in full
    path = tmp_path / "book.txt"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_windows_find_what_linking_whole_finds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small_windows: None
) -> None:
    path, text = _huge(tmp_path)
    whole = [(m.start, m.end, m.id) for m in Linker().link(text)]
    for jobs in ("1", "2"):
        records = jsonl(call(capsys, "normalise", path, "--format", "jsonl", "--jobs", jobs).out)
        assert len(records) == 1
        assert_offsets(records, {str(path): text})
        assert [(m["start"], m["end"], m["id"]) for m in records[0]["mentions"]] == whole


@pytest.mark.parametrize("fmt", ["text", "json", "tsv", "html"])
def test_every_format_of_a_huge_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small_windows: None, fmt: str
) -> None:
    path, text = _huge(tmp_path)
    records = jsonl(call(capsys, "normalise", path, "--format", "jsonl").out)
    result = call(capsys, "normalise", path, EXAMPLE, "--format", fmt)
    assert result.code == 0, result.err
    mentions = records[0]["mentions"]
    if fmt == "text":
        whole = formats.rewrite(text, Linker().link(text), "annotate")
        assert result.out.startswith(f"==> {path} <==\n" + whole + "\n")
    elif fmt == "json":
        assert json.loads(result.out)[0] == records[0]
    elif fmt == "tsv":
        assert len(result.out.splitlines()) == 1 + len(mentions) + len(Linker().link(EXAMPLE.read_text("utf-8")))
    else:
        assert result.out.count("<mark") == len(mentions) + len(Linker().link(EXAMPLE.read_text("utf-8")))
        assert result.out.count("<html") == 1 and result.out.count("<h2") == 2  # one title per document


def test_a_window_the_linker_fails_on_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small_windows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, text = _huge(tmp_path)
    path.write_text(text.replace("Sergio Gor", "BOOM", 1), encoding="utf-8")
    real = Linker.link

    def link(self: Linker, text: str, *args: object, **kwargs: object) -> object:
        if "BOOM" in text:
            raise RuntimeError("engine bug")
        return real(self, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Linker, "link", link)
    result = call(capsys, "normalise", path, EXAMPLE, "--format", "jsonl")
    assert result.code == 1
    assert f"{path}: characters 0-" in result.err and "RuntimeError: engine bug" in result.err
    records = jsonl(result.out)  # still well-formed, with the other windows' mentions and the next input
    assert [r["id"] for r in records] == [str(path), str(EXAMPLE)] and records[0]["mentions"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=60)
@given(
    st.dictionaries(st.text(max_size=4), json_values, max_size=3),
    st.lists(json_values, max_size=4),
    st.dictionaries(st.text(max_size=4), json_values, max_size=3),
    st.sampled_from([(None, 0), (2, 0), (2, 2), (4, 1)]),
)
def test_streamed_json_is_json_dumps(head: dict, items: list, tail: dict, layout: tuple[int | None, int]) -> None:
    indent, level = layout
    tail = {k: v for k, v in tail.items() if k not in head and k != "mentions"}
    head = {k: v for k, v in head.items() if k != "mentions"}
    streamed = "".join(json_object(head, "mentions", iter(items), tail, indent, level))
    expected = json.dumps({**head, "mentions": items, **tail}, ensure_ascii=False, indent=indent)
    assert streamed == expected.replace("\n", "\n" + " " * level)
