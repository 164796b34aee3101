"""Who a candidate is (`c5names.match.resolve` and `match.evidence`): evidence by evidence, on a
gazetteer with a father and son and two unrelated namesakes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import c5names
from c5names import scoring
from c5names.match import resolve as resolve_module
from c5names.match.candidates import Holders, Option, Options
from c5names.match.evidence import Evidence, title_before
from c5names.match.resolve import _several
from c5names.model import ALTERNATIVES_LISTED, Mention, Method


def linked(linker: c5names.Linker, text: str, date: str | None) -> list[tuple[str, str]]:
    return [(m.text, m.id) for m in linker.link(text, lang="en", date=date)]


@pytest.mark.parametrize(
    ("date", "expected"),
    [("2015-06-01", "berdov-gurban"), ("2023-06-01", "berdov-serdan")],
)
def test_a_title_and_the_date_pick_the_office_holder(linker: c5names.Linker, date: str, expected: str) -> None:
    assert linked(linker, "President Berdov spoke.", date) == [("Berdov", expected)]


def test_without_a_date_namesakes_abstain(linker: c5names.Linker) -> None:
    assert linked(linker, "Berdov spoke.", None) == []


def test_a_full_name_earlier_in_the_document_decides(linker: c5names.Linker) -> None:
    got = linked(linker, "Gurban Berdov arrived. Later Berdov spoke.", "2023-06-01")
    assert got == [("Gurban Berdov", "berdov-gurban"), ("Berdov", "berdov-gurban")]


def test_the_nearest_full_name_before_decides_between_two(linker: c5names.Linker) -> None:
    text = "Gurban Berdov and Serdan Berdov arrived. Berdov spoke first."
    assert linked(linker, text, None)[-1] == ("Berdov", "berdov-serdan")


def test_but_a_title_outweighs_a_full_name_of_another(linker: c5names.Linker) -> None:
    """ "President Berdov" in 2023 is Serdan, even after his father was named in full."""
    text = "Gurban Berdov watched as President Berdov spoke."
    assert linked(linker, text, "2023-06-01")[-1] == ("Berdov", "berdov-serdan")


def test_a_generation_word_picks_the_son_whatever_the_date(linker: c5names.Linker) -> None:
    assert linked(linker, "Berdov Jr. spoke.", "2010-01-01") == [("Berdov Jr.", "berdov-serdan")]


def test_the_text_is_read_for_a_generation_word_only_when_the_candidates_have_generations(
    linker: c5names.Linker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Japov's namesakes are unrelated: no generation word could tell them apart, so none is looked
    for (`generation_near` runs for every bare surname otherwise); Berdov's are father and son."""
    asked: list[int] = []
    near = resolve_module.generation_near

    def counted(text: str, start: int, end: int) -> tuple[str, int, int] | None:
        asked.append(start)
        return near(text, start, end)

    monkeypatch.setattr(resolve_module, "generation_near", counted)
    assert linked(linker, "Prime Minister Japov Jr. spoke.", "2022-05-01") == [("Japov", "japov-akyl")]
    assert asked == []
    assert linked(linker, "Berdov Jr. spoke.", "2010-01-01") == [("Berdov Jr.", "berdov-serdan")]
    assert asked == [0]


