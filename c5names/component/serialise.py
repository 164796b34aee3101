"""The user's gazetteer files as component data: a folder in a saved pipeline, or bytes.

The component saves the files it read (`InMemoryFile`), never the files at their paths now: what a
saved pipeline holds is what it ran with, even if the originals were edited, moved or are the very
folder being written. In a pipeline folder each file keeps its base name inside a numbered folder
(`gazetteer/000/people.yaml`, `gazetteer/001/people.yaml`), so two files of one name stay apart, the
order of loading is kept, and the compiled index cached for them is found again. The folder is
written beside the old one and swapped in, so a failed save leaves the previous one whole.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import srsly  # type: ignore[import-untyped]

from c5names.gazetteer import InMemoryFile

FALLBACK_NAME = "gazetteer.yaml"  # for a file whose recorded path has no usable base name


def write_folder(folder: Path, files: list[InMemoryFile]) -> None:
    """Write the files to `folder` (replacing what was there) through a sibling staging folder."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-new-", dir=folder.parent))
    try:
        for n, file in enumerate(files):
            target = staging / f"{n:03d}" / _base_name(file)
            target.parent.mkdir()
            target.write_bytes(file.data)
        _swap_in(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap_in(staging: Path, folder: Path) -> None:
    """Put `staging` at `folder`; the old folder is removed only once the new one is in place."""
    if not folder.exists():
        staging.rename(folder)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{folder.name}-old-", dir=folder.parent))
    try:
        folder.rename(old / folder.name)
        try:
            staging.rename(folder)
        except BaseException:
            (old / folder.name).rename(folder)
            raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


def _base_name(file: InMemoryFile) -> str:
    name = file.name
    return name if name not in {"", ".", ".."} else FALLBACK_NAME


def read_folder(folder: Path) -> list[InMemoryFile]:
    """The files `write_folder` wrote, in their order, read into memory (named by their path here)."""
    entries = sorted((p for p in folder.iterdir() if p.name.isdigit()), key=lambda p: int(p.name))
    files = []
    for entry in entries:
        inside = sorted(entry.iterdir()) if entry.is_dir() else []
        if len(inside) != 1 or not inside[0].is_file():
            raise ValueError(f"{entry}: a saved c5names gazetteer folder holds exactly one file")
        files.append(InMemoryFile(str(inside[0]), inside[0].read_bytes()))
    return files


def to_bytes(files: list[InMemoryFile]) -> bytes:
    """The files with the paths they were read from, in order (msgpack, as spaCy packs its data)."""
    return srsly.msgpack_dumps([[file.path, file.data] for file in files])


def from_bytes(data: bytes) -> list[InMemoryFile]:
    return [InMemoryFile(str(path), bytes(raw)) for path, raw in srsly.msgpack_loads(data)]


def cfg_to_json(cfg: dict[str, Any]) -> bytes:
    """The settings as JSON. The standard library's json, not srsly's: srsly reads 0.6 back as
    0.6000000000000001, and a threshold must come back as it was written."""
    return json.dumps(cfg, indent=2, ensure_ascii=False).encode("utf-8")


def cfg_from_json(data: bytes) -> dict[str, Any]:
    cfg = json.loads(data.decode("utf-8"))
    if not isinstance(cfg, dict):
        raise ValueError("the saved c5names cfg is not a JSON object")
    return cfg
