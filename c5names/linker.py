"""`Linker`: text in, linked mentions out. The spaCy component and the CLI are thin layers on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from .detect import find
from .gazetteer import Gazetteer, default_gazetteer, load
from .resolve import Mention, resolve

ALL_TYPES = ("person", "country", "place", "organisation")


def normalise_date(value: str | dt.date | None) -> str | None:
    """ISO date string (YYYY, YYYY-MM or YYYY-MM-DD) or None; raises ValueError when malformed."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            dt.datetime.strptime(text[:size], fmt)
        except ValueError:
            continue
        if len(text) == size or (size == 10 and text[10:11] in {"T", " "}):
            return text[:size]
    raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")


class Linker:
    """Find and link mentions of the gazetteer's entities in text.

    >>> linker = Linker()
    >>> [(m.text, m.id) for m in linker.link("Chavkat Mirzioïev a reçu Sergio Gor.", lang="fr")]
    [('Chavkat Mirzioïev', 'mirziyoyev-shavkat'), ('Sergio Gor', 'gor-sergio')]
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        types: Iterable[str] = ALL_TYPES,
        threshold: float = 0.5,
        default_date: str | dt.date | None = None,
    ) -> None:
        self.gazetteer = default_gazetteer() if gazetteer is None else gazetteer
        self.types = frozenset(types)
        unknown = self.types - set(ALL_TYPES)
        if unknown:
            raise ValueError(f"unknown entity types {sorted(unknown)}; choose from {list(ALL_TYPES)}")
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
        self.threshold = threshold
        self.default_date = normalise_date(default_date)

    @classmethod
    def from_files(cls, *paths: str | Path, default: bool = True, **kwargs: object) -> Linker:
        return cls(load(*paths, default=default), **kwargs)  # type: ignore[arg-type]

    @property
    def index(self):
        return self.gazetteer.index

    def link(
        self,
        text: str,
        lang: str | None = None,
        date: str | dt.date | None = None,
        regions: Sequence[tuple[int, int]] | None = None,
    ) -> list[Mention]:
        """Mentions in `text`, in order; `date` (the document's) decides who held an office. `regions`
        (start, end) limit the search to parts of the text (the spaCy component's windows)."""
        when = normalise_date(date) or self.default_date
        found, words = find(self.index, text, lang, regions)
        mentions = resolve(self.index, text, found, words, when, lang)
        return [m for m in mentions if m.type in self.types and m.score >= self.threshold]
