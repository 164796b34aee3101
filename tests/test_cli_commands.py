"""The gazetteer commands: lookup, validate, schema, show, list, variants; and --help everywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from c5names import default_gazetteer
from c5names.gazetteer.schema import json_schema
from c5names.index import name_variants, shared_keys

from .test_cli_support import EXAMPLE, assert_clean_failure, call, run_cli

COMMANDS = ("normalise", "lookup", "validate", "schema", "show", "list", "variants", "eval")

JANE = """\
version: 1
entities:
  - id: doe-jane
    type: person
    name: Jane Doe
    names:
      - given: Jane
        surname: Doe
        source: https://example.org/people/jane-doe
extend:
  - id: tokayev-kassym-jomart
    aliases:
      - form: KJT
        source: https://example.org/people/kjt
"""


@pytest.fixture
def jane(tmp_path: Path) -> Path:
    path = tmp_path / "jane.yaml"
    path.write_text(JANE, encoding="utf-8")
    return path


def test_help_of_every_command_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    top = call(capsys, "--help")
    assert top.code == 0 and "examples:" in top.out
    for command in COMMANDS:
        result = call(capsys, command, "--help")
        assert result.code == 0, command
        assert "examples:" in result.out and f"c5names {command}" in result.out, command
    normalise = call(capsys, "normalise", "--help").out
    assert "text   (default)" in normalise and "--jobs N" in normalise and "Exit status" in normalise


def test_version() -> None:
    result = run_cli("--version")
    assert result.code == 0 and re.fullmatch(r"c5names \d+\.\d+\.\d+\n", result.out)


# -- lookup ------------------------------------------------------------------------------------------


def test_lookup_text(capsys: pytest.CaptureFixture[str]) -> None:
    result = call(capsys, "lookup", "Tokaïev", "Мирзиёевым", "Xyzzy", "--lang", "ru")
    assert result.code == 0
    blocks = result.out.split("\n")
    assert blocks[0] == "Tokaïev"
    assert blocks[1].split("\t")[0] == "  tokayev-kassym-jomart"
    assert blocks[1].split("\t")[-1] == "Kassym-Jomart Tokayev"
    assert blocks[2] == "Мирзиёевым" and blocks[3].startswith("  mirziyoyev-shavkat\t")
    assert blocks[4:6] == ["Xyzzy", "  (no candidate)"]


def test_lookup_json_is_one_candidate_list_per_name(capsys: pytest.CaptureFixture[str]) -> None:
    result = call(capsys, "lookup", "Japarov", "Sergio Gore", "Xyzzy", "--format", "json")
    found = json.loads(result.out)
    assert len(found) == 3
    assert {c["id"] for c in found[0]} == {"japarov-sadyr", "japarov-akylbek"}
    assert found[1][0]["id"] == "gor-sergio" and found[1][0]["name"] == "Sergio Gor"
    assert set(found[1][0]) >= {"id", "score", "method", "form", "name"}
    assert found[2] == []


def test_lookup_with_an_extra_gazetteer(capsys: pytest.CaptureFixture[str], jane: Path) -> None:
    for args in (
        ["--gazetteer", jane, "lookup", "Jane Doe", "KJT"],
        ["lookup", "Jane Doe", "KJT", "--gazetteer", jane],
    ):
        found = json.loads(call(capsys, *args, "--format", "json").out)
        assert found[0][0]["id"] == "doe-jane"
        assert found[1][0]["id"] == "tokayev-kassym-jomart"


# -- validate ---------------------------------------------------------------------------------------


def test_validate_a_good_file_on_top_of_the_shipped_gazetteer(capsys: pytest.CaptureFixture[str], jane: Path) -> None:
    result = call(capsys, "validate", jane)
    assert (result.code, result.out) == (0, f"{jane}: valid (1 entity, 1 extension)\n")
    alone = call(capsys, "validate", jane, "--no-default-gazetteer")  # nothing to extend without it
    assert_clean_failure(alone, 2, f"{jane}:11:9: [extend[0].id] cannot extend unknown id 'tokayev-kassym-jomart'")


def test_validate_prints_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str], jane: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "version: 1\nentities:\n  - id: doe-jane\n    type: person\n    name: Jane\n    nickname: JD\n"
        "  - id: x\n    type: country\n    name: X\n    wikidata: 57808\n",
        encoding="utf-8",
    )
    result = call(capsys, "validate", jane, bad)
    assert result.code == 2 and result.out == ""
    assert f"{bad}:6:15: [entities[0].nickname] unknown field 'nickname'" in result.err
    assert f"{bad}:10:15: [entities[1].wikidata]" in result.err
    shipped = Path(default_gazetteer().files[0]).parent
    directory = call(capsys, "validate", shipped, "--no-default-gazetteer")
    assert directory.code == 0 and directory.out.count(": valid (") == len(list(shipped.glob("*.yaml")))
    assert_clean_failure(call(capsys, "validate", tmp_path / "none.yaml"), 2, "none.yaml", "cannot read")


# -- schema, show, list, variants -------------------------------------------------------------------


def test_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    printed = call(capsys, "schema").out
    assert json.loads(printed) == json_schema() and printed.startswith('{\n  "')
    out = tmp_path / "schema.json"
    assert call(capsys, "schema", "-o", out).code == 0
    assert out.read_text(encoding="utf-8") == printed


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    expected = default_gazetteer()["mirziyoyev-shavkat"].model_dump(exclude_defaults=True)
    text = call(capsys, "show", "mirziyoyev-shavkat")
    assert text.code == 0 and yaml.safe_load(text.out) == expected
    assert "Мирзиёев" in text.out  # readable, not \\u escapes
    assert json.loads(call(capsys, "show", "mirziyoyev-shavkat", "--format", "json").out) == expected


def test_show_unknown_id_suggests_close_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert_clean_failure(call(capsys, "show", "mirziyoev-shavkat"), 2, "did you mean mirziyoyev-shavkat")
    assert_clean_failure(call(capsys, "show", "tokayev"), 2, "did you mean tokayev-kassym-jomart")
    assert_clean_failure(call(capsys, "variants", "Sergio Gore"), 2, "did you mean", "gor-sergio")
    assert_clean_failure(call(capsys, "show", "xyzzy"), 2, "no entity with id 'xyzzy'", "c5names list")


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    gazetteer = default_gazetteer()
    rows = [line.split("\t") for line in call(capsys, "list").out.splitlines()]
    assert rows == [[e.id, e.type, e.name] for e in gazetteer]
    countries = [line.split("\t") for line in call(capsys, "list", "--type", "country").out.splitlines()]
    assert countries and all(kind == "country" for _, kind, _ in countries)
    assert ["kazakhstan", "country", "Kazakhstan"] in countries
    shared = dict(line.split("\t") for line in call(capsys, "list", "--shared-aliases").out.splitlines())
    assert shared == {k: " ".join(v) for k, v in shared_keys(gazetteer).items()}
    assert {"berdimuhamedov-gurbanguly", "berdimuhamedov-serdar"} <= set(shared["berdimuhamedov"].split())


def test_variants(capsys: pytest.CaptureFixture[str]) -> None:
    expected = name_variants(default_gazetteer()["tokayev-kassym-jomart"])
    rows = [tuple(line.split("\t")) for line in call(capsys, "variants", "tokayev-kassym-jomart").out.splitlines()]
    assert rows == expected
    assert rows[0][0] == "as written" and rows[0][1].endswith("Tokayev")
    data = json.loads(call(capsys, "variants", "tokayev-kassym-jomart", "--format", "json").out)
    assert [(d["convention"], d["spelling"], d["key"]) for d in data] == expected
    assert any(d["convention"] == "de" and d["spelling"].endswith(" Tokajew") for d in data)


def test_commands_take_a_user_gazetteer(capsys: pytest.CaptureFixture[str], jane: Path) -> None:
    assert "doe-jane\tperson\tJane Doe" in call(capsys, "list", "--gazetteer", jane).out
    assert (
        json.loads(call(capsys, "--gazetteer", jane, "show", "doe-jane", "--format", "json").out)["name"] == "Jane Doe"
    )
    text = call(capsys, "normalise", EXAMPLE, "--gazetteer", jane).out
    assert "Shavkat Mirziyoyev" in text
