"""Gazetteer files held in memory (what the spaCy component keeps) load as the files on disk do, and
their problems name the path they were read from, with line and field, though it may be gone."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest

from c5names.errors import GazetteerError
from c5names.gazetteer import InMemoryFile, content_digest, load, read_files
from c5names.gazetteer.loader import COMPRESS_FROM

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


def _many_people(n: int) -> str:
    return "entities:\n" + "".join(
        f"  - id: doe-{k:05d}\n    type: person\n    name: Jane{k} Doe\n"
        f"    names:\n      - {{given: Jane{k}, surname: Doe}}\n"
        for k in range(n)
    )


def test_a_large_file_is_kept_compressed_and_reads_back_whole(tmp_path: Path) -> None:
    """A spaCy pipeline keeps its gazetteer in memory: a large file takes a fraction of its size there,
    and everything that reads it (load, the digest, a pickled pipeline) gets the same bytes."""
    path = tmp_path / "many.yaml"
    path.write_text(_many_people(1_500), encoding="utf-8")
    raw = path.read_bytes()
    assert len(raw) >= COMPRESS_FROM
    [file] = read_files(path)
    assert file.data == raw
    assert len(file._packed) < len(raw) / 4
    again = pickle.loads(pickle.dumps(file))
    assert again == file and hash(again) == hash(file) and again.data == raw
    assert file != InMemoryFile(str(path), raw + b"\n") and file != InMemoryFile("other.yaml", raw)
    assert content_digest([file]) == content_digest([path])
    assert len(load(file, default=False)) == 1_500


def test_a_small_file_is_kept_as_it_is() -> None:
    small = InMemoryFile("jane.yaml", JANE.encode())
    assert small._packed == JANE.encode() and small.data == JANE.encode()


def test_the_digest_is_of_the_names_and_bytes_joined(tmp_path: Path) -> None:
    """Cached indexes are keyed by this digest: hashing the pieces one by one (no copy of a large
    file) must give what hashing them joined gave, or every user's cache would be compiled again."""
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(JANE, encoding="utf-8")
    second.write_text("# again\n" + JANE, encoding="utf-8")
    joined = b"c5names-gazetteer-v1" + b"".join(
        path.name.encode() + b"\0" + path.read_bytes() + b"\0" for path in (first, second)
    )
    assert content_digest([first, second]) == hashlib.sha256(joined).hexdigest()
    assert content_digest([second, first]) != content_digest([first, second])
