"""Issue 16, group 5: a given name alone that the text ties to a known person by a kinship word, and
the gazetteer by a relation, is linked; without both, a given name alone stays unlinked."""

from __future__ import annotations

import pytest

import c5names

DATE = "2025-06-01"


@pytest.mark.parametrize(
    ("text", "lang", "given", "expected"),
    [
        (
            "Gurbanguly Berdimuhamedow came with his son Serdar, who now leads the country.",
            "en",
            "Serdar",
            "berdimuhamedov-serdar",
        ),
        ("Gurbanguly Berdimuhamedow kam mit seinem Sohn Serdar nach Aşgabat.", "de", "Serdar", "berdimuhamedov-serdar"),
        ("Emomali Rahmon est arrivé avec son fils Rustam.", "fr", "Rustam", "emomali-rustam"),
        ("Эмомали Рахмон прибыл вместе с сыном Рустамом.", "ru", "Рустамом", "emomali-rustam"),
        (
            "Serdar Berdimuhamedov visited his father Gurbanguly in the evening.",
            "en",
            "Gurbanguly",
            "berdimuhamedov-gurbanguly",
        ),
    ],
)
def test_a_given_name_after_a_kinship_word(text: str, lang: str, given: str, expected: str) -> None:
    got = {m.text: m.id for m in c5names.link(text, lang=lang, date=DATE)}
    assert got.get(given) == expected


@pytest.mark.parametrize(
    ("text", "lang", "given"),
    [
        ("Serdar spoke at length.", "en", "Serdar"),  # no kinship word, nobody named
        ("Gurbanguly Berdimuhamedow met Serdar Yilmaz, a Turkish engineer.", "en", "Serdar"),  # no kinship word
        ("Donald Trump came with his son Serdar.", "en", "Serdar"),  # the gazetteer relates no Serdar to Trump
        ("Emomali Rahmon came with his daughter Rustam.", "en", "Rustam"),  # the relation must be the one named
    ],
)
def test_otherwise_a_given_name_alone_is_no_mention(text: str, lang: str, given: str) -> None:
    assert given not in {m.text for m in c5names.Linker(threshold=0.0).link(text, lang=lang, date=DATE)}
