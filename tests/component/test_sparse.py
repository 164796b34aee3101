"""The component's relevance table (`sparse.RelevanceCache`): decided once per word type, read for a
whole document with one array lookup; it must flag every word a name can be made of, skip ordinary
words, and give the component the same mentions as reading each token afresh would."""

from __future__ import annotations

import functools
import itertools
import operator
import random
from collections import Counter
from collections.abc import Callable

import numpy
import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.attrs import ORTH

from c5names.component import native, sparse
from c5names.component.lexbits import LexemeBits
from c5names.component.sparse import (
    CAPITAL,
    DECIDED,
    GLUE,
    MIN_SLOTS,
    NEAR,
    PAIRED,
    PARTS,
    RelevanceCache,
    by_position,
    cut_apostrophes,
    likely_referred,
    may_read,
    plan,
    planned,
    positions_to_read,
    reading_plan,
    referred_entities,
    repeated_words,
    sparse_text,
    summary,
)
from c5names.index import name_variants
from c5names.index.postings import ALIAS_PART, ANCHOR, FUZZY_ANCHOR, PERSON_PART, TAILED
from c5names.linker import Linker
from c5names.match.detect import read_as_someone_elses, someone_elses_surname
from c5names.text.keys import is_caseless

ORDINARY = "the ministry said on Thursday that talks about budget would continue in spring and the".split()
NAME_WORDS = [
    "Mirziyoyev",
    "Tokayev",
    "Tokayev's",
    "Токаевым",
    "Мирзиёеву",
    "Japarov",
    "Dschaparow",
    "Mirzioïev",
    "Ouzbékistan",
    "Kasachstan",
    "Rahmon",
    "Trump",
    "Gore",
    "Putin",
]


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.from_files(default=True)


@pytest.fixture(scope="module")
def nlp_en() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("c5names", config={"default_date": "2025-11-06"})
    nlp.initialize()
    return nlp


def _flags(table: RelevanceCache, doc: spacy.tokens.Doc) -> list[bool]:
    return [bool(f) for f in table.flags(doc.to_array(ORTH), doc.vocab)]


def test_every_word_of_every_shipped_name_form_is_relevant(linker: Linker) -> None:
    """Each capitalised word of each spelling the gazetteer lists (any script, any convention), and its
    upper-case form, is flagged; so are those words again when the flags come from the table of slots."""
    nlp = spacy.blank("xx")
    table = RelevanceCache(linker.index, None)
    words: set[str] = set()
    for entity in linker.gazetteer:
        if entity.type != "person":
            continue
        for _convention, text, _key in name_variants(entity):
            words.update(w for w in text.split() if w[:1].isupper() and len(w) > 2 and "." not in w)
    assert len(words) > 1000
    for round_ in range(2):  # the second round reads the slots, not the dict
        for word in sorted(words):
            for form in (word, word.upper()):
                doc = nlp.make_doc(form)
                flags = _flags(table, doc)
                assert any(flags), (round_, form)
        _assert_slots_agree(table)


def test_ordinary_and_lowercase_words_are_not_relevant(linker: Linker, nlp_en: spacy.language.Language) -> None:
    table = RelevanceCache(linker.index, "en")
    doc = nlp_en.make_doc(" ".join(ORDINARY + [w.lower() for w in NAME_WORDS]))
    assert not any(_flags(table, doc))
    assert sparse_text(doc, table) is None


def _assert_slots_agree(table: RelevanceCache) -> None:
    """Every occupied slot holds a word type the dict knows, with the dict's part bits."""
    occupied = numpy.flatnonzero(table._slot_orths)
    assert len(occupied) > 1
    for orth, part in zip(table._slot_orths[occupied].tolist(), table._slot_parts[occupied].tolist(), strict=True):
        assert table.known[orth] == part


def test_the_slot_table_agrees_with_deciding_each_token(linker: Linker, nlp_en: spacy.language.Language) -> None:
    """After many documents (word types taking slots from one another, the table growing past its
    first size), each token's flag is what the per-word-type decision says, whether it came from a
    slot, from the dict or was new."""
    table = RelevanceCache(linker.index, "en")
    fresh = RelevanceCache(linker.index, "en")
    rng = numpy.random.default_rng(5)
    vocabulary = ORDINARY + NAME_WORDS + [f"Word{i}" for i in range(600)] + [f"word{i}" for i in range(600)]
    for _ in range(40):
        text = " ".join(rng.choice(vocabulary, size=60).tolist())
        doc = nlp_en.make_doc(text)
        expected = [fresh.relevant(t.orth, doc.vocab) for t in doc]
        assert _flags(table, doc) == expected
    assert len(table._slot_orths) > MIN_SLOTS  # the table grew (and was refilled from the dict)
    _assert_slots_agree(table)


def _sharing_a_slot(table: RelevanceCache, nlp: spacy.language.Language) -> list[str]:
    """Two ordinary words whose orths fall in the same slot of the table."""
    first: dict[int, str] = {}
    for i in range(100_000):
        word = f"Word{i}"
        slot = nlp.vocab.strings.add(word) & int(table._mask)
        if slot in first:
            return [first[slot], word]
        first[slot] = word
    raise AssertionError("no two words share a slot")


@pytest.mark.parametrize("read", ["parts", "scan"])
def test_two_word_types_that_share_a_slot_both_keep_a_place(
    linker: Linker, nlp_en: spacy.language.Language, read: str
) -> None:
    """The table is two-way: a word type whose slot is taken sits in that slot's pair, so two word types
    of one corpus do not evict each other on every document. Each is decided once, then found. (The
    compiled scan reads the table for a document of another vocabulary than its lexeme bits': `lexbits`.)"""
    elsewhere = LexemeBits()
    elsewhere.shift_for(spacy.blank("en").vocab)
    table = RelevanceCache(linker.index, "en", elsewhere)
    words = _sharing_a_slot(table, nlp_en)
    learnt: list[list[int]] = []
    decide = table._learn
    table._learn = lambda orths, vocab: learnt.append(orths.tolist()) or decide(orths, vocab)  # type: ignore[method-assign]
    for _ in range(3):
        doc = nlp_en.make_doc(" ".join(words))
        if read == "parts":
            table.parts(doc.to_array(ORTH), doc.vocab)
        else:
            table.scan(doc)
    assert learnt == [[nlp_en.vocab.strings[w] for w in words]]
    _assert_slots_agree(table)


# Words that take part in names without anchoring one: articles of country names in other languages
# ("Die" reads as Danish "De"), initials, given names, kinship words, a phrase's lowercase end.
_PARTS = (
    "A В Die Na De Sergio Gore his son Serdar Berdimuhamedov Michael Baker République kirghize Vereinigten Staaten"
    " Peter Walker Becker Vladimir Vladimirovich"
)
_WORDS = st.sampled_from(
    ORDINARY + NAME_WORDS + _PARTS.split() + ["President", "Shavkat", "Kassym-Jomart", "J.", "Sadyr", "\n\n", ","]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, min_size=1, max_size=40).map(" ".join))
def test_the_sparse_text_gives_the_mentions_of_the_whole_text(nlp_en: spacy.language.Language, text: str) -> None:
    """The component reads only windows around relevant words; on text made of name words and
    ordinary words it finds exactly what the linker finds reading the whole text. As the component
    does, the linker is given the whole text for evidence read anywhere in the document: a title
    beyond the windows supports a lone surname ("Trump the the the the the the President")."""
    component = nlp_en.get_pipe("c5names")
    doc = nlp_en.make_doc(text)
    table = RelevanceCache(component.linker.index, "en")
    sparse = sparse_text(doc, table)
    whole = lambda: doc.text  # noqa: E731
    fast = (
        []
        if sparse is None
        else component.linker.link(sparse[0], "en", "2025-11-06", regions=sparse[1], document=whole)
    )
    full = component.linker.link(doc.text, "en", "2025-11-06")
    assert [(m.start, m.end, m.id) for m in fast] == [(m.start, m.end, m.id) for m in full]


def _parts(*codes: int) -> numpy.ndarray:
    return numpy.array(codes, numpy.uint8)


def test_a_document_without_an_anchor_or_two_parts_close_together_is_not_read() -> None:
    assert positions_to_read(_parts(0, 0, 0)) == []
    assert positions_to_read(_parts(PERSON_PART, 0, 0, 0, 0, 0, PERSON_PART)) == []  # a given name here, one there
    assert positions_to_read(_parts(ALIAS_PART, 0, ALIAS_PART, 0)) == []  # "Die … A": no phrase is whole
    assert positions_to_read(_parts(PERSON_PART, ALIAS_PART)) == []  # a given name beside an article


def test_two_parts_of_one_name_close_together_are_read() -> None:
    assert positions_to_read(_parts(0, PERSON_PART, PERSON_PART, 0)) == [1, 2]  # Sergio Gore (a weak Gor)
    assert positions_to_read(_parts(TAILED, TAILED | ALIAS_PART, 0)) == [0, 1]  # République kirghize


