"""Words that tell a son from his father when both bear the surname.

Berdimuhamedov Jr., Бердымухамедов-младший, Berdimuhamedov fils, the younger Berdimuhamedov. The
words are data (`data/generations.yaml`: per generation, the words after and before the surname),
checked when read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from c5names.lexicon.reading import DATA, check_plain, plain
from c5names.text.tables import Entry, Table

PLACES = ("after", "before")
Generations = dict[str, dict[str, frozenset[str]]]  # generation → place → words


@lru_cache(maxsize=1)
def generation_words() -> tuple[Generations, frozenset[str]]:
    """The shipped words, and the abbreviations among them, read and checked once per process."""
    return read_generations(DATA / "generations.yaml")


def read_generations(path: Path) -> tuple[Generations, frozenset[str]]:
    """Read and check the table: the words of each generation, and the abbreviations that may take a
    dot; a `TableError` names the file, line and entry of each mistake. A word of two generations at
    the same place could only ever name the first."""
    out: Generations = {}
    abbreviated: set[str] = set()
    owner: dict[tuple[str, str], Entry] = {}
    with Table(path) as table:
        for generation, node in table.mapping(table.root, "").values():
            places = table.fields(node, generation.field, required=PLACES)
            out[generation.text] = {}
            for place in PLACES:
                words = table.unique(table.texts(places.get(place), f"{generation.field}.{place}"), "word")
                out[generation.text][place] = frozenset(
                    _word(table, entry, place, abbreviated, owner, generation.text) for entry in words
                ) - {""}
    return out, frozenset(abbreviated)


def _word(
    table: Table, entry: Entry, place: str, abbreviated: set[str], owner: dict[tuple[str, str], Entry], generation: str
) -> str:
    """A checked word ("" if wrong); "jr." is the abbreviation jr, which may be written with its dot."""
    word = entry.text.removesuffix(".")
    if word != entry.text and place != "after":
        table.reject(entry, "only a word after the surname takes its dot into the mention")
        return ""
    if not check_plain(table, Entry(word, entry.line, entry.field), one_word=True):
        return ""
    other = owner.setdefault((place, word), Entry(generation, entry.line, entry.field))
    if other.text != generation:
        table.reject(entry, f"also a word of {other.text} (line {other.line}): it can only name one generation")
        return ""
    if word != entry.text:
        abbreviated.add(word)
    return word


_GENERATIONS, _ABBREVIATED = generation_words()
GENERATIONS = _GENERATIONS
_NEXT_WORD = re.compile(r"(?:\s*[-‐‑–]\s*|\s+)([^\W\d_]+)(\.?)")
# The word right before a mention, up to REACH characters back: the letters before the spaces that end
# the stretch (`_PREVIOUS_WORD`, searched in it, is the definition). Read backwards, it is a match at
# the start of the reversed stretch (`_REVERSED_PREVIOUS`): a search tried the pattern at every
# character of the stretch, five times as long, for every bare surname of a document.
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\s+$")
_REVERSED_PREVIOUS = re.compile(r"\s+([^\W\d_]+)")
REACH = 24


def previous_word(text: str, start: int) -> str | None:
    """The word right before `start` (spaces between), within REACH characters: `_PREVIOUS_WORD`."""
    before = _REVERSED_PREVIOUS.match(text[max(0, start - REACH) : start][::-1])
    return before.group(1)[::-1] if before else None


def generation_near(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """("junior" or "senior", start, end of the mention with the qualifier) when a word right after
    the surname at start..end (or right before it) says which generation is meant."""
    after = _NEXT_WORD.match(text, end, min(len(text), end + REACH))
    if after:
        key = plain(after.group(1))
        for generation, places in GENERATIONS.items():
            if key in places["after"]:
                with_dot = bool(after.group(2)) and key in _ABBREVIATED  # Jr., мл.
                return generation, start, after.end(2 if with_dot else 1)
    word = previous_word(text, start)
    if word:
        key = plain(word)
        for generation, places in GENERATIONS.items():
            if key in places["before"]:
                return generation, start, end
    return None
