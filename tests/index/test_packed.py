"""The compiled posting reads (`index/_packed.pyx`, loaded by `index/native.py`): a word's packed
postings must answer with them exactly what its numpy path answers (who of many holds a posting,
of which role, what each holds, who starts a name there), on words of random postings, and the
scratch bits they keep must be zero again after every call.

Where the build had no compiler the comparisons are skipped, except under C5NAMES_REQUIRE_NATIVE=1
(CI sets it): there a missing extension fails."""

from __future__ import annotations

from array import array

import numpy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c5names.index import native
from c5names.index.intset import IntSet
from c5names.index.postings import ROLES, FormSource, Group, Posting, WordHits, pack
from c5names.model import Method, Role
from tests.conftest import skip_unless_native_required

compiled = native.packed_module
needs_compiled = pytest.mark.skipif(compiled is None, reason=f"no compiled posting reads here: {native.PACKED_STATUS}")

ENTITIES = 80
FORMS = [f"Form{n}" for n in range(8)]
ALIAS_FORMS = ["Kazakhstan", "Kazakhstan", "Qazaqstan", "Republic of Kazakhstan"]

POSTINGS = st.builds(
    Posting,
    entity=st.integers(0, ENTITIES - 1),
    role=st.sampled_from(ROLES),
    pos=st.integers(0, 2),
    length=st.integers(1, 3),
    ref=st.integers(0, len(ALIAS_FORMS) - 1),
)
GROUPS = st.lists(
    st.tuples(
        st.lists(POSTINGS, max_size=40),
        st.sampled_from([Method.EXACT, Method.INFLECTED, Method.FUZZY]),
        st.booleans(),
    ),
    max_size=5,
)
WANTED = st.lists(st.integers(0, ENTITIES + 20), max_size=60)


def _word(groups: list[tuple[list[Posting], Method, bool]], written: set[int], persons_only: bool) -> WordHits:
    """A word's hits over these groups (postings in entity order, as the index stores them); `written`:
    the entities that write an exact group's form as such."""
    made = []
    for n, (found, method, weak) in enumerate(groups):
        kept = [p._replace(role=Role.SURNAME) if persons_only and p.role == Role.ALIAS else p for p in found]
        packed = array("q", sorted({pack(p) for p in kept}))
        made.append(Group(packed, method, 1.0 - 0.1 * n, 5, weak, (n + 1) << 24))
    marks = IntSet((n + 1) << 24 | entity for n in range(len(groups)) for entity in written)
    return WordHits(FormSource(marks, FORMS, ALIAS_FORMS), made)


def test_the_compiled_posting_reads_are_loaded_where_they_are_required() -> None:
    """CI builds on a fresh machine with C5NAMES_REQUIRE_NATIVE=1: the extension must be there and used."""
    skip_unless_native_required(native.PACKED_STATUS)
    assert compiled is not None, native.PACKED_STATUS
    assert native.PACKED_STATUS == "compiled"


@needs_compiled
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(groups=GROUPS, written=st.sets(st.integers(0, ENTITIES - 1)), wanted=WANTED, persons_only=st.booleans())
def test_a_word_answers_with_its_compiled_reads_what_numpy_answers(
    monkeypatch: pytest.MonkeyPatch,
    groups: list[tuple[list[Posting], Method, bool]],
    written: set[int],
    wanted: list[int],
    persons_only: bool,
) -> None:
    """The same members (as a set, an array, a mask), role masks, leads (in order) and hit keys
    (byte for byte, or the numpy path's where an alias phrase's posting is among them)."""
    asked = numpy.asarray(wanted, dtype=numpy.int64)  # (any order, repeats)
    distinct = numpy.unique(asked)

    def answers() -> tuple[object, ...]:
        word = _word(groups, written, persons_only)  # (nothing memoised: each asked afresh)
        roles = [
            _word(groups, written, persons_only).role_mask(role, distinct, unless).tolist()
            for role in (Role.GIVEN, Role.PATRONYMIC, Role.SURNAME)
            for unless in (None, Method.FUZZY)
        ]
        leads, surnames = _word(groups, written, persons_only).leads()
        return (
            word.members(asked),
            _word(groups, written, persons_only).members_array(asked).tolist(),
            _word(groups, written, persons_only).members_mask(distinct).tolist(),
            roles,
            list(leads),
            surnames.tolist(),
            _word(groups, written, persons_only).hit_keys(distinct),
        )

    with monkeypatch.context() as patch:
        patch.setattr("c5names.index.postings._KEYS_BY_HITS", 0)  # (the packed path, for any number)
        patch.setattr("c5names.index.postings._ONE_BY_ONE_MEMBERS", 0)
        mine = answers()
        patch.setattr(native, "packed_module", None)
        assert mine == answers()


@needs_compiled
def test_a_persons_hit_keys_are_read_in_c_and_an_alias_phrase_leaves_them_to_numpy() -> None:
    """`hit_keys` answers None (numpy then numbers the alias phrases by their text) only when an alias
    phrase's posting is among the entities asked of."""
    assert compiled is not None
    person = array("q", [pack(Posting(3, Role.SURNAME, 0, 1, 2)), pack(Posting(5, Role.GIVEN, 0, 1, 1))])
    alias = array("q", [pack(Posting(4, Role.ALIAS, 0, 1, 0))])
    written = numpy.zeros(0, dtype=numpy.int64)
    keys = compiled.hit_keys([person, alias], [None, None], numpy.asarray([3, 5], dtype=numpy.int64), written)
    assert keys is not None and len(keys) == 2 and all(len(k) == 8 for k in keys)
    assert compiled.hit_keys([person, alias], [None, None], numpy.asarray([3, 4], dtype=numpy.int64), written) is None


@needs_compiled
def test_the_scratch_bits_are_zero_again_after_each_call() -> None:
    """`members_of_many` flags the entities asked of in bits it keeps: a later call, on other entities or
    a larger number, must not see the earlier call's."""
    assert compiled is not None
    word = [array("q", [pack(Posting(e, Role.GIVEN, 0, 1, 0)) for e in (2, 7, 9, 1_000)])]
    assert compiled.members_of_many(word, numpy.asarray([9, 2, 9, 5], dtype=numpy.int64)).tolist() == [2, 9]
    assert compiled.members_of_many(word, numpy.asarray([7], dtype=numpy.int64)).tolist() == [7]
    assert compiled.members_of_many(word, numpy.asarray([3, 4], dtype=numpy.int64)).tolist() == []
    assert compiled.members_of_many(word, numpy.asarray([1_000, 2], dtype=numpy.int64)).tolist() == [2, 1_000]
    assert compiled.members_of_many(word, numpy.zeros(0, dtype=numpy.int64)).tolist() == []
    assert compiled.members_of_many([], numpy.asarray([2], dtype=numpy.int64)).tolist() == []
