"""How a text word can take part in a mention (`WordHits.part`), the bits from which the component
decides which words of a document it must read around: a firm surname or an alias phrase's anchor word
is an ANCHOR; a given name, a patronymic or a fuzzy match of a surname a PERSON_PART; the other words
of an alias phrase an ALIAS_PART; the words of a phrase with a lowercase end TAILED; a phrase's anchor
word within an edit only a FUZZY_ANCHOR."""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy
import pytest
from hypothesis import given
from hypothesis import strategies as st

import c5names
from c5names.index import NameIndex, compiled
from c5names.index.postings import (
    ALIAS_PART,
    ANCHOR,
    ENTITY_SHIFT,
    FEW_POSTINGS,
    FUZZY_ANCHOR,
    NO_PART,
    PERSON_PART,
    ROLES,
    TAILED,
    Group,
    _entities_of,
    _part_of_few,
    _part_of_many,
    _values,
    firmly_in,
    fuzzy_anchored,
    meet,
)
from c5names.model import Method, Role

GAZETTEER = textwrap.dedent(
    """\
    version: 1
    entities:
      - id: testov-nurlan
        type: person
        name: Nurlan Testov
        gender: male
        names:
          - {given: Nurlan, patronymic: Bekovich, surname: Testovbaev, lang: en, script: Latn, source: "https://example.org/t"}
      - id: north-testland
        type: country
        name: De Forenede Testlande
        aliases:
          - {form: De Forenede Testlande, lang: da, source: "https://example.org/c"}
          - {form: Na Uy, lang: vi, source: "https://example.org/c"}
          - {form: Republique testlandaise, lang: fr, source: "https://example.org/c"}
    """
)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> NameIndex:
    folder: Path = tmp_path_factory.mktemp("parts")
    (folder / "test.yaml").write_text(GAZETTEER, encoding="utf-8")
    return compiled(c5names.load(folder, default=False), cache=False)


def part(index: NameIndex, word: str) -> int:
    return index.word_hits(word, "en").part(index.alias_anchors)


def test_a_firm_surname_is_an_anchor_and_the_other_name_parts_are_not(index: NameIndex) -> None:
    """A surname within an edit of the word is no anchor: resolution never links a bare surname found
    by fuzzy matching alone (Kasymov is not Karimov), only beside another part of the name (read as
    two parts close together) or as a repeat of the person named in full (read in the second pass)."""
    assert part(index, "Testovbaev") & ANCHOR
    assert part(index, "Testowbaev") & ANCHOR  # (w and v share a key: a respelling, not an edit)
    assert part(index, "Testuvbaev") == PERSON_PART  # one edit from a surname: never a mention alone
    assert part(index, "Nurlan") == PERSON_PART
    assert part(index, "Bekovich") == PERSON_PART
    assert part(index, "Weather") == NO_PART


def test_an_alias_phrase_is_anchored_on_its_longest_word_the_last_of_equals(index: NameIndex) -> None:
    assert part(index, "Testlande") & ANCHOR  # "Forenede" and "Testlande" are equally long: the last
    assert part(index, "Forenede") == ALIAS_PART
    assert part(index, "De") == ALIAS_PART
    assert part(index, "Uy") & ANCHOR
    assert part(index, "Na") == ALIAS_PART


def test_an_anchor_word_within_an_edit_only_is_a_fuzzy_anchor(index: NameIndex, tmp_path: Path) -> None:
    """An alias is never found by edit distance alone: "Testlonde" makes the phrase only beside a
    firm word of it, so it is no anchor on its own; the linker agrees."""
    assert part(index, "Testlonde") == FUZZY_ANCHOR
    # Within an edit of a word that is no anchor: it completes the phrase only beside a firm anchor,
    # whose window holds it anyway, so it is no part (`firmly_in`); the linker still finds the phrase.
    assert part(index, "Forenade") == NO_PART
    (tmp_path / "test.yaml").write_text(GAZETTEER, encoding="utf-8")
    linker = c5names.Linker(c5names.load(tmp_path, default=False))
    assert linker.link("Testlonde signed.", "da") == []
    assert [m.id for m in linker.link("De Forenede Testlonde signed.", "da")] == ["north-testland"]
    assert [m.id for m in linker.link("De Forenade Testlande signed.", "da")] == ["north-testland"]
    assert [m.id for m in linker.link("De Forenade Testlonde signed.", "da")] == ["north-testland"]  # ("De" is firm)
    assert linker.link("Forenade Testlonde signed.", "da") == []  # (edit distance alone)


