"""What a word of running text may stand for (`c5names.index.query` and `index.variants`), rule by
rule, on a small gazetteer written for the purpose."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import c5names
from c5names.gazetteer.schema import PersonName
from c5names.index import NameIndex, compiled, neighbours
from c5names.index.facts import written_mark
from c5names.index.postings import is_alias
from c5names.index.query import _Readable, surely_unknown, surely_unknown_words, word_groups
from c5names.index.variants import name_parts, word_keys
from c5names.model import Method, Role
from c5names.text.keys import skeleton

GAZETTEER = textwrap.dedent(
    """\
    version: 1
    entities:
      - id: testov-nurlan
        type: person
        name: Nurlan Testov
        gender: male
        names:
          - {given: Нурлан, surname: Тестов, lang: ru, script: Cyrl, source: "https://example.org/t"}
          - {given: Nurlan, surname: Testov, lang: en, script: Latn, source: "https://example.org/t"}
      - id: berdanova-ayla
        type: person
        name: Ayla Berdanova
        gender: female
        names:
          - {given: Айла, surname: Берданова, lang: ru, script: Cyrl, source: "https://example.org/b"}
      - id: mali
        type: country
        name: Mali
        aliases:
          - {form: マリ, lang: ja, kind: exonym, source: "https://example.org/m"}
          - {form: মালি, lang: bn, kind: exonym, source: "https://example.org/m"}
      - id: russia
        type: country
        name: Russia
        aliases:
          - {form: Россия, lang: ru, kind: native, source: "https://example.org/r"}
    """
)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> NameIndex:
    path = tmp_path_factory.mktemp("query") / "people.yaml"
    path.write_text(GAZETTEER, encoding="utf-8")
    return compiled(c5names.load(path, default=False))


def _methods(index: NameIndex, word: str, lang: str | None = None) -> set[Method]:
    return {group.method for group in word_groups(index, word, lang)}


def _entities(index: NameIndex, word: str, lang: str | None = None) -> set[str]:
    return {index.entities[e].id for e in index.word_hits(word, lang).entities()}


@pytest.mark.parametrize(
    ("word", "lang", "method"),
    [
        ("Testov", None, Method.EXACT),  # as written
        ("Тестов", "ru", Method.EXACT),
        ("Тестовым", "ru", Method.INFLECTED),  # instrumental
        ("Testovin", "fi", Method.INFLECTED),  # Finnish -in
        ("Testov'un", "tr", Method.EXACT),  # an apostrophe suffix is left out of the name
        ("Testow", None, Method.EXACT),  # w/v meet in the key
        ("Tesstov", None, Method.FUZZY),  # one edit away
    ],
)
def test_a_word_reaches_the_name_by_each_rule(index: NameIndex, word: str, lang: str | None, method: Method) -> None:
    assert method in _methods(index, word, lang)
    assert "testov-nurlan" in _entities(index, word, lang)


def test_a_feminine_case_form_never_reaches_a_man(index: NameIndex) -> None:
    """Тестовой is a woman of the family (instrumental of Тестова), never Nurlan Testov."""
    assert "testov-nurlan" not in _entities(index, "Тестовой", "ru")
    assert "testov-nurlan" in _entities(index, "Тестова", "ru")  # the genitive of Тестов


def test_a_woman_keeps_her_own_feminine_forms(index: NameIndex) -> None:
    assert "berdanova-ayla" in _entities(index, "Бердановой", "ru")


def test_a_womans_declined_surname_reaches_her_firmly(index: NameIndex) -> None:
    """Бердановой is Берданова declined as a noun (-ой for -а), not a fuzzy neighbour of it."""
    hits = [h for h in index.word_hits("Бердановой", "ru") if index.entities[h.posting.entity].id == "berdanova-ayla"]
    assert [(h.method, h.weak) for h in hits] == [(Method.INFLECTED, False)]


@pytest.mark.parametrize(
    ("word", "reaches"),
    [
        ("マリ", True),  # the alias as written
        ("মালি", True),
        ("Mari", False),  # a word of a cased alphabet with the same reading as マリ
        ("Мари", False),
        ("Mali", True),  # the country's name as written
    ],
)
def test_an_uncased_scripts_alias_is_reached_from_that_script_only(index: NameIndex, word: str, reaches: bool) -> None:
    """The reading of マリ (mari) is lossy: "Mari" in Latin or Cyrillic text is not Mali in Japanese."""
    assert ("mali" in _entities(index, word)) == reaches


SHORT_ALIASES = textwrap.dedent(
    """\
    version: 1
    entities:
      - id: mali
        type: country
        name: Mali
        aliases:
          - {form: Māri, lang: mi, kind: exonym, source: "https://example.org/m"}
      - id: chad
        type: country
        name: Chad
        aliases:
          - {form: Tchad, lang: fr, kind: exonym, source: "https://example.org/c"}
      - id: denmark
        type: country
        name: Denmark
        aliases:
          - {form: Taani, lang: et, kind: exonym, source: "https://example.org/d"}
      - id: united-states
        type: country
        name: United States
        aliases:
          - {form: États-Unis, lang: fr, kind: exonym, source: "https://example.org/u"}
          - {form: АҚШ, lang: uz, kind: exonym, source: "https://example.org/u"}
    """
)


@pytest.mark.parametrize(
    ("word", "entity", "reaches"),
    [
        ("Māri", "mali", True),  # as written
        ("Mari", "mali", True),  # accents aside
        ("Mary", "mali", False),  # y and i meet in the key, but Mary is another word
        ("Chad", "chad", True),
        ("Tchad", "chad", True),
        ("Tshad", "chad", False),  # tsh and tch meet in the key
        ("Taani", "denmark", True),
        ("Tani", "denmark", False),  # a double letter is one in the key: the word is as written, the form is not
        ("Etats", "united-states", True),
        ("AQSH", "united-states", True),  # a romanisation of Uzbek АҚШ (another script) is no respelling
    ],
)
def test_a_short_alias_is_reached_by_its_own_script_only_as_written(
    tmp_path: Path, word: str, entity: str, reaches: bool
) -> None:
    """A short alias word meets common words under the unified key; only a word written as the
    alias (accents aside), or one of another script, is taken for it."""
    path = tmp_path / "countries.yaml"
    path.write_text(SHORT_ALIASES, encoding="utf-8")
    short = compiled(c5names.load(path, default=False))
    firm = {short.entities[h.posting.entity].id for h in short.word_hits(word, None) if not h.weak}
    assert (entity in firm) == reaches


@pytest.mark.parametrize(
    ("word", "reaches"),
    [
        ("Taanis", True),  # German genitive of a name written as the alias: its stem is as written
        ("Tanis", False),  # its stem Tani meets Taani's key, but is no writing of it
        ("Tchads", True),
        ("Tshads", False),
    ],
)
def test_an_inflected_word_reaches_a_short_alias_only_if_its_stem_is_written_as_it(
    tmp_path: Path, word: str, reaches: bool
) -> None:
    """The stem a case ending leaves is held to the short-alias rule as the word itself is: German
    "Berrus" (a surname) is no genitive of Somali Beeru (Peru), whose key its stem Berru shares."""
    path = tmp_path / "countries.yaml"
    path.write_text(SHORT_ALIASES, encoding="utf-8")
    short = compiled(c5names.load(path, default=False))
    firm = {short.entities[h.posting.entity].id for h in short.word_hits(word, "de") if not h.weak}
    assert ("denmark" in firm or "chad" in firm) == reaches


SHORT_SURNAMES = textwrap.dedent(
    """\
    version: 1
    entities:
      - id: testland
        type: country
        name: Testland
      - id: lee-minho
        type: person
        name: Lee Minho
        gender: male
        names:
          - {given: Minho, surname: Lee, lang: en, script: Latn, source: "https://example.org/l"}
          - {given: Минхо, surname: Ли, lang: ru, script: Cyrl, source: "https://example.org/l"}
        offices:
          - {role: President of Testland, kind: head_of_state, country: testland, start: "2020", source: "https://example.org/l"}
      - id: yoon-jisoo
        type: person
        name: Yoon Jisoo
        gender: female
        names:
          - {given: Jisoo, surname: Yoon, lang: en, script: Latn, source: "https://example.org/y"}
        offices:
          - {role: Foreign Minister of Testland, kind: foreign_minister, country: testland, start: "2020", source: "https://example.org/y"}
      - id: wang-ping
        type: person
        name: Wang Ping
        gender: male
        names:
          - {given: Ping, surname: Wang, lang: en, script: Latn, source: "https://example.org/w"}
          - {given: Пин, surname: Ван, lang: ru, script: Cyrl, source: "https://example.org/w"}
        offices:
          - {role: Minister of Testland, kind: minister, country: testland, start: "2020", source: "https://example.org/w"}
    """
)


@pytest.fixture(scope="module")
def short_surnames(tmp_path_factory: pytest.TempPathFactory) -> NameIndex:
    path = tmp_path_factory.mktemp("short") / "people.yaml"
    path.write_text(SHORT_SURNAMES, encoding="utf-8")
    return compiled(c5names.load(path, default=False))


@pytest.mark.parametrize(
    ("word", "lang", "entity", "firm"),
    [
        ("Lee", "en", "lee-minho", True),  # as written
        ("LEE", "en", "lee-minho", True),  # (case aside)
        ("Ли", "ru", "lee-minho", True),
        ("Le", "fr", "lee-minho", False),  # the French article: a double letter is one in the key
        ("Yoon", "en", "yoon-jisoo", True),
        ("On", "en", "yoon-jisoo", False),  # "On Monday": oo is o in the key
        ("Wang", "en", "wang-ping", True),
        ("Van", "en", "wang-ping", False),  # a romanisation of Ван: weak, it completes "Van Pin"
    ],
)
def test_a_short_surname_is_firm_only_as_the_person_writes_it(
    short_surnames: NameIndex, word: str, lang: str, entity: str, firm: bool
) -> None:
    """A surname whose key has SHORT_NAME_KEY letters or fewer is a firm hit (one that can make a
    bare-surname mention) only from a word the person writes so; another word that meets its key
    is a weak hit of it."""
    hits = [h for h in short_surnames.word_hits(word, lang) if short_surnames.entities[h.posting.entity].id == entity]
    assert hits, f"{word} reaches {entity} at all"
    assert any(not h.weak for h in hits) == firm


def test_a_word_that_only_meets_a_short_surnames_key_makes_no_mention_and_still_completes_a_name(
    tmp_path: Path,
) -> None:
    path = tmp_path / "people.yaml"
    path.write_text(SHORT_SURNAMES, encoding="utf-8")
    linker = c5names.Linker(c5names.load(path, default=False))
    ids = lambda text, lang: [(m.text, m.id) for m in linker.link(text, lang=lang, date="2024-01-01")]  # noqa: E731
    # Lee is the president: a bare "Lee" is linked beside his colleague, "Le" (the article) is not.
    assert ids("Le président Lee a reçu Yoon Jisoo.", "fr") == [("Lee", "lee-minho"), ("Yoon Jisoo", "yoon-jisoo")]
    both = [("Lee Minho", "lee-minho"), ("Yoon Jisoo", "yoon-jisoo")]
    assert ids("On Monday Lee Minho met Yoon Jisoo.", "en") == both
    assert ids("Van Ping met Lee Minho.", "en") == [("Van Ping", "wang-ping"), ("Lee Minho", "lee-minho")]


EXONYMS = textwrap.dedent(
    """\
    version: 1
    entities:
      - id: denmark
        type: country
        name: Denmark
        aliases:
          - {form: Taani, lang: et, kind: exonym, source: "https://example.org/d"}
      - id: brunei
        type: country
        name: Brunei
        aliases:
          - {form: Μπρουνέι, lang: el, kind: exonym, source: "https://example.org/b"}
      - id: kyrgyzstan
        type: country
        name: Kyrgyzstan
        aliases:
          - {form: Қирғизистон, lang: tg, kind: exonym, source: "https://example.org/k"}
          - {form: Кыргызстан, lang: ky, kind: native, source: "https://example.org/k"}
      - id: russia
        type: country
        name: Russia
        aliases:
          - {form: Ресей, lang: kk, kind: exonym, source: "https://example.org/r"}
      - id: united-states
        type: country
        name: United States
        aliases:
          - {form: АҚШ, lang: uz, kind: exonym, source: "https://example.org/u"}
    """
)
# A Kazakh phrase in Latin letters: the gazetteer then writes Kazakh in Latin, which CLDR does not.
KAZAKH_IN_LATIN = (
    "  - id: kazakhstan\n"
    "    type: country\n"
    "    name: Kazakhstan\n"
    "    aliases:\n"
    '      - {form: Qazaqstan, lang: kk, kind: native, source: "https://example.org/k"}\n'
)
# A Kyrgyz name in Latin letters: so the gazetteer writes Kyrgyz, which CLDR writes in Cyrillic alone.
KYRGYZ_NAME_IN_LATIN = (
    "  - id: testov-nurlan\n"
    "    type: person\n"
    "    name: Nurlan Testov\n"
    "    names:\n"
    '      - {given: Nurlan, surname: Testov, lang: ky, script: Latn, source: "https://example.org/t"}\n'
    "  - id: peru\n"
    "    type: country\n"
    "    name: Republic of Peru\n"
    "    aliases:\n"
    '      - {form: Перу, lang: ky, kind: exonym, source: "https://example.org/p"}\n'
)


@pytest.mark.parametrize(
    ("word", "lang", "kazakh_in_latin", "entity", "reaches"),
    [
        ("Taani", None, False, "denmark", True),  # as written
        ("Тани", None, False, "denmark", False),  # Estonian is written in Latin letters alone
        ("Μπρουνέι", None, False, "brunei", True),
        ("Bruni", None, False, "brunei", False),  # Greek in Greek letters alone
        ("Бруни", None, False, "brunei", False),
        ("Qirgiziston", None, False, "kyrgyzstan", False),  # Tajik in Cyrillic alone (CLDR)
        ("Kyrgyzstan", None, False, "kyrgyzstan", True),  # a native name is read in any script
        ("Кыргызстан", None, False, "kyrgyzstan", True),
        ("AQSH", None, False, "united-states", True),  # Uzbek is written in Latin and Cyrillic
        ("Reseı", None, False, "russia", False),  # CLDR writes Kazakh in Cyrillic and Arabic letters
        ("Reseı", None, True, "russia", True),  # ... and this gazetteer in Latin too
        ("Reseı", "kk", False, "russia", True),  # a Kazakh text may write its own exonym in Latin
    ],
)
def test_an_exonym_is_read_only_in_the_scripts_its_language_is_written_in(
    tmp_path: Path, word: str, lang: str | None, kazakh_in_latin: bool, entity: str, reaches: bool
) -> None:
    """A language's name for a country is written in that language's scripts: read from a word of
    another script it is a chance meeting of keys ("Тани", a girl's name, and Estonian Taani)."""
    path = tmp_path / "countries.yaml"
    extra = KAZAKH_IN_LATIN if kazakh_in_latin else ""
    path.write_text(EXONYMS + extra, encoding="utf-8")
    index = compiled(c5names.load(path, default=False))
    firm = {index.entities[h.posting.entity].id for h in index.word_hits(word, lang) if not h.weak}
    assert (entity in firm) == reaches


def test_an_exonyms_readable_scripts_are_compiled_once_per_language_set(tmp_path: Path) -> None:
    """The index keeps, per alias phrase, its languages and scripts, or None for a phrase read in any
    script (a native name, the display name); equal values are one object."""
    path = tmp_path / "countries.yaml"
    path.write_text(EXONYMS + KAZAKH_IN_LATIN + KYRGYZ_NAME_IN_LATIN, encoding="utf-8")
    index = compiled(c5names.load(path, default=False))
    limits = dict(zip(index.alias_forms, index.alias_scripts, strict=True))
    assert limits["Ресей"] == (frozenset({"kk"}), frozenset({"CYRILLIC", "ARABIC", "LATIN"}))  # (Qazaqstan)
    assert limits["Перу"] == (frozenset({"ky"}), frozenset({"CYRILLIC", "LATIN"}))  # (Nurlan Testov)
    assert limits["Кыргызстан"] is None and limits["Kyrgyzstan"] is None
    assert limits["Taani"] == (frozenset({"et"}), frozenset({"LATIN"}))
    assert limits["АҚШ"] is not None and {"LATIN", "CYRILLIC"} <= limits["АҚШ"].scripts


def test_fuzzy_hits_are_weak_next_to_a_rule_match(index: NameIndex) -> None:
    """A word one edit from a key is only a weak hit when a rule already matched it."""
    groups = word_groups(index, "Testov", None)
    assert all(g.weak for g in groups if g.method == Method.FUZZY)


def test_unknown_words_reach_nothing(index: NameIndex) -> None:
    assert not index.word_hits("Weather", "en")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Kassym-Jomart", ["Kassym", "Jomart"]),  # a hyphenated given name stays one block
        ("Jean Pierre", ["Jean"]),  # a second spaced given name is a middle name
    ],
)
def test_name_parts(given: str, expected: list[str]) -> None:
    parts = name_parts(PersonName(given=given, surname="Doe"))
    assert parts[Role.GIVEN] == expected
    assert parts[Role.SURNAME] == ["Doe"]


