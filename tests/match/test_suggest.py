"""`c5names suggest`'s detection (`match.offices`, `match.suggest`, `match.tally`, `match.succession`)
on passages written for the purpose: office holders the gazetteer lacks are found, with the office
and country the text gives; known people, places, common words and relatives are not; spellings of
one person across languages are grouped."""

from __future__ import annotations

from pathlib import Path

import pytest

from c5names.match.spellings import Suggestion

from .suggest_gazetteer import COUNTRIES, Suggester, write_gazetteer


@pytest.fixture(scope="module")
def suggester(tmp_path_factory: pytest.TempPathFactory) -> Suggester:
    return Suggester(write_gazetteer(tmp_path_factory.mktemp("suggest")))


def found(suggester: Suggester, text: str, lang: str, date: str | None = "2022-05-01") -> list[tuple]:
    """(words, kind, deputy, country) of each sighting in a passage."""
    return [(s.words, s.kind, s.deputy, s.country) for s in suggester.sightings(text, lang, date)]


# -- one passage per language: the unknown office holder is found, the known one is not --------------


@pytest.mark.parametrize(
    ("lang", "text", "words", "kind", "country"),
    [
        (
            "en",
            "Kazakh Foreign Minister Mukhtar Tileuberdi met President Kassym-Jomart Tokayev in Astana.",
            ("Mukhtar", "Tileuberdi"),
            "foreign_minister",
            "kazakhstan",
        ),
        (
            "en",
            "Alikhan Smailov, Kazakhstan's prime minister, met Uzbek President Shavkat Mirziyoyev on Monday.",
            ("Alikhan", "Smailov"),
            "head_of_government",
            "kazakhstan",
        ),
        (
            "ru",
            "Министр иностранных дел Казахстана Мухтар Тлеуберди встретился с Сергеем Лавровым в Москве.",
            ("Мухтар", "Тлеуберди"),
            "foreign_minister",
            "kazakhstan",
        ),
        (
            "ru",
            "Пресс-секретарь президента Казахстана Руслан Желдыбай сообщил, что Токаев примет гостей.",
            ("Руслан", "Желдыбай"),
            "press_secretary",
            "kazakhstan",
        ),
        (
            "fr",
            "Le ministre kazakh des Affaires étrangères Moukhtar Tileuberdi a reçu Sergueï Lavrov à Astana.",
            ("Moukhtar", "Tileuberdi"),
            "foreign_minister",
            "kazakhstan",
        ),
        (
            "de",
            "Der usbekische Außenminister Abdulasis Kamilow traf Präsident Tokajew in Astana.",
            ("Abdulasis", "Kamilow"),
            "foreign_minister",
            "uzbekistan",
        ),
        (
            "tr",
            "Kazakistan Dışişleri Bakanı Muhtar Tileuberdi, Cumhurbaşkanı Tokayev ile görüştü.",
            ("Muhtar", "Tileuberdi"),
            "foreign_minister",
            "kazakhstan",
        ),
        (
            "kk",
            "Қазақстан Республикасының Сыртқы істер министрі Мұхтар Тілеуберді Өзбекстан Президенті Шавкат "
            "Мирзиёевпен кездесті.",
            ("Мұхтар", "Тілеуберді"),
            "foreign_minister",
            "kazakhstan",
        ),
        (
            "zh",
            "哈萨克斯坦外交部长特列乌别尔季会见了总统托卡耶夫。",
            ("特列乌别尔季",),
            "foreign_minister",
            "kazakhstan",
        ),
        ("zh", "中国外交部长王毅在北京会见了托卡耶夫总统。", ("王毅",), "foreign_minister", "china"),
        (
            "es",
            "El canciller uzbeko Abdulaziz Kamilov visitó Astana, donde lo recibió el presidente Tokáyev.",
            ("Abdulaziz", "Kamilov"),
            "foreign_minister",
            "uzbekistan",
        ),
        (
            "uz",
            "Oʻzbekiston Tashqi ishlar vaziri Abdulaziz Komilov Toshkentda Sergey Lavrovni qabul qildi.",
            ("Abdulaziz", "Komilov"),
            "foreign_minister",
            "uzbekistan",
        ),
    ],
)
def test_an_unknown_office_holder_is_found_and_a_known_one_is_not(
    suggester: Suggester, lang: str, text: str, words: tuple[str, ...], kind: str, country: str
) -> None:
    assert found(suggester, text, lang) == [(words, kind, False, country)]


