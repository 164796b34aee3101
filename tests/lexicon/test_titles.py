"""Titles by office kind and language (c5names.lexicon.titles), and the checks of data/titles/."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import c5names
from c5names.index import compiled
from c5names.lexicon import (
    TITLES,
    is_whole_title,
    kinds_named,
    names_title,
    title_kinds,
    title_offices,
    titles,
    titles_after_the_name,
    titles_by_language,
    titles_naming,
)
from c5names.lexicon.reading import DATA, plain
from c5names.lexicon.titles import _TITLE_RES, read_title_offices, read_title_order, read_titles
from c5names.match.evidence import Evidence, title_after
from c5names.model import OFFICE_KINDS
from c5names.text import native
from tests.table_edits import edited, line_of, one_problem, problems


@pytest.mark.parametrize(
    ("context", "kinds"),
    [
        ("Prime Minister", ["head_of_government"]),
        ("President", ["head_of_state"]),
        ("the Presidential", ["head_of_state"]),  # a title matches the start of a word
        ("Präsident", ["head_of_state"]),
        ("Президент", ["head_of_state"]),
        ("Premier ministre", ["head_of_government"]),
        ("président du cabinet des ministres", ["head_of_state", "head_of_government"]),  # the longest ends last
        ("Vice-President", ["head_of_state", "vice_president"]),
        ("вице-президент", ["head_of_state", "vice_president"]),
        ("le chef de l’État", ["head_of_state"]),
        ("le secrétaire d’État", ["foreign_minister"]),
        ("la secrétaire d'État adjointe", ["foreign_minister", "official"]),
        ("Bundeskanzler", ["head_of_government"]),  # a chancellor heads a government (Germany, Austria)
        ("Kanzlerin", ["head_of_government"]),
        ("Chancellor", ["head_of_government"]),
        ("Канцлер", ["head_of_government"]),
        ("Vice Chancellor", ["head_of_government", "deputy_head_of_government"]),  # the longest ends last
        ("Mr", []),
        ("والرئيس", ["head_of_state"]),  # with the conjunction written onto it
        ("بالرئيس", ["head_of_state"]),
    ],
)
def test_title_kinds(context: str, kinds: list[str]) -> None:
    assert [kind for _start, kind in title_kinds(context)] == kinds


def test_the_nearest_title_comes_last() -> None:
    assert title_kinds("the mayor met the president") == [(4, "mayor"), (18, "head_of_state")]


def test_titles_are_by_language_and_merged_by_kind() -> None:
    by_language = titles_by_language()
    assert {"en", "fr", "de", "ru", "uz"} <= set(by_language)
    assert "premer ministr" in by_language["ru"]["head_of_government"]
    assert set(TITLES) <= set(OFFICE_KINDS)
    assert TITLES["head_of_state"].count("president") == 1  # English and French, once


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Predsjednik Tokajev stigao je u Zagreb.", "hr"),
        ("Председник Токајев је стигао у Београд.", "sr"),
        ("Predsednik Tokajev je prispel v Ljubljano.", "sl"),
        ("Președintele Tokaev a sosit la București.", "ro"),
        ("Ο πρόεδρος Τοκάγεφ έφτασε στην Αθήνα.", "el"),
    ],
)
def test_a_head_of_states_title_before_a_surname(text: str, lang: str) -> None:
    """The capitalised title is no one's given name ("Predsjednik Tokajev" is no other person) and
    names the office the surname's holder held."""
    mentions = c5names.link(text, lang=lang, date="2025-06-01")
    assert [m.id for m in mentions] == ["tokayev-kassym-jomart"]
    assert "title in the document: head_of_state" in mentions[0].evidence


