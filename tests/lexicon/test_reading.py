"""The plain reading the lexicon is written in (c5names.lexicon.reading)."""

from __future__ import annotations

import pytest

from c5names.lexicon import plain


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Präsident", "prasident"),
        ("Cumhurbaşkanı", "cumhurbaskani"),
        ("президента", "prezidenta"),
        ("премьер-министр", "premer ministr"),  # hyphen to space, soft sign gone
        ("chef de l’État", "chef de letat"),  # the apostrophe is removed, not a space
        ("Aujourd'hui", "aujourdhui"),
        ("  Vice–President, ", "vice president"),  # any dash, punctuation and spaces squeezed
        ("г.", "g"),
        ("Ko‘chasi", "kochasi"),
    ],
)
def test_plain(text: str, reading: str) -> None:
    assert plain(text) == reading
