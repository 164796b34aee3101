"""The component's options are declared once (`Settings`): the factory, its config and the saved
cfg follow that declaration, and the pipeline analysis sees what the component writes."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from c5names.component import DEFAULT_CONFIG, C5NamesComponent, Settings, make_c5names


def test_the_factory_config_and_signature_follow_the_settings() -> None:
    fields = list(Settings.model_fields)
    assert list(DEFAULT_CONFIG) == [*fields, "scorer"]
    assert Language.get_factory_meta("c5names").default_config == DEFAULT_CONFIG
    parameters = inspect.signature(make_c5names).parameters
    assert list(parameters) == ["nlp", "name", *fields, "scorer"]
    defaults = Settings().model_dump(mode="json")
    assert {name: DEFAULT_CONFIG[name] for name in fields} == defaults
    assert {name: parameters[name].default for name in fields} == defaults


def test_the_pipeline_config_holds_every_setting() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("c5names", config={"threshold": 0.7, "types": ["person"]})
    section = nlp.config["components"]["c5names"]
    assert {name: section[name] for name in Settings.model_fields} == {
        **Settings().model_dump(mode="json"),
        "threshold": 0.7,
        "types": ["person"],
    }


def test_the_saved_cfg_is_the_settings(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    component: C5NamesComponent = nlp.add_pipe("c5names", config={"labels": {"person": "PER"}, "lang": "kk"})
    component.to_disk(tmp_path)
    saved = json.loads((tmp_path / "cfg").read_text(encoding="utf-8"))
    assert saved == component.settings.model_dump(mode="json")
    assert Settings.model_validate(saved) == component.settings


@pytest.mark.parametrize(
    ("config", "named"),
    [
        ({"threshold": 2}, "threshold"),
        ({"types": ["planet"]}, "types"),
        ({"default_date": "last week"}, "default_date"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_a_bad_option_is_refused_naming_it(config: dict, named: str) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(Exception, match=named):
        nlp.add_pipe("c5names", config=config)


def test_dates_are_normalised_once() -> None:
    assert Settings(default_date="2025-11-06").default_date == "2025-11-06"
    assert Settings(default_date=None).default_date is None


def test_the_component_declares_what_it_writes() -> None:
    meta = Language.get_factory_meta("c5names")
    assert {"doc.ents", "token.ent_type", "token.ent_iob", "token.ent_kb_id"} <= set(meta.assigns)
    assert {"span._.c5names", "doc._.c5names"} <= set(meta.assigns)
    assert meta.retokenizes  # a name ending inside a token (Tokayev'in) splits it
    assert meta.default_score_weights["nel_micro_f"] == 1.0
    nlp = spacy.blank("en")
    nlp.add_pipe("c5names")
    analysis = nlp.analyze_pipes()
    assert "doc.ents" in analysis["summary"]["c5names"]["assigns"]
    assert not analysis["problems"]["c5names"]


def test_new_settings_take_effect_at_once() -> None:
    nlp = spacy.blank("en")
    component: C5NamesComponent = nlp.add_pipe("c5names")
    text = "President Tokayev visited Uzbekistan."
    assert [e.kb_id_ for e in nlp(text).ents] == ["tokayev-kassym-jomart", "uzbekistan"]
    component.settings = component.settings.model_copy(update={"types": ["country"]})
    assert [e.kb_id_ for e in nlp(text).ents] == ["uzbekistan"]
