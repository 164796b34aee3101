"""Consistency rules over the whole gazetteer: what `c5names validate` checks beyond the format.

The schema checks each value on its own; these rules check facts against each other and against the
rule that every fact is traceable: each fact has a source, each source is a page, one holder per
single-holder office at a time, offices within their holder's life, one entity per Wikidata item,
relations on both sides. They found wrong facts in an audit, and they must keep finding them as the
data grows, so `validate` (and so CI) runs them on every file.

They are not load errors. A user's own gazetteer (staff without URLs, a relation recorded on one
side) must still load and link; only `validate` reports them, every one at once, each at its file,
line and field. The tables (which office kinds have one holder, which addresses are not pages) are
in `data/checks.yaml`; docs/gazetteer.md lists the rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from c5names.dates import check_partial_date, first_day, last_day
from c5names.errors import GazetteerError, Problem
from c5names.gazetteer.loader import InMemoryFile, Source, gazetteer_files, load, read_source
from c5names.gazetteer.pages import not_a_page
from c5names.gazetteer.rules import Rules, rules
from c5names.gazetteer.schema import QID_RE, SLUG_RE, Alias, Office, PersonName, Relation, RelationType
from c5names.gazetteer.tenure import Held, Where, Words, dates, outside_life, overlaps, words
from c5names.gazetteer.yamlio import LoadedYaml, TopLevelSequence, Unusual, iter_top_level, load_yaml


@dataclass(frozen=True)
class Finding:
    """What a rule found, where; `other` is the fact it conflicts with (named by its line)."""

    where: Where
    message: str
    other: Where | None = None


_PARTS: dict[str, tuple[type[BaseModel], str]] = {
    "names": (PersonName, "each name form needs the page where it is written"),
    "aliases": (Alias, "each alias needs the page where it is written"),
    "offices": (Office, "each office needs the page that gives it and its dates"),
    "relations": (Relation, "each relation needs the page that states it"),
}
_SECTIONS = ("entities", "extend")


def check(files: Iterable[Path | str | InMemoryFile]) -> list[Problem]:
    """Every problem the consistency rules find in these files, loaded together in this order.

    Parts that fail the schema are skipped here (the loader reports them); the rest of the entry is
    still checked, so one run shows everything wrong with an entry."""
    paths: list[Source] = [file if isinstance(file, InMemoryFile) else Path(file) for file in files]
    collector = _Collector(rules())
    extensions: list[tuple[object, Where]] = []
    for path in paths:
        for section, i, raw in _items(path):
            where: Where = (str(path), (section, i))
            if section == "entities":
                collector.entity(raw, where)
            else:
                extensions.append((raw, where))
    for raw, at in extensions:
        collector.extension(raw, at)
    rank = {str(path): i for i, path in enumerate(paths)}
    located = _Locator().problems(collector.finish())
    return sorted(located, key=lambda p: (rank.get(p.path, len(rank)), p.line or 0, p.column or 0))


def problems(*paths: Path | str, default: bool = True) -> list[Problem]:
    """Every problem of the files loaded together (the shipped ones unless `default=False`): the
    loader's (format, ids, references), then the consistency rules'."""
    found: list[Problem] = []
    try:
        load(*paths, default=default)
    except GazetteerError as err:
        found.extend(err.problems)
    return found + check(gazetteer_files(*paths, default=default))


def _items(path: Source) -> list[tuple[str, int, object]]:
    """(section, index, raw item) of a file's entities and extensions; nothing when it cannot be
    read as YAML (the loader reports why)."""
    try:
        text = read_source(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    try:
        items: list[tuple[str, int, object]] = []
        for key, value in iter_top_level(text):
            if key in _SECTIONS and isinstance(value, TopLevelSequence):
                items.extend((key, i, item) for i, item in enumerate(value))
        return items
    except Unusual:
        pass
    try:
        data = load_yaml(str(path), text).data
    except GazetteerError:
        return []
    if not isinstance(data, dict):
        return []
    return [(key, i, item) for key in _SECTIONS if isinstance(data.get(key), list) for i, item in enumerate(data[key])]


def _valid(model: type[BaseModel], raw: object) -> BaseModel | None:
    try:
        return model.model_validate(raw)
    except ValidationError:
        return None


def _date(raw: object) -> str | None:
    """A valid partial date, or None (absent, or wrong: the schema reports it)."""
    if not isinstance(raw, str):
        return None
    try:
        return check_partial_date(raw)
    except ValueError:
        return None


def _slug(raw: object) -> str | None:
    return raw if isinstance(raw, str) and SLUG_RE.match(raw) else None


class _Collector:
    """Reads entries one at a time, checks what one entry shows, keeps the little the rules across
    entries need (offices, lifetimes, relations, Wikidata ids), and checks that at the end."""

    def __init__(self, table: Rules) -> None:
        self.rules = table
        self.findings: list[Finding] = []
        self.types: dict[str, str | None] = {}
        self.where: dict[str, Where] = {}
        self.lives: dict[str, tuple[str | None, str | None]] = {}
        self.stated: dict[str, list[str]] = {}  # entity-level facts that the entity's sources must cover
        self.sourced: set[str] = set()
        self.wikidata: dict[str, Where] = {}
        self.places: dict[str, set[Words]] = defaultdict(set)  # a country's names, as words
        self.held: list[Held] = []
        self.relations: list[tuple[str, RelationType, str, Where]] = []

    # -- reading ---------------------------------------------------------------------------------
    def entity(self, raw: object, where: Where) -> None:
        if not isinstance(raw, dict):
            return
        entity_id = _slug(raw.get("id"))
        if entity_id in self.where:  # a duplicate id: the loader reports it
            entity_id = None
        if entity_id is not None:
            self.where[entity_id] = where
            self.types[entity_id] = raw.get("type") if isinstance(raw.get("type"), str) else None
            self._entity_facts(entity_id, raw, where)
        self._parts(entity_id, raw, where)

    def extension(self, raw: object, where: Where) -> None:
        if isinstance(raw, dict):
            target = _slug(raw.get("id"))
            self._parts(target if target in self.where else None, raw, where)

    def _entity_facts(self, entity_id: str, raw: dict[str, object], where: Where) -> None:
        file, path = where
        birth, death = _date(raw.get("birth_date")), _date(raw.get("death_date"))
        self.lives[entity_id] = (birth, death)
        if birth and death and last_day(death) < first_day(birth):
            self._found((file, (*path, "death_date")), f"{death} is before the birth date {birth}")
        qid = raw.get("wikidata")
        qid = qid if isinstance(qid, str) and QID_RE.match(qid) else None
        if qid is not None:
            at = (file, (*path, "wikidata"))
            if qid in self.wikidata:
                self._found(
                    at, f"{qid} is also the Wikidata id of another entity: one entity per item", self.wikidata[qid]
                )
            else:
                self.wikidata[qid] = at
        facts = (("birth_date", birth), ("death_date", death), ("wikidata", qid))
        self.stated[entity_id] = [f"{name} {value}" for name, value in facts if value]
        if raw.get("type") == "country":
            for form in [raw.get("name"), entity_id.replace("-", " ")]:
                if isinstance(form, str):
                    self.places[entity_id].add(words(form))

    def _parts(self, owner: str | None, raw: dict[str, object], where: Where) -> None:
        file, path = where
        for field, (model, needs) in _PARTS.items():
            items = raw.get(field)
            for j, item in enumerate(items if isinstance(items, list) else []):
                part = _valid(model, item)
                if part is None:
                    continue
                at = (file, (*path, field, j))
                self._source(getattr(part, "source", None), (file, (*path, field, j, "source")), needs)
                if isinstance(part, Alias) and owner in self.places and (part.lang or "en") == "en":
                    self.places[owner].add(words(part.form))
                elif isinstance(part, PersonName):
                    self._name_dates(part, at)
                if owner is None:
                    continue
                if isinstance(part, Office):
                    self._acting(part, at)
                    office = (part.kind, part.country, part.role, part.start, part.end, part.acting)
                    self.held.append(Held(owner, *office, at, len(self.held)))
                elif isinstance(part, Relation):
                    self.relations.append((owner, part.type, part.id, at))
        sources = raw.get("sources")
        for j, url in enumerate(sources if isinstance(sources, list) else []):
            if isinstance(url, str):
                self._url(url, (file, (*path, "sources", j)))
                if owner is not None:
                    self.sourced.add(owner)

    # -- rules on one fact -----------------------------------------------------------------------
    def _found(self, where: Where, message: str, other: Where | None = None) -> None:
        self.findings.append(Finding(where, message, other))

    def _source(self, url: str | None, where: Where, needs: str) -> None:
        if url is None:
            self._found(where, f"missing: {needs}")
        else:
            self._url(url, where)

    def _url(self, url: str, where: Where) -> None:
        reason = not_a_page(url, self.rules.not_pages)
        if reason:
            self._found(where, f"{url} is not a page about the fact: {reason}")

    def _acting(self, office: Office, where: Where) -> None:
        if not office.acting and words(office.role)[:1] in {(word,) for word in self.rules.acting_words}:
            self._found(
                (where[0], (*where[1], "acting")),
                f"missing: the role '{office.role}' is held in an acting capacity; write acting: true",
            )

    def _name_dates(self, name: PersonName, where: Where) -> None:
        if name.since and name.until and last_day(name.until) < first_day(name.since):
            self._found((where[0], (*where[1], "until")), f"{name.until} is before since ({name.since})")

    # -- rules across entries --------------------------------------------------------------------
    def finish(self) -> list[Finding]:
        for entity_id, stated in self.stated.items():
            if stated and entity_id not in self.sourced:
                file, path = self.where[entity_id]
                self._found(
                    (file, (*path, "sources")),
                    f"missing: {' and '.join(stated)} {'need' if len(stated) > 1 else 'needs'} a source;"
                    " list the pages that give them under sources",
                )
        for held in self.held:
            self._lifetime(held)
        self._overlaps()
        self._relations()
        return self.findings

    def _lifetime(self, held: Held) -> None:
        birth, death = self.lives.get(held.person, (None, None))
        for field, message in outside_life(held, birth, death, self.rules.minimum_age):
            self._found((held.where[0], (*held.where[1], field)), message)

    def _overlaps(self) -> None:
        deaths = {person: life[1] for person, life in self.lives.items() if life[1]}
        for first, second in overlaps(self.held, self.rules, self.places, deaths):
            self._found(
                second.where,
                f"{second.role} {dates(second)} overlaps {first.person}'s {first.role} {dates(first)}"
                " by more than a handover day: one holder at a time",
                first.where,
            )

    def _relations(self) -> None:
        present = {(src, kind, dst) for src, kind, dst, _ in self.relations}
        for src, kind, dst, where in self.relations:
            if dst == src:
                self._found((where[0], (*where[1], "id")), f"{kind} {dst}: an entity is not related to itself")
                continue
            if dst not in self.types:
                continue  # an unknown id: the loader reports it
            if kind in self.rules.family and (self.types[src] != "person" or self.types[dst] != "person"):
                self._found(where, f"{kind} relates persons; {src} is a {self.types[src]}, {dst} a {self.types[dst]}")
                continue
            inverse = self.rules.inverse.get(kind)
            if inverse and (dst, inverse, src) not in present:
                self._found(
                    where,
                    f"{kind} {dst}, but {dst} has no {inverse} {src}: record the relation on both sides",
                    self.where[dst],
                )


class _Locator:
    """Problems with line and column: each file is read again (with positions) only when something
    in it is reported, so checking 100,000 entities keeps no position of each."""

    def __init__(self) -> None:
        self._loaded: dict[str, LoadedYaml | None] = {}

    def _file(self, file: str) -> LoadedYaml | None:
        if file not in self._loaded:
            try:
                self._loaded[file] = load_yaml(file)
            except GazetteerError:
                self._loaded[file] = None
        return self._loaded[file]

    def problem(self, where: Where, message: str) -> Problem:
        file, path = where
        loaded = self._file(file)
        if loaded is None:
            return Problem(file, None, None, "", message)
        return loaded.problem(path, message)

    def problems(self, findings: list[Finding]) -> list[Problem]:
        out = []
        for finding in findings:
            message = finding.message
            if finding.other is not None:
                other = self.problem(finding.other, "")
                message += f" (see {other.path}:{other.line})"
            out.append(self.problem(finding.where, message))
        return out
