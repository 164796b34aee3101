"""Candidate mentions before resolution: the span, its shape, and the entities it may denote.

`PersonParse` is one entity's name shape found at a word, `Parse` any parse (person or alias) with
its score, `BareSurnames` many entities' parses as a bare surname at once, `Option` one entity a span
may denote (`Options` a candidate's, `Holders` a common surname's as columns), `Found` the span with
all its options.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, pairwise, repeat
from operator import itemgetter, lt, ne, neg
from typing import NamedTuple, TypeVar, overload

import numpy

from c5names.index.intset import IntSet
from c5names.index.postings import Hit
from c5names.model import Method, Pattern, Role


class Option(NamedTuple):
    """One entity a found span may denote, with how it matched."""

    entity: int
    score: float
    method: Method
    form: str


T = TypeVar("T")

entity_of = itemgetter(0)  # an Option's entity


class Options(list[Option]):
    """A candidate's options, best first, with what resolution derives from them alone memoised.

    The chunk cache gives one Options to every document that repeats the chunk, and a common
    surname's options are hundreds of holders: which of them are persons, or which the date and a
    title leave, is then worked out once per corpus, not once per mention. Never changed in place."""

    __slots__ = ("memo",)

    def __init__(self, options: Iterable[Option] = ()) -> None:
        super().__init__(options)
        self.memo: dict[Hashable, object] = {}


class Holders(Sequence[Option]):
    """A common surname's options as columns, best first: the sequence an `Options` is, with an
    `Option` made only for those read one by one (the best few, the one chosen) or when all are
    iterated. At a million persons a bare surname has thousands of holders, and a tuple made for
    each cost more than everything else a mention costs; the rules that read all of a candidate's
    options (which are persons, office holders, in office on the date) read these columns. Never
    changed in place; what is derived from it is memoised (`derived`), as for an Options."""

    __slots__ = ("_array", "_made", "entities", "forms", "memo", "methods", "scores")

    def __init__(self, entities: list[int], scores: list[float], methods: list[Method], forms: list[str]) -> None:
        self.entities = entities
        self.scores = scores
        self.methods = methods
        self.forms = forms
        self.memo: dict[Hashable, object] = {}
        self._array: numpy.ndarray | None = None
        self._made: list[Option] | None = None

    def __len__(self) -> int:
        return len(self.entities)

    @overload
    def __getitem__(self, k: int) -> Option: ...

    @overload
    def __getitem__(self, k: slice) -> list[Option]: ...

    def __getitem__(self, k: int | slice) -> Option | list[Option]:
        if self._made is not None:
            return self._made[k]
        if isinstance(k, slice):
            return [self._option(n) for n in range(*k.indices(len(self.entities)))]
        return self._option(range(len(self.entities))[k])  # (negative positions, IndexError)

    def __iter__(self) -> Iterator[Option]:
        return iter(self.made())

    def __repr__(self) -> str:
        return f"Holders({len(self)} options)"

    def _option(self, n: int) -> Option:
        return _new(Option, (self.entities[n], self.scores[n], self.methods[n], self.forms[n]))

    def one_by_one(self) -> Iterator[Option]:
        """The options in order, each made as it is read (for a search that may stop early)."""
        if self._made is not None:
            return iter(self._made)
        return map(self._option, range(len(self.entities)))

    def made(self) -> list[Option]:
        """Every option as an Option (made once, when first iterated)."""
        if self._made is None:
            columns = zip(self.entities, self.scores, self.methods, self.forms, strict=True)
            self._made = list(map(_new, repeat(Option), columns))
        return self._made

    def array(self) -> numpy.ndarray:
        """The entities as an array, in the options' order."""
        if self._array is None:
            self._array = numpy.asarray(self.entities, dtype=numpy.int64)
        return self._array

    def firm(self) -> numpy.ndarray:
        """Which options were found by more than fuzzy matching, as a boolean array (made once: the
        rules ask it of a common surname's thousands of holders twice, for its persons and its firm
        count: `derived`; read-only, as it is shared)."""
        return derived(self, "firm flags", self._firm)  # (resolve memoises its count as "firm")

    def _firm(self) -> numpy.ndarray:
        found = numpy.fromiter(map(ne, self.methods, repeat(Method.FUZZY)), dtype=bool, count=len(self.methods))
        found.flags.writeable = False
        return found

    def select(self, keep: numpy.ndarray) -> Holders:
        """The options where `keep` (a boolean array) is true, in their order: these very options when
        it keeps them all (at a million persons a common surname's thousands of holders are all persons
        found firmly, and a copy of each column cost a twentieth of a cold pass)."""
        if keep.all():
            return self
        wanted = keep.tolist()
        chosen = Holders(
            list(compress(self.entities, wanted)),
            list(compress(self.scores, wanted)),
            list(compress(self.methods, wanted)),
            list(compress(self.forms, wanted)),
        )
        chosen._array = self.array()[keep]
        return chosen

    @classmethod
    def ranked(cls, entities: list[int], scores: list[float], methods: list[Method], forms: list[str]) -> Holders:
        """Options in the order of their scores, best first; ties keep their order (as a stable sort).
        The columns are kept, not copied, when they are in that order already (a surname's holders
        mostly share one score)."""
        if len(scores) < COLUMNS_FROM:
            # (a few options, as at the default scale: ranked in Python, and made at once, as they are read)
            ordered = all(a >= b for a, b in pairwise(scores))
            order = [] if ordered else sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
        else:
            values = numpy.asarray(scores)
            ordered = not (values[:-1] < values[1:]).any()
            order = [] if ordered else numpy.argsort(-values, kind="stable").tolist()
        if ordered:
            holders = cls(entities, scores, methods, forms)
        else:
            holders = cls(_take(entities, order), _take(scores, order), _take(methods, order), _take(forms, order))
        if len(holders) < COLUMNS_FROM:
            holders.made()
        return holders


