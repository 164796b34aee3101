"""Import people from FollowTheMoney entities as OpenSanctions publishes them.

Two forms, both one JSON object per line: `entities.ftm.json` (flat entities that refer to each other
by id) and `targets.nested.json` (each target with the entities that refer to it nested in its
properties: `positionOccupancies` holding `Occupancy` entities whose `post` is a nested `Position`,
`familyPerson`/`familyRelative` holding `Family` entities). Nested entities are flattened, so both
forms go through the same code: `Person` → names, birth date, gender, countries, Wikidata id;
`Occupancy` + `Position` → offices with dates; `Family` → relations.

Plain streaming JSON, not the `followthemoney` library: these few properties are read directly, and
the library would bring SQLAlchemy, mypy, rdflib, networkx, openpyxl and PyICU (a C build) with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from c5names.gazetteer.importers.common import (
    BadLine,
    Report,
    country_by_code,
    is_qid,
    iso_date,
    office_kind,
    script_of,
)
from c5names.gazetteer.importers.names import split_name
from c5names.gazetteer.importers.output import Person
from c5names.gazetteer.importers.wikidata import read_json_records

PAGE = "https://www.opensanctions.org/entities/{}/"
# Family.relationship is said from the `person`'s side: "mother" means the relative is the mother.
RELATIONSHIP = {
    "child_of": {"mother", "father", "parent", "stepmother", "stepfather"},
    "parent_of": {"son", "daughter", "child", "stepson", "stepdaughter"},
    "spouse_of": {"wife", "husband", "spouse", "partner", "former wife", "former husband", "ex-wife", "ex-husband"},
    "sibling_of": {"brother", "sister", "sibling", "half-brother", "half-sister"},
}
INVERSE = {"child_of": "parent_of", "parent_of": "child_of", "spouse_of": "spouse_of", "sibling_of": "sibling_of"}
REVERSE_OF = {  # nested property of a Person → (schema, the property that points back at the person)
    "positionOccupancies": "holder",
    "familyPerson": "person",
    "familyRelative": "relative",
}


def _values(entity: dict[str, Any], prop: str) -> list[Any]:
    values = (entity.get("properties") or {}).get(prop) or []
    return values if isinstance(values, list) else [values]


def _texts(entity: dict[str, Any], prop: str) -> list[str]:
    return [" ".join(v.split()) for v in _values(entity, prop) if isinstance(v, str) and v.strip()]


def _ref(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("id") if isinstance(value.get("id"), str) else None
    return value if isinstance(value, str) else None


def flatten(entity: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The entity and every entity nested in its properties, each with references by id (a nested
    entity under a reverse property such as `positionOccupancies` gets its back-reference)."""
    properties = entity.get("properties") or {}
    flat: dict[str, list[Any]] = {}
    nested: list[dict[str, Any]] = []
    for prop, values in properties.items():
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, dict) and "schema" in value:
                child = dict(value)
                back = REVERSE_OF.get(prop)
                if back and isinstance(entity.get("id"), str):
                    child["properties"] = {**(child.get("properties") or {}), back: [entity["id"]]}
                    nested.append(child)
                else:
                    nested.append(child)
                    flat.setdefault(prop, []).append(child.get("id"))
            else:
                flat.setdefault(prop, []).append(value)
    yield {**entity, "properties": {k: v for k, v in flat.items() if k not in REVERSE_OF}}
    for child in nested:
        yield from flatten(child)


@dataclass
class _Graph:
    persons: dict[str, dict[str, Any]] = field(default_factory=dict)
    positions: dict[str, dict[str, Any]] = field(default_factory=dict)
    occupancies: dict[str, dict[str, Any]] = field(default_factory=dict)
    families: dict[str, dict[str, Any]] = field(default_factory=dict)


def _collect(paths: list[Path], report: Report, errors: Callable[[BadLine], None], tick: Callable[[], None]) -> _Graph:
    graph = _Graph()
    stores = {"Person": graph.persons, "Position": graph.positions, "Occupancy": graph.occupancies}
    stores["Family"] = graph.families
    for path in paths:
        for record in read_json_records(path, errors):
            tick()
            for entity in flatten(record):
                report.read += 1
                store = stores.get(str(entity.get("schema")))
                if not isinstance(entity.get("id"), str) or store is None:
                    report.skip("not a Person, Occupancy, Position or Family")
                    continue
                if entity["id"] in store:  # the nested form repeats shared entities: merge values
                    for prop, values in (entity.get("properties") or {}).items():
                        known = store[entity["id"]].setdefault("properties", {}).setdefault(prop, [])
                        known.extend(v for v in values if v not in known)
                    continue
                store[entity["id"]] = entity
    return graph


