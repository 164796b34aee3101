"""Rule 5: one entity per Wikidata item; relations point at existing entities and are recorded on
both sides where the relation has an inverse."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import SOURCE, found, gazetteer, only, person, write


def related(kind: str, target: str) -> dict:
    return {"type": kind, "id": target, "source": SOURCE}


def test_two_entities_with_one_wikidata_id(tmp_path: Path) -> None:
    path = gazetteer(tmp_path, person("doe-jane", wikidata="Q57808"), person("roe-richard", wikidata="Q57808"))
    problem = only(found(path))
    assert problem.field == "entities[3].wikidata"
    lines = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "wikidata: Q57808" in line]
    assert problem.line == lines[1] and f"(see {path}:{lines[0]})" in problem.message
    assert found(gazetteer(tmp_path, person("doe-jane", wikidata="Q57808"), person("roe-richard", wikidata="Q1"))) == []


@pytest.mark.parametrize(
    ("kind", "inverse"),
    [("child_of", "parent_of"), ("parent_of", "child_of"), ("spouse_of", "spouse_of"), ("sibling_of", "sibling_of")],
)
def test_a_relation_with_an_inverse_is_recorded_on_both_sides(tmp_path: Path, kind: str, inverse: str) -> None:
    one_sided = gazetteer(tmp_path, person("doe-jane", relations=[related(kind, "doe-john")]), person("doe-john"))
    problem = only(found(one_sided))
    assert problem.field == "entities[2].relations[0]"
    assert f"doe-john has no {inverse} doe-jane" in problem.message
    both = gazetteer(
        tmp_path,
        person("doe-jane", relations=[related(kind, "doe-john")]),
        person("doe-john", relations=[related(inverse, "doe-jane")]),
    )
    assert found(both) == []


def test_the_other_side_may_come_from_an_extension(tmp_path: Path) -> None:
    base = gazetteer(tmp_path, person("doe-jane", relations=[related("child_of", "doe-john")]), person("doe-john"))
    extra = write(tmp_path / "extra.yaml", extend=[{"id": "doe-john", "relations": [related("parent_of", "doe-jane")]}])
    assert found(base, extra) == []


def test_a_namesake_needs_no_inverse(tmp_path: Path) -> None:
    path = gazetteer(tmp_path, person("doe-jane", relations=[related("namesake_of", "ruritania")]))
    assert found(path) == []


def test_relations_to_oneself_and_family_of_a_country(tmp_path: Path) -> None:
    path = gazetteer(
        tmp_path,
        person("doe-jane", relations=[related("namesake_of", "doe-jane"), related("spouse_of", "ruritania")]),
    )
    messages = {p.field: p.message for p in found(path)}
    assert set(messages) == {"entities[2].relations[0].id", "entities[2].relations[1]"}
    assert "not related to itself" in messages["entities[2].relations[0].id"]
    assert "ruritania a country" in messages["entities[2].relations[1]"]


def test_an_unknown_id_is_reported_once(tmp_path: Path) -> None:
    path = gazetteer(tmp_path, person("doe-jane", relations=[related("child_of", "doe-nobody")]))
    problem = only(found(path))  # by the loader; the rules leave it alone
    assert problem.message == "refers to unknown id 'doe-nobody'"
