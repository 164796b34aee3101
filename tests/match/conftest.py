"""A small gazetteer written for the matching rules' unit tests: two namesakes in father and son, two
unrelated people sharing a surname, a person whose name needs its suffix, a listed patronymic, an
alias with a lowercase tail, and a country."""

from __future__ import annotations

import textwrap

import pytest

import c5names
from c5names.index import NameIndex, compiled

SOURCE = "https://example.org/source"
GAZETTEER = textwrap.dedent(
    f"""\
    version: 1
    entities:
      - id: testland
        type: country
        name: Testland
        aliases:
          - {{form: Testland, lang: en, source: "{SOURCE}"}}
          - {{form: République testlandaise, lang: fr, source: "{SOURCE}"}}
      - id: berdov-gurban
        type: person
        name: Gurban Berdov
        gender: male
        names:
          - {{given: Gurban, surname: Berdov, lang: en, source: "{SOURCE}"}}
          - {{given: Гурбан, patronymic: Маликович, surname: Бердов, lang: ru, source: "{SOURCE}"}}
        offices:
          - {{role: President of Testland, kind: head_of_state, country: testland, start: "2007-02-14",
              end: "2022-03-19", source: "{SOURCE}"}}
        relations: [{{type: parent_of, id: berdov-serdan, source: "{SOURCE}"}}]
      - id: berdov-serdan
        type: person
        name: Serdan Berdov
        gender: male
        names:
          - {{given: Serdan, surname: Berdov, lang: en, source: "{SOURCE}"}}
        offices:
          - {{role: President of Testland, kind: head_of_state, country: testland, start: "2022-03-19",
              source: "{SOURCE}"}}
        relations: [{{type: child_of, id: berdov-gurban, source: "{SOURCE}"}}]
      - id: japov-sadan
        type: person
        name: Sadan Japov
        gender: male
        names:
          - {{given: Sadan, surname: Japov, lang: en, source: "{SOURCE}"}}
        offices:
          - {{role: President of Testland, kind: head_of_state, country: testland, start: "1990",
              end: "2007-02-14", source: "{SOURCE}"}}
      - id: japov-akyl
        type: person
        name: Akyl Japov
        gender: male
        names:
          - {{given: Akyl, surname: Japov, lang: en, source: "{SOURCE}"}}
        offices:
          - {{role: Prime Minister of Testland, kind: head_of_government, country: testland, start: "2021-10-12",
              end: "2024-12-16", source: "{SOURCE}"}}
      - id: dump-donny-jr
        type: person
        name: Donny Dump Jr.
        gender: male
        names:
          - {{given: Donny, surname: Dump, suffix: Jr., lang: en, source: "{SOURCE}"}}
    """
)


@pytest.fixture(scope="package")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> c5names.Gazetteer:
    path = tmp_path_factory.mktemp("match") / "testland.yaml"
    path.write_text(GAZETTEER, encoding="utf-8")
    return c5names.load(path, default=False)


@pytest.fixture(scope="package")
def index(gazetteer: c5names.Gazetteer) -> NameIndex:
    return compiled(gazetteer)


@pytest.fixture(scope="package")
def linker(gazetteer: c5names.Gazetteer) -> c5names.Linker:
    return c5names.Linker(gazetteer)
