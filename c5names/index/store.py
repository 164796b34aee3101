"""The compiled index on disk: keyed by the gazetteer's content and the engine's rules.

A command starts from the cache when the YAML files and every module that decides the index's
content are unchanged; otherwise it compiles and writes the cache atomically. A large index is moved
out of the cyclic collector's sight once loaded. Beside each index, its entities' validated records
(`entities-….bin`, read one at a time by offset): a command that shows one entity of 100,000 (`show`,
`variants`) then reads that record instead of parsing every YAML file again.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import struct
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from c5names.index.compile import build_index
from c5names.index.core import NameIndex

if TYPE_CHECKING:
    from c5names.gazetteer import Gazetteer

log = logging.getLogger("c5names")


# Raise when the pickled layout of NameIndex changes in a way the source hash would not show.
FORMAT = 2
PACKAGE = Path(__file__).resolve().parents[1]
# Everything that decides what the index holds: the modules and tables on the compile path (the
# readers and keys of `text`, the index itself, the schema and the vocabulary it validates with).
COMPILE_PATH = ("text", "index", "gazetteer/schema.py", "dates.py", "model.py", "scoring.py", "errors.py")
DATA_SUFFIXES = frozenset({".py", ".yaml", ".yml", ".tsv", ".json"})
KEEP_INDEXES = 8  # cached indexes of other gazetteers kept beside the newest one


@lru_cache(maxsize=1)
def engine_version() -> str:
    """A hash of every source and table file on the compile path, and the format number: a change
    of rules invalidates cached indexes."""
    digest = hashlib.sha256(f"c5names-index-format-{FORMAT}".encode())
    for entry in COMPILE_PATH:
        root = PACKAGE / entry
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for file in files:
            if file.suffix in DATA_SUFFIXES and file.is_file():
                digest.update(file.relative_to(PACKAGE).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    configured = os.environ.get("C5NAMES_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "c5names"


def _cache_path(digest: str) -> Path:
    return cache_dir() / f"index-{digest[:24]}-{engine_version()}.pkl"


def _records_path(index_path: Path) -> Path:
    """The entity records beside an index file (same digest and version)."""
    return index_path.with_name("entities-" + index_path.name.removeprefix("index-")).with_suffix(".bin")


# The records file: the number of records n, n + 1 offsets (little-endian 64-bit), then the records.
_COUNT = struct.Struct("<q")
_SPAN = struct.Struct("<qq")


def write_records(path: Path, records: Iterable[bytes]) -> None:
    """Write records (each entity's validated JSON, in index order) to a temporary file renamed into
    place; on failure nothing is left."""
    data = list(records)
    offsets = [0]
    for record in data:
        offsets.append(offsets[-1] + len(record))
    header = _COUNT.size * (len(offsets) + 1)
    tmp: Path | None = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as handle:
            tmp = Path(handle.name)
            handle.write(_COUNT.pack(len(data)))
            handle.write(struct.pack(f"<{len(offsets)}q", *(header + o for o in offsets)))
            handle.writelines(data)
        os.replace(tmp, path)
        tmp = None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def read_record(path: Path, number: int) -> bytes | None:
    """Record `number` of a records file (two small reads), or None if there is no such record."""
    try:
        with path.open("rb") as handle:
            (count,) = _COUNT.unpack(handle.read(_COUNT.size))
            if not 0 <= number < count:
                return None
            handle.seek(_COUNT.size * (number + 1))
            start, end = _SPAN.unpack(handle.read(_SPAN.size))
            handle.seek(start)
            record = handle.read(end - start)
    except (OSError, struct.error):
        return None
    return record if len(record) == end - start else None


class RecordReader:
    """Reads one entity's validated JSON by id from the records cached beside an index (None when the
    records file or the entity is missing: the caller then parses the YAML). A class, not a closure,
    so that a gazetteer holding one pickles (a spaCy pipeline with the component does)."""

    __slots__ = ("by_id", "path")

    def __init__(self, path: Path, by_id: dict[str, int]) -> None:
        self.path = path
        self.by_id = by_id

    def __call__(self, entity_id: str) -> bytes | None:
        number = self.by_id.get(entity_id)
        return None if number is None else read_record(self.path, number)


def record_reader(digest: str, by_id: dict[str, int]) -> RecordReader:
    """The reader of the records cached beside the index of this content digest."""
    return RecordReader(_records_path(_cache_path(digest)), by_id)


def read_cached_index(digest: str) -> NameIndex | None:
    """The compiled index for gazetteer files with this content digest, if it was cached."""
    if os.environ.get("C5NAMES_NO_CACHE"):
        return None
    # The collector would walk the growing heap again and again while millions of objects are
    # unpickled; pausing it makes a 100,000-person index load about three times faster.
    try:
        with _cache_path(digest).open("rb") as handle:
            index = _unpickled(lambda: pickle.load(handle))
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    if not isinstance(index, NameIndex):
        return None
    _exempt_from_collector(index)
    return index


def _unpickled(unpickle: Callable[[], object]) -> object:
    """Run `unpickle` with the cyclic collector paused (see `read_cached_index`)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return unpickle()
    finally:
        if enabled:
            gc.enable()


