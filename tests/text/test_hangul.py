"""Korean Hangul read in the ways it may stand for a foreign name (c5names.text.hangul), the checks
of data/hangul.yaml, and foreign names in Korean text linked through those readings."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import c5names
from c5names.match.segment import segment
from c5names.text.hangul import MAX_READINGS, HangulNames, hangul_table, has_hangul, read_hangul, readings
from c5names.text.keys import word_key
from c5names.text.tables import DATA
from tests.table_edits import edited, line_of, one_problem


@pytest.mark.parametrize(
    ("hangul", "name"),
    [
        ("토카예프", "Tokayev"),  # ㅍ as f or v, the added ㅡ of 프 read as nothing
        ("미르지요예프", "Mirziyoyev"),  # ㅈ as z
        ("트럼프", "Trump"),  # two added ㅡ; ㅓ as u
        ("푸틴", "Putin"),
        ("루카셴코", "Lukashenko"),  # ㄹ as l; ㅅ before a y-vowel is sh
        ("샤브카트", "Shavkat"),  # ㅂ as v
        ("라흐몬", "Rahmon"),
        ("해리스", "Harris"),  # ㅐ as a
    ],
)
def test_a_reading_has_the_names_key(hangul: str, name: str) -> None:
    assert word_key(name) in {word_key(text) for text, _end in readings(hangul)}


def test_readings_of_the_word_then_of_it_without_a_particle() -> None:
    got = readings("토카예프와의")
    assert {end for _text, end in got} == {6, 5, 4}  # the whole word, then without 의, without 와의
    assert got[0][1] == 6
    assert word_key("Tokayev") in {word_key(text) for text, end in got if end == 4}


def test_a_silent_initial_with_the_added_vowel_is_read() -> None:
    """은 is eun, en or un: a particle read as nothing would make 푸틴은 read as Putin, particle and all."""
    assert all(word_key(text) != "putin" for text, end in readings("푸틴은") if end == 3)


@pytest.mark.parametrize(("hangul", "first"), [("샤", "sha"), ("토", "to"), ("프", "p"), ("은", "en")])
def test_the_likeliest_reading_comes_first(hangul: str, first: str) -> None:
    assert readings(hangul * 2)[0][0] == first * 2


def test_readings_are_bounded_and_only_of_hangul() -> None:
    assert len([r for r in readings("베르디무함메도프") if r[1] == 8]) == MAX_READINGS
    assert readings("토카예프-") == () and readings("abc") == ()


def test_has_hangul() -> None:
    assert has_hangul("토카예프 대통령") and not has_hangul("トカエフ") and not has_hangul("Tokayev")


def test_the_shipped_table_reads() -> None:
    table = hangul_table()
    assert table.initials["ㅍ"][:2] == ("p", "f") and table.vowels["ㅡ"][0] == "" and "와의" in table.particles
    assert table.particles == tuple(sorted(table.particles, key=len, reverse=True))


@pytest.mark.parametrize(
    ("old", "new", "needle", "phrase"),
    [
        ("  ㅁ: [m]\n", "  ㅁ: [M]\n", "ㅁ: [M]", "lowercase ASCII letters"),
        ("  ㅁ: [m]\n", "  ㅁ: []\n", "ㅁ: []", "at least one reading"),
        ("  ㅁ: [m]\n", "  ㅁ: [m, m]\n", "ㅁ: [m, m]", "duplicate reading"),
        ("  ㅁ: [m]\n", "  ㅁ: m\n", "ㅁ: m", "expected a list"),
        ("  ㅁ: [m]\n", "  ㅁ: [m]\n  ㅏ: [m]\n", "ㅏ: [m]", "not an initial consonant letter"),
        ("  ㅉ: [ch]\n", "  ㅉ: ['']\n", "ㅉ: ['']", "never empty"),
        ("particles: [은,", "particles: [eun,", "particles:", "Hangul syllables only"),
        ("  ㅎ: [h, kh]\n", "", "ㄱ: [g, k]", "missing letters: ㅎ"),
    ],
)
def test_mistakes_in_the_hangul_table_are_reported(
    tmp_path: Path, old: str, new: str, needle: str, phrase: str
) -> None:
    path = edited(tmp_path, DATA / "hangul.yaml", old, new)
    one_problem(lambda: read_hangul(path), path, line_of(path, needle), phrase)


TWICE_AND_PUTIN = [("토카예프", "tokayev-kassym-jomart")] * 2 + [("푸틴", "putin-vladimir")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "카심조마르트 토카예프 카자흐스탄 대통령은 블라디미르 푸틴 러시아 대통령과 회담했다.",
            [("카심조마르트 토카예프", "tokayev-kassym-jomart"), ("블라디미르 푸틴", "putin-vladimir")],
        ),
        (
            "샤브카트 미르지요예프 우즈베키스탄 대통령과 도널드 트럼프 미국 대통령이 만났다.",
            [("샤브카트 미르지요예프", "mirziyoyev-shavkat"), ("도널드 트럼프", "trump-donald")],
        ),
        ("알렉산드르 루카셴코 벨라루스 대통령.", [("알렉산드르 루카셴코", "lukashenko-alexander")]),
        (
            "토카예프 대통령은 말했다. 토카예프와의 회담에서 푸틴은 웃었다.",
            TWICE_AND_PUTIN,
        ),
    ],
)
def test_foreign_names_in_korean_text(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(m.text, m.id) for m in c5names.link(text, lang="ko", date="2026-06-01") if m.type == "person"]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "오늘 서울의 날씨는 맑고 기온은 영하 5도까지 내려갔다. 시민들은 두꺼운 외투를 입고 출근했다.",
        "정부는 내년 예산안을 국회에 제출했다. 경제 성장률은 2퍼센트로 예상된다. 카드 사용액이 늘었다.",
    ],
)
def test_korean_text_naming_nobody_links_nobody(text: str) -> None:
    assert c5names.link(text, lang="ko", date="2026-06-01") == []


def test_the_component_reads_hangul_as_the_linker_does() -> None:
    """spaCy's own Korean tokenizer needs MeCab; the multi-language one cuts at spaces, and the
    particle after a name is split off its token."""
    nlp = spacy.blank("xx")
    nlp.add_pipe("c5names", config={"lang": "ko"})
    doc = nlp("블라디미르 푸틴 러시아 대통령은 회담했다. 푸틴은 웃었다.")
    assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "PER"] == [
        ("블라디미르 푸틴", "putin-vladimir"),
        ("푸틴", "putin-vladimir"),
    ]


def test_hangul_names_written_together() -> None:
    names = HangulNames()
    names.add("이", "재명")
    names.add("Lee", "재명")  # (not Hangul: left out)
    assert names.forms == {"이재명": (1, 2)}
    assert names.parts("이재명") == (1, 2) and names.parts("이재명은") == (1, 2)  # a particle after it
    assert names.parts("이재명이라는") is None  # not a particle the table lists
    assert names.parts("이재") is None and names.parts("재명") is None and not HangulNames()


def test_a_word_beginning_with_a_hangul_name_is_cut_into_its_parts() -> None:
    names = HangulNames()
    names.add("윤", "석열")
    assert [w.text for w in segment("윤석열은 말했다", hangul=names)] == ["윤", "석열", "말했다"]
    assert [w.text for w in segment("윤석열은 말했다")] == ["윤석열은", "말했다"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "이재명 대통령이 토카예프 대통령을 만났다. 이재명은 말했다.",
            ["lee-jae-myung", "tokayev-kassym-jomart", "lee-jae-myung"],
        ),
        ("윤석열 전 대통령은 말했다.", ["yoon-suk-yeol"]),  # 전 (former) is no one's surname
        ("이 대통령은 말했다. 이것은 책이다. 전 세계.", []),  # one syllable alone is a word
    ],
)
def test_korean_names_written_together(text: str, expected: list[str]) -> None:
    got = [m for m in c5names.link(text, lang="ko", date="2026-06-01") if m.type == "person"]
    assert [m.id for m in got] == expected
    assert all(m.text in {"이재명", "윤석열", "토카예프"} for m in got)  # (no particle in a span)
    nlp = spacy.blank("xx")
    nlp.add_pipe("c5names", config={"lang": "ko", "default_date": "2026-06-01"})
    assert [e.kb_id_ for e in nlp(text).ents if e.label_ == "PER"] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("시진핑 중국 국가주석이 토카예프 대통령과 만났다.", "ko", ["xi-jinping", "tokayev-kassym-jomart"]),
        (
            "리창 총리와 마오닝 대변인, 린젠 대변인.",
            "ko",
            ["li-qiang", "mao-ning", "lin-jian"],
        ),  # one syllable each part
        ("外交部发言人毛宁说。北京市委书记蔡奇会见了托卡耶夫。", "zh", ["mao-ning", "cai-qi", "tokayev-kassym-jomart"]),
    ],
)
def test_a_name_written_together_is_firm_though_each_part_alone_is_not(
    text: str, lang: str, expected: list[str]
) -> None:
    """A part of one syllable or character is as often a word (왕 'king', 한정 'limited'), so its hits
    are weak alone; the parts of a form the gazetteer writes together, cut from one word, make a name."""
    assert [m.id for m in c5names.link(text, lang=lang, date="2026-06-01") if m.type == "person"] == expected


@pytest.mark.parametrize("text", ["이 문제에 대해 왕이 직접 나섰다. 영국 왕 찰스 3세.", "궈 씨와 딩 씨, 둥 씨가 왔다."])
def test_a_hangul_syllable_alone_names_nobody(text: str) -> None:
    assert c5names.link(text, lang="ko", date="2026-06-01") == []
