"""The kinship table and rule (`c5names.lexicon.kinship`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from c5names.lexicon import plain
from c5names.lexicon.kinship import KinshipTableError, kinship_before, kinship_words


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("and his son ", "child_of"),
        ("sein Sohn ", "child_of"),
        ("вместе с сыном ", "child_of"),
        ("the daughter of ", "parent_of"),  # after "of", the name is the parent
        ("son épouse ", "spouse_of"),
        ("Prezidentning qizi ", "child_of"),
        ("his brother ", "sibling_of"),
        ("He spoke. ", None),  # nothing
        ("his son. Then ", None),  # a kinship word in the previous sentence does not count
        ("the son of the former minister and ", None),  # too far before
    ],
)
def test_kinship_before(text: str, relation: str | None) -> None:
    found = kinship_before(text + "Name", len(text))
    assert (found.relation if found else None) == relation


def test_every_word_is_in_the_plain_reading() -> None:
    assert all(plain(word) == word for word in kinship_words())


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("child_of:\n  male:\n    de: [Sohn]\n", "plain reading"),  # would never match: plain() lowercases
        ("child_of:\n  male:\n    en: [son]\nparent_of:\n  male:\n    en: [son]\n", "also listed under child_of"),
        ("cousin_of:\n  any:\n    en: [cousin]\n", "is not one of"),
        ("child_of:\n  boy:\n    en: [son]\n", "expected male, female or any"),
    ],
)
def test_a_broken_table_is_refused(tmp_path: Path, table: str, message: str) -> None:
    path = tmp_path / "kinship.yaml"
    path.write_text(table, encoding="utf-8")
    with pytest.raises(KinshipTableError, match=message):
        kinship_words(path)
