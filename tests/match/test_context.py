"""The rules that read a candidate's neighbours (`c5names.match.context`), sentence by sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

import c5names
from c5names.index import NameIndex
from c5names.match.context import closest_given_name, completes_a_title
from c5names.match.detect import someone_elses_surname
from c5names.scoring import GIVEN_NAME_SIMILARITY, LISTED_GIVEN_NAME_SIMILARITY
from c5names.text.keys import skeleton


def linked(
    linker: c5names.Linker, text: str, lang: str | None = None, date: str | None = "2023-05-01"
) -> list[tuple[str, str]]:
    return [(m.text, m.id) for m in linker.link(text, lang=lang, date=date)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gulnara Berdov opened a shop.", "en"),  # an unknown given name: someone else's full name
        ("Лола Бердова открыла магазин.", "ru"),  # the same in Russian (and a woman's form)
    ],
)
def test_an_unknown_given_name_before_a_surname_names_someone_else(
    linker: c5names.Linker, text: str, lang: str
) -> None:
    assert linked(linker, text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Визит Бердова прошёл. Президент доволен.", "ru", [("Бердова", "berdov-serdan")]),  # a noun not in case
        ("President Berdov arrived.", "en", [("Berdov", "berdov-serdan")]),  # a title is not a given name
        ("Бишкекте Бердов сүйлөдү, президент.", "ky", [("Бердов", "berdov-serdan")]),  # a declined place before
        # a title's complement in the genitive between the title and the surname (Аким Шымкента Сыздыкбеков)
        ("Президент Тестограда Бердов прибыл.", "ru", [("Бердов", "berdov-serdan")]),
        ("Вчера президент Тестограда Бердов прибыл.", "ru", [("Бердов", "berdov-serdan")]),  # a lowercase title
        ("По словам вице-президента Тестограда Бердов прибыл.", "ru", [("Бердов", "berdov-serdan")]),
    ],
)
def test_words_that_cannot_be_a_given_name(
    linker: c5names.Linker, text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert linked(linker, text, lang) == expected


@pytest.mark.parametrize(
    ("given", "surname", "lang", "expected"),
    [
        ("Gulnara", "Berdov", "en", True),  # an unknown given name
        ("Akyl", "Berdov", "en", True),  # another person's given name
        ("Лола", "Бердова", "ru", True),
        ("Serdan", "Berdov", "en", False),  # his own
        ("Serdon", "Berdov", "en", False),  # his own, misspelt (`take_unlisted_given_name`)
        ("President", "Berdov", "en", False),  # a title
        ("Визит", "Бердова", "ru", False),  # a noun not in case with the surname
        ("Тестограда", "Бердов", "ru", True),  # on its own, a given name (a title before it: the test above)
        ("Berdov", "Gulnara", "en", False),  # no surname
        ("Gurban", "Akyl", "en", False),  # nor here
    ],
)
def test_someone_elses_surname_is_what_the_rules_of_its_neighbours_leave_unlinked(
    index: NameIndex, linker: c5names.Linker, given: str, surname: str, lang: str, expected: bool
) -> None:
    """`detect.someone_elses_surname`, what the spaCy component asks before reading a surname's window:
    the two words alone make a bare surname that the neighbour rules give to someone else."""
    assert someone_elses_surname(index, given, surname, lang) is expected
    if expected:
        assert linked(linker, f"{given} {surname}", lang) == []


def test_a_misspelt_given_name_of_the_person_is_theirs(linker: c5names.Linker) -> None:
    """Şerdan Berdov: an unknown word close to the person's own given name is that name respelt."""
    assert linked(linker, "Şerdan Berdov konuştu.", "tr") == [("Şerdan Berdov", "berdov-serdan")]


def test_a_word_inside_a_capitalised_compound_is_not_a_name(linker: c5names.Linker) -> None:
    assert linked(linker, "The Berdov-Tex jacket sold out.", "en") == []


def test_a_hyphenated_pair_of_people_is_two_names(linker: c5names.Linker) -> None:
    got = linked(linker, "The Gurban Berdov-Akyl Japov talks began.", "en")
    assert ("Gurban Berdov", "berdov-gurban") in got and ("Akyl Japov", "japov-akyl") in got


def _closest_one_by_one(index: NameIndex, word: str, entities: list[int]) -> tuple[float, int] | None:
    """`closest_given_name` as it was written first: a comparison per given name, the first best kept."""
    key = skeleton(word)
    best: tuple[float, int] | None = None
    for entity in entities:
        for name in index.entities[entity].given_keys:
            similarity = Levenshtein.normalized_similarity(key, name)
            if similarity >= GIVEN_NAME_SIMILARITY and (best is None or similarity > best[0]):
                best = (similarity, entity)
    return best


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=300)
@given(data=st.data())
def test_the_closest_given_name_is_the_first_of_the_closest(index: NameIndex, data: st.DataObject) -> None:
    """Compared all at once (a common surname's holders are thousands at a million persons): the same
    entity and similarity as one by one, ties going to the first."""
    everyone = list(range(len(index.entities)))
    entities = data.draw(st.lists(st.sampled_from(everyone), max_size=12))
    givens = sorted({g for e in everyone for g in index.entities[e].given_keys})
    word = data.draw(st.sampled_from(givens) | st.text("gurbanakylsdeio", min_size=1, max_size=9))
    assert closest_given_name(index, word, entities) == _closest_one_by_one(index, word, entities)


