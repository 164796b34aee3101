"""The large-gazetteer structures of the index: the deletion-neighbourhood fuzzy index must find exactly
what a full Levenshtein scan finds, and a word's lazily unpacked hits (per entity, leads, one-word
surnames) must agree with unpacking everything. Plus the namesake rule that came with them: a
patronymic that differs from the one the gazetteer lists names someone else."""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path
from zlib import crc32

import numpy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

import c5names
from c5names.index import compiled, postings
from c5names.index.neighbours import (
    DeletionIndex,
    bucket_directory,
    deletion_hashes,
    deletions,
    max_edits,
    same_start,
)
from c5names.index.postings import Singles, WordHits
from c5names.model import Method, Role
from tests.index.key_edits import EDIT, edited
from tests.index.key_edits import KEYS as LETTERS

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _scan(keys: list[str], key: str) -> list[tuple[str, int]]:
    """The reference: every key that begins alike (the same letter, or two vowels) within reach, by a
    full scan."""
    edits = max_edits(key)
    found = []
    for other in dict.fromkeys(keys):
        if len(other) >= 3 and other != key and same_start(other, key):
            distance = Levenshtein.distance(key, other)
            if distance <= edits:
                found.append((other, distance))
    return sorted(found, key=lambda item: (item[1], item[0]))


# Both paths of DeletionIndex: deletion hashes (large indexes) and block scans (small ones).
PATHS = pytest.mark.parametrize("scan_below", [0, 10**9], ids=["hashed", "scanned"])


@PATHS
@SETTINGS
@given(keys=st.lists(LETTERS, min_size=1, max_size=60), query=LETTERS)
def test_deletion_index_finds_what_a_full_scan_finds(scan_below: int, keys: list[str], query: str) -> None:
    index = DeletionIndex(dict.fromkeys(keys), scan_below=scan_below)
    assert (index.blocks is None) == (scan_below == 0)
    assert index.near(query, limit=1000) == _scan(keys, query)


@PATHS
@SETTINGS
@given(key=LETTERS, data=st.data())
def test_keys_one_or_two_edits_away_are_found(scan_below: int, key: str, data: st.DataObject) -> None:
    # Edit a key (not its first letter) and look the edited form up among decoys.
    edited = list(key)
    for _ in range(max_edits(key)):
        position = data.draw(st.integers(1, max(1, len(edited) - 1)))
        edited.insert(position, data.draw(st.sampled_from("aeiou")))
    query = "".join(edited)
    index = DeletionIndex([key, "zzzz", key[::-1] + "q"], scan_below=scan_below)
    expected_distance = Levenshtein.distance(query, key)
    if query != key and expected_distance <= max_edits(query):
        assert (key, expected_distance) in index.near(query, limit=1000)


@SETTINGS
@given(keys=st.lists(LETTERS, min_size=1, max_size=40), data=st.data())
def test_a_small_index_compares_only_keys_that_keep_a_piece_of_the_query(keys: list[str], data: st.DataObject) -> None:
    # A query one or two edits (of any kind, anywhere) from an indexed key: the pieces a small index
    # reads instead of whole blocks (`neighbours._pieces`) find what a full scan finds, for a query
    # of the same length class as the key or crossing TWO_EDITS_FROM.
    key = data.draw(st.sampled_from(keys))
    query = edited(key, data.draw(st.lists(EDIT, min_size=1, max_size=2)))
    index = DeletionIndex(dict.fromkeys(keys), scan_below=10**9)
    assert index.near(query, limit=1000) == _scan(keys, query)
    assert index.near(query, limit=1000) == DeletionIndex(dict.fromkeys(keys), scan_below=0).near(query, limit=1000)


@SETTINGS
@given(st.lists(st.integers(0, 2**32 - 1), max_size=300), st.lists(st.integers(0, 2**32 - 1), max_size=20))
def test_a_hash_is_found_in_its_bucket_and_nowhere_else(hashes: list[int], others: list[int]) -> None:
    """The directory's bucket of a hash holds every copy of it, and only hashes with its top bits."""
    stored = numpy.sort(numpy.asarray(hashes, dtype=numpy.uint32))
    shift, directory = bucket_directory(stored)
    assert len(directory) == (1 << (32 - shift)) + 1 and directory[0] == 0 and directory[-1] == len(stored)
    for wanted in hashes + others:
        bucket = stored[directory[wanted >> shift] : directory[(wanted >> shift) + 1]]
        assert (bucket >> shift == wanted >> shift).all()
        assert numpy.count_nonzero(bucket == wanted) == hashes.count(wanted)


@given(st.text(min_size=1, max_size=14), st.sampled_from([1, 2]))
def test_deletion_hashes_are_those_of_the_deletions(key: str, depth: int) -> None:
    """The byte-cut hashes of an ASCII key (and the string path of any other) are the deletions'."""
    assert set(deletion_hashes(key, depth)) == {crc32(variant.encode()) for variant in deletions(key, depth)}


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=14), st.sampled_from([1, 2]))
def test_deletion_hashes_of_index_keys(key: str, depth: int) -> None:
    assert set(deletion_hashes(key, depth)) == {crc32(variant.encode()) for variant in deletions(key, depth)}