@pytest.mark.parametrize(
    ("lang", "head_of_government", "head_of_state"),
    [
        ("pt", "O primeiro-ministro Japarov disse que o orçamento estava pronto.", "O presidente Japarov disse isso."),
        ("lt", "Premjeras Žaparovas sakė, kad biudžetas parengtas.", "Prezidentas Žaparovas tai sakė."),
        ("lv", "Premjerministrs Žaparovs sacīja, ka budžets ir gatavs.", "Prezidents Žaparovs to sacīja."),
        ("et", "Peaminister Žaparov ütles, et eelarve on valmis.", "President Žaparov ütles seda."),
        ("fi", "Pääministeri Žaparov sanoi, että budjetti on valmis.", "Presidentti Žaparov sanoi niin."),
        ("sv", "Premiärminister Zjaparov sade att budgeten var klar.", "President Zjaparov sade det."),
        ("hr", "Premijer Žaparov rekao je da je proračun spreman.", "Predsjednik Žaparov to je rekao."),
        ("el", "Ο πρωθυπουργός Τζαπάροφ είπε ότι ο προϋπολογισμός είναι έτοιμος.", "Ο πρόεδρος Τζαπάροφ το είπε."),
        # languages that also write the title after the name (title_order.yaml)
        ("zh", "扎帕罗夫总理表示预算已准备就绪。", "扎帕罗夫总统表示预算已准备就绪。"),
        ("ja", "ジャパロフ首相は予算の準備ができたと述べた。", "ジャパロフ大統領は述べた。"),
        ("hu", "Dzsaparov miniszterelnök szerint a költségvetés kész.", "Dzsaparov elnök szerint ez így van."),
    ],
)
def test_a_title_decides_between_the_japarovs_in_more_languages(
    lang: str, head_of_government: str, head_of_state: str
) -> None:
    """In 2023 Akylbek Japarov chaired Kyrgyzstan's cabinet and Sadyr Japarov was its president."""
    persons = [m.id for m in c5names.link(head_of_government, lang=lang, date="2023-05-01") if m.type == "person"]
    assert persons == ["japarov-akylbek"]
    persons = [m.id for m in c5names.link(head_of_state, lang=lang, date="2023-05-01") if m.type == "person"]
    assert persons == ["japarov-sadyr"]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Le chef de l’État Japarov a parlé.", "2023-05-01", ["japarov-sadyr"]),
        ("Le Premier ministre Japarov a parlé.", "2023-05-01", ["japarov-akylbek"]),
    ],
)
def test_a_french_title_decides_between_the_japarovs(text: str, date: str, expected: list[str]) -> None:
    assert [m.id for m in c5names.link(text, lang="fr", date=date)] == expected


