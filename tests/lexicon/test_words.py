"""Function words, sentence openers, titles and relational nouns before a name (c5names.lexicon.words),
and the checks of their lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import c5names
from c5names.lexicon import FUNCTION_WORDS, SENTENCE_WORDS, is_relational_noun, is_title_or_function_word
from c5names.lexicon.reading import DATA
from c5names.lexicon.words import (
    _ONE_WORD_TITLES,
    after_article,
    is_common_word,
    lexicon_words,
    read_articles,
    read_words,
)
from tests.table_edits import edited, line_of, one_problem


def _title_by_title(key: str) -> bool:
    """The title tests of `is_title_or_function_word` as first written, one title at a time."""
    return any(
        (key.startswith(title) and (len(title) >= 5 or len(key) - len(title) <= 2))
        or (title.startswith(key) and len(key) > 4)
        for title in _ONE_WORD_TITLES
    ) or any(key.endswith(title) and len(title) >= 5 for title in _ONE_WORD_TITLES)


# Words made of titles: a title cut anywhere, with letters before or after it, or made up.
_NEAR_TITLES = st.sampled_from(_ONE_WORD_TITLES).flatmap(
    lambda title: st.tuples(st.integers(0, len(title)), st.text("aeiouvnx", max_size=3), st.booleans()).map(
        lambda cut: (title[: cut[0]] + cut[1]) if cut[2] else (cut[1] + title[cut[0] :])
    )
)


@settings(max_examples=2000)
@given(_NEAR_TITLES | st.text("aeioumnprstlkvdzh", max_size=12))
def test_titles_are_looked_up_as_they_were_compared(key: str) -> None:
    """`is_title_or_function_word` looks a word's beginnings and ends up among the one-word titles:
    the same answers as comparing it with each title, on words near titles and made-up ones."""
    expected = key in FUNCTION_WORDS or key in SENTENCE_WORDS or _title_by_title(key)
    assert is_title_or_function_word.__wrapped__(key) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Mr", True),  # a form of address
        ("Von", True),
        ("Für", True),  # in its plain reading, fur
        ("After", True),  # a sentence opener
        ("Aujourd’hui", True),  # one word with its apostrophe: aujourdhui
        ("Затем", True),  # zatem
        ("Сегодня", True),  # segodnia (я reads ia: the entry segodnya could never match)
        ("Ещё", True),  # eshchio, and without its diaeresis, Еще: eshche
        ("Еще", True),
        ("President", True),  # a title
        ("Presidential", True),  # a word a title starts
        ("Prezidentining", True),
        ("Vizepräsident", True),  # a word ending in a title of five letters or more
        ("Presid", True),  # the start of a title, five letters or more
        ("Pres", False),  # ... but not four
        ("Shavkat", False),
        ("Vitse", False),  # the first half of vitse-prezident is a word of its own
        ("Başkanı", True),  # the head word ending Devlet Başkanı
        ("Xiang", False),  # the last syllable of 首相 (shou xiang) is no title: Chinese characters are syllables
        ("Chang", False),  # nor that of 外交部长 (wai jiao bu chang)
    ],
)
def test_is_title_or_function_word(word: str, expected: bool) -> None:
    assert is_title_or_function_word(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Администрация", True),
        ("Администрации", True),  # any case form: the final vowels go
        ("Сторонниками", True),  # and a case consonant after a long stem
        ("Визитов", True),
        ("Служба", True),  # the second half of пресс-служба, as the matcher sees it
        ("Секретарь", True),
        ("Rządu", True),
        ("Návštěva", True),
        ("Матвей", False),  # a short stem does not reach given names: not мать
        ("Шавкат", False),
    ],
)
def test_is_relational_noun(word: str, expected: bool) -> None:
    assert is_relational_noun(word) is expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Aujourd’hui Tokaïev reçoit Poutine.", "fr", ["tokayev-kassym-jomart", "putin-vladimir"]),
        ("Пресс-служба Токаева заявила об этом.", "ru", ["tokayev-kassym-jomart"]),
        ("Администрация Трампа заявила.", "ru", ["trump-donald"]),
        ("G‘ayrat Karimov keldi.", "uz", []),  # an unknown given name before a surname: someone else
        # "yesterday", "then" in Turkish: no given names
        ("Dün Tokayev ve Mirziyoyev görüştü.", "tr", ["tokayev-kassym-jomart", "mirziyoyev-shavkat"]),
        ("Ardından Tokayev konuştu.", "tr", ["tokayev-kassym-jomart"]),
        # "yesterday", "today", "then" in more languages
        ("Wczoraj Tokajew spotkał się z Putinem.", "pl", ["tokayev-kassym-jomart", "putin-vladimir"]),
        ("Včera Tokajev jednal s Putinem.", "cs", ["tokayev-kassym-jomart", "putin-vladimir"]),
        ("Šiandien Tokajevas kalbėjosi su Putinu.", "lt", ["tokayev-kassym-jomart", "putin-vladimir"]),
        ("Вчора Токаєв зустрівся з Путіним.", "uk", ["tokayev-kassym-jomart", "putin-vladimir"]),
        ("Apoi Tokaev a vorbit cu Putin.", "ro", ["tokayev-kassym-jomart", "putin-vladimir"]),
        ("Tegnap Tokajev Putyinnal tárgyalt.", "hu", ["tokayev-kassym-jomart", "putin-vladimir"]),
        ("Бүгін Тоқаев Путинмен кездесті.", "kk", ["tokayev-kassym-jomart", "putin-vladimir"]),
        # prepositions and conjunctions opening the sentence: "according to", "for", "while"
        ("Laut Tokajew war das Treffen mit Putin nützlich.", "de", ["tokayev-kassym-jomart", "putin-vladimir"]),
        ("Według Tokajewa spotkanie z Putinem było udane.", "pl", ["tokayev-kassym-jomart", "putin-vladimir"]),
        ("Для Токаева встреча с Путиным была полезной.", "ru", ["tokayev-kassym-jomart", "putin-vladimir"]),
        ("Volgens Tokajev was de ontmoeting met Poetin nuttig.", "nl", ["tokayev-kassym-jomart", "putin-vladimir"]),
        ("Unlike Tokayev, Putin said nothing.", "en", ["tokayev-kassym-jomart", "putin-vladimir"]),
    ],
)
def test_words_before_a_surname_in_sentences(text: str, lang: str, expected: list[str]) -> None:
    # every link the rule allows: a lone surname in a one-sentence test stays below the default threshold
    assert [m.id for m in c5names.Linker(threshold=0.0).link(text, lang=lang)] == expected


def test_the_lists_are_by_language() -> None:
    words = lexicon_words()
    assert "janob" in words.function["uz"] and "aujourdhui" in words.sentence["fr"]
    assert "rząd" in words.relational["pl"]
    assert "aujourd" not in SENTENCE_WORDS and not FUNCTION_WORDS & SENTENCE_WORDS - {"do", "il", "on", "su"}


def _read(function: Path | None = None, sentence: Path | None = None, relational: Path | None = None) -> object:
    return read_words(
        function or DATA / "function_words.yaml",
        sentence or DATA / "sentence_words.yaml",
        relational or DATA / "relational_nouns.yaml",
    )


@pytest.mark.parametrize(
    ("file", "old", "new", "needle", "phrase"),
    [
        ("function_words.yaml", "uz: [va,", "uz: [va, va,", "uz: [", "duplicate word"),
        ("function_words.yaml", "nach, fur,", "nach, für,", "nach, für,", "plain() reads it as 'fur'"),
        ("function_words.yaml", "uz: [va,", "uz: [UZ,", "uz: [", "plain() reads it as 'uz'"),
        ("sentence_words.yaml", "uz: [bu,", "uz: [bu, janob,", "uz: [", "also a function word of uz"),
        ("sentence_words.yaml", "fr: [ce,", "fr: [ce, aujourd'hui,", "fr: [", "plain() reads it as 'aujourdhui'"),
        ("sentence_words.yaml", "sin, embargo,", "sin embargo,", "sin embargo, ya", "one word only"),
        ("relational_nouns.yaml", ", служба,\n", ", пресс-служба,\n", "пошлины, пресс-служба,", "one word of letters"),
        ("relational_nouns.yaml", "rząd,", "rząd, rządy,", "rządy", "same stem 'rzad' as 'rząd'"),
        ("relational_nouns.yaml", "sk: [", "SK: [", "SK: [", "a language is a lowercase ISO 639 code"),
    ],
)
def test_mistakes_in_the_word_lists_are_reported(
    tmp_path: Path, file: str, old: str, new: str, needle: str, phrase: str
) -> None:
    path = edited(tmp_path, DATA / file, old, new)
    key = {"function_words.yaml": "function", "sentence_words.yaml": "sentence", "relational_nouns.yaml": "relational"}
    one_problem(lambda: _read(**{key[file]: path}), path, line_of(path, needle), phrase)


@pytest.mark.parametrize(
    ("old", "new", "needle", "phrase"),
    [
        ("de: [der,", "de: [der, der,", "de: [", "duplicate word"),
        ("fr: [le,", "fr: [le, l',", "fr: [", "plain() reads it as 'l'"),
        ("es: [el,", "es: [el, del al,", "es: [", "one word only"),
    ],
)
def test_mistakes_in_the_articles_are_reported(tmp_path: Path, old: str, new: str, needle: str, phrase: str) -> None:
    path = edited(tmp_path, DATA / "articles.yaml", old, new)
    one_problem(lambda: read_articles(path), path, line_of(path, needle), phrase)


@pytest.mark.parametrize(
    ("text", "word", "lang", "after"),
    [
        ("Das Ding ist kaputt", "Ding", "de", True),
        ("ein Ding", "Ding", "de", True),
        ("Vizepremier Ding", "Ding", "de", False),
        ("Tokajew sagte", "Tokajew", "de", False),  # nothing before
        ("le Dar", "Dar", "fr", True),
        ("the Ding", "Ding", "en", False),  # English writes "the Trump administration": not read
        ("das Ding", "Ding", None, False),  # no language, no articles
    ],
)
def test_after_article(text: str, word: str, lang: str | None, after: bool) -> None:
    assert after_article(text, text.index(word), lang) == after


def test_a_capitalised_noun_after_an_article_is_no_bare_surname() -> None:
    """German capitalises every noun: "das Ding" is not Ding Xuexiang, though a Chinese colleague of his
    is named; after a title, or named in full, the surname is read as before."""
    linker = c5names.Linker(threshold=0.0)
    text = "Das Ding ist kaputt, sagte Präsident Tokajew in Peking bei Xi Jinping."
    assert "ding-xuexiang" not in [m.id for m in linker.link(text, lang="de", date="2026-06-01")]
    # Nor by a colleague named in full, where namesakes (the Patrushevs, father and son) leave it to them.
    text = "Das Patruschew sagte nichts. Vizepremier Alexander Nowak traf Tokajew."
    assert "patrushev-dmitry" not in [m.id for m in linker.link(text, lang="de", date="2026-06-01")]
    text = "Patruschew sagte nichts. Vizepremier Alexander Nowak traf Tokajew."
    assert "patrushev-dmitry" in [m.id for m in linker.link(text, lang="de", date="2026-06-01")]
    text = "Vizepremier Ding traf Xi Jinping. Das Treffen mit Ding dauerte lange."
    assert [m.text for m in linker.link(text, lang="de", date="2026-06-01") if m.id == "ding-xuexiang"] == [
        "Ding",
        "Ding",
    ]


@pytest.mark.parametrize(
    ("word", "lang", "common"),
    [
        ("Du", "fr", True),  # the article du
        ("Du", "de", True),  # the pronoun du
        ("Du", "en", False),
        ("Ji", "en", True),  # Modi ji: a form of address
        ("Du", None, True),  # no language: every language's words
        ("Tokayev", None, False),
        ("Du", "fr-CA", True),  # the base language's
    ],
)
def test_is_common_word(word: str, lang: str | None, common: bool) -> None:
    assert is_common_word(word, lang) == common


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Du côté de Pékin, la Chine a réagi.", "fr"),
        ("Du 1er au 3 mars, la Chine accueille le sommet.", "fr"),
        ("Du bist nicht allein, sagte China.", "de"),
        ("Modi Ji said China is a friend.", "en"),
    ],
)
def test_a_surname_written_as_a_common_word_is_not_decided_by_offices_alone(text: str, lang: str) -> None:
    """Du Dewen (a Chinese ambassador, 2-letter surname) is no mention where the word is the article or
    pronoun and China is named; before the rule, each of these linked "Du" or "Ji" on "country named"."""
    linker = c5names.Linker(threshold=0.0)
    assert {m.id for m in linker.link(text, lang=lang, date="2024-06-01")}.isdisjoint({"du-dewen", "ji-shumin"})


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Ambassador Du met Japarov.", "Du"),  # a title right before it
        ("Chinese Ambassador Du Dewen met Japarov. Du said ties were strong.", "Du"),  # named in full
    ],
)
def test_a_surname_written_as_a_common_word_is_still_read_after_a_title_or_a_full_name(text: str, span: str) -> None:
    got = [(m.text, m.id) for m in c5names.link(text, lang="en", date="2024-06-01")]
    assert (span, "du-dewen") in got