def test_kinship_words_are_read_only_when_someone_linked_has_relatives(
    linker: c5names.Linker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "his son Serdan" is read after Gurban Berdov (a father in the gazetteer); after Akyl Japov, who
    has no relatives there, no word is read for a kinship word before it."""
    asked: list[int] = []
    before = resolve_module.kinship_before

    def counted(text: str, start: int) -> object:
        asked.append(start)
        return before(text, start)

    monkeypatch.setattr(resolve_module, "kinship_before", counted)
    text = "Akyl Japov came with his son Serdan."
    assert linked(linker, text, "2023-06-01") == [("Akyl Japov", "japov-akyl")]
    assert asked == []
    text = "Gurban Berdov came with his son Serdan."
    assert linked(linker, text, "2023-06-01") == [("Gurban Berdov", "berdov-gurban"), ("Serdan", "berdov-serdan")]
    assert asked == [text.index("Serdan")]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Prime Minister Japov spoke.", "2022-05-01", [("Japov", "japov-akyl")]),
        ("President Japov spoke.", "2000-05-01", [("Japov", "japov-sadan")]),
        (
            "Japov spoke in Testland.",
            "2022-05-01",
            [("Japov", "japov-akyl"), ("Testland", "testland")],
        ),  # in office then
    ],
)
def test_unrelated_namesakes(linker: c5names.Linker, text: str, date: str, expected: list[tuple[str, str]]) -> None:
    assert linked(linker, text, date) == expected


@pytest.mark.parametrize(
    ("text", "support"),
    [
        ("Japov spoke in Testland.", "country named: testland"),
        ("Japov met Gurban Berdov.", "colleague named: berdov-gurban"),
        ("Japov spoke. The prime minister left.", "title in the document: head_of_government"),
    ],
)
def test_a_surname_decided_by_the_date_stands_on_the_document(linker: c5names.Linker, text: str, support: str) -> None:
    [japov] = [m for m in linker.link(text, lang="en", date="2022-05-01") if m.text == "Japov"]
    assert japov.id == "japov-akyl" and support in japov.evidence
    assert japov.raw_score == pytest.approx(scoring.BARE_SURNAME * scoring.EXACT)


def test_parts_of_a_document_are_decided_by_a_title_anywhere_in_the_whole(linker: c5names.Linker) -> None:
    """The spaCy component reads windows of a document, the rest blanked: a title outside them is
    still evidence, read from the whole (`document`), and only when asked for."""
    text = "Japov spoke. " + "Talks went on. " * 20 + "The prime minister left."
    parts = text[:13] + " " * (len(text) - 13)  # the window around Japov alone
    assert linked(linker, text, "2022-05-01") == [("Japov", "japov-akyl")]
    assert [m.id for m in linker.link(parts, "en", "2022-05-01", regions=[(0, 13)])] == []  # (the title unread)
    asked: list[int] = []
    whole = lambda: asked.append(1) or text  # noqa: E731
    got = linker.link(parts, "en", "2022-05-01", regions=[(0, 13)], document=whole)
    assert [(m.start, m.end, m.id, m.evidence) for m in got] == [
        (m.start, m.end, m.id, m.evidence) for m in linker.link(text, "en", "2022-05-01")
    ]
    assert asked == [1]  # read once
    assert linker.link(parts, "en", "2022-05-01", regions=[(0, 13)], document=text) == got  # or given as a str
    # Not asked when nothing needs it: a title right before the surname decides it.
    asked.clear()
    linker.link("President Berdov spoke." + " " * 40, "en", "2023-06-01", regions=[(0, 23)], document=whole)
    assert asked == []


def test_a_document_that_is_not_text_is_refused(linker: c5names.Linker) -> None:
    with pytest.raises(TypeError, match="document must be a str"):
        linker.link("Japov spoke.", "en", document=42)  # type: ignore[arg-type]


def test_a_lone_surname_with_nothing_behind_it_is_not_linked_by_default(linker: c5names.Linker) -> None:
    """ "Japov, a local baker, …": no country, colleague or title of the person in the document."""
    assert linked(linker, "Japov, a local baker, opened early.", "2022-05-01") == []
    [lone] = c5names.Linker(linker.gazetteer, threshold=0.0).link("Japov, a local baker.", "en", "2022-05-01")
    assert lone.id == "japov-akyl" and lone.score < scoring.DEFAULT_THRESHOLD
    assert "nothing else in the document" in lone.evidence


def test_a_name_that_needs_its_suffix_scores_low_without_it(linker: c5names.Linker) -> None:
    mentions = linker.link("Donny Dump arrived.", lang="en")
    assert all(m.raw_score is not None and m.raw_score <= scoring.MISSING_SUFFIX for m in mentions)


def test_scores_follow_the_scoring_module(linker: c5names.Linker) -> None:
    [mention] = linker.link("President Berdov spoke.", lang="en", date="2023-06-01")
    assert mention.raw_score == pytest.approx(scoring.TITLED * scoring.EXACT)
    full, repeat = linker.link("Gurban Berdov arrived. Berdov spoke.", lang="en")
    assert full.raw_score == scoring.EXACT and repeat.raw_score == pytest.approx(scoring.coreference(scoring.EXACT))
    assert full.score == scoring.calibrated(scoring.EXACT)  # what users see is the calibrated chance


@pytest.mark.parametrize(
    ("context", "kind"),
    [
        ("Le président ", "head_of_state"),
        ("Prime Minister ", "head_of_government"),
        ("The visit ended. Then ", None),  # a title in an earlier sentence does not count
        ("Президент ", "head_of_state"),
    ],
)
def test_title_before(context: str, kind: str | None) -> None:
    assert title_before(context + "Berdov", len(context)) == kind


def test_evidence_narrows_by_date_then_title(index: object) -> None:
    from c5names.match.candidates import Option
    from c5names.model import Method

    evidence = Evidence(index, "President Japov", "2022")  # type: ignore[arg-type]
    options = [
        Option(index.by_id["japov-sadan"], 1.0, Method.EXACT, "Japov"),  # type: ignore[attr-defined]
        Option(index.by_id["japov-akyl"], 1.0, Method.EXACT, "Japov"),  # type: ignore[attr-defined]
    ]
    why: list[str] = []
    assert evidence.narrow(options, len("President "), why) == [options[1]]
    assert why == ["in office on 2022-06-30"]


def test_a_mention_lists_the_best_alternatives_and_says_how_many_there_were(tmp_path: Path) -> None:
    """Fourteen holders of one surname: a mention decided among them lists the ten best others, and its
    evidence counts them all; a mention with few alternatives lists them all, as before."""
    people = "\n".join(
        f"""  - id: testaliyev-{n:02d}
    type: person
    name: Given{chr(97 + n)} Testaliyev
    gender: male
    offices: [{{role: Office {n}, kind: {"head_of_state" if n == 0 else "minister"}, start: "2020-01-01"}}]
    names:
      - {{given: Given{chr(97 + n)}, surname: Testaliyev, lang: en, script: Latn, source: "https://example.org/{n}"}}"""
        for n in range(14)
    )
    (tmp_path / "many.yaml").write_text(f"version: 1\nentities:\n{people}\n", encoding="utf-8")
    linker = c5names.Linker(c5names.load(tmp_path, default=False))
    mentions = linker.link("President Testaliyev spoke.", lang="en", date="2024-05-01")
    assert [m.id for m in mentions] == ["testaliyev-00"]
    mention = mentions[0]
    assert len(mention.alternatives) == ALTERNATIVES_LISTED == 10
    assert "testaliyev-00" not in {i for i, _ in mention.alternatives}
    assert "alternatives: 10 of 13" in mention.evidence


HOLDER_TEXTS = [
    *("President Berdov spoke.", "Berdov spoke.", "Gurban Berdov arrived. Later Berdov spoke."),
    *("Gurban Berdov and Serdan Berdov arrived. Berdov spoke first.", "Berdov Jr. spoke.", "Dump arrived."),
    *("Prime Minister Japov met President Berdov.", "Japov spoke in Testland.", "Gurbon Berdov spoke."),
    *("Mr Japov said so.", "Berdov and his son Serdan came.", "Bradley Berdov came.", "Japov, Berdov met."),
    *("President Berdimuhamedov spoke.", "Berdimuhamedov Jr. spoke.", "Japarov met Mirziyoyev in Tashkent."),
    *("Karimov spoke.", "Rahmon and Tokayev met.", "Гурбангулы Бердымухамедов и Бердымухамедов.", "Bakiyev"),
    *("Mirziyoyevv spoke.", "President Berdimuhamedof spoke.", "Tokayeff said.", "Berdov and Berdof"),
    *("President Mirzijoyevy spoke.", "Mirzijoyevy said.", "Shavkat Mirziyoyev and Mirzijoyevy"),
]


@pytest.mark.parametrize("date", [None, "2010-06-01", "2015-06-01", "2023-06-01"])
def test_a_surnames_holders_as_columns_resolve_as_a_list_does(
    linker: c5names.Linker, monkeypatch: pytest.MonkeyPatch, date: str | None
) -> None:
    """A bare surname's options kept as columns (`Holders`, a common surname's thousands of holders at
    a million persons) are read by every rule (the date, titles, full names earlier, colleagues,
    generation and kinship words, an unlisted given name) as the same options in a list are: every
    mention, with its score, evidence and alternatives, is the same."""
    from c5names.match import candidates

    # (every mention kept, however weak: a rule that reads the columns wrongly may only lower a score)
    linkers = [c5names.Linker(g, threshold=0.0) for g in (linker.gazetteer, c5names.default_gazetteer())]

    def mentions(columns_from: int) -> list[list[c5names.Mention]]:
        monkeypatch.setattr(candidates, "COLUMNS_FROM", columns_from)
        out = []
        for each in linkers:
            each.index.chunk_cache.clear()
            out += [each.link(text, lang="en", date=date) for text in HOLDER_TEXTS]
        return out

    lists = mentions(10**9)  # (every bare surname's holders made at once and read as a list)
    columns = mentions(0)  # (the rules read the columns)
    assert columns == lists
    assert mentions(candidates.COLUMNS_FROM) == lists  # (as shipped: a few holders read as a list)
    assert sum(map(len, columns)) >= 10  # (the texts name people)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.sampled_from([Method.EXACT, Method.INFLECTED, Method.FUZZY])),
        max_size=70,
        unique_by=lambda column: column[0],  # (an entity is an option once)
    ),
    st.sets(st.integers(0, 60), max_size=3),
)
def test_several_in_play_is_the_firm_entities_and_the_local_ones_together(
    columns: list[tuple[int, Method]], local: set[int]
) -> None:
    """Whether a title may change a bare surname's answer: two or more entities among its options not
    found by edit distance alone and those named in the document. Counted, not gathered in a set,
    for a common surname's holders (as columns from 32 on), as a set of them would have said."""
    options = [Option(entity, 0.9, method, "Berdov") for entity, method in columns]
    firm = {o.entity for o in options if o.method != Method.FUZZY}
    expected = len(firm | local) > 1
    entities, methods = [o.entity for o in options], [o.method for o in options]
    holders = Holders(entities, [0.9] * len(options), methods, ["Berdov"] * len(options))
    for each in (options, Options(options), holders):
        assert _several(each, local) == expected
        assert _several(each, local) == expected  # (again, from the memo)


