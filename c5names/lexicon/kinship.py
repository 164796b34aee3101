"""Kinship words: what the person a text names next is to someone it has just named.

"… and his son Serdar", "sein Sohn Serdar", "его сын Сердар": a given name alone says little, but a
kinship word before it, and a relation in the gazetteer between that given name's holder and a
person of the document, may decide who is meant. The words live in `data/kinship.yaml`, in the
lexicon's plain reading, checked when loaded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

from c5names.lexicon.reading import plain
from c5names.text.tables import YAML_LOADER

DATA = Path(__file__).resolve().parent / "data" / "kinship.yaml"
RELATIONS = frozenset({"child_of", "parent_of", "spouse_of", "sibling_of"})
WINDOW_WORDS = 3  # the kinship word must be among the few words right before the name
# "the daughter of Gulnara": after these the name is the relative's relative (the relation turns round).
OF = frozenset("of de du des di del della do da dos das von vom van".split())
INVERSE = {"child_of": "parent_of", "parent_of": "child_of", "spouse_of": "spouse_of", "sibling_of": "sibling_of"}
_SENTENCE_END = re.compile(r"[.!?;:»\n]")


class KinshipTableError(ValueError):
    """The kinship table is malformed (names the file, the relation, the language and the word)."""


GENDERS = frozenset({"male", "female", "any"})


class Kinship(NamedTuple):
    """What a kinship word says of the relative named after it."""

    relation: str  # child_of, parent_of, spouse_of, sibling_of (the relative to the person before)
    gender: str  # male, female or any


@lru_cache(maxsize=1)
def kinship_words(path: Path = DATA) -> dict[str, Kinship]:
    """Each kinship word (plain reading) → what it says of the relative named after it."""
    table = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    if not isinstance(table, dict):
        raise KinshipTableError(f"{path}: expected a mapping of relations to genders to languages")
    words: dict[str, Kinship] = {}
    for relation, genders in table.items():
        if relation not in RELATIONS:
            raise KinshipTableError(f"{path}: [{relation}] is not one of {sorted(RELATIONS)}")
        for gender, languages in (genders or {}).items():
            if gender not in GENDERS or not isinstance(languages, dict):
                raise KinshipTableError(f"{path}: [{relation}.{gender}] expected male, female or any, then languages")
            for lang, entries in languages.items():
                for word in entries or []:
                    _add(words, word, Kinship(relation, gender), f"{path}: [{relation}.{gender}.{lang}] {word!r}")
    return words


def _add(words: dict[str, Kinship], word: object, kinship: Kinship, where: str) -> None:
    if not isinstance(word, str) or plain(word) != word or " " in word:
        raise KinshipTableError(f"{where} is not one word in the plain reading (it would never match)")
    if words.get(word, kinship) != kinship:
        raise KinshipTableError(f"{where} is also listed under {'.'.join(words[word])}")
    words[word] = kinship


def kinship_before(text: str, start: int) -> Kinship | None:
    """The relation to a person already named that a kinship word right before `start` gives the name
    at `start` (within a few words, same clause): "his son Serdar" → child_of; "the son of Gurban" →
    parent_of."""
    window = text[max(0, start - 40) : start]
    cut = list(_SENTENCE_END.finditer(window))
    if cut:
        window = window[cut[-1].end() :]
    table = kinship_words()
    words = plain(window).split()[-WINDOW_WORDS:]
    for n in range(len(words) - 1, -1, -1):
        found = table.get(words[n])
        if found:
            follows = words[n + 1 : n + 2]
            if follows and follows[0] in OF:
                return Kinship(INVERSE[found.relation], "any")  # the daughter of X: X's gender is unknown
            return found
    return None
