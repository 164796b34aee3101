"""The shapes names take (`c5names.match.shapes`), pattern by pattern, and how a candidate's span and
pattern are chosen (`c5names.match.detect`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy
import pytest

from c5names.index import NameIndex
from c5names.match.detect import _by_reach, find_in_text
from c5names.match.shapes import PATRONYMIC_RE, fathers_name, fathers_name_holders, parse_person
from c5names.match.view import TextView
from c5names.model import Pattern, Role


def found(index: NameIndex, text: str, lang: str | None = None) -> list[tuple[str, str, list[str]]]:
    """(span text, pattern, candidate ids) of each candidate mention."""
    return [
        (text[f.start : f.end], str(f.pattern), sorted(index.entities[o.entity].id for o in f.options))
        for f in find_in_text(index, text, lang)
    ]


@pytest.mark.parametrize(
    ("text", "span", "pattern"),
    [
        ("Gurban Berdov spoke.", "Gurban Berdov", Pattern.FULL),  # given + surname
        ("Berdov Gurban spoke.", "Berdov Gurban", Pattern.FULL),  # surname + given
        ("BERDOV, Gurban Malikovich", "BERDOV, Gurban Malikovich", Pattern.FULL),  # catalogue order
        ("G. Berdov spoke.", "G. Berdov", Pattern.FULL),  # initial + surname
        ("Гурбан Маликович Бердов", "Гурбан Маликович Бердов", Pattern.FULL),  # listed patronymic
        ("Testland and the République testlandaise", "Testland", Pattern.ALIAS),
    ],
)
def test_person_and_alias_shapes(index: NameIndex, text: str, span: str, pattern: Pattern) -> None:
    spans = [(s, p) for s, p, _ids in found(index, text)]
    assert (span, str(pattern)) in spans


def test_an_alias_with_a_lowercase_tail_needs_the_tail(index: NameIndex) -> None:
    assert ("République testlandaise", "alias", ["testland"]) in found(index, "la République testlandaise a dit")


def test_a_different_patronymic_is_someone_else(index: NameIndex) -> None:
    """The gazetteer lists Маликович; a Гурбан Бердов with another father is a namesake."""
    full = [(span, ids) for span, p, ids in found(index, "Гурбан Петрович Бердов") if p == "full"]
    assert full == []
    assert found(index, "Гурбан Маликович Бердов") == [("Гурбан Маликович Бердов", "full", ["berdov-gurban"])]


def test_a_bare_surname_has_every_holder_as_a_candidate(index: NameIndex) -> None:
    assert found(index, "Japov said") == [("Japov", "surname", ["japov-akyl", "japov-sadan"])]


def test_a_suffix_is_part_of_the_span(index: NameIndex) -> None:
    assert found(index, "Donny Dump Jr. arrived")[0][0] == "Donny Dump Jr."


def test_parse_person_returns_the_longest_shape(index: NameIndex) -> None:
    view = TextView(index, "Гурбан Маликович Бердов", "ru")
    parsed = parse_person(view, 0, index.by_id["berdov-gurban"])
    assert parsed is not None
    assert parsed.end == 3 and parsed.roles == (Role.GIVEN, Role.PATRONYMIC, Role.SURNAME)


@pytest.mark.parametrize(
    ("word", "is_patronymic"),
    [
        ("Usenbekovich", True),
        ("Кемелұлы", True),
        ("Nurgozhoevich", True),
        ("Ivanovna", True),
        ("Kemelulı", True),  # Turkish dotless ı
        ("KEMELULY", True),
        ("Berdov", False),
        ("Juli", False),  # -uli is not -ulı: under IGNORECASE alone, Python's re lets ı match i
        ("Gurbanguli", False),
    ],
)
def test_patronymic_endings(word: str, is_patronymic: bool) -> None:
    assert bool(PATRONYMIC_RE.search(word)) is is_patronymic


def test_a_word_ending_in_uli_is_no_patronymic(index: NameIndex) -> None:
    """A given name and a word ending in -uli (as Juli, Yuli, romanisations of Джули, do) make no full
    name of someone whose patronymic the gazetteer does not list; a -ulı or -uly word does."""
    serdan = index.by_id["berdov-serdan"]
    assert parse_person(TextView(index, "Serdan Tauli said.", "en"), 0, serdan) is None
    for patronymic in ("Taulı", "Tauly"):
        parsed = parse_person(TextView(index, f"Serdan {patronymic} said.", "en"), 0, serdan)
        assert parsed is not None and parsed.roles == (Role.GIVEN, Role.PATRONYMIC)


def test_a_given_name_and_patronymic_both_within_an_edit_are_nobodys(index: NameIndex) -> None:
    """Without the surname, a name needs a word matched otherwise than by edit distance: a given name
    and a patronymic each one edit from Гурбан Маликович make no name; with one of them as written, or
    with the surname, they do."""
    gurban = index.by_id["berdov-gurban"]

    def roles(text: str) -> tuple[Role, ...] | None:
        parsed = parse_person(TextView(index, text, "ru"), 0, gurban)
        return parsed.roles if parsed is not None else None

    assert roles("Гурбен Маликовеч сказал.") is None
    assert roles("Гурбан Маликовеч сказал.") == (Role.GIVEN, Role.PATRONYMIC)
    assert roles("Гурбен Маликович сказал.") == (Role.GIVEN, Role.PATRONYMIC)
    assert roles("Гурбен Маликовеч Бердов сказал.") == (Role.GIVEN, Role.PATRONYMIC, Role.SURNAME)


@pytest.mark.parametrize(
    "text",
    [
        "Gurban Berdov spoke.",
        "BERDOV, Gurban Malikovich spoke.",
        "G. Berdov spoke.",
        "Гурбан Маликович Бердов сказал.",
        "Berdov Gurban spoke.",
        "Berdov Jr. spoke.",
    ],
)
def test_a_parse_stopped_at_its_reach_is_the_whole_parse(index: NameIndex, text: str) -> None:
    """`parse_person` given how far an entity can reach (`detect._by_reach`) skips shapes longer than
    that and stops at the first that gets there: the longest parse is the same."""
    doc = TextView(index, text, None)
    for i in range(len(doc.words)):
        entities = set(doc.entities_at(i))
        buckets = _by_reach(doc, i, entities)
        order = [(reach, entity) for reach, bucket in buckets for entity in bucket]
        # every entity once, in buckets of one reach each, furthest reach first
        assert sorted(e for _, e in order) == sorted(entities)
        assert [reach for reach, _ in buckets] == sorted({reach for reach, _ in buckets}, reverse=True)
        for reach, entity in order:
            whole, bounded = parse_person(doc, i, entity), parse_person(doc, i, entity, reach)
            assert (whole and (whole.end, whole.pattern)) == (bounded and (bounded.end, bounded.pattern))
            assert whole is None or whole.end <= reach


# Fathers' names as patronymics in -ovich/-ovna, of listed "X uulu", "X кызы" (the default gazetteer)
# and of the test gazetteer's listed Маликович (whose stem names no father); one edit away; none.
FATHERS = ["Sharipovich", "Шарипович", "Sharipovitch", "Salievich", "Турдумаматович", "Turdumamatovic",
           "Isakovna", "Исаковна", "Sharibovich", "Turdumametovich", "Iskakovna", "Маликович", "Malikovich",
           "Petrovich", "Nurlanovich"]  # fmt: skip


@pytest.mark.parametrize("which", ["test", "default"])
def test_the_bulk_fathers_name_is_fathers_name_asked_of_everyone(index: NameIndex, which: str) -> None:
    """`_by_reach` asks who has this father once for all the entities that may reach past a
    patronymic (`fathers_name_holders`): the same answer as `fathers_name` entity by entity, exact,
    transliterated, inflected or one edit away (a fuzzy hit is no father's name)."""
    if which == "default":
        import c5names
        from c5names.index import compiled

        index = compiled(c5names.load())
    from c5names.match import detect, shapes

    doc = TextView(index, "x", None)
    everyone = frozenset(range(len(index.entities)))
    some = 0
    for word in FATHERS:
        each = {e for e in everyone if fathers_name(doc, word, e)}
        assert fathers_name_holders(doc, word, everyone) == each, word
        # asked of a few (entity by entity) and of many (in numpy), among holders and others
        few = frozenset(sorted(each)[:3]) | frozenset(sorted(everyone - each)[:3])
        assert fathers_name_holders(doc, word, few) == each & few, word
        many = frozenset(sorted(each)[:20]) | frozenset(sorted(everyone - each)[:20])
        assert fathers_name_holders(doc, word, many) == each & many, word
        # and as arrays, with the entity flags: who a patronymic-like word lets go on, and whose father it names
        for asked in (everyone, few, many):
            wanted = numpy.asarray(sorted(asked), dtype=numpy.int64)
            going = detect._past_patronymic_mask(doc, word, wanted)
            assert set(wanted[going].tolist()) == detect._past_patronymic(doc, word, asked), word
            lists = index.entity_flags().patronymic[wanted]
            named = shapes.fathers_named(doc, word, wanted, lists).tolist()
            assert named == [e in each and index.entities[e].patronymic_listed for e in wanted.tolist()], word
        some += bool(each)
    assert which == "test" or some >= 6  # (the words do name fathers of the gazetteer)


# Twelve namesakes: one full name written alike, but with fathers listed or not, another spelling, a
# suffix, a second given name, a connector word; so that their signatures differ in every way
# `parse_signature` reads.
def _namesakes() -> str:
    source = "https://example.org/namesakes"
    variants = [
        "{given: Nurlan, surname: Testov",
        "{given: Nurlan, surname: Testov",
        "{given: Nurlan, surname: Testov",
        "{given: Nurlan, patronymic: Bolatovich, surname: Testov",
        "{given: Nurlan, patronymic: Bolatovich, surname: Testov",
        "{given: Nurlan, patronymic: Serikovich, surname: Testov",
        "{given: Nurlan, surname: Testow",
        "{given: Nurlan, surname: Testov, suffix: Jr.",
        "{given: Nurlan Bek, surname: Testov",
        "{given: Nurlan, surname: Testov",
        "{given: Nurlan, surname: Testova",
        "{given: Nurlan, patronymic: Serik uulu, surname: Testov",
        "{given: Nurlan, patronymic: Serik, surname: Testov",  # (no connector word: "uulu" parts them)
    ]
    lines = ["version: 1", "entities:"]
    for n, name in enumerate(variants):
        lines += [
            f"  - id: testov-{n}",
            "    type: person",
            f"    name: Nurlan Testov {n}",
            "    names:",
            f'      - {name}, lang: en, source: "{source}"}}',
        ]
    return "\n".join(lines) + "\n"


def _namesake_index(folder: Path) -> NameIndex:
    """The index of the namesakes' gazetteer (`_namesakes`), written into `folder`."""
    import c5names
    from c5names.index import compiled

    (folder / "namesakes.yaml").write_text(_namesakes(), encoding="utf-8")
    return compiled(c5names.load(folder, default=False), cache=False)


NAMESAKE_TEXTS = [
    "Nurlan Testov spoke.",
    "Nurlan Bolatovich Testov spoke.",
    "Nurlan Serikovich Testov spoke.",
    "Nurlan Usenbekovich Testov spoke.",
    "Nurlan Serik uulu Testov spoke.",
    "Nurlan Testov Jr. spoke.",
    "Nurlan Bek Testov spoke.",
    "N. Testov and N. B. Testov spoke.",
    "Testov, Nurlan Bolatovich spoke.",
    "Testov Nurlan spoke.",
    "Nurlan Testow and Nurlan Testova and Nurlen Testov spoke.",
    "Testov spoke.",
]


@pytest.mark.parametrize("text", NAMESAKE_TEXTS)
def test_namesakes_sharing_a_parse_get_what_each_parsed_alone_gets(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """Many entities at a word share parses by signature (`parse_signature`): what is found, its span,
    pattern and every option's score, method and form are what parsing each entity alone gives."""
    from c5names.match import detect

    folder = tmp_path_factory.mktemp("namesakes")
    index = _namesake_index(folder)

    parsed = 0
    summary = detect._person_summary

    def counted(*args: Any) -> Any:
        nonlocal parsed
        parsed += 1
        return summary(*args)

    monkeypatch.setattr(detect, "_person_summary", counted)

    def candidates(share_from: int) -> tuple[list[tuple[int, int, str, list[tuple[int, float, str, str]]]], int]:
        nonlocal parsed
        monkeypatch.setattr(detect, "SHARE_PARSES_FROM", share_from)
        index.chunk_cache.clear()
        parsed = 0
        found = [
            (f.start, f.end, str(f.pattern), [(o.entity, o.score, str(o.method), o.form) for o in f.options])
            for f in find_in_text(index, text, "en")
        ]
        return found, parsed

    shared, shared_parses = candidates(1)
    alone, parses = candidates(10**9)
    assert shared == alone
    assert shared_parses <= parses
    if text == "Nurlan Testov spoke.":
        assert len(alone[0][3]) == 13 and shared_parses < parses  # (namesakes did share)


BY_REACH_TEXTS = [
    "Гурбан Маликович Бердов сказал.",
    "Гурбан Петрович Бердов сказал.",
    "Gurban Berdov and G. Berdov and Berdov Gurban spoke.",
    "BERDOV, Gurban Malikovich spoke.",
    "Japov said",
]


@pytest.mark.parametrize("which", ["test", "namesakes"])
def test_by_reach_in_bulk_is_by_reach_entity_by_entity(
    index: NameIndex, tmp_path: Any, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    """Many entities at a word are followed as one sorted array (`_by_reach_in_bulk`, a common name's
    thousands): the buckets are those the set path gives, patronymics (listed, unlisted, a father's
    name) included."""
    from c5names.index import postings
    from c5names.match import detect

    index, texts = (_namesake_index(tmp_path), NAMESAKE_TEXTS) if which == "namesakes" else (index, BY_REACH_TEXTS)
    compared = 0
    for text in texts:
        doc = TextView(index, text, None)
        for i in range(len(doc.words)):
            entities = set(doc.entities_at(i))
            monkeypatch.setattr(detect, "FEW_ALIVE", 10**9)
            monkeypatch.setattr(postings, "_MEMBERS_BY_FLAGS", 10**9)
            one_by_one = _by_reach(doc, i, entities)
            monkeypatch.setattr(detect, "FEW_ALIVE", 0)
            assert _listed(_by_reach(TextView(index, text, None), i, entities)) == one_by_one, (text, i)
            monkeypatch.setattr(postings, "_MEMBERS_BY_FLAGS", 0)  # (members flagged by entity number)
            assert _listed(_by_reach(TextView(index, text, None), i, entities)) == one_by_one, (text, i)
            compared += len(entities) > 1
    assert compared  # (several entities were followed at some word)


def _listed(buckets: list[tuple[int, Any]]) -> list[tuple[int, list[int]]]:
    """Buckets with their entities as lists (the bulk path keeps them as arrays, read only if reached)."""
    return [(k, entities.tolist() if isinstance(entities, numpy.ndarray) else entities) for k, entities in buckets]


BARE_TEXTS = [
    *("Testov spoke.", "Testova spoke.", "Testow spoke.", "Тестов said", "Japov said", "Berdov said"),
    *("Berdimuhamedov said", "Бердымухамедовым", "Rahmon said", "Karimov said"),
]


@pytest.mark.parametrize("one_by_one", [True, False])
@pytest.mark.parametrize("text", BARE_TEXTS)
def test_bare_surnames_as_columns_make_what_a_parse_per_holder_makes(
    index: NameIndex,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    one_by_one: bool,
) -> None:
    """A bare surname's holders are parsed as columns (`BareSurnames`, a common surname's thousands):
    the candidate is the one a `Parse` per holder gives (each holder's first one-word surname hit,
    its score lowered when the name needs a suffix the text lacks), alone and beside other parses of
    the same word, better or worse for one of the holders."""
    import c5names
    from c5names.index import compiled, postings
    from c5names.match import detect
    from c5names.match.candidates import Parse
    from c5names.model import Method
    from c5names.scoring import MISSING_SUFFIX

    folder = tmp_path_factory.mktemp("namesakes")
    gazetteers = [_namesake_index(folder), index]
    gazetteers.append(compiled(c5names.default_gazetteer()))
    # (entities sought one binary search at a time, or in one numpy call)
    monkeypatch.setattr(postings, "_ONE_BY_ONE_MEMBERS", 10**9 if one_by_one else 0)
    compared = 0
    for gazetteer in gazetteers:
        doc = TextView(gazetteer, text, "en")
        starts = doc.hits(0)
        entities = sorted(starts.entities())
        singles = starts.single_surnames()
        facts = gazetteer.entities
        per_holder = [
            Parse(
                1,
                e,
                Pattern.SURNAME,
                singles[e].score * (MISSING_SUFFIX if facts[e].needs_suffix else 1.0),
                singles[e].method,
                singles[e].form,
                singles[e],
                (Role.SURNAME,),
            )
            for e in entities
            if e in singles
        ]
        bare = detect._bare_surnames(doc, 0, starts.singles(), entities)
        if not per_holder:
            assert bare is None
            continue
        assert bare is not None
        one = per_holder[len(per_holder) // 2]
        better = one._replace(score=one.score + 0.5, method=Method.FUZZY, form="other")
        worse = one._replace(score=one.score - 0.5, form="other")
        tied = one._replace(form="other")  # (the first of equal options stays)
        for other in [better, worse, tied]:
            for before, after in [([], []), ([other], []), ([], [other])]:
                expected = detect._candidate(doc, 0, [*before, *per_holder, *after])
                got = detect._candidate(doc, 0, [*before, bare, *after])
                assert (got.start, got.end, got.pattern, got.keys) == (
                    expected.start,
                    expected.end,
                    expected.pattern,
                    expected.keys,
                )
                assert list(got.options) == list(expected.options)
                compared += 1
    assert compared


@pytest.mark.parametrize("which", ["testland", "namesakes"])
def test_who_may_start_is_the_same_as_an_array(
    index: NameIndex, tmp_path: Any, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    """Of a common given name's leads, who may start a name is kept as a sorted array (`MANY_LEADS`,
    `WordHits.members_array`): the entities the set gives, and the same buckets by reach."""
    import numpy

    from c5names.index import postings
    from c5names.match import detect

    index, texts = (_namesake_index(tmp_path), NAMESAKE_TEXTS) if which == "namesakes" else (index, BY_REACH_TEXTS)
    compared = 0
    for text in texts:
        for i in range(len(TextView(index, text, None).words)):
            monkeypatch.setattr(detect, "MANY_LEADS", 10**9)
            doc = TextView(index, text, None)
            as_set = detect._starting_persons(doc, i, doc.hits(i), doc.is_initial(i))
            expected = _by_reach(doc, i, as_set)
            monkeypatch.setattr(detect, "MANY_LEADS", 0)
            for by_flags in (10**9, 0):
                monkeypatch.setattr(postings, "_MEMBERS_BY_FLAGS", by_flags)
                doc = TextView(index, text, None)
                got = detect._starting_persons(doc, i, doc.hits(i), doc.is_initial(i))
                if isinstance(got, numpy.ndarray):
                    assert got.tolist() == sorted(as_set), (text, i)
                    compared += len(got) > 1
                else:
                    assert got == as_set, (text, i)
                assert _by_reach(doc, i, got) == expected, (text, i)
    assert compared


_TWO_CUTS = """\
version: 1
entities:
  - id: yoon-sukyeol
    type: person
    name: Yoon Sukyeol
    names:
      - {given: Suk Yeol, surname: Yoon, lang: en, source: "https://example.org/y"}
      - {given: Suk-yeol, surname: Yoon, lang: en, source: "https://example.org/y"}
"""


@pytest.mark.parametrize("text", ["Yoon Suk-yeol spoke.", "Yoon Suk Yeol spoke."])
def test_a_name_part_is_read_as_long_as_the_text_holds_it(tmp_path: Path, text: str) -> None:
    """Two forms write one given name differently (*Suk Yeol*, *Suk-yeol*): the part is read as the
    longest the text holds, whichever of its hits comes first (the first alone left "Yoon Suk-yeol" as
    "Yoon Suk")."""
    import c5names
    from c5names.index import compiled

    path = tmp_path / "yoon.yaml"
    path.write_text(_TWO_CUTS, encoding="utf-8")
    index = compiled(c5names.load(path, default=False), cache=False)
    assert found(index, text, "en") == [(text.removesuffix(" spoke."), "full", ["yoon-sukyeol"])]
