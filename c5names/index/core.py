"""The compiled name index: word keys → packed postings, fuzzy neighbours, compact entity facts.

Per-document work never loops over entities: every lookup is a dict access by key (`word_hits`,
memoised per word), and fuzzy search probes a deletion-neighbourhood index (`neighbours`). Built by
`compile`, stored by `store`; what a text word may stand for is decided in `query`.
"""

from __future__ import annotations

from array import array
from functools import partial
from itertools import repeat
from operator import attrgetter, eq
from typing import Any, NamedTuple, cast

import numpy

from c5names.index.facts import AliasScripts, EntityFacts
from c5names.index.intset import IntSet
from c5names.index.memo import WeightedMemo
from c5names.index.neighbours import DeletionIndex
from c5names.index.postings import (
    FormSource,
    Posting,
    WordHits,
    unpack,
)
from c5names.index.query import WEAK_FUZZY_MIN_LEN, surely_unknown, surely_unknown_words, word_groups
from c5names.model import Role
from c5names.text.abjad import PREFIX as CONSONANT_PREFIX
from c5names.text.abjad import consonant_key
from c5names.text.han import HanLexicon
from c5names.text.hangul import HangulNames
from c5names.text.keys import UNCASED_PREFIX, letters_key_reader, search_keys, skeleton

# What the per-word and per-chunk memos may hold (`memo`): postings of the words cached, options of the
# chunks cached. Sized by the serving target at a million persons (peak RSS ≤ 2 GB, 1.34 GB of it the
# loaded index), from what the memos were measured to hold there (resident memory with them and after
# emptying them): about 14 bytes a posting weighed and 100 an option, once a common surname's holders
# were kept as arrays rather than sets and dicts (`postings.WordHits.leads`, `candidates.SortedRanks`;
# before that 18 and 195). The bench's 400 KB English corpus then reads words of 7.9 million postings
# and chunks of 1.76 million options, which these hold (270 MB, peak RSS 1.54 GB, a warm pass 0.17 s);
# with twice that text, more than they hold, peak RSS 1.73 GB and the warm pass parses about half of it
# again (2.9 s; the budgets of before, 2 and 1.5 million, held a third of the 400 KB corpus: 7.7 s).
WORD_CACHE_POSTINGS = 10_000_000
CHUNK_CACHE_OPTIONS = 2_500_000
WORD_CACHE_ENTRIES = 500_000  # and at most so many entries, as before
CHUNK_CACHE_ENTRIES = 200_000
_UNMADE = object()  # (a memo not yet made)


class EntityFlags(NamedTuple):
    """Per entity (by number): is it a person; does it list offices; does its name need its suffix;
    does it list a patronymic; does it stand in a relation (its own, or another's to it)."""

    person: numpy.ndarray
    offices: numpy.ndarray
    suffix: numpy.ndarray
    patronymic: numpy.ndarray
    related: numpy.ndarray


