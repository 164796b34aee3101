"""Helpers for the tests of the table loaders: a shipped table with one mistake written into it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from c5names.text.tables import TableError


def edited(folder: Path, source: Path, old: str, new: str) -> Path:
    """A copy of `source` in `folder` (same name) with the first `old` replaced by `new`."""
    text = source.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {source.name}: the test no longer edits anything"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def line_of(path: Path, needle: str, after: int = 0) -> int:
    """The number of the first line (after line `after`) of a file that contains `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if number > after and needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in {path}")


def problems(read: Callable[[], object]) -> list[str]:
    """The problems a loader reports, as printed ("file:line: [field] message")."""
    with pytest.raises(TableError) as caught:
        read()
    return [str(problem) for problem in caught.value.problems]


def one_problem(read: Callable[[], object], path: Path, line: int | None, *phrases: str) -> str:
    """The one problem a loader reports, checked to name the file, the line and every phrase."""
    found = problems(read)
    assert len(found) == 1, found
    where = f"{path}:{line}:" if line is not None else f"{path}:"
    assert found[0].startswith(where), (found[0], where)
    for phrase in phrases:
        assert phrase in found[0], (phrase, found[0])
    return found[0]
