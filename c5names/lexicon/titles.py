"""Titles, by office kind and language: which office a bare surname after them refers to.

"President Berdimuhamedov" in 2023 is Serdar, "Prime Minister Japarov" in 2022 is Akylbek. The titles
are data, one file per language (`data/titles/<lang>.yaml`, office kind → titles in their `plain`
reading), checked when read: an unknown office kind, a title listed twice in one language or under
two kinds, and a title that can never match (not in its plain reading, or with an elided article
that `plain` joins to the next word) are errors.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from c5names.errors import Problem
from c5names.lexicon.reading import DATA, check_plain, plain
from c5names.model import OFFICE_KINDS
from c5names.text import native
from c5names.text.inflection import affixes
from c5names.text.tables import Entry, Table, TableError

TitlesByLanguage = dict[str, dict[str, tuple[str, ...]]]  # language → office kind → titles


@lru_cache(maxsize=1)
def titles_after_the_name() -> frozenset[str]:
    """The languages that also write a title right after the name (`data/title_order.yaml`)."""
    return read_title_order(DATA / "title_order.yaml")


def read_title_order(path: Path) -> frozenset[str]:
    """Read and check the table of languages writing a title after the name; a `TableError` names
    the file, line and entry of each mistake."""
    with Table(path) as table:
        fields = table.fields(table.root, "", required=("after_the_name",))
        entries = table.unique(table.texts(fields.get("after_the_name"), "after_the_name"), "language")
        return frozenset(entry.text for entry in entries if table.language(entry))


@lru_cache(maxsize=1)
def title_offices() -> dict[str, frozenset[str]]:
    """Per office kind of a title, the office kinds it names: its own and those of
    `data/title_offices.yaml` (an envoy's titles also name ambassadors)."""
    return read_title_offices(DATA / "title_offices.yaml")


def read_title_offices(path: Path) -> dict[str, frozenset[str]]:
    """Read and check the table of office kinds a title also names; a `TableError` names the file,
    line and entry of each mistake (a kind the gazetteer does not have, a kind listed as its own)."""
    out = {kind: frozenset({kind}) for kind in OFFICE_KINDS}
    with Table(path) as table:
        for kind, node in table.mapping(table.root, "").values():
            if kind.text not in OFFICE_KINDS:
                table.reject(kind, f"unknown office kind; the gazetteer's are {', '.join(OFFICE_KINDS)}")
                continue
            also = set()
            for other in table.unique(table.texts(node, kind.field), "office kind"):
                if other.text not in OFFICE_KINDS:
                    table.reject(other, f"unknown office kind; the gazetteer's are {', '.join(OFFICE_KINDS)}")
                elif other.text == kind.text:
                    table.reject(other, "a title names its own office kind already")
                else:
                    also.add(other.text)
            out[kind.text] = frozenset({kind.text, *also})
    return out


@lru_cache(maxsize=64)
def titles_naming(office_kind: str) -> frozenset[str]:
    """The office kinds whose titles name an office of this kind: its own, and those listing it in
    `data/title_offices.yaml` (an ambassador is named by an envoy's titles too)."""
    return frozenset(kind for kind, named in title_offices().items() if office_kind in named)


@lru_cache(maxsize=1)
def titles_by_language() -> TitlesByLanguage:
    """The shipped titles, read and checked once per process."""
    return read_titles(DATA / "titles")


def read_titles(folder: Path) -> TitlesByLanguage:
    """Read and check every `<lang>.yaml` of a folder; a `TableError` names the file, line and entry
    of each mistake (across files too: a title under two office kinds)."""
    out: TitlesByLanguage = {}
    kind_of: dict[str, tuple[str, Entry, Path]] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        table = Table(path)
        if table.language(Entry(path.stem, 1, "")):
            out[path.stem] = _read_language(table, kind_of)
        problems.extend(table.problems)
    if not out and not problems:
        problems.append(Problem(str(folder), None, None, "", "no title files (<lang>.yaml)"))
    if problems:
        raise TableError(problems)
    return out


def _read_language(table: Table, kind_of: dict[str, tuple[str, Entry, Path]]) -> dict[str, tuple[str, ...]]:
    """One language's titles; `kind_of` remembers the office kind of every title seen in any file."""
    elisions = set(affixes().elisions)
    kinds: dict[str, tuple[str, ...]] = {}
    here: dict[str, Entry] = {}
    for kind, node in table.mapping(table.root, "").values():
        if kind.text not in OFFICE_KINDS:
            table.reject(kind, f"unknown office kind; the gazetteer's are {', '.join(OFFICE_KINDS)}")
            continue
        good = []
        for title in table.texts(node, kind.field):
            if title.text in here:
                table.reject(title, f"duplicate title (already on line {here[title.text].line})")
                continue
            here[title.text] = title
            if not check_plain(table, title, one_word=False) or _elided(table, title, elisions):
                continue
            other = kind_of.setdefault(title.text, (kind.text, title, table.path))
            if other[0] != kind.text:
                where = f"{other[2].name}:{other[1].line}"
                table.reject(title, f"also a title of {other[0]} ({where}): a title names one office kind")
                continue
            good.append(title.text)
        kinds[kind.text] = tuple(good)
    return kinds


def _elided(table: Table, title: Entry, elisions: set[str]) -> bool:
    """Does a title keep an elided article apart from its word? `plain` removes the apostrophe of
    chef de l’État and reads "chef de letat", so "chef de l etat" could never match."""
    words = title.text.split()
    for word, following in itertools.pairwise(words):
        if word in elisions:
            joined = title.text.replace(f"{word} {following}", word + following, 1)
            table.reject(title, f"plain() joins an elided {word}’ to the next word, so write {joined!r}")
            return True
    return False


def _merged(by_language: TitlesByLanguage) -> dict[str, tuple[str, ...]]:
    """Every language's titles of each office kind, once each."""
    merged: dict[str, dict[str, None]] = {}
    for kinds in by_language.values():
        for kind, titles in kinds.items():
            merged.setdefault(kind, {}).update(dict.fromkeys(titles))
    return {kind: tuple(titles) for kind, titles in merged.items()}


def _title_pattern(titles: Iterable[str]) -> re.Pattern[str]:
    """Any of these titles as a whole word (or a word's start: "presidente", "президентом"), the
    longest first."""
    longest = sorted(dict.fromkeys(titles), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, longest)) + r")\w*\b")


