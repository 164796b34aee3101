"""The compiled per-token loops (`component/_scan.pyx`, loaded by `component/native.py`): they must give
exactly what the numpy path gives (which tokens can be of a name, their bits, the orth column, the
window offsets, tokens marked outside), and the loader must refuse them where they cannot be trusted.

Where the build had no compiler the comparisons are skipped, except under C5NAMES_REQUIRE_NATIVE=1
(CI sets it): there a missing extension fails."""

from __future__ import annotations

import functools
import operator

import numpy
import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.attrs import ENT_IOB, ENT_TYPE, ORTH
from spacy.tokens import Doc, Span

from c5names.component import native
from c5names.component.component import _mark_outside
from c5names.component.sparse import CAPITAL, NEAR, PAIRED, RelevanceCache, sparse_text, summary
from c5names.index.postings import ALIAS_PART, ANCHOR, PERSON_PART, TAILED
from c5names.linker import Linker
from tests.conftest import skip_unless_native_required

compiled = native.scan_module
needs_compiled = pytest.mark.skipif(compiled is None, reason=f"no compiled scan here: {native.STATUS}")

WORDS = [
    *"the ministry said on Thursday that talks would continue in spring A B".split(),
    *"Mirziyoyev Tokayev Tokayev's Токаевым Мирзиёеву Japarov Sergio Gore Michael Die Vereinigten Staaten".split(),
    *"République kirghize Mary Tani Baker Serdar Berdimuhamedov Ouzbékistan 東京 イラン , . -".split(),
]


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.from_files(default=True)


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


def test_the_compiled_scan_is_loaded_where_it_is_required() -> None:
    """CI builds on a fresh machine with C5NAMES_REQUIRE_NATIVE=1: the extension must be there and used."""
    skip_unless_native_required(native.STATUS)
    assert compiled is not None, native.STATUS
    assert native.STATUS.startswith("compiled")


@needs_compiled
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.integers(0, 3))
def test_the_compiled_scan_finds_what_numpy_finds(
    linker: Linker, nlp: spacy.language.Language, monkeypatch: pytest.MonkeyPatch, words: list[str], seed: int
) -> None:
    """Same orth column, same tokens in the same order with the same part bits, on a fresh table (every
    word type is a first sighting, its slot empty) and on one that has seen other texts."""
    doc = nlp.make_doc(" ".join(words))
    fast, slow = RelevanceCache(linker.index, "en"), RelevanceCache(linker.index, "en")
    for _ in range(seed):  # a table already holding other word types in some slots
        fast.scan(nlp.make_doc(" ".join(reversed(words))))
    scanned = fast.scan(doc)
    with monkeypatch.context() as patch:
        patch.setattr(native, "scan_module", None)
        scanned2 = slow.scan(doc)
    orths, orths2 = scanned.orths, scanned2.orths
    assert orths.dtype == orths2.dtype and orths.tolist() == orths2.tolist() == doc.to_array(ORTH).tolist()
    assert scanned[1:] == scanned2[1:]  # the tokens, their bits, and what the loop tells of them all
    assert scanned.annotated is scanned2.annotated is False
    assert scanned.positions == sorted(scanned.positions) and all(scanned.kinds)
    assert scanned.union == functools.reduce(operator.or_, scanned.kinds, 0)
    assert scanned.capitals is any(t.text[:1].isupper() for t in doc)  # (the words here have no other capitals)


@needs_compiled
def test_the_compiled_scan_reports_the_tokens_whose_slot_holds_another_word_type(nlp: spacy.language.Language) -> None:
    doc = nlp.make_doc("Tokayev met Japarov")
    orths = doc.to_array(ORTH)
    slot_orths = numpy.zeros(4, numpy.uint64)
    slot_parts = numpy.zeros(4, numpy.uint8)
    mask = numpy.uint64(3)
    slot_orths[orths[0] & mask], slot_parts[orths[0] & mask] = orths[0], 5 | CAPITAL
    assert compiled is not None
    found, positions, kinds, missed, annotated, union, close, capitals, outside = compiled.scan(
        doc, slot_orths, slot_parts, mask, CAPITAL, PAIRED, NEAR
    )
    assert found.tolist() == orths.tolist()
    assert (positions, kinds) == ([0], [5])  # (the CAPITAL bit is told apart, not among the part bits)
    assert missed == [i for i in (1, 2) if slot_orths[orths[i] & mask] != orths[i]]
    assert (annotated, union, close, capitals, outside) == (False, 5, False, True, False)  # (not asked to mark)


