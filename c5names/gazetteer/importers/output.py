"""From imported records to gazetteer YAML: ids, merge with the shipped gazetteer, files on disk.

Both importers hand over `Person` records keyed by their source id. Here they get unique ids in the
shipped convention, relations are kept only towards entities that exist (in the output or the shipped
gazetteer), a person the shipped gazetteer already has (same QID) becomes an `extend:` entry with
only what it lacks, and the result is written atomically as one file or a folder of files, in an
order that depends on the input's content only.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from c5names.gazetteer.importers.common import IdMaker, Report, person_slug
from c5names.gazetteer.loader import Gazetteer
from c5names.gazetteer.schema import Entity
from c5names.text.keys import fold

CHUNK = 5_000  # entities per file when writing a folder


@dataclass
class Person:
    """One imported person, before ids are given."""

    key: str  # the source's id (QID, FtM id): the stable order and the relations' targets
    name: str
    qid: str | None = None
    names: list[dict[str, Any]] = field(default_factory=list)
    aliases: list[dict[str, Any]] = field(default_factory=list)
    offices: list[dict[str, Any]] = field(default_factory=list)
    birth_date: str | None = None
    gender: str | None = None
    relations: list[tuple[str, str, str]] = field(default_factory=list)  # (type, target key or QID, source)
    sources: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # gazetteer country ids, for folders


def _order(key: str) -> tuple[str, int, str]:
    match = re.fullmatch(r"([A-Za-z]*)(\d+)", key)
    return (match.group(1), int(match.group(2)), "") if match else (key, -1, key)


def _name_key(name: dict[str, Any]) -> str:
    return fold(" ".join(str(name.get(p) or "") for p in ("given", "patronymic", "surname", "suffix")))


def _office_key(office: dict[str, Any]) -> tuple[str, str]:
    return (str(office.get("kind") or fold(str(office.get("role")))), str(office.get("start") or "")[:4])


@dataclass
class Built:
    entities: list[dict[str, Any]]
    extensions: list[dict[str, Any]]
    groups: dict[str, str]  # entity or extension id → folder file stem


def build(people: Iterable[Person], shipped: Gazetteer, report: Report) -> Built:
    """Entities and extensions for the people, in a deterministic order."""
    by_key: dict[str, Person] = {}
    for person in people:
        if person.key in by_key:
            report.skip("the same entity twice in the input (the first is kept)")
            continue
        by_key[person.key] = person
    shipped_by_qid = {e.wikidata: e.id for e in shipped.views() if e.wikidata}
    ids = IdMaker(set(shipped.ids()))
    target: dict[str, str] = dict(shipped_by_qid)
    order = sorted(by_key.values(), key=lambda p: _order(p.key))
    for person in order:
        if person.qid and person.qid in shipped_by_qid:
            target[person.key] = shipped_by_qid[person.qid]
            continue
        first = next((n for n in person.names if n.get("lang") == "en" and n.get("script") == "Latn"), None)
        first = first or next((n for n in person.names if n.get("script") == "Latn"), None)
        base = (
            person_slug(first.get("surname"), first.get("given"), person.name)
            if first
            else person_slug(None, None, person.name)
        )
        target[person.key] = ids.make(base, person.birth_date, person.key)
        if person.qid:
            target.setdefault(person.qid, target[person.key])
    built = Built([], [], {})
    for person in order:
        relations = _relations(person, target, report)
        group = person.countries[0] if person.countries else "other"
        if person.qid and person.qid in shipped_by_qid:
            ext = _extension(shipped.get(shipped_by_qid[person.qid]), person, relations)
            if ext:
                built.extensions.append(ext)
                built.groups[ext["id"]] = group
                report.extended += 1
            else:
                report.skip("already in the shipped gazetteer, nothing new")
            continue
        entity = _entity(target[person.key], person, relations)
        built.entities.append(entity)
        built.groups[entity["id"]] = group
        report.imported += 1
    return built


def _relations(person: Person, target: dict[str, str], report: Report) -> list[dict[str, Any]]:
    out = []
    for kind, key, source in person.relations:
        if key in target and target[key] != target.get(person.key):
            out.append({"type": kind, "id": target[key], "source": source})
        else:
            report.notes["relation to someone neither imported nor shipped, left out"] += 1
    return _unique(out, lambda r: (r["type"], r["id"]))


def _unique(items: list[dict[str, Any]], key: Any) -> list[dict[str, Any]]:
    seen: set[Any] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _entity(entity_id: str, person: Person, relations: list[dict[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {"id": entity_id, "type": "person", "name": person.name}
    if person.qid:
        data["wikidata"] = person.qid
    if person.gender:
        data["gender"] = person.gender
    if person.birth_date:
        data["birth_date"] = person.birth_date
    data["names"] = _unique(person.names, _name_key)
    data["aliases"] = _unique(person.aliases, lambda a: fold(a["form"]))
    data["offices"] = _unique(person.offices, lambda o: (o.get("role"), o.get("start"), o.get("end")))
    data["relations"] = relations
    data["sources"] = list(dict.fromkeys(person.sources))
    return {k: v for k, v in data.items() if v not in ([], None)}


def _extension(base: Entity | None, person: Person, relations: list[dict[str, Any]]) -> dict[str, Any] | None:
    """What the import adds to a shipped entity: forms, offices and relations it does not have yet."""
    if base is None:
        return None
    names = {_name_key(n.model_dump()) for n in base.names}
    forms = {fold(a.form) for a in base.aliases} | names
    offices = {_office_key(o.model_dump()) for o in base.offices}
    related = {(r.type, r.id) for r in base.relations}
    ext: dict[str, Any] = {"id": base.id}
    ext["names"] = [n for n in _unique(person.names, _name_key) if _name_key(n) not in names]
    ext["aliases"] = [a for a in _unique(person.aliases, lambda a: fold(a["form"])) if fold(a["form"]) not in forms]
    ext["offices"] = [o for o in person.offices if _office_key(o) not in offices]
    ext["relations"] = [r for r in relations if (r["type"], r["id"]) not in related]
    if not any(ext[k] for k in ("names", "aliases", "offices", "relations")):
        return None
    ext["sources"] = [s for s in dict.fromkeys(person.sources) if s not in base.sources]
    return {k: v for k, v in ext.items() if v != []}


# -- YAML -------------------------------------------------------------------------------------------


# libyaml's emitter writes YAML about ten times faster than PyYAML's own (same output).
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def render(entities: list[dict[str, Any]], extensions: list[dict[str, Any]], header: str) -> str:
    """One gazetteer file's text. Each entity is dumped on its own (the same text as dumping the
    whole file at once), so the emitter never holds a node graph of 100,000 entities."""
    parts = [f"# {line}\n" if line else "#\n" for line in header.splitlines()]
    parts.append("version: 1\n")
    for key, items in (("entities", entities), ("extend", extensions)):
        if items:
            parts.append(f"{key}:\n")
            parts += [_dump([item]) for item in items]
    return "".join(parts)


def _dump(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120, default_flow_style=False)


def files_for(built: Built, out: Path, header: str) -> dict[Path, str]:
    """The files to write: one, or (for a folder) one per country, in chunks of `CHUNK` entities."""
    if not _is_folder(out):
        return {out: render(built.entities, built.extensions, header)}
    groups: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {}
    for entity in built.entities:
        groups.setdefault(built.groups[entity["id"]], ([], []))[0].append(entity)
    for ext in built.extensions:
        groups.setdefault(built.groups[ext["id"]], ([], []))[1].append(ext)
    files: dict[Path, str] = {}
    for stem, (entities, extensions) in sorted(groups.items()):
        chunks = [entities[i : i + CHUNK] for i in range(0, len(entities), CHUNK)] or [[]]
        for n, chunk in enumerate(chunks, 1):
            name = f"{stem}.yaml" if n == 1 else f"{stem}-{n}.yaml"
            files[out / name] = render(chunk, extensions if n == 1 else [], header)
    return files


def _is_folder(out: Path) -> bool:
    return out.is_dir() or str(out).endswith(("/", os.sep)) or out.suffix.lower() not in (".yaml", ".yml")


def write_atomically(files: dict[Path, str]) -> None:
    """Write every file or none: each goes to a temporary file beside it, then all are moved into
    place; a new folder is made under a temporary name and renamed at the end."""
    if not files:
        return
    folders = {path.parent for path in files}
    new_folder = next(iter(folders)) if len(folders) == 1 and not next(iter(folders)).exists() else None
    if new_folder is not None:
        new_folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{new_folder.name}.", dir=new_folder.parent))
        try:
            for path, text in files.items():
                (staging / path.name).write_text(text, encoding="utf-8")
            staging.rename(new_folder)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return
    temps: list[tuple[Path, Path]] = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            temps.append((Path(name), path))
        for temp, path in temps:
            os.replace(temp, path)
    finally:
        for temp, _ in temps:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
