"""Postings (which word of which entity's name a key stands for), packed as integers, and the hits of
one text word, unpacked lazily per entity.

A common given name or surname of a large gazetteer has thousands of postings. Detection needs, for
one word, the set of entities it may belong to (to intersect with the neighbouring words' sets) and
the detailed hits of only the few entities that survive. So a word's postings stay packed in sorted
arrays (entity in the high bits); entity sets come from numpy, and one entity's hits from a binary
search, so the work per word does not grow with how many people share the name.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Collection, Hashable, Iterator, Sequence
from itertools import pairwise
from operator import attrgetter
from typing import NamedTuple

import numpy

from c5names.index import native
from c5names.index.intset import IntSet, run_positions
from c5names.model import Method, Role
from c5names.scoring import METHOD_SCORE

ROLES = (Role.GIVEN, Role.PATRONYMIC, Role.SURNAME, Role.SUFFIX, Role.ALIAS)  # in bit-code order
_ROLE_CODES = {role: n for n, role in enumerate(ROLES)}
ENTITY_SHIFT = 39
MAX_REF = (1 << 24) - 1  # the largest form or alias index a posting holds
_ALIAS_CODE = _ROLE_CODES[Role.ALIAS]
_SURNAME_CODE = _ROLE_CODES[Role.SURNAME]
_GIVEN_CODE = _ROLE_CODES[Role.GIVEN]


class Posting(NamedTuple):
    """A word of a gazetteer name: which entity, which part, where in the part, which form."""

    entity: int
    role: Role  # given, patronymic/middle, surname, suffix, or a word of an alias phrase
    pos: int
    length: int
    ref: int  # alias index for role A, form index otherwise


class Hit(NamedTuple):
    """A text word matched to a posting, with how well and how."""

    posting: Posting
    score: float
    method: Method
    form: str
    end: int  # where the name ends inside the text word (an apostrophe suffix is left out)
    weak: bool  # a fuzzy match of a short word: valid only next to a firm one


def pack(p: Posting) -> int:
    """entity (24 bits) · role (3) · pos (6) · length (6) · ref (24): one signed 64-bit integer."""
    if p.entity >= 1 << 24 or p.ref > MAX_REF or p.pos >= 64 or p.length >= 64:
        raise ValueError(f"gazetteer too large for the packed index: {p}")
    return (p.entity << ENTITY_SHIFT) | (_ROLE_CODES[p.role] << 36) | (p.pos << 30) | (p.length << 24) | p.ref


_new = tuple.__new__


def unpack(value: int) -> Posting:
    # (made without the NamedTuple's Python-level __new__: a common surname's thousands of holders are
    # unpacked one by one at a million persons)
    return _new(
        Posting, (value >> 39, ROLES[(value >> 36) & 7], (value >> 30) & 63, (value >> 24) & 63, value & 0xFFFFFF)
    )


def is_alias(value: int) -> bool:
    """Is a packed posting a word of an alias phrase?"""
    return (value >> 36) & 7 == _ALIAS_CODE


def role_mask_of(values: numpy.ndarray, role: Role) -> numpy.ndarray:
    """Which of an array of packed postings have this role, vectorised."""
    return ((values >> 36) & 7) == _ROLE_CODES[role]


def alias_mask(values: numpy.ndarray) -> numpy.ndarray:
    """Which of an array of packed postings are words of alias phrases (`is_alias`, vectorised)."""
    return role_mask_of(values, Role.ALIAS)


def packed_mark(value: int) -> int:
    """Identity of a packed posting: the form index of a name word does not count, but which alias
    an alias posting belongs to does."""
    return value if (value >> 36) & 7 == _ALIAS_CODE else value & ~0xFFFFFF


class Group(NamedTuple):
    """Postings a word reached one way (one key: as written, a stem, a fuzzy neighbour)."""

    packed: array[int]  # packed postings, in entity order (an entity's postings are contiguous)
    method: Method  # exact (exact or translit, decided per entity), inflected, consonants or fuzzy
    score: float
    end: int
    weak: bool
    written: int  # the word's written mark without an entity (see NameIndex.written)


# How a text word can take part in a mention (`WordHits.part`), as bits: what decides which words of
# a spaCy Doc the component must read around.
NO_PART = 0
# A word of alias phrases that is not the phrase's anchor ("De", "Ả", "Bank"), matched neither weakly
# nor by edit distance (`firmly_in`): a weak word is refused in a phrase, and one within an edit only
# completes a phrase only beside a firm anchor, whose windows read it anyway. And an initial.
ALIAS_PART = 1
PERSON_PART = 2  # a given name, patronymic or suffix, or a weak match of a surname ("Michael", "Gore")
ANCHOR = 4  # a firm surname, an alias phrase's anchor word: a mention can be made around it
TAILED = 8  # a word of an alias phrase that ends in lowercase words, or one of those ("République kirghize")
# An alias phrase's anchor word within an edit only ("Pekato" of "Pekano Faso"): an alias is never found
# by edit distance alone (`shapes.parse_alias`), so a mention can be made around it only with a firm word
# of the same phrase (an ALIAS_PART, `firmly_in`) beside it (`fuzzy_anchored`).
FUZZY_ANCHOR = 16
TAIL_WORD_MIN = 4  # a lowercase word an alias phrase ends in this long is what a text must hold of it


class FormSource(NamedTuple):
    """What a WordHits needs from the index to turn postings into hits."""

    written: IntSet
    forms: list[str]
    alias_forms: list[str]


class Singles:
    """A word's one-word surname hits, one per entity (its first firm one), as columns in entity order:
    what a bare surname is made of. A common surname's holders are thousands at a million persons, so
    a `Hit` is made only for the one whose span is asked (`hit`)."""

    __slots__ = ("_make", "ends", "entities", "forms", "listed", "methods", "scores")

    def __init__(
        self,
        entities: numpy.ndarray,
        scores: list[float],
        methods: list[Method],
        forms: list[str],
        ends: list[int],
        make: Callable[[int], Hit],
    ) -> None:
        self.entities = entities  # sorted entity numbers
        self.listed: list[int] = entities.tolist()
        self.scores = scores
        self.methods = methods
        self.forms = forms
        self.ends = ends  # where the name ends in the text word (the hit's `end`)
        self._make = make

    @classmethod
    def of_hits(cls, hits: list[Hit]) -> Singles:
        """The columns of hits given as such, one per entity, in entity order."""
        return cls(
            numpy.asarray([h.posting.entity for h in hits], dtype=numpy.int64),
            [h.score for h in hits],
            [h.method for h in hits],
            [h.form for h in hits],
            [h.end for h in hits],
            hits.__getitem__,
        )

    def __len__(self) -> int:
        return len(self.entities)

    def hit(self, n: int) -> Hit:
        """The hit of the n-th entity."""
        return self._make(n)

    def positions(self, entities: Sequence[int] | numpy.ndarray) -> list[int]:
        """Where those of `entities` (sorted: a list, or an array of many) that are here stand in the
        columns, in their order."""
        listed = self.listed
        if len(entities) <= _ONE_BY_ONE_MEMBERS:
            if isinstance(entities, numpy.ndarray):
                entities = entities.tolist()
            found = (bisect_left(listed, entity) for entity in entities)
            return [n for n, entity in zip(found, entities, strict=True) if n < len(listed) and listed[n] == entity]
        wanted = numpy.asarray(entities, dtype=numpy.int64)
        at = self.entities.searchsorted(wanted)
        inside = at < len(listed)
        at, wanted = at[inside], wanted[inside]
        return at[self.entities[at] == wanted].tolist()


class WordHits:
    """Every posting one text word may realise; unpacked per entity on demand and memoised."""

    __slots__ = (
        *("_aliases", "_all", "_by_entity", "_entities", "_explicit", "_givens", "_groups", "_leads"),
        *("_singles", "_source"),
    )

    def __init__(self, source: FormSource | None, groups: list[Group], hits: tuple[Hit, ...] | None = None) -> None:
        self._source = source
        self._groups = [g for g in groups if len(g.packed)]
        self._all = hits
        # Hits given as such (a filtered selection) are read one by one; hits of packed postings are
        # read from the packed arrays even once `all` has unpacked them (one entity's by a binary
        # search, not by a pass over a common name's thousands).
        self._explicit = hits is not None
        self._by_entity: dict[int, tuple[Hit, ...]] = {}
        self._entities: frozenset[int] | None = None
        self._leads: tuple[Sequence[int], numpy.ndarray] | None = None
        self._aliases: list[Hit] | None = None
        self._singles: Singles | None = None
        self._givens: frozenset[int] | None = None

    @classmethod
    def of_hits(cls, hits: tuple[Hit, ...]) -> WordHits:
        """A WordHits over explicit hits (a filtered selection)."""
        return cls(None, [], hits)

    def __bool__(self) -> bool:
        return bool(self._all) if self._all is not None else bool(self._groups)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.all())

    def all(self) -> tuple[Hit, ...]:
        """Every hit (all entities): for the few words whose postings are all needed."""
        if self._all is None:
            self._all = self._unpack([(g, g.packed) for g in self._groups])
        return self._all

    def entities(self) -> frozenset[int]:
        if self._entities is None:
            if self._explicit:
                self._entities = frozenset(h.posting.entity for h in self.all())
            else:
                self._entities = _entities_of(self._groups)
        return self._entities

    def postings(self) -> int:
        """How many postings the word has (hits, for hits given as such)."""
        return len(self._all) if self._explicit and self._all is not None else sum(len(g.packed) for g in self._groups)

    def entity_arrays(self) -> list[numpy.ndarray]:
        """The entities of `entities()` as sorted arrays, with repeats, one per distinct group: a common
        name's thousands of holders at a million persons, with no set made of them, nor one array
        sorted from several (`meet`)."""
        if self._explicit:
            return [numpy.asarray(sorted(self.entities()), dtype=numpy.int64)]
        return self._holders()

    def leads(self) -> tuple[Sequence[int], numpy.ndarray]:
        """(entities whose name part starts here, of which those whose surname starts here).

        Both may hold repeats. A common given name leads thousands of names at a million persons, and
        what is asked of it is which of them go on in the next word (`members`), which numpy answers
        without making a set of them all; a common surname starts thousands, kept as an array too (as
        a set memoised with the word, 42 bytes an entity, they were most of the per-word memo there)."""
        if self._leads is None:
            if self._explicit:
                first = [h.posting for h in self.all() if h.posting.pos == 0 and h.posting.role != Role.ALIAS]
                self._leads = (
                    tuple(p.entity for p in first),
                    numpy.asarray([p.entity for p in first if p.role == Role.SURNAME], dtype=numpy.int64),
                )
            elif native.packed_module is not None:  # (the same, in one pass: `_packed.pyx`)
                self._leads = native.packed_module.leads([g.packed for g in self._groups])
            else:
                values = _values(self._groups)
                role = (values >> 36) & 7
                first = ((values >> 30) & 63) == 0
                entity = values >> ENTITY_SHIFT
                self._leads = (entity[first & (role != _ALIAS_CODE)], entity[first & (role == _SURNAME_CODE)])
        return self._leads

    def members(self, entities: Collection[int] | numpy.ndarray) -> frozenset[int]:
        """Those of `entities` with a posting in this word (`entities()` & them), found by binary
        searches in the packed groups rather than by making the set of every holder of the word."""
        if self._explicit or len(entities) <= _ONE_BY_ONE_MEMBERS:
            few = entities.tolist() if isinstance(entities, numpy.ndarray) else entities  # (plain ints out)
            if self._explicit or self._entities is not None:
                return self.entities().intersection(few)
            return frozenset(e for e in few if any(_holds(g.packed, e) for g in self._groups))
        if not isinstance(entities, numpy.ndarray):
            entities = numpy.fromiter(entities, dtype=numpy.int64, count=len(entities))
        if native.packed_module is not None:
            return frozenset(native.packed_module.members_of_many(_distinct(self._groups), _int64(entities)).tolist())
        if len(entities) >= _MEMBERS_BY_FLAGS:
            return self._members_by_flags(entities.astype(numpy.int64, copy=False))
        wanted = sorted_unique(entities.astype(numpy.int64, copy=False))
        return frozenset(wanted[self.members_mask(wanted)].tolist())

    def _members_by_flags(self, entities: numpy.ndarray) -> frozenset[int]:
        """`members` of many entities (a common given name's leads, with repeats, tens of thousands at a
        million persons): a flag set for each in an array by entity number, read at this word's
        postings, with neither side sorted."""
        return frozenset(self._flagged(entities).tolist())

    def members_array(self, entities: numpy.ndarray) -> numpy.ndarray:
        """`members` as a sorted array of entity numbers, each once (of many entities, no set made)."""
        if native.packed_module is not None and not self._explicit:
            return native.packed_module.members_of_many(_distinct(self._groups), _int64(entities))  # (`_packed.pyx`)
        if self._explicit or len(entities) < _MEMBERS_BY_FLAGS:
            return numpy.asarray(sorted(self.members(entities)), dtype=numpy.int64)
        return sorted_unique(self._flagged(entities.astype(numpy.int64, copy=False)))

    def _flagged(self, entities: numpy.ndarray) -> numpy.ndarray:
        """The entity numbers of this word's postings that are among `entities`, with repeats."""
        holders = self._holders()
        if not holders or not len(entities):
            return numpy.zeros(0, dtype=numpy.int64)
        return numpy.concatenate([h[held] for h, held in zip(holders, _flagged_at([entities], holders), strict=True)])

    def _holders(self) -> list[numpy.ndarray]:
        """The entity numbers of the word's postings, an array per distinct group (one key's postings
        reached several ways are one array), in entity order."""
        return [numpy.frombuffer(p, dtype=numpy.int64) >> ENTITY_SHIFT for p in _distinct(self._groups)]

    def members_mask(self, wanted: numpy.ndarray) -> numpy.ndarray:
        """Which of `wanted` (entity numbers, sorted, each once) have a posting in this word, as a
        boolean array (`members` without sets, for a common name's thousands of holders)."""
        if self._explicit or self._entities is not None:
            mine = self.entities()
            return numpy.fromiter((e in mine for e in wanted.tolist()), dtype=bool, count=len(wanted))
        if native.packed_module is not None:  # (one walk per group: `_packed.pyx`)
            return native.packed_module.held_mask(_distinct(self._groups), _int64(wanted))
        held = numpy.zeros(len(wanted), dtype=bool)
        if not len(wanted) or not self._groups:
            return held
        if len(wanted) >= _MEMBERS_BY_FLAGS:
            # (many: this word's holders flagged in an array by entity number, read at each of them)
            return _flagged_at(self._holders(), [wanted])[0]
        low = wanted << ENTITY_SHIFT
        for packed in _distinct(self._groups):
            values = numpy.frombuffer(packed, dtype=numpy.int64)
            # Binary searches of the shorter side in the longer, keys in order (numpy then narrows
            # each search from the one before).
            if len(values) < len(wanted):
                holders = values >> ENTITY_SHIFT
                at = wanted.searchsorted(holders)
                inside = at < len(wanted)
                at, holders = at[inside], holders[inside]
                held[at[wanted[at] == holders]] = True
            else:
                at = numpy.minimum(values.searchsorted(low), len(values) - 1)
                held |= (values[at] >> ENTITY_SHIFT) == wanted
        return held

    def role_entities(self, role: Role, unless: Method | None = None) -> frozenset[int]:
        """Entities with a posting of this role (any position); `unless`: not reached by that method.

        (A posting reached two ways keeps its first group's hit, and fuzzy groups come last: leaving
        out the FUZZY groups leaves out exactly the hits `of` gives as fuzzy.)"""
        if self._explicit:
            return frozenset(h.posting.entity for h in self.all() if h.posting.role == role and h.method != unless)
        values = _values([g for g in self._groups if g.method != unless] if unless is not None else self._groups)
        return frozenset((values[role_mask_of(values, role)] >> ENTITY_SHIFT).tolist())

    def role_members(self, role: Role, entities: Collection[int], unless: Method | None = None) -> frozenset[int]:
        """Those of `entities` in `role_entities(role, unless)`, found without making that set (a
        common father's name is thousands of people's patronymic at a million persons)."""
        if self._explicit or len(entities) <= _ONE_BY_ONE_MEMBERS:
            return frozenset(
                e for e in entities if any(h.posting.role == role and h.method != unless for h in self.of(e))
            )
        wanted = sorted_unique(numpy.fromiter(entities, dtype=numpy.int64, count=len(entities)))
        return frozenset(wanted[self.role_mask(role, wanted, unless)].tolist())

    def role_mask(self, role: Role, wanted: numpy.ndarray, unless: Method | None = None) -> numpy.ndarray:
        """Which of `wanted` (entity numbers, sorted, each once) are in `role_entities(role, unless)`,
        as a boolean array (`role_members` without sets)."""
        if self._explicit:
            mine = self.role_entities(role, unless)
            return numpy.fromiter((e in mine for e in wanted.tolist()), dtype=bool, count=len(wanted))
        if native.packed_module is not None:  # (one walk per group: `_packed.pyx`)
            chosen = [g.packed for g in self._groups if g.method != unless]
            return native.packed_module.held_mask(chosen, _int64(wanted), _ROLE_CODES[role])
        held = numpy.zeros(len(wanted), dtype=bool)
        for group in self._groups:
            if group.method == unless:
                continue
            values = numpy.frombuffer(group.packed, dtype=numpy.int64)
            # postings of the role before each position, so that a run's count is a difference
            before = numpy.concatenate(([0], numpy.cumsum(role_mask_of(values, role))))
            starts, ends = _entity_runs(values, wanted)
            held |= before[ends] > before[starts]
        return held

    def of(self, entity: int) -> tuple[Hit, ...]:
        """The hits of one entity (a binary search in each group)."""
        if not self._groups and not self._explicit:
            return ()  # (not memoised: one WordHits serves every word without hits, `NameIndex.word_hits`)
        found = self._by_entity.get(entity)
        if found is None:
            if self._explicit:
                found = tuple(h for h in self.all() if h.posting.entity == entity)
            else:
                # Postings are stored entity by entity and entity ids grow, so each entity's postings are
                # one contiguous run that a binary search on the entity's lowest value finds.
                low, high = entity << ENTITY_SHIFT, (entity + 1) << ENTITY_SHIFT
                runs = [(g, g.packed[bisect_left(g.packed, low) : bisect_left(g.packed, high)]) for g in self._groups]
                found = self._unpack([(g, run) for g, run in runs if run])
            self._by_entity[entity] = found
        return found

    def hit_keys(self, wanted: numpy.ndarray) -> list[Hashable]:
        """Per entity of `wanted` (sorted, each once), what `of(entity)` gives but for each posting's
        entity and form number: a key equal for two entities whose hits here are alike. Read from the
        packed values, with no hit made (a common full name is a hundred namesakes' at a million
        persons, whose parses are shared by such keys: `match.shapes.signatures`).

        A hit's role, position, length and form, its group and whether it is a romanisation are
        encoded (the group standing for its score, method, end and weakness): finer than the hits'
        fields, so that entities with one key always have hits alike. For a few entities (most
        calls: two), each one's hits themselves are the key (`of`, which the parse reads next)."""
        if self._explicit or len(self._groups) >= 1 << 16 or len(wanted) <= _KEYS_BY_HITS:
            return [tuple((h.posting[1:4], h[1:]) for h in self.of(e)) for e in wanted.tolist()]
        assert self._source is not None
        if native.packed_module is not None:  # (the same, in one walk per group: `_packed.pyx`)
            marks = [g.written if g.method == Method.EXACT else None for g in self._groups]
            keys: list[Hashable] | None = native.packed_module.hit_keys(
                [g.packed for g in self._groups], marks, _int64(wanted), self._source.written.values
            )
            if keys is not None:
                return keys  # (None: an alias phrase's posting is among them, numbered by its text below)
        values_in, groups_in, owners_in = [], [], []
        for n, group in enumerate(self._groups):
            values = numpy.frombuffer(group.packed, dtype=numpy.int64)
            starts, ends = _entity_runs(values, wanted)
            lengths = ends - starts
            if lengths.any():
                values_in.append(values[run_positions(starts, lengths)])
                groups_in.append(numpy.full(int(lengths.sum()), n, dtype=numpy.int64))
                owners_in.append(numpy.repeat(numpy.arange(len(wanted), dtype=numpy.int64), lengths))
        if not values_in:
            return [b""] * len(wanted)
        # Each entity's postings in the order `of` reads them (group by group), a posting reached twice
        # counting once, by its first group's hit (`_unpack`).
        owners = numpy.concatenate(owners_in)
        order = numpy.argsort(owners, kind="stable")
        values, groups, owners = numpy.concatenate(values_in)[order], numpy.concatenate(groups_in)[order], owners[order]
        first = _first_of_each(values)
        values, groups, owners = values[first], groups[first], owners[first]
        alias = alias_mask(values)
        alias_forms = self._source.alias_forms
        translit = self._romanised(values, groups).astype(numpy.int64)
        # A name word's form is its number (the index keeps each form once); an alias phrase's is
        # numbered here by its text, past every form number (phrases are listed per alias, repeats and all).
        form_ids = values & MAX_REF
        if alias.any():
            numbers: dict[str, int] = {}
            phrases = [numbers.setdefault(alias_forms[ref], len(numbers)) for ref in form_ids[alias].tolist()]
            form_ids[alias] = numpy.asarray(phrases, dtype=numpy.int64) + MAX_REF + 1
        # role (3 bits), position (6) and length (6) as packed, then group (16), romanised (1), form
        codes = ((values >> 24) & 0x7FFF) | (groups << 15) | (translit << 31) | (form_ids << 32)
        bounds = numpy.concatenate(([0], numpy.cumsum(numpy.bincount(owners, minlength=len(wanted))))).tolist()
        data = codes.tobytes()
        return [data[8 * a : 8 * b] for a, b in pairwise(bounds)]

    def single_surnames(self) -> dict[int, Hit]:
        """Per entity, its first firm hit as a one-word surname (every hit of `singles` made)."""
        singles = self.singles()
        return {entity: singles.hit(n) for n, entity in enumerate(singles.entities)}

    def singles(self) -> Singles:
        """Per entity, its first firm hit as a one-word surname, as columns: what a bare surname needs,
        found for all of a common surname's holders in one pass."""
        if self._singles is None:
            self._singles = self._single_surnames()
        return self._singles

    def _single_surnames(self) -> Singles:
        if self._explicit:
            first: dict[int, Hit] = {}
            for hit in self.all():
                if _is_single_surname(hit.posting) and not hit.weak:
                    first.setdefault(hit.posting.entity, hit)
            return Singles.of_hits([first[entity] for entity in sorted(first)])
        # Each entity's first such posting (firm groups in order) is found in numpy, and its score,
        # method and form are read from the packed values: a common surname's holders are thousands at
        # a million persons, and a hit made for each cost more than the rest of a lookup.
        picked: list[numpy.ndarray] = []
        numbers: list[numpy.ndarray] = []
        for n, group in enumerate(self._groups):
            if group.weak:
                continue
            values = numpy.frombuffer(group.packed, dtype=numpy.int64)
            # role S at position 0 of a one-word part (pos and length are the 12 bits above ref)
            chosen = values[(((values >> 36) & 7) == _SURNAME_CODE) & (((values >> 24) & 0xFFF) == 1)]
            if len(chosen):
                picked.append(chosen)
                numbers.append(numpy.full(len(chosen), n, dtype=numpy.int64))
        if not picked:
            return Singles(numpy.zeros(0, dtype=numpy.int64), [], [], [], [], _no_hit)
        values = numpy.concatenate(picked)
        entities, first_at = numpy.unique(values >> ENTITY_SHIFT, return_index=True)  # (first occurrences)
        values, group_of = values[first_at], numpy.concatenate(numbers)[first_at]
        if len(values) <= _FEW_SINGLES:
            # (a few holders, as at the default scale: their hits made as such cost less than the columns)
            chosen = [(g, values[group_of == n].tolist()) for n, g in enumerate(self._groups)]
            return Singles.of_hits(
                sorted(self._unpack([(g, v) for g, v in chosen if v], distinct=True), key=_ENTITY_OF_HIT)
            )
        assert self._source is not None
        forms = self._source.forms
        scores = numpy.empty(len(values))
        methods = numpy.empty(len(values), dtype=numpy.int64)
        ends = numpy.empty(len(values), dtype=numpy.int64)
        for n in numpy.unique(group_of).tolist():
            group, mine = self._groups[n], group_of == n
            scores[mine], methods[mine], ends[mine] = group.score, _METHOD_CODES[group.method], group.end
        translit = self._romanised(values, group_of)
        scores[translit], methods[translit] = _TRANSLIT_SCORE, _METHOD_CODES[Method.TRANSLIT]
        groups = self._groups
        # (memoised with the word: the few distinct scores shared, not a float object per holder; the
        # packed values kept as the array, not a list of ints, for the one hit ever made of them)
        distinct, which = numpy.unique(scores, return_inverse=True)
        return Singles(
            entities,
            list(map(distinct.tolist().__getitem__, which.tolist())),
            list(map(_METHODS.__getitem__, methods.tolist())),
            list(map(forms.__getitem__, (values & 0xFFFFFF).tolist())),
            ends.tolist(),
            lambda n: self._unpack([(groups[int(group_of[n])], [int(values[n])])], distinct=True)[0],
        )

    def lone_given_names(self) -> frozenset[int]:
        """Entities whose given name is this word alone (a one-word given name, first part, firm hit):
        who a given name after a kinship word may be. Memoised, since it is asked of every word."""
        if self._givens is None:
            if self._explicit or sum(len(g.packed) for g in self._groups) <= _FEW_SINGLES:
                # (a few postings, as at the default scale: their hits made as such cost less than numpy)
                self._givens = frozenset(
                    h.posting.entity
                    for h in self.all()
                    if h.posting.role == Role.GIVEN and h.posting.pos == 0 and h.posting.length == 1 and not h.weak
                )
            else:
                self._givens = self._lone_given_names()
        return self._givens

    def _lone_given_names(self) -> frozenset[int]:
        """`lone_given_names` from the packed postings (a common given name's are thousands), as `all`
        would give them: a posting reached twice counts by its first group's hit."""
        if not self._groups:
            return frozenset()
        values = _values(self._groups)
        weak = numpy.repeat([g.weak for g in self._groups], [len(g.packed) for g in self._groups])
        roles = (values >> 36) & 7
        # role G at position 0 of a one-word part (pos and length are the 12 bits above ref)
        chosen = _first_of_each(values) & ~weak & (roles == _GIVEN_CODE) & (((values >> 24) & 0xFFF) == 1)
        return frozenset((values[chosen] >> ENTITY_SHIFT).tolist())

    def part(self, alias_anchors: Sequence[int]) -> int:
        """How this word can take part in a mention: the bits ALIAS_PART, PERSON_PART, ANCHOR, TAILED,
        FUZZY_ANCHOR.

        Every mention holds an ANCHOR word, or two PERSON_PART words close together (Vladimir
        Vladimirovich; Sergio Gore, where Gore is a weak match of Gor), or two TAILED words (an alias
        phrase and its lowercase end), or is a repeat or a relative of a person named so. An alias phrase
        is only found whole, so it holds its anchor word (`alias_anchors`: a non-weak match, as a weak one is
        refused in an alias; a FUZZY_ANCHOR if within an edit only, as the phrase then needs a firm
        ALIAS_PART too), and a bare surname needs a firm match that is not fuzzy: resolution links
        a surname found by edit distance only beside another part of the name, or as a repeat of the
        person named in full, whom the component then reads in its second pass ("Becker" is read
        only there, not in every German text as a misspelt Бейкер). Matches by consonants only (Arabic
        script) count as firm here, as two of them may make a name."""
        part = NO_PART
        for group in self._groups:
            part |= (_part_of_few if len(group.packed) <= FEW_POSTINGS else _part_of_many)(group, alias_anchors)
        return part

    def aliases(self) -> list[Hit]:
        """Hits of alias phrases (country names and the like), which are few."""
        if self._aliases is None:
            if self._explicit:
                self._aliases = [h for h in self.all() if h.posting.role == Role.ALIAS]
            elif native.packed_module is not None:  # (one pass per group: `_packed.pyx`)
                picked = native.packed_module.of_role([g.packed for g in self._groups], _ALIAS_CODE)
                self._aliases = list(self._unpack([(g, v) for g, v in zip(self._groups, picked, strict=True) if v]))
            else:
                self._aliases = list(self._selected(lambda v: ((v >> 36) & 7) == _ALIAS_CODE, firm=False))
        return self._aliases

    def _selected(self, mask: Callable[[numpy.ndarray], numpy.ndarray], firm: bool) -> tuple[Hit, ...]:
        """The hits of the packed postings a vectorised test selects (in firm groups only if asked)."""
        chosen: list[tuple[Group, Sequence[int]]] = []
        for g in self._groups:
            if firm and g.weak:
                continue
            values = numpy.frombuffer(g.packed, dtype=numpy.int64)
            picked = values[mask(values)]
            if len(picked):
                chosen.append((g, picked.tolist()))
        return self._unpack(chosen)

    def _romanised(self, values: numpy.ndarray, group_of: numpy.ndarray) -> numpy.ndarray:
        """Which of these packed postings (each reached by the group numbered beside it) make a
        TRANSLIT hit: an exact group's, when the entity does not write the form as such (`_unpack`)."""
        assert self._source is not None
        translit = numpy.zeros(len(values), dtype=bool)
        for n in numpy.unique(group_of).tolist():
            group = self._groups[n]
            if group.method == Method.EXACT:
                mine = group_of == n
                translit[mine] = ~self._source.written.contains(group.written | (values[mine] >> ENTITY_SHIFT))
        return translit

    def _unpack(self, selected: list[tuple[Group, Sequence[int]]], distinct: bool = False) -> tuple[Hit, ...]:
        """Hits from packed values, earlier groups first; a posting reached twice keeps its first hit
        (`distinct`: the caller chose one posting per entity, so none is reached twice)."""
        assert self._source is not None
        written, forms, alias_forms = self._source
        hits: list[Hit] = []
        seen: set[int] = set()
        for group, values in selected:
            # Does the entity write the form as such? Asked of all the group's postings in one search
            # (of a few, one by one: numpy's cost per call is more than a few binary searches').
            as_written: list[bool] | None = None
            if group.method == Method.EXACT:
                if len(values) <= _ONE_BY_ONE:
                    as_written = [(group.written | (value >> ENTITY_SHIFT)) in written for value in values]
                else:
                    marks = group.written | (numpy.asarray(values, dtype=numpy.int64) >> ENTITY_SHIFT)
                    as_written = written.contains(marks).tolist()
            end, weak = group.end, group.weak
            for n, value in enumerate(values):
                if not distinct:
                    key = packed_mark(value)
                    if key in seen:
                        continue
                    seen.add(key)
                posting = unpack(value)
                # An exact group's hit becomes translit when the entity does not write the form as such.
                if as_written is not None and not as_written[n]:
                    method, score = Method.TRANSLIT, _TRANSLIT_SCORE
                else:
                    method, score = group.method, group.score
                form = alias_forms[posting.ref] if posting.role == Role.ALIAS else forms[posting.ref]
                hits.append(_new(Hit, (posting, score, method, form, end, weak)))  # (as in `unpack`)
        return tuple(hits)