def test_deletions_of_a_word() -> None:
    assert deletions("gor", 1) == {"gor", "or", "gr", "go"}
    assert "mrzyoyev" in deletions("mirziyoyev", 2)
    assert "mrzyyev" not in deletions("mirziyoyev", 2)


def _default_words() -> list[str]:
    index = compiled(c5names.default_gazetteer())
    words = {form for form in index.forms if form[:1].isupper()}
    return [*sorted(words)[:400], "Berdimuhamedov", "Japarov", "Rahmon", "Gore", "Tokayevs", "Mirziyoyevning"]


def _columns_agree(singles: Singles, word: str) -> None:
    """A word's one-word surnames as columns (`Singles`) say what their hits say, and `positions`
    finds the entities asked for, few or many, present or not, as a list or as an array."""
    hits = [singles.hit(n) for n in range(len(singles))]
    assert singles.listed == [h.posting.entity for h in hits] == sorted(singles.listed), word
    assert singles.scores == [h.score for h in hits], word
    assert singles.methods == [h.method for h in hits], word
    assert singles.forms == [h.form for h in hits], word
    assert singles.ends == [h.end for h in hits], word
    for wanted in (singles.listed[::2], singles.listed, sorted({*singles.listed, *range(0, 3000, 7)})):
        expected = [n for n, entity in enumerate(singles.listed) if entity in set(wanted)]
        assert singles.positions(wanted) == expected, word
        assert singles.positions(numpy.asarray(wanted, dtype=numpy.int64)) == expected, word  # (as an array)
        assert singles.positions(wanted[:3]) == [n for n in expected if singles.listed[n] in wanted[:3]], word
        assert singles.positions(numpy.asarray(wanted[:3], dtype=numpy.int64)) == singles.positions(wanted[:3]), word


@pytest.mark.parametrize("few_singles", [16, 0])
def test_hits_unpacked_per_entity_agree_with_unpacking_everything(
    monkeypatch: pytest.MonkeyPatch, few_singles: int
) -> None:
    monkeypatch.setattr(postings, "_FEW_SINGLES", few_singles)  # (singles made as hits, or as columns)
    index = compiled(c5names.default_gazetteer())
    for word in _default_words():
        lazy = index.word_hits(word, None)
        index._cache.clear()
        every = index.word_hits(word, None).all()
        eager = WordHits.of_hits(every)
        assert lazy.entities() == eager.entities(), word
        assert set(lazy.leads()[0]) == set(eager.leads()[0]), word
        assert set(lazy.leads()[1].tolist()) == set(eager.leads()[1].tolist()), word
        assert lazy.single_surnames() == eager.single_surnames(), word
        _columns_agree(lazy.singles(), word)
        _columns_agree(eager.singles(), word)
        assert sorted(lazy.aliases()) == sorted(eager.aliases()), word
        lone = {
            h.posting.entity
            for h in every
            if h.posting.role == Role.GIVEN and h.posting.pos == 0 and h.posting.length == 1 and not h.weak
        }
        assert lazy.lone_given_names() == eager.lone_given_names() == lone, word
        unpacked = index.word_hits(word, None)  # (whose hits `all` unpacked: read from the packed arrays still)
        assert unpacked.all() is every
        unpacked._givens = None
        assert unpacked.lone_given_names() == lone, word
        for entity in sorted(eager.entities()):
            assert unpacked.of(entity) == eager.of(entity), (word, entity)
        assert unpacked.members(sorted(eager.entities())) == eager.entities(), word
        for entity in eager.entities():
            assert sorted(lazy.of(entity)) == sorted(eager.of(entity)), (word, entity)


