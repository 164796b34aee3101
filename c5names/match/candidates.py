"""Candidate mentions before resolution: the span, its shape, and the entities it may denote.

`PersonParse` is one entity's name shape found at a word, `Parse` any parse (person or alias) with
its score, `Option` one entity a span may denote, `Found` the span with all its options.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from c5names.index.postings import Hit
from c5names.model import Method, Pattern, Role


class Option(NamedTuple):
    """One entity a found span may denote, with how it matched."""

    entity: int
    score: float
    method: Method
    form: str


T = TypeVar("T")


class Options(list[Option]):
    """A candidate's options, best first, with what resolution derives from them alone memoised.

    The chunk cache gives one Options to every document that repeats the chunk, and a common
    surname's options are hundreds of holders: which of them are persons, or which the date and a
    title leave, is then worked out once per corpus, not once per mention. Never changed in place."""

    __slots__ = ("memo",)

    def __init__(self, options: Iterable[Option] = ()) -> None:
        super().__init__(options)
        self.memo: dict[Hashable, object] = {}


def derived(options: list[Option], key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, memoised under `key` when `options` is an Options (whose memo it then shares)."""
    if not isinstance(options, Options):
        return compute()
    found = options.memo.get(key)
    if found is None:
        found = options.memo[key] = compute()
    return found  # type: ignore[return-value]


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


@dataclass(slots=True)  # (one is made per candidate in every document read)
class Found:
    """A candidate mention before resolution."""

    start: int
    end: int
    pattern: Pattern
    options: list[Option]
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
    for option in options:
        if test(option):
            if found is not None:
                return None
            found = option
    return found
