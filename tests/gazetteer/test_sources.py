"""Rule 1: every fact carries a source. Each test writes an entry with one fact unsourced."""

from __future__ import annotations

from pathlib import Path

from .conftest import SOURCE, found, gazetteer, line_of, office, only, person, write


def test_a_fully_sourced_entry_has_no_problem(tmp_path: Path) -> None:
    path = gazetteer(
        tmp_path,
        person(
            "doe-jane",
            birth_date="1960-02-03",
            wikidata="Q4115189",
            offices=[office("President of Ruritania", "2001", "2005")],
            aliases=[{"form": "JD", "source": SOURCE}],
            relations=[{"type": "namesake_of", "id": "doe-john", "source": SOURCE}],
        ),
        person("doe-john"),
    )
    assert found(path) == []


def test_each_unsourced_part_is_reported_at_its_own_line(tmp_path: Path) -> None:
    entry = person(
        "doe-jane",
        offices=[office("President of Ruritania", "2001", "2005", source=None)],
        aliases=[{"form": "JD"}],
        relations=[{"type": "namesake_of", "id": "doe-john"}],
    )
    del entry["names"][0]["source"]
    path = gazetteer(tmp_path, entry, person("doe-john"))
    problems = found(path)
    fields = {p.field: p for p in problems}
    assert set(fields) == {
        "entities[2].names[0].source",
        "entities[2].aliases[0].source",
        "entities[2].offices[0].source",
        "entities[2].relations[0].source",
    }, problems
    assert all("missing" in p.message for p in problems)
    assert fields["entities[2].aliases[0].source"].line == line_of(path, "form: JD")
    assert fields["entities[2].offices[0].source"].line == line_of(path, "role: President of Ruritania")
    assert str(fields["entities[2].aliases[0].source"]).startswith(f"{path}:{line_of(path, 'form: JD')}:")


def test_birth_date_and_wikidata_need_the_entity_sources(tmp_path: Path) -> None:
    entry = person("doe-jane", birth_date="1960", wikidata="Q4115189", sources=[])
    path = gazetteer(tmp_path, entry)
    problem = only(found(path))
    assert problem.field == "entities[2].sources"
    assert problem.line == line_of(path, "sources: []")
    assert "birth_date 1960" in problem.message and "wikidata Q4115189" in problem.message
    assert found(gazetteer(tmp_path, person("doe-jane", sources=[]))) == []  # nothing to cover


def test_an_extension_may_bring_the_sources_and_needs_its_own(tmp_path: Path) -> None:
    base = gazetteer(tmp_path, person("doe-jane", death_date="2020", sources=[]))
    assert only(found(base)).field == "entities[2].sources"
    extra = write(
        tmp_path / "extra.yaml",
        extend=[{"id": "doe-jane", "sources": [SOURCE], "names": [{"given": "Janie", "surname": "Doe"}]}],
    )
    problem = only(found(base, extra))
    assert (Path(problem.path), problem.field) == (extra, "extend[0].names[0].source")
    assert problem.line == line_of(extra, "given: Janie")


def test_a_bad_address_is_reported_where_it_is_written(tmp_path: Path) -> None:
    wrapped = "https://proxy.example/?arg=https%3A%2F%2Fen.wikipedia.org%2Fwiki%2FRuritania"
    entry = person("doe-jane", offices=[office("President of Ruritania", "2001", source=wrapped)])
    entry["sources"] = [SOURCE, "http://192.0.2.7/page.html"]
    path = gazetteer(tmp_path, entry)
    problems = {p.field: p.message for p in found(path)}
    assert set(problems) == {"entities[2].offices[0].source", "entities[2].sources[1]"}
    assert "proxy" in problems["entities[2].offices[0].source"]
    assert "IP address" in problems["entities[2].sources[1]"]
