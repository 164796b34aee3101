"""Pydantic models of the gazetteer YAML: the single source of truth for its format.

Everything a gazetteer file may contain is declared here, so validation, the JSON Schema
(`c5names schema`) and the documentation are generated from one place and cannot drift.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Literal

import langcodes
from language_data.population_data import LANGUAGE_SPEAKING_POPULATION  # type: ignore[import-untyped]
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from c5names.dates import check_partial_date, first_day, last_day
from c5names.model import EntityType, OfficeKind

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
# spaCy's code for its multi-language pipelines, and BCP 47's "several" and "undetermined".
MULTI_LANGUAGE = frozenset({"xx", "mul", "und"})


def _check_slug(value: str) -> str:
    if not SLUG_RE.match(value):
        raise ValueError(f"{value!r} is not a lowercase slug (letters, digits and single hyphens)")
    return value


def _check_qid(value: str) -> str:
    if not QID_RE.match(value):
        raise ValueError(f"{value!r} is not a Wikidata id (Q followed by digits, e.g. Q57808)")
    return value


@lru_cache(maxsize=1024)
def language_tag(value: str) -> str:
    """The standard spelling of a BCP 47 language tag, whatever its case (`RU` → `ru`, `zh-hans` →
    `zh-Hans`), checked against the IANA registry by langcodes; `xx` (spaCy's multi-language code) is
    accepted too. Raises ValueError naming the value, with a suggestion where one can be made (`kz` is
    Kazakhstan's country code: Kazakh is `kk`)."""
    if value.casefold() in MULTI_LANGUAGE:
        return value.casefold()
    if value.isascii() and value.strip() == value and value and langcodes.tag_is_valid(value):
        return str(langcodes.standardize_tag(value))
    raise ValueError(f"{value!r} is not a language code (BCP 47, e.g. 'ru', 'kk', 'uz-Latn', 'zh-Hans'){_hint(value)}")


def _hint(value: str) -> str:
    """A suggestion for a wrong language tag: a country code's languages, or a language's name."""
    if len(value) == 2 and value.isascii() and value.isalpha():
        region = langcodes.Language.get(f"und-{value.upper()}")
        if region.is_valid():
            suffix = f"-{value.upper()}"
            spoken = sorted(
                ((n, tag.split("-")[0]) for tag, n in LANGUAGE_SPEAKING_POPULATION.items() if tag.endswith(suffix)),
                reverse=True,
            )
            name = region.territory_name()
            # the language named like the country first (Kazakh for Kazakhstan), then the most spoken
            codes = sorted(
                dict.fromkeys(code for _, code in spoken[:3]),
                key=lambda c: not name.startswith(langcodes.Language.get(c).language_name()[:4]),
            )
            if codes:
                choices = " or ".join(f"{c!r} ({langcodes.Language.get(c).language_name()})" for c in codes[:2])
                return f"; {value.upper()} is the country code of {name}: did you mean {choices}?"
    if value.isascii() and value.isalpha() and len(value) > 3:
        try:
            return f"; did you mean {langcodes.find(value).language!r}?"
        except LookupError:
            pass
    return ""


def _check_lang(value: str) -> str:
    return language_tag(value)


def _check_url(value: str) -> str:
    if not re.match(r"^https?://\S+$", value):
        raise ValueError(f"{value!r} is not an http(s) URL")
    return value


Slug = Annotated[str, AfterValidator(_check_slug)]
QID = Annotated[str, AfterValidator(_check_qid)]
PartialDate = Annotated[
    str,
    AfterValidator(check_partial_date),
    Field(description="YYYY, YYYY-MM or YYYY-MM-DD", examples=["2016", "2016-12", "2016-12-14"]),
]
Lang = Annotated[str, AfterValidator(_check_lang)]
Url = Annotated[str, AfterValidator(_check_url)]

Script = Literal["Latn", "Cyrl", "Arab", "Hans", "Hant", "Grek", "Other"]
NameKind = Literal["native", "exonym", "former", "birth", "misspelling", "nickname"]
RelationType = Literal["child_of", "parent_of", "spouse_of", "sibling_of", "namesake_of"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)


class PersonName(_Strict):
    """One way a person's name is written, split into parts so word order and initials can vary."""

    given: str | None = Field(None, description="Given name(s); the first word is the main given name")
    patronymic: str | None = Field(None, description="Patronymic or middle names")
    surname: str | None = Field(None, description="Family name as written in this form")
    suffix: str | None = Field(None, description="Generational suffix such as 'Jr.'")
    lang: Lang | None = Field(None, description="Language of this form (BCP 47: ru, kk, uz-Latn)")
    script: Script | None = Field(None, description="ISO 15924 script of this form")
    kind: NameKind = Field("native", description="native, exonym, former, birth, misspelling, nickname")
    since: PartialDate | None = Field(None, description="First date the form was in use, if it changed")
    until: PartialDate | None = Field(None, description="Last date the form was in use (former names)")
    source: Url | None = None

    @model_validator(mode="after")
    def _has_a_part(self) -> PersonName:
        if not (self.given or self.surname):
            raise ValueError("a name needs at least a given name or a surname")
        return self


class Alias(_Strict):
    """A fixed form matched as a whole phrase (country names, abbreviations, nicknames)."""

    form: str = Field(min_length=1)
    lang: Lang | None = None
    kind: NameKind = "exonym"
    source: Url | None = None


class Office(_Strict):
    """An office held between two dates; an empty end means the person still holds it."""

    role: str = Field(min_length=1, description="The office as usually written in English")
    kind: OfficeKind | None = Field(None, description="Normalised kind used to match titles in text")
    country: Slug | None = Field(None, description="Id of the country entity the office belongs to")
    start: PartialDate | None = None
    end: PartialDate | None = None
    acting: bool = Field(False, description="Held in an acting (interim) capacity")
    source: Url | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Office:
        if self.start and self.end and last_day(self.end) < first_day(self.start):
            raise ValueError(f"office ends ({self.end}) before it starts ({self.start})")
        return self


class Relation(_Strict):
    """A relation that helps to tell namesakes and relatives apart."""

    type: RelationType
    id: Slug
    source: Url | None = None


class Entity(_Strict):
    """A person, country, place or organisation that mentions are linked to."""

    id: Slug
    type: EntityType
    name: str = Field(min_length=1, description="Display name used when normalising text")
    wikidata: QID | None = Field(None, description="Wikidata id, only where confirmed by a source")
    names: list[PersonName] = Field(default_factory=list, description="Structured person names")
    aliases: list[Alias] = Field(default_factory=list, description="Whole-phrase forms")
    offices: list[Office] = Field(default_factory=list)
    birth_date: PartialDate | None = None
    death_date: PartialDate | None = None
    gender: Literal["male", "female"] | None = None
    relations: list[Relation] = Field(default_factory=list)
    sources: list[Url] = Field(default_factory=list, description="Where the facts come from")
    notes: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _names_fit_type(self) -> Entity:
        if self.names and self.type != "person":
            raise ValueError("structured 'names' are for persons; use 'aliases' for other types")
        return self


class Extension(_Strict):
    """Additions to (or removals from) an entity defined in another file, without copying it."""

    id: Slug = Field(description="Id of the entity to extend; it must be defined in another file")
    names: list[PersonName] = Field(default_factory=list)
    aliases: list[Alias] = Field(default_factory=list)
    offices: list[Office] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    sources: list[Url] = Field(default_factory=list)
    remove_aliases: list[str] = Field(
        default_factory=list,
        description="Forms (alias phrases or single name words) that must no longer match this entity",
    )


class GazetteerFile(_Strict):
    """One YAML file of the gazetteer."""

    version: Literal[1] = 1
    entities: list[Entity] = Field(default_factory=list)
    extend: list[Extension] = Field(default_factory=list)


def json_schema() -> dict[str, object]:
    """The JSON Schema of a gazetteer file, for editors with a YAML language server."""
    schema = GazetteerFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "c5names gazetteer file"
    return schema
