"""The byte of lexeme flags where the compiled scan reads each word type's decision (`component/lexbits.py`):
claimed as `Vocab.add_flag` claims bits, so neither takes the other's; cleared when the gazetteer
changes; given up for the table (same answers) when no bits are free; claimed again, not leaked, by a
pipeline pickled and unpickled."""

from __future__ import annotations

import pickle
import textwrap
from pathlib import Path

import pytest
import spacy

from c5names.component import lexbits, native
from c5names.component.lexbits import LexemeBits
from c5names.component.sparse import CAPITAL, DECIDED, PARTS

needs_compiled = pytest.mark.skipif(native.scan_module is None, reason=f"no compiled scan here: {native.STATUS}")

TEXT = "President Tokayev met Shavkat Mirziyoyev and Nurlan Testov in Astana."
TESTOV = textwrap.dedent(
    """\
    version: 1
    entities:
      - id: testov-nurlan
        type: person
        name: Nurlan Testov
        names:
          - {given: Nurlan, surname: Testov, lang: en, script: Latn, source: "https://example.org/testov"}
    """
)


def _claimed(vocab: spacy.vocab.Vocab) -> list[int]:
    return sorted(bit for bit, getter in vocab.lex_attr_getters.items() if getter is lexbits.undecided)


def _links(nlp: spacy.language.Language, text: str = TEXT) -> list[tuple[str, str]]:
    return [(ent.text, ent.kb_id_) for ent in nlp(text).ents]


def test_a_claim_takes_eight_free_bits_from_the_top_and_add_flag_takes_others() -> None:
    vocab = spacy.blank("en").vocab
    bits = LexemeBits()
    shift = bits.shift_for(vocab)
    assert shift == lexbits.HIGHEST - lexbits.WIDTH + 1
    assert _claimed(vocab) == list(range(shift, shift + lexbits.WIDTH))
    assert bits.shift_for(vocab) == shift  # claimed once
    assert bits.shift_for(spacy.blank("en").vocab) == -1  # another vocabulary: the table
    flag = vocab.add_flag(lambda string: string.istitle())
    assert not shift <= flag < shift + lexbits.WIDTH
    second = LexemeBits()
    assert second.shift_for(vocab) == shift - lexbits.WIDTH  # the next run down, not the live one


def test_without_eight_free_bits_in_a_row_there_is_no_claim() -> None:
    vocab = spacy.blank("en").vocab
    for bit in range(lexbits.LOWEST, lexbits.HIGHEST + 1, 4):  # a user's flags, every fourth bit
        vocab.add_flag(lambda string: False, flag_id=bit)
    assert LexemeBits().shift_for(vocab) == -1


