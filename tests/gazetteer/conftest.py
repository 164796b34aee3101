"""Builders of small gazetteers for the consistency rules: valid by default, so that each test
breaks exactly one thing and asserts on the one problem it expects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from c5names.errors import Problem
from c5names.gazetteer.checks import problems

SOURCE = "https://en.wikipedia.org/wiki/Ruritania"

COUNTRIES = [
    {
        "id": country,
        "type": "country",
        "name": name,
        "aliases": [{"form": name, "lang": "en", "source": SOURCE}],
        "sources": [SOURCE],
    }
    for country, name in (("ruritania", "Ruritania"), ("elbonia", "Elbonia"))
]


def person(person_id: str, *, offices: list[dict[str, Any]] | None = None, **fields: Any) -> dict[str, Any]:
    """A person with a sourced name; `offices` and any other field as given."""
    surname, given = person_id.split("-", 1)
    entity: dict[str, Any] = {
        "id": person_id,
        "type": "person",
        "name": f"{given.title()} {surname.title()}",
        "names": [{"given": given.title(), "surname": surname.title(), "lang": "en", "source": SOURCE}],
    }
    if offices:
        entity["offices"] = offices
    entity.update(fields)
    entity.setdefault("sources", [SOURCE])
    return entity


def office(
    role: str,
    start: str | None = None,
    end: str | None = None,
    *,
    kind: str = "head_of_state",
    country: str | None = "ruritania",
    acting: bool = False,
    source: str | None = SOURCE,
) -> dict[str, Any]:
    item: dict[str, Any] = {"role": role, "kind": kind}
    for key, value in (("country", country), ("start", start), ("end", end), ("source", source)):
        if value is not None:
            item[key] = value
    if acting:
        item["acting"] = True
    return item


def write(path: Path, *entities: dict[str, Any], extend: list[dict[str, Any]] | None = None) -> Path:
    data: dict[str, Any] = {"version": 1, "entities": list(entities)}
    if extend:
        data["extend"] = extend
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def gazetteer(tmp_path: Path, *entities: dict[str, Any], extend: list[dict[str, Any]] | None = None) -> Path:
    """people.yaml holding the two countries and `entities`."""
    return write(tmp_path / "people.yaml", *COUNTRIES, *entities, extend=extend)


def found(*paths: Path) -> list[Problem]:
    """Every problem of the files loaded together, without the shipped gazetteer."""
    return problems(*paths, default=False)


def line_of(path: Path, needle: str) -> int:
    """1-based number of the only line of `path` that contains `needle`."""
    lines = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    assert len(lines) == 1, f"{needle!r} must occur on exactly one line of {path}, found {lines}"
    return lines[0]


def only(problems_found: list[Problem]) -> Problem:
    assert len(problems_found) == 1, "expected one problem, got:\n" + "\n".join(map(str, problems_found))
    return problems_found[0]