def test_two_person_parts_close_together_are_read_only_if_one_entity_may_have_both() -> None:
    """`share` says whether two tokens' words are parts of one entity's names; a pair is looked for past
    a part of someone else's name between them ("Akylbek Usenbekovich Japarov")."""
    assert positions_to_read(_parts(0, PERSON_PART, PERSON_PART, 0), lambda a, b: False) == []
    assert positions_to_read(_parts(0, PERSON_PART, PERSON_PART, 0), lambda a, b: True) == [1, 2]
    first_and_last = _parts(PERSON_PART, PERSON_PART, PERSON_PART)
    assert positions_to_read(first_and_last, lambda a, b: (a, b) == (0, 2)) == [0, 1, 2]
    assert positions_to_read(_parts(PERSON_PART, 0, 0, 0, 0, PERSON_PART), lambda a, b: True) == []  # too far


_BITS = st.sampled_from([0, ALIAS_PART, PERSON_PART, ANCHOR, TAILED, FUZZY_ANCHOR]).flatmap(
    lambda a: st.sampled_from([a, a | ALIAS_PART, a | PERSON_PART, a | TAILED])
)


@settings(max_examples=500)
@given(st.lists(_BITS, max_size=30), st.sets(st.tuples(st.integers(0, 29), st.integers(0, 29))))
def test_a_document_that_may_not_be_read_by_its_summary_is_read_by_no_plan(bits: list[int], shared: set) -> None:
    """`may_read` settles most name-free documents from what the scan's loop tells (`summary`) without
    `plan`: it may say True of a document that `plan` then does not read, never False of one it reads,
    whichever pairs of tokens `share` says are of one entity."""
    parts = _parts(*bits)
    positions, kinds = numpy.flatnonzero(parts).tolist(), parts[numpy.flatnonzero(parts)].tolist()
    union, close = summary(positions, kinds)
    assert union == functools.reduce(operator.or_, kinds, 0)
    at_once, lone = reading_plan(parts, lambda a, b: (a, b) in shared)
    if not may_read(union, close):
        assert at_once == lone == []


# (part bits for `plan`: half of them those of a surname alone or a given name, which make the
# surnames read as someone else's, `_after_other_names`, and the lone ones, `_as_lone`)
_PLAN_BITS = st.sampled_from([PERSON_PART, ANCHOR, ANCHOR | PERSON_PART]) | _BITS.filter(bool)


@settings(max_examples=600)
@given(
    st.lists(st.tuples(st.integers(1, 7), _PLAN_BITS, st.booleans()), max_size=40),
    st.integers(0, 2**16),
    st.booleans(),
)
def test_the_compiled_plan_is_plan(parts: list[tuple[int, int, bool]], seed: int, asks: bool) -> None:
    """`planned` (the compiled `plan` when the compiled scan is here) reads the same tokens as `plan`,
    asking `share`, `other`, `completes` and `pair` the same questions, on random documents: parts of
    names at random distances (often within `NEAR` of each other), pairs said to be of one entity, of
    one alias phrase, or able to make a name, by a random rule, surnames said to be someone else's with
    the word before, with and without `other`, `completes` and `pair`."""
    if native.scan_module is None:
        pytest.skip("no compiled scan here")
    positions = list(itertools.accumulate(gap for gap, _, _ in parts))
    kinds = [kind for _, kind, _ in parts]
    others = {position for position, (_, _, theirs) in zip(positions, parts, strict=True) if theirs}
    calls: dict[str, Counter[tuple[str, int, int]]] = {"python": Counter(), "compiled": Counter()}

    def asked(way: str) -> tuple[Callable[[int, int], bool], *tuple[Callable[[int, int], bool] | None, ...]]:
        def share(a: int, b: int) -> bool:
            calls[way]["share", a, b] += 1
            return (a * 7919 + b * 104729 + seed) % 3 == 0

        def other(a: int, b: int) -> bool:
            calls[way]["other", a, b] += 1
            return b in others

        def completes(a: int, b: int) -> bool:
            calls[way]["completes", a, b] += 1
            return (a * 104729 + b * 7919 + seed) % 2 == 0

        def pair(a: int, b: int) -> bool:
            calls[way]["pair", a, b] += 1
            return (a * 31 + b * 17 + seed) % 5 != 0

        return share, other if asks else None, completes if asks else None, pair if asks else None

    assert planned(positions, kinds, *asked("compiled")) == plan(positions, kinds, *asked("python"))
    assert calls["compiled"] == calls["python"]
    assert planned(positions, kinds) == plan(positions, kinds)  # (no `share`: any two person parts may pair)


