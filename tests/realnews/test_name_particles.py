"""Lowercase particles inside a name: connectors between its parts (Ursula von der Leyen, Abdel Fattah
el-Sisi) and the Arabic article written onto a surname with a hyphen (ас-Сиси, аль-Асад). Before,
"Ursula von der Leyen" was read as the bare surname Leyen (a gap of two connector words was no join),
"el-Sisi" broke a full name in two, and the Russian "ас-Сиси" was no word at all (a lowercase word
joined to a capitalised one, read as "северо-Западный" is)."""

from __future__ import annotations

import pytest

import c5names
from c5names.match.segment import segment
from c5names.match.shapes import _gap_words

DATE = "2026-06-01"


def linked(text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.text, m.id) for m in c5names.link(text, lang=lang, date=DATE)]


@pytest.mark.parametrize(
    ("text", "lang", "span"),
    [
        ("EU Commission President Ursula von der Leyen said.", "en", "Ursula von der Leyen"),
        ("Ursula von der Leyen met Tokayev.", "en", "Ursula von der Leyen"),
        ("Ursula von der Leyen sagte.", "de", "Ursula von der Leyen"),
        ("Урсула фон дер Ляйен заявила.", "ru", "Урсула фон дер Ляйен"),
    ],
)
def test_a_name_with_connector_words_is_one_mention(text: str, lang: str, span: str) -> None:
    assert (span, "von-der-leyen-ursula") in linked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "span", "person"),
    [
        # The Kyrgyz uulu ("son of") and kyzy ("daughter of") end a name that makes the father's name a surname.
        ("Глава МЧС Нурланбек Тургунбек уулу заявил.", "ru", "Нурланбек Тургунбек уулу", "turgunbek-uulu-nurlanbek"),
        ("Nurlanbek Turgunbek uulu spoke in Bishkek.", "en", "Nurlanbek Turgunbek uulu", "turgunbek-uulu-nurlanbek"),
        ("Депутат Жылдыз Таалайбек кызы выступила.", "ru", "Жылдыз Таалайбек кызы", "taalaibek-kyzy-zhyldyz"),
        # A sentence's end after it, and the bare surname with its tail.
        ("Приказ подписал Нурланбек Тургунбек уулу.", "ru", "Нурланбек Тургунбек уулу", "turgunbek-uulu-nurlanbek"),
        ("Министр Тургунбек уулу выступил в Бишкеке, Кыргызстан.", "ru", "Тургунбек уулу", "turgunbek-uulu-nurlanbek"),
    ],
)
def test_a_connector_word_that_ends_the_name_is_in_its_span(text: str, lang: str, span: str, person: str) -> None:
    assert (span, person) in linked(text, lang)


def test_a_lowercase_word_after_a_name_that_is_not_its_connector_stays_out() -> None:
    """Only the person's own connector words extend the span: "Tokayev said" is not "Tokayev said"."""
    text = "Президент Касым-Жомарт Токаев уулу заявил."
    assert linked(text, "ru")[0][0] == "Касым-Жомарт Токаев"


@pytest.mark.parametrize(
    ("text", "lang", "spans"),
    [
        ("Abdel Fattah el-Sisi met Rahmon.", "en", ["Abdel Fattah el-Sisi"]),
        ("Abdel Fattah al-Sisi met Rahmon. Al-Sisi said.", "en", ["Abdel Fattah al-Sisi", "Al-Sisi"]),
        ("Абдель Фаттах ас-Сиси встретился с Рахмоном. Ас-Сиси заявил.", "ru", ["Абдель Фаттах ас-Сиси", "Ас-Сиси"]),
    ],
)
def test_an_article_joined_by_a_hyphen_belongs_to_the_name(text: str, lang: str, spans: list[str]) -> None:
    assert [s for s, i in linked(text, lang) if i == "el-sisi-abdel-fattah"] == spans


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Фаттах ас-Сиси сказал", ["Фаттах", "Сиси"]),
        ("Башар аль-Асад", ["Башар", "Асад"]),
        ("северо-Западный округ", []),  # a lowercase word, not an article, joined to a capitalised one
        ("вице-Премьер", []),
    ],
)
def test_the_name_after_a_hyphenated_article_is_a_word(text: str, words: list[str]) -> None:
    assert [w.text for w in segment(text)] == words


@pytest.mark.parametrize(
    ("gap", "words"),
    [
        (" von der ", ["von", "der"]),
        (" el-", ["el"]),
        (" ", []),  # no words
        (", ", []),
        (" 2 ", []),
        (" de, ", []),  # punctuation is not a connector's
    ],
)
def test_the_words_of_a_gap(gap: str, words: list[str]) -> None:
    assert _gap_words(gap) == words


def test_a_connector_word_the_person_does_not_have_joins_nothing() -> None:
    """ "bin" is no word of von der Leyen's name: the two words are not one name of hers."""
    assert ("Ursula bin Leyen", "von-der-leyen-ursula") not in linked("Ursula bin Leyen said.", "en")
