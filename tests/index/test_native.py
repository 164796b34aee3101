"""The compiled parts of the fuzzy index (`index/_near.pyx`, loaded by `index/native.py`): a large
index must find with its bucket reads exactly what its numpy path finds, a small one with its block
scan exactly what its Python path finds, and the switch that turns the compiled code off
(`C5NAMES_NATIVE=0`) must be read for both extensions.

Where the build had no compiler the comparisons are skipped, except under C5NAMES_REQUIRE_NATIVE=1
(CI sets it): there a missing extension fails."""

from __future__ import annotations

import importlib.util
import zlib

import numpy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c5names.index import native
from c5names.index.neighbours import (
    NATIVE_SCAN_MAX,
    DeletionIndex,
    _cuts,
    bucket_directory,
    deletion_hashes,
    max_edits,
)
from tests.conftest import skip_unless_native_required
from tests.index.key_edits import EDIT, KEYS, edited

compiled = native.near_module
needs_compiled = pytest.mark.skipif(compiled is None, reason=f"no compiled bucket reads here: {native.STATUS}")


def _python_agrees(monkeypatch: pytest.MonkeyPatch, index: DeletionIndex, query: str, limit: int) -> None:
    """The index finds for the query what it finds without its compiled parts."""
    found = index.near(query, limit=limit)
    with monkeypatch.context() as patch:
        patch.setattr(native, "near_module", None)
        assert index.near(query, limit=limit) == found


def test_the_compiled_bucket_reads_are_loaded_where_they_are_required() -> None:
    """CI builds on a fresh machine with C5NAMES_REQUIRE_NATIVE=1: the extension must be there and used."""
    skip_unless_native_required(native.STATUS)
    assert compiled is not None, native.STATUS
    assert native.STATUS == "compiled"


@needs_compiled
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys=st.lists(KEYS, min_size=1, max_size=80), data=st.data())
def test_a_large_index_finds_with_its_compiled_reads_what_numpy_finds(
    monkeypatch: pytest.MonkeyPatch, keys: list[str], data: st.DataObject
) -> None:
    """The same neighbours, nearest first, for a query one or two edits from a key, or any query."""
    index = DeletionIndex(dict.fromkeys(keys), scan_below=0)
    assert index.blocks is None  # (the hashed path, which the compiled reads serve)
    near = edited(data.draw(st.sampled_from(keys)), data.draw(st.lists(EDIT, min_size=1, max_size=2)))
    for query in (near, data.draw(KEYS)):
        _python_agrees(monkeypatch, index, query, 1000)


@needs_compiled
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys=st.lists(KEYS, min_size=1, max_size=80), data=st.data())
def test_a_small_index_finds_with_its_compiled_scan_what_python_finds(
    monkeypatch: pytest.MonkeyPatch, keys: list[str], data: st.DataObject
) -> None:
    """The same neighbours, nearest first, whatever the limit, for a query one or two edits from a key
    (of either length class: keys reach twelve letters, two edits from nine) or any query."""
    index = DeletionIndex(dict.fromkeys(keys), scan_below=10**9)
    assert index.blocks is not None  # (the scanned path, which the compiled scan serves)
    near = edited(data.draw(st.sampled_from(keys)), data.draw(st.lists(EDIT, min_size=1, max_size=2)))
    limit = data.draw(st.sampled_from([1, 2, 1000]))
    for query in (near, data.draw(KEYS)):
        _python_agrees(monkeypatch, index, query, limit)


