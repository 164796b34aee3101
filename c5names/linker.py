"""`Linker` and `lookup`: the one entry point over the index and the matching rules.

Text in, linked mentions out: `Linker.link` runs detection then resolution on a document;
`Linker.lookup` tells which entities a written form may denote. The spaCy component and the command
line are thin layers over this module, so the three give the same answers.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from c5names.dates import normalise_date
from c5names.gazetteer import Gazetteer
from c5names.gazetteer.schema import language_tag
from c5names.index import NameIndex, compiled, default_gazetteer, load
from c5names.lexicon import generation_near
from c5names.match.candidates import Option, contenders
from c5names.match.detect import find, find_in_text
from c5names.match.resolve import of_generation, resolve
from c5names.model import ENTITY_TYPES, Candidate, Mention, Pattern
from c5names.scoring import DEFAULT_THRESHOLD
from c5names.text.language import detect_language

ALL_TYPES = ENTITY_TYPES


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
        threshold: float = DEFAULT_THRESHOLD,
        default_date: str | dt.date | None = None,
        detect_language: bool = True,
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
        self.detect_language = detect_language  # the language of a text given none decides its case endings

    @classmethod
    def from_files(cls, *paths: str | Path, default: bool = True, **kwargs: object) -> Linker:
        return cls(load(*paths, default=default), **kwargs)  # type: ignore[arg-type]

    @property
    def index(self) -> NameIndex:
        """The compiled index of the linker's gazetteer."""
        return compiled(self.gazetteer)

    def link(
        self,
        text: str,
        lang: str | None = None,
        date: str | dt.date | None = None,
        regions: Sequence[tuple[int, int]] | None = None,
        document: str | Callable[[], str] | None = None,
    ) -> list[Mention]:
        """Mentions in `text`, in order; `date` (the document's) decides who held an office. `regions`
        (start, end) limit the search to parts of the text (the spaCy component's windows). `document`:
        when `text` holds only parts of a document (the rest blanked, offsets kept), the whole of it, or
        a function that gives it, called only if evidence read anywhere in the document is needed (a
        title of a candidate's office), so that the parts are decided as the whole would be. `lang` is
        a BCP 47 tag in any case (`ru`, `RU`, `uz-Latn`); without one, the text's language is detected
        (`language_of`). TypeError or ValueError name a wrong argument."""
        lang = _checked_lang(lang)
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}{_decode_hint(text)}")
        when = normalise_date(date) or self.default_date
        if lang is None and regions is None:
            lang = self.language_of(text)
        index = self.index
        if isinstance(document, str):
            whole = document
            document = lambda: whole  # noqa: E731
        elif document is not None and not callable(document):
            raise TypeError(f"document must be a str, a function giving one, or None, got {type(document).__name__}")
        found, words = find(index, text, lang, regions)
        mentions = resolve(index, text, found, words, when, lang, document)
        return [m for m in mentions if m.type in self.types and m.score >= self.threshold]

    def language_of(self, text: str, lang: str | None = None) -> str | None:
        """The language the linker reads `text` in: `lang` when given, else the detected one."""
        if lang or not self.detect_language:
            return lang
        return detect_language(text)

    def lookup(self, form: str, lang: str | None = None, limit: int = 10) -> list[Candidate]:
        """Entities a written form (one or more words) may denote, best first."""
        if not isinstance(form, str):
            raise TypeError(f"form must be a str, got {type(form).__name__}{_decode_hint(form)}")
        return lookup_in(self.index, form, _checked_lang(lang), limit)


def _checked_lang(lang: object) -> str | None:
    if lang is None:
        return None
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str or None, got {type(lang).__name__}")
    return language_tag(lang)


def _decode_hint(value: object) -> str:
    return " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(value, bytes | bytearray) else ""


def lookup_in(index: NameIndex, form: str, lang: str | None = None, limit: int = 10) -> list[Candidate]:
    """Entities of a compiled index that a written form may denote, best first."""
    if limit < 0:
        raise ValueError(f"limit must be 0 or more, got {limit}")
    best: dict[int, tuple[Option, Pattern]] = {}  # per entity, its best option and the pattern found
    entities = index.entities

    def id_of(entity: int) -> str:  # (entities of equal score rank by id)
        return entities[entity].id

    if not any(c.isupper() for c in form):
        form = form.title()  # a typed query ("tokayev") means the name, however it is cased
    for found in find_in_text(index, form, lang):
        options = found.options
        generation = generation_near(form, found.start, found.end) if found.pattern == Pattern.SURNAME else None
        chosen = of_generation(index, options, generation[0]) if generation else None
        if chosen is not None:
            options = [chosen]  # "Berdymuhamedow junior" is the son
        # Only the `limit` best become Candidates: a common surname has thousands of holders at a
        # million persons, of which those that cannot be among them are left unread.
        for option in contenders(options, limit, id_of):
            held = best.get(option.entity)
            if held is None or held[0].score < option.score:
                best[option.entity] = (option, found.pattern)
    top = heapq.nsmallest(limit, best.items(), key=lambda item: (-item[1][0].score, id_of(item[0])))
    return [_candidate(index, option, pattern) for _entity, (option, pattern) in top]


def _candidate(index: NameIndex, option: Option, pattern: Pattern) -> Candidate:
    facts = index.entities[option.entity]
    method, role = str(option.method), str(pattern)  # plain strings in what users get
    return Candidate(facts.id, option.score, option.form, method, role, facts.name, facts.type)