_TRANSLIT_SCORE = METHOD_SCORE[Method.TRANSLIT]
_FEW_SINGLES = 16  # holders of a word's one-word surnames up to which `singles` makes their hits
_ENTITY_OF_HIT = attrgetter("posting.entity")
_METHODS = tuple(Method)
_METHOD_CODES = {method: n for n, method in enumerate(_METHODS)}


def _no_hit(n: int) -> Hit:
    raise IndexError(n)


_ONE_BY_ONE = 4  # postings of a group asked "written as such?" one at a time rather than as an array


_ONE_BY_ONE_MEMBERS = 8  # entities asked `members` one binary search at a time rather than as an array
# Entities up to which `hit_keys` reads each one's hits (`of`, a binary search per group, memoised for
# the parse that follows) rather than the packed arrays: numpy's cost per call made the arrays take
# ~90 us for the two entities of a typical call at a million persons.
_KEYS_BY_HITS = 8
_MEMBERS_BY_FLAGS = 1024  # entities from which `members` flags them in an array by entity number


def _int64(values: numpy.ndarray) -> numpy.ndarray:
    """Entity numbers as the compiled reads take them: contiguous int64 (as they mostly come)."""
    return numpy.ascontiguousarray(values, dtype=numpy.int64)


def _distinct(groups: list[Group]) -> list[array[int]]:
    """The groups' packed postings, each array once (one key's postings reached several ways are one
    array)."""
    return list({id(g.packed): g.packed for g in groups}.values())


