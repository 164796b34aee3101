"""Pinyin cut into syllables and transcribed as the Hungarian and Czech presses write Chinese names
(c5names.text.pinyin, data/pinyin.yaml), and the table's checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from c5names.gazetteer.schema import PersonName
from c5names.index.variants import name_parts, transcriptions
from c5names.model import Role
from c5names.text.pinyin import syllables, transcribe, transcription_systems
from c5names.text.tables import TableError


@pytest.mark.parametrize(
    ("word", "cut"),
    [
        ("Jìnpíng", ["jin", "ping"]),  # tone marks go
        ("Kèqiáng", ["ke", "qiang"]),
        ("Enlai", ["en", "lai"]),  # a syllable without an initial
        ("Xiaoping", ["xiao", "ping"]),
        ("Xi'an", ["xi", "an"]),  # the apostrophe separates
        ("Lǚ", ["lv"]),  # ü kept (as v) when its tone goes
        ("Yi", ["yi"]),
    ],
)
def test_pinyin_words_are_cut_into_syllables(word: str, cut: list[str]) -> None:
    assert syllables(word) == cut


@pytest.mark.parametrize("word", ["Tokayev", "Smith", "Mirziyoyev", "Xq", ""])
def test_words_that_are_not_pinyin_are_not_cut(word: str) -> None:
    assert syllables(word) is None


# The transcriptions of the Hungarian and Czech presses (Hszi Csin-ping, Si Ťin-pching: Xi Jinping;
# Mao Ce-tung: Mao Zedong; Teng Hsziao-ping / Teng Siao-pching: Deng Xiaoping; Csou En-laj / Čou
# En-laj: Zhou Enlai; Hu Csin-tao / Chu Ťin-tchao: Hu Jintao; Vang Ji / Wang I: Wang Yi).
@pytest.mark.parametrize(
    ("word", "hu", "cs"),
    [
        ("Xí", "Hszi", "Si"),
        ("Jìnpíng", "Csin-ping", "Ťin-pching"),
        ("Zedong", "Ce-tung", "Ce-tung"),
        ("Deng", "Teng", "Teng"),
        ("Xiaoping", "Hsziao-ping", "Siao-pching"),
        ("Zhou", "Csou", "Čou"),
        ("Enlai", "En-laj", "En-laj"),
        ("Hu", "Hu", "Chu"),
        ("Jintao", "Csin-tao", "Ťin-tchao"),
        ("Wang", "Vang", "Wang"),
        ("Yi", "Ji", "I"),
        ("Keqiang", "Ko-csiang", "Kche-čchiang"),
        ("Liu", "Liu", "Liou"),
    ],
)
def test_hungarian_and_czech_transcriptions(word: str, hu: str, cs: str) -> None:
    assert transcribe(word, "hu") == hu
    assert transcribe(word, "cs") == cs


def test_no_transcription_for_other_languages_or_other_words() -> None:
    assert transcribe("Jinping", "de") is None  # the German press writes pinyin
    assert transcribe("Tokayev", "hu") is None


def test_a_lowercase_syllable_hyphened_to_a_name_is_part_of_it() -> None:
    name = PersonName(given="Csin-ping", surname="Hszi", lang="hu")
    assert name_parts(name)[Role.GIVEN] == ["Csin", "Ping"]  # not a connector like "de"
    assert name_parts(PersonName(given="Jean", surname="de Gaulle", lang="fr"))[Role.SURNAME] == ["de", "Gaulle"]


def test_pinyin_names_are_transcribed_and_others_not() -> None:
    pinyin = PersonName(given="Jìnpíng", surname="Xí", lang="zh", script="Latn")
    got = {language: parts[Role.GIVEN] + parts[Role.SURNAME] for language, parts in transcriptions(pinyin)}
    assert got == {"hu": ["Csin", "Ping", "Hszi"], "cs": ["Ťin", "Pching", "Si"]}
    english = PersonName(given="Jinping", surname="Xi", lang="en")
    assert transcriptions(english) == []  # an English form is pinyin only for a Chinese citizen
    assert [lang for lang, _parts in transcriptions(english, chinese=True)] == ["hu", "cs"]
    assert transcriptions(PersonName(given="Kassym-Jomart", surname="Tokayev", lang="en"), chinese=True) == []


def test_the_table_is_checked(tmp_path: Path) -> None:
    table = tmp_path / "pinyin.yaml"
    table.write_text(
        "initials:\n  x: [sh]\n"
        "transcriptions:\n"
        "  hu:\n"
        "    initials: {xx: hsz}\n"
        "    finals: {ong: ung, qqq: x}\n"
        "    after:\n      - initials: [j, kk]\n        finals: {u: ü}\n"
        "    syllables: {yiyi: ji}\n",
        encoding="utf-8",
    )
    with pytest.raises(TableError) as caught:
        transcription_systems.__wrapped__(table)
    text = str(caught.value)
    for needle in ("'xx'", "'qqq'", "'kk'", "'yiyi'"):
        assert needle in text, text
    assert str(table) in text
