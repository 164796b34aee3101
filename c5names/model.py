"""The shared vocabulary: what every layer may name, defined once.

Entity types and office kinds are the gazetteer's own words (validated by its schema, matched by the
title lexicon, compared by resolution); methods, name roles and mention patterns are the engine's
(written by detection, read by resolution, shown to users). `Candidate` and `Mention` are what the
library hands out. Nothing here imports anything of c5names: every layer can import this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, get_args

EntityType = Literal["person", "country", "place", "organisation"]
ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)

OfficeKind = Literal[
    "head_of_state",
    "head_of_government",
    "deputy_head_of_government",
    "vice_president",
    "foreign_minister",
    "minister",
    "legislature_chair",
    "legislator",
    "diplomat",
    "ambassador",
    "envoy",
    "chief_of_staff",
    "press_secretary",
    "spokesperson",
    "secretary_general",
    "governor",
    "mayor",
    "party_leader",
    "official",
]
OFFICE_KINDS: tuple[str, ...] = get_args(OfficeKind)
# Kinds too broad to make two holders colleagues (every civil servant is an "official").
GENERIC_KINDS: frozenset[str] = frozenset({"official"})
# Offices whose holders the press names by surname alone, unintroduced ("Aripov said"): a state's
# leaders, its foreign minister, its parliament's chair. A lesser official is named in full first.
LEADING_KINDS: frozenset[str] = frozenset(
    {"head_of_state", "head_of_government", "vice_president", "foreign_minister", "legislature_chair"}
)


class Method(StrEnum):
    """How a mention's words met the gazetteer, from surest to loosest."""

    EXACT = "exact"  # a form the gazetteer writes
    TRANSLIT = "translit"  # a romanisation, reading or respelling of such a form
    CONSONANTS = "consonants"  # Arabic script read by its consonants only (see text.abjad)
    INFLECTED = "inflected"  # a form with a case ending removed
    INITIAL = "initial"  # only initials and a surname
    FUZZY = "fuzzy"  # within an edit or two of a known key
    COREFERENCE = "coreference"  # a repeat of a name given in full in the same document


class Role(StrEnum):
    """Which part of a name a word is (the one-letter codes are what the postings store)."""

    GIVEN = "G"
    PATRONYMIC = "P"  # patronymic or middle name
    SURNAME = "S"
    SUFFIX = "X"  # Jr., III
    ALIAS = "A"  # a word of a whole-phrase alias (country names, abbreviations)
    INITIAL = "I"  # an initial in the text (J.), matched against given names and patronymics


class Pattern(StrEnum):
    """The shape of a candidate mention."""

    FULL = "full"  # two or more parts of a person's name
    ALIAS = "alias"  # an alias phrase
    SURNAME = "surname"  # a surname alone


@dataclass(frozen=True)
class Candidate:
    """One entity a written form may denote (what `lookup` returns)."""

    id: str
    score: float
    form: str
    method: str
    role: str  # the pattern the form matched (full, alias, surname)
    name: str
    type: str


# A mention lists at most this many alternatives, the best first. A common surname of a large
# gazetteer has thousands of holders (about 15,000 at a million persons): listing them all would make
# each linked mention a megabyte of output, and build it every time. When some are left out, the
# evidence says how many there were ("alternatives: 10 of 14,497").
ALTERNATIVES_LISTED = 10


@dataclass(frozen=True, slots=True)
class Mention:
    """A linked mention: character offsets into the text, the id, and why it was linked. (Its fields
    are slots: a frozen dataclass sets each field through `object.__setattr__`, and slots halve that
    cost, paid for every mention a document links.)"""

    start: int
    end: int
    text: str
    id: str
    name: str
    type: str
    score: float
    method: str
    form: str
    wikidata: str | None = None
    evidence: tuple[str, ...] = ()
    alternatives: tuple[tuple[str, float], ...] = field(default_factory=tuple)  # the best ALTERNATIVES_LISTED
    raw_score: float | None = None  # the evidence's score before calibration (see c5names.scoring)

    def to_dict(self) -> dict[str, object]:
        """The JSON contract of a mention (the CLI's JSONL, the spaCy component's `Span._.c5names`)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "score": round(self.score, 3),
            "method": str(self.method),
            "form": self.form,
            "wikidata": self.wikidata,
            "evidence": list(self.evidence),
            "alternatives": [{"id": i, "score": round(s, 3)} for i, s in self.alternatives],
            "raw_score": None if self.raw_score is None else round(self.raw_score, 3),
        }
