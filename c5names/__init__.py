"""c5names: find the names of political leaders and officials in text, in any language and
transliteration, and link every mention to one canonical id.

    >>> import c5names
    >>> [(m.text, m.id) for m in c5names.link("Президент Мирзиёев встретился с Токаевым.", lang="ru")]
    [('Мирзиёев', 'mirziyoyev-shavkat'), ('Токаевым', 'tokayev-kassym-jomart')]

The package is layered, each layer importing only those below it (a contract in CI keeps it so):
`model`, `errors`, `dates`, `scoring` → `text` → `lexicon` → `gazetteer` → `index` → `match` →
`linker` → `component` | `cli`.
"""

from __future__ import annotations

import datetime as dt
from importlib.metadata import PackageNotFoundError, version

from c5names.errors import C5NamesError, GazetteerError, Problem
from c5names.gazetteer import Gazetteer
from c5names.index import default_gazetteer, load
from c5names.linker import Linker
from c5names.model import Candidate, Mention
from c5names.text.keys import ascii_fold, fold, skeleton

try:
    __version__ = version("c5names")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "C5NamesError",
    "Candidate",
    "Gazetteer",
    "GazetteerError",
    "Linker",
    "Mention",
    "Problem",
    "ascii_fold",
    "default_gazetteer",
    "fold",
    "link",
    "load",
    "lookup",
    "skeleton",
]

_LINKER: Linker | None = None


def _default_linker() -> Linker:
    global _LINKER
    if _LINKER is None:
        _LINKER = Linker()
    return _LINKER


def link(text: str, lang: str | None = None, date: str | dt.date | None = None) -> list[Mention]:
    """Link mentions in `text` with the default gazetteer."""
    return _default_linker().link(text, lang=lang, date=date)


def lookup(form: str, lang: str | None = None, limit: int = 10) -> list[Candidate]:
    """Entities of the default gazetteer that a written form may denote, best first."""
    return _default_linker().lookup(form, lang=lang, limit=limit)