def cached_index_bytes(digest: str) -> bytes | None:
    """The cached index of gazetteer files with this content digest, as the bytes on disk (what
    `index_to_bytes` would give, without pickling again), or None."""
    if os.environ.get("C5NAMES_NO_CACHE"):
        return None
    try:
        return _cache_path(digest).read_bytes()
    except OSError:
        return None


def index_to_bytes(index: NameIndex) -> bytes:
    """A compiled index as bytes (what the disk cache holds), for another process to `index_from_bytes`."""
    return pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)


def index_from_bytes(data: bytes) -> NameIndex:
    """The index `index_to_bytes` gave, unpickled as fast as a cached one; ValueError if it is not one."""
    index = _unpickled(lambda: pickle.loads(data))
    if not isinstance(index, NameIndex):
        raise ValueError(f"not a compiled c5names index but {type(index).__name__}")
    _exempt_from_collector(index)
    return index


FREEZE_ENTITIES = 10_000


def _exempt_from_collector(index: NameIndex) -> None:
    """Move a large index out of the cyclic collector's sight (`gc.freeze`).

    A 100,000-person index is a few million long-lived objects; every full collection, which the
    allocations of ordinary matching trigger now and then, would walk all of them and stall one
    lookup for a tenth of a second or more. Freezing also exempts the other objects alive at that
    moment, which reference counting still frees; only their reference cycles would never be
    collected, a small cost next to the stalls, and one a small (default) index does not take.
    """
    if len(index.entities) >= FREEZE_ENTITIES:
        gc.freeze()


def load_or_build_index(gazetteer: Gazetteer) -> NameIndex:
    """The compiled index from the on-disk cache when fresh, else built and cached."""
    index = read_cached_index(gazetteer.digest)
    if index is not None:
        return index
    index = build_index(gazetteer)
    _exempt_from_collector(index)
    if os.environ.get("C5NAMES_NO_CACHE"):
        return index
    write_cached_index(gazetteer.digest, index, (gazetteer.compact()[e.id] for e in index.entities))
    return index


def write_cached_index(digest: str, index: NameIndex, records: Iterable[bytes] | None = None) -> None:
    """Write the index atomically (a temporary file renamed into place, removed on any failure), and
    its entity records before it when given; then drop indexes of older engine versions and all but
    the newest `KEEP_INDEXES` others, with their records."""
    path = _cache_path(digest)
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if records is not None:
            write_records(_records_path(path), records)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as handle:
            tmp = Path(handle.name)
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        _prune(path)
    except OSError as err:
        log.debug("could not cache the index at %s: %s", path, err)
        if not path.exists():
            _records_path(path).unlink(missing_ok=True)  # no records without their index
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def _prune(current: Path) -> None:
    """Bound the cache directory: one index per gazetteer content, of this engine version only."""
    version = engine_version()
    others: list[tuple[float, Path]] = []
    for file in current.parent.glob("index-*.pkl"):
        if file == current:
            continue
        try:
            if not file.stem.endswith(version):
                file.unlink()
            else:
                others.append((file.stat().st_mtime, file))
        except OSError:
            continue
    for _mtime, file in sorted(others, reverse=True)[KEEP_INDEXES:]:
        file.unlink(missing_ok=True)
    for file in current.parent.glob("entities-*.bin"):  # records whose index is gone
        if not file.with_name("index-" + file.name.removeprefix("entities-")).with_suffix(".pkl").exists():
            file.unlink(missing_ok=True)
