"""The component's options, declared once.

`Settings` is the one definition of the options: their names, types, defaults, checks and the words
that explain them. The factory's `default_config`, the factory's signature (which spaCy's config
system validates against), the component's constructor, the `cfg` saved with a pipeline and the
documentation's option table are all derived from it, so an option cannot be added in one of those
places and forgotten in another.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, cast

from pydantic import BaseModel, ConfigDict, Field, field_validator
from spacy.language import Language

from c5names.dates import normalise_date
from c5names.model import ENTITY_TYPES, EntityType
from c5names.scoring import DEFAULT_THRESHOLD

ENGLISH_LABELS: dict[str, str] = {"person": "PERSON", "country": "GPE", "place": "GPE", "organisation": "ORG"}
OTHER_LABELS: dict[str, str] = {"person": "PER", "country": "LOC", "place": "LOC", "organisation": "ORG"}


class Settings(BaseModel):
    """The options of the spaCy component "c5names" (its `config`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    include_default: bool = Field(
        default=True, description="Load the shipped gazetteer (`data/*.yaml`). `false` to use only your files."
    )
    types: list[EntityType] = Field(
        default_factory=lambda: cast("list[EntityType]", list(ENTITY_TYPES)),
        description="Entity types to link: any of `person`, `country`, `place`, `organisation`.",
    )
    labels: dict[EntityType, str] = Field(
        default_factory=dict,
        description='Entity labels by type, merged over the defaults below, e.g. `{"person": "PERSONNE"}`.',
    )
    overwrite_ents: bool = Field(
        default=True,
        description="On overlap with entities already in `doc.ents` (a trained NER), c5names' spans win. "
        "`false` keeps the existing entities and adds c5names' spans only where they do not overlap.",
    )
    threshold: float = Field(
        default=DEFAULT_THRESHOLD, ge=0.0, le=1.0, description="Mentions scoring below this (0..1) are dropped."
    )
    default_date: str | None = Field(
        default=None,
        description="Date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) used when `doc._.c5names_date` is not set. "
        "`null`: no date, so office dates cannot decide between namesakes.",
    )
    split_tokens: bool = Field(
        default=True,
        description="Split a token where a name ends inside it (Turkish *Tokayev'in* → *Tokayev* + *'in*), "
        "so that the entity covers the name exactly.",
    )
    lang: str | None = Field(
        default=None,
        description="Language of the texts, for its case endings (`uz`, `kk`, `ky`, `tg`, `tk`…); `null` uses "
        "the pipeline's own. Set it on the multi-language `xx` pipelines used for languages spaCy lacks, and "
        "for Georgian (`ka`), whose words, like those of every alphabet without letter case, are then all read.",
    )

    @field_validator("default_date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return normalise_date(value)

    def labels_for(self, pipeline_lang: str | None) -> dict[str, str]:
        """The label of each entity type: spaCy's usual ones for the pipeline's language, then `labels`."""
        base = ENGLISH_LABELS if pipeline_lang == "en" else OTHER_LABELS
        return {**base, **{str(kind): label for kind, label in self.labels.items()}}

    def to_cfg(self) -> dict[str, Any]:
        """The settings as JSON values: the factory's config, and the `cfg` saved with a pipeline."""
        return self.model_dump(mode="json")


SCORER = {"@scorers": "c5names.scorer.v1"}


def default_config() -> dict[str, Any]:
    """The factory's `default_config`: every setting's default, and the scorer (a registered function,
    as spaCy's own components name theirs)."""
    return {**Settings().to_cfg(), "scorer": SCORER}


def factory_signature(scorer: Callable[..., Any]) -> inspect.Signature:
    """The factory's signature, `(nlp, name, *, <every setting>, scorer)`: spaCy's config system reads
    it to fill and validate a pipeline's `[components.c5names]` section."""
    keyword = inspect.Parameter.KEYWORD_ONLY
    parameters = [
        inspect.Parameter("nlp", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Language),
        inspect.Parameter("name", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=str),
    ]
    defaults = Settings().to_cfg()
    for name, field in Settings.model_fields.items():
        parameters.append(inspect.Parameter(name, keyword, default=defaults[name], annotation=field.annotation))
    parameters.append(inspect.Parameter("scorer", keyword, default=scorer, annotation=Callable | None))
    return inspect.Signature(parameters)