def test_word_keys_romanise_cyrillic_by_each_convention() -> None:
    """The keys of the Cyrillic name include those of the English, French and German press spellings
    (each key is listed once, with the first form that gave it)."""
    keys = {key for key, _form, _written in word_keys("Мирзиёев", "uz")}
    assert {skeleton("Mirziyoyev"), skeleton("Mirzioïev"), skeleton("Mirsijojew")} <= keys
    assert [written for _key, form, written in word_keys("Мирзиёев", "uz") if form == "Мирзиёев"] == [True]


def test_word_keys_of_a_latin_word_is_its_own_key() -> None:
    assert word_keys("Trump", "en") == ((skeleton("Trump"), "Trump", True),)


def test_compiling_writes_each_words_key(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(GAZETTEER, encoding="utf-8")
    index = compiled(c5names.load(path, default=False))
    assert {p.role for p in index.unpacked(skeleton("Testov"))} == {Role.SURNAME}
    assert {p.role for p in index.unpacked(skeleton("Nurlan"))} == {Role.GIVEN}


@pytest.mark.parametrize(
    ("word", "lang", "unknown"),
    [
        ("Weather", "en", True),  # a plain word: its key is not indexed, nor near one
        ("Bruxelles", "fr", True),
        ("Düsseldorf", "de", True),  # cased letters with accents
        ("Минск", "ru", True),  # Cyrillic, of no ending the tables list
        ("Москва", "ru", True),  # -а read as a case ending: Москв, not indexed either
        ("Testov", "en", False),  # indexed
        ("Tesstov", "en", False),  # one edit from an indexed key
        ("Тестовым", "ru", False),  # a case ending, removed: an indexed key
        ("Weathers", "de", True),  # German -s, removed: Weather, not indexed either
        ("Testovs", "de", False),  # Testov
        ("Тестовой", "ru", False),  # a woman's case form: Тестов is indexed, left to `word_groups`
        ("России", "ru", False),  # its nominative, Россия, is indexed
        ("Минску", "ru", True),  # nor Минск, nor a nominative of it
        ("Testov'un", "tr", False),  # an apostrophe
        ("Cazaquistao", "pt", False),  # a language that respells c: left to `word_groups`
        ("Соединённых", "ru", False),  # ё, read as е too
        ("マリ", "ja", False),  # katakana, no case
        ("Kassym-Jomart", "en", False),  # not letters alone
    ],
)
def test_which_words_are_surely_unknown(index: NameIndex, word: str, lang: str | None, unknown: bool) -> None:
    assert surely_unknown(index, word, lang) == unknown
    if unknown:
        assert word_groups(index, word, lang) == []


def _near_keys(index: NameIndex) -> list[str]:
    # (the keys of the index and their words, so that drawn words meet them, by rule or by an edit)
    return sorted({*index.postings, "Testov", "Тестовым", "Берданова", "России", "Mali", "Weather"})


@settings(max_examples=300, deadline=None)
@given(
    data=st.data(),
    lang=st.sampled_from([None, "en", "fr", "de", "ru", "uk", "tr", "pt", "fi", "ja", "kk", "xx"]),
)
def test_a_surely_unknown_word_has_no_groups(index: NameIndex, data: st.DataObject, lang: str | None) -> None:
    """Whatever the word (a key of the index edited, its case forms, letters of any script), a word
    `surely_unknown` settles is one `word_groups` finds nothing for."""
    base = data.draw(st.sampled_from(_near_keys(index)))
    letters = st.sampled_from("aeiouvwTtsSkКкаяыймовёЁ'ʼマリ-ÉéßČ")
    edits = data.draw(st.lists(st.tuples(st.integers(0, 12), letters, st.booleans()), max_size=3))
    word = base[:1].upper() + base[1:]
    for at, letter, insert in edits:
        at = min(at, len(word))
        word = word[:at] + letter + word[at + (0 if insert else 1) :]
    if surely_unknown(index, word, lang):
        assert word_groups(index, word, lang) == []


@pytest.mark.parametrize("word", ["Testov", "Tesstov", "Тестовым", "Weather", "Mali"])
def test_a_word_asked_of_already_is_not_asked_again(
    index: NameIndex, word: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`word_hits(..., asked=True)`: the caller (the component's first sightings) has asked
    `surely_unknown` already, so the index does not ask it again, and finds the hits it finds
    otherwise (the question is a shortcut to `word_groups`' answer)."""
    import c5names.index.core as core

    expected = [(g.method, g.score, g.packed.tolist()) for g in word_groups(index, word, "ru")]
    asks: list[str] = []
    monkeypatch.setattr(core, "surely_unknown", lambda i, w, lang: asks.append(w) or False)
    index._cache.clear()
    hits = index.word_hits(word, "ru", asked=True)
    assert asks == []
    assert [(g.method, g.score, g.packed.tolist()) for g in hits._groups] == expected
    index._cache.clear()
    index.word_hits(word, "ru")
    assert asks == [word]
    index._cache.clear()


_WORDS = st.lists(
    st.text(st.sampled_from("aeiouvwTtsSkКкаяымоЁ'-ÉéßČ"), min_size=1, max_size=12)
    | st.sampled_from(["Testov", "Tesstov", "Testovs", "Weather", "Weathers", "Mali", "Malis", "Xestov", "A", "T"]),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, lang=st.sampled_from([None, "en", "fr", "de", "ru", "tr", "pt", "xx"]))
def test_many_words_are_settled_at_once_as_one_by_one(index: NameIndex, words: list[str], lang: str | None) -> None:
    """`surely_unknown_words` (a document's new words at once; ASCII ones through the compiled probe
    where it is built) answers what `surely_unknown` answers of each: for words of ASCII letters in
    either case, words a rule letter ends (Weathers in German), keys one edit away, and any other
    letters, which the probe leaves to `surely_unknown`."""
    assert surely_unknown_words(index, words, lang) == [surely_unknown(index, word, lang) for word in words]


def test_the_probe_settles_ascii_words_and_leaves_the_rest(index: NameIndex) -> None:
    """What the compiled probe says of each word: 1 surely unknown, 0 indexed or within an edit of an
    indexed key, 2 not settled there (other letters, or a rule letter at its end)."""
    probe = index.unknown_probe()
    if probe is None:
        pytest.skip("no compiled probe here")
    words = ["Weather", "Testov", "Tesstov", "Weathers", "Minsk", "Düsseldorf", "Kassym-Jomart", ""]
    assert list(probe.unknown(words, "s")) == [1, 0, 0, 2, 1, 2, 2, 2]


def test_the_shipped_gazetteer_keeps_the_compiled_probe() -> None:
    """The shipped gazetteer's index is small enough to be scanned, so a document's new words are
    settled by the compiled probe: at 446 persons it had outgrown the old bound (5,000 keys) and fell
    to the hashed path, where every new capitalised word is asked one by one (a cold pass over news
    naming nobody 36 -> 62 ms). Skipped only where the extension is not built."""
    from c5names.index import native

    if native.near_module is None:
        pytest.skip("no compiled probe here")
    index = c5names.Linker().index
    assert len(index.neighbours.keys) < neighbours.SCAN_BELOW
    assert index.unknown_probe() is not None


def test_exonyms_are_kept_or_dropped_alike_one_by_one_and_as_an_array() -> None:
    """`_Readable` tests a word's few postings one by one and many as an array (a common surname's
    holders at a large gazetteer): the same postings are kept either way, on a third of the default
    gazetteer's keys that hold an exonym word, for words of five scripts in texts of several languages."""
    index = c5names.Linker().index
    keys = [key for key, packed in index.postings.items() if any(is_alias(value) for value in packed)][::3]
    dropped = 0
    for word in ("Тани", "Bruni", "García", "Reseı", "AQSH", "Мария", "Μαρία", "Kani", "Перу", "ماري"):
        for lang in (None, "ru", "kk", "et"):
            readable = _Readable(index, word, lang)
            mark = written_mark(word, 0)
            for key in keys:
                packed = index.postings[key]
                one_by_one = readable(key, mark)
                assert one_by_one == readable._vectorised(packed, mark), (word, lang, key)
                dropped += one_by_one != packed
    assert dropped  # (the rule drops postings here: the two paths are compared where they differ)


def test_the_keys_with_alias_words_are_those_whose_postings_hold_one() -> None:
    """`NameIndex.alias_keys`, which spares `_Readable` the test of every other key's postings, holds
    exactly the keys of the default index with an alias word among their postings; and a key outside
    it gives its postings whole, whatever the word."""
    index = c5names.Linker().index
    assert index.alias_keys == {key for key, packed in index.postings.items() if any(map(is_alias, packed))}
    plain = [key for key in index.postings if key not in index.alias_keys]
    assert len(plain) > 100 and len(index.alias_keys) > 100
    readable = _Readable(index, "Тани", "et")
    for key in plain[::50]:
        assert readable(key, written_mark("Тани", 0)) is index.postings[key]
