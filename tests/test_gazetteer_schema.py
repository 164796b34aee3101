"""The JSON Schema of gazetteer files: committed, in sync with the pydantic models, used by the data."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from c5names.gazetteer.schema import json_schema
from c5names.gazetteer.yamlio import load_yaml

from .conftest import REPO

SCHEMA_FILE = REPO / "c5names" / "gazetteer" / "gazetteer.schema.json"
DATA_FILES = sorted((REPO / "data").glob("*.yaml"))
SCHEMA_LINE = "# yaml-language-server: $schema=../c5names/gazetteer/gazetteer.schema.json"
REGENERATE = (
    "c5names/gazetteer/gazetteer.schema.json is out of date with c5names/gazetteer/schema.py; regenerate it with\n"
    "    python -m c5names schema -o c5names/gazetteer/gazetteer.schema.json\n"
    "or\n"
    '    python -c "import json; from c5names.gazetteer.schema import json_schema; '
    "open('c5names/gazetteer/gazetteer.schema.json', 'w', encoding='utf-8')"
    ".write(json.dumps(json_schema(), indent=2) + '\\n')\""
)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def errors_of(validator: jsonschema.Draft202012Validator, document: object) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    ]


def test_committed_schema_equals_the_models() -> None:
    assert SCHEMA_FILE.is_file(), REGENERATE
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    assert json.loads(text) == json_schema(), REGENERATE
    assert text.endswith("}\n"), "the schema file ends with one newline; " + REGENERATE


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft202012Validator


def test_there_are_data_files() -> None:
    assert len(DATA_FILES) >= 5


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.name for p in DATA_FILES])
def test_data_file_validates_against_the_schema(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    errors = errors_of(validator, load_yaml(path).data)
    assert not errors, f"{path.name}:\n" + "\n".join(errors)


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.name for p in DATA_FILES])
def test_data_file_references_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == SCHEMA_LINE, f"{path.name} must start with: {SCHEMA_LINE}"
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == SCHEMA_FILE.resolve()


VALID = {
    "version": 1,
    "entities": [
        {
            "id": "doe-jane",
            "type": "person",
            "name": "Jane Doe",
            "names": [{"given": "Jane", "surname": "Doe", "lang": "en"}],
            "offices": [{"role": "Mayor", "country": "testland", "start": "2001-05"}],
        },
        {"id": "testland", "type": "country", "name": "Testland", "aliases": [{"form": "Testland"}]},
    ],
    "extend": [{"id": "kazakhstan", "remove_aliases": ["Kazakstan"]}],
}


def test_a_valid_document_passes(validator: jsonschema.Draft202012Validator) -> None:
    assert errors_of(validator, VALID) == []


@pytest.mark.parametrize(
    ("where", "field", "value", "expected"),
    [
        ((), "comment", "x", "Additional properties"),
        (("entities", 0), "nickname", "JD", "Additional properties"),
        (("entities", 0, "names", 0), "title", "Dr", "Additional properties"),
        (("entities", 0, "offices", 0), "salary", 1, "Additional properties"),
        (("extend", 0), "wikidata", "Q1", "Additional properties"),
        (("entities", 0), "type", "human", "is not one of"),
        (("entities", 0), "names", "Jane Doe", "is not of type 'array'"),
        (("entities", 0), "name", ["Jane", "Doe"], "is not of type 'string'"),
        ((), "version", 2, "was expected"),
    ],
)
def test_an_invalid_document_fails(
    validator: jsonschema.Draft202012Validator, where: tuple, field: str, value: object, expected: str
) -> None:
    document = json.loads(json.dumps(VALID))
    target = document
    for key in where:
        target = target[key]
    target[field] = value
    errors = errors_of(validator, document)
    assert errors, f"the schema accepted {field}={value!r} at {where}"
    assert any(expected in error for error in errors), errors


def test_a_missing_required_field_fails(validator: jsonschema.Draft202012Validator) -> None:
    document = json.loads(json.dumps(VALID))
    del document["entities"][0]["type"]
    assert any("'type' is a required property" in error for error in errors_of(validator, document))
