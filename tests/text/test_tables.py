"""The reader of linguistic tables (c5names.text.tables): YAML that keeps its lines, read as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from c5names.text.tables import LANG_RE, Entry, Table, TableError


def _table(tmp_path: Path, text: str) -> Table:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    return Table(path)


def test_scalars_are_read_as_the_text_written(tmp_path: Path) -> None:
    """No YAML typing: Norwegian `no`, the Russian words `on` and `i`, a 1 and a ~ stay text."""
    with _table(tmp_path, "no: [on, off, yes, 1, ~, 'quoted', i]\n") as table:
        found = table.mapping(table.root, "")
        key, node = found["no"]
        assert [e.text for e in table.texts(node, key.field)] == ["on", "off", "yes", "1", "~", "quoted", "i"]


def test_entries_know_their_line_and_field(tmp_path: Path) -> None:
    with _table(tmp_path, "# comment\nen:\n  - the\n  - a\n") as table:
        key, node = table.mapping(table.root, "")["en"]
        assert table.texts(node, key.field) == [Entry("the", 3, "en"), Entry("a", 4, "en")]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("en: [a]\nen: [b]\n", 2, "'en': duplicate key (first on line 1)"),
        ("en: [a, b\n", 2, "not valid YAML"),
        ("- a\n- b\n", 1, "expected a mapping"),
        ("", None, "the table is empty"),
        ("en: a\n", 1, "expected a list"),
        ("en:\n  - a\n  -\n", 3, "empty entry"),
        ("en: [a, [b]]\n", 1, "expected a single text"),
    ],
)
def test_mistakes_are_reported_with_file_and_line(tmp_path: Path, text: str, line: int | None, message: str) -> None:
    table = _table(tmp_path, text)
    if table.root is not None:
        for key, node in table.mapping(table.root, "").values():
            table.texts(node, key.field)
    with pytest.raises(TableError) as caught:
        table.__exit__(None, None, None)
    problem = caught.value.problems[0]
    assert problem.path == str(tmp_path / "t.yaml")
    assert problem.line == line
    assert message in str(problem)


def test_fields_reports_missing_and_unknown_keys(tmp_path: Path) -> None:
    table = _table(tmp_path, "letters: {}\nletterz: {}\n")
    fields = table.fields(table.root, "", required=("letters", "digraphs"))
    assert set(fields) == {"letters"}
    assert [str(p).split(": ", 1)[1] for p in table.problems] == [
        "[letterz] 'letterz': unknown key; expected one of digraphs, letters",
        "missing key 'digraphs'",
    ]


def test_unique_keeps_the_first_and_reports_the_repeat(tmp_path: Path) -> None:
    table = _table(tmp_path, "x: 1\n")
    kept = table.unique([Entry("a", 1, "en"), Entry("b", 2, "en"), Entry("a", 3, "en")], "word")
    assert [e.text for e in kept] == ["a", "b"]
    assert [str(p) for p in table.problems] == [
        f"{tmp_path / 't.yaml'}:3: [en] 'a': duplicate word (already on line 1)"
    ]


@pytest.mark.parametrize(
    ("code", "valid"), [("uz", True), ("mul", True), ("UZ", False), ("zh-hans", False), ("x", False)]
)
def test_language_keys_are_iso_codes_as_looked_up(code: str, valid: bool) -> None:
    assert bool(LANG_RE.match(code)) is valid


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    table = Table(tmp_path / "absent.yaml")
    assert "cannot read the table" in str(table.problems[0])


def test_the_context_manager_does_not_hide_another_error(tmp_path: Path) -> None:
    with pytest.raises(KeyError), _table(tmp_path, "en: a\nen: b\n"):
        raise KeyError("first")
