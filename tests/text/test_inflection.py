"""Case endings, apostrophe suffixes and elisions (c5names.text.inflection), per language, and the
checks of their tables (data/endings.yaml, data/apostrophes.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from c5names.text.inflection import (
    ENDINGS,
    MIN_STEM,
    affixes,
    endings_for,
    is_elided_word,
    is_hyphenated_article,
    nominatives,
    plain_yo,
    read_affixes,
    respellings,
    romance_hard_c,
    rule_letters,
    ruled,
    split_apostrophe_suffix,
    split_elision,
    split_hyphenated_article,
    stems,
    turkic_c,
)
from c5names.text.tables import DATA
from tests.table_edits import edited, line_of, one_problem

# (inflected word, language, the stems proposed, longest ending removed first)
STEMS = [
    ("Мирзиёевым", "ru", ("Мирзиёев",)),  # instrumental
    ("Мирзиёева", "ru", ("Мирзиёев",)),  # genitive
    ("Токаевым", "ru-RU", ("Токаев",)),  # a region subtag is ignored
    ("Токаевові", "uk", ("Токаев",)),  # Ukrainian dative -ові
    ("Tokajewem", "pl", ("Tokajew",)),
    ("Tokajewowi", "pl", ("Tokajew",)),
    ("Mirzijojevovi", "cs", ("Mirzijojev",)),
    ("Mirzijojevas", "lt", ("Mirzijojev",)),
    ("Tokajevvel", "hu", ("Tokajev",)),
    ("Tokajews", "de", ("Tokajew",)),
    ("Mirziyoyevni", "uz", ("Mirziyoyev",)),
    ("Mirziyoyevning", "uz", ("Mirziyoyev",)),
    ("Мирзиёевнинг", "uz", ("Мирзиёев",)),  # Uzbek in Cyrillic, the same endings
    ("Тоқаевтың", "kk", ("Тоқаев",)),
    ("Tokayevtiń", "kk", ("Tokayev",)),  # Kazakh Latin
    ("Жапаровдун", "ky", ("Жапаров",)),  # a Kyrgyz harmony form
    ("Жапаровго", "ky", ("Жапаров",)),
    ("Жапаровдан", "ky", ("Жапаров",)),  # a form of the shared Turkic group
    ("Рахмонро", "tg", ("Рахмон",)),
    ("Tokajevin", "fi", ("Tokajev", "Tokajevi")),  # -in before -n: longest first
    ("Tokajeviga", "et", ("Tokajev",)),
    ("Tokayevlə", "az", ("Tokayev", "Tokayevl")),
    ("Kazahstanului", "ro", ("Kazahstan", "Kazahstanu")),
    ("ტოკაევს", "ka", ("ტოკაევ",)),
    ("Tokayev", "tr", ()),  # Turkish writes its endings after an apostrophe
    ("Gore", "en", ()),  # English has no fused endings: Gore is not Gor
    ("Ивом", "ru", ()),  # a stem keeps at least MIN_STEM letters
    ("Tokajewem", None, ("Tokajew",)),  # no language: every language's endings
    ("Каримова", None, ()),  # ... but not a lone vowel: Karimova is a woman, not Karimov's genitive
    ("Каримова", "ru", ("Каримов",)),  # with a language it is tried
    ("Louis", "xx", ("Loui",)),  # without a language a stem keeps four letters: not Lou
]


@pytest.mark.parametrize(("word", "lang", "expected"), STEMS, ids=[f"{w}-{lang}" for w, lang, _ in STEMS])
def test_stems(word: str, lang: str | None, expected: tuple[str, ...]) -> None:
    assert stems(word, lang) == expected


def test_endings_for_a_language_are_its_own_longest_first() -> None:
    assert endings_for("de") == ["s"] and endings_for("tr") == [] and endings_for("zz") == []
    uk = endings_for("uk")
    assert uk[0] in {"ами", "ями", "ыми", "ими", "ого", "его", "ому", "ему", "ові", "єві"} and uk[-1] == "и"
    assert [len(e) for e in uk] == sorted((len(e) for e in uk), reverse=True)
    assert set(endings_for(None)) == {e for endings in ENDINGS.values() for e in endings}
    assert endings_for("xx") == endings_for("mul") == endings_for(None)


def test_groups_are_spelt_out_once_per_language() -> None:
    kk, ky = ENDINGS["kk"], ENDINGS["ky"]
    assert len(kk) == len(set(kk)) and len(ky) == len(set(ky))
    assert {"ами", "тың", "ning"} <= set(kk) and {"ами", "тың", "дун"} <= set(ky)
    assert MIN_STEM == 3


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("d’Emomali", ("d’", "Emomali")),
        ("l'Ouzbékistan", ("l'", "Ouzbékistan")),
        ("L’Ouzbékistan", ("L’", "Ouzbékistan")),  # either case
        ("dell'Uzbekistan", ("dell'", "Uzbekistan")),  # Italian
        ("Qu'Ahmed", ("Qu'", "Ahmed")),
        ("d'accord", ("", "d'accord")),  # only before a capital
        ("Xi'an", ("", "Xi'an")),
        ("O'Brien", ("", "O'Brien")),  # o is no elision
    ],
)
def test_split_elision(word: str, split: tuple[str, str]) -> None:
    assert split_elision(word) == split


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("ас-Сиси", ("ас-", "Сиси")),
        ("аль-Асад", ("аль-", "Асад")),
        ("ас-сиси", ("", "ас-сиси")),  # only before a capital
        ("северо-Западный", ("", "северо-Западный")),  # no article
        ("Ас-Сиси", ("", "Ас-Сиси")),  # capitalised: a word of its own, and the name a part of it
        ("Tokayev", ("", "Tokayev")),
    ],
)
def test_split_hyphenated_article(word: str, split: tuple[str, str]) -> None:
    assert split_hyphenated_article(word) == split


def test_a_hyphenated_article_in_either_case() -> None:
    assert is_hyphenated_article("Ас") and is_hyphenated_article("al") and is_hyphenated_article("Al")
    assert not is_hyphenated_article("Северо") and not is_hyphenated_article("Gore")


@pytest.mark.parametrize(
    ("token", "elided"),
    [
        ("L'", True),
        ("qu’", True),
        ("Dell'", True),
        ("d'", True),
        ("Yo'", False),
        ("O‘", False),
        ("L", False),
        ("'", False),
    ],
)
def test_an_elided_article_as_a_tokenizer_cuts_it(token: str, elided: bool) -> None:
    """French and Italian tokenizers cut "L'homme" after the apostrophe: the piece is an article (from
    the table of elisions), where "Yo'" of a cut "Yo'ldoshev" is not."""
    assert is_elided_word(token) is elided


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("Tokayev's", ("Tokayev", "'s")),
        ("Tokayev'in", ("Tokayev", "'in")),
        ("Tokayev’e", ("Tokayev", "’e")),
        ("Tokayev'daki", ("Tokayev", "'daki")),
        ("Tokayev'", ("Tokayev", "'")),  # a bare apostrophe
        ("Xi'an", None),  # not a suffix: the apostrophe is part of the word
        ("O'Brien", None),
        ("Tokayev'ninki", None),  # longer than any suffix
        ("A's", None),  # the base needs two letters
    ],
)
def test_split_apostrophe_suffix(word: str, split: tuple[str, str] | None) -> None:
    assert split_apostrophe_suffix(word) == split


@pytest.mark.parametrize(
    ("word", "lang", "respelt"),
    [
        ("Cazaquistão", "pt", "Kazaquistão"),
        ("Cazaquistão", "pt-BR", "Kazaquistão"),
        ("Casaquistán", "gl", "Kasaquistán"),
        ("Carimov", "it", "Karimov"),
        ("Ciro", "es", None),  # a soft c
        ("Kazakhstan", "pt", None),  # no c at all
        ("Cazaquistão", "en", None),  # English writes k: its words are not respelt
    ],
)
def test_romance_hard_c(word: str, lang: str, respelt: str | None) -> None:
    assert romance_hard_c(word, lang) == respelt


@given(
    st.text(alphabet="CcAaOoLrËëЁёЕеKkJjŞ -", max_size=8),
    st.sampled_from([None, "", "pt", "PT-br", "it", "ro", "tr", "az-Latn", "gag", "fr", "en", "ru", "xx", "uz"]),
)
def test_respellings_are_the_rules_applied_in_turn(word: str, lang: str | None) -> None:
    # (`respellings` settles most words before asking the rules: the answer must be theirs)
    expected = tuple(r for r in (romance_hard_c(word, lang), turkic_c(word, lang), plain_yo(word)) if r)
    assert respellings(word, lang) == expected


def _nominatives_by_definition(word: str, lang: str) -> tuple[str, ...]:
    """Every (case ending, nominative ending) pair of the language tried in the table's order."""
    out: list[str] = []
    for ending, nominative in affixes().replaced.get(lang.split("-")[0].lower(), ()):
        form = word[: len(word) - len(ending)] + nominative
        if word.lower().endswith(ending) and len(word) - len(ending) >= MIN_STEM and form not in out:
            out.append(form)
    return tuple(out)