@pytest.mark.parametrize(
    ("lang", "text", "words", "kind", "country"),
    [
        # A title that ends a compound, where a language writes compounds as one word
        ("de", "Innenminister Ulan Nijasbekow traf Tokajew.", ("Ulan", "Nijasbekow"), "minister", None),
        # A title after a word of time in office joined to it
        (
            "ru",
            "Экс-президент Киргизии Курманбек Бакиев живёт в Минске.",
            ("Курманбек", "Бакиев"),
            "head_of_state",
            "kyrgyzstan",
        ),
        # An institution in the genitive between the title and the name
        (
            "ru",
            "Пресс-секретарь Кремля Дмитрий Песков прибыл в Астану.",
            ("Дмитрий", "Песков"),
            "press_secretary",
            None,
        ),
        # ... but a patronymic is the name's own
        ("ru", "Министр Алихан Асханович Смаилов прибыл.", ("Алихан", "Асханович", "Смаилов"), "minister", None),
    ],
)
def test_the_name_is_cut_where_it_begins_and_ends(
    suggester: Suggester, lang: str, text: str, words: tuple[str, ...], kind: str, country: str | None
) -> None:
    assert found(suggester, text, lang) == [(words, kind, False, country)]


def test_a_deputy_word_goes_with_the_title(suggester: Suggester) -> None:
    text = "Deputy Foreign Minister Roman Vassilenko said that Tokayev would travel to Tashkent."
    assert found(suggester, text, "en") == [(("Roman", "Vassilenko"), "foreign_minister", True, None)]


def test_a_title_of_another_title_names_the_first_ones_holder(suggester: Suggester) -> None:
    """press secretary of the President X: X is the press secretary; prezidentining maxsus vakili X:
    the envoy."""
    text = "The press secretary of the President Berik Uali said that Tokayev had left."
    assert found(suggester, text, "en") == [(("Berik", "Uali"), "press_secretary", False, None)]
    text = "AQSH prezidentining maxsus vakili Jon Smit Toshkentga keldi."
    assert found(suggester, text, "uz") == [(("Jon", "Smit"), "envoy", False, "united-states")]


def test_a_country_the_gazetteer_lacks_is_no_name(tmp_path: Path) -> None:
    """Without CLDR's names France is no country of the gazetteer: CLDR's Russian name, read as a
    place, still keeps it out of the name; with them it is the title's country."""
    text = "Президент Франции Эммануэль Макрон прибыл в Астану, где его встретил Токаев."
    without_cldr = Suggester(write_gazetteer(tmp_path), countries=COUNTRIES[:1])
    assert found(without_cldr, text, "ru") == [(("Эммануэль", "Макрон"), "head_of_state", False, None)]
    with_cldr = Suggester(write_gazetteer(tmp_path))
    assert found(with_cldr, text, "ru") == [(("Эммануэль", "Макрон"), "head_of_state", False, "france")]


def test_a_known_holders_predecessor_gets_the_office_held_on_the_date(suggester: Suggester) -> None:
    text = "Le Premier ministre Olzhas Bektenov a présenté son gouvernement. Bektenov succède à Alikhan Smaïlov."
    assert found(suggester, text, "fr", "2024-03-10") == [
        (("Alikhan", "Smaïlov"), "head_of_government", False, "kazakhstan")
    ]
    assert found(suggester, text, "fr", "2023-03-10") == []  # Bektenov was not prime minister then