def test_namesakes_of_a_full_name_are_narrowed_once_per_date_and_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two people of one full name: the date and the title decide, and what they leave is worked out
    once per (options, date, title), not per mention (a common full name's namesakes are hundreds at
    a million persons). The mention, evidence included, is the same when read from the memo."""
    people = "\n".join(
        f"""  - id: namesov-{n}
    type: person
    name: Aidar Namesov
    gender: male
    offices: [{{role: Office {n}, kind: {kind}, start: "{start}", end: "{end}"}}]
    names:
      - {{given: Aidar, surname: Namesov, lang: en, script: Latn, source: "https://example.org/{n}"}}"""
        for n, (kind, start, end) in enumerate(
            [("head_of_state", "2010-01-01", "2020-12-31"), ("head_of_government", "2016-01-01", "2020-12-31")]
        )
    )
    (tmp_path / "namesakes.yaml").write_text(f"version: 1\nentities:\n{people}\n", encoding="utf-8")
    linker = c5names.Linker(c5names.load(tmp_path, default=False))
    calls: list[int] = []
    narrow = Evidence.narrow

    def counted(self: Evidence, *args: object) -> object:
        calls.append(1)
        return narrow(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Evidence, "narrow", counted)
    text = "President Aidar Namesov spoke, and President Aidar Namesov left."
    first = linker.link(text, lang="en", date="2012-05-01")
    assert [m.id for m in first] == ["namesov-0", "namesov-0"]  # (the head of state in 2012)
    assert all("in office on 2012-05-01" in m.evidence for m in first)
    assert len(calls) == 1  # (one chunk, one date, one title: one narrowing for both mentions)
    assert linker.link(text, lang="en", date="2012-05-01") == first
    assert len(calls) == 1  # (from the memo)
    later = linker.link(text, lang="en", date="2021-05-01")  # (no one in office: nothing decides)
    assert later == [] and len(calls) == 2
    # Both in office in 2017: the title decides, one chunk read under two titles.
    titled = linker.link(
        "the president Aidar Namesov spoke; the prime minister Aidar Namesov spoke.", lang="en", date="2017-05-01"
    )
    assert [
        (m.id, "title: " + kind in m.evidence)
        for m, kind in zip(titled, ["head_of_state", "head_of_government"], strict=True)
    ] == [
        ("namesov-0", True),
        ("namesov-1", True),
    ]
    assert len(calls) == 4


_TWO_COUNTRIES = """\
version: 1
entities:
  - id: testland
    type: country
    name: Testland
    aliases: [{form: Testland, lang: en, source: "https://example.org/t"}]
  - id: otherland
    type: country
    name: Otherland
    aliases: [{form: Otherland, lang: en, source: "https://example.org/o"}]
  - id: karov-timur
    type: person
    name: Timur Karov
    names: [{given: Timur, surname: Karov, lang: en, source: "https://example.org/t"}]
    offices:
      - {role: Minister of Transport of Testland, kind: minister, country: testland, start: "2020",
         source: "https://example.org/t"}
  - id: karov-ednan
    type: person
    name: Ednan Karov
    names: [{given: Ednan, surname: Karov, lang: en, source: "https://example.org/o"}]
    offices:
      - {role: Foreign Minister of Otherland, kind: foreign_minister, country: otherland, start: "2019",
         source: "https://example.org/o"}
  - id: karov-marat
    type: person
    name: Marat Karov
    names: [{given: Marat, surname: Karov, lang: en, source: "https://example.org/o"}]
    offices:
      - {role: Mayor of Otherland City, kind: mayor, country: otherland, start: "2018",
         source: "https://example.org/o"}
