"""The gazetteer: YAML files validated by pydantic, merged into one set of entities.

`schema` declares the format (and so the JSON Schema and the docs), `yamlio` reads YAML with
positions so that every problem names its file, line and field, `loader` validates and merges
the shipped `data/` with the user's files, and `checks` holds the consistency rules that
`c5names validate` applies. Nothing here knows how names are matched.
"""

from __future__ import annotations

from c5names.gazetteer.checks import check
from c5names.gazetteer.loader import (
    Gazetteer,
    InMemoryFile,
    Source,
    content_digest,
    count_entities,
    default_data_dir,
    default_files,
    expand_paths,
    gazetteer_files,
    load,
    parse_file,
    read_files,
    read_source,
    unparsed,
)

__all__ = [
    "Gazetteer",
    "InMemoryFile",
    "Source",
    "check",
    "content_digest",
    "count_entities",
    "default_data_dir",
    "default_files",
    "expand_paths",
    "gazetteer_files",
    "load",
    "parse_file",
    "read_files",
    "read_source",
    "unparsed",
]
