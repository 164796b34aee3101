"""The compiled index stays compact: persons who share a given name share its name-fact tuples (in
memory and through the pickled cache), and the written marks and men are frozen integer sets that
answer as the names say."""

from __future__ import annotations

import pickle
import textwrap

import pytest

import c5names
from c5names.index import NameIndex, compiled
from c5names.index.facts import written_mark
from c5names.index.intset import IntSet

GAZETTEER = textwrap.dedent(
    """\
    version: 1
    entities:
      - id: testov-nurlan
        type: person
        name: Nurlan Testov
        gender: male
        names:
          - {given: Nurlan, surname: Testov, lang: en, script: Latn, source: "https://example.org/a"}
      - id: probova-nurlan
        type: person
        name: Nurlan Probova
        gender: female
        names:
          - {given: Nurlan, surname: Probova, lang: en, script: Latn, source: "https://example.org/b"}
    """
)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> NameIndex:
    folder = tmp_path_factory.mktemp("compact")
    (folder / "people.yaml").write_text(GAZETTEER, encoding="utf-8")
    return compiled(c5names.load(folder, default=False), cache=False)


def test_a_shared_given_name_shares_its_tuples(index: NameIndex) -> None:
    a, b = (index.entities[index.by_id[i]] for i in ("testov-nurlan", "probova-nurlan"))
    assert a.given_keys == b.given_keys and a.given_keys
    assert a.given_keys is b.given_keys and a.initials is b.initials
    again = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    a2, b2 = (again.entities[again.by_id[i]] for i in ("testov-nurlan", "probova-nurlan"))
    assert a2.initials is b2.initials


def test_marks_and_men_are_frozen_sets_that_answer(index: NameIndex) -> None:
    assert isinstance(index.written, IntSet) and isinstance(index.male, IntSet)
    man, woman = index.by_id["testov-nurlan"], index.by_id["probova-nurlan"]
    assert man in index.male and woman not in index.male
    assert written_mark("Testov", man) in index.written
    assert written_mark("Testov", woman) not in index.written
    assert written_mark("Probova", woman) in index.written


def test_an_unpickled_index_has_the_same_facts_and_ids_in_order(index: NameIndex) -> None:
    """The facts travel as one list per field and `by_id` is rebuilt from the id column: the same
    named tuples, and every id at its entity's number, in the entities' order."""
    again = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    assert again.entities == index.entities
    assert all(type(facts) is type(index.entities[0]) for facts in again.entities)
    assert list(again.by_id.items()) == list(index.by_id.items())
    assert list(again.by_id.items()) == [(facts.id, n) for n, facts in enumerate(again.entities)]


def test_an_empty_index_pickles() -> None:
    again = pickle.loads(pickle.dumps(NameIndex(), protocol=pickle.HIGHEST_PROTOCOL))
    assert again.entities == [] and again.by_id == {}
