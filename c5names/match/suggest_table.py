"""The table `c5names suggest` reads titles with, checked when read (`data/suggest.yaml`).

Suggest uses the lexicon's titles as they are and adds a few of its own (Turkish, Kazakh, Kyrgyz and
Chinese titles, spokespeople, press secretaries): only suggest reads them, so they change no link.
The table also holds the words around titles (deputy words, articles, 'of' words), the endings of
country adjectives, the Chinese stop characters and the English role of each office kind. A mistake
in it (a word not in the lexicon's plain reading, which could never match; an unknown office kind; a
title listed twice or under two kinds) is an error naming the file and the entry, not a silent miss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from c5names.lexicon import TITLES, plain
from c5names.model import OFFICE_KINDS
from c5names.text.han import HAN
from c5names.text.tables import YAML_LOADER

DATA = Path(__file__).resolve().parent / "data" / "suggest.yaml"
_HAN_ONLY = re.compile(f"^[{HAN}]+$")
_ENDING = re.compile("^[a-z]*$")
_WORD_LISTS = (
    "articles",
    "modifiers",
    "of_words",
    "place_prepositions",
    "name_connectors",
    "compound_languages",
    "dependents",
)
_ENDING_LISTS = (
    "blocked_endings",
    "adjective_endings",
    "country_endings",
    "bare_stem_endings",
    "surname_endings",
    "patronymic_endings",
)


class SuggestTableError(ValueError):
    """The suggest table is malformed (the message names the file and the entry)."""


@dataclass(frozen=True)
class SuggestTable:
    """The checked table: titles as tuples of plain words (the lexicon's and the table's) → kind."""

    titles: dict[tuple[str, ...], str]
    han_titles: dict[str, str]
    deputy_before: tuple[tuple[str, ...], ...]  # longest first
    deputy_after: frozenset[str]
    articles: frozenset[str]
    modifiers: frozenset[str]
    of_words: frozenset[str]
    place_prepositions: frozenset[str]
    name_connectors: frozenset[str]
    compound_languages: frozenset[str]
    dependents: frozenset[str]
    blocked_endings: frozenset[str]
    adjective_endings: frozenset[str]
    country_endings: frozenset[str]
    bare_stem_endings: frozenset[str]  # the country endings after which the stem alone is an adjective
    surname_endings: frozenset[str]
    patronymic_endings: frozenset[str]
    han_stops: frozenset[str]
    han_transcription: frozenset[str]
    roles: dict[str, str]
    succession: tuple[tuple[str, ...], ...]  # longest first


@lru_cache(maxsize=4)
def offices_table(path: Path = DATA) -> SuggestTable:
    """Read and check the table (once per process)."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except yaml.YAMLError as err:
        raise SuggestTableError(f"{path}: not valid YAML ({err})") from None
    if not isinstance(raw, dict) or raw.get("version") != 1:
        raise SuggestTableError(f"{path}: expected a mapping with version: 1")
    check = _Checker(path)
    titles, han_titles = check.titles(raw.get("titles"))
    deputy = raw.get("deputy")
    if not isinstance(deputy, dict):
        raise SuggestTableError(f"{path}: [deputy] expected a mapping with 'before' and 'after'")
    before = check.words(deputy.get("before"), "deputy.before", phrases=True)
    lists = {name: frozenset(check.words(raw.get(name), name)) for name in _WORD_LISTS}
    endings = {name: frozenset(check.endings(raw.get(name), name)) for name in _ENDING_LISTS}
    stops = check.han(raw.get("han_stops"), "han_stops")
    transcription = check.han(raw.get("han_transcription"), "han_transcription")
    if stops & transcription:
        both = "".join(sorted(stops & transcription))
        raise SuggestTableError(f"{path}: [han_transcription] {both} also stop a name (han_stops)")
    return SuggestTable(
        titles=titles,
        han_titles=han_titles,
        deputy_before=_longest_first(before),
        deputy_after=frozenset(check.words(deputy.get("after"), "deputy.after")),
        han_stops=stops,
        han_transcription=transcription,
        roles=check.roles(raw.get("roles")),
        succession=tuple(
            sorted(
                {tuple(p.split()) for p in check.words(raw.get("succession"), "succession", True)},
                key=lambda p: (-len(p), p),  # (ties in one order in every process, not a set's)
            )
        ),
        **lists,
        **endings,
    )


