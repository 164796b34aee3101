"""Issue 16, group 9: without --lang, the language of each document is detected (no model download),
so its case endings are read as they are with the language given."""

from __future__ import annotations

import pytest

import c5names
from c5names.text.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Президент Мирзиёев встретился с Токаевым в Самарканде.", "ru"),
        ("Prezident Shavkat Mirziyoyev Toshkentda nutq soʻzladi va mehmonlarni qabul qildi.", "uz"),
        ("Президенти Тоҷикистон Эмомалӣ Раҳмон дар ин ҷаласа суханронӣ кард.", "tg"),
        ("Қазақстан Президенті Қасым-Жомарт Тоқаев бүгін Астанада сөз сөйледі.", "kk"),
        ("Кыргыз Республикасынын Президенти Садыр Жапаров бүгүн сүйлөдү.", "ky"),
        ("Türkmenistanyň Prezidenti Serdar Berdimuhamedow bu gün çykyş etdi.", "tk"),
        ("Le président Tokaïev a reçu l’envoyé spécial américain Sergio Gor à Astana.", "fr"),
        ("Präsident Tokajew empfing den amerikanischen Sondergesandten in Astana.", "de"),
        ("Spotkanie z prezydentem Tokajewem odbyło się w Astanie w poniedziałek.", "pl"),
    ],
)
def test_the_language_of_a_document(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_a_text_too_short_to_tell_has_no_language() -> None:
    assert detect_language("Tokayev") is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Вчера Токаев встречался с Мирзиёевым в Ташкенте.", "ru", "Мирзиёевым"),  # Russian instrumental
        ("Wczoraj prezydent spotkał się z Tokajewem w Astanie.", "pl", "Tokajewem"),  # Polish instrumental
    ],
)
def test_detected_language_reads_case_endings_as_a_given_one(text: str, lang: str, expected: str) -> None:
    with_lang = [(m.text, m.id) for m in c5names.Linker(threshold=0.0).link(text, lang=lang, date="2025-06-01")]
    detected = [(m.text, m.id) for m in c5names.Linker(threshold=0.0).link(text, date="2025-06-01")]
    assert detected == with_lang and expected in {t for t, _ in detected}


def test_detection_can_be_turned_off() -> None:
    linker = c5names.Linker(detect_language=False)
    assert linker.language_of("Президент Мирзиёев встретился с Токаевым.") is None
    assert c5names.Linker().language_of("Президент Мирзиёев встретился с Токаевым.") == "ru"
