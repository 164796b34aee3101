"""Gazetteer files held in memory (what the spaCy component keeps) load as the files on disk do, and
their problems name the path they were read from, with line and field, though it may be gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from c5names.errors import GazetteerError
from c5names.gazetteer import InMemoryFile, content_digest, load, read_files

JANE = (
    "entities:\n  - id: doe-jane\n    type: person\n    name: Jane Doe\n"
    "    names:\n      - {given: Jane, surname: Doe}\n"
)


def test_a_file_read_into_memory_loads_as_the_file(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_text(JANE, encoding="utf-8")
    files = read_files(tmp_path)
    assert files == [InMemoryFile(str(path), JANE.encode())]
    path.unlink()
    from_memory = load(*files, default=False)
    assert from_memory.ids() == ["doe-jane"]
    assert from_memory["doe-jane"].name == "Jane Doe"
    # Same base name and bytes, same digest: the compiled index cached for the file is found again.
    path.write_text(JANE, encoding="utf-8")
    assert content_digest([path]) == content_digest(files) == load(path, default=False).digest


def test_problems_in_memory_name_the_path_line_and_field(tmp_path: Path) -> None:
    first = InMemoryFile(str(tmp_path / "gone" / "a.yaml"), JANE.encode())
    second = InMemoryFile(str(tmp_path / "gone" / "b.yaml"), ("# again\n" + JANE).encode())
    with pytest.raises(GazetteerError) as err:
        load(first, second, default=False)
    [problem] = err.value.problems
    assert (problem.path, problem.line, problem.field) == (second.path, 3, "entities[0].id")
    assert f"already defined at {first.path}:2" in problem.message


def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError) as err:
        read_files(tmp_path / "missing.yaml")
    assert err.value.problems[0].path == str(tmp_path / "missing.yaml")
    assert "cannot read" in err.value.problems[0].message