class NameIndex:
    """Word-key postings and entity facts, compiled from a gazetteer."""

    def __init__(self) -> None:
        self.entities: list[EntityFacts] = []
        self.by_id: dict[str, int] = {}
        self.postings: dict[str, array[int]] = {}
        self.written = IntSet()  # written marks (`facts.written_mark`): which entity writes which form as such
        self.male = IntSet()  # entities whose gender is male (feminine surname forms are not theirs)
        self.forms: list[str] = []
        self.alias_gaps: list[tuple[str, ...]] = []
        self.alias_forms: list[str] = []
        self.alias_tails: list[str] = []
        self.alias_anchors: list[int] = []  # per alias phrase: the position of its anchor word, or -1
        self.alias_tail_words: set[str] = set()  # the long lowercase words alias phrases end in (folded)
        # the keys an alias phrase's word is posted under: only their postings can hold an exonym's
        # word that a text word may not read (`query._Readable`), so no other key's are tested
        self.alias_keys: frozenset[str] = frozenset()
        # per alias phrase: the scripts an exonym is read in (`query._readable_aliases`), None for any
        self.alias_scripts: list[AliasScripts | None] = []
        self.neighbours = DeletionIndex(())
        self.han = HanLexicon()  # Han-script forms: the dictionary that cuts unspaced Chinese text
        self.hangul = HangulNames()  # Hangul names written surname and given name together (이재명)
        self._new_memos()

    def _new_memos(self) -> None:
        """Empty memos: for a new index, and for one unpickled (memos are never pickled)."""
        self._cache: WeightedMemo[tuple[str, str | None], WordHits] = WeightedMemo(
            WORD_CACHE_POSTINGS, WORD_CACHE_ENTRIES
        )
        self._consonant_groups: dict[str, list[str]] | None = None  # see consonant_postings
        # The hits of every word that has none: nothing to unpack, and no memo of it that grows.
        self._no_hits = WordHits(FormSource(self.written, self.forms, self.alias_forms), [])
        # filled by match.detect.find: a chunk's candidates, weighed by their options
        self.chunk_cache: WeightedMemo[tuple[str, str | None, bool, bool], list] = WeightedMemo(
            CHUNK_CACHE_OPTIONS, CHUNK_CACHE_ENTRIES
        )
        # per language, per text word: (does the index know it, does one of its alias phrases have a
        # lowercase tail), filled by match.detect.find, which asks this of every capitalised word it reads
        self.word_facts_cache: dict[str | None, dict[str, tuple[bool, bool]]] = {}
        self._flags: EntityFlags | None = None  # see entity_flags
        self._probe: Any = _UNMADE  # see unknown_probe

    def entity_flags(self) -> EntityFlags:
        """Facts of every entity as boolean arrays by entity number, for the rules that ask them of a
        common surname's thousands of holders or a common name's namesakes at once
        (`match.candidates.Holders`, `match.shapes.signatures`). Made from the
        facts when first asked (about 0.1 s at a million persons), not stored in the cache."""
        if self._flags is None or len(self._flags.person) != len(self.entities):
            facts, count = self.entities, len(self.entities)
            self._flags = EntityFlags(
                numpy.fromiter(map(eq, map(attrgetter("type"), facts), repeat("person")), dtype=bool, count=count),
                numpy.fromiter(map(bool, map(attrgetter("offices"), facts)), dtype=bool, count=count),
                numpy.fromiter(map(attrgetter("needs_suffix"), facts), dtype=bool, count=count),
                numpy.fromiter(map(attrgetter("patronymic_listed"), facts), dtype=bool, count=count),
                self._related(),
            )
        return self._flags

    def _related(self) -> numpy.ndarray:
        """Which entities stand in a relation: those listing one, and those another lists one to."""
        related = numpy.fromiter(
            map(bool, map(attrgetter("relations"), self.entities)), dtype=bool, count=len(self.entities)
        )
        for entity in numpy.flatnonzero(related).tolist():
            for _kind, target in self.entities[entity].relations:
                number = self.by_id.get(target)
                if number is not None:
                    related[number] = True
        return related

    # -- word lookup ------------------------------------------------------------------------
    def word_hits(self, word: str, lang: str | None = None, asked: bool = False) -> WordHits:
        """Every posting a text word may realise: raw first, then stems, then fuzzy keys. `asked`: the
        caller has asked `surely_unknown` of the word already (and it said False), so it is not asked
        again; it is a shortcut to the answer `word_groups` gives, so either way the hits are the same."""
        cache_key = (word, lang)
        found = self._cache.get(cache_key)
        if found is not None:
            return found
        groups = [] if not asked and surely_unknown(self, word, lang) else word_groups(self, word, lang)
        if not groups:  # (most new words of a text: one WordHits serves them all)
            return self._cache.put(cache_key, self._no_hits, 1)
        found = WordHits(FormSource(self.written, self.forms, self.alias_forms), groups)
        return self._cache.put(cache_key, found, 1 + sum(len(g.packed) for g in groups))

    def surely_unknown(self, word: str, lang: str | None = None) -> bool:
        """Does the word certainly realise no key (`query.surely_unknown`)? Asked of a new word of a
        text before `word_hits`, with nothing memoised: True for most, settled at a third of the cost."""
        return surely_unknown(self, word, lang)

    def surely_unknown_words(self, words: list[str], lang: str | None = None) -> list[bool]:
        """`surely_unknown` of many words at once (`query.surely_unknown_words`): a document's new
        capitalised words, most settled in one compiled call."""
        return surely_unknown_words(self, words, lang)

    def unknown_probe(self) -> Any:
        """The compiled `surely_unknown` of words of ASCII letters (`_near.UnknownProbe`), made on first
        ask; None for a large index or without the compiled module."""
        if self._probe is _UNMADE:
            self._probe = self.neighbours.unknown_probe(self.postings, letters_key_reader(), WEAK_FUZZY_MIN_LEN)
        return self._probe

    def consonant_postings(self, consonants: str) -> array[int] | None:
        """The postings of every key with these consonants (`abjad`), merged in entity order.

        Grouped on the first Arabic-script word a process meets, not at compile time: the grouping
        would double the postings of a large index, for text most users never have."""
        if self._consonant_groups is None:
            groups: dict[str, list[str]] = {}
            for key in self.postings:
                found = (
                    key[len(CONSONANT_PREFIX) :]
                    if key.startswith(CONSONANT_PREFIX)
                    else consonant_key(key.removeprefix(UNCASED_PREFIX))
                )
                if found:
                    groups.setdefault(found, []).append(key)
            self._consonant_groups = groups
        keys = self._consonant_groups.get(consonants)
        if not keys:
            return None
        if len(keys) == 1:
            return self.postings[keys[0]]
        merged = numpy.unique(numpy.concatenate([numpy.frombuffer(self.postings[k], dtype=numpy.int64) for k in keys]))
        return array("q", merged.tobytes())

    def written_postings(self, word: str) -> list[array[int]]:
        """The postings of a word's key as written: under its plain key, and for a word of a script
        without case also under its own (`keys.uncased`)."""
        return [found for found in map(self.postings.get, search_keys(word, skeleton(word))) if found]

    def unpacked(self, key: str) -> list[Posting]:
        """The postings of a key (packed as integers in the index)."""
        packed = self.postings.get(key)
        return [unpack(value) for value in packed] if packed else []

    def fuzzy_keys(self, key: str) -> list[tuple[str, int]]:
        """Keys within 1 edit (2 from 9 letters on) of `key` that begin alike (`neighbours.same_start`)."""
        if len(key) < WEAK_FUZZY_MIN_LEN or " " in key:
            return []
        return self.neighbours.near(key)

    def shared_keys(self) -> dict[str, list[str]]:
        """Surname and alias keys that point at more than one entity."""
        found: dict[str, set[str]] = {}
        for key in self.postings:
            if key.startswith(CONSONANT_PREFIX):
                continue  # Arabic-script keys are loose by design; they never decide a name alone
            # (an uncased script's alias word is keyed apart, and shown under its reading: `keys.uncased`)
            ids = found.setdefault(key.removeprefix(UNCASED_PREFIX), set())
            ids.update(self.entities[p.entity].id for p in self.unpacked(key) if p.role in (Role.SURNAME, Role.ALIAS))
        return {key: sorted(ids) for key, ids in sorted(found.items()) if len(ids) > 1}

    # Pickled (the on-disk cache, `--jobs` workers) without the memos, and with the entity facts as
    # one list per field: a million named tuples unpickle in about 1.6 s, their eleven columns
    # (mostly the one shared empty tuple) and the tuples rebuilt from them in about half that.
    # `by_id` is not pickled: it is every entity's id and number, rebuilt from the id column.
    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        memos = ("_cache", "chunk_cache", "word_facts_cache", "_consonant_groups", "_flags", "by_id", "_no_hits")
        for memo in (*memos, "_probe"):
            state.pop(memo, None)
        state["entities"] = tuple(map(list, zip(*self.entities, strict=True))) or ([],) * len(EntityFacts._fields)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        columns = cast(tuple[list[Any], ...], state.pop("entities"))
        self.__dict__.update(state)
        self.entities = list(map(partial(tuple.__new__, EntityFacts), zip(*columns, strict=True)))
        self.by_id = dict(zip(columns[0], range(len(columns[0])), strict=True))
        self._new_memos()
