"""The tables of the consistency rules (`data/checks.yaml`), validated when they are read.

Which office kinds have one holder at a time, which relations have an inverse, which addresses are
not pages: facts about the world and the web that a reviewer should be able to read and change
without reading code. A typo in the table (an office kind that does not exist) is an error naming
its line, not a rule that silently never fires.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from c5names.errors import GazetteerError
from c5names.gazetteer.schema import RelationType
from c5names.gazetteer.yamlio import load_yaml
from c5names.model import OfficeKind

RULES_FILE = Path(__file__).with_name("data") / "checks.yaml"

# What identifies the one seat of a single-holder office (see data/checks.yaml).
Seat = Literal["country", "chamber", "role"]


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _lowered(values: list[str]) -> frozenset[str]:
    return frozenset(value.casefold() for value in values)


class NotPages(_Table):
    """The shapes of addresses that are not pages about a fact."""

    api_segments: frozenset[str]
    data_suffixes: tuple[str, ...]
    data_queries: dict[str, frozenset[str]]
    search_segments: frozenset[str]
    search_pages: frozenset[str]
    search_keys: frozenset[str]
    archives: tuple[str, ...]
    code_hosts: tuple[str, ...] = ()

    @field_validator("api_segments", "search_segments", "search_pages", "search_keys", mode="before")
    @classmethod
    def _casefold(cls, values: list[str]) -> frozenset[str]:
        return _lowered(values)

    @field_validator("data_queries", mode="before")
    @classmethod
    def _casefold_values(cls, table: dict[str, list[str]]) -> dict[str, frozenset[str]]:
        return {key.casefold(): _lowered(values) for key, values in table.items()}

    @field_validator("data_suffixes", "archives", mode="before")
    @classmethod
    def _casefold_tuple(cls, values: list[str]) -> tuple[str, ...]:
        return tuple(value.casefold() for value in values)


class Rules(_Table):
    """Every table the checks read."""

    version: Literal[1]
    single_holder: dict[OfficeKind, Seat]
    chair_titles: tuple[str, ...] = Field(min_length=1)
    acting_words: frozenset[str]
    shared_role_words: tuple[str, ...]
    minimum_age: int = Field(ge=0, le=30)
    inverse: dict[RelationType, RelationType]
    family: frozenset[RelationType]
    not_pages: NotPages

    @field_validator("inverse")
    @classmethod
    def _symmetric(cls, table: dict[str, str]) -> dict[str, str]:
        for relation, other in table.items():
            if table.get(other) != relation:
                raise ValueError(f"the inverse of {other!r} must be {relation!r}, as {relation!r} says")
        return table


@cache
def rules(path: Path = RULES_FILE) -> Rules:
    """The rules table (read once); GazetteerError naming the line of a bad entry."""
    loaded = load_yaml(path)
    try:
        return Rules.model_validate(loaded.data)
    except ValidationError as err:
        raise GazetteerError([loaded.problem(tuple(e["loc"]), e["msg"]) for e in err.errors()]) from None