_CASE_ENDINGS = sorted({e for pairs in affixes().replaced.values() for e, _ in pairs})


@given(
    st.lists(st.one_of(st.sampled_from(_CASE_ENDINGS), st.sampled_from("РоссияКтйІЇ")), max_size=5).map("".join),
    st.sampled_from(["ru", "RU", "uk-UA", "be", "fr", "en", "pl", "cs", "lt", "sr-Latn", "el", "ro"]),
)
def test_nominatives_are_the_tables_pairs_tried_in_turn(word: str, lang: str) -> None:
    # (`nominatives` compares a word only with the case endings of its last letter)
    assert nominatives(word, lang) == _nominatives_by_definition(word, lang)


def test_nominatives_of_russian_and_ukrainian_case_forms() -> None:
    assert nominatives("России", "ru")[0] == "Россия"  # (the longest case ending first)
    assert nominatives("Штатами", "ru")[0] == "Штаты"
    assert "Китай" in nominatives("Китае", "ru")  # -е stands for several nominatives
    assert nominatives("Росією", "uk")[0] == "Росія"
    assert nominatives("России", "fr") == ()
    assert nominatives("Кубы", "ru") == ("Куба",)  # genitive -ы after a hard consonant
    assert "Китай" in nominatives("Китаю", "uk")


