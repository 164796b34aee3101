"""Load, validate and merge gazetteer YAML files into one `Gazetteer`.

The shipped files in `data/` are loaded first (unless `default=False`); user files may add
entities and `extend` shipped ones (add names, aliases, offices; remove aliases that hurt them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from .errors import GazetteerError, Problem
from .schema import Entity, Extension, GazetteerFile
from .yamlio import LoadedYaml, decode_problem, load_yaml

if TYPE_CHECKING:
    from .index import Candidate, NameIndex

PACKAGE_DIR = Path(__file__).resolve().parent


def default_data_dir() -> Path:
    """The shipped data: inside the installed package, or `data/` beside it in a source checkout."""
    for candidate in (PACKAGE_DIR / "data", PACKAGE_DIR.parent / "data"):
        if candidate.is_dir() and any(candidate.glob("*.yaml")):
            return candidate
    raise FileNotFoundError("the default gazetteer (data/*.yaml) is missing from this installation")


def default_files() -> list[Path]:
    """The shipped YAML files, in a stable order."""
    return sorted(default_data_dir().glob("*.yaml"))


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; directories become their *.yaml and *.yml files (sorted, recursive)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix in {".yaml", ".yml"}))
        else:
            out.append(path)
    return out


def _pydantic_problems(loaded: LoadedYaml, err: ValidationError) -> list[Problem]:
    problems = []
    for item in err.errors():
        loc = tuple(item["loc"])
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            message = f"unknown field {loc[-1]!r}"
        elif item["type"] == "missing":
            message = f"missing required field {loc[-1]!r}"
        elif item["type"] == "literal_error":
            message = f"{message} (got {item.get('input')!r})"
        problems.append(loaded.problem(loc, message))
    return problems


def parse_file(path: Path | str, text: str | None = None) -> tuple[GazetteerFile, LoadedYaml]:
    """Read and validate one file; raise GazetteerError naming file, line and field."""
    loaded = load_yaml(path, text)
    if not isinstance(loaded.data, dict):
        raise GazetteerError([loaded.problem((), "a gazetteer file must be a mapping with 'entities' and/or 'extend'")])
    try:
        model = GazetteerFile.model_validate(loaded.data)
    except ValidationError as err:
        raise GazetteerError(_pydantic_problems(loaded, err)) from None
    return model, loaded


class Gazetteer:
    """The merged entities of one or more gazetteer files."""

    def __init__(
        self,
        entities: dict[str, Entity] | None,
        files: list[Path],
        digest: str,
        index: NameIndex | None = None,
    ) -> None:
        self._models = entities
        self.files = files
        self.digest = digest
        if index is not None:
            self.__dict__["index"] = index

    @property
    def _entities(self) -> dict[str, Entity]:
        """The validated models, parsed on first use when the gazetteer came from the index cache
        (linking needs only the compiled index; the cache exists only for files that validated)."""
        if self._models is None:
            self._models = _parse_all(self.files)[0]
        return self._models

    # -- access -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities.values())

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def __getitem__(self, entity_id: str) -> Entity:
        try:
            return self._entities[entity_id]
        except KeyError:
            raise KeyError(f"no entity with id {entity_id!r} in the gazetteer") from None

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return self._entities.get(entity_id)

    def ids(self) -> list[str]:
        return list(self._entities)

    # -- matching ---------------------------------------------------------------------------
    @cached_property
    def index(self) -> NameIndex:
        """The compiled name index (built once, cached on disk keyed by the files' content)."""
        from .index import load_or_build_index

        return load_or_build_index(self)

    def lookup(self, form: str, lang: str | None = None, limit: int = 10) -> list[Candidate]:
        """Entities a written form may denote, best first, with score, matched form and method."""
        return self.index.lookup(form, lang=lang, limit=limit)

    def shared_aliases(self) -> dict[str, list[str]]:
        """Name keys that several entities share (what disambiguation has to decide)."""
        return self.index.shared_keys()


def _merge_extension(base: Entity, ext: Extension) -> Entity:
    removed = {form.casefold() for form in ext.remove_aliases}
    aliases = [a for a in [*base.aliases, *ext.aliases] if a.form.casefold() not in removed]
    return base.model_copy(
        update={
            "names": [*base.names, *ext.names],
            "aliases": aliases,
            "offices": [*base.offices, *ext.offices],
            "relations": [*base.relations, *ext.relations],
            "sources": [*base.sources, *ext.sources],
            "notes": [*base.notes, *(f"removed form: {form}" for form in ext.remove_aliases)],
        }
    )


def load(*paths: Path | str, default: bool = True) -> Gazetteer:
    """Load the default gazetteer (unless `default=False`) plus the given files or directories.

    Raises GazetteerError listing every problem (file, line, column, field, message). When the
    compiled index of files with exactly this content is cached, the YAML is not parsed at all until
    an entity model is asked for: a 100,000-person gazetteer then starts in about a second.
    """
    from .index import read_cached_index

    files = (default_files() if default else []) + expand_paths(paths)
    digest = _digest(files)
    if digest is not None:
        index = read_cached_index(digest)
        if index is not None:
            return Gazetteer(None, files, digest, index=index)
    entities, digest_text = _parse_all(files)
    return Gazetteer(entities, files, digest_text)


def _digest(files: list[Path]) -> str | None:
    """The content digest of the files (None when one cannot be read: parsing will say why)."""
    digest = hashlib.sha256(b"c5names-gazetteer-v1")
    for file in files:
        try:
            raw = Path(file).read_bytes()
        except OSError:
            return None
        digest.update(str(file.name).encode() + b"\0" + raw + b"\0")
    return digest.hexdigest()


def _parse_all(files: list[Path]) -> tuple[dict[str, Entity], str]:
    """Read, validate and merge the files; raise GazetteerError listing every problem."""
    entities: dict[str, Entity] = {}
    origin: dict[str, Problem] = {}
    extensions: list[tuple[Extension, LoadedYaml, int]] = []
    problems: list[Problem] = []
    refs: list[tuple[str, Problem]] = []
    digest = hashlib.sha256(b"c5names-gazetteer-v1")
    for file in files:
        try:
            raw = Path(file).read_bytes()
        except OSError as err:
            problems.append(Problem(str(file), None, None, "", f"cannot read: {err.strerror or err}"))
            continue
        digest.update(str(file.name).encode() + b"\0" + raw + b"\0")
        try:
            model, loaded = parse_file(file, raw.decode("utf-8-sig"))
        except UnicodeDecodeError as err:
            problems.append(decode_problem(str(file), err))
            continue
        except GazetteerError as err:
            problems.extend(err.problems)
            continue
        for i, entity in enumerate(model.entities):
            here = loaded.problem(("entities", i, "id"), "")
            if entity.id in entities:
                first = origin[entity.id]
                problems.append(
                    Problem(
                        here.path,
                        here.line,
                        here.column,
                        here.field,
                        f"duplicate id {entity.id!r}: already defined at {first.path}:"
                        f"{first.line}; use 'extend:' to add to an existing entity",
                    )
                )
                continue
            entities[entity.id] = entity
            origin[entity.id] = here
            refs.extend(_references(entity, loaded, ("entities", i)))
        extensions.extend((ext, loaded, i) for i, ext in enumerate(model.extend))
    for ext, loaded, i in extensions:
        if ext.id not in entities:
            problems.append(loaded.problem(("extend", i, "id"), f"cannot extend unknown id {ext.id!r}"))
            continue
        if origin[ext.id].path == loaded.file:
            problems.append(
                loaded.problem(("extend", i, "id"), f"{ext.id!r} is defined in this same file; edit it there")
            )
            continue
        entities[ext.id] = _merge_extension(entities[ext.id], ext)
        refs.extend(_references(ext, loaded, ("extend", i)))
    problems.extend(
        replace(where, message=f"refers to unknown id {target!r}") for target, where in refs if target not in entities
    )
    if problems:
        raise GazetteerError(problems)
    return entities, digest.hexdigest()


def _references(item: Entity | Extension, loaded: LoadedYaml, at: tuple[str, int]) -> list[tuple[str, Problem]]:
    """(target id, where it is written) for every relation and office country of an entity or extension."""
    out = [(r.id, loaded.problem((*at, "relations", j, "id"), "")) for j, r in enumerate(item.relations)]
    out += [
        (o.country, loaded.problem((*at, "offices", j, "country"), "")) for j, o in enumerate(item.offices) if o.country
    ]
    return out


_DEFAULT: Gazetteer | None = None


def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load()
    return _DEFAULT