def test_the_alias_bits_are_the_phrases_a_word_anchors_within_an_edit_or_firmly_completes() -> None:
    """FUZZY_ANCHOR and ALIAS_PART, phrase by phrase (`fuzzy_anchored`, `firmly_in`, which the
    component compares for a fuzzy anchor and a firm word near it): for every word of the default
    gazetteer's alias phrases, as written and with its last letter changed (within an edit), a word
    has the bit exactly when it has phrases of the kind."""
    index = c5names.Linker().index
    anchors = index.alias_anchors
    words = {word for form in index.alias_forms for word in form.split() if word[:1].isupper()}
    edited = {word[:-1] + ("e" if word[-1] == "a" else "a") for word in words if len(word) > 4}
    seen = {FUZZY_ANCHOR: 0, ALIAS_PART: 0}
    for word in sorted(words | edited):
        hits = index.word_hits(word, None)
        bits = hits.part(anchors)
        assert bool(bits & FUZZY_ANCHOR) == bool(fuzzy_anchored(hits, anchors)), word
        assert bool(bits & ALIAS_PART) == bool(firmly_in(hits, anchors)), word
        for bit in seen:
            seen[bit] += bool(bits & bit)
    assert all(seen.values()), seen


def test_a_weak_word_of_an_alias_phrase_is_no_part_of_it(index: NameIndex) -> None:
    """A weak match (a short word within an edit) is refused in an alias phrase (`shapes.parse_alias`):
    it gives no bit, while a weak match of a person's name word still is a person part."""
    weak = [Group(packed, Method.FUZZY, 0.7, 1, True, 0) for packed in index.postings.values()]
    code = ROLES.index(Role.ALIAS)
    alias_only = [g for g in weak if ((numpy.frombuffer(g.packed, numpy.int64) >> 36) & 7 == code).all()]
    assert alias_only
    assert {_part_of_few(g, index.alias_anchors) for g in alias_only} == {NO_PART}
    assert {_part_of_many(g, index.alias_anchors) for g in alias_only} == {NO_PART}


def test_a_phrase_with_a_lowercase_end_is_anchored_on_nothing_but_both_its_parts(index: NameIndex) -> None:
    """ "Republique testlandaise": the capitalised word alone is no anchor (the end must follow), and
    the end's long words are listed for the component, which reads them in lowercase."""
    assert part(index, "Republique") == TAILED
    assert "testlandaise" in index.alias_tail_words
    assert index.alias_anchors[index.alias_forms.index("Republique testlandaise")] == -1


def test_a_groups_part_is_the_same_read_value_by_value_and_as_an_array() -> None:
    """`WordHits.part` reads a group of few postings one posting at a time and a larger one as an
    array: both give the same bits, for every key of the default gazetteer's index (persons' name
    words and alias words alike; every other key), read in the ways the bits tell apart (as written,
    by consonants, within an edit) and with both strengths."""
    index = c5names.Linker().index
    read_in = [(method, weak) for method in (Method.EXACT, Method.CONSONANTS, Method.FUZZY) for weak in (False, True)]
    seen = set()
    for packed in list(index.postings.values())[::2]:
        for method, weak in read_in:
            group = Group(packed, method, 1.0, 1, weak, 0)
            few = _part_of_few(group, index.alias_anchors)
            assert few == _part_of_many(group, index.alias_anchors), (packed, method, weak)
            seen.add(few)
    assert {ANCHOR, PERSON_PART, ALIAS_PART, FUZZY_ANCHOR, TAILED} <= {bit for part in seen for bit in _bits(part)}


def _bits(part: int) -> list[int]:
    return [1 << n for n in range(8) if part & (1 << n)]


def test_a_words_entities_are_the_same_read_value_by_value_and_as_an_array() -> None:
    """`WordHits.entities` reads a word's few postings value by value and many as an array: the
    entities of every word of the default gazetteer's names, read in a text, are those of the array."""
    index = c5names.Linker().index
    words = {word for entity in index.entities for word in entity.name.split()}
    few = 0
    for word in sorted(words):
        hits = index.word_hits(word, None)
        groups = hits._groups
        assert _entities_of(groups) == frozenset((_values(groups) >> ENTITY_SHIFT).tolist()), word
        few += sum(len(group.packed) for group in groups) <= FEW_POSTINGS
    assert few  # (both ways are compared: most words have few postings)


def test_a_words_entity_arrays_are_its_entities_in_order() -> None:
    """`WordHits.entity_arrays` (a common name's holders with no set made) hold the entities of
    `entities()`, each array sorted, for every word of the default gazetteer's names read in a text,
    and for words several of whose keys are reached (a fuzzy reading and the word as written) and one
    of none."""
    index = c5names.Linker().index
    words = sorted({word for entity in index.entities for word in entity.name.split()})
    several = 0
    for word in [*words, "Mirziyoev", "Tokaev", "Xqzwv"]:
        hits = index.word_hits(word, None)
        arrays = [found.tolist() for found in hits.entity_arrays()]
        assert all(found == sorted(found) for found in arrays), word
        assert {entity for found in arrays for entity in found} == hits.entities(), word
        several += len(arrays) > 1
    assert several  # (a word reached by several keys has an array per key)


_SORTED = st.lists(st.integers(0, 60), max_size=30).map(sorted)


@given(_SORTED, _SORTED)
def test_two_sorted_arrays_meet_where_their_sets_do(first: list[int], second: list[int]) -> None:
    """`postings.meet`: any two sorted arrays (repeats, empty, one longer) hold a common value
    exactly when their sets meet."""
    assert meet(numpy.asarray(first, numpy.int64), numpy.asarray(second, numpy.int64)) == bool(set(first) & set(second))