# -- what is not a candidate -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "In Astana, the foreign minister said the talks had gone well."),  # a place before a comma
        ("en", "On Tuesday, the president flew home."),  # the apposition does not end with the title
        ("en", "Michael Brown, an analyst at a London consultancy, disagreed with President Tokayev."),
        ("en", "The Prime Minister's Office said nothing."),  # a possessive title: the office, not a name
        ("en", "Ozoda Rahmon, the daughter of President Tokayev, spoke."),  # a relative, not the holder
        ("en", "Uzbek President Mirziyoyev received Foreign Minister Lavrov."),  # both known
        ("de", "Außenminister Lawrow traf in Astana die Chefdiplomaten Zentralasiens."),  # a region
        ("ru", "Председатель Маджлиси милли Рустами Эмомали провёл встречу."),  # an institution's name
        ("ru", "Министр иностранных дел Казахстана встретился с Лавровым."),  # a title with no name
        ("en", "KAZAKH FOREIGN MINISTER MEETS LAVROV IN MOSCOW"),  # a headline in capitals
        ("fr", "La mer Caspienne borde le Kazakhstan."),  # "mer" is the Russian мэр only in Cyrillic
        ("ru", "Помощник президента России Юрий Ушаков прибыл."),  # the president's aide
        ("ru", "Жена президента Алия Назарбаева выступила."),  # his wife
        ("en", "The officials administer Astana's budget, said Smith."),  # "minister" ends compounds in German only
    ],
)
def test_no_candidate(suggester: Suggester, lang: str, text: str) -> None:
    assert found(suggester, text, lang) == []


def test_a_country_adjective_is_the_titles_country_not_a_name(suggester: Suggester) -> None:
    for text, lang in [
        ("Mukhtar Tileuberdi, the Kazakh foreign minister, arrived.", "en"),
        ("Казахстанский министр иностранных дел Мухтар Тлеуберди прибыл.", "ru"),
        ("Le ministre kazakh des Affaires étrangères, Moukhtar Tileuberdi, est arrivé.", "fr"),
    ]:
        [(words, kind, _, country)] = found(suggester, text, lang)
        assert country == "kazakhstan" and "Kazakh" not in words and kind == "foreign_minister"


def test_words_the_corpus_writes_in_lowercase_are_common_words(suggester: Suggester) -> None:
    passages = [("The Foreign Minister Council met. The council agreed.", "en", None)]
    assert suggester.suggestions(passages) == []


# -- grouping across a corpus ------------------------------------------------------------------------


def one(suggestions: list[Suggestion], word: str) -> Suggestion:
    [match] = [s for s in suggestions if any(word in sp.words for sp in s.spellings)]
    return match


def test_spellings_of_one_person_are_grouped_by_the_matchers_keys(suggester: Suggester) -> None:
    passages = [
        ("Kazakh Foreign Minister Mukhtar Tileuberdi met Lavrov. Tileuberdi said the talks went well.", "en", None),
        ("Министр иностранных дел Казахстана Мухтар Тлеуберди прибыл в Ташкент.", "ru", "2021-01-01"),
        ("Сыртқы істер министрі Мұхтар Тілеуберді Ташкентке барды.", "kk", "2022-02-02"),
        ("Foreign Minister Tleuberdi said he would return.", "en", None),
        ("Министр иностранных дел Тилеуберди заявил, что визит состоится.", "ru", None),
        ("Le ministre kazakh des Affaires étrangères Moukhtar Tileuberdi est arrivé.", "fr", None),
    ]
    [suggestion] = suggester.suggestions(passages)
    spellings = {sp.text for sp in suggestion.spellings}
    assert spellings == {
        "Mukhtar Tileuberdi",
        "Мухтар Тлеуберди",
        "Мұхтар Тілеуберді",
        "Tleuberdi",
        "Тилеуберди",
        "Moukhtar Tileuberdi",
    }
    assert suggestion.name == "Mukhtar Tileuberdi"
    assert suggestion.slug_parts == ("Tileuberdi", "Mukhtar")  # the text repeats the surname alone
    assert (suggestion.count, suggestion.documents) == (6, 6)
    assert [(o.kind, o.country, o.count) for o in suggestion.offices] == [("foreign_minister", "kazakhstan", 6)]
    assert suggestion.dates == ("2021-01-01", "2022-02-02")
    english = next(sp for sp in suggestion.spellings if sp.text == "Mukhtar Tileuberdi")
    assert (english.given, english.surname, english.lang) == ("Mukhtar", "Tileuberdi", "en")