def meet(first: numpy.ndarray, second: numpy.ndarray) -> bool:
    """Do two sorted arrays (of entity numbers) hold a value in common? The shorter one's values are
    searched in the longer (binary searches in C, no set made)."""
    if len(first) > len(second):
        first, second = second, first
    if not len(first):
        return False
    at = second.searchsorted(first)
    inside = at < len(second)
    return bool((second[at[inside]] == first[inside]).any())


def sorted_unique(values: numpy.ndarray) -> numpy.ndarray:
    """The values sorted, each once. Not `numpy.unique`, which hashes: on 40,000 entity numbers given as
    a few sorted runs (a common name's groups) it took 4.2 ms, where a stable sort, which merges the
    runs, and a mask took 0.5 ms."""
    ordered = numpy.sort(values, kind="stable")
    return ordered[numpy.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(ordered) else ordered


def _first_of_each(values: numpy.ndarray) -> numpy.ndarray:
    """Which of these packed postings are the first of each posting (`packed_mark`, vectorised): a
    posting reached twice keeps its first hit, as `_unpack` does."""
    marks = numpy.where(alias_mask(values), values, values & ~0xFFFFFF)
    first = numpy.zeros(len(values), dtype=bool)
    first[numpy.unique(marks, return_index=True)[1]] = True
    return first


def _flagged_at(marked: Sequence[numpy.ndarray], read: Sequence[numpy.ndarray]) -> list[numpy.ndarray]:
    """For each array of `read` (entity numbers), which of its entities are in one of `marked`: flags set
    in an array by entity number and read back, with neither side sorted (for many entities)."""
    flags = numpy.zeros(max(int(a.max()) for a in (*marked, *read) if len(a)) + 1, dtype=bool)
    for entities in marked:
        flags[entities] = True
    return [flags[entities] for entities in read]


def _entity_runs(values: numpy.ndarray, entities: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Where each entity's postings start and end in a group's packed values (in entity order)."""
    low = entities << ENTITY_SHIFT
    # (one search of both bounds: numpy's cost per call is more than a short search's)
    found = values.searchsorted(numpy.concatenate((low, low + (1 << ENTITY_SHIFT))))
    return found[: len(low)], found[len(low) :]


def _holds(packed: array[int], entity: int) -> bool:
    """Does a group's packed postings (in entity order) hold one of the entity's?"""
    at = bisect_left(packed, entity << ENTITY_SHIFT)
    return at < len(packed) and packed[at] >> ENTITY_SHIFT == entity


def _is_single_surname(posting: Posting) -> bool:
    return posting.role == Role.SURNAME and posting.pos == 0 and posting.length == 1


def _entities_of(groups: list[Group]) -> frozenset[int]:
    """The entities of these groups' postings: read value by value when they are few (most words of a
    text: numpy's fixed cost per array was most of the time), as one array otherwise."""
    if sum(len(group.packed) for group in groups) <= FEW_POSTINGS:
        return frozenset(value >> ENTITY_SHIFT for group in groups for value in group.packed)
    return frozenset((_values(groups) >> ENTITY_SHIFT).tolist())


def firm_match(weak: bool, method: Method) -> bool:
    """Can a match make a name or a phrase with no firm word beside it: not weak, or by consonants
    (Arabic script, two of which may make a name together)?"""
    return not weak or method == Method.CONSONANTS


def fuzzy_anchored(hits: WordHits, alias_anchors: Sequence[int]) -> set[int]:
    """The alias phrases (by ref) whose anchor word this word is within an edit only: its FUZZY_ANCHOR
    bit (`WordHits.part`), phrase by phrase."""
    return {
        h.posting.ref
        for h in hits.aliases()
        if h.method == Method.FUZZY and not h.weak and h.posting.pos == alias_anchors[h.posting.ref]
    }


def firmly_in(hits: WordHits, alias_anchors: Sequence[int]) -> set[int]:
    """The alias phrases (by ref) this word is a word of besides the anchor, matched neither weakly nor
    by edit distance: its ALIAS_PART bit (`WordHits.part`), phrase by phrase. A phrase whose anchor
    word is within an edit only is found with such a word of its own (`shapes.parse_alias`)."""
    found = set()
    for h in hits.aliases():
        ref = h.posting.ref
        if firm_match(h.weak, h.method) and h.method != Method.FUZZY and 0 <= alias_anchors[ref] != h.posting.pos:
            found.add(ref)
    return found


def _values(groups: list[Group]) -> numpy.ndarray:
    arrays = [numpy.frombuffer(g.packed, dtype=numpy.int64) for g in groups]
    if not arrays:
        return numpy.zeros(0, dtype=numpy.int64)
    return arrays[0] if len(arrays) == 1 else numpy.concatenate(arrays)


# Up to this many postings, a word's postings are read value by value, more as an array: numpy's fixed
# cost per array was most of what a new word of a text cost in `WordHits.part`, `WordHits.entities`
# and the exonym filter (`query._Readable`), where a word has one to a few postings.
FEW_POSTINGS = 32


def _part_of_many(group: Group, alias_anchors: Sequence[int]) -> int:
    """`WordHits.part` of one group, its postings read as an array (a common name's many holders)."""
    part = NO_PART
    values = numpy.frombuffer(group.packed, dtype=numpy.int64)
    roles = (values >> 36) & 7
    firm = firm_match(group.weak, group.method)
    alias = roles == _ALIAS_CODE
    if not alias.all():
        bare = firm and group.method != Method.FUZZY  # (can make a bare surname)
        part |= ANCHOR if bare and (roles == _SURNAME_CODE).any() else PERSON_PART
    if alias.any():
        if not firm:
            return part  # (`parse_alias` refuses a weak word in an alias phrase)
        picked = values[alias]
        refs = (picked & 0xFFFFFF).tolist()
        anchors = numpy.fromiter((alias_anchors[r] for r in refs), numpy.int64, len(refs))
        positions = (picked >> 30) & 63
        if (positions == anchors).any():
            part |= FUZZY_ANCHOR if group.method == Method.FUZZY else ANCHOR
        part |= TAILED if (anchors < 0).any() else NO_PART
        if group.method != Method.FUZZY:
            part |= ALIAS_PART if ((positions != anchors) & (anchors >= 0)).any() else NO_PART
    return part


def _part_of_few(group: Group, alias_anchors: Sequence[int]) -> int:
    """`WordHits.part` of one group of few postings: the same tests, one posting at a time."""
    firm = firm_match(group.weak, group.method)
    fuzzy = group.method == Method.FUZZY
    names = surname = aliases = anchor = tailed = other_word = False
    for value in group.packed:
        role = (value >> 36) & 7
        if role != _ALIAS_CODE:
            names = True
            surname = surname or role == _SURNAME_CODE
            continue
        aliases = True
        if firm:
            at = alias_anchors[value & 0xFFFFFF]
            position = (value >> 30) & 63
            anchor = anchor or position == at
            tailed = tailed or at < 0
            other_word = other_word or (at >= 0 and position != at)
    part = NO_PART
    if names:
        part |= ANCHOR if firm and not fuzzy and surname else PERSON_PART
    if aliases:
        if not firm:
            return part  # (`parse_alias` refuses a weak word in an alias phrase)
        if anchor:
            part |= FUZZY_ANCHOR if fuzzy else ANCHOR
        part |= (TAILED if tailed else NO_PART) | (ALIAS_PART if other_word and not fuzzy else NO_PART)
    return part