def test_the_compiled_questions_answer_as_the_python_ones(
    nlp_en: spacy.language.Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`RelevanceCache.questions` in C (`_scan.ByPosition`, `_scan.AfterOtherNames`) answers every
    question `plan` may ask of two tokens as the Python closures do, asked first of an empty memo and
    then again from it: given names beside surnames of others ("Peter Baker"), with and without a
    space between, with a capitalised word, an initial or a word without case after them, and real
    names; positions outside the document are refused."""
    if native.scan_module is None:
        pytest.skip("no compiled scan here")
    vocab = nlp_en.vocab
    words = "Peter Baker met Peter Baker J. and Sarah Walker , then Peter Baker 哈萨克斯坦 and Peter Baker said".split()
    words += "Michael Collins , Kassym-Jomart Tokayev and Mary Collins left .".split()
    spaces = [True] * len(words)
    spaces[15] = False  # ("Peter" right before "Baker", no space between)
    doc = spacy.tokens.Doc(vocab, words=words, spaces=spaces)
    orths = doc.to_array(ORTH)
    index = nlp_en.get_pipe("c5names").linker.index
    pairs = [(a, b) for a in range(len(doc)) for b in range(len(doc)) if abs(a - b) <= NEAR + 1]
    asked_in_c = RelevanceCache(index, "en").questions(doc, orths)
    with monkeypatch.context() as patch:
        patch.setattr(native, "scan_module", None)
        in_python = RelevanceCache(index, "en").questions(doc, orths)
    assert type(asked_in_c.share) is not type(in_python.share)  # (the compiled ones, and the closures)
    answers = {name: [ask(a, b) for a, b in pairs] for name, ask in in_python._asdict().items()}
    for _ in range(2):  # (the memos empty, then full)
        assert {name: [ask(a, b) for a, b in pairs] for name, ask in asked_in_c._asdict().items()} == answers
    other = dict(zip(pairs, answers["other"], strict=True))
    # Peter Baker, someone else's; not before J., nor before a word without case, nor without a space
    assert other[0, 1] and not other[3, 4] and not other[11, 12] and not other[15, 16]
    assert dict(zip(pairs, answers["pair"], strict=True))[21, 22]  # (Kassym-Jomart Tokayev)
    for ask in asked_in_c:
        with pytest.raises(IndexError):
            ask(0, len(doc))


def test_may_read_wants_an_anchor_or_two_parts_of_one_kind_close_together() -> None:
    assert not may_read(*summary([1, 6], [PERSON_PART, PERSON_PART]))  # five tokens apart
    assert may_read(*summary([1, 5], [PERSON_PART, PERSON_PART]))
    assert not may_read(*summary([1, 2], [PERSON_PART, TAILED | ALIAS_PART]))
    assert may_read(*summary([1, 2], [TAILED, TAILED | ALIAS_PART]))
    assert may_read(*summary([9], [ANCHOR])) and may_read(*summary([9], [FUZZY_ANCHOR]))
    assert not may_read(*summary([], []))


def test_an_anchor_word_within_an_edit_only_is_read_with_a_firm_word_of_a_phrase_in_reach() -> None:
    """A FUZZY_ANCHOR makes an alias only beside a firm word of it (an ALIAS_PART), which must then lie
    in the windows read around it (8 tokens before, 6 after)."""
    assert positions_to_read(_parts(0, FUZZY_ANCHOR, 0)) == []
    assert positions_to_read(_parts(ALIAS_PART, 0, FUZZY_ANCHOR, 0)) == [2]  # (the firm word in its window)
    assert positions_to_read(_parts(FUZZY_ANCHOR, 0, 0, 0, 0, 0, ALIAS_PART)) == [0]
    assert positions_to_read(_parts(FUZZY_ANCHOR, *[0] * 6, ALIAS_PART)) == []  # out of reach after it
    assert positions_to_read(_parts(ALIAS_PART, *[0] * 8, FUZZY_ANCHOR)) == []  # and before it
    assert positions_to_read(_parts(FUZZY_ANCHOR | ALIAS_PART)) == [0]  # a firm word of another phrase too
    assert positions_to_read(_parts(FUZZY_ANCHOR, 0, 0, ANCHOR)) == [0, 3]


def test_with_completes_the_firm_word_must_be_of_a_phrase_of_that_anchor() -> None:
    """`completes(a, b)` (`RelevanceCache.completes`) says whether the firm word at b may complete a
    phrase whose anchor, within an edit, is at a: "Bank" of "World Bank" does not complete "Bruni"."""
    positions, kinds = [3, 5, 9], [ALIAS_PART, FUZZY_ANCHOR, ALIAS_PART]
    assert plan(positions, kinds) == ([5], [])  # (without it, any firm word in reach)
    assert plan(positions, kinds, completes=lambda a, b: False) == ([], [])
    assert plan(positions, kinds, completes=lambda a, b: (a, b) == (5, 9)) == ([5], [])
    assert plan(positions, kinds, completes=lambda a, b: (a, b) == (5, 3)) == ([5], [])
    asked: list[tuple[int, int]] = []
    assert plan([5, 20], [FUZZY_ANCHOR | ALIAS_PART, ANCHOR], completes=lambda a, b: asked.append((a, b)) or False) == (
        [5, 20],
        [],
    )
    assert asked == []  # (a firm anchor is read whatever stands near it: nothing to ask)


def test_a_given_name_beside_someone_elses_surname_is_not_read(nlp_en: spacy.language.Language) -> None:
    """ "Michael Becker": a given name of some persons, a surname within an edit of another's. No
    entity has both, so no name can be made of them, and the document is not read."""
    component = nlp_en.get_pipe("c5names")
    table = RelevanceCache(component.linker.index, "en")
    for text in ("Michael Becker opened a bakery.", "Peter Walker met the press."):
        doc = nlp_en.make_doc(text)
        assert sparse_text(doc, table) is None
        assert positions_to_read(table.parts(doc.to_array(ORTH), doc.vocab))  # (two person parts close together)
        assert component.linker.link(text, "en", "2025-11-06") == []
    assert sparse_text(nlp_en.make_doc("On Monday Vladimir Vladimirovich arrived."), table) is not None


def test_once_a_document_has_an_anchor_every_person_part_is_read_but_lone_alias_words_are_not() -> None:
    """A lone given name may be a relative of the person anchored elsewhere ("his son Serdar"); a lone
    article of a country name in another language cannot be a mention."""
    parts = numpy.zeros(21, numpy.uint8)
    parts[[0, 7, 13, 19, 20]] = [ANCHOR, PERSON_PART, ALIAS_PART, ALIAS_PART, ANCHOR]
    assert positions_to_read(parts) == [0, 7, 20]  # (19, beside the anchor, is read in its window)


def test_a_name_free_document_is_marked_outside_and_keeps_the_entities_it_had(nlp_en: spacy.language.Language) -> None:
    """No mention: every token is outside an entity (as Doc.set_ents leaves it) and the explanations are
    empty; entities set before the component are kept."""
    doc = nlp_en("Die Regierung tagte am Montag. A spokesman for Michael said nothing.")
    assert [t.ent_iob_ for t in doc] == ["O"] * len(doc) and doc._.c5names == [] and not doc.ents
    earlier = nlp_en.make_doc("The weather in Paris was fine.")
    earlier.set_ents([spacy.tokens.Span(earlier, 3, 4, label="LOC")])
    kept = nlp_en.get_pipe("c5names")(earlier)
    assert [(e.text, e.label_) for e in kept.ents] == [("Paris", "LOC")]


def test_tokens_blocked_or_missing_before_the_component_end_outside(nlp_en: spacy.language.Language) -> None:
    """An earlier component that set no entity but blocked or left tokens unknown: the mention is set
    and every other token ends outside, as `Doc.set_ents` leaves the tokens of no span."""
    doc = nlp_en.make_doc("Yesterday Shavkat Mirziyoyev met reporters in a village.")
    doc.set_ents([], blocked=[spacy.tokens.Span(doc, 0, 1)], default="missing")
    linked = nlp_en.get_pipe("c5names")(doc)
    assert [(e.text, e.kb_id_) for e in linked.ents] == [("Shavkat Mirziyoyev", "mirziyoyev-shavkat")]
    assert [t.ent_iob_ for t in linked] == ["O", "B", "I"] + ["O"] * (len(linked) - 3)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday Vladimir Vladimirovich arrived.",  # a given name and a patronymic: no anchor
        "Han besøkte De forente arabiske emirater i går.",  # a phrase that ends in lowercase words
        "Gurbanguly Berdimuhamedov came with his son Serdar.",  # a lone given name after a kinship word
        "Die Vereinigten Staaten und Die Zeit.",  # an article of a phrase, and one alone
    ],
)
def test_names_without_a_single_anchor_word_are_still_read(nlp_en: spacy.language.Language, text: str) -> None:
    component = nlp_en.get_pipe("c5names")
    doc = nlp_en.make_doc(text)
    sparse = sparse_text(doc, RelevanceCache(component.linker.index, "en"))
    fast = [] if sparse is None else component.linker.link(sparse[0], "en", "2025-11-06", regions=sparse[1])
    full = component.linker.link(doc.text, "en", "2025-11-06")
    assert full and [(m.start, m.end, m.id) for m in fast] == [(m.start, m.end, m.id) for m in full]


def test_lone_person_parts_are_set_apart() -> None:
    """Anchors and parts close to another part are read at once; a given name far from any is read only
    if it may name a person linked in the document (`referred_entities`)."""
    parts = numpy.zeros(21, numpy.uint8)
    parts[[0, 7, 13, 15, 20]] = [ANCHOR, PERSON_PART, PERSON_PART, PERSON_PART, ANCHOR]
    assert reading_plan(parts) == ([0, 13, 15, 20], [7])
    assert reading_plan(_parts(PERSON_PART, 0, 0, 0, 0, 0, PERSON_PART)) == ([], [])  # nothing to read at all


def test_parts_close_together_are_read_at_once_only_if_they_may_make_a_name_together() -> None:
    """Beside an anchor elsewhere, two parts close together are read at once only if they may make a
    name together: two person parts of one entity (`share`), or two parts of a phrase with a lowercase
    end. An initial or another word of an alias phrase beside a given name makes none ("В Астане"),
    nor a given name beside someone else's surname ("Sarah Walker"): those given names are lone."""
    far = [0] * 10
    assert reading_plan(_parts(ANCHOR, *far, ALIAS_PART, PERSON_PART)) == ([0], [12])
    two = _parts(ANCHOR, *far, PERSON_PART, PERSON_PART)
    assert reading_plan(two, lambda a, b: False) == ([0], [11, 12])
    assert reading_plan(two, lambda a, b: True) == ([0, 11, 12], [])
    assert reading_plan(_parts(ANCHOR, *far, TAILED, TAILED | ALIAS_PART)) == ([0, 11, 12], [])
    assert reading_plan(_parts(ANCHOR, *far, TAILED, PERSON_PART)) == ([0], [12])


def test_a_given_name_beside_someone_elses_surname_is_lone_in_a_document_with_an_anchor(
    nlp_en: spacy.language.Language,
) -> None:
    """On real words: "Sarah Walker" (a given name of some, a middle name of the Bushes) is not read at
    once beside "Baker" (James Baker's surname) elsewhere, and the document links as the whole text does."""
    component = nlp_en.get_pipe("c5names")
    table = RelevanceCache(component.linker.index, "en")
    text = "Peter Baker wrote the report." + FILLER + " Sarah Walker read it."
    doc = nlp_en.make_doc(text)
    orths = doc.to_array(ORTH)
    parts = table.parts(orths, doc.vocab)
    at_once, lone = reading_plan(parts, by_position(table.share, orths, doc.vocab.strings))
    words = {doc[p].text: p for p in numpy.flatnonzero(parts).tolist()}
    assert words["Baker"] in at_once and {words["Sarah"], words["Walker"]} <= set(lone)
    assert words["Sarah"] not in at_once and words["Walker"] not in at_once
    assert [(e.text, e.kb_id_) for e in nlp_en(text).ents] == [
        (m.text, m.id) for m in component.linker.link(text, "en", None)
    ]


def test_a_documents_new_word_types_are_decided_at_once_as_one_by_one(nlp_en: spacy.language.Language) -> None:
    """`_decide_many` (a document's first sightings, the capitalised ones' `surely_unknown` asked of
    the index at once) gives each word type the byte `_decide` gives it alone: part bits and CAPITAL."""
    component = nlp_en.get_pipe("c5names")
    text = (
        "Peter Baker and Xavier Quellot met Shavkat Mirziyoyev, Tokayev's aide and A. Smithers in Tashkent; "
        "the République kirghize, NATO and the Bank answered. Walker, Sarah and Mirziyoev were there."
    )
    doc = nlp_en.make_doc(text)
    orths = doc.to_array(ORTH).tolist()
    together = RelevanceCache(component.linker.index, "en")._decide_many(orths, doc.vocab)
    alone = RelevanceCache(component.linker.index, "en")
    assert together == [alone._decide(orth, doc.vocab) for orth in orths]
    assert len(set(together)) > 2  # (unknown words, capitalised or not, and parts of names)
    if native.scan_module is not None:  # (the scan's first sightings, read from the token structs)
        positions = list(range(len(doc)))
        cache = RelevanceCache(component.linker.index, "en", LexemeBits())
        shift = cache.bits.shift_for(doc.vocab)
        assert shift >= 0
        capitals, found, kinds, union, close = cache._decide_at(doc, positions, doc.to_array(ORTH), shift, [], [])
        assert capitals == any(v & CAPITAL for v in together)
        assert found == [p for p, v in zip(positions, together, strict=True) if v & PARTS]
        assert kinds == [v & PARTS for v in together if v & PARTS]
        assert (union, close) == summary(found, kinds)
        assert [_lexeme_byte(doc, p, shift) for p in positions] == [v | DECIDED for v in together]


def _lexeme_byte(doc: spacy.tokens.Doc, position: int, shift: int) -> int:
    """The byte at bit `shift` of the flags of the lexeme of the token at `position`."""
    lexeme = doc.vocab[doc[position].orth]
    return sum(lexeme.check_flag(shift + bit) << bit for bit in range(8))


@pytest.mark.skipif(native.scan_module is None, reason="no compiled scan here")
def test_settling_writes_each_known_byte_to_the_lexeme_and_reports_the_parts(nlp_en: spacy.language.Language) -> None:
    """`_scan.settle`: each token's `known` byte with DECIDED in its lexeme's flags (as
    `set_lexeme_bytes` writes it), whether one has the capital bit, and the tokens with part bits,
    merged with those the scan found before, with their union and whether two are close."""
    assert native.scan_module is not None
    settle = native.scan_module.settle
    doc = nlp_en.make_doc("Peter met Baker in Tashkent")
    bits = LexemeBits()
    shift = bits.shift_for(doc.vocab)
    assert shift >= 0
    known = {doc[0].orth: PERSON_PART | CAPITAL, doc[1].orth: 0, doc[2].orth: ANCHOR | CAPITAL, doc[3].orth: 0}
    known[doc[4].orth] = CAPITAL
    assert settle(doc, [0, 1, 2, 3, 4], known, shift, DECIDED, CAPITAL, PARTS, [], [], PAIRED, NEAR) == (
        True,
        [0, 2],
        [PERSON_PART, ANCHOR],
        PERSON_PART | ANCHOR,
        False,
    )
    assert [_lexeme_byte(doc, p, shift) for p in range(5)] == [known[t.orth] | DECIDED for t in doc]
    assert settle(doc, [1, 3], known, shift, DECIDED, CAPITAL, PARTS, [], [], PAIRED, NEAR) == (False, [], [], 0, False)
    # (what the scan found before, merged in order: two person parts two tokens apart are close)
    merged = settle(doc, [0, 1], known, shift, DECIDED, CAPITAL, PARTS, [2, 4], [PERSON_PART, TAILED], PAIRED, NEAR)
    assert merged == (True, [0, 2, 4], [PERSON_PART, PERSON_PART, TAILED], PERSON_PART | TAILED, True)
    with pytest.raises(KeyError):  # (a word type not decided yet)
        settle(doc, [0], {}, shift, DECIDED, CAPITAL, PARTS, [], [], PAIRED, NEAR)
    with pytest.raises(IndexError):
        settle(doc, [len(doc)], known, shift, DECIDED, CAPITAL, PARTS, [], [], PAIRED, NEAR)
    with pytest.raises(ValueError):
        settle(doc, [0], known, 60, DECIDED, CAPITAL, PARTS, [], [], PAIRED, NEAR)
    with pytest.raises(ValueError):  # (a part found without its bits)
        settle(doc, [0], known, shift, DECIDED, CAPITAL, PARTS, [2], [], PAIRED, NEAR)
    bits.reset()


@pytest.mark.skipif(native.scan_module is None, reason="no compiled scan here")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 0xFF)), min_size=1, max_size=40),
    st.randoms(use_true_random=False),
)
def test_settling_merges_as_the_python_merge_does(
    nlp_en: spacy.language.Language, tokens: list[tuple[int, int]], rng: random.Random
) -> None:
    """Any document's first sightings (any positions, any decided bytes) merged with any parts the scan
    found among its other tokens: `_scan.settle` answers what `sparse._merged` of `_learnt` answers,
    the Python merge and `summary` it replaced."""
    assert native.scan_module is not None
    words = ["Aa", "Bb", "Cc", "Dd"]
    doc = nlp_en.make_doc(" ".join(words[w] for w, _ in tokens))
    assert len(doc) == len(tokens)
    known = {doc[i].orth: value & ~DECIDED for i, (_w, value) in enumerate(tokens)}
    new = sorted(rng.sample(range(len(doc)), rng.randint(0, len(doc))))
    others = [p for p in range(len(doc)) if p not in new]
    found = sorted(rng.sample(others, rng.randint(0, len(others))))
    kinds = [rng.choice([PERSON_PART, TAILED, ANCHOR, PERSON_PART | ANCHOR, GLUE, ALIAS_PART]) for _ in found]
    bits = LexemeBits()
    shift = bits.shift_for(doc.vocab)
    try:
        got = native.scan_module.settle(doc, new, known, shift, DECIDED, CAPITAL, PARTS, found, kinds, PAIRED, NEAR)
        values = [known[doc[p].orth] for p in new]
        assert got == sparse._merged(found, kinds, *sparse._learnt(new, values))
        assert [_lexeme_byte(doc, p, shift) for p in new] == [v | DECIDED for v in values]
    finally:
        bits.reset()