def _titles(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of the shipped title files with one of them edited; the path of the edited file."""
    folder = tmp_path / "titles"
    shutil.copytree(DATA / "titles", folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "old", "new", "needle", "phrase"),
    [
        ("en.yaml", "vice_president: [vice president]", "vice_president: [vice president, vice-president]",
         "vice_president:", "plain() reads it as 'vice president', so as written it can never match"),
        ("fr.yaml", "[president, chef de letat,", "[president, chef de l etat,", "chef de l etat,",
         "plain() joins an elided l’ to the next word, so write 'chef de letat'"),
        ("fr.yaml", "[secretaire detat,", "[secretaire d etat,", "secretaire d etat,", "joins an elided d’"),
        ("en.yaml", "mayor: [mayor]", "mayer: [mayor]", "mayer:", "unknown office kind"),
        ("en.yaml", "mayor: [mayor]", "mayor: [mayor, mayor]", "mayor: [", "duplicate title"),
        ("en.yaml", "speaker, ", "speaker, president, ", "speaker, president", "duplicate title"),
        ("fr.yaml", "mayor: [maire]", "mayor: [maire, leader]", "mayor: [", "also a title of head_of_state (en.yaml:"),
        ("de.yaml", "mayor: [burgermeister]", "mayor: [Bürgermeister]", "mayor: [", "reads it as 'burgermeister'"),
    ],
)  # fmt: skip
def test_mistakes_in_the_title_files_are_reported(
    tmp_path: Path, name: str, old: str, new: str, needle: str, phrase: str
) -> None:
    path = _titles(tmp_path, name, old, new)
    one_problem(lambda: read_titles(path.parent), path, line_of(path, needle), phrase)


def test_a_title_file_is_named_by_its_language(tmp_path: Path) -> None:
    path = _titles(tmp_path, "en.yaml", "mayor: [mayor]", "mayor: [mayor]")
    path.rename(path.with_name("English.yaml"))
    found = problems(lambda: read_titles(path.parent))
    assert found == [f"{path.with_name('English.yaml')}:1: 'English': a language is a lowercase ISO 639 code of two "
                     "or three letters (uz, kk, tr)"]  # fmt: skip


def test_a_folder_without_titles_is_an_error(tmp_path: Path) -> None:
    assert problems(lambda: read_titles(tmp_path)) == [f"{tmp_path}: no title files (<lang>.yaml)"]


_SOME_TITLES = sorted({titles[0] for titles in TITLES.values()} | {titles[-1] for titles in TITLES.values()})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_SOME_TITLES),
            st.sampled_from(_SOME_TITLES).map(lambda t: t[: max(1, len(t) // 2)]),  # a title cut short
            st.sampled_from(_SOME_TITLES).map(lambda t: t + "ial"),  # a longer word it starts
            st.sampled_from(["said", "the", "of", "Mirziyoyev", "du", "l’", "-", ",", "Vice", "вице", "\n"]),
        ),
        max_size=10,
    )
)
def test_one_search_for_any_title_first_changes_no_answer(words: list[str]) -> None:
    """title_kinds looks for any title at all before running each kind's pattern: what it returns is
    what the kinds' patterns alone find, on any stretch of words."""
    text = " ".join(words)
    folded = plain(text)
    alone = sorted((m.end(), m.end() - m.start(), kind) for kind, p in _TITLE_RES.items() for m in p.finditer(folded))
    assert title_kinds(text) == [(end - length, kind) for end, length, kind in alone]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_SOME_TITLES),
            st.sampled_from(_SOME_TITLES).map(lambda t: t + "ial"),
            st.sampled_from(["said", "the", "Mirziyoyev", "l’", "-", ",", "Vice", "вице", "\n"]),
        ),
        max_size=12,
    )
)
def test_one_kind_is_named_where_title_kinds_finds_it(words: list[str]) -> None:
    """`names_title` searches one kind's titles (for the evidence of a title anywhere in a document):
    it answers yes exactly for the kinds `title_kinds` finds."""
    text = " ".join(words)
    found = {kind for _start, kind in title_kinds(text)}
    assert {kind for kind in TITLES if names_title(plain(text), kind)} == found
    assert not names_title(plain(text), "no such kind")


# Every title, and pieces of titles: a title cut short, run on into a word, glued to the word before.
_TITLE_PIECES = st.sampled_from(sorted({title for listed in TITLES.values() for title in listed})).flatmap(
    lambda title: st.sampled_from([title, title[:-1], title + "ial", "x" + title, title.split()[0], title.upper()])
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(_TITLE_PIECES, st.sampled_from(["said", "the", "_", "2024", "-", ",", "'", "é", "\n"]), st.text()),
        max_size=14,
    ),
    st.sampled_from([" ", "", "_", "-"]),
)
def test_kinds_named_is_names_title_of_each_kind(words: list[str], joiner: str) -> None:
    """`kinds_named` (one compiled pass over the reading when it is here) answers as `names_title` of
    each kind does, on plain readings and on any other text given to it."""
    text = joiner.join(words)
    kinds = [*TITLES, "no such kind"]
    for reading in (plain(text), text):
        assert kinds_named(reading, kinds) == {kind for kind in kinds if names_title(reading, kind)}


@pytest.mark.skipif(native.keys_module is None, reason=f"no compiled word keys here: {native.STATUS}")
def test_the_compiled_finder_is_used_and_finds_titles() -> None:
    """Every shipped title is one the compiled finder reads (it is built), and each kind's titles are
    found by it, in running text and at a word's start only."""
    assert titles._FINDER is not None
    for kind, listed in TITLES.items():
        for title in listed:
            assert kinds_named(f"on lundi {title}ial a dit", [kind]) == {kind}
            assert kind not in kinds_named(f"on lundi x{title} a dit", [kind]) or names_title(f"x{title}", kind)
    assert titles._FINDER.find("prezident") is not None
    assert titles._FINDER.find("президент") is None  # (not ASCII: the patterns answer)
    with pytest.raises(ValueError, match="begin and end with a word character"):
        native.keys_module.PhraseFinder([("vice-", 1)])


