"""Issue 16, group 6: span edges in Arabic script. Punctuation of the script (the Arabic comma,
semicolon, question mark; Arabic-Indic digits) ends a word, and a one-word given name before a
repeated surname belongs to the mention."""

from __future__ import annotations

import pytest

import c5names
from c5names.gazetteer.schema import PersonName
from c5names.index.variants import joined_given
from c5names.match.segment import segment

EVERY_LINK = c5names.Linker(threshold=0.0)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("توكاييف، ورئيس", ["توكاييف", "ورئيس"]),  # Arabic comma
        ("قال توكاييف؛ ثم", ["قال", "توكاييف", "ثم"]),  # Arabic semicolon
        ("هل زار توكاييف؟", ["هل", "زار", "توكاييف"]),  # Arabic question mark
        ("عام ٢٠٢٥ توكاييف", ["عام", "توكاييف"]),  # Arabic-Indic digits
        ("ट्रंप। बाइडेन", ["ट्रंप", "बाइडेन"]),  # the Devanagari danda
    ],
)
def test_script_punctuation_ends_a_word(text: str, words: list[str]) -> None:
    assert [w.text for w in segment(text)] == words


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("قاسم جومارت توكاييف، رئيس كازاخستان", "ar", ["قاسم جومارت توكاييف", "كازاخستان"]),
        ("شوکت میرضیایف، رئیس جمهور ازبکستان", "fa", ["شوکت میرضیایف", "ازبکستان"]),
    ],
)
def test_no_comma_inside_a_mention(text: str, lang: str, expected: list[str]) -> None:
    assert [m.text for m in c5names.link(text, lang=lang, date="2025-06-01")] == expected


def test_a_given_name_before_a_repeated_surname_is_part_of_the_mention() -> None:
    text = "قاسم جومارت توكاييف زار موسكو. وقال قاسم توكاييف إن الزيارة ناجحة"
    got = [(m.text, m.id) for m in EVERY_LINK.link(text, lang="ar", date="2025-06-01")]
    assert got == [("قاسم جومارت توكاييف", "tokayev-kassym-jomart"), ("قاسم توكاييف", "tokayev-kassym-jomart")]


def test_a_repeated_given_name_alone_is_not_a_mention() -> None:
    text = "قاسم جومارت توكاييف زار موسكو. وقال قاسم إن الزيارة ناجحة"
    assert [m.text for m in EVERY_LINK.link(text, lang="ar", date="2025-06-01")] == ["قاسم جومارت توكاييف"]


@pytest.mark.parametrize(
    "given",
    ["امام علی", "امام\u200cعلی", "امامعلی"],  # spaced (as the gazetteer writes it), joined by a ZWNJ, joined
)
def test_a_compound_given_name_spaced_or_joined(given: str) -> None:
    text = f"{given} رحمان، رئیس جمهور تاجیکستان، سخن گفت."
    got = [(m.text, m.id) for m in c5names.link(text, lang="fa", date="2025-03-01") if m.type == "person"]
    assert got == [(f"{given} رحمان", "rahmon-emomali")]


def test_a_joined_form_is_indexed_only_for_arabic_script_compounds() -> None:
    assert joined_given(PersonName(given="امام علی", surname="رحمان", lang="fa"))[0]
    assert joined_given(PersonName(given="George Walker", surname="Bush", lang="en")) == []
    assert joined_given(PersonName(given="علی", surname="رحمان", lang="fa")) == []
