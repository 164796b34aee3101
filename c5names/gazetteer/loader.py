"""Load, validate and merge gazetteer YAML files into one `Gazetteer`.

The shipped files in `data/` are loaded first (unless `default=False`); user files may add
entities and `extend` shipped ones (add names, aliases, offices; remove aliases that hurt them).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path, PurePath
from types import SimpleNamespace
from typing import cast

from pydantic import ValidationError

from c5names.errors import GazetteerError, Problem
from c5names.gazetteer.schema import Entity, Extension, GazetteerFile
from c5names.gazetteer.yamlio import LoadedYaml, TopLevelSequence, Unusual, decode_problem, iter_top_level, load_yaml

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the c5names package


def default_data_dir() -> Path:
    """The shipped data: inside the installed package, or `data/` beside it in a source checkout."""
    for candidate in (PACKAGE_DIR / "data", PACKAGE_DIR.parent / "data"):
        if candidate.is_dir() and any(candidate.glob("*.yaml")):
            return candidate
    raise FileNotFoundError("the default gazetteer (data/*.yaml) is missing from this installation")


def default_files() -> list[Path]:
    """The shipped YAML files, in a stable order."""
    return sorted(default_data_dir().glob("*.yaml"))


# A file read into memory at least this large is kept compressed (zlib level 1, about 10 to 1 on
# gazetteer YAML): a spaCy pipeline with a million-person gazetteer held its 680 MB of YAML otherwise.
COMPRESS_FROM = 64 * 1024


class InMemoryFile:
    """A gazetteer file already read: its bytes, and the path they were read from (which problems
    name). A spaCy pipeline keeps its files so: it saves what it runs with, whatever became of them.

    A large file is kept compressed and `data` decompresses it when asked: when the index is not
    cached yet, and when a pipeline is saved. Immutable; equal when path and bytes are."""

    __slots__ = ("_compressed", "_packed", "path")

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self._compressed = len(data) >= COMPRESS_FROM
        self._packed = zlib.compress(data, 1) if self._compressed else bytes(data)

    @property
    def data(self) -> bytes:
        return zlib.decompress(self._packed) if self._compressed else self._packed

    @property
    def name(self) -> str:
        return PurePath(self.path).name

    def __str__(self) -> str:
        return self.path

    def __repr__(self) -> str:
        return f"InMemoryFile({self.path!r}, <{len(self.data):,} bytes>)"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, InMemoryFile):
            return NotImplemented
        return self.path == other.path and self.data == other.data

    def __hash__(self) -> int:
        return hash((self.path, self._compressed, self._packed))

    def __reduce__(self) -> tuple[object, ...]:
        return (_restored, (self.path, self._compressed, self._packed))


def _restored(path: str, compressed: bool, packed: bytes) -> InMemoryFile:
    """An InMemoryFile from its pickled state, without compressing it again."""
    file = InMemoryFile.__new__(InMemoryFile)
    file.path, file._compressed, file._packed = path, compressed, packed
    return file


# A gazetteer file: on disk, or already read.
Source = Path | InMemoryFile


def expand_paths(paths: Iterable[Path | str | InMemoryFile]) -> list[Source]:
    """Files as given; directories become their *.yaml and *.yml files (sorted, recursive)."""
    out: list[Source] = []
    for raw in paths:
        if isinstance(raw, InMemoryFile):
            out.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix in {".yaml", ".yml"}))
        else:
            out.append(path)
    return out


def read_source(source: Source) -> bytes:
    """The bytes of a gazetteer file (OSError when a file on disk cannot be read)."""
    return source.data if isinstance(source, InMemoryFile) else Path(source).read_bytes()


def read_files(*paths: Path | str) -> list[InMemoryFile]:
    """The given files and the YAML files of the given directories, read into memory; a file that
    cannot be read raises GazetteerError naming it."""
    out = []
    for path in expand_paths(paths):
        try:
            out.append(InMemoryFile(str(path), read_source(path)))
        except OSError as err:
            raise GazetteerError([Problem(str(path), None, None, "", f"cannot read: {err.strerror or err}")]) from None
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


def parse_file(path: Path | str | InMemoryFile, text: str | None = None) -> tuple[GazetteerFile, LoadedYaml]:
    """Read and validate one file; raise GazetteerError naming file, line and field."""
    loaded = load_yaml(str(path), text)
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
        entities: dict[str, bytes] | None,
        files: list[Source],
        digest: str,
        removed: dict[str, tuple[str, ...]] | None = None,
        ids: Iterable[str] | None = None,
        fetch: Callable[[str], bytes | None] | None = None,
    ) -> None:
        self._compact = entities
        # An unparsed gazetteer's way to one entity's validated JSON without parsing (cached records).
        self._fetch = fetch if entities is None else None
        # An unparsed gazetteer's ids in file order (from its compiled index): `len`, `in`, `ids()`.
        # A mapping (the index's `by_id`) is kept as it is, not copied: a million ids take 0.3 s.
        self._ids: Mapping[str, object] | None = None
        if entities is None and ids:
            self._ids = ids if isinstance(ids, Mapping) else dict.fromkeys(ids)
        self._removed = removed or {}
        self._models: dict[str, Entity] = {}
        self.files = files
        self.digest = digest

    @property
    def _entities(self) -> dict[str, bytes]:
        """Each entity's validated JSON, parsed on first use when the gazetteer came from the index
        cache (linking needs only the compiled index; the cache exists only for files that validated)."""
        if self._compact is None:
            self._compact, _digest_text, self._removed = _parse_all(self.files)
        return self._compact

    def _model(self, entity_id: str) -> Entity:
        """The pydantic model of an entity, made once from its JSON when first asked for."""
        model = self._models.get(entity_id)
        if model is None:
            data = self._fetch(entity_id) if self._compact is None and self._fetch is not None else None
            model = self._models[entity_id] = Entity.model_validate_json(data or self._entities[entity_id])
        return model

    # -- access -----------------------------------------------------------------------------
    def _keys(self) -> Mapping[str, object]:
        """The ids, without parsing when the index gave them."""
        return self._ids if self._compact is None and self._ids is not None else self._entities

    def __len__(self) -> int:
        return len(self._keys())

    def __iter__(self) -> Iterator[Entity]:
        return (self._model(entity_id) for entity_id in self._entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._keys()

    def __getitem__(self, entity_id: str) -> Entity:
        if entity_id not in self._keys():
            raise KeyError(f"no entity with id {entity_id!r} in the gazetteer")
        return self._model(entity_id)

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None (read alone from the cached records when there are some)."""
        return self._model(entity_id) if entity_id in self._keys() else None

    def ids(self) -> list[str]:
        return list(self._keys())

    def without(self, entity_id: str) -> Gazetteer:
        """The same gazetteer less one entity (what calibration's leave-one-out runs link with)."""
        kept = {key: data for key, data in self._entities.items() if key != entity_id}
        return Gazetteer(kept, self.files, f"{self.digest}-without-{entity_id}", self._removed)

    def compact(self) -> dict[str, bytes]:
        """Each entity's validated JSON by id (read-only use)."""
        return self._entities

    def removed_forms(self, entity_id: str) -> tuple[str, ...]:
        """Forms that `remove_aliases` of an extension took from this entity (they must not match it)."""
        _ = self._entities  # parsed on first use
        return self._removed.get(entity_id, ())

    def views(self) -> Iterator[Entity]:
        """Every entity as a light attribute view of its validated JSON, in order, none kept: what
        compiling the index reads, without building (and holding) a pydantic model per entity."""
        for entity_id, data in self._entities.items():
            model = self._models.get(entity_id)
            yield model if model is not None else cast(Entity, json.loads(data, object_hook=_view))