def person_of(entity: dict[str, Any]) -> Person:
    """A Person's names, dates, gender, countries and Wikidata id."""
    key = str(entity["id"])
    page = PAGE.format(key)
    qids = [q for q in _texts(entity, "wikidataId") if is_qid(q)]
    first, father, last = (_texts(entity, p) for p in ("firstName", "fatherName", "lastName"))
    names: list[dict[str, Any]] = []
    structured: set[frozenset[str]] = set()
    if first or last:
        parts = {"given": first[0] if first else None, "patronymic": father[0] if father else None}
        parts["surname"] = last[0] if last else None
        text = " ".join(v for v in parts.values() if v)
        names.append({k: v for k, v in parts.items() if v} | {"script": script_of(text), "source": page})
        short = " ".join(filter(None, (parts["given"], parts["surname"])))
        structured = {frozenset(text.split()), frozenset(short.split())}
    aliases: list[dict[str, Any]] = []
    for prop, kind in (("name", "exonym"), ("alias", "exonym"), ("weakAlias", "nickname")):
        for text in _texts(entity, prop):
            words = frozenset(text.split())
            if words in structured:
                continue  # the structured name says it, with its parts
            if prop == "weakAlias" and len(words) < 2:
                continue  # a one-word weak alias (a nickname, a first name) would match too much
            han = split_name(text, None)  # without a language, only Han names (given·surname) split
            if han:
                names.append({**han, "script": script_of(text), "kind": kind, "source": page})
            else:
                aliases.append({"form": text, "kind": kind, "source": page})
    name = (_texts(entity, "name") or [" ".join(filter(None, (first or [""])[:1] + (last or [""])[:1]))])[0]
    person = Person(key=key, name=name or key, qid=qids[0] if qids else None, names=names, aliases=aliases)
    person.sources = [page]
    births = sorted(d for v in _texts(entity, "birthDate") if (d := iso_date(v)))
    person.birth_date = births[0] if births else None
    genders = {g.casefold() for g in _texts(entity, "gender")} & {"male", "female"}
    person.gender = genders.pop() if len(genders) == 1 else None
    codes = [c.casefold() for p in ("citizenship", "nationality", "country") for c in _texts(entity, p)]
    person.countries = list(dict.fromkeys(country_by_code()[c] for c in codes if c in country_by_code()))
    return person


def _offices(person: Person, graph: _Graph, occupancies: list[dict[str, Any]], report: Report) -> set[str]:
    """The person's offices from their occupancies; returns the offices' countries (ISO codes)."""
    codes: set[str] = set()
    for occupancy in occupancies:
        post = graph.positions.get(next((r for v in _values(occupancy, "post") if (r := _ref(v))), ""))
        if post is None:
            report.notes["occupancy whose position is not in the input, left out"] += 1
            continue
        role = (_texts(post, "name") or ["position"])[0]
        countries = [c.casefold() for c in _texts(post, "country")]
        codes.update(countries)
        office: dict[str, Any] = {"role": role, "kind": office_kind(role)}
        office["country"] = next((country_by_code()[c] for c in countries if c in country_by_code()), None)
        start = min((d for v in _texts(occupancy, "startDate") if (d := iso_date(v))), default=None)
        end = max((d for v in _texts(occupancy, "endDate") if (d := iso_date(v))), default=None)
        if start and end and end < start:
            report.notes["office ending before it starts: its dates left out"] += 1
            start = end = None
        office.update({"start": start, "end": end, "source": PAGE.format(occupancy.get("id") or person.key)})
        person.offices.append({k: v for k, v in office.items() if v is not None})
    if not occupancies:  # only the free-text `position` property: offices without dates
        page = PAGE.format(person.key)
        for role in _texts(graph.persons[person.key], "position"):
            office = {"role": role, "kind": office_kind(role), "source": page}
            person.offices.append({k: v for k, v in office.items() if v is not None})
    return codes


def _relations(graph: _Graph, report: Report) -> dict[str, list[tuple[str, str, str]]]:
    """person id → (relation, other person's id, source) from every Family entity, both ways."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for family in graph.families.values():
        person = next((r for v in _values(family, "person") if (r := _ref(v))), None)
        relative = next((r for v in _values(family, "relative") if (r := _ref(v))), None)
        said = {t.casefold() for t in _texts(family, "relationship")}
        kind = next((k for k, words in RELATIONSHIP.items() if said & words), None)
        if not (person and relative and kind):
            report.notes["family relation of an unknown kind, left out"] += 1
            continue
        page = PAGE.format(family.get("id") or person)
        out.setdefault(person, []).append((kind, relative, page))
        out.setdefault(relative, []).append((INVERSE[kind], person, page))
    return out


def import_people(
    paths: list[Path],
    report: Report,
    errors: Callable[[BadLine], None],
    countries: set[str] | None = None,
    topics: set[str] | None = None,
    tick: Callable[[], None] = lambda: None,
) -> list[Person]:
    """The Persons of the files that pass the filters (`countries`: ISO codes, lower case, of the
    person or of an office's position; `topics`: any of these topics, such as role.pep)."""
    graph = _collect(paths, report, errors, tick)
    held: dict[str, list[dict[str, Any]]] = {}
    for occupancy in graph.occupancies.values():
        for holder in {r for v in _values(occupancy, "holder") if (r := _ref(v))}:
            held.setdefault(holder, []).append(occupancy)
    family = _relations(graph, report)
    qid_of = {key: q for key, entity in graph.persons.items() for q in _texts(entity, "wikidataId")[:1] if is_qid(q)}
    people: list[Person] = []
    for key, entity in graph.persons.items():
        if topics and not topics & set(_texts(entity, "topics")):
            report.skip("no --topic among its topics")
            continue
        person = person_of(entity)
        office_codes = _offices(person, graph, sorted(held.get(key, []), key=lambda o: str(o.get("id"))), report)
        own = {c.casefold() for p in ("citizenship", "nationality", "country") for c in _texts(entity, p)}
        if countries and not countries & (own | office_codes):
            report.skip("neither of a --country nor in office there")
            continue
        people.append(person)
    kept = {p.key for p in people}
    for person in people:  # an imported relative by its key, any other by its QID (a shipped entity)
        person.relations = [
            (kind, other if other in kept else qid_of.get(other, other), page)
            for kind, other, page in family.get(person.key, [])
        ]
    return people