def test_the_closest_given_name_of_a_respelling(index: NameIndex) -> None:
    gurban = index.by_id["berdov-gurban"]
    assert closest_given_name(index, "Gurbon", [gurban]) == _closest_one_by_one(index, "Gurbon", [gurban])
    assert closest_given_name(index, "Gurbon", [gurban]) is not None
    assert closest_given_name(index, "Zzzzzz", [gurban]) is None


def test_a_given_name_exactly_at_the_threshold_is_taken(tmp_path: Path) -> None:
    """قاسم reads "ksm", 0.6 from Kasim, exactly GIVEN_NAME_SIMILARITY: taken (rapidfuzz's own
    score_cutoff would refuse it). (A gazetteer without the Arabic spelling the default one lists.)"""
    from c5names.index import compiled

    path = tmp_path / "tokayev.yaml"
    path.write_text(
        "version: 1\nentities:\n  - id: tokayev-kassym-jomart\n    type: person\n    name: Kasim Tokayev\n"
        "    names:\n      - {given: Kasim, surname: Tokayev, lang: en, source: 'https://example.org/t'}\n",
        encoding="utf-8",
    )
    index = compiled(c5names.load(path, default=False))
    tokayev = index.by_id["tokayev-kassym-jomart"]
    assert closest_given_name(index, "قاسم", [tokayev]) == (GIVEN_NAME_SIMILARITY, tokayev)
    assert closest_given_name(index, "قاسم", [tokayev]) == _closest_one_by_one(index, "قاسم", [tokayev])


_BEK_NAMES = """version: 1
entities:
  - id: osmon-damirbek
    type: person
    name: Damirbek Osmon
    names:
      - {given: Damirbek, surname: Osmon, lang: en, source: 'https://example.org/o'}
  - id: tursun-aibek
    type: person
    name: Aibek Tursun
    names:
      - {given: Aibek, surname: Tursun, lang: en, source: 'https://example.org/t'}
  - id: kadyr-oybek
    type: person
    name: Oybek Kadyr
    names:
      - {given: Oybek, surname: Kadyr, lang: en, source: 'https://example.org/k'}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Aibek is listed as someone else's given name, and only 0.625 from Damirbek (the -bek they share)
        ("Aibek Osmon spoke.", []),
        # the same word, one edit from the person's own given name (Aibek and Oybek: 0.8), is theirs respelt
        ("Aibek Kadyr spoke.", [("Aibek Kadyr", "kadyr-oybek")]),
        # a word listed as no one's given name needs only GIVEN_NAME_SIMILARITY (Damirbek misspelt)
        ("Dairbek Osmon spoke.", [("Dairbek Osmon", "osmon-damirbek")]),
    ],
)
def test_a_word_listed_as_someone_elses_given_name_must_be_closer(
    tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    """`take_unlisted_given_name`: Turkic given names share their elements (-bek), so a word written as
    another person's listed given name is read as the person's own only within LISTED_GIVEN_NAME_SIMILARITY."""
    path = tmp_path / "bek.yaml"
    path.write_text(_BEK_NAMES, encoding="utf-8")
    linker = c5names.Linker(c5names.load(path, default=False))
    assert Levenshtein.normalized_similarity(skeleton("Aibek"), skeleton("Damirbek")) < LISTED_GIVEN_NAME_SIMILARITY
    assert linked(linker, text, "en") == expected


@pytest.mark.parametrize(
    ("title", "word", "surname", "lang", "expected"),
    [
        ("Аким", "Шымкента", "Сыздыкбеков", "ru", True),  # the akim of Shymkent
        ("Пресс-секретарь", "Кремля", "Песков", "ru", True),
        ("секретарь", "Кремля", "Песков", None, True),  # (spaCy's token after Пресс-: a title word too)
        ("Мэр", "Москвы", "Собянин", "ru", True),
        ("Министр", "Иван", "Петров", "ru", False),  # a nominative given name
        ("Аким", "Шымкента", "Сыздыкбековой", "ru", False),  # a declined surname: the word may agree with it
        ("Аким", "Шымкента", "Сыздыкбекова", "ru", False),  # a woman's surname, or a genitive
        ("Вчера", "Шымкента", "Сыздыкбеков", "ru", False),  # no title before the word
        ("Әкім", "Шымкента", "Сыздыкбеков", "kk", False),  # Turkic: declined only at the end of a name
    ],
)
def test_a_genitive_between_a_title_and_a_surname_completes_the_title(
    title: str, word: str, surname: str, lang: str | None, expected: bool
) -> None:
    assert completes_a_title(title, word, surname, lang) is expected