class _View(SimpleNamespace):
    """A JSON object read as attributes (what `Gazetteer.views` yields for each entity and part)."""


def _view(data: dict[str, object]) -> _View:
    return _View(**data)


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
        }
    )


def load(*paths: Path | str | InMemoryFile, default: bool = True) -> Gazetteer:
    """Load the default gazetteer (unless `default=False`) plus the given files or directories.

    Raises GazetteerError listing every problem (file, line, column, field, message). Every file is
    parsed and validated (`c5names.load` skips that when a compiled index of the same files exists).
    """
    files = gazetteer_files(*paths, default=default)
    entities, digest, removed = _parse_all(files)
    return Gazetteer(entities, files, digest, removed)


def count_entities(*paths: Path | str | InMemoryFile, default: bool = True) -> dict[str, tuple[int, int]]:
    """Validate files as `load` does (GazetteerError lists every problem) and tell, for each file,
    how many entities and extensions it holds. Each file is streamed: one file of 100 MB costs what
    the same entities cost in many small files."""
    counts: dict[str, tuple[int, int]] = {}
    _parse_all(gazetteer_files(*paths, default=default), counts)
    return counts


def gazetteer_files(*paths: Path | str | InMemoryFile, default: bool = True) -> list[Source]:
    """The files `load` reads: the shipped ones (unless `default=False`), then the given files and
    the YAML files of the given directories."""
    shipped: list[Source] = list(default_files()) if default else []
    return shipped + expand_paths(paths)