def test_kinds_named_without_the_compiled_finder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the compiled finder, each kind's pattern answers."""
    monkeypatch.setattr(titles, "_FINDER", None)
    reading = plain("Le Premier ministre et le vice-président")
    assert kinds_named(reading, TITLES) == {"head_of_government", "vice_president", "head_of_state"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (" elnök szerint", "head_of_state"),
        (" miniszterelnök szerint", "head_of_government"),  # the longest title starting there
        ("总理表示", "head_of_government"),
        (" szerint az elnök", None),  # a title further on is another's
        (". Elnök", None),  # past the sentence's end
        ("", None),
    ],
)
def test_title_after_reads_only_a_title_right_after_the_mention(text: str, kind: str | None) -> None:
    assert title_after("Dzsaparov" + text, len("Dzsaparov")) == kind


def test_a_title_after_the_name_counts_only_in_the_languages_that_write_it_there() -> None:
    text = "Japarov President of the cabinet"
    index = compiled(c5names.load())
    assert Evidence(index, text, "2023-05-01", lang="hu").title(0, 7) == "head_of_state"
    assert Evidence(index, text, "2023-05-01", lang="en").title(0, 7) is None
    assert Evidence(index, text, "2023-05-01").title(0, 7) is None
    assert {"hu", "ja", "zh"} <= titles_after_the_name()


@pytest.mark.parametrize(
    ("old", "new", "needle", "phrase"),
    [
        ("after_the_name: [hu, ja, zh]", "after_the_name: [hu, ja, ZH]", "after_the_name", "ISO 639"),
        ("after_the_name: [hu, ja, zh]", "after_the_name: [hu, ja, zh, hu]", "after_the_name", "duplicate"),
        ("after_the_name: [hu, ja, zh]", "after_the_name: [hu, ja, zh]\nbefore: [en]", "before:", "unknown key"),
    ],
)
def test_mistakes_in_the_title_order_are_reported(tmp_path: Path, old: str, new: str, needle: str, phrase: str) -> None:
    path = edited(tmp_path, DATA / "title_order.yaml", old, new)
    one_problem(lambda: read_title_order(path), path, line_of(path, needle), phrase)


def test_a_title_names_its_own_office_kind_and_those_the_table_adds() -> None:
    """`title_offices` (a title's kind → the office kinds it names) and `titles_naming` (an office's
    kind → the title kinds that name it) are one table read both ways, every kind naming itself."""
    named = title_offices()
    assert set(named) == set(OFFICE_KINDS)
    for kind in OFFICE_KINDS:
        assert kind in named[kind]
        assert titles_naming(kind) == {title for title, offices in named.items() if kind in offices}
    assert "ambassador" in named["envoy"] and "press_secretary" in named["spokesperson"]
    assert "spokesperson" not in named["press_secretary"]  # (not symmetric)


@pytest.mark.parametrize(
    ("old", "new", "needle", "phrase"),
    [
        ("envoy: [ambassador]", "emissary: [ambassador]", "emissary:", "unknown office kind"),
        ("envoy: [ambassador]", "envoy: [ambassadors]", "envoy:", "unknown office kind"),
        ("envoy: [ambassador]", "envoy: [ambassador, envoy]", "envoy:", "its own office kind"),
        ("envoy: [ambassador]", "envoy: [ambassador, ambassador]", "envoy:", "duplicate"),
    ],
)
def test_mistakes_in_the_title_offices_are_reported(
    tmp_path: Path, old: str, new: str, needle: str, phrase: str
) -> None:
    path = edited(tmp_path, DATA / "title_offices.yaml", old, new)
    one_problem(lambda: read_title_offices(path), path, line_of(path, needle), phrase)