@pytest.mark.skipif(native.scan_module is None, reason="no compiled scan here")
def test_first_sightings_are_each_new_word_type_once_from_the_token_structs(nlp_en: spacy.language.Language) -> None:
    """`_scan.first_sightings`: the orth, text and shape id of each word type at the positions that the
    dict of known ones does not hold, once each, in order of first position (as `Lexeme` reads them)."""
    assert native.scan_module is not None
    doc = nlp_en.make_doc("Peter met Peter and Baker met Xavier Quellot, then Baker left.")
    known = {doc[3].orth: 0}  # "and"
    positions = [0, 1, 2, 3, 4, 5, 6, 7, 12]
    orths, texts, shapes = native.scan_module.first_sightings(doc, positions, known, doc.vocab.strings)
    assert texts == ["Peter", "met", "Baker", "Xavier", "Quellot", "."]
    assert orths == [doc.vocab.strings[text] for text in texts]
    assert shapes == [doc.vocab[orth].shape for orth in orths]
    with pytest.raises(IndexError):
        native.scan_module.first_sightings(doc, [len(doc)], {}, doc.vocab.strings)


def test_a_linked_persons_relatives_are_referred_to(linker: Linker) -> None:
    mentions = linker.link("Gurbanguly Berdimuhamedov spoke.", "en", "2025-06-01")
    referred = {linker.index.entities[e].id for e in referred_entities(linker.index, mentions)}
    assert {"berdimuhamedov-gurbanguly", "berdimuhamedov-serdar"} <= referred


FILLER = " The weather was mild and the markets were calm that day in the capital city." * 3


@pytest.mark.parametrize(
    ("text", "lone"),
    [
        ("Gurbanguly Berdimuhamedov spoke in Ashgabat." + FILLER + " His son Serdar listened.", "Serdar"),
        ("Sergio Gor arrived in Tashkent." + FILLER + " Gor said the talks went well.", "Gor"),
    ],
)
def test_a_lone_part_far_from_the_full_name_is_read_when_it_may_name_that_person(
    nlp_en: spacy.language.Language, text: str, lone: str
) -> None:
    """Read at once or in a second reading, the component links what the linker finds in the whole text."""
    doc = nlp_en(text)
    full = nlp_en.get_pipe("c5names").linker.link(text, "en", "2025-11-06")
    assert [(e.start_char, e.end_char, e.kb_id_) for e in doc.ents] == [(m.start, m.end, m.id) for m in full]
    assert lone in [e.text for e in doc.ents]


@pytest.mark.parametrize(("union_max", "early"), [(sparse._UNION_MAX, [1, 3, 4]), (2, [4]), (0, [])])
def test_likely_referred_are_the_lone_parts_sharing_an_entity_with_a_word_read_at_once(
    monkeypatch: pytest.MonkeyPatch, union_max: int, early: list[int]
) -> None:
    """`likely_referred`: a lone part whose word shares an entity with a word read at once; each word
    type's entities asked once (two tokens of one word type are one question). Of the words read at
    once, the smallest sets are compared, up to `_UNION_MAX` entities in all: with 2, word 10's two
    entities are left out, and only what word 50's entity may name is read early."""
    monkeypatch.setattr(sparse, "_UNION_MAX", union_max)
    orths = numpy.array([10, 20, 30, 20, 40, 10, 50])  # (word types by position)
    sets = {10: frozenset({1, 2}), 20: frozenset({2}), 30: frozenset({3}), 40: frozenset({4, 5}), 50: frozenset({5})}
    asked: list[int] = []

    def entities(word: int) -> frozenset[int]:
        asked.append(word)
        return sets[word]

    assert likely_referred([1, 2, 3, 4], [0, 5, 6], orths, entities) == early
    assert sorted(asked) == ([10, 20, 30, 40, 50] if early else [10, 50])
    assert likely_referred([], [0], orths, entities) == likely_referred([1], [], orths, entities) == []