def unparsed(
    files: list[Source], digest: str, ids: Iterable[str] = (), fetch: Callable[[str], bytes | None] | None = None
) -> Gazetteer:
    """A gazetteer of files that are known to be valid (a compiled index of exactly this content
    exists), parsed only when an entity is first asked for. `ids`, the entity ids in file order (as
    the index has them), answer `len`, `in` and `ids()` without parsing: a command that only counts
    or looks up does not pay for reading 100,000 persons of YAML. `fetch` reads one entity's
    validated JSON (None if it cannot), so that showing one entity parses nothing either."""
    return Gazetteer(None, files, digest, ids=ids, fetch=fetch)


def content_digest(files: list[Source]) -> str | None:
    """The digest of the files' content, which keys the compiled index (None when one cannot be read:
    parsing will say why)."""
    return _digest(files)


def _new_digest() -> hashlib._Hash:
    """The content digest before any file (`_hash_file` adds each)."""
    return hashlib.sha256(b"c5names-gazetteer-v1")


def _hash_file(digest: hashlib._Hash, file: Source, raw: bytes) -> None:
    """Add a file's name and bytes to the content digest. (Piece by piece, which hashes what the joined
    bytes would, without copying a large file's bytes.)"""
    for piece in (str(file.name).encode(), b"\0", raw, b"\0"):
        digest.update(piece)


def _digest(files: list[Source]) -> str | None:
    """The content digest of the files (None when one cannot be read: parsing will say why)."""
    digest = _new_digest()
    for file in files:
        try:
            raw = read_source(file)
        except OSError:
            return None
        _hash_file(digest, file, raw)
    return digest.hexdigest()


# Where something is written: the file and the path of keys and indexes to it. A line and column are
# looked up (by reading that file again) only when there is something to report: a Problem kept for
# every entity and reference of a 100,000-person gazetteer would cost about 100 MB.
_Where = tuple[str, tuple[str | int, ...]]


class _Locator:
    """Problems with line and column for places remembered as `_Where`."""

    def __init__(self, files: list[Source]) -> None:
        self._loaded: dict[str, LoadedYaml] = {}
        self._files = {str(file): file for file in files}

    def problem(self, where: _Where, message: str) -> Problem:
        file, path = where
        loaded = self._loaded.get(file)
        if loaded is None:
            raw = read_source(self._files.get(file, Path(file)))
            loaded = self._loaded[file] = load_yaml(file, raw.decode("utf-8-sig"))
        return loaded.problem(path, message)


def _parse_all(
    files: list[Source], counts: dict[str, tuple[int, int]] | None = None
) -> tuple[dict[str, bytes], str, dict[str, tuple[str, ...]]]:
    """Read, validate and merge the files; raise GazetteerError listing every problem.

    Each validated entity is kept as its compact JSON (about 800 bytes) rather than as pydantic
    models (about 5 KB): 100,000 persons then compile in a few hundred megabytes.
    """
    entities: dict[str, bytes] = {}
    removed: dict[str, tuple[str, ...]] = {}  # forms that extensions remove, by entity
    origin: dict[str, _Where] = {}
    extensions: list[tuple[Extension, str, int]] = []
    problems: list[Problem] = []
    refs: list[tuple[str, _Where]] = []
    locator = _Locator(files)
    digest = _new_digest()
    for file in files:
        try:
            raw = read_source(file)
        except OSError as err:
            problems.append(Problem(str(file), None, None, "", f"cannot read: {err.strerror or err}"))
            continue
        _hash_file(digest, file, raw)
        try:
            compiled, extends = _read_file(file, raw.decode("utf-8-sig"))
        except UnicodeDecodeError as err:
            problems.append(decode_problem(str(file), err))
            continue
        except GazetteerError as err:
            problems.extend(err.problems)
            continue
        name = str(file)
        if counts is not None:
            counts[name] = (len(compiled), len(extends))
        for i, (entity_id, data, entity_refs) in enumerate(compiled):
            if entity_id in entities:
                first = locator.problem(origin[entity_id], "")
                problems.append(
                    locator.problem(
                        (name, ("entities", i, "id")),
                        f"duplicate id {entity_id!r}: already defined at {first.path}:"
                        f"{first.line}; use 'extend:' to add to an existing entity",
                    )
                )
                continue
            entities[entity_id] = data
            origin[entity_id] = (name, ("entities", i, "id"))
            refs.extend((target, (name, ("entities", i, *path))) for target, path in entity_refs)
        extensions.extend((ext, name, i) for i, ext in enumerate(extends))
        del compiled, extends
    problems += _apply_extensions(extensions, entities, origin, locator, removed, refs)
    problems.extend(
        locator.problem(where, f"refers to unknown id {target!r}") for target, where in refs if target not in entities
    )
    if problems:
        raise GazetteerError(problems)
    return entities, digest.hexdigest(), removed