@pytest.mark.parametrize(("by_flags", "keys_by_hits"), [(10**9, 0), (0, 0), (10**9, 10**9)])
def test_bulk_questions_agree_with_asking_entity_by_entity(
    monkeypatch: pytest.MonkeyPatch, by_flags: int, keys_by_hits: int
) -> None:
    """`members` and `role_members` answer for many entities at once, from binary searches in numpy (a
    hundred namesakes at a million persons), what `entities` and `role_entities` answer: asked of a
    few (one by one) and of many, holders and others, as a set and as an array. `hit_keys` gives two
    entities one key only when `of` gives them hits alike, read from the packed arrays or (for a few
    entities) from each one's hits."""
    monkeypatch.setattr(postings, "_MEMBERS_BY_FLAGS", by_flags)  # (binary searches, or flags by entity number)
    monkeypatch.setattr(postings, "_KEYS_BY_HITS", keys_by_hits)
    index = compiled(c5names.default_gazetteer())
    everyone = list(range(len(index.entities)))
    shared = 0
    for word in _default_words():
        index._cache.clear()
        hits = index.word_hits(word, None)
        holders = sorted(hits.entities())
        others = sorted(set(everyone) - set(holders))
        for asked in (holders[:3] + others[:3], holders[:30] + others[:30], everyone):
            index._cache.clear()
            fresh = index.word_hits(word, None)  # (nothing memoised yet: the packed path)
            assert fresh.members(frozenset(asked)) == hits.entities() & set(asked), word
            assert fresh.members(numpy.asarray(asked)) == hits.entities() & set(asked), word
            wanted = numpy.asarray(sorted(set(asked)), dtype=numpy.int64)
            assert fresh.members_mask(wanted).tolist() == [e in hits.entities() for e in wanted.tolist()], word
            for role in (Role.GIVEN, Role.PATRONYMIC, Role.SURNAME):
                for unless in (None, Method.FUZZY):
                    expected = hits.role_entities(role, unless) & set(asked)
                    assert fresh.role_members(role, frozenset(asked), unless) == expected, (word, role, unless)
                    mask = fresh.role_mask(role, wanted, unless).tolist()
                    assert mask == [e in expected for e in wanted.tolist()], (word, role, unless)
        # hit_keys: one key for entities whose hits here are alike (but for entity and form number)
        index._cache.clear()
        wanted = sorted(holders + others[:5])
        keys = index.word_hits(word, None).hit_keys(numpy.asarray(wanted))
        alike = [tuple((h.posting[1:4], h[1:]) for h in hits.of(e)) for e in wanted]
        for a, b in itertools.combinations(range(len(wanted)), 2):
            assert keys[a] != keys[b] or alike[a] == alike[b], (word, wanted[a], wanted[b])
        shared += len(keys) - len(set(keys))
    assert shared  # (entities did share keys)


def _write(folder: Path, text: str) -> Path:
    path = folder / "people.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


NAMESAKES = """
entities:
  - id: testov-nurlan-bolatovich
    type: person
    name: Nurlan Testov
    names:
      - given: Nurlan
        patronymic: Bolatovich
        surname: Testov
    sources: [https://example.org/testov]
  - id: testbaev-akylbek
    type: person
    name: Akylbek Testbaev
    names:
      - given: Akylbek
        surname: Testbaev
    sources: [https://example.org/testbaev]
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nurlan Bolatovich Testov spoke.", ["testov-nurlan-bolatovich"]),
        ("Nurlan Testov spoke.", ["testov-nurlan-bolatovich"]),
        # Another patronymic than the listed one: a namesake, not this man.
        ("Nurlan Serikovich Testov spoke.", []),
        # No patronymic listed: any patronymic may stand between given name and surname.
        ("Akylbek Usenbekovich Testbaev spoke.", ["testbaev-akylbek"]),
    ],
)
def test_a_different_patronymic_names_someone_else(tmp_path: Path, text: str, expected: list[str]) -> None:
    linker = c5names.Linker(c5names.load(_write(tmp_path, NAMESAKES), default=False))
    assert [m.id for m in linker.link(text, lang="en")] == expected


@PATHS
@pytest.mark.parametrize(("key", "query"), [("abdikadirov", "abdkadrov"), ("abdkadrov", "abdikadirov")])
def test_a_key_two_letters_longer_or_shorter_is_reached_from_nine(scan_below: int, key: str, query: str) -> None:
    """A query of nine letters or more may be two edits away: two letters dropped, or two added."""
    index = DeletionIndex([key, "abdikadirova" + "x" * 3], scan_below=scan_below)
    assert index.near(query) == [(key, 2)]


TWO_WAYS = """
version: 1
entities:
  - id: testova-aigul
    type: person
    name: Aigul Testova
    gender: female
    names:
      - {given: Aigul, surname: Testova, lang: ru, source: "https://example.org/t"}
      - {given: Aigul, surname: Testov, lang: ru, source: "https://example.org/t"}
  - id: testov-nurlan
    type: person
    name: Nurlan Testov
    gender: male
    names:
      - {given: Nurlan, surname: Testov, lang: ru, source: "https://example.org/t"}
      - {given: Нурлан, surname: Тестов, lang: ru, source: "https://example.org/t"}
"""


@pytest.mark.parametrize("word", ["Testova", "Testov", "Тестов", "Тестова", "Тестовым"])
def test_a_surname_reached_two_ways_keeps_its_first_way(tmp_path: Path, word: str) -> None:
    """A word may reach one entity's one-word surnames two ways (as written, and as a stem): the bulk
    `single_surnames` keeps each entity's first firm hit, as unpacking every hit in order does."""
    (tmp_path / "two.yaml").write_text(TWO_WAYS.lstrip("\n"), encoding="utf-8")
    index = compiled(c5names.load(tmp_path, default=False), cache=False)
    singles = index.word_hits(word, "ru").single_surnames()  # (from the packed postings)
    index._cache.clear()
    every = WordHits.of_hits(index.word_hits(word, "ru").all())
    assert singles == every.single_surnames()
    assert singles  # (the word is someone's surname)
    index._cache.clear()
    _columns_agree(index.word_hits(word, "ru").singles(), word)