@pytest.mark.parametrize(
    ("text", "passes"),
    [
        # the son's given name: Serdar Berdimuhamedov shares the surname read at once
        ("Gurbanguly Berdimuhamedov spoke in Ashgabat." + FILLER + " His son Serdar listened.", 1),
        # the husband's: Oybek Tursunov shares no word with Saida Mirziyoyeva, a relative linked only then
        ("Saida Mirziyoyeva spoke in Tashkent." + FILLER + " Her husband Oybek listened.", 2),
        ("Tokayev spoke in Astana." + FILLER + " Later Michael Baker listened.", 1),
    ],
)
def test_a_lone_part_that_may_name_a_person_read_at_once_is_read_in_the_first_pass(
    nlp_en: spacy.language.Language, monkeypatch: pytest.MonkeyPatch, text: str, passes: int
) -> None:
    """A lone part whose word shares an entity with a word read at once is read with it, and the
    windows are linked once; a relative that shares none is read in a second pass. Either way the
    component links what the linker finds in the whole text."""
    linker = nlp_en.get_pipe("c5names").linker
    full = linker.link(text, "en", "2025-11-06")
    calls: list[str] = []
    link = Linker.link
    monkeypatch.setattr(Linker, "link", lambda self, text, *a, **k: calls.append(text) or link(self, text, *a, **k))
    doc = nlp_en(text)
    assert len(calls) == passes
    assert [(e.start_char, e.end_char, e.kb_id_) for e in doc.ents] == [(m.start, m.end, m.id) for m in full]


def test_a_surname_found_only_within_an_edit_is_read_beside_the_name_or_as_its_repeat(
    nlp_en: spacy.language.Language,
) -> None:
    """ "Becker" is within an edit of James Baker's Бейкер: no reason to read a text for it alone, as
    resolution never links a bare surname found by edit distance. Beside a given name, or repeating a
    person the text names in full, it is read, and the component finds what the linker finds."""
    component = nlp_en.get_pipe("c5names")
    table = RelevanceCache(component.linker.index, "en")
    assert sparse_text(nlp_en.make_doc("The Becker family bakery opened on Monday."), table) is None
    filler = " The delegation discussed trade, energy, water and transport projects across the region." * 3
    for text in (
        "Sergio Gore arrived in Tashkent." + filler + " Later Gore said the talks went well.",
        "Shavkat Mirziyoyev arrived." + filler + " Later Mirzijoyev spoke.",
        "Serdar Berdimuhamedob spoke.",
    ):
        full = component.linker.link(text, "en", "2025-11-06")
        assert len(full) >= 1 and full[-1].text in {"Gore", "Mirzijoyev", "Serdar Berdimuhamedob"}
        linked = [(e.start_char, e.end_char, e.kb_id_) for e in nlp_en(text).ents]
        assert linked == [(m.start, m.end, m.id) for m in full]


def test_someone_elses_surname_after_a_given_name_is_read_only_as_a_lone_part() -> None:
    """A firm surname (ANCHOR, with or without PERSON_PART) paired with nothing, right after a word
    that `other` says makes it someone else's full name, is read only as a lone part; not when the
    word before it is paired, is of another kind, or has a part of a name before it, nor when the
    surname is a word of an alias phrase or pairs with a part close by."""
    never, always = (lambda a, b: False), (lambda a, b: True)
    far = [0] * 10
    surname = _parts(*far, PERSON_PART, ANCHOR | PERSON_PART)
    assert reading_plan(surname, never) == ([11], [10])  # (no `other`: the anchor is read)
    assert plan([3, 10, 11], [ANCHOR, PERSON_PART, ANCHOR], never, lambda a, b: b == 11) == ([3], [10, 11])
    assert plan([3, 10, 11], [ANCHOR, PERSON_PART, ANCHOR], never, never) == ([3, 11], [10])
    assert plan([10, 11], [PERSON_PART, ANCHOR | PERSON_PART], never, always) == ([], [])  # nothing else: unread
    asked: list[tuple[int, int]] = []
    assert plan([11], [ANCHOR], never, lambda a, b: asked.append((a, b)) or True) == ([], [])
    assert asked == [(10, 11)]  # an unknown word before it ("Laura Baker") is asked about too
    for positions, kinds in (
        ([10, 11], [PERSON_PART | ALIAS_PART, ANCHOR]),  # the word before is of an alias phrase too
        ([9, 10, 11], [ALIAS_PART, PERSON_PART, ANCHOR]),  # a part of a name before the given name
        ([9, 11], [ALIAS_PART, ANCHOR]),  # … or before the unknown word
        ([10, 11], [PERSON_PART, ANCHOR | ALIAS_PART]),  # the surname is a word of an alias phrase
        ([0], [ANCHOR]),  # nothing before it
    ):
        assert plan(positions, kinds, never, always)[0] == [11 if 11 in positions else 0], (positions, kinds)
    # A surname that pairs with a part close by (a name in surname-first order) is read at once.
    pair = lambda a, b: (a, b) == (11, 12)  # noqa: E731
    assert plan([10, 11, 12], [PERSON_PART, ANCHOR, PERSON_PART], pair, always) == ([11], [10, 12])
    # So is one that may name someone read at once elsewhere (whose link would make a second reading).
    elsewhere = lambda a, b: (a, b) == (3, 11)  # noqa: E731
    assert plan([3, 10, 11], [ANCHOR, PERSON_PART, ANCHOR], elsewhere, lambda a, b: b == 11) == ([3, 11], [10])
    # An unpaired person part after it changes nothing; an initial does ("Baker J.").
    assert plan([3, 10, 11, 13], [ANCHOR, PERSON_PART, ANCHOR, PERSON_PART], never, always) == ([], [])
    assert plan([3, 10, 11, 13], [ANCHOR, PERSON_PART, ANCHOR, ALIAS_PART], never, lambda a, b: b == 11)[0] == [3, 11]


@pytest.mark.parametrize(
    ("lang", "given", "surname", "expected"),
    [
        ("en", "Peter", "Baker", True),  # James Baker's surname; Peter is another person's given name
        ("en", "Laura", "Baker", True),  # an unknown word
        ("en", "James", "Baker", False),  # his own given name
        ("en", "Jamie", "Baker", False),  # a misspelt given name of his (`take_unlisted_given_name`)
        ("en", "Baker", "Peter", False),  # not a surname
        ("ru", "Павел", "Лебедев", True),
        ("ru", "Сергей", "Лебедев", False),  # Sergey Lebedev
        ("ru", "Алексей", "Новикова", False),  # Новикова: Novikov's genitive, which Алексей cannot agree with
        ("ru", "Визит", "Арипова", False),  # a visit of Aripov's, not a person called Визит
    ],
)
def test_someone_elses_surname_is_read_as_the_linker_reads_the_two_words(
    nlp_en: spacy.language.Language, lang: str, given: str, surname: str, expected: bool
) -> None:
    index = nlp_en.get_pipe("c5names").linker.index
    assert someone_elses_surname(index, given, surname, lang) is expected
    if expected:  # (the linker links nothing in the two words)
        assert nlp_en.get_pipe("c5names").linker.link(f"{given} {surname}", lang, "2025-11-06") == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(
        [
            ",",
            ".",
            '"',
            "«",
            "(",
            "2024",
            "to",
            "of",
            "For",
            "And",
            "President",
            "Minister",
            "Президент",
            "Peter",
            "Laura",
            "Павел",
            "Визит",
            "peter",
            "«Peter",
            "Jean-Pierre",
            "O'Neil",
            "سعيد",
        ]
    ),
    st.sampled_from(["Baker", "Niyazov", "Лебедев", "Japarov", "Gor", "Abdyldaev"]),
    st.sampled_from(["en", "ru", "fr"]),
)
def test_the_tokens_no_one_is_named_by_are_settled_before_reading_them(
    nlp_en: spacy.language.Language, given: str, surname: str, lang: str
) -> None:
    """Punctuation, a word not opening with a capital, a title or a function word is no one's given
    name: `someone_elses_surname` says so without a `find` on the two words, and answers what that
    `find` answers."""
    index = nlp_en.get_pipe("c5names").linker.index
    assert someone_elses_surname(index, given, surname, lang) is read_as_someone_elses(index, given, surname, lang)


