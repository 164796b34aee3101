"""Issue 16, group 1: country names in the case forms of the region's languages, on sentences
written for the purpose. The names come from CLDR (data/countries-cldr.yaml) and the hand-kept
countries; the endings from c5names/text/data/endings.yaml (suffixes, and endings that replace the
nominative's)."""

from __future__ import annotations

import pytest

import c5names
from c5names.text.inflection import nominatives, plain_yo


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Делегация России прибыла в Астану.", "ru", [("России", "russia")]),
        ("Президент Соединённых Штатов прибыл в Ташкент.", "ru", [("Соединённых Штатов", "united-states")]),
        ("Посол Китая встретился с министром.", "ru", [("Китая", "china")]),
        ("Переговоры в Китае и Уругвае завершились.", "ru", [("Китае", "china"), ("Уругвае", "uruguay")]),
        ("Gazagystanyň prezidenti Aşgabada geldi.", "tk", [("Gazagystanyň", "kazakhstan")]),
        ("Gyrgyzystanyň wekilleri gatnaşdy.", "tk", [("Gyrgyzystanyň", "kyrgyzstan")]),
        ("Amerikanyň Birleşen Ştatlarynyň ilçisi geldi.", "tk", [("Amerikanyň Birleşen Ştatlarynyň", "united-states")]),
        ("Америка Құрама Штаттарының елшісі келді.", "kk", [("Америка Құрама Штаттарының", "united-states")]),
        ("АҚШ-тың елшісі Астанаға келді.", "kk", [("АҚШ", "united-states")]),
        ("АКШнын элчиси Бишкекке келди.", "ky", [("АКШнын", "united-states")]),
        ("Amerika Qoʻshma Shtatlarining elchisi keldi.", "uz", [("Amerika Qoʻshma Shtatlarining", "united-states")]),
        # Çin: CLDR's Turkish and Azerbaijani name, three letters (kept by hand in data/countries.yaml);
        # Çad is read as Chad is written (its Ç sounds ch)
        ("Çin’in büyükelçisi Rusya’ya gitti.", "tr", [("Çin", "china"), ("Rusya", "russia")]),
        ("Çin və Rusiya nümayəndələri görüşdü.", "az", [("Çin", "china"), ("Rusiya", "russia")]),
        ("Çad ve Rusya heyetleri görüştü.", "tr", [("Çad", "chad"), ("Rusya", "russia")]),
        # feminine country names in -a, neuters in -o and plurals, in the cases that replace the
        # nominative's ending (endings.yaml, `replaced`)
        ("Посол Кубы и делегация Молдовы прибыли.", "ru", [("Кубы", "cuba"), ("Молдовы", "moldova")]),
        ("Посол Куби та делегація Німеччини прибули.", "uk", [("Куби", "cuba"), ("Німеччини", "germany")]),
        ("Ambasador Rosji spotkał się z delegacją Turcji.", "pl", [("Rosji", "russia"), ("Turcji", "turkey")]),
        ("Rozmowy w Chinach i na Ukrainie trwały.", "pl", [("Chinach", "china"), ("Ukrainie", "ukraine")]),
        ("Velvyslanec Ruska jednal s delegací Německa.", "cs", [("Ruska", "russia"), ("Německa", "germany")]),
        ("Veľvyslanec Ruska rokoval na Ukrajine.", "sk", [("Ruska", "russia"), ("Ukrajine", "ukraine")]),
        ("Rusijos ir Kinijos delegacijos susitiko.", "lt", [("Rusijos", "russia"), ("Kinijos", "china")]),
        (
            "Veleposlanik Rusije sastao se s izaslanikom Njemačke.",
            "hr",
            [("Rusije", "russia"), ("Njemačke", "germany")],
        ),
        ("Veleposlanik Rusije je obiskal Kitajsko.", "sl", [("Rusije", "russia"), ("Kitajsko", "china")]),
        ("Ο πρέσβης της Ρωσίας είδε τον πρέσβη της Τουρκίας.", "el", [("Ρωσίας", "russia"), ("Τουρκίας", "turkey")]),
        ("Ambasadorul Chinei s-a întâlnit cu delegația Turciei.", "ro", [("Chinei", "china"), ("Turciei", "turkey")]),
    ],
)
def test_a_country_in_a_case_form_is_linked(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    mentions = c5names.link(text, lang=lang, date="2024-05-01")
    assert [(m.text, m.id) for m in mentions if m.type == "country"] == expected


def test_kyrgyz_reads_a_case_after_the_possessive() -> None:
    """Кошмо Штаттар-ынын: the genitive after the possessive of a compound name."""
    mentions = c5names.link("Кошмо Штаттарынын элчиси келди.", lang="ky")
    assert [(m.text, m.id) for m in mentions] == [("Кошмо Штаттарынын", "united-states")]


def test_a_case_ending_may_stand_for_several_nominatives() -> None:
    assert "Россия" in nominatives("России", "ru")
    assert "Китай" in nominatives("Китае", "ru") and "Китай" in nominatives("Китая", "ru")
    assert nominatives("Китая", None) == ()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Latvija eksportē uz Ķīnu kokmateriālus.", "lv"),  # Ķīnu: China's accusative, stem of Qin
        ("Ministar je otputovao iz Kine u petak.", "hr"),  # Kine: China's genitive, stem of Qin
    ],
)
def test_offices_do_not_tell_a_person_from_a_country(text: str, lang: str) -> None:
    """A word read both as a country's case form and as a stem of a person's surname, each as well:
    that the person held an office is no evidence about which is meant, so Qin Gang is not linked.
    (China is not linked either: the two stay too close to decide.)"""
    persons = [m.id for m in c5names.link(text, lang=lang, date="2023-05-01") if m.type == "person"]
    assert persons == []


def test_yo_is_read_as_ye() -> None:
    assert plain_yo("Соединённых") == "Соединенных"
    assert plain_yo("Ёлкин") == "Елкин"
    assert plain_yo("Tokayev") is None


@pytest.mark.parametrize(
    ("text", "lang", "spans"),
    [
        ("Америка Кошмо Штаттарынын президенти сүйлөдү.", "ky", ["Америка Кошмо Штаттарынын"]),
        ("Russia Russia Russia, they chanted.", "en", ["Russia", "Russia", "Russia"]),  # said three times
        ("America\nUnited States", "en", ["America", "United States"]),  # two lines: two names
    ],
)
def test_two_names_of_one_country_side_by_side_are_one_mention(text: str, lang: str, spans: list[str]) -> None:
    got = [m.text for m in c5names.link(text, lang=lang, date="2025-03-01") if m.type == "country"]
    assert got == spans