@pytest.mark.parametrize(
    ("word", "lang", "nominative"),
    [
        ("Rosji", "pl", "Rosja"),
        ("Ukrainie", "pl", "Ukraina"),
        ("Stanów", "pl", "Stany"),
        ("Zjednoczonych", "pl", "Zjednoczone"),
        ("Ruska", "cs", "Rusko"),  # a neuter in -o
        ("Rusku", "cs", "Rusko"),
        ("Ukrajině", "cs", "Ukrajina"),
        ("Indii", "sk", "India"),
        ("Rusijos", "lt", "Rusija"),
        ("Valstijų", "lt", "Valstijos"),
        ("Krieviju", "lv", "Krievija"),
        ("Njemačkoj", "hr", "Njemačka"),
        ("Русије", "sr", "Русија"),
        ("Rusijo", "sl", "Rusija"),
        ("Ρωσίας", "el", "Ρωσία"),
        ("Καναδά", "el", "Καναδάς"),
        ("Turciei", "ro", "Turcia"),
    ],
)
def test_nominatives_of_feminine_neuter_and_plural_country_names(word: str, lang: str, nominative: str) -> None:
    assert nominative in nominatives(word, lang)
    assert nominatives(word, "en") == ()


@pytest.mark.parametrize(
    ("word", "lang", "expected"),
    [
        ("Carimov", "it", ("Karimov",)),
        ("Caparov", "tr", ("Japarov",)),
        ("Соединённых", "fr", ("Соединенных",)),  # ё is plain е in any language
        ("Carimov", "fr", ()),
        ("Caparov", None, ()),
        ("Такаеў", "be", ("Такаев",)),  # Belarusian ў for a syllable's final v
        ("Пуцін", "be", ("Путін",)),  # soft т written ц
        ("Уладзімір", "be", ("Уладімір",)),  # soft д written дз
        ("Цзіньпін", "be", ()),  # ц before з is no soft т
        ("Такаеў", "uz", ()),  # Uzbek ў is a vowel
    ],
)
def test_respellings(word: str, lang: str | None, expected: tuple[str, ...]) -> None:
    assert respellings(word, lang) == expected


def test_the_shipped_apostrophe_table_reads() -> None:
    tables = affixes()
    assert {"s", "in", "daki"} <= tables.suffixes
    assert tables.elisions[0] in {"dell", "dall", "nell", "sull"} and "qu" in tables.elisions


def _read(endings: Path | None = None, apostrophes: Path | None = None) -> object:
    return read_affixes(endings or DATA / "endings.yaml", apostrophes or DATA / "apostrophes.yaml")