def test_no_find_is_run_for_a_token_no_one_is_named_by(
    nlp_en: spacy.language.Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    import c5names.match.detect as detect

    index = nlp_en.get_pipe("c5names").linker.index
    read: list[str] = []
    real = detect.find
    monkeypatch.setattr(detect, "find", lambda i, text, *a, **k: read.append(text) or real(i, text, *a, **k))
    for token in [",", "to", "For", "President"]:
        assert someone_elses_surname(index, token, "Baker", "en") is False
    assert read == []
    assert someone_elses_surname(index, "Peter", "Baker", "en") is True
    assert read == ["Peter Baker"]


def test_a_document_naming_someone_else_by_a_known_surname_is_not_read(
    nlp_en: spacy.language.Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Reporter Laura Baker wrote …": nothing to link, and the component reads nothing; with James
    Baker named in full in the document, it reads the surname too and finds what the linker finds."""
    component = nlp_en.get_pipe("c5names")
    calls: list[str] = []
    real = component.linker.link
    monkeypatch.setattr(component.linker, "link", lambda text, *a, **k: calls.append(text) or real(text, *a, **k))
    doc = nlp_en("Reporter Laura Baker wrote the report." + FILLER + " Peter Baker met the minister.")
    assert list(doc.ents) == [] and calls == []
    text = "James Baker spoke in Tashkent." + FILLER + " Reporter Laura Baker and Peter Baker listened."
    full = real(text, "en", "2025-11-06")
    assert [(e.start_char, e.end_char, e.kb_id_) for e in nlp_en(text).ents] == [(m.start, m.end, m.id) for m in full]
    assert calls  # (read, as James Baker is named)


# Titles (evidence for a bare surname wherever they stand in a text, their country words) and words
# the index does not tie to a person (Maxim beside Tokayev, Jim, Jamie), which a later bare mention may repeat.
_OTHER_NAMES = st.sampled_from(
    ORDINARY
    + "Baker Peter Laura James Sergio Gor Gore Al Reporter Shavkat Mirziyoyev J.".split()
    + "President Prime Minister Kurmanbek Maxim Bakiyev Tokayev Tokayevv Japarov Jim Jamie".split()
    + "Turkmen Kazakh Energy Agriculture Saparov".split()  # (a title's country word: two Saparovs)
    + ["Tashkent", "Baker's", ",", "\n\n", "(", ")"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_OTHER_NAMES, min_size=1, max_size=30).map(" ".join))
def test_the_component_links_surnames_after_given_names_as_the_linker_does(
    nlp_en: spacy.language.Language, text: str
) -> None:
    """Whatever stands around a known surname, the component (which may leave it unread as someone
    else's) links what the linker links reading the whole text: a title far from the windows read
    still decides a bare surname, and a word repeating a linked name's is read wherever it stands."""
    full = nlp_en.get_pipe("c5names").linker.link(text, "en", "2025-11-06")
    assert [(e.start_char, e.end_char, e.kb_id_) for e in nlp_en(text).ents] == [(m.start, m.end, m.id) for m in full]


def test_a_title_outside_the_windows_still_decides_a_bare_surname(nlp_en: spacy.language.Language) -> None:
    """ "Japarov" alone is linked only with something else in the document behind it: here a title
    of his office, far from the window read around the surname."""
    text = "Japarov spoke on Thursday." + FILLER + " The President left."
    full = nlp_en.get_pipe("c5names").linker.link(text, "en", "2025-11-06")
    assert [m.id for m in full] == ["japarov-sadyr"]
    assert [(e.start_char, e.end_char, e.kb_id_) for e in nlp_en(text).ents] == [(m.start, m.end, m.id) for m in full]
    assert [e.kb_id_ for e in nlp_en(text.replace("President", "driver")).ents] == []


@pytest.mark.parametrize(
    "text",
    [
        "Gasym Tokayev spoke in Tashkent." + FILLER + " Gasym left early.",  # a word the index does not tie to him
        "Gasym left early." + FILLER + " Gasym Tokayev spoke in Tashkent.",  # (before the full name, too)
        "Sergio Gor spoke in Tashkent." + FILLER + " Gor left early.",
    ],
)
def test_a_word_repeating_a_linked_name_is_read_wherever_it_stands(nlp_en: spacy.language.Language, text: str) -> None:
    full = nlp_en.get_pipe("c5names").linker.link(text, "en", "2025-11-06")
    assert len(full) == 2
    assert [(e.start_char, e.end_char, e.kb_id_) for e in nlp_en(text).ents] == [(m.start, m.end, m.id) for m in full]


def test_repeated_words_are_the_tokens_beyond_the_windows_that_repeat_a_mention(
    nlp_en: spacy.language.Language,
) -> None:
    """Gasym, a given name the gazetteer does not give Tokayev (nor anyone: a word listed as someone
    else's given name, as Maxim is, must be closer to his), is looked for as written; Tokayev, an
    anchor, is read wherever it stands anyway, and so is Kassym-Jomart, a part of his name."""
    component = nlp_en.get_pipe("c5names")
    text = "Gasym Tokayev met Kassym-Jomart Tokayev." + FILLER + " Gasym, Tokayev and Kassym-Jomart left; GASYM stayed."
    doc = nlp_en(text)  # (the scan decides the document's word types)
    table = component._relevant
    assert table is not None
    mentions = component.linker.link(text, "en", "2025-11-06")
    assert {m.text for m in mentions} >= {"Gasym Tokayev", "Gasym"}
    orths = doc.to_array(ORTH)
    first = [m for m in mentions if m.start < 40]
    far = [t.i for t in doc if t.text == "Gasym" and t.i > 5]
    assert len(far) == 1
    assert repeated_words(table, doc, orths, first, [1, 5]) == far
    assert repeated_words(table, doc, orths, first, [1, 5, far[0] + 3]) == []  # (within a window read)
    assert repeated_words(table, doc, orths, [], [1, 5]) == []


# -- words a tokenizer cuts at an apostrophe ---------------------------------------------------------
def test_the_apostrophes_a_tokenizer_cuts_words_at() -> None:
    assert {"‘", "’"} <= cut_apostrophes(spacy.blank("de").tokenizer)
    assert {"'", "’"} <= cut_apostrophes(spacy.blank("fr").tokenizer)
    assert cut_apostrophes(spacy.blank("en").tokenizer) == frozenset()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Der Minister Nig‘matulla Yo‘ldoshev sprach in Taschkent über O‘zbekiston."),
        ("de", "Für Yo’ldoshev bleibt das Treffen wichtig, sagte Shavkat Mirziyoyev."),
        ("fr", "Le ministre Nig'matulla Yo'ldoshev a parlé à Tachkent. L'accord avec O'zbekiston tient."),
        ("pl", "Minister Nig‘matulla Yo‘ldoshev przemawiał w Taszkencie."),
        ("ky", "Министр Nig'matulla Yo'ldoshev Ташкентте сүйлөдү."),
        ("en", "Minister Nig'matulla Yo'ldoshev spoke in Tashkent."),
    ],
)
def test_a_name_the_tokenizer_cuts_at_an_apostrophe_is_found_whole(lang: str, text: str) -> None:
    """German cuts "Yo‘ldoshev" into three tokens and French "Yo'ldoshev" into two, and no piece is a
    name: the scan puts such a word together again, and the component links what the linker links."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("c5names", config={"default_date": "2025-11-06"})
    full = nlp.get_pipe("c5names").linker.link(text, lang, "2025-11-06")
    assert "yuldashev-nigmatilla" in {m.id for m in full}
    assert [(e.start_char, e.end_char, e.kb_id_) for e in nlp(text).ents] == [(m.start, m.end, m.id) for m in full]


def test_only_pieces_of_a_cut_word_are_glue(nlp_en: spacy.language.Language) -> None:
    """The apostrophe alone, or a piece with a capital in front that ends in it, but not an elided
    article ("L'", "Qu'"), which French writes at the start of every other sentence; and pieces that
    do not touch make no word."""
    index = nlp_en.get_pipe("c5names").linker.index
    table = RelevanceCache(index, "fr", glue=frozenset("'’"))
    assert [table._glue(t) for t in ["'", "’", "Yo'", "O’", "L'", "Qu’", "l'", "Yo", "‘"]] == [
        GLUE,
        GLUE,
        GLUE,
        GLUE,
        0,
        0,
        0,
        0,
        0,
    ]
    assert RelevanceCache(index, "en")._glue("'") == 0  # (a tokenizer that cuts at none)
    nlp = spacy.blank("de")
    doc = nlp.make_doc("Yo ‘ ldoshev und Yo‘ldoshev")
    scanned = RelevanceCache(index, "de", glue=cut_apostrophes(nlp.tokenizer)).scan(doc)
    assert scanned.glued == (4,)
    assert not any(kind & GLUE for kind in scanned.kinds)


def test_word_types_share_an_entity_alike_by_their_sets_and_by_their_arrays(
    linker: Linker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`RelevanceCache.share` compares the entity sets of words with few postings and the sorted arrays
    of a common name's many (`MEET_AS_SETS`): both give the same answer for every pair of words of
    the default gazetteer's names (given names, surnames, hyphenated names of two words, and words
    the index knows only within an edit, or not at all), and some pairs do share."""
    vocab = spacy.blank("en").vocab
    words = sorted({w for entity in linker.index.entities for w in entity.name.split()})[::3]
    words += ["Kassym-Jomart", "Mirziyoev", "Xqzwv"]
    orths = [vocab.strings.add(word) for word in words]
    answers = {}
    for threshold in (10**9, 0):
        monkeypatch.setattr(sparse, "MEET_AS_SETS", threshold)
        cache = RelevanceCache(linker.index, "en")
        answers[threshold] = [cache.share(a, b, vocab.strings) for a in orths for b in orths]
    assert answers[0] == answers[10**9]
    assert 0 < sum(answers[0]) < len(answers[0])


def test_a_word_types_few_entities_are_its_entities_when_they_are_few(linker: Linker) -> None:
    """`RelevanceCache.few_entities` gives a word type's entity set when it has at most `most` entities,
    else None: counted in the sorted arrays when the word has more postings than `most`, and read from
    the set otherwise. Both ways, on the default gazetteer's name words (a hyphenated name of two words,
    one known only within an edit, and one unknown among them), for bounds below, at and above their
    counts."""
    vocab = spacy.blank("en").vocab
    words = sorted({w for entity in linker.index.entities for w in entity.name.split()})[::3]
    words += ["Kassym-Jomart", "Mirziyoev", "Xqzwv"]
    cache = RelevanceCache(linker.index, "en")
    counted = 0
    for word in words:
        orth = vocab.strings.add(word)
        entities = cache.entities(orth, vocab.strings)
        postings = sum(h.postings() for h in cache._hits(orth, vocab.strings))
        for most in (0, 1, 2, len(entities), postings, 10**6):
            counted += postings > most
            assert cache.few_entities(orth, vocab.strings, most) == (entities if len(entities) <= most else None)
    assert counted  # (some words were counted in their arrays)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.frozensets(st.integers(0, 12), max_size=8), min_size=1, max_size=6),
    st.lists(st.integers(0, 5), min_size=1, max_size=10),
    st.lists(st.integers(0, 5), min_size=1, max_size=10),
    st.integers(0, 12),
)
def test_likely_referred_leaves_out_sets_too_large_to_fit_as_asking_their_size_does(
    sets: list[frozenset[int]], read: list[int], lone: list[int], union_max: int
) -> None:
    """A `few` that answers None for a set larger than its bound (`RelevanceCache.few_entities`, which
    makes no set of a common name's holders) gives what the sets themselves give: a set that cannot
    fit sorts after every one that can, so the union of the words read at once is the one the sets
    make, sorted by size, up to `_UNION_MAX` entities."""
    words = [i % len(sets) for i in range(12)]  # (word types by position: positions 0-5 and 6-11)
    orths = numpy.array(words)
    at_once = sorted({p for p in read})
    lone_positions = sorted({6 + p for p in lone})

    def few(word: int, most: int) -> frozenset[int] | None:
        return sets[word] if len(sets[word]) <= most else None

    # The definition: the smallest sets of the words read at once, up to `union_max` entities in all.
    union: set[int] = set()
    for named in sorted((sets[w] for w in dict.fromkeys(words[p] for p in at_once)), key=len):
        if len(union) + len(named) > union_max:
            break
        union.update(named)
    expected = [p for p in lone_positions if not union.isdisjoint(sets[words[p]])] if union else []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sparse, "_UNION_MAX", union_max)
        assert likely_referred(lone_positions, at_once, orths, sets.__getitem__, few) == expected
        assert likely_referred(lone_positions, at_once, orths, sets.__getitem__) == expected


