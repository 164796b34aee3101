"""`CharTable`: a text translated through it reads as the reader applied to each character, ASCII
kept, and each character is read once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from c5names.text.chartable import CharTable


def _shout(character: str) -> str:
    return f"<{character.upper()}>"


@given(st.text())
def test_a_text_reads_as_its_characters_read_one_by_one(text: str) -> None:
    expected = "".join(c if c.isascii() else _shout(c) for c in text)
    assert text.translate(CharTable(_shout)) == expected


def test_each_character_is_read_once() -> None:
    read: list[str] = []

    def reader(character: str) -> str:
        read.append(character)
        return character.upper()

    table = CharTable(reader)
    assert "éé ä".translate(table) == "ÉÉ Ä"
    assert "äé".translate(table) == "ÄÉ"
    assert read == ["é", "ä"]
