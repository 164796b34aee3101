"""Compiling entities into postings: what the per-word memo of `IndexBuilder` may not change."""

from __future__ import annotations

import pytest

from c5names.gazetteer.schema import Entity
from c5names.index import compile as compile_module
from c5names.index.compile import IndexBuilder
from c5names.index.core import NameIndex
from c5names.index.postings import unpack
from c5names.model import Role
from c5names.text.keys import skeleton


def person(entity_id: str, given: str, surname: str, lang: str = "ru") -> Entity:
    return Entity.model_validate(
        {
            "id": entity_id,
            "type": "person",
            "name": f"{given} {surname}",
            "names": [{"given": given, "surname": surname, "lang": lang, "kind": "native"}],
        }
    )


def compiled(*entities: tuple[Entity, tuple[str, ...]]) -> NameIndex:
    builder = IndexBuilder()
    for entity, removed in entities:
        builder.add_entity(entity, removed)
    return builder.finish()


def holders(index: NameIndex, key: str) -> set[str]:
    return {index.entities[unpack(value).entity].id for value in index.postings.get(key, ())}


SADYR = person("japarov-sadyr", "Садыр", "Жапаров", "ky")
AKYLBEK = person("japarov-akylbek", "Акылбек", "Жапаров", "ky")


@pytest.mark.parametrize("removing_first", [True, False])
def test_a_surname_removed_from_one_person_stays_posted_for_the_other_in_either_order(removing_first: bool) -> None:
    """The word is remembered the first time it is met without removals; met first with one, it is
    not, so the other holder still gets every key, and the one that removed it gets none of them."""
    removed = (AKYLBEK, ("japarov",))
    order = [removed, (SADYR, ())] if removing_first else [(SADYR, ()), removed]
    index = compiled(*order)
    key = skeleton("Japarov")
    surname_keys = {k for k, values in index.postings.items() if any(unpack(v).role == Role.SURNAME for v in values)}
    assert key in surname_keys and len(surname_keys) > 1  # the romanisations' other keys too
    for other in surname_keys:
        expected = {"japarov-sadyr"} if other == key else {"japarov-sadyr", "japarov-akylbek"}
        assert holders(index, other) == expected, other
    assert holders(index, skeleton("Akylbek")) == {"japarov-akylbek"}


def test_the_memo_does_not_change_what_is_compiled() -> None:
    """Two persons sharing a surname compile to the same postings and forms as each compiled by a
    builder of its own (no memo carried over), but for the entity numbers."""
    both = compiled((SADYR, ()), (AKYLBEK, ()))
    alone = compiled((AKYLBEK, ()))
    akylbek = both.by_id["japarov-akylbek"]
    for key, values in alone.postings.items():
        mine = [unpack(v) for v in both.postings[key] if unpack(v).entity == akylbek]
        theirs = [unpack(v) for v in values]
        assert [(p.role, p.pos, p.length, both.forms[p.ref]) for p in mine] == [
            (p.role, p.pos, p.length, alone.forms[p.ref]) for p in theirs
        ]
    assert both.entities[akylbek]._replace(id="") == alone.entities[0]._replace(id="")


def test_a_gazetteer_with_more_forms_than_a_posting_holds_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compile_module, "MAX_REF", 3)
    with pytest.raises(ValueError, match="too large for the packed index"):
        compiled((SADYR, ()), (person("doe-john", "John", "Doe", "en"), ()))