"""


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # Namesakes in office on the date, of different countries: the country named decides.
        ("Karov spoke in Testland.", "2023-06-01", [("Karov", "karov-timur"), ("Testland", "testland")]),
        # Two namesakes of the country named, or both countries named: the country does not decide, the
        # one in a leading office does (Otherland's foreign minister, not the mayor nor a minister).
        ("Karov spoke in Otherland.", "2023-06-01", [("Karov", "karov-ednan"), ("Otherland", "otherland")]),
        (
            "Karov spoke in Testland and Otherland.",
            "2023-06-01",
            [("Karov", "karov-ednan"), ("Testland", "testland"), ("Otherland", "otherland")],
        ),
        # Without a country named, a surname decided by the date alone has nothing to stand on.
        ("Karov spoke.", "2023-06-01", []),
        # In 2018 only the mayor was in office: the date decides, as for any surname.
        ("Karov spoke in Otherland.", "2018-06-01", [("Karov", "karov-marat"), ("Otherland", "otherland")]),
        # An office that began after the document's date says nothing of it.
        ("Karov spoke in Testland.", "2015-06-01", [("Testland", "testland")]),
    ],
)
def test_a_country_named_decides_between_namesakes_of_different_countries(
    tmp_path: Path, text: str, date: str, expected: list[tuple[str, str]]
) -> None:
    path = tmp_path / "karovs.yaml"
    path.write_text(_TWO_COUNTRIES, encoding="utf-8")
    linker = c5names.Linker(c5names.load(path, default=False))
    assert linked(linker, text, date) == expected
    if expected and expected[0][1] == "karov-timur":
        (mention,) = [m for m in linker.link(text, lang="en", date=date) if m.type == "person"]
        assert mention.evidence[-1] == "country named: testland"
    if expected and expected[0][1] == "karov-ednan":
        (mention,) = [m for m in linker.link(text, lang="en", date=date) if m.type == "person"]
        assert "leading office" in mention.evidence
        assert mention.raw_score == pytest.approx(scoring.LEADING * 1.0)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # Two leaders of one country with one surname (a president and a prime minister): no guess.
        ("Japarov spoke in Kyrgyzstan.", "2023-06-01", []),
        # A president, and a namesake who heads a research institute: the president.
        ("Арипов выступил в Узбекистане.", "2025-06-01", ["aripov-abdulla"]),
        # The son was mayor of Dushanbe in January 2020, and chaired the upper house from April.
        ("Au Tadjikistan, Rakhmonov a parlé.", "2020-01-01", ["rahmon-emomali"]),
        ("Au Tadjikistan, Rakhmonov a parlé.", "2021-01-01", []),
    ],
)
def test_among_namesakes_in_office_the_one_who_leads_is_named_by_surname_alone(
    text: str, date: str, expected: list[str]
) -> None:
    lang = "ru" if "Арипов" in text else "fr" if "parlé" in text else "en"
    assert [m.id for m in c5names.link(text, lang=lang, date=date) if m.type == "person"] == expected


def _two_karovs(
    tmp_path: Path, countries: list[str], aidar: tuple[str, str], annagul: tuple[str, str]
) -> c5names.Linker:
    """A linker of two ministers called Karov (with Russian forms) in office from 2023, each with the
    (role, country) given, and the countries named (ids; each one's display name is the id capitalised)."""
    lines = ["version: 1", "entities:"]
    for country in countries:
        name = country.capitalize()
        lines += [
            f"  - id: {country}",
            "    type: country",
            f"    name: {name}",
            f'    aliases: [{{form: {name}, lang: en, source: "https://example.org/c"}}]',
        ]
    for first, cyrillic, (role, country) in (("Aidar", "Айдар", aidar), ("Annagul", "Аннагул", annagul)):
        lines += [
            f"  - id: karov-{first.lower()}",
            "    type: person",
            f"    name: {first} Karov",
            "    names:",
            f'      - {{given: {first}, surname: Karov, lang: en, source: "https://example.org/k"}}',
            f'      - {{given: {cyrillic}, surname: Каров, lang: ru, source: "https://example.org/k"}}',
            "    offices:",
            f'      - {{role: {role}, kind: minister, country: {country}, start: "2023", source: "https://example.org/k"}}',
        ]
    path = tmp_path / "karovs.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return c5names.Linker(c5names.load(path, default=False))


def _persons(linker: c5names.Linker, text: str, lang: str) -> list[Mention]:
    return [m for m in linker.link(text, lang=lang, date="2025-06-01") if m.type == "person"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a title's own country word decides between namesakes holding that office (and portfolio) in
        # different countries
        ("Turkmen Energy Minister Karov spoke.", "en", "karov-annagul"),
        ("Kazakh Energy Minister Karov spoke.", "en", "karov-aidar"),
        ("Туркменский министр энергетики Каров заявил.", "ru", "karov-annagul"),
        ("The Turkmen-born Energy Minister Karov spoke.", "en", "karov-annagul"),
        # whatever other country the document names
        ("Turkmen Energy Minister Karov spoke in Kazakhstan.", "en", "karov-annagul"),
        # no country word in the title, one too far (TITLE_WORDS) or behind a comma: no link
        ("Energy Minister Karov spoke.", "en", None),
        ("Turkmen officials and the Energy Minister Karov spoke.", "en", None),
        ("Turkmen, the Energy Minister Karov spoke.", "en", None),
        # two countries in the title's words: no link
        ("Kazakh-Turkmen Energy Minister Karov spoke.", "en", None),
    ],
)
def test_a_country_word_in_the_title_decides_between_namesakes(
    tmp_path: Path, text: str, lang: str, expected: str | None
) -> None:
    linker = _two_karovs(
        tmp_path,
        ["kazakhstan", "turkmenistan"],
        ("Minister of Energy of Kazakhstan", "kazakhstan"),
        ("Minister of Energy of Turkmenistan", "turkmenistan"),
    )
    persons = _persons(linker, text, lang)
    assert [m.id for m in persons] == ([expected] if expected else [])
    if expected:
        assert persons[0].evidence[-1].startswith("country of the title: ")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # two ministers of one country: the title's portfolio names one of them (`lexicon.portfolios`)
        ("Energy Minister Karov spoke.", "en", "karov-annagul"),
        ("Agriculture Minister Karov spoke.", "en", "karov-aidar"),
        ("Министр энергетики Каров заявил.", "ru", "karov-annagul"),
        ("Министр сельского хозяйства Каров заявил.", "ru", "karov-aidar"),
        # a portfolio neither holds, or a title with none: no link
        ("Finance Minister Karov spoke.", "en", None),
        ("Prime Minister Karov spoke.", "en", None),
    ],
)
def test_the_titles_portfolio_decides_between_two_ministers(
    tmp_path: Path, text: str, lang: str, expected: str | None
) -> None:
    linker = _two_karovs(
        tmp_path,
        ["testland"],
        ("Minister of Agriculture of Testland", "testland"),
        ("Minister of Energy and Industry of Testland", "testland"),
    )
    persons = _persons(linker, text, lang)
    assert [m.id for m in persons] == ([expected] if expected else [])
    if expected:
        assert persons[0].evidence[1].startswith("title: minister (")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A title right before the surname that the one candidate's offices do not include names someone
        # the gazetteer does not list: Li Qiang is China's premier, not a foreign minister.
        ("Foreign Minister Li met Tokayev in Astana, Kazakhstan.", "en", ["tokayev-kassym-jomart"]),
        ("Министр иностранных дел Ли встретился с Токаевым в Казахстане.", "ru", ["tokayev-kassym-jomart"]),
        # The title he holds links him, as before.
        ("Prime Minister Li met Tokayev in Astana, Kazakhstan.", "en", ["li-qiang", "tokayev-kassym-jomart"]),
        # A title with other words after it is someone else's: the surname is decided as without one.
        (
            "Präsident Mirsijojew empfing den Sondergesandten Sergio Gor. Mirsijojew und Gor sprachen.",
            "de",
            ["mirziyoyev-shavkat", "gor-sergio", "mirziyoyev-shavkat", "gor-sergio"],
        ),
    ],
)
def test_a_title_right_before_a_surname_that_no_candidate_held_links_nobody(
    text: str, lang: str, expected: list[str]
) -> None:
    linked = c5names.link(text, lang=lang, date="2025-06-01")
    assert [m.id for m in linked if m.type == "person"] == expected


def test_mistitled_names_the_title_only_when_no_candidate_held_its_office(index: object) -> None:
    """`Evidence.mistitled`: the title's kind when it stands right before the mention and none of the
    candidates held such an office on the date; None with a holder among them, or without a date."""
    from c5names.match.detect import find

    def asked(text: str, date: str | None) -> list[str | None]:
        found, _words = find(index, text, "en")
        evidence = Evidence(index, text, date, lang="en")
        return [evidence.mistitled(item.options, item.start) for item in found]

    # Akyl Japov was Testland's prime minister from 2021 to 2024; Sadan Japov its president until 2007.
    assert asked("Foreign Minister Japov spoke.", "2023-06-01") == ["foreign_minister"]
    assert asked("Prime Minister Japov spoke.", "2023-06-01") == [None]
    assert asked("President Japov spoke.", "2023-06-01") == ["head_of_state"]  # (Sadan's ended in 2007)
    assert asked("President Japov spoke.", "2000-06-01") == [None]
    assert asked("Foreign Minister Japov spoke.", None) == [None]
    assert asked("Japov spoke.", "2023-06-01") == [None]