TITLES: dict[str, tuple[str, ...]] = _merged(titles_by_language())
_TITLE_RES = {kind: _title_pattern(titles) for kind, titles in TITLES.items()}


# Any title of any kind: where it finds none, no kind's pattern can (each is this pattern over fewer
# titles), and one search replaces one per kind on the many stretches that hold no title.
_ANY_TITLE_RE = _title_pattern(itertools.chain(*TITLES.values()))


def names_title(reading: str, kind: str) -> bool:
    """Does a text, in its plain reading (`reading.plain`), name a title of this office kind anywhere?
    (One kind's pattern: what `title_kinds` would find of that kind, without searching every kind.)"""
    pattern = _TITLE_RES.get(kind)
    return pattern is not None and pattern.search(reading) is not None


def is_whole_title(reading: str, kind: str) -> bool:
    """Is a plain reading one title of this office kind and nothing else ("akim", "energy minister"),
    not a title followed by other words ("sondergesandten sergio gor": the envoy is someone else)?"""
    pattern = _TITLE_RES.get(kind)
    return pattern is not None and pattern.fullmatch(reading) is not None


def _phrase_finder(titles: dict[str, tuple[str, ...]]) -> tuple[Any, dict[str, int]]:
    """The compiled finder of every kind's titles at once (`_keys.PhraseFinder`), and each kind's bit:
    None when the compiled word keys are not here, or when the finder refuses a title (not ASCII, or
    not beginning and ending with a word character, as the plain reading of every shipped title does)."""
    bits = {kind: 1 << n for n, kind in enumerate(titles)}
    if native.keys_module is None:
        return None, bits
    try:
        return native.keys_module.PhraseFinder(
            [(t, bits[kind]) for kind, listed in titles.items() for t in listed]
        ), bits
    except ValueError:
        return None, bits


_FINDER, _KIND_BITS = _phrase_finder(TITLES)


def kinds_named(reading: str, kinds: Iterable[str]) -> frozenset[str]:
    """Which of these office kinds a title anywhere in a plain reading names: `names_title` of each,
    answered for all of them by one compiled pass over the reading when it is here (a Russian news
    page: 0.2 to 0.5 ms a kind by the patterns, 0.04 ms for all); a test holds the two to each other."""
    found = _FINDER.find(reading) if _FINDER is not None else None
    if found is None:
        return frozenset(kind for kind in kinds if names_title(reading, kind))
    return frozenset(kind for kind in kinds if found & _KIND_BITS.get(kind, 0))


def title_kinds(context: str) -> list[tuple[int, str]]:
    """Office kinds named in a stretch of text, ordered so that the last one is the title closest to
    its end, and the longest there ("président du cabinet des ministres" is not just "président")."""
    folded = plain(context)
    named = _FINDER.find(folded) if _FINDER is not None else None
    if named is not None:
        # (the compiled finder says which kinds are named at all, in one pass: a search of every title at
        # once took 6 to 9 µs of Python's regular expressions a window, 40 languages' titles in it)
        if not named:
            return []
        kinds = [(kind, pattern) for kind, pattern in _TITLE_RES.items() if named & _KIND_BITS.get(kind, 0)]
    else:
        if not _ANY_TITLE_RE.search(folded):
            return []
        kinds = list(_TITLE_RES.items())
    found: list[tuple[int, int, str]] = []
    for kind, pattern in kinds:
        found.extend((m.end(), m.end() - m.start(), kind) for m in pattern.finditer(folded))
    return [(end - length, kind) for end, length, kind in sorted(found)]