def test_a_word_types_few_entities_are_kept_and_a_common_names_are_not(
    linker: Linker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`RelevanceCache.entities` keeps the set of a word type with few postings (asked again, the
    same set, without the index), not a word's with more than SMALL_SET_POSTINGS, and keeps at most
    SMALL_SETS of them (thinned when full); `few_entities` reads and fills the same memo."""
    vocab = spacy.blank("en").vocab
    words = sorted({w for entity in linker.index.entities for w in entity.name.split()})[:40]
    orths = [vocab.strings.add(word) for word in words]
    cache = RelevanceCache(linker.index, "en")
    first = [cache.entities(orth, vocab.strings) for orth in orths]
    few = {o for o in orths if sum(h.postings() for h in cache._hits(o, vocab.strings)) <= sparse.SMALL_SET_POSTINGS}
    assert all(first) and set(cache.small_sets) == few and 0 < len(few) < len(orths)
    orths, first = [o for o in orths if o in few], [s for o, s in zip(orths, first, strict=True) if o in few]
    monkeypatch.setattr(cache, "_hits", lambda orth, strings: pytest.fail("the index was asked again"))
    assert [cache.entities(orth, vocab.strings) for orth in orths] == first
    assert [cache.few_entities(orth, vocab.strings, 1) for orth in orths] == [s if len(s) <= 1 else None for s in first]

    monkeypatch.setattr(sparse, "SMALL_SET_POSTINGS", 0)  # (every word has more postings than that)
    fresh = RelevanceCache(linker.index, "en")
    assert [fresh.entities(orth, vocab.strings) for orth in orths] == first
    assert [fresh.few_entities(orth, vocab.strings, 10**6) for orth in orths] == first
    assert not fresh.small_sets

    monkeypatch.setattr(sparse, "SMALL_SET_POSTINGS", 10**6)
    monkeypatch.setattr(sparse, "SMALL_SETS", 8)
    bounded = RelevanceCache(linker.index, "en")
    assert [bounded.entities(orth, vocab.strings) for orth in orths] == first
    assert 0 < len(bounded.small_sets) <= 8


def test_a_word_types_count_of_many_entities_is_kept(linker: Linker, monkeypatch: pytest.MonkeyPatch) -> None:
    """`few_entities` counts the entities of a word type with more postings than asked for once: asked
    again, a count past the bound answers None without the index; a count within it, the set."""
    vocab = spacy.blank("en").vocab
    words = sorted({w for entity in linker.index.entities for w in entity.name.split()})
    cache = RelevanceCache(linker.index, "en")
    orths = [vocab.strings.add(word) for word in words]
    many = [o for o in orths if len(cache.entities(o, vocab.strings)) >= 2]
    assert many
    fresh = RelevanceCache(linker.index, "en")
    first = [fresh.few_entities(o, vocab.strings, 1) for o in many]
    assert first == [None] * len(many) and set(fresh.counts) == set(many)
    assert all(fresh.counts[o] == len(cache.entities(o, vocab.strings)) for o in many)
    monkeypatch.setattr(fresh, "_hits", lambda orth, strings: pytest.fail("the index was asked again"))
    assert [fresh.few_entities(o, vocab.strings, 1) for o in many] == first


def test_a_fuzzy_anchor_is_completed_only_by_a_firm_word_of_its_own_phrases(linker: Linker) -> None:
    """`RelevanceCache.completes`: "Bank", a firm word of other phrases, does not complete "Bruni"
    (within an edit of Brunei, one word); the firm words of a phrase do complete its anchor word
    written with an edit, and a word within an edit of one of them does not (a phrase is never found
    by edit distance alone)."""
    vocab = spacy.blank("en").vocab
    cache = RelevanceCache(linker.index, "en")

    def completes(anchor: str, word: str) -> bool:
        return cache.completes(vocab.strings.add(anchor), vocab.strings.add(word), vocab.strings)

    assert cache.part(vocab.strings.add("Bruni"), vocab) == FUZZY_ANCHOR
    assert cache.part(vocab.strings.add("Bank"), vocab) & ALIAS_PART
    assert not completes("Bruni", "Bank")
    assert cache.part(vocab.strings.add("Arabiq"), vocab) & FUZZY_ANCHOR  # (Saudi Arabia, within an edit)
    assert completes("Arabiq", "Saudi") and [m.id for m in linker.link("Saudi Arabiq", "en")] == ["saudi-arabia"]
    assert not completes("Arabiq", "Saudu") and linker.link("Saudu Arabiq", "en") == []
    assert not completes("Arabiq", "Bank")
    assert cache.completes(vocab.strings["Bruni"], vocab.strings["Bank"], vocab.strings) is False  # (remembered)
    assert set(cache.completing_pairs) >= {(vocab.strings["Bruni"], vocab.strings["Bank"])}


def test_the_component_reads_alias_phrases_with_an_edited_anchor_as_the_linker_finds_them(
    linker: Linker, nlp_en: spacy.language.Language
) -> None:
    """Every alias phrase of two or three words of the default gazetteer in any script, its anchor
    word written with one letter changed or one left out, in an English sentence: the component's
    entities are the linker's. Among them are phrases found with a fuzzy anchor and a firm word of
    their own, and fuzzy anchors no firm word completes, which the component does not read."""
    index = linker.index
    found = fuzzy = 0
    for ref, form in enumerate(index.alias_forms):
        words, at = form.split(), index.alias_anchors[ref]
        if not 2 <= len(words) <= 3 or at < 0 or not all(w.isalpha() for w in words) or len(words[at]) < 6:
            continue
        word = words[at]
        for edited in (word[:-1] + ("e" if word[-1] != "e" else "a"), word[0] + word[2:]):
            text = "Yesterday " + " ".join(edited if i == at else w for i, w in enumerate(words)) + " signed it."
            expected = sorted((m.start, m.end, m.id) for m in linker.link(text, "en"))
            assert sorted((e.start_char, e.end_char, e.kb_id_) for e in nlp_en(text).ents) == expected, text
            found += bool(expected)
            fuzzy += index.word_hits(edited, "en").part(index.alias_anchors) == FUZZY_ANCHOR
    assert found > 500 and fuzzy > 100, (found, fuzzy)


def test_with_pair_two_person_parts_are_read_together_only_if_they_may_make_a_name() -> None:
    """`pair(a, b)` (`RelevanceCache.may_pair`) decides which person parts close together are read at
    once; those it keeps apart are lone. `share` still decides whether someone else's surname, made a
    lone part, may name a person whose name is read at once (`_as_lone`)."""
    positions, kinds = [3, 5], [PERSON_PART, PERSON_PART]
    assert plan(positions, kinds, lambda a, b: True) == ([3, 5], [])
    assert plan(positions, kinds, lambda a, b: True, pair=lambda a, b: False) == ([], [])  # (no anchor: nothing)
    positions, kinds = [3, 5, 20], [PERSON_PART, PERSON_PART, ANCHOR]
    assert plan(positions, kinds, lambda a, b: True, pair=lambda a, b: False) == ([20], [3, 5])
    assert plan(positions, kinds, lambda a, b: True, pair=lambda a, b: True) == ([3, 5, 20], [])
    # "Peter Baker" (someone else's name), and a given name of Baker's read at once far before: Baker
    # is read at once because the two share an entity, whatever `pair` says of them.
    positions, kinds = [2, 10, 11], [ANCHOR, PERSON_PART, ANCHOR | PERSON_PART]
    theirs = lambda a, b: (a, b) == (10, 11)  # noqa: E731
    assert plan(positions, kinds, lambda a, b: False, theirs, pair=lambda a, b: False) == ([2], [10, 11])
    assert plan(positions, kinds, lambda a, b: {a, b} == {2, 11}, theirs, pair=lambda a, b: False) == ([2, 11], [10])


def test_two_weak_matches_may_not_pair_and_a_firm_one_may(linker: Linker) -> None:
    """`RelevanceCache.may_pair`: two parts of one person's names pair when one of them is a firm match;
    two weak ones (short words within an edit) do not, as the linker makes no name of them."""
    vocab = spacy.blank("en").vocab
    cache = RelevanceCache(linker.index, "en")

    def answers(first: str, second: str) -> tuple[bool, bool]:
        a, b = vocab.strings.add(first), vocab.strings.add(second)
        return cache.share(a, b, vocab.strings), cache.may_pair(a, b, vocab.strings)

    assert answers("Sergio", "Gore") == (True, True)  # (Gore: a weak match of Sergio Gor's surname)
    assert [m.id for m in linker.link("Sergio Gore said.", "en")] == ["gor-sergio"]
    assert answers("Sergi", "Gore") == (True, False)
    assert linker.link("Sergi Gore said.", "en") == []
    assert answers("Julia", "Juni") == (True, False)  # (both within an edit of Julie Stufft's given name)
    assert linker.link("Julia Juni said.", "en") == []
    assert answers("Julia", "Juli") == (True, False)  # (Juli, a spelling of Джули, fills the same place)
    assert linker.link("Julia Juli said.", "en") == []
    assert answers("Shavkat", "Mirziyoyev") == (True, True)
    assert cache.pairings[vocab.strings["Sergi"], vocab.strings["Gore"]] is False  # (remembered)


def test_may_pair_is_share_for_a_common_names_holders_and_implies_share(
    linker: Linker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pair may make a name only if its words share an entity; past SMALL_SET_POSTINGS postings
    `may_pair` answers `share`, on pairs of the default gazetteer's name words and of those words
    with the last letter changed (weak and firm matches within an edit)."""
    vocab = spacy.blank("en").vocab
    words = sorted({w for entity in linker.index.entities for w in entity.name.split() if w.isalpha()})[::4]
    words += [w[:-1] + ("a" if w[-1] != "a" else "e") for w in words]
    orths = [vocab.strings.add(w) for w in words]
    pairs = [(a, b) for a in orths[::3] for b in orths[1::5]]
    cache = RelevanceCache(linker.index, "en")
    found = [(cache.share(a, b, vocab.strings), cache.may_pair(a, b, vocab.strings)) for a, b in pairs]
    assert all(share for share, pair in found if pair)
    assert any(share and not pair for share, pair in found) and any(pair for _, pair in found)
    monkeypatch.setattr(sparse, "SMALL_SET_POSTINGS", 0)
    coarse = RelevanceCache(linker.index, "en")
    assert all(coarse.may_pair(a, b, vocab.strings) == coarse.share(a, b, vocab.strings) for a, b in pairs)


def test_an_english_pipeline_reads_words_of_scripts_without_case_as_the_linker_does(
    linker: Linker, nlp_en: spacy.language.Language
) -> None:
    """Every alias form of the default gazetteer written in a script without letter case (Chinese,
    Arabic, Thai...), in an English sentence: spaCy gives such a word the shape of a lowercase one,
    and the component reads it all the same, finding what the linker finds."""
    forms = [f for f in dict.fromkeys(linker.index.alias_forms) if f and is_caseless(f[0])]
    found = 0
    for form in forms:
        text = f"Yesterday {form} signed it."
        expected = sorted((m.start, m.end, m.id) for m in linker.link(text, "en"))
        assert sorted((e.start_char, e.end_char, e.kb_id_) for e in nlp_en(text).ents) == expected, text
        found += bool(expected)
    assert len(forms) > 100 and found > 50, (len(forms), found)


def test_the_component_reads_two_name_words_within_an_edit_as_the_linker_finds_them(
    linker: Linker, nlp_en: spacy.language.Language
) -> None:
    """The given name and surname of each person of the default gazetteer, each as
    written or with its last letter changed (a firm or a weak match within an edit, or none), in an
    English sentence: the component's entities are the linker's, whether the two words pair or not."""
    found = unpaired = 0
    for entity in linker.index.entities:
        words = entity.name.split()
        if entity.type != "person" or len(words) != 2 or not all(w.isalpha() for w in words):
            continue
        first, last = ([w, w[:-1] + ("a" if w[-1] != "a" else "e")] for w in words)
        for forename, surname in itertools.product(first, last):
            text = f"Yesterday {forename} {surname} said it."
            expected = sorted((m.start, m.end, m.id) for m in linker.link(text, "en"))
            assert sorted((e.start_char, e.end_char, e.kb_id_) for e in nlp_en(text).ents) == expected, text
            found += bool(expected)
            doc = nlp_en.make_doc(text)
            cache = nlp_en.get_pipe("c5names")._relevant
            assert cache is not None
            unpaired += not cache.may_pair(doc[1].orth, doc[2].orth, doc.vocab.strings)
    assert found > 300 and unpaired > 10, (found, unpaired)


TITLE_COMPLEMENTS = [
    ("Пресс-секретарь Кремля Песков заявил, что встреча прошла хорошо.", [("Песков", "peskov-dmitry")]),
    ("По словам пресс-секретаря Кремля Песков не знал о встрече.", [("Песков", "peskov-dmitry")]),
    ("Вчера аким Шымкента Сыздыкбеков открыл мост.", [("Сыздыкбеков", "syzdykbekov-gabit")]),
    ("Вчера Шымкента Сыздыкбеков открыл мост.", []),  # (no title before it: another person's name)
]


@pytest.mark.parametrize("compiled_scan", [True, False])
def test_a_titles_complement_before_a_surname_is_read_as_the_linker_reads_it(
    linker: Linker, monkeypatch: pytest.MonkeyPatch, compiled_scan: bool
) -> None:
    """ "Аким Шымкента Сыздыкбеков": the word between a title and a surname completes the title
    (`context.completes_a_title`), in the planner's question (`AfterOtherNames`, compiled or not) as in
    the linker's rule, so the component links what the linker links on the whole text."""
    if compiled_scan and native.scan_module is None:
        pytest.skip(f"no compiled scan here: {native.STATUS}")
    if not compiled_scan:
        monkeypatch.setattr(native, "scan_module", None)
    nlp = spacy.blank("ru")
    nlp.add_pipe("c5names", config={"default_date": "2024-06-01", "lang": "ru"})
    nlp.initialize()
    for text, expected in TITLE_COMPLEMENTS:
        assert [(m.text, m.id) for m in linker.link(text, "ru", "2024-06-01")] == expected, text
        assert [(e.text, e.kb_id_) for e in nlp(text).ents] == expected, text