def _office_holders(tmp_path: Path, *people: tuple[str, str, str]) -> Callable[..., list[str]]:
    """The ids a text links to (in English unless told, on 2024-05-01), over a small gazetteer of
    (surname, role, office kind), each in office from 2020, with ids <surname>-<n> and made-up given
    names."""
    entries = [
        f"""  - id: {surname.lower()}-{n}
    type: person
    name: Given{chr(97 + n)} {surname}
    offices: [{{role: {role}, kind: {kind}, start: "2020-01-01"}}]
    names:
      - {{given: Given{chr(97 + n)}, surname: {surname}, lang: en, script: Latn, source: "https://example.org/{n}"}}"""
        for n, (surname, role, kind) in enumerate(people)
    ]
    (tmp_path / "people.yaml").write_text("version: 1\nentities:\n" + "\n".join(entries) + "\n", encoding="utf-8")
    linker = c5names.Linker(c5names.load(tmp_path, default=False))

    def ids(text: str, lang: str = "en") -> list[str]:
        return [m.id for m in linker.link(text, lang=lang, date="2024-05-01")]

    return ids


def test_a_title_of_a_neighbouring_kind_decides_between_namesakes(tmp_path: Path) -> None:
    """Two Testovs in office on one date, an ambassador and a minister; another two, a press secretary
    and a minister. "Ambassador Testov" is the ambassador (an envoy's title), "the spokesman, Pressov"
    the press secretary; a title of neither (Mr) decides nothing."""
    ids = _office_holders(
        tmp_path,
        ("Testov", "Ambassador of Testland to Otherland", "ambassador"),
        ("Testov", "Minister of Energy of Testland", "minister"),
        ("Pressov", "Press Secretary of the President of Testland", "press_secretary"),
        ("Pressov", "Minister of Justice of Testland", "minister"),
    )

    assert ids("Ambassador Testov spoke.") == ["testov-0"]
    assert ids("Energy Minister Testov spoke.") == ["testov-1"]
    assert ids("The spokesman, Pressov, spoke.") == ["pressov-2"]
    assert ids("Mr Testov spoke. Mr Pressov spoke.") == []


def test_central_asian_governors_titles_name_the_heads_of_regions_and_cities(tmp_path: Path) -> None:
    """Akim, hokim (and Russian аким, хоким, хяким) are the titles of a region's head and of a city's:
    governor titles, which `title_offices` lets name a mayor's office too."""
    ids = _office_holders(
        tmp_path,
        ("Testov", "Akim of Testland Region", "governor"),
        ("Testov", "Minister of Energy of Testland", "minister"),
        ("Hokimov", "Hokim of Test City", "mayor"),
        ("Hokimov", "Minister of Justice of Testland", "minister"),
    )

    assert ids("Akim Testov spoke.") == ids("Аким Testov заявил.", "ru") == ["testov-0"]
    assert ids("Hokim Hokimov spoke.") == ids("Хоким Hokimov заявил.", "ru") == ["hokimov-2"]
    assert ids("Governor Hokimov spoke.") == ["hokimov-2"]
    assert ids("Mayor Testov spoke.") == []  # (a mayor's title does not name a region's governor)


@pytest.mark.parametrize(
    ("reading", "kind", "whole"),
    [
        ("akim", "governor", True),
        ("energy minister", "minister", True),
        ("ministr inostrannykh del", "foreign_minister", True),
        ("prezidenta", "head_of_state", True),  # (a title's case ending is part of its word)
        # A title followed by other words: the envoy is Sergio Gor, not the mention after him.
        ("sondergesandten sergio gor", "envoy", False),
        ("president kirghize", "head_of_state", False),
        ("foreign minister", "head_of_state", False),
        ("akim", "no_such_kind", False),
    ],
)
def test_a_whole_title_is_one_title_of_the_kind_and_nothing_else(reading: str, kind: str, whole: bool) -> None:
    assert is_whole_title(reading, kind) is whole