@needs_compiled
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    keys=st.lists(st.text(st.sampled_from("abde"), min_size=20, max_size=95), min_size=1, max_size=30),
    data=st.data(),
)
def test_long_keys_are_scanned_as_python_scans_them(
    monkeypatch: pytest.MonkeyPatch, keys: list[str], data: st.DataObject
) -> None:
    """Pieces longer than a word (keys of 27 letters and more) take the compiled scan's other path, and
    queries past 64 letters the Python path: the same answers there too."""
    index = DeletionIndex(dict.fromkeys(keys), scan_below=10**9)
    key = data.draw(st.sampled_from(keys))
    edits = [(kind, position * 7, letter) for kind, position, letter in data.draw(st.lists(EDIT, max_size=3))]
    swapped = str.maketrans("abde", "edba")  # (another letter of the same kind: a first vowel stays a vowel)

    def changed(*places: int) -> str:
        return "".join(letter.translate(swapped) if n in places else letter for n, letter in enumerate(key))

    # Besides drawn edits, two changes that leave one piece whole: the first, the middle or the last.
    only_one = (changed(len(key) // 2, len(key) - 1), changed(1, len(key) // 2), changed(1, len(key) - 1))
    for query in (edited(key, edits), key[:-1], "a" + key, *only_one):
        _python_agrees(monkeypatch, index, query, 1000)


@needs_compiled
def test_the_block_scan_keeps_a_key_by_any_piece_of_the_query() -> None:
    # A query of nine letters may be two edits away: it is cut in three ("abc", "def", "ghi"), and a
    # key is compared if it keeps one of them whole, the middle one moved by one place at most.
    assert compiled is not None
    query = "abcdefghi"
    first, second = _cuts(len(query), 2)
    assert (first, second) == (3, 6)
    keys = ["abcxyzghi", "abxdefgyi", "acdefgyi", "abxcdefgyi", "xbcdefgyy", "abcdxxxxi", "abcdefghi"]
    found = compiled.Block(keys).near(query, 2, first, second, 1000)
    # "abcxyzghi" keeps the first and last pieces but is three edits away; "abxdefgyi" keeps only the
    # middle piece, in its place; "acdefgyi" keeps it one place early (b deleted), "abxcdefgyi" one
    # place late (x inserted); "xbcdefgyy" keeps only the middle piece and is three edits away,
    # "abcdxxxxi" only the first and four away; the last is the query itself.
    assert found == [("abxcdefgyi", 2), ("abxdefgyi", 2), ("acdefgyi", 2)]  # (nearest first, then in key order)
    assert compiled.Block(keys).near(query, 2, first, second, 1) == [("abxcdefgyi", 2)]
    # One edit: halves, and no middle piece.
    assert compiled.Block(["xbcdef", "abcdxf", "xbcxef", "abcdef"]).near("abcdef", 1, 3, 3, 8) == [
        ("abcdxf", 1),
        ("xbcdef", 1),
    ]
    assert compiled.Block(["xbcxef"]).near("abcdef", 1, 3, 3, 8) == []
    # A query of other letters is not compared as bytes.
    assert compiled.Block(["abcdxf"]).near("abcdéf", 1, 3, 3, 8) is None


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(keys=st.lists(KEYS, min_size=1, max_size=40), queries=st.lists(KEYS, min_size=1, max_size=6))
def test_a_block_asked_with_other_cuts_answers_as_a_new_block(keys: list[str], queries: list[str]) -> None:
    """A block's sieve (the bits of the pieces its keys keep whole, which let a query that keeps none
    skip the loop) is made for one query length and cuts: asked with others, it is made again, and the
    block answers as one made for that query alone."""
    assert compiled is not None
    block = compiled.Block(keys)
    for query in queries:
        edits = max_edits(query)
        first, second = _cuts(len(query), edits)
        assert block.near(query, edits, first, second, 1000) == compiled.Block(keys).near(
            query, edits, first, second, 1000
        )


@needs_compiled
def test_the_block_scan_refuses_what_it_cannot_read() -> None:
    assert compiled is not None
    with pytest.raises(ValueError, match="cuts"):
        compiled.Block(["abce"]).near("abcd", 1, 3, 2, 8)
    with pytest.raises(ValueError, match="cuts"):
        compiled.Block(["abce"]).near("a" * 126, 2, 42, 84, 8)
    with pytest.raises(ValueError, match="ASCII"):
        compiled.Block(["mirzïyoyev"])


@needs_compiled
def test_a_block_the_compiled_scan_cannot_read_is_read_in_python() -> None:
    """A key of other letters than ASCII (a block's keys are compared as bytes), or a query longer than
    the compiled scan reads (64 letters), is answered by the Python path, as a full scan would."""
    index = DeletionIndex(["mirziyoyev", "mirzïyoyev", "gor"], scan_below=10**9)
    assert index.near("mirziyoyew") == [("mirziyoyev", 1), ("mirzïyoyev", 2)]
    assert index._compiled[(ord("m"), 10)] is None
    long = "m" + "irziyoyev" * 12
    assert len(long) > NATIVE_SCAN_MAX
    index = DeletionIndex([long[:-1], long + "a"], scan_below=10**9)
    assert index.near(long) == [(long[:-1], 1), (long + "a", 1)]
    assert not index._compiled


# Keys of an index may have letters other than ASCII (a user's gazetteer); queries here are ASCII,
# which the compiled reads compare in C (`nearest_from_key`).
MIXED_KEYS = st.text(st.sampled_from("abdeiklmnorsuvyzïéşž"), min_size=3, max_size=12)


@needs_compiled
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys=st.lists(MIXED_KEYS, min_size=1, max_size=80), data=st.data(), limit=st.integers(1, 12))
def test_a_large_index_compares_in_c_what_rapidfuzz_compares(
    monkeypatch: pytest.MonkeyPatch, keys: list[str], data: st.DataObject, limit: int
) -> None:
    """The keys an ASCII query reaches, compared and ordered in C (`nearest_from_key`: distance, then
    key order; the query itself left out; the first `limit`), are the neighbours `_nearest` gives
    through rapidfuzz, whatever letters the keys have."""
    index = DeletionIndex(dict.fromkeys(keys), scan_below=0)
    query = edited(data.draw(st.sampled_from(keys)), data.draw(st.lists(EDIT, min_size=0, max_size=2)))
    query = "".join(c for c in query if c.isascii()) or "a"
    for asked in (query, data.draw(KEYS)):
        _python_agrees(monkeypatch, index, asked, limit)


@needs_compiled
def test_the_compiled_comparison_leaves_the_queries_it_cannot_read() -> None:
    """A query of other letters than ASCII, or longer than 64 letters (the bit-parallel distance holds
    the query in one 64-bit word), is not compared in C: None, and `near` reads it otherwise."""
    assert compiled is not None
    long = "b" + "irziyoyev" * 8
    for keys, query in ((["mirzïyoyev", "mirziyoyev"], "mirzïyoyew"), ([long[:-1], long + "a"], long)):
        index = DeletionIndex(keys, scan_below=0)
        tables = (index.hashes, index.numbers, index.directory, index.shift, index.starts, index.lengths)
        edits = max_edits(query)
        start = 0 if query[0] in "aeiou" else ord(query[0])
        assert compiled.nearest_from_key(query, edits, *tables, start, edits, index.keys, 8) is None
    assert DeletionIndex([long[:-1], long + "a"], scan_below=0).near(long) == [(long[:-1], 1), (long + "a", 1)]
    index = DeletionIndex(["mirziyoyev", "mirzïyoyev", "mirzoyev"], scan_below=0)
    assert index.near("mirzïyoyew") == [("mirzïyoyev", 1), ("mirziyoyev", 2)]
    assert index.near("mirziyoyev") == [("mirzïyoyev", 1), ("mirzoyev", 2)]  # (not itself)
    assert index.near("mirziyoyev", limit=1) == [("mirzïyoyev", 1)]


@needs_compiled
def test_the_compiled_reads_keep_only_keys_that_begin_alike_and_are_near_in_length() -> None:
    # Keys 0-2 stored under hash 7, key 3 under 3 and 9; only 1 (start class 5, length 6) suits a query
    # of class 5 and length 5 within one edit: 0 begins otherwise, 2 is two letters longer.
    hashes = numpy.array([3, 7, 7, 7, 9], dtype=numpy.uint32)
    numbers = numpy.array([3, 0, 1, 2, 3], dtype=numpy.int32)
    starts = numpy.array([4, 5, 5, 5], dtype=numpy.uint32)
    lengths = numpy.array([5, 6, 7, 5], dtype=numpy.int32)
    shift, directory = bucket_directory(hashes)
    assert compiled is not None
    reached = compiled.reached([7, 7, 11], hashes, numbers, directory, shift, starts, lengths, 5, 5, 1)
    assert reached == [1]
    assert compiled.reached([7], hashes, numbers, directory, shift, starts, lengths, 5, 7, 1) == [1, 2]
    assert compiled.reached([3, 9], hashes, numbers, directory, shift, starts, lengths, 5, 5, 2) == [3]


@needs_compiled
def test_the_compiled_reads_refuse_tables_that_do_not_fit_together() -> None:
    """The reads are asked for ahead of use (prefetched), in rounds: every hash is checked against the
    directory before any bucket is read, and every key number against the list of keys before a key is
    compared, so tables that do not fit together raise instead of reading past an array's end."""
    assert compiled is not None
    index = DeletionIndex([f"mirziyoyev{n}" for n in range(40)], scan_below=0)
    tables = (index.hashes, index.numbers, index.directory, index.shift, index.starts, index.lengths)
    start = ord("m")
    assert compiled.reached([], *tables, start, 11, 2) == []
    short = (index.hashes, index.numbers, index.directory[:2], index.shift, index.starts, index.lengths)
    far = max(deletion_hashes("mirziyoyev1", 2))
    with pytest.raises(IndexError, match="beyond the directory"):
        compiled.reached([far], *short, start, 11, 2)
    with pytest.raises(IndexError, match="beyond the directory"):
        compiled.reached_from_key(b"mirziyoyev1", 2, *short, start, 2)
    reached = compiled.reached_from_key(b"mirziyoyev1", 2, *tables, start, 2)
    assert reached  # (so that the list cut short below is read)
    with pytest.raises(IndexError, match=f"key {max(reached)} of {max(reached)}"):
        compiled.nearest_from_key("mirziyoyev1", 2, *tables, start, 2, index.keys[: max(reached)], 8)


@needs_compiled
@given(key=st.binary(max_size=20), data=st.data())
def test_the_compiled_crc_is_zlibs(key: bytes, data: st.DataObject) -> None:
    """The index's hashes were made by zlib when it was compiled: the compiled ones must be the same."""
    assert compiled is not None
    skip = data.draw(st.integers(-1, len(key)))
    skip2 = data.draw(st.integers(-1, len(key)))
    kept = bytes(b for n, b in enumerate(key) if n not in (skip, skip2))
    assert compiled.crc32_without(key, skip, skip2) == zlib.crc32(kept)


@needs_compiled
@settings(max_examples=100, deadline=None)
@given(keys=st.lists(KEYS, min_size=1, max_size=60), depth=st.sampled_from([1, 2]), data=st.data())
def test_the_compiled_deletion_hashes_reach_what_pythons_reach(
    keys: list[str], depth: int, data: st.DataObject
) -> None:
    """`reached_from_key` makes the query's deletion hashes itself: it must reach the keys that those
    of `deletion_hashes` reach (a query an edit or two from a key, so that there are some)."""
    assert compiled is not None
    index = DeletionIndex(dict.fromkeys(keys), scan_below=0)
    query = edited(data.draw(st.sampled_from(keys)), data.draw(st.lists(EDIT, min_size=1, max_size=2))) or "a"
    tables = (index.hashes, index.numbers, index.directory, index.shift, index.starts, index.lengths)
    for start in {0, ord(query[0])}:
        expected = compiled.reached(deletion_hashes(query, depth), *tables, start, len(query), depth)
        assert compiled.reached_from_key(query.encode(), depth, *tables, start, depth) == expected


def test_the_switch_off_is_read_for_both_extensions(monkeypatch: pytest.MonkeyPatch) -> None:
    built = importlib.util.find_spec("c5names.index._near") is not None
    for value, allowed in (("0", False), ("off", False), (" No ", False), ("false", False), ("1", True), ("", True)):
        monkeypatch.setenv("C5NAMES_NATIVE", value)
        assert native.allowed() is allowed
        assert (native._load()[0] is None) is (not allowed or not built)