def _apply_extensions(
    extensions: list[tuple[Extension, str, int]],
    entities: dict[str, bytes],
    origin: dict[str, _Where],
    locator: _Locator,
    removed: dict[str, tuple[str, ...]],
    refs: list[tuple[str, _Where]],
) -> list[Problem]:
    """Merge each `extend:` entry into the entity it names (in `entities`, in place), noting the
    forms it removes and the ids it refers to; the problems of those that cannot apply."""
    problems: list[Problem] = []
    for ext, name, i in extensions:
        if ext.id not in entities:
            problems.append(locator.problem((name, ("extend", i, "id")), f"cannot extend unknown id {ext.id!r}"))
            continue
        if origin[ext.id][0] == name:
            problems.append(
                locator.problem((name, ("extend", i, "id")), f"{ext.id!r} is defined in this same file; edit it there")
            )
            continue
        merged = _merge_extension(Entity.model_validate_json(entities[ext.id]), ext)
        if ext.remove_aliases:
            removed[ext.id] = (*removed.get(ext.id, ()), *ext.remove_aliases)
        entities[ext.id] = merged.model_dump_json().encode()
        refs.extend((target, (name, ("extend", i, *path))) for target, path in _references(ext))
    return problems


# An id an entity refers to, with where (relative to the entity) it is written.
_Reference = tuple[str, tuple[str | int, ...]]
# An entity as kept after validation: id, compact JSON, references.
_Compiled = tuple[str, bytes, list[_Reference]]


def _compiled(entity: Entity) -> _Compiled:
    return entity.id, entity.model_dump_json().encode(), _references(entity)


def _read_file(file: Source, text: str) -> tuple[list[_Compiled], list[Extension]]:
    """One file's entities, compiled, and its extensions: streamed when it can be (`_stream_file`);
    otherwise, and for every file with a problem, read whole with positions so that each problem
    names its line and field."""
    try:
        return _stream_file(text)
    except (Unusual, ValidationError):
        model = parse_file(file, text)[0]
        return [_compiled(entity) for entity in model.entities], list(model.extend)


def _stream_file(text: str) -> tuple[list[_Compiled], list[Extension]]:
    """A file validated one entity at a time, each model dropped once it is compiled: neither
    libyaml's node tree of the whole file nor 5,000 models at once, whose freed memory Python would
    keep (about 100 MB for a 3.4 MB file)."""
    compiled: list[_Compiled] = []
    extends: list[Extension] = []
    for key, value in iter_top_level(text):
        if key == "entities" and isinstance(value, TopLevelSequence):
            compiled.extend(_compiled(Entity.model_validate(item)) for item in value)
        elif key == "extend" and isinstance(value, TopLevelSequence):
            extends.extend(Extension.model_validate(item) for item in value)
        elif key == "version":
            GazetteerFile.model_validate({"version": value})
        else:  # an unknown key, or entities that are not a list: reported by the careful reader
            raise Unusual
    return compiled, extends


def _references(item: Entity | Extension) -> list[_Reference]:
    """(target id, where it is written in the item) for every relation and office country."""
    out: list[_Reference] = [(r.id, ("relations", j, "id")) for j, r in enumerate(item.relations)]
    out += [(o.country, ("offices", j, "country")) for j, o in enumerate(item.offices) if o.country]
    return out
