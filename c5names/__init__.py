"""c5names: find the names of political leaders and officials in text, in any language and
transliteration, and link every mention to one canonical id.

    >>> import c5names
    >>> [(m.text, m.id) for m in c5names.link("Президент Мирзиёев встретился с Токаевым.", lang="ru")]
    [('Мирзиёев', 'mirziyoyev-shavkat'), ('Токаевым', 'tokayev-kassym-jomart')]
"""

from __future__ import annotations

import datetime as dt

from .errors import C5NamesError, GazetteerError, Problem
from .gazetteer import Gazetteer, default_gazetteer, load
from .index import Candidate
from .keys import ascii_fold, fold, skeleton
from .linker import Linker
from .resolve import Mention

__version__ = "0.1.0"
__all__ = [
    "C5NamesError",
    "Candidate",
    "Gazetteer",
    "GazetteerError",
    "Linker",
    "Mention",
    "Problem",
    "ascii_fold",
    "fold",
    "link",
    "load",
    "lookup",
    "skeleton",
]

_LINKER: Linker | None = None


def link(text: str, lang: str | None = None, date: str | dt.date | None = None) -> list[Mention]:
    """Link mentions in `text` with the default gazetteer."""
    global _LINKER
    if _LINKER is None:
        _LINKER = Linker()
    return _LINKER.link(text, lang=lang, date=date)


def lookup(form: str, lang: str | None = None, limit: int = 10) -> list[Candidate]:
    """Entities of the default gazetteer that a written form may denote, best first."""
    return default_gazetteer().lookup(form, lang=lang, limit=limit)