def _take(column: list[T], order: list[int]) -> list[T]:
    return list(map(column.__getitem__, order))


_new = tuple.__new__
# Holders from which the rules read the columns; fewer (as at the default scale) are ranked in Python,
# made into Options at once and read as a list, which costs less than numpy's calls.
COLUMNS_FROM = 32


def columns(options: Sequence[Option]) -> Holders | None:
    """The options as columns, when they are a common surname's many holders (COLUMNS_FROM or more)."""
    return options if isinstance(options, Holders) and len(options) >= COLUMNS_FROM else None


def contenders(options: Sequence[Option], limit: int, key: Callable[[int], str]) -> Sequence[Option]:
    """The options that may be among the `limit` best entities of a search that ranks them by score,
    then by `key(entity)`, each entity by its best score over this and other spans' options: those
    scoring above the limit-th option, and of those tying with it, the ones whose key comes first.
    Any other has `limit` options ahead of it here already. A common full name's namesakes (hundreds
    at a million persons) and a common surname's holders (thousands, mostly of one score, cut so from
    the columns without an Option made for each) are read no further. Options not best first, or
    naming an entity twice, are returned as they are."""
    if len(options) <= limit:
        return options
    if limit <= 0:
        return []
    bulk = columns(options)
    if bulk is not None:
        entities = bulk.entities
        values = numpy.asarray(bulk.scores)  # best first
        least = bulk.scores[limit - 1]
        above, end = int(numpy.count_nonzero(values > least)), int(numpy.count_nonzero(values >= least))
    else:
        scores = [option.score for option in options]
        entities = [option.entity for option in options]
        if any(map(lt, scores, scores[1:])) or len(set(entities)) < len(entities):
            return options
        least = scores[limit - 1]
        above, end = bisect_left(scores, -least, key=neg), bisect_right(scores, -least, key=neg)
    ties = range(above, end)
    first = heapq.nsmallest(limit - above, zip(map(key, entities[above:end]), ties, strict=True))
    return [*options[:above], *(options[n] for _, n in first)]


