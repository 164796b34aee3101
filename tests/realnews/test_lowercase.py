"""Issue 16, group 2: text written in lowercase (forum and social posts) is read too, by another
trigger than capital letters; edited, capitalised text is read exactly as before."""

from __future__ import annotations

import pytest

import c5names
from c5names.match.segment import lowercase_stretches, segment

EVERY_LINK = c5names.Linker(threshold=0.0)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("шавкат мирзиёев прилетел в самарканд вчера вечером", "ru", [("шавкат мирзиёев", "mirziyoyev-shavkat")]),
        (
            "тоҷикистон ва ӯзбекистон шартнома имзо карданд",
            "tg",
            [("тоҷикистон", "tajikistan"), ("ӯзбекистон", "uzbekistan")],
        ),
        (
            "honestly i think kassym-jomart tokayev handled it well",
            "en",
            [("kassym-jomart tokayev", "tokayev-kassym-jomart")],
        ),
        ("президент мирзиёев снова выступил с речью", "ru", [("мирзиёев", "mirziyoyev-shavkat")]),
    ],
)
def test_names_in_lowercase_posts(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    got = [(m.text, m.id) for m in c5names.link(text, lang=lang, date="2025-06-01")]
    assert got == expected


def test_a_common_word_in_lowercase_is_not_a_person_by_default() -> None:
    """ "trump card" in a lowercase post: a bare surname with nothing behind it is not linked."""
    assert c5names.link("that was their trump card all along, nothing more", lang="en", date="2025-06-01") == []


def test_only_paragraphs_without_capitals_are_read_word_by_word() -> None:
    text = "President Tokayev spoke in Astana.\n\nи ещё: шавкат мирзиёев тоже был там"
    stretches = lowercase_stretches(text)
    assert stretches == [(text.index("и ещё"), len(text))]
    got = [(m.text, m.id) for m in EVERY_LINK.link(text, lang="ru", date="2025-06-01")]
    assert ("шавкат мирзиёев", "mirziyoyev-shavkat") in got and ("Tokayev", "tokayev-kassym-jomart") in got


@pytest.mark.parametrize(
    "text",
    [
        "Le président Tokaïev a reçu Sergio Gor à Astana.",  # capitalised: no stretch at all
        "Tokayev spoke.\nand then the meeting went on for hours.",  # a wrapped line inside a paragraph
        "short note",  # too short to be a way of writing
    ],
)
def test_edited_text_has_no_lowercase_stretch(text: str) -> None:
    assert lowercase_stretches(text) == []


def test_capitalised_text_segments_as_before() -> None:
    text = "Le président Tokaïev a reçu Sergio Gor à Astana."
    assert [w.text for w in segment(text)] == [w.text for w in segment(text, lowercase=False)]