@needs_compiled
@pytest.mark.parametrize(
    ("bits", "close"),
    [
        ((PERSON_PART, 0, 0, 0, PERSON_PART), True),  # NEAR apart
        ((PERSON_PART, 0, 0, 0, 0, PERSON_PART), False),  # one more
        ((PERSON_PART, 0, TAILED), False),  # close, but of different kinds
        ((TAILED | ALIAS_PART, TAILED), True),
        ((PERSON_PART, ANCHOR, 0, 0, PERSON_PART | ANCHOR), True),
        ((ANCHOR, ANCHOR), False),
    ],
)
def test_the_compiled_scan_tells_two_parts_close_together(
    nlp: spacy.language.Language, bits: tuple[int, ...], close: bool
) -> None:
    """Each token a word type of its own, given its bits in the table: the loop's `close` is `summary`'s."""
    assert NEAR == 4
    doc = nlp.make_doc(" ".join(f"w{n}" for n in range(len(bits))))
    orths = doc.to_array(ORTH)
    size = 1 << 16
    slot_orths = numpy.zeros(size, numpy.uint64)
    slot_parts = numpy.zeros(size, numpy.uint8)
    mask = numpy.uint64(size - 1)
    for orth, part in zip(orths, bits, strict=True):
        slot = orth & mask if slot_orths[orth & mask] == 0 else (orth & mask) ^ numpy.uint64(1)
        slot_orths[slot], slot_parts[slot] = orth, part
    assert compiled is not None
    _, positions, kinds, missed, _, union, found, capitals, _ = compiled.scan(
        doc, slot_orths, slot_parts, mask, CAPITAL, PAIRED, NEAR
    )
    assert missed == [] and capitals is False
    assert (union, found) == summary(positions, kinds) == (functools.reduce(operator.or_, bits), close)


@needs_compiled
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from([*WORDS, "\n", "  ", "\n\n", "Tokayev-led", "l’Ouzbékistan"]), min_size=1, max_size=50),
    st.lists(st.integers(0, 49), max_size=6),
)
def test_the_compiled_sparse_text_is_the_numpy_one(
    linker: Linker, nlp: spacy.language.Language, words: list[str], positions: list[int]
) -> None:
    """Any windows (merged as `sparse_text` merges them), whitespace tokens and spaceless joins alike."""
    doc = nlp.make_doc(" ".join(words).replace(" ,", ",").replace("  ", " \t "))
    positions = sorted({p for p in positions if p < len(doc)})
    orths = doc.to_array(ORTH)
    fast = sparse_text(doc, RelevanceCache(linker.index, "en"), orths, positions)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(native, "scan_module", None)
        slow = sparse_text(doc, RelevanceCache(linker.index, "en"), orths, positions)
    assert fast == slow
    if fast is not None:
        assert len(fast[0]) == len(doc.text)
        assert all(fast[0][a:b] == doc.text[a:b] for a, b in fast[1])


@needs_compiled
def test_the_compiled_sparse_text_refuses_windows_out_of_order_or_bounds(nlp: spacy.language.Language) -> None:
    doc = nlp.make_doc("Shavkat Mirziyoyev met Tokayev in Astana.")
    assert compiled is not None
    for windows in ([[0, 9]], [[3, 2]], [[-1, 2]], [[2, 4], [0, 1]]):
        with pytest.raises((IndexError, ValueError)):
            compiled.sparse(doc, windows, {}, doc.vocab.strings, "\x00")


# Token annotations for the entity flag: (ENT_IOB, typed?) — I, O, B, missing, with or without a type.
_IOB_STATES = st.sampled_from([(1, True), (2, False), (3, True), (3, False), (0, False), (2, True)])


@needs_compiled
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_IOB_STATES, min_size=1, max_size=12))
def test_the_compiled_scan_says_whether_the_doc_has_entities_as_doc_ents_does(
    linker: Linker, nlp: spacy.language.Language, states: list[tuple[int, bool]]
) -> None:
    """Any column of entity annotations, valid or not (an I after no entity, a B without a type):
    the flag is `bool(doc.ents)`, and where `doc.ents` refuses the column the flag is set, so that
    the component reads `doc.ents` and raises the same error."""
    doc = nlp.make_doc(" ".join(["Tokayev"] * len(states)))
    label = doc.vocab.strings.add("PERSON")
    doc.from_array([ENT_IOB, ENT_TYPE], numpy.array([[iob, label if typed else 0] for iob, typed in states], "uint64"))
    annotated = RelevanceCache(linker.index, "en").scan(doc).annotated
    try:
        expected = bool(doc.ents)
    except ValueError:  # E093: an I token that continues no entity
        assert annotated
    else:
        assert annotated is expected