def test_a_case_form_is_folded_into_the_nominative(suggester: Suggester) -> None:
    passages = [
        ("Министр иностранных дел Казахстана Мухтар Тлеуберди прибыл.", "ru", None),
        ("По словам министра иностранных дел Мухтара Тлеуберди, визит прошёл успешно.", "ru", None),
    ]
    [suggestion] = suggester.suggestions(passages)
    [spelling] = suggestion.spellings
    assert spelling.text == "Мухтар Тлеуберди" and spelling.variants == ("Мухтара Тлеуберди",)
    assert spelling.count == 2


def test_a_surname_alone_joins_one_person_only(suggester: Suggester) -> None:
    """Two people share a surname: the lone surname is either's, so it stays apart."""
    passages = [
        ("Foreign Minister Aibek Smadiyarov arrived.", "en", None),
        ("Prime Minister Nurlan Smadiyarov arrived.", "en", None),
        ("Minister Smadiyarov said nothing.", "en", None),
    ]
    suggestions = suggester.suggestions(passages)
    assert sorted(s.name for s in suggestions) == ["Aibek Smadiyarov", "Nurlan Smadiyarov", "Smadiyarov"]


def test_the_surname_is_told_by_its_ending_or_left_open(suggester: Suggester) -> None:
    passages = [
        ("Prime Minister Askar Mamin spoke.", "en", None),
        ("Foreign Minister Smailov Alikhan spoke.", "en", None),  # surname first, told by -ov
        ("Foreign Minister Kairat Umarbek spoke.", "en", None),  # nothing tells which is which
    ]
    by_name = {s.name: s.spellings[0] for s in suggester.suggestions(passages)}
    assert (by_name["Smailov Alikhan"].surname, by_name["Smailov Alikhan"].given) == ("Smailov", "Alikhan")
    assert by_name["Kairat Umarbek"].surname is None
    assert by_name["Askar Mamin"].surname is None  # -in is no surname ending (Justin, Kevin)


def test_order_is_by_count_then_name(suggester: Suggester) -> None:
    passages = [
        ("Foreign Minister Bolat Zhumabek spoke.", "en", None),
        ("Prime Minister Aidos Sarym spoke.", "en", None),
        ("Prime Minister Aidos Sarym spoke again.", "en", None),
        ("Foreign Minister Askar Zhumabek spoke.", "en", None),
    ]
    assert [s.name for s in suggester.suggestions(passages)] == ["Aidos Sarym", "Askar Zhumabek", "Bolat Zhumabek"]


def test_the_order_does_not_depend_on_the_order_of_the_documents(suggester: Suggester) -> None:
    passages = [
        ("Kazakh Foreign Minister Mukhtar Tileuberdi met Lavrov.", "en", "2022-01-01"),
        ("Prime Minister Alikhan Smailov spoke.", "en", "2022-01-02"),
        ("Foreign Minister Tileuberdi spoke.", "en", "2022-01-03"),
        ("Kremlin spokesman Dmitry Peskov spoke.", "en", "2022-01-04"),
    ]
    forward = [(s.name, s.count) for s in suggester.suggestions(passages)]
    assert forward == [("Mukhtar Tileuberdi", 2), ("Alikhan Smailov", 1), ("Dmitry Peskov", 1)]
    assert [(s.name, s.count) for s in suggester.suggestions(passages[::-1])] == forward
