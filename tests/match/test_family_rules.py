"""Rules that the larger gazetteer of issue 15 needed, where families and namesakes share names:
initials by role and digraph, generation words over three generations, colleagues deciding a shared
surname, a country's one-word name that is someone's given name, a patronymic in another custom,
Arabic words read by their consonants beside their romanisation."""

from __future__ import annotations

import pytest

import c5names
from c5names.text.keys import initial_key, skeleton


def persons(text: str, lang: str | None = None, date: str | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.id) for m in c5names.link(text, lang=lang, date=date) if m.type == "person"]


@pytest.mark.parametrize(
    ("word", "key"), [("Ш", "sh"), ("Sh", "sh"), ("S", "s"), ("Зироат", "s"), ("Х", "h"), ("Ч", "ch")]
)
def test_an_initial_keeps_its_digraph(word: str, key: str) -> None:
    assert initial_key(skeleton(word)) == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ш.М. Мирзиёева прибыл.", [("Ш.М. Мирзиёева", "mirziyoyev-shavkat")]),  # not Ziroat: Ш is no Z
        ("S. Mirziyoyev met them.", [("S. Mirziyoyev", "mirziyoyev-shavkat")]),
        ("Э.Рахмон выступил.", [("Э.Рахмон", "rahmon-emomali")]),  # E is Ozoda's patronymic, not her name
        ("Emomali S. Rahmon spoke.", [("Emomali S. Rahmon", "rahmon-emomali")]),  # a middle initial
        ("Mr George H. W. Bush spoke.", [("George H. W. Bush", "bush-george-hw")]),
        ("George W. Bush spoke.", [("George W. Bush", "bush-george-w")]),
    ],
)
def test_initials_go_to_their_part_of_the_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize(
    ("text", "lang", "date", "expected"),
    [
        ("Berdimuhamedov Jr. met the delegation.", "en", "2015-03-01", "berdimuhamedov-serdar"),
        ("Berdimuhamedow senior sprach.", "de", "2024-03-01", "berdimuhamedov-gurbanguly"),
    ],
)
def test_generation_words_name_the_two_latest_generations(text: str, lang: str, date: str, expected: str) -> None:
    """Myalikguly, Gurbanguly and Serdar Berdimuhamedov are three generations: Jr. is the grandson."""
    assert [i for _, i in persons(text, lang, date)] == [expected]


def test_colleagues_decide_a_surname_the_family_shares() -> None:
    """Rahmon is also Ozoda Rahmon's and Rukhshona Emomali's name: beside two heads of state, it is
    the head of state; alone, nothing decides it."""
    assert persons("Tokayev, Mirziyoyev and Rahmon met.", "en")[-1] == ("Rahmon", "rahmon-emomali")
    assert persons("Rahmon spoke.", "en") == []
    got = persons("Встреча Токаева и Мирзиёева прошла в Ташкенте.", "ru")
    assert got == [("Токаева", "tokayev-kassym-jomart"), ("Мирзиёева", "mirziyoyev-shavkat")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("George Clooney visited Tbilisi.", []),  # George is no Georgia (Dutch Georgië)
        ("Georgia and Armenia signed.", ["georgia", "armenia"]),
        ("Kazakhstan President Tokayev spoke.", ["kazakhstan"]),
    ],
)
def test_a_given_name_before_a_name_is_no_country(text: str, expected: list[str]) -> None:
    assert [m.id for m in c5names.link(text, lang="en") if m.type == "country"] == expected


@pytest.mark.parametrize("form", ["Sooronbay Sharipovich Jeenbekov", "Сооронбай Шарипович Жээнбеков"])
def test_a_patronymic_in_another_custom_is_the_same_father(form: str) -> None:
    """The gazetteer lists Шарип уулу (Kyrgyz custom); Sharipovich is the Russian form of it."""
    assert [c.id for c in c5names.lookup(form)] == ["jeenbekov-sooronbay"]
    assert [c.id for c in c5names.lookup("Sooronbay Ivanovich Jeenbekov") if c.role == "full"] == []


def test_an_arabic_word_is_read_by_its_consonants_too() -> None:
    """قاسم romanises to a key another person has (Qosimi); by its consonants it is Kassym."""
    text = "استقبل الرئيس قاسم جومارت توكاييف الوفد."
    assert [i for _, i in persons(text, "ar")] == ["tokayev-kassym-jomart"]
