"""The compiled index: from a validated gazetteer to keys, postings and entity facts.

`compiled(gazetteer)` gives the index of a gazetteer (from the on-disk cache when its files are
unchanged, else compiled and cached), and `load` is the fast way to open gazetteer files: when an
index of exactly their content is cached, the YAML is not even parsed until an entity is asked for.
This layer reads the gazetteer and the text readers; it knows nothing of documents.
"""

from __future__ import annotations

import weakref
from pathlib import Path

from c5names.gazetteer import Gazetteer, InMemoryFile, Source, content_digest, gazetteer_files, unparsed
from c5names.gazetteer import load as parse_gazetteer
from c5names.index.compile import build_index
from c5names.index.core import NameIndex
from c5names.index.facts import EntityFacts
from c5names.index.store import (
    cached_index_bytes,
    engine_version,
    index_from_bytes,
    index_to_bytes,
    load_or_build_index,
    read_cached_index,
    record_reader,
)
from c5names.index.variants import name_variants

__all__ = [
    "EntityFacts",
    "NameIndex",
    "build_index",
    "compiled",
    "default_gazetteer",
    "engine_version",
    "gazetteer_from_bytes",
    "gazetteer_to_bytes",
    "load",
    "name_variants",
    "shared_keys",
]

_COMPILED: weakref.WeakKeyDictionary[Gazetteer, NameIndex] = weakref.WeakKeyDictionary()


def compiled(gazetteer: Gazetteer, cache: bool = True) -> NameIndex:
    """The compiled index of a gazetteer, built (or read from the on-disk cache, unless `cache=False`:
    a passing variant need not evict the user's cached indexes) once per gazetteer object."""
    index = _COMPILED.get(gazetteer)
    if index is None:
        index = _COMPILED[gazetteer] = load_or_build_index(gazetteer) if cache else build_index(gazetteer)
    return index


def load(*paths: Path | str | InMemoryFile, default: bool = True) -> Gazetteer:
    """The shipped gazetteer (unless `default=False`) plus the given files or directories.

    Raises GazetteerError listing every problem (file, line, column, field, message). When the
    compiled index of files with exactly this content is cached, the YAML is not parsed at all until
    an entity model is asked for: a 100,000-person gazetteer then starts in about a second.
    """
    files = gazetteer_files(*paths, default=default)
    digest = content_digest(files)
    if digest is not None:
        index = read_cached_index(digest)
        if index is not None:
            gazetteer = unparsed(files, digest, index.by_id, record_reader(digest, index.by_id))
            _COMPILED[gazetteer] = index
            return gazetteer
    return parse_gazetteer(*paths, default=default)


def gazetteer_to_bytes(gazetteer: Gazetteer) -> bytes:
    """The gazetteer's compiled index as bytes: what another process, on another machine, links with
    (`gazetteer_from_bytes`) without the gazetteer's files, an index cache or a compile. When the
    index came from the on-disk cache, those are its bytes (no second pickling)."""
    index = compiled(gazetteer)
    return cached_index_bytes(gazetteer.digest) or index_to_bytes(index)


def gazetteer_from_bytes(data: bytes, digest: str, files: list[Source] | None = None) -> Gazetteer:
    """A gazetteer that links with the index `gazetteer_to_bytes` gave (its entity models are read
    from `files` only if asked for; linking never asks)."""
    gazetteer = unparsed(list(files or []), digest)
    _COMPILED[gazetteer] = index_from_bytes(data)
    return gazetteer


_DEFAULT: Gazetteer | None = None


def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load()
    return _DEFAULT


def shared_keys(gazetteer: Gazetteer) -> dict[str, list[str]]:
    """Name keys that several entities share (what disambiguation has to decide)."""
    return compiled(gazetteer).shared_keys()