@needs_compiled
def test_the_component_writes_each_decision_once_and_reads_it_from_the_lexeme(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    nlp = spacy.blank("en")
    component = nlp.add_pipe("c5names")
    first = _links(nlp)
    assert ("Tokayev", "tokayev-kassym-jomart") in first
    relevant = component._relevant
    shift = relevant.bits.shift
    assert shift >= 0
    for word in ("Tokayev", "Mirziyoyev", "met", "President"):
        byte = nlp.vocab[word].flags >> shift & lexbits.MASK
        assert byte & DECIDED
        assert byte & PARTS & ~DECIDED == relevant.part(nlp.vocab.strings[word], nlp.vocab)
        assert bool(byte & CAPITAL) is word[0].isupper()
    decided: list[int] = []
    real, real_new = relevant._decide, relevant._decide_new
    monkeypatch.setattr(relevant, "_decide", lambda orth, vocab: decided.append(orth) or real(orth, vocab))
    monkeypatch.setattr(
        relevant,
        "_decide_new",
        lambda orths, texts, shapes, vocab: decided.extend(orths) or real_new(orths, texts, shapes, vocab),
    )
    assert _links(nlp) == first
    assert decided == []  # every word type of the text came from its lexeme
    assert _links(nlp, TEXT + " Zzyzx") == first  # a new word type is decided, once
    assert decided == [nlp.vocab.strings["Zzyzx"]]


@needs_compiled
def test_a_user_flag_added_later_changes_no_answer() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("c5names")
    first = _links(nlp)
    flag = nlp.vocab.add_flag(lambda string: True)  # sets its bit in every lexeme
    assert _links(nlp) == first
    assert nlp("Tokayev")[0].check_flag(flag)


@needs_compiled
def test_a_flag_given_one_of_the_claimed_bits_by_number_moves_the_claim() -> None:
    """`add_flag(getter, flag_id=n)` takes bit n whoever had it and writes its values into every
    lexeme: the component must notice before it reads that byte again."""
    nlp = spacy.blank("en")
    component = nlp.add_pipe("c5names")
    bare = "Trade with Uzbekistan grew."
    first = _links(nlp, bare)
    assert first == [("Uzbekistan", "uzbekistan")]
    shift = component._relevant.bits.shift
    nlp.vocab.add_flag(lambda string: False, flag_id=shift + 2)  # no word type an anchor
    nlp.vocab.add_flag(lambda string: True, flag_id=shift + 6)  # and every one "decided"
    assert _links(nlp, bare) == first
    moved = component._relevant.bits.shift
    assert moved >= 0 and not {shift + 2, shift + 6} & set(range(moved, moved + lexbits.WIDTH))


@needs_compiled
def test_clearing_in_c_turns_off_the_run_and_nothing_else(monkeypatch: pytest.MonkeyPatch) -> None:
    """`clear` through the compiled loop over spaCy's map of lexemes and through Python's loop over
    `Vocab`: the same flags after, every lexeme's run off, the bits either side of it untouched."""

    def vocab_with_flags() -> spacy.vocab.Vocab:
        vocab = spacy.blank("en").vocab
        for n, word in enumerate(f"w{k}" for k in range(3_000)):
            vocab[word].flags = (0x9E3779B97F4A7C15 * (n + 1)) & ((1 << 64) - 1)
        return vocab

    def flags(vocab: spacy.vocab.Vocab) -> dict[str, int]:
        return {lexeme.orth_: lexeme.flags for lexeme in vocab}

    fast, slow = vocab_with_flags(), vocab_with_flags()
    before = flags(fast)
    shift = 37
    lexbits.clear(fast, shift)
    with monkeypatch.context() as patch:
        patch.setattr(native, "scan_module", None)
        lexbits.clear(slow, shift)
    after = flags(fast)
    assert after == flags(slow)
    assert set(after) == set(before) and len(after) > 3_000
    assert all(value == before[word] & ~(lexbits.MASK << shift) for word, value in after.items())
    assert any(before[word] != value for word, value in after.items())  # (there was something to clear)
    with pytest.raises(ValueError, match="bit 0 to 56"):
        native.scan_module.clear_lexeme_bytes(fast, 57)


@needs_compiled
def test_a_new_gazetteer_clears_the_decisions_of_the_old(tmp_path: Path) -> None:
    """ "Testov" was decided as no part of any name; with a gazetteer that has him, it must be read."""
    (tmp_path / "testov.yaml").write_text(TESTOV, encoding="utf-8")
    nlp = spacy.blank("en")
    component = nlp.add_pipe("c5names")
    alone = "Yesterday Nurlan Testov spoke at length about the harvest."
    assert _links(nlp, alone) == []
    component.add_gazetteer(tmp_path / "testov.yaml")
    assert _links(nlp, alone) == [("Nurlan Testov", "testov-nurlan")]


@needs_compiled
def test_two_components_on_one_vocabulary_each_keep_their_own_decisions(tmp_path: Path) -> None:
    (tmp_path / "testov.yaml").write_text(TESTOV, encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("c5names", name="shipped")
    nlp.add_pipe("c5names", name="own", config={"include_default": False, "overwrite_ents": True})
    nlp.get_pipe("own").add_gazetteer(tmp_path / "testov.yaml")
    doc = nlp(TEXT)
    shipped, own = (nlp.get_pipe(name)._relevant.bits.shift for name in ("shipped", "own"))
    assert abs(shipped - own) >= lexbits.WIDTH
    assert [(e.text, e.kb_id_) for e in doc.ents if e.kb_id_] == [
        ("Tokayev", "tokayev-kassym-jomart"),
        ("Shavkat Mirziyoyev", "mirziyoyev-shavkat"),
        ("Nurlan Testov", "testov-nurlan"),
    ]


def test_without_free_bits_the_component_links_as_with_them() -> None:
    free = spacy.blank("en")
    free.add_pipe("c5names")
    full = spacy.blank("en")
    for bit in range(lexbits.LOWEST, lexbits.HIGHEST + 1):
        full.vocab.add_flag(lambda string: False, flag_id=bit)
    component = full.add_pipe("c5names")
    assert _links(full) == _links(free) != []
    assert component._relevant.bits.shift == -1


def test_a_pickled_pipeline_claims_its_bits_again_without_leaking_any() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("c5names")
    first = _links(nlp)
    for _ in range(3):
        nlp = pickle.loads(pickle.dumps(nlp))
        assert _links(nlp) == first
    assert len(_claimed(nlp.vocab)) == (lexbits.WIDTH if native.scan_module is not None else 0)


def test_memory_zones_free_the_lexemes_and_the_answers_stay() -> None:
    """Lexemes made inside `nlp.memory_zone()` are freed after it, with their byte; the next zone
    makes them again, undecided, and decides them again."""
    nlp = spacy.blank("de")
    nlp.add_pipe("c5names")
    text = "Präsident Tokajew traf Schawkat Mirsijojew in Taschkent."
    with nlp.memory_zone():
        first = _links(nlp, text)
    with nlp.memory_zone():
        assert _links(nlp, text) == first
    assert ("Tokajew", "tokayev-kassym-jomart") in first