def _longest_first(phrases: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(p.split()) for p in phrases}, key=lambda p: (-len(p), p)))


class _Checker:
    """Checks each part of the table, raising SuggestTableError at the first mistake."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, message: str) -> SuggestTableError:
        return SuggestTableError(f"{self.path}: [{where}] {message}")

    def _list(self, value: object, where: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(where, "expected a list of words")
        duplicates = sorted({item for item in value if value.count(item) > 1})
        if duplicates:
            raise self.fail(where, f"{duplicates[0]!r} is listed twice")
        return value

    def words(self, value: object, where: str, phrases: bool = False) -> list[str]:
        items = self._list(value, where)
        for item in items:
            if plain(item) != item or not item:
                raise self.fail(where, f"{item!r} is not in the plain reading ({plain(item)!r}): it could never match")
            if " " in item and not phrases:
                raise self.fail(where, f"{item!r} is not one word")
        return items

    def endings(self, value: object, where: str) -> list[str]:
        items = self._list(value, where)
        for item in items:
            if not _ENDING.match(item):
                raise self.fail(where, f"{item!r} is not an ending in plain letters (a-z)")
        return items

    def han(self, value: object, where: str) -> frozenset[str]:
        if not isinstance(value, str) or not _HAN_ONLY.match(value):
            raise self.fail(where, "expected a string of Chinese characters")
        if len(set(value)) != len(value):
            raise self.fail(where, "a character is listed twice")
        return frozenset(value)

    def titles(self, value: object) -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
        if not isinstance(value, dict):
            raise self.fail("titles", "expected office kinds, then languages, then titles")
        known = {tuple(plain(t).split()): kind for kind, titles in TITLES.items() for t in titles}
        words: dict[tuple[str, ...], str] = dict(known)
        han: dict[str, str] = {}
        for kind, languages in value.items():
            if kind not in OFFICE_KINDS:
                raise self.fail(f"titles.{kind}", f"unknown office kind; the gazetteer's are {', '.join(OFFICE_KINDS)}")
            if not isinstance(languages, dict):
                raise self.fail(f"titles.{kind}", "expected languages, then titles")
            for lang, titles in languages.items():
                where = f"titles.{kind}.{lang}"
                if lang == "zh":
                    self._han_titles(self._list(titles, where), kind, where, han)
                    continue
                for title in self.words(titles, where, phrases=True):
                    key = tuple(title.split())
                    if words.get(key, kind) != kind:
                        source = "the lexicon" if key in known else "this table"
                        raise self.fail(where, f"{title!r} is already a title of {words[key]} in {source}")
                    words[key] = kind
        return words, han

    def _han_titles(self, titles: list[str], kind: str, where: str, han: dict[str, str]) -> None:
        for title in titles:
            if not _HAN_ONLY.match(title) or len(title) < 2:
                raise self.fail(where, f"{title!r} is not two or more Chinese characters")
            if title in han:
                raise self.fail(where, f"{title!r} is already a title of {han[title]}")
            han[title] = kind

    def roles(self, value: object) -> dict[str, str]:
        if not isinstance(value, dict) or not all(isinstance(v, str) and v for v in value.values()):
            raise self.fail("roles", "expected office kind: role in English")
        missing = [kind for kind in OFFICE_KINDS if kind not in value]
        unknown = [kind for kind in value if kind not in OFFICE_KINDS]
        if missing or unknown:
            raise self.fail("roles", f"missing {missing}, unknown {unknown}: give every office kind a role")
        return {str(k): str(v) for k, v in value.items()}