@pytest.mark.parametrize(
    ("old", "new", "needle", "phrase"),
    [
        ("  bg: [а, я]", "  bg: [а, я, а]", "bg: [", "duplicate ending (already on line"),
        ("  tg: [+cyrillic-slavic, ро]", "  tg: [+cyrillic-slavic, ро, и]", "tg: [", "duplicate ending"),
        ("  bg: [а, я]", "  bg: [А, я]", "bg: [", "an ending is lowercase letters only"),
        ("  bg: [а, я]", "  bg: [-а, я]", "bg: [", "an ending is lowercase letters only"),
        ("  bg: [а, я]", "  bg: [+slavic, я]", "bg: [", "no such group"),
        ("  bg: [а, я]", "  BG: [а, я]", "BG: [", "a language is a lowercase ISO 639 code"),
        ("  mk: [а]", "  mk: [а]\n  mk: [я]", "mk: [я]", "duplicate key"),
        ("  be: [+cyrillic-slavic]", "  be: [+cyrillic-slavic, ами]", "be: [", "duplicate ending"),
    ],
)
def test_mistakes_in_the_endings_table_are_reported(
    tmp_path: Path, old: str, new: str, needle: str, phrase: str
) -> None:
    path = edited(tmp_path, DATA / "endings.yaml", old, new)
    one_problem(lambda: _read(endings=path), path, line_of(path, needle), phrase)


def test_a_group_no_language_takes_is_reported(tmp_path: Path) -> None:
    path = edited(tmp_path, DATA / "endings.yaml", "groups:\n", "groups:\n  unused: [x]\n")
    one_problem(lambda: _read(endings=path), path, line_of(path, "unused:"), "no language takes this group")


@pytest.mark.parametrize(
    ("old", "new", "needle", "phrase"),
    [
        ("  en: [s]", "  en: [s, ninkiler]", "en: [", "longer than 6 letters: it is never looked for"),
        ("  en: [s]", "  en: [s, S]", "en: [", "lowercase letters only"),
        ("  en: [s]", "  en: [s, s]", "en: [", "duplicate entry"),
        ("  fr: [l, d,", "  fr: [l', d,", "fr: [", "lowercase letters only"),
        ("  en: [al, el,", "  en: [alifa, al, el,", "en: [al", "longer than 4 letters: it is never looked for"),
        ("  en: [al, el,", "  en: [al-, el,", "en: [al", "lowercase letters only"),
    ],
)
def test_mistakes_in_the_apostrophe_table_are_reported(
    tmp_path: Path, old: str, new: str, needle: str, phrase: str
) -> None:
    path = edited(tmp_path, DATA / "apostrophes.yaml", old, new)
    one_problem(lambda: _read(apostrophes=path), path, line_of(path, needle), phrase)


_ALL_ENDINGS = sorted({e for endings in ENDINGS.values() for e in endings} | set(_CASE_ENDINGS))


@given(
    st.lists(
        st.one_of(st.sampled_from(_ALL_ENDINGS), st.sampled_from("TestovТестовČçëЁёİıCcjPutinaïSs")), max_size=5
    ).map("".join),
    st.sampled_from([None, "", "xx", "fr", "en", "de", "ru", "RU", "uk-UA", "tr", "pt", "hu", "fi", "lt", "kk"]),
)
def test_a_word_no_rule_reads_has_no_stem_nominative_or_respelling(word: str, lang: str | None) -> None:
    # (`ruled` is False only when all three rules give nothing: `index.query.surely_unknown` trusts it)
    if not ruled(word, lang):
        assert stems(word, lang) == ()
        assert nominatives(word, lang) == ()
        assert respellings(word, lang) == ()


def test_which_words_a_rule_may_read() -> None:
    assert rule_letters("fr") == rule_letters("en") == frozenset()  # no case endings in the tables
    assert rule_letters("de") == frozenset("s")  # Putins
    assert {"а", "у", "ы", "м", "в"} <= rule_letters("ru")  # Токаева, Токаеву, Штаты, Токаевым, Штатов
    assert not ruled("Bruxelles", "fr")
    assert ruled("Putins", "de") and not ruled("Putin", "de")
    assert ruled("Токаевым", "ru") and ruled("Штатов", "ru") and not ruled("Путин", "ru")
    assert ruled("Cazaquistão", "pt")  # a language that respells c
    assert ruled("Соединённых", "fr")  # ё, in any language
    assert ruled("Testova", None)  # a language not given: every table's endings