def derived(options: Sequence[Option], key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, memoised under `key` when `options` is an Options or Holders (whose memo it then
    shares)."""
    if not isinstance(options, Options | Holders):
        return compute()
    found = options.memo.get(key)
    if found is None:
        found = options.memo[key] = compute()
    return found  # type: ignore[return-value]


def entities_in_order(options: Sequence[Option]) -> Iterable[int]:
    """The entities of the options, in their order (read from the columns of Holders)."""
    return options.entities if isinstance(options, Holders) else map(entity_of, options)


def ranks(options: Sequence[Option]) -> Mapping[int, int]:
    """Where each entity stands in the options (an entity is an option once; memoised per Options):
    a dict, or for a common surname's holders a `SortedRanks`, which asks for a fifth of the room."""
    bulk = columns(options)
    return derived(
        options,
        "ranks",
        lambda: (
            SortedRanks(bulk.array())
            if bulk is not None
            else dict(zip(entities_in_order(options), range(len(options)), strict=True))
        ),
    )


class SortedRanks(Mapping[int, int]):
    """Entity → its position among a common surname's holders, as the entities sorted (an `IntSet`)
    and where each stood. A dict of them cost 61 bytes an option and was the largest thing the chunk
    memo held at a million persons (107 of 440 MB on the scale corpus); this costs 12, and the few
    entities asked of it (those named in full in a document) are found by binary search."""

    __slots__ = ("_at", "_sorted")

    def __init__(self, entities: numpy.ndarray) -> None:
        order = numpy.argsort(entities, kind="stable")
        self._sorted = IntSet.of_sorted(entities[order])  # (an entity is an option once: distinct)
        self._at = order.astype(numpy.int32)

    def __contains__(self, entity: object) -> bool:
        return entity in self._sorted

    def __getitem__(self, entity: int) -> int:
        at = self._sorted.find(entity)
        if at < 0:
            raise KeyError(entity)
        return int(self._at[at])

    def __iter__(self) -> Iterator[int]:
        return iter(self._sorted)

    def __len__(self) -> int:
        return len(self._sorted)


def entities_of(options: Sequence[Option]) -> frozenset[int]:
    """The entities of the options. Not memoised: asked once per candidate, when its chunk is parsed
    (`detect._check_neighbours`), a memoised set was never read again, and a common surname's, kept
    in the chunk memo with its Holders, held thousands of entries each (74 MB of the chunk memo on
    the million-person bench corpus) that every full collection of the cyclic collector walked
    (about half of one's time there)."""
    bulk = columns(options)
    return frozenset(bulk.entities if bulk is not None else map(entity_of, options))


class PersonParse(NamedTuple):
    """A person's name shape found from a word on: where it ends (word index, exclusive), its
    pattern, the hit of each part (None for an initial) and the parts' roles."""

    end: int
    pattern: Pattern
    hits: list[Hit | None]
    roles: tuple[Role, ...]


class Parse(NamedTuple):
    """A parse of a person's name or an alias phrase, summarised: the candidate for one entity."""

    end: int  # word index after the last word
    entity: int
    pattern: Pattern
    score: float
    method: Method
    form: str
    last: Hit | None  # the hit of the last word (where the span ends inside it)
    roles: tuple[Role, ...]


class BareSurnames(NamedTuple):
    """The parses of a word as the one-word surname of many entities at once, as columns (a common
    surname's thousands of holders at a million persons): `Parse`s of the pattern SURNAME that share
    their end word, without a tuple made for each."""

    end: int
    pattern: Pattern  # always SURNAME (read as a Parse's)
    entities: list[int]
    scores: list[float]
    methods: list[Method]
    forms: list[str]
    last: Hit  # the hit that ends furthest in the word, the first such (as the Parses' `last` is read)


@dataclass(slots=True)  # (one is made per candidate in every document read)
class Found:
    """A candidate mention before resolution."""

    start: int
    end: int
    pattern: Pattern
    options: Sequence[Option]  # an Options, or a common surname's Holders
    first: int
    last: int
    keys: tuple[str, ...]
    other_person: bool = False


METHOD_RANK = {
    Method.EXACT: 0,
    Method.TRANSLIT: 1,
    Method.CONSONANTS: 1,
    Method.INFLECTED: 2,
    Method.INITIAL: 2,
    Method.FUZZY: 3,
    Method.COREFERENCE: 4,
}


def full_name_score(hits: Sequence[Hit | None]) -> float:
    """Several words that all match one person are stronger evidence than their mean says: a
    misspelt given name next to that person's surname (Şevket Mirziyoyev) is still that person. The
    score is halfway between the mean and the best word's."""
    firm = [h.score for h in hits if h is not None]
    if not firm:
        return 0.0
    return (sum(firm) / len(firm) + max(firm)) / 2


def summarise(hits: Sequence[Hit | None]) -> tuple[float, Method, str]:
    """A parse's score (the mean of its words'), its loosest method, and the forms it matched."""
    firm = [h for h in hits if h is not None]
    score = sum(h.score for h in firm) / len(firm) if firm else 0.0
    method = max((h.method for h in firm), key=lambda m: METHOD_RANK[m], default=Method.INITIAL)
    form = " ".join(dict.fromkeys(h.form for h in firm))  # an alias phrase is listed once
    return score, method, form


def the_one(options: Sequence[Option], test: Callable[[Option], bool]) -> Option | None:
    """The only option that passes `test`, or None when none or several do: the search stops at the
    second, since a common surname's options are hundreds of holders."""
    found: Option | None = None
    for option in options.one_by_one() if isinstance(options, Holders) else options:
        if test(option):
            if found is not None:
                return None
            found = option
    return found
