"""How a written name is cut into words (c5names.text.words)."""

from __future__ import annotations

import pytest

from c5names.text.words import is_connector, split_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Kassym-Jomart Tokayev", ["Kassym", "Jomart", "Tokayev"]),  # hyphens separate words
        ("d’Emomali Rahmon", ["d’", "Emomali", "Rahmon"]),  # an elided article is a word of its own
        ("Tokayev (Kazakhstan), president", ["Tokayev", "Kazakhstan", "president"]),  # brackets and commas go
        ("«Mirziyoyev»", ["Mirziyoyev"]),
        ("O'Brien", ["O'Brien"]),  # an apostrophe not after an elision belongs to the word
        (" - ", []),
    ],
)
def test_split_words(text: str, words: list[str]) -> None:
    assert split_words(text) == words


@pytest.mark.parametrize(
    ("word", "connector"),
    [("de", True), ("van", True), ("uulu", True), ("bin", True), ("Tokayev", False), ("Ўзбек", False),
     ("ترامب", False), ("ნიკა", False)],
)  # fmt: skip
def test_lowercase_words_connect_and_caseless_scripts_do_not(word: str, connector: bool) -> None:
    assert is_connector(word) is connector