@needs_compiled
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(_IOB_STATES, min_size=1, max_size=12) | st.lists(st.just((0, False)), min_size=1, max_size=12),
    st.booleans(),
)
def test_the_compiled_scan_marks_the_tokens_of_no_entity_outside_when_asked(
    linker: Linker, nlp: spacy.language.Language, states: list[tuple[int, bool]], mark: bool
) -> None:
    """Asked to (`mark`), the scan's loop marks the tokens of a document none of whose tokens was
    annotated before outside, and says so; a document with any annotation (I, O or B, valid or not:
    `doc.ents` may raise on it, naming each token's state) is left exactly as it was, as it is when
    the scan is not asked to mark."""
    doc = nlp.make_doc(" ".join(["said"] * len(states)))
    label = doc.vocab.strings.add("PERSON")
    before = numpy.array([[iob, label if typed else 0] for iob, typed in states], "uint64")
    doc.from_array([ENT_IOB, ENT_TYPE], before)
    scanned = RelevanceCache(linker.index, "en").scan(doc, mark=mark)
    after = doc.to_array([ENT_IOB, ENT_TYPE])
    fresh = mark and all(iob == 0 for iob, _ in states)
    assert after[:, 0].tolist() == ([2] * len(states) if fresh else before[:, 0].tolist())
    assert after[:, 1].tolist() == before[:, 1].tolist()
    assert scanned.outside is fresh


@needs_compiled
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from(["weather", "in", "Paris", "the", "Tokayev", "Baker", "."]), min_size=1, max_size=12),
    st.lists(_IOB_STATES, min_size=12, max_size=12),
)
def test_the_component_leaves_the_same_annotations_with_the_compiled_loops_as_without(
    words: list[str], states: list[tuple[int, bool]]
) -> None:
    """Whatever the tokens' annotations before it (none, valid entities, a B without a type, an I after
    nothing), the component ends with the same entity columns and entities, or the same error, with
    the compiled scan and marking as with the numpy path."""
    states = states[: len(words)]

    def run() -> object:
        nlp = spacy.blank("en")
        nlp.add_pipe("c5names")
        doc = nlp.make_doc(" ".join(words))
        label = doc.vocab.strings.add("PERSON")
        doc.from_array([ENT_IOB, ENT_TYPE], numpy.array([[i, label if t else 0] for i, t in states], "uint64"))
        try:
            doc = nlp.get_pipe("c5names")(doc)
        except ValueError as err:
            return str(err)
        return doc.to_array([ENT_IOB, ENT_TYPE]).tolist(), [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents]

    fast = run()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(native, "scan_module", None)
        slow = run()
    assert fast == slow


@needs_compiled
@pytest.mark.parametrize("untyped", [False, True])
def test_marking_outside_in_c_is_what_from_array_does(nlp: spacy.language.Language, untyped: bool) -> None:
    def annotated() -> Doc:
        doc = nlp.make_doc("Yesterday Shavkat Mirziyoyev met reporters in a village near Tashkent.")
        doc.set_ents([Span(doc, 1, 3, label="PERSON")], blocked=[Span(doc, 5, 6)], default="missing")
        return doc

    fast, slow = annotated(), annotated()
    _mark_outside(fast, untyped=untyped)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(native, "scan_module", None)
        _mark_outside(slow, untyped=untyped)
    assert fast.to_array([ENT_IOB, ENT_TYPE]).tolist() == slow.to_array([ENT_IOB, ENT_TYPE]).tolist()
    assert {t.ent_iob_ for t in fast} == {"O"}


@needs_compiled
@pytest.mark.parametrize(
    "text",
    [
        "On Monday Vladimir Vladimirovich arrived, and Tokayev's aides met Shavkat Mirziyoyev.",
        "Gurbanguly Berdimuhamedov came with his son Serdar.",
        "Президент Мирзиёев встретился с Токаевым.",
    ],
)
def test_the_sparse_text_is_the_same_either_way(linker: Linker, text: str) -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc(text)
    fast = sparse_text(doc, RelevanceCache(linker.index, "en"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(native, "scan_module", None)
        slow = sparse_text(doc, RelevanceCache(linker.index, "en"))
    assert fast is not None and fast == slow


def test_the_loader_refuses_a_scan_built_for_another_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    if compiled is None:
        pytest.skip(native.STATUS)
    monkeypatch.setattr(spacy, "__version__", "3.99.0")
    module, status = native._load()
    assert module is None and "built for spaCy" in status and "3.99.0" in status
    monkeypatch.setattr(spacy, "__version__", str(compiled.BUILT_WITH_SPACY))
    assert native._load()[0] is compiled


def test_the_numpy_path_can_be_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("C5NAMES_NATIVE", "0")
    module, status = native._load()
    assert module is None and "C5NAMES_NATIVE" in status
