"""The gazetteer: YAML files validated by pydantic, merged into one set of entities.

`schema` declares the format (and so the JSON Schema and the docs), `yamlio` reads YAML with
positions so that every problem names its file, line and field, and `loader` validates and merges
the shipped `data/` with the user's files. Nothing here knows how names are matched.
"""

from __future__ import annotations

from c5names.gazetteer.loader import (
    Gazetteer,
    check,
    content_digest,
    default_data_dir,
    default_files,
    expand_paths,
    gazetteer_files,
    load,
    parse_file,
    unparsed,
)

__all__ = [
    "Gazetteer",
    "check",
    "content_digest",
    "default_data_dir",
    "default_files",
    "expand_paths",
    "gazetteer_files",
    "load",
    "parse_file",
    "unparsed",
]
