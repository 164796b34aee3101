"""Small user gazetteers for the component tests: people the shipped gazetteer does not know."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from c5names.component import C5NamesComponent

JANE = ("doe-jane", "Jane", "Doe")
RICHARD = ("roe-richard", "Richard", "Roe")
TEXT = "Jane Doe met Richard Roe and Shavkat Mirziyoyev."


def person_yaml(*people: tuple[str, str, str]) -> str:
    """A gazetteer file defining these (id, given name, surname) people."""
    lines = ["entities:"]
    for entity_id, given, surname in people:
        lines += [
            f"  - id: {entity_id}",
            "    type: person",
            f"    name: {given} {surname}",
            "    names:",
            f"      - {{given: {given}, surname: {surname}, lang: en}}",
        ]
    return "\n".join(lines) + "\n"


def write(path: Path, *people: tuple[str, str, str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(person_yaml(*people), encoding="utf-8")
    return path


def pipeline(*files: Path, lang: str = "en", **config: object) -> Language:
    """A blank pipeline whose c5names component has read these gazetteer files."""
    nlp = spacy.blank(lang)
    component: C5NamesComponent = nlp.add_pipe("c5names", config=config)
    component.add_gazetteer(*files)
    return nlp


def links(nlp: Language, text: str = TEXT) -> list[tuple[str, str]]:
    return [(e.text, e.kb_id_) for e in nlp(text).ents]
