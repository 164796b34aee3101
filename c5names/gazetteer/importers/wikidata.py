"""Import people from Wikidata entity JSON into gazetteer records.

Reads Wikidata as users get it, one entity at a time (a multi-gigabyte dump is never loaded whole):
the full dump (a JSON array with one entity per line; .json, .json.gz, .json.bz2), JSON lines, and
`Special:EntityData/Q….json` or `wbgetentities` responses (`{"entities": {...}}`, also pretty-printed).
Keeps humans (P31 = Q5); maps labels and aliases to names with language and script, P39 positions
with their P580/P582 qualifiers to offices, P569, P21 and the family properties. The entity's page
is the source of every fact.

A position's name and country come from the position's own item (P1001 jurisdiction, P17 country),
which only a dump or a file that contains that item provides: positions not in the input are taken
from positions.yaml when listed there, else written with their QID as the role.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from c5names.gazetteer.importers.common import (
    BadLine,
    Report,
    country_by_qid,
    is_qid,
    known_positions,
    language_code,
    office_kind,
    script_of,
    wikidata_date,
)
from c5names.gazetteer.importers.names import split_name
from c5names.gazetteer.importers.output import Person

PAGE = "https://www.wikidata.org/wiki/{}"
HUMAN = "Q5"
GENDERS = {"Q6581097": "male", "Q6581072": "female"}
FAMILY = {"P22": "child_of", "P25": "child_of", "P40": "parent_of", "P26": "spouse_of"}
CHINESE_STATES = {"Q148", "Q865", "Q8646", "Q14773"}  # PRC, Taiwan, Hong Kong, Macau
WHOLE_FILE_LIMIT = 256 * 1024 * 1024  # a pretty-printed response is read whole only up to this size


# -- reading ------------------------------------------------------------------------------------------


def open_text(path: Path) -> IO[str]:
    """A text stream over a plain, gzip or bzip2 file (by its name's ending)."""
    name = path.name.casefold()
    if name.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig")
    if name.endswith(".bz2"):
        return io.TextIOWrapper(bz2.open(path, "rb"), encoding="utf-8-sig")
    return path.open(encoding="utf-8-sig")


def read_json_records(path: Path, errors: Callable[[BadLine], None]) -> Iterator[dict[str, Any]]:
    """Every JSON object of a file, one line at a time (dump arrays and JSON lines alike). A file
    whose first line is not a whole JSON value may be one pretty-printed response: it is read whole
    when it parses so, else line by line (each bad line reported with its number)."""
    with open_text(path) as stream:
        head = next((line for line in stream if line.strip()), "").strip().rstrip(",")
    if head not in ("[", "]", "") and not _parses(head) and path.stat().st_size <= WHOLE_FILE_LIMIT:
        with open_text(path) as stream:
            try:
                value = json.loads(stream.read())
            except json.JSONDecodeError:
                value = None
        if value is not None:
            yield from _objects(value)
            return
    with open_text(path) as stream:
        for number, line in enumerate(stream, 1):
            text = line.strip().rstrip(",")
            if text in ("", "[", "]"):
                continue
            try:
                value = json.loads(text)
            except json.JSONDecodeError as err:
                errors(BadLine(str(path), number, f"not valid JSON ({err.msg} at column {err.colno})"))
                continue
            if not isinstance(value, dict):
                errors(BadLine(str(path), number, "not a JSON object"))
                continue
            yield from _objects(value)


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    return True


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Entities of one JSON value: itself, or those of an {"entities": {...}} response or a list."""
    if isinstance(value, list):
        for item in value:
            yield from _objects(item)
    elif isinstance(value, dict) and isinstance(value.get("entities"), dict):
        for item in value["entities"].values():
            if isinstance(item, dict) and "missing" not in item:
                yield item
    elif isinstance(value, dict):
        yield value


# -- claims ----------------------------------------------------------------------------------------------


def _statements(entity: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    claims = entity.get("claims") or {}
    out = claims.get(prop, []) if isinstance(claims, dict) else []
    return [s for s in out if isinstance(s, dict) and s.get("rank") != "deprecated"]


def _value(snak: dict[str, Any]) -> Any:
    if snak.get("snaktype") != "value":
        return None
    return (snak.get("datavalue") or {}).get("value")


def _item(snak: dict[str, Any]) -> str | None:
    value = _value(snak)
    if isinstance(value, dict):
        qid = value.get("id") or (f"Q{value['numeric-id']}" if "numeric-id" in value else None)
        return qid if is_qid(qid) else None
    return None


def items(entity: dict[str, Any], prop: str) -> list[str]:
    """The item ids a property points to (deprecated statements left out)."""
    return [q for s in _statements(entity, prop) if (q := _item(s.get("mainsnak") or {}))]


def _qualifier_date(statement: dict[str, Any], prop: str) -> str | None:
    for snak in (statement.get("qualifiers") or {}).get(prop, []):
        value = _value(snak)
        if isinstance(value, dict) and (date := wikidata_date(value)):
            return date
    return None


def _date(entity: dict[str, Any], prop: str) -> str | None:
    for statement in _statements(entity, prop):
        value = _value(statement.get("mainsnak") or {})
        if isinstance(value, dict) and (date := wikidata_date(value)):
            return date
    return None


# -- positions -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Position:
    label: str
    countries: tuple[str, ...]  # country QIDs (P1001, then P17)


def position_of(entity: dict[str, Any]) -> Position | None:
    """What a non-human item tells about it as a position: its English label and countries."""
    countries = tuple(dict.fromkeys(items(entity, "P1001") + items(entity, "P17")))
    if not countries:
        return None
    labels = entity.get("labels") or {}
    label = (labels.get("en") or {}).get("value") or next(
        (v.get("value") for _, v in sorted(labels.items()) if isinstance(v, dict) and v.get("value")), None
    )
    return Position(label, countries) if label else None


# -- people ------------------------------------------------------------------------------------------------


@dataclass
class Candidate:
    """A human kept while reading; the country filter is decided at the end, when every position
    item of the input has been seen."""

    person: Person
    citizenship: list[str]
    positions: list[str]
    raw_offices: list[tuple[str, str | None, str | None]] = field(default_factory=list)


def person_of(entity: dict[str, Any]) -> Candidate:
    """A human's record: names, dates, gender, relations, and offices still to be resolved."""
    qid = str(entity["id"])
    page = PAGE.format(qid)
    citizenship = items(entity, "P27")
    chinese = bool(CHINESE_STATES & set(citizenship))
    names: list[dict[str, Any]] = []
    aliases: list[dict[str, Any]] = []
    for lang_tag, text in _forms(entity):
        lang = language_code(lang_tag)
        if lang is None or (lang == "mul" and not text):
            continue
        script = script_of(text, lang)
        parts = split_name(text, lang, chinese)
        if parts:
            kind = "native" if chinese and script in ("Hans", "Hant") and "surname" in parts else "exonym"
            names.append({**parts, "lang": lang, "script": script, "kind": kind, "source": page})
        else:
            aliases.append({"form": text, "lang": lang, "kind": "exonym", "source": page})
    label = _display_name(entity) or qid
    person = Person(key=qid, name=label, qid=qid, names=names, aliases=aliases, sources=[page])
    person.birth_date = _date(entity, "P569")
    genders = [GENDERS[g] for g in items(entity, "P21") if g in GENDERS]
    person.gender = genders[0] if len(set(genders)) == 1 else None
    for prop, kind in FAMILY.items():
        person.relations += [(kind, target, page) for target in items(entity, prop)]
    person.countries = [country_by_qid()[q] for q in citizenship if q in country_by_qid()]
    candidate = Candidate(person, citizenship, [])
    for statement in _statements(entity, "P39"):
        position = _item(statement.get("mainsnak") or {})
        if position:
            start, end = _qualifier_date(statement, "P580"), _qualifier_date(statement, "P582")
            candidate.positions.append(position)
            candidate.raw_offices.append((position, start, end))
    return candidate


def _forms(entity: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(language, text) of every label and alias, in a stable order, each text once per language."""
    seen: set[tuple[str, str]] = set()
    labels = entity.get("labels") or {}
    aliases = entity.get("aliases") or {}
    for lang in sorted(set(labels) | set(aliases)):
        label = labels.get(lang)
        values: list[dict[str, Any]] = [label] if isinstance(label, dict) else []
        values += [a for a in aliases.get(lang, []) if isinstance(a, dict)]
        for value in values:
            text = " ".join(str(value.get("value") or "").split())
            if text and (lang, text) not in seen:
                seen.add((lang, text))
                yield lang, text


def _display_name(entity: dict[str, Any]) -> str | None:
    labels = entity.get("labels") or {}
    for lang in ("en", "mul", *sorted(labels)):
        value = labels.get(lang)
        if isinstance(value, dict) and value.get("value"):
            return " ".join(str(value["value"]).split())
    return None


def resolve_offices(candidate: Candidate, positions: dict[str, Position], report: Report) -> None:
    """Offices from P39, named and placed by the position items read (or positions.yaml)."""
    page = PAGE.format(candidate.person.key)
    for qid, start, end in candidate.raw_offices:
        office: dict[str, Any] = {}
        known = known_positions().get(qid)
        item = positions.get(qid)
        if known:
            office = {"role": known.role, "kind": known.kind, "country": known.country}
        elif item:
            office = {"role": item.label, "kind": office_kind(item.label)}
            office["country"] = next((country_by_qid()[c] for c in item.countries if c in country_by_qid()), None)
        else:
            report.notes["office whose position item is not in the input: role written as its QID"] += 1
            office = {"role": qid}
        if start and end and end < start:
            report.notes["office ending before it starts: its dates left out"] += 1
            start = end = None
        office.update({"start": start, "end": end, "source": page})
        candidate.person.offices.append({k: v for k, v in office.items() if v is not None})


def office_countries(candidate: Candidate, positions: dict[str, Position]) -> set[str]:
    """The countries (QIDs) of a person's positions, as far as the input and positions.yaml tell."""
    by_id = {t: qid for qid, t in country_by_qid().items()}
    out: set[str] = set()
    for qid in candidate.positions:
        known = known_positions().get(qid)
        if known and known.country in by_id:
            out.add(by_id[known.country])
        if qid in positions:
            out.update(positions[qid].countries)
    return out


# -- the import --------------------------------------------------------------------------------------------


def _remember_position(entity: dict[str, Any], positions: dict[str, Position]) -> None:
    """Keep what a non-human item says as a position, if it can be one: it has a jurisdiction
    (P1001), or a country (P17) and an English name that reads as an office. Places, which all
    have a country, are not kept: memory stays small on a full dump."""
    position = position_of(entity)
    if position and (items(entity, "P1001") or office_kind(position.label)):
        positions[str(entity["id"])] = position


def import_people(
    paths: list[Path],
    report: Report,
    errors: Callable[[BadLine], None],
    countries: set[str] | None = None,
    office_holders: bool = False,
    tick: Callable[[], None] = lambda: None,
) -> list[Person]:
    """The people of the files that pass the filters (`countries`: QIDs of citizenship or of an
    office's jurisdiction or country; `office_holders`: only people with a position held)."""
    positions: dict[str, Position] = {}
    candidates: list[Candidate] = []
    people: list[Person] = []
    for path in paths:
        for entity in read_json_records(path, errors):
            tick()
            report.read += 1
            if not is_qid(entity.get("id")):
                report.skip("not a Wikidata item (no Q id)")
                continue
            if HUMAN not in items(entity, "P31"):
                _remember_position(entity, positions)
                report.skip("not a human (P31 is not Q5)")
                continue
            if office_holders and not _statements(entity, "P39"):
                report.skip("no position held (P39), with --office-holders")
                continue
            verdict = _in_countries(entity, countries, positions)
            if verdict is False:
                report.skip("neither a citizen of nor in office in a --country")
                continue
            candidate = person_of(entity)
            if verdict:
                resolve_offices(candidate, positions, report)
                people.append(candidate.person)
            else:  # a position not seen yet may be in a --country: decided at the end
                candidates.append(candidate)
    for candidate in candidates:
        if not (countries or set()) & (set(candidate.citizenship) | office_countries(candidate, positions)):
            report.skip("neither a citizen of nor in office in a --country")
            continue
        resolve_offices(candidate, positions, report)
        people.append(candidate.person)
    return sorted(people, key=lambda p: p.key)


def _in_countries(entity: dict[str, Any], countries: set[str] | None, positions: dict[str, Position]) -> bool | None:
    """Whether a human passes --country, decided as early as the input allows: True or False, or
    None while one of their positions has not been read yet. Memory then holds only the undecided."""
    if not countries or countries & set(items(entity, "P27")):
        return True
    held = items(entity, "P39")
    by_id = {t: qid for qid, t in country_by_qid().items()}
    undecided = False
    for qid in held:
        known = known_positions().get(qid)
        if known and by_id.get(known.country or "") in countries:
            return True
        if qid in positions:
            if countries & set(positions[qid].countries):
                return True
        elif not known:
            undecided = True
    return None if undecided else False
