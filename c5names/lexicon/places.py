"""Places and institutions named after a person: the name there is the place's.

Trump Tower, Nazarbayev University, rue Karimov, улица Каримова, Karimov ko'chasi are not mentions of
the person. The words that make a name part of a place's name are data (`data/places.yaml`), checked
when read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from c5names.lexicon.reading import DATA
from c5names.text.tables import Entry, Table

_APOSTROPHE = "[’'ʻ‘`]?"  # an apostrophe in `after_words`: any of these, or none
FIELDS = ("after", "modifiers", "after_words", "before", "links")


@dataclass(frozen=True)
class PlaceWords:
    """The lists of `data/places.yaml`."""

    after: tuple[str, ...]
    modifiers: tuple[str, ...]
    after_words: tuple[str, ...]
    before: frozenset[str]
    links: frozenset[str]


@lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    """The shipped lists, read and checked once per process."""
    return read_places(DATA / "places.yaml")


# What each list's entries must be for the matcher to meet them: a rule and its explanation.
_RULES: dict[str, tuple[Callable[[str], bool], str]] = {
    "after": (lambda w: w.isalpha() and w.istitle(), "a capitalised word of letters (it must end a word)"),
    "modifiers": (lambda w: w.isalpha() and w.istitle(), "a capitalised word of letters"),
    "after_words": (lambda w: w.replace("'", "").isalpha() and w.islower(), "lowercase letters and apostrophes"),
    "before": (lambda w: " " not in w and w == w.lower(), "one lowercase word (it is compared lowercased)"),
    "links": (lambda w: " " not in w and w == w.lower(), "one lowercase word (it is compared lowercased)"),
}


def read_places(path: Path) -> PlaceWords:
    """Read and check the lists; a `TableError` names the file, line and entry of each mistake."""
    lists: dict[str, tuple[str, ...]] = {}
    with Table(path) as table:
        fields = table.fields(table.root, "", required=FIELDS)
        for name in FIELDS:
            rule, explained = _RULES[name]
            entries = table.unique(table.texts(fields.get(name), name), "word")
            lists[name] = tuple(entry.text for entry in entries if _follows(table, entry, rule, explained))
    return PlaceWords(
        lists["after"], lists["modifiers"], lists["after_words"], frozenset(lists["before"]), frozenset(lists["links"])
    )


def _follows(table: Table, entry: Entry, rule: Callable[[str], bool], explained: str) -> bool:
    if rule(entry.text):
        return True
    table.reject(entry, f"expected {explained}; as written it can never match")
    return False


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace("'", _APOSTROPHE) for w in sorted(words, key=len, reverse=True))


_WORDS = place_words()
_PLACE_AFTER = re.compile(
    rf"\s+(?:(?:{_alternatives(_WORDS.modifiers)})\s+){{0,2}}(?:{_alternatives(_WORDS.after)})\b"
    rf"|\s+(?:{_alternatives(_WORDS.after_words)})"
)
_PLACE_BEFORE = _WORDS.before
_PLACE_LINKS = _WORDS.links
_ELIDED = re.compile(r"^[ldLD][’']")


def names_a_place(text: str, start: int, end: int) -> bool:
    """Is the name at text[start:end] part of the name of a place or institution named after the
    person (a street, an airport, a university)? Looks at the words right after it (Tower, ko'chasi)
    and right before it, past a given name and a linking word (aéroport Islam-Karimov, улица имени)."""
    if _PLACE_AFTER.match(text, end):
        return True
    before = text[max(0, start - 40) : start].split()
    if before and (before[-1].endswith("-") or before[-1][:1].isupper()) and len(before) > 1:
        before.pop()  # the given name: aéroport Islam-Karimov, улица Ислама Каримова
    if before and (before[-1].lower() in _PLACE_LINKS or (_ELIDED.match(before[-1]) and len(before[-1]) == 2)):
        before.pop()
    return bool(before) and _ELIDED.sub("", before[-1]).lower() in _PLACE_BEFORE
