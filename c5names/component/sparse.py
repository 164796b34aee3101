"""The text of a spaCy Doc, reduced to the neighbourhoods of words the gazetteer knows.

`Doc.text` builds a Python object for every token, which costs about as much as tokenising. Most
tokens cannot start a name, and whether one can depends only on its string, so the component asks
once per distinct token (by `orth`, vectorised with numpy) and rebuilds only small windows of text
around the tokens that can. Everything else becomes a placeholder character that is neither a
letter nor a space: offsets stay those of `doc.text`, and no name can be joined across a gap.

Not every word the index knows can make a mention: "Die" is a word of a Danish country name, "A"
an initial, "Michael" a given name. Each word type's part bits (`WordHits.part`) say how it can take
part, and a document with no anchor word and no two parts of one name close together is not read at
all (`positions_to_read`): on news that names nobody, most documents cost a few array operations.
A given name far from any other part of a name ("Michael" in prose) is read in a second pass only,
when the first linked a person it may name, or a relative of one (`reading_plan`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from types import ModuleType
from typing import Any, NamedTuple

import numpy
from spacy.attrs import IDX, ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.vocab import Vocab

from c5names.component import native
from c5names.component.lexbits import LexemeBits
from c5names.index import NameIndex
from c5names.index.memo import WeightedMemo
from c5names.index.postings import (
    ALIAS_PART,
    ANCHOR,
    FUZZY_ANCHOR,
    NO_PART,
    PERSON_PART,
    TAIL_WORD_MIN,
    TAILED,
    WordHits,
    firm_match,
    firmly_in,
    fuzzy_anchored,
    meet,
    sorted_unique,
)
from c5names.match.context import completes_a_title
from c5names.match.detect import segment, someone_elses_surname
from c5names.match.segment import LOWERCASE_MIN
from c5names.model import Mention, Role
from c5names.text.han import has_han
from c5names.text.hangul import has_hangul
from c5names.text.inflection import is_elided_word, stems
from c5names.text.keys import APOSTROPHES, fold, is_caseless

PLACEHOLDER = "\x00"
BEFORE = 8  # tokens kept before a known word: titles, unknown given names ("Präsident", "Gulnara")
AFTER = 6  # tokens kept after it: patronymics, suffixes, connector words ("uulu", "in der Pfalz")
CACHE_SIZE = 500_000
NEAR = 4  # tokens between two parts of one name at most: "Gurbanguly Mälikgulyýewiç Berdimuhamedov", "Ali bin X"


_CAPITAL_SHAPE = re.compile(r"^X|[’'`ʻ‘ʼ]X")
# Languages written in an alphabet without letter case (keys.CASELESS), Chinese and Japanese.
CASELESS_LANGS = frozenset({"ar", "bn", "fa", "he", "hi", "ja", "ka", "ko", "mr", "ne", "th", "ur", "zh"})


# The two-way table of word types (`RelevanceCache.parts`): slots for at least this many times
# the word types known, a power of two between these bounds.
SLOTS_PER_TYPE = 32
MIN_SLOTS, MAX_SLOTS = 1 << 12, 1 << 20
# Postings of a word type up to which `share` compares entity sets (memoised with the word's hits);
# past them (a common name's holders at a large gazetteer), sorted arrays, no set made.
MEET_AS_SETS = 256
# `RelevanceCache` keeps the entity sets of word types with at most SMALL_SET_POSTINGS postings, of
# SMALL_SETS word types at most (a `WeightedMemo`, thinned when full): a set of 32 entities takes about 3 KB, so the
# memo about 50 MB at worst, and with the few entities of most names' words a tenth of that.
SMALL_SET_POSTINGS = 32
SMALL_SETS = 16_384

# A slot's byte holds a word type's part bits (`WordHits.part`, the low five) and this bit beside
# them: its word shape has a capital in front. A document none of whose tokens has it is written in
# lowercase (`written_in_lowercase`), which the scan so tells without a second pass over the tokens.
CAPITAL = 0x80
PARTS = CAPITAL - 1
# And in a lexeme's byte (`lexbits`), which starts at zero for a word type not yet seen, this bit
# beside them: decided.
DECIDED = 0x40

# And this one, not a part of a name: an apostrophe the tokenizer cut a word at ("Yo", "‘", "ldoshev" in
# German; "Yo'", "ldoshev" in French), where the word whole ("Yo‘ldoshev") may be a name (`_glued`).
GLUE = 0x20
NAME_PARTS = PARTS & ~GLUE  # the bits of `WordHits.part`

# The part bits that make a mention only with another word of one name close by (`_together`).
PAIRED = PERSON_PART | TAILED
# An anchor, firm or within an edit of an alias phrase's (FUZZY_ANCHOR): what `plan` reads at once
# whatever stands near it.
ANCHORS = ANCHOR | FUZZY_ANCHOR


class Scanned(NamedTuple):
    """What `RelevanceCache.scan` reads of a document."""

    orths: numpy.ndarray  # the orth column
    positions: list[int]  # the tokens that can be of a name, in order
    kinds: list[int]  # their part bits (`WordHits.part`)
    annotated: bool  # does it have entities already (`bool(doc.ents)`, read in the same loop)?
    union: int  # every part bit found (`kinds` together)
    close: bool  # are two tokens at most NEAR apart of one PAIRED bit (`summary`)?
    capitals: bool  # has a token a capital in front (`written_in_lowercase`)?
    glued: tuple[int, ...] = ()  # where a word the tokenizer cut at an apostrophe starts, if the index knows it
    # every token marked outside an entity ("O") in the scan's loop (asked: `mark`; the compiled scan
    # only, and only if no token was annotated before); else the caller marks them if it needs to
    outside: bool = False


class Questions(NamedTuple):
    """What `plan` asks of two tokens of a document, by position (`RelevanceCache.questions`), in the
    order `plan` and `planned` take them."""

    share: Callable[[int, int], bool]  # `RelevanceCache.share`
    other: Callable[[int, int], bool]  # `RelevanceCache.after_other_names`
    completes: Callable[[int, int], bool]  # `RelevanceCache.completes`
    pair: Callable[[int, int], bool]  # `RelevanceCache.may_pair`


class RelevanceCache:
    """Per distinct token (spaCy `orth`): how could it take part in a name the index knows (the bits
    of `WordHits.part`)?

    The answer depends only on the token's string, so it is decided once per word type, on first
    sight, and kept in a dict; a two-way table in front of it (as a CPU cache has two lines per
    address: a word type sits in the slot of its orth hash's low bits or in that slot's pair) answers
    a document's tokens in a few numpy operations with no Python per token. Only tokens whose two
    slots hold other word types go to the dict, and only word types never seen before are decided in
    Python. (With one slot per word type, two word types of a corpus that share one took it from each
    other on every document: three slot misses per French news document.)

    A token can take part only if its word shape has a capital in front (or after an elision:
    "xx’Xxxxx") or it is written in a script without letter case (哈萨克斯坦 in English text: spaCy
    gives it the shape of a lowercase word), or in a language written without letter case, and only
    if the index has hits for one of its words.

    `glue`: the apostrophes the pipeline's tokenizer cuts words at (`cut_apostrophes`): German cuts
    "Yo‘ldoshev" into three tokens, French "Yo'ldoshev" into two, and no piece is a name. Such a
    word is put together again where its pieces touch (`_glued`).
    """

    def __init__(
        self, index: NameIndex, lang: str | None, bits: LexemeBits | None = None, glue: frozenset[str] = frozenset()
    ) -> None:
        self.index = index
        self.lang = lang
        self.glue = glue
        self.joined: dict[str, bool] = {}  # a word put together again: does the index know it?
        self.repeat_forms: dict[tuple[str, int], numpy.ndarray] = {}  # a mention's text and entity: `written_forms`
        # Where the compiled scan finds each word type's byte: in its lexeme's flags (`lexbits`),
        # whose decisions of an earlier index are cleared now, or else in the table below.
        self.bits = bits or LexemeBits()
        self.bits.reset()
        # Without letter case every word may be a name, whatever its shape.
        self.any_shape = (lang or "").split("-")[0].lower() in CASELESS_LANGS
        self.known: dict[int, int] = {}
        self.shapes: dict[int, bool] = {}
        self.strings: dict[int, str] = {}
        self.segments: dict[int, tuple[str, ...]] = {}  # a word type's words (`entities`)
        # a word type's entities, if few (`_set_of`); how many a word type with many postings has (`_count`)
        self.small_sets: WeightedMemo[int, frozenset[int]] = WeightedMemo(SMALL_SETS, SMALL_SETS)
        self.counts: WeightedMemo[int, int] = WeightedMemo(SMALL_SETS, SMALL_SETS)
        # answers about two word types, each remembered per pair (thinned past CACHE_SIZE pairs)
        self.pairs: WeightedMemo[tuple[int, int], bool] = WeightedMemo(CACHE_SIZE, CACHE_SIZE)  # `share`
        self.others: WeightedMemo[tuple[int, int], bool] = WeightedMemo(CACHE_SIZE, CACHE_SIZE)  # `someone_elses`
        self.completing_pairs: WeightedMemo[tuple[int, int], bool] = WeightedMemo(CACHE_SIZE, CACHE_SIZE)  # `completes`
        self.pairings: WeightedMemo[tuple[int, int], bool] = WeightedMemo(CACHE_SIZE, CACHE_SIZE)  # `may_pair`
        self.capitals: WeightedMemo[int, bool] = WeightedMemo(CACHE_SIZE, CACHE_SIZE)  # `capitalised_word`
        self.title_complements: WeightedMemo[tuple[int, int, int], bool] = WeightedMemo(CACHE_SIZE, CACHE_SIZE)
        self._empty_slots(MIN_SLOTS)

    def _empty_slots(self, size: int) -> None:
        # An empty slot holds orth 0, the empty string's, which has no part: a hit on it is right.
        self._mask = numpy.uint64(size - 1)
        self._slot_orths = numpy.zeros(size, numpy.uint64)
        self._slot_parts = numpy.zeros(size, numpy.uint8)

    def scan(self, doc: Doc, mark: bool = False) -> Scanned:
        """What the tokens of a document can be of a name, and whether it has entities already: one
        loop over spaCy's token structs when the compiled scan is here (`native`), else the same
        through numpy and `doc.ents`. `mark`: the compiled loop also marks the tokens of a document
        not annotated before outside ("O"), as the component leaves a document it finds no name in
        (`Scanned.outside`)."""
        if native.scan_module is None:
            orths = doc.to_array(ORTH)  # (costs about a tenth of tokenising)
            decided = self._decided(orths, doc.vocab)
            parts = decided & PARTS
            found = numpy.flatnonzero(parts)
            positions, kinds = found.tolist(), parts[found].tolist()
            capitals = bool((decided & CAPITAL).any())
            scanned = Scanned(orths, positions, kinds, bool(doc.ents), *summary(positions, kinds), capitals)
            return self._glued(doc, scanned) if scanned.union & GLUE else scanned
        shift = self.bits.shift_for(doc.vocab)
        orths, positions, kinds, missed, annotated, union, close, capitals, outside = native.scan_module.scan(
            doc, self._slot_orths, self._slot_parts, self._mask, CAPITAL, PAIRED, NEAR, shift, DECIDED, mark
        )
        if missed:
            if shift >= 0:  # first sightings: decided once, then read from their lexemes
                settled = self._decide_at(doc, missed, orths, shift, positions, kinds)
            else:
                settled = _merged(positions, kinds, *_learnt(missed, self._learn(orths[missed], doc.vocab)))
            new_capitals, positions, kinds, union, close = settled
            capitals = capitals or new_capitals
        scanned = Scanned(orths, positions, kinds, annotated, union, close, capitals, (), outside)
        return self._glued(doc, scanned) if union & GLUE else scanned

    def _glued(self, doc: Doc, scanned: Scanned) -> Scanned:
        """The scan with the GLUE bits taken out, and the words the tokenizer cut at an apostrophe put
        together again where their pieces touch: each one the index knows is read at once from its
        first token (`Scanned.glued`). Asked only of documents with such a token (a lone apostrophe,
        or a capitalised token ending in one), one token at a time."""
        glued: list[int] = []
        covered = -1
        n = len(doc)
        for position, kind in zip(scanned.positions, scanned.kinds, strict=True):
            if not kind & GLUE or position <= covered:
                continue
            start = position
            if doc[position].text in self.glue:  # a lone apostrophe: the word starts before it
                if position == 0 or doc[position - 1].whitespace_ or not doc[position - 1].is_alpha:
                    continue
                start = position - 1
            end = start
            while end + 1 < n and not doc[end].whitespace_ and _continues(doc[end + 1].text, self.glue):
                end += 1
            covered = end
            if end == start:
                continue
            word = "".join(token.text for token in doc[start : end + 1])
            if self._knows_joined(word):
                glued.append(start)
        pairs = [(p, k & ~GLUE) for p, k in zip(scanned.positions, scanned.kinds, strict=True) if k & ~GLUE]
        positions, kinds = [p for p, _ in pairs], [k for _, k in pairs]
        union, close = summary(positions, kinds)
        return scanned._replace(positions=positions, kinds=kinds, union=union, close=close, glued=tuple(glued))

    def written_forms(self, text: str, entity: int, strings: StringStore) -> numpy.ndarray:
        """The orths, sorted, that a repeat of the words of this mention of `entity` may have, which
        the plan would not read anyway: each word of REPEAT_MIN letters or more with a capital in front
        (as the linker's words are, but in a paragraph written all in lowercase) or of a script without
        case, and its stems, as written; less the word types read wherever they stand (anchors), or
        wherever the person is linked (person parts of theirs: `referred_entities`). Remembered per
        mention: a corpus names its people again and again, mostly by words of theirs, which leave
        nothing to look for."""
        key = (text, entity)
        found = self.repeat_forms.get(key)
        if found is None:
            if len(self.repeat_forms) > CACHE_SIZE:
                self.repeat_forms.clear()
            # (words whole, and their pieces between hyphens and apostrophes, where tokenizers may cut)
            words = {*_PUNCTUATED.findall(text), *_LETTERS.findall(text)}
            words = {w for w in words if len(w) >= REPEAT_MIN and (w[:1].isupper() or is_caseless(w[:1]))}
            orths = {strings[w] for w in words} | {strings[stem] for w in words for stem in stems(w, self.lang)}
            kept = sorted(orth for orth in orths if not self._read_anyway(orth, entity, strings))
            found = self.repeat_forms[key] = numpy.array(kept, numpy.uint64)
        return found

    def _read_anyway(self, orth: int, entity: int, strings: StringStore) -> bool:
        """Is a word type read wherever it stands in a document where this person is linked: an
        anchor, or a person part of theirs (decided already: a type not seen yet is not)?"""
        bits = self.known.get(orth, NO_PART)
        return bool(bits & ANCHORS) or bool(bits & PERSON_PART and entity in self.entities(orth, strings))

    def _knows_joined(self, word: str) -> bool:
        """Can a word put together again take part in a name (remembered per word)?"""
        found = self.joined.get(word)
        if found is None:
            if len(self.joined) > CACHE_SIZE:
                self.joined.clear()
            found = self.joined[word] = word[:1].isupper() and bool(self._part(word))
        return found

    def parts(self, orths: numpy.ndarray, vocab: Vocab) -> numpy.ndarray:
        """What each token of a document (by its orth) can be of a name, as an array of part bits."""
        return self._decided(orths, vocab) & NAME_PARTS

    def _decided(self, orths: numpy.ndarray, vocab: Vocab) -> numpy.ndarray:
        """Each token's byte in the table: its part bits and the CAPITAL bit."""
        slots = orths & self._mask
        slots = numpy.where(self._slot_orths[slots] == orths, slots, slots ^ numpy.uint64(1))
        parts = self._slot_parts[slots]
        missed = numpy.flatnonzero(self._slot_orths[slots] != orths)
        if len(missed):
            parts[missed] = self._learn(orths[missed], vocab)
        return parts

    def _learn(self, orths: numpy.ndarray, vocab: Vocab) -> list[int]:
        """The bytes (part bits and CAPITAL) of word types whose two slots hold others (decided in
        Python on first sight): each takes its first slot if that is free, else the pair's second
        (whose word type, if any, stays in the dict); or the table grows."""
        values = self._decide_many(orths.tolist(), vocab)
        if len(self.known) * SLOTS_PER_TYPE > len(self._slot_orths) and len(self._slot_orths) < MAX_SLOTS:
            self._refill(min(MAX_SLOTS, 1 << (len(self.known) * SLOTS_PER_TYPE).bit_length()))
            return values
        mask = int(self._mask)
        slot_orths = self._slot_orths
        for orth, value in dict(zip(orths.tolist(), values, strict=True)).items():
            slot = orth & mask
            if slot_orths[slot]:
                slot ^= 1
            slot_orths[slot] = orth
            self._slot_parts[slot] = value
        return values

    def _refill(self, size: int) -> None:
        """A larger table, filled from the dict: each word type in its first slot, or in the pair's
        second if that is free (the rest stay in the dict)."""
        self._empty_slots(size)
        orths = numpy.fromiter(self.known.keys(), numpy.uint64, len(self.known))
        values = numpy.fromiter(self.known.values(), numpy.uint8, len(self.known))
        slots = orths & self._mask
        _, first = numpy.unique(slots, return_index=True)
        self._slot_orths[slots[first]] = orths[first]
        self._slot_parts[slots[first]] = values[first]
        rest = numpy.setdiff1d(numpy.arange(len(orths)), first, assume_unique=True)
        pairs = slots[rest] ^ numpy.uint64(1)
        free = self._slot_orths[pairs] == 0
        rest, pairs = rest[free], pairs[free]
        _, second = numpy.unique(pairs, return_index=True)
        self._slot_orths[pairs[second]] = orths[rest[second]]
        self._slot_parts[pairs[second]] = values[rest[second]]

    def flags(self, orths: numpy.ndarray, vocab: Vocab) -> numpy.ndarray:
        """Could each token be (part of) a name at all, as a boolean array."""
        return self.parts(orths, vocab) != NO_PART

    def words(self, orths: list[int], strings: StringStore) -> list[str]:
        """The strings of some tokens, through a per-orth cache (no Token objects)."""
        try:
            return list(map(self.strings.__getitem__, orths))
        except KeyError:
            self.bound_strings()
            for value in orths:
                if value not in self.strings:
                    self.strings[value] = strings[value]
            return list(map(self.strings.__getitem__, orths))

    def bound_strings(self) -> dict[int, str]:
        """The per-orth strings, emptied first when they have grown past CACHE_SIZE."""
        if len(self.strings) > CACHE_SIZE:
            self.strings.clear()
        return self.strings

    def shape(self, shape: int, string: Callable[[int], str]) -> bool:
        found = self.shapes.get(shape)
        if found is None:
            found = self.shapes[shape] = self.any_shape or bool(_CAPITAL_SHAPE.search(string(shape)))
        return found

    def part(self, orth: int, vocab: Vocab) -> int:
        """What this word type can be of a name (decided on first sight, then remembered)."""
        return self._decide(orth, vocab) & NAME_PARTS

    def _decide(self, orth: int, vocab: Vocab) -> int:
        """The word type's part bits, and CAPITAL if its shape has a capital in front (remembered)."""
        found = self.known.get(orth)
        if found is None:
            if len(self.known) > CACHE_SIZE:
                self.known.clear()
                self.segments.clear()
                self._empty_slots(len(self._slot_orths))
            lexeme = vocab[orth]
            text = lexeme.orth_
            if self.shape(lexeme.shape, vocab.strings.__getitem__):
                found = self._part(text) | CAPITAL
            else:
                found = self._uncapitalised_part(text)
            found = self.known[orth] = found | self._glue(text)
        return found

    def _glue(self, text: str) -> int:
        """GLUE for a piece of a word the tokenizer cut at an apostrophe: the apostrophe alone, or a
        piece with a capital in front that ends in it ("Yo'", "O'"), but for an elided article at the
        start of a sentence ("L'", "Qu'", `inflection.is_elided_word`)."""
        if not self.glue or not text or text[-1] not in self.glue:
            return 0
        return GLUE if len(text) == 1 or (text[:1].isupper() and not is_elided_word(text)) else 0

    def _decide_at(
        self, doc: Doc, positions: list[int], orths: numpy.ndarray, shift: int, found: list[int], kinds: list[int]
    ) -> tuple[bool, list[int], list[int], int, bool]:
        """`_decide` of the word types of the tokens at these positions (the scan's first sightings),
        each byte then written to the token's lexeme at bit `shift` (with DECIDED), and what the scan
        then knows of the document: (whether a first sighting has a capital in front, the positions
        that can be of a name, their part bits, the union of those bits and whether two parts are
        close together: `summary`), with `found` and `kinds` (the parts the scan found among the
        tokens decided before) merged in. The new word types are read from the token structs
        (`_scan.first_sightings`) and decided together (`_decide_new`); the bytes are written, and
        the lists merged, in one compiled loop (`_scan.settle`)."""
        vocab = doc.vocab
        scan_module = native.scan_module
        assert scan_module is not None
        new, texts, shapes = scan_module.first_sightings(doc, positions, self.known, vocab.strings)
        if len(self.known) + len(new) <= CACHE_SIZE:
            if new:
                self._decide_new(new, texts, shapes, vocab)
            return scan_module.settle(
                doc, positions, self.known, shift, DECIDED, CAPITAL, PARTS, found, kinds, PAIRED, NEAR
            )
        # (the dict empties itself on the way: one by one, each value kept as it is decided)
        values = [self._decide(orth, vocab) for orth in orths[positions].tolist()]
        scan_module.set_lexeme_bytes(doc, positions, [v | DECIDED for v in values], shift)
        return _merged(found, kinds, *_learnt(positions, values))

    def _decide_many(self, orths: list[int], vocab: Vocab) -> list[int]:
        """`_decide` of each of these word types, the new ones decided together (`_decide_new`)."""
        new = [orth for orth in dict.fromkeys(orths) if orth not in self.known]
        if len(self.known) + len(new) <= CACHE_SIZE:
            lexemes = [vocab[orth] for orth in new]
            self._decide_new(new, [lexeme.orth_ for lexeme in lexemes], [lexeme.shape for lexeme in lexemes], vocab)
        return [self._decide(orth, vocab) for orth in orths]

    def _decide_new(self, orths: list[int], texts: list[str], shapes: list[int], vocab: Vocab) -> None:
        """Decide word types not seen before, given their texts and shapes (ids): the capitalised ones'
        `surely_unknown` is asked of the index at once (`NameIndex.surely_unknown_words`, compiled for
        most), where asked one by one its Python calls cost more than the answer. The caller keeps the
        dict within CACHE_SIZE (`_decide` empties it when it would grow past)."""
        known = self.known
        capital = list(map(self.shapes.get, shapes))
        if None in capital:
            strings = vocab.strings.__getitem__
            capital = [self.shape(shape, strings) for shape in shapes]
        ask = [bool(cap) and text[:1].isupper() for text, cap in zip(texts, capital, strict=True)]
        asked = list(itertools.compress(zip(orths, texts, strict=True), ask))
        settled = self.index.surely_unknown_words([text for _, text in asked], self.lang)
        # (most new words: settled unknown, stored in one call; the loops below see the few others)
        known.update(dict.fromkeys((orth for orth, _ in itertools.compress(asked, settled)), NO_PART | CAPITAL))
        for orth, text in itertools.compress(asked, map(operator.not_, settled)):
            known[orth] = self._known_part(text, asked=True) | CAPITAL
        for orth, text, cap in itertools.compress(zip(orths, texts, capital, strict=True), map(operator.not_, ask)):
            # (no capital in front, or a capital shape whose first character is none: `surely_unknown` unasked)
            known[orth] = self._known_part(text) | CAPITAL if cap else self._uncapitalised_part(text)
        if self.glue:
            for orth, text in zip(orths, texts, strict=True):
                if text[-1:] in self.glue:
                    known[orth] |= self._glue(text)

    def entities(self, orth: int, strings: StringStore) -> frozenset[int]:
        """The entities a word type may name (any part of their names). The set of a word type with
        few postings is kept here (`_set_of`); a common given name's, large at a million persons,
        comes from the index's memo of words each time."""
        found = self.small_sets.get(orth)
        if found is None:
            hits = self._hits(orth, strings)
            found = self._set_of(orth, hits, _postings(hits))
        return found

    def few_entities(self, orth: int, strings: StringStore, most: int) -> frozenset[int] | None:
        """`entities` of a word type, if they are at most `most`; else None. A word with more postings
        than that has its holders counted in its sorted arrays first (once: a common name recurs in
        every document): at a million persons a common given name's set of thousands, made only to be
        found too large (`likely_referred`), was a tenth of a cold pass over news."""
        found = self.small_sets.get(orth)
        if found is None:
            if self.counts.get(orth, 0) > most:
                return None
            hits = self._hits(orth, strings)
            postings = _postings(hits)
            if postings > most and self._count(orth, hits) > most:  # (entities are at most postings)
                return None
            found = self._set_of(orth, hits, postings)
        return found if len(found) <= most else None

    def _count(self, orth: int, hits: list[WordHits]) -> int:
        """How many entities a word type has, counted in its sorted arrays and remembered."""
        count = self.counts.get(orth)
        if count is None:
            count = self.counts.put(orth, len(sorted_unique(numpy.concatenate(_arrays(hits)))), 1)
        return count

    def _set_of(self, orth: int, hits: list[WordHits], postings: int) -> frozenset[int]:
        """The word type's entity set, kept if its words have at most SMALL_SET_POSTINGS postings: the
        names of a news stream's people recur from document to document, and their sets were made
        again for each (from the words' hits, through a per-document memo) at a tenth of what the
        component cost on news with a name every 150 words."""
        found = _entity_set(hits)
        if postings <= SMALL_SET_POSTINGS:
            self.small_sets.put(orth, found, 1)
        return found

    def _hits(self, orth: int, strings: StringStore) -> list[WordHits]:
        """The index's hits of each of the word type's words (`segment`)."""
        words = self.segments.get(orth)
        if words is None:
            words = self.segments[orth] = tuple(w.text for w in segment(self.words([orth], strings)[0]))
        return [self.index.word_hits(word, self.lang) for word in words]

    def share(self, first: int, second: int, strings: StringStore) -> bool:
        """May two word types be parts of one entity's names (do their entity sets meet)? Asked of
        person parts close together, remembered per pair: "Peter Walker" recurs in a corpus."""
        found = self.pairs.get((first, second))
        if found is None:
            found = self.pairs.put((first, second), self._meet(first, second, strings), 1)
        return found

    def _meet(self, first: int, second: int, strings: StringStore) -> bool:
        """Do two word types' entity sets meet (`entities`)? Of words with few postings, by their sets
        (memoised with the words' hits); of a common name's, by their sorted arrays (`postings.meet`):
        at a million persons a given name's set of thousands of holders, made for this question alone,
        was an eighth of a cold pass over news."""
        hits = (self._hits(first, strings), self._hits(second, strings))
        if all(_postings(word) <= MEET_AS_SETS for word in hits):
            return not _entity_set(hits[0]).isdisjoint(_entity_set(hits[1]))
        return any(meet(a, b) for a in _arrays(hits[0]) for b in _arrays(hits[1]))

    def may_pair(self, first: int, second: int, strings: StringStore) -> bool:
        """May two word types make a name together: two different places in the names of one entity
        (parts, or words of a part: `_make_a_name`), one of them filled by a firm match? Two weak
        ones (short words within an edit) make no name alone: a weak match completes a name beside a
        firm one (`shapes._firm_enough`). "Julia … im Juni" may not: both are within an edit of Julie
        Stufft's given name, and short; nor may "Julia Juli", though Juli is a spelling of that given
        name (Джули): one name has one given name's place. Asked of person parts close
        together, remembered per pair; a word type of more than SMALL_SET_POSTINGS postings (a common
        name's holders at a large gazetteer) is answered by `share`."""
        found = self.pairings.get((first, second))
        if found is None:
            hits = (self._hits(first, strings), self._hits(second, strings))
            if any(_postings(word) > SMALL_SET_POSTINGS for word in hits):
                found = self.share(first, second, strings)
            else:
                ours, theirs = _firm_parts(hits[0]), _firm_parts(hits[1])
                found = any(_make_a_name(ours[e], theirs[e]) for e in ours.keys() & theirs.keys())
            self.pairings.put((first, second), found, 1)
        return found

    def completes(self, anchor: int, word: int, strings: StringStore) -> bool:
        """May the second word type complete an alias phrase whose anchor word the first is within an
        edit only: is it a firm word of one of those phrases (`postings.fuzzy_anchored`, `firmly_in`)?
        Asked only in a document whose anchors are all within an edit, of few pairs; remembered per pair."""
        found = self.completing_pairs.get((anchor, word))
        if found is None:
            anchors = self.index.alias_anchors
            phrases = set().union(*(fuzzy_anchored(hits, anchors) for hits in self._hits(anchor, strings)))
            found = any(not phrases.isdisjoint(firmly_in(hits, anchors)) for hits in self._hits(word, strings))
            self.completing_pairs.put((anchor, word), found, 1)
        return found

    def someone_elses(self, given: int, surname: int, strings: StringStore) -> bool:
        """Is the second word type, right after the first with a space between, someone else's full
        name (`detect.someone_elses_surname`)? Remembered per pair: "Peter Baker" recurs in a corpus."""
        found = self.others.get((given, surname))
        if found is None:
            first, second = self.words([given, surname], strings)
            found = self.others.put((given, surname), someone_elses_surname(self.index, first, second, self.lang), 1)
        return found

    def questions(self, doc: Doc, orths: numpy.ndarray) -> Questions:
        """What `plan` asks of a document's tokens, by position (`orths`: its orth column): `share`,
        `after_other_names`, `completes` and `may_pair`. In C when the compiled scan is here
        (`_scan.ByPosition`, `_scan.AfterOtherNames`): each question's memo read first, the tokens'
        spaces from their structs; through Python closures a question cost 1 to 4 µs, most of the
        planner's time on news (on warm Russian news with a name every 150 words, half of it)."""
        strings = doc.vocab.strings
        module = native.scan_module
        if module is None:
            return Questions(
                by_position(self.share, orths, strings),
                self.after_other_names(doc, orths),
                by_position(self.completes, orths, strings),
                by_position(self.may_pair, orths, strings),
            )
        tokens = module.Tokens(doc, orths, strings)
        return Questions(
            module.ByPosition(tokens, self.pairs, self.share),
            module.AfterOtherNames(
                tokens,
                self.others,
                self.someone_elses,
                self.capitalised_word,
                self.completes_a_title,
                self.capitals,
                self.title_complements,
            ),
            module.ByPosition(tokens, self.completing_pairs, self.completes),
            module.ByPosition(tokens, self.pairings, self.may_pair),
        )

    def after_other_names(self, doc: Doc, orths: numpy.ndarray) -> Callable[[int, int], bool]:
        """`someone_elses` for two tokens of a document (by position), as `plan` asks it: the first
        right before the second, one space between, and no capitalised word right after the second
        (an initial there makes a name in surname-first order with the surname: "Baker J.")."""
        strings = doc.vocab.strings
        return lambda a, b: (
            b == a + 1
            and doc[a].whitespace_ == " "
            and not (b + 1 < len(doc) and self.capitalised_word(int(orths[b + 1]), strings))
            and self.someone_elses(int(orths[a]), int(orths[b]), strings)
            and not (
                a > 0
                and doc[a - 1].whitespace_ == " "
                and self.completes_a_title(int(orths[a - 1]), int(orths[a]), int(orths[b]), strings)
            )
        )

    def completes_a_title(self, title: int, word: int, surname: int, strings: StringStore) -> bool:
        """Is the word between a title and a surname the title's complement, not the surname's given
        name (`context.completes_a_title`: Аким Шымкента Сыздыкбеков)? Asked only of the few pairs
        `someone_elses` says are another person's name; remembered per three word types, as they
        recur ("said Peter Baker")."""
        key = (title, word, surname)
        found = self.title_complements.get(key)
        if found is None:
            found = completes_a_title(strings[title], strings[word], strings[surname], self.lang)
            self.title_complements.put(key, found, 1)
        return found

    def capitalised_word(self, orth: int, strings: StringStore) -> bool:
        """`_capitalised` of a word type, remembered per word type: asked of the word after each
        surname that `after_other_names` reads."""
        found = self.capitals.get(orth)
        if found is None:
            found = self.capitals.put(orth, _capitalised(strings[orth]), 1)
        return found

    def relevant(self, orth: int, vocab: Vocab) -> bool:
        """Could this word type be (part of) a name at all?"""
        return self.part(orth, vocab) != NO_PART

    def _part(self, text: str) -> int:
        """What a word with a capital in front can be of a name."""
        if text[:1].isupper() and self.index.surely_unknown(text, self.lang):
            # (most new capitalised words: one word of cased letters, which `segment` keeps whole, of
            # no rule of the language, whose key is neither indexed nor near an indexed one)
            return NO_PART
        return self._known_part(text, asked=True)

    def _known_part(self, text: str, asked: bool = False) -> int:
        """`_part` of a word that `surely_unknown` does not settle (`asked`: it was asked, and said
        False, so the index does not ask it again), or is not asked of (no capital)."""
        if has_han(text):  # a token may be one character of a longer form (spaCy's Chinese default)
            return NO_PART if self.index.han.chars.isdisjoint(text) else ANCHOR
        if self.index.hangul and has_hangul(text[:1]) and self.index.hangul.parts(text) is not None:
            return ANCHOR  # a whole Hangul name in one token (이재명은): surname and given name together
        anchors = self.index.alias_anchors
        part = NO_PART
        for word in segment(text, hangul=self.index.hangul):
            found = self.index.word_hits(word.text, self.lang, asked and word.text == text).part(anchors)
            # A single letter (an initial, "A", "В") is read only beside another part of a name.
            part |= ALIAS_PART if found and len(word.text) == 1 else found
        return part

    def _uncapitalised_part(self, text: str) -> int:
        """`_part` of a word whose shape has no capital in front: a word of a script without case
        (哈萨克斯坦 in English text, which spaCy shapes as a lowercase word) is looked up as a
        capitalised one is; any other is read only as the lowercase end of an alias phrase."""
        return self._known_part(text) if is_caseless(text[:1]) else self._tail_part(text)

    def _tail_part(self, text: str) -> int:
        """A lowercase word is read (beside the rest of the phrase) if an alias phrase ends in it
        ("République kirghize"): tails are matched by prefix, so "kirghizes" is one too."""
        if len(text) < TAIL_WORD_MIN or not self.index.alias_tail_words:
            return NO_PART
        folded = fold(text)
        tails = self.index.alias_tail_words
        return TAILED if any(folded[:n] in tails for n in range(TAIL_WORD_MIN, len(folded) + 1)) else NO_PART


def _continues(text: str, glue: frozenset[str]) -> bool:
    """Can this token go on a word cut at an apostrophe: letters, an apostrophe the tokenizer cuts at,
    or letters ending in one ("g'" of French "O'g'li")?"""
    return text.isalpha() or text in glue or (text[-1:] in glue and text[:-1].isalpha())


def cut_apostrophes(tokenizer: Callable[[str], Doc]) -> frozenset[str]:
    """The apostrophes (`keys.APOSTROPHES`) this tokenizer cuts a word at: Uzbek and Turkmen Latin
    write them inside names (Yo‘ldoshev, O‘zbekiston), German cuts at ‘ and ’, French at ' and ’."""
    return frozenset(mark for mark in APOSTROPHES if len(tokenizer(f"Yo{mark}ldoshev")) > 1)


def _learnt(positions: list[int], values: list[int]) -> tuple[bool, list[int], list[int]]:
    """From the bytes of the tokens at these positions: (whether one has CAPITAL, the positions that
    can be of a name, their part bits), for `_merged`."""
    found = [p for p, v in zip(positions, values, strict=True) if v & PARTS]
    return any(v & CAPITAL for v in values), found, [v & PARTS for v in values if v & PARTS]


def _entity_set(hits: list[WordHits]) -> frozenset[int]:
    """The entities of a word type's words' hits, as one set (`RelevanceCache.entities`)."""
    sets = [h.entities() for h in hits]
    return sets[0] if len(sets) == 1 else frozenset().union(*sets)


Slot = tuple[Role, int, int]  # a word's place in a name: its part (role), position in it, and the part's length


def _firm_parts(hits: list[WordHits]) -> dict[int, dict[Slot, bool]]:
    """Per entity, the places in its names (not alias phrases) a word type's words may fill, and for
    each whether one of those matches is firm (not weak, or by consonants, two of which may make a
    name together: `shapes._firm_enough`), for `RelevanceCache.may_pair`."""
    found: dict[int, dict[Slot, bool]] = {}
    for word in hits:
        for hit in word.all():
            p = hit.posting
            if p.role != Role.ALIAS:
                slots = found.setdefault(p.entity, {})
                slot = (p.role, p.pos, p.length)
                slots[slot] = slots.get(slot, False) or firm_match(hit.weak, hit.method)
    return found


def _make_a_name(ours: dict[Slot, bool], theirs: dict[Slot, bool]) -> bool:
    """May two words filling these places of one entity's names make a name together: two places, one
    of them filled by a firm match? One shape (`shapes.PERSON_PATTERNS`) has each part once, and
    each place of a part once, so a given name and a word within an edit of it (Julia Juli) make none."""
    return any(ours[a] or theirs[b] for a in ours for b in theirs if a != b)


def by_position(
    ask: Callable[[int, int, StringStore], bool], orths: numpy.ndarray, strings: StringStore
) -> Callable[[int, int], bool]:
    """A question about two word types (`RelevanceCache.share`, `may_pair`, `completes`) asked of two
    tokens of a document, by position in its orth column, as `plan` asks it."""
    return lambda a, b: ask(int(orths[a]), int(orths[b]), strings)


def _postings(hits: list[WordHits]) -> int:
    """How many postings a word type's words have together."""
    return sum(h.postings() for h in hits)


def _arrays(hits: list[WordHits]) -> list[numpy.ndarray]:
    """The entities of a word type's words' hits as sorted arrays (`WordHits.entity_arrays`)."""
    return [a for h in hits for a in h.entity_arrays()]


def _merged(
    found: list[int], kinds: list[int], capitals: bool, learnt: list[int], bits: list[int]
) -> tuple[bool, list[int], list[int], int, bool]:
    """The parts a scan found (`found`, `kinds`) with those its first sightings turned out to be
    (`_learnt`'s answer) merged in position order, and their `summary`: what `_scan.settle`
    returns, when the first sightings are decided in Python."""
    merged = sorted([*zip(found, kinds, strict=True), *zip(learnt, bits, strict=True)])
    positions, parts = [p for p, _ in merged], [k for _, k in merged]
    return (capitals, positions, parts, *summary(positions, parts))


def _capitalised(text: str) -> bool:
    """Does the text begin with a capital, or with a letter of a script without case?"""
    first = text[:1]
    return bool(first) and (first.isupper() or first.istitle() or is_caseless(first))


def summary(positions: list[int], kinds: list[int]) -> tuple[int, bool]:
    """(the union of the tokens' part bits, whether two tokens at most NEAR apart have a PAIRED bit in
    common): what the compiled scan reads in its loop, for `may_read`."""
    union = 0
    last: dict[int, int] = {}
    close = False
    for position, kind in zip(positions, kinds, strict=True):
        union |= kind
        for bit in (PERSON_PART, TAILED):
            if kind & bit:
                close = close or position - last.get(bit, -NEAR - 1) <= NEAR
                last[bit] = position
    return union, close


def may_read(union: int, close: bool) -> bool:
    """Can `plan` read anything in a document whose tokens' part bits are `union` and which has two
    parts close together or not (`summary`)? False settles a document that names nobody without a
    loop over its tokens in Python: no anchor, no anchor within an edit, and no two parts of one
    name close enough to make one (`plan` reads nothing then)."""
    return bool(union & (ANCHOR | FUZZY_ANCHOR)) or close


def reading_plan(parts: numpy.ndarray, share: Callable[[int, int], bool] | None = None) -> tuple[list[int], list[int]]:
    """From the tokens' part bits (`WordHits.part`), as an array: `plan`."""
    found = numpy.flatnonzero(parts)
    return plan(found.tolist(), parts[found].tolist(), share)


def plan(
    positions: list[int],
    kinds: list[int],
    share: Callable[[int, int], bool] | None = None,
    other: Callable[[int, int], bool] | None = None,
    completes: Callable[[int, int], bool] | None = None,
    pair: Callable[[int, int], bool] | None = None,
) -> tuple[list[int], list[int]]:
    """From the tokens that can be of a name (in order) and their part bits (`WordHits.part`): (the
    tokens whose neighbourhoods are read at once, the lone person parts read only if they may refer to
    a person linked there).

    Nothing is read when no mention can be made: no anchor, and no two person parts of one entity or
    two parts of a phrase with a lowercase end close together. `share(a, b)` says whether the words
    of tokens a and b are parts of one entity's names (`RelevanceCache.share`); without it any two
    person parts may be. `pair(a, b)`, if given, says more: whether they may make a name together
    (`RelevanceCache.may_pair`: not two weak matches, "Julia … im Juni"), and it decides which parts
    are read together; `share` still decides whether a lone part may name someone whose name is read
    at once (`_as_lone`). A name of several words starts with a word the entity has and holds another
    within two words of it (`match.detect`), so "Sarah Walker" (a given name of some, a surname
    close to Baker's) cannot make one. An anchor word of alias phrases within an edit only
    (FUZZY_ANCHOR) makes one only with a firm word of a phrase (ALIAS_PART) in the windows read
    around it, and of the same phrase when `completes(a, b)` can tell (`RelevanceCache.completes`:
    "Bank" of "World Bank" does not complete "Bruni", within an edit of Brunei).

    Otherwise every anchor is read at once, and every part close to another with which it may make a
    name (`_together`: "Sarah Walker" may not; nor "В Астане", an initial beside a word within an
    edit of a given name); any other word of an alias phrase is not read at all ("De" of "De Forenede
    Arabiske Emirater" is read beside the rest of it, in the anchor's window, not at the start of every
    German sentence: "Die"); a given name far from any other part of a name it may make one with
    ("Julien", "Michael" in prose) makes a mention only as a person named in full elsewhere in the
    document, or a relative of one (`referred_entities`), and on news most of them never do.

    So is a firm surname with no other part of a name close by when `other(a, b)` says that it, at b,
    is someone else's full name with the word right before it, at a (`RelevanceCache.after_other_names`:
    "Peter Baker" or "Laura Baker", where Baker is James Baker's surname and neither Peter nor Laura a
    given name of his): it is read only if its person is linked elsewhere in the document, and at once
    if a word that may name that person is read at once anyway (`_as_lone`)."""
    if not positions:
        return [], []
    together = _together(positions, kinds, pair or share)
    if other is not None:
        after = _after_other_names(positions, kinds, together, other)
        if after:
            kinds, together = _as_lone(positions, kinds, after, share, pair)
    firm = any(kind & ANCHOR for kind in kinds) or any(together)
    if not firm and not any(kind & FUZZY_ANCHOR for kind in kinds):
        return [], []
    # (a document has a few dozen such tokens: lists cost less than numpy's microseconds per call)
    at_once = [p for p, k, t in zip(positions, kinds, together, strict=True) if k & ANCHORS or t]
    if not firm and not _alias_part_within(at_once, positions, kinds, completes):
        return [], []  # an anchor word within an edit only, and no firm word of a phrase in its reach
    lone = [p for p, k, t in zip(positions, kinds, together, strict=True) if k & PERSON_PART and not (k & ANCHORS or t)]
    return at_once, lone


def planned(
    positions: list[int],
    kinds: list[int],
    share: Callable[[int, int], bool] | None = None,
    other: Callable[[int, int], bool] | None = None,
    completes: Callable[[int, int], bool] | None = None,
    pair: Callable[[int, int], bool] | None = None,
) -> tuple[list[int], list[int]]:
    """`plan`, by its compiled twin (`_scan.Planner`) when the compiled scan is here: the same answers
    from the same calls of `share`, `other`, `completes` and `pair`, at about a tenth of the cost."""
    module = native.scan_module
    if module is None:
        return plan(positions, kinds, share, other, completes, pair)
    return _planner(module).plan(positions, kinds, share, other, completes, pair)


@functools.lru_cache(maxsize=2)
def _planner(module: ModuleType) -> Any:
    """The compiled `plan` of this module, for these part bits and windows."""
    return module.Planner(ALIAS_PART, PERSON_PART, ANCHOR, TAILED, FUZZY_ANCHOR, NEAR, BEFORE, AFTER)


def likely_referred(
    lone: list[int],
    at_once: list[int],
    orths: numpy.ndarray,
    entities: Callable[[int], frozenset[int]],
    few: Callable[[int, int], frozenset[int] | None] | None = None,
) -> list[int]:
    """The lone person parts (`plan`) that may name a person whose name is read at once: their word
    shares an entity (`entities` of a word type, `RelevanceCache.entities`) with the word of a token
    read at once. The component reads them in its first pass: a lone part is read only if the persons
    linked (or their relatives) may be named by it, which is known only after linking, and reading it
    then means linking every window of the document a second time (in English news with a name every
    150 words, half the documents that name someone did, a third of the linking). A part read early
    and not referred to is one window more; a relative's name that none read at once shares is still
    read in a second pass. Each word type's set is asked once, and compared with the others' in C.
    `few(word, most)`: the word type's set if it has at most `most` entities, else None
    (`RelevanceCache.few_entities`, which makes no set of a common name's holders); by default,
    from `entities`."""
    if not lone or not at_once:
        return []
    # The persons the words read at once may name, as one set: the smallest sets first, up to
    # _UNION_MAX entities. A word read at once whose set is left out costs only a second pass, if one
    # of its persons is referred to; and the holders of a common name predict nothing (at 100,000
    # synthetic persons, with up to 4,096 of them, 188 lone words of 215 documents were read early to
    # spare 8 second passes, and the component took a fifth longer; with 64, 29 to spare 7).
    # (a set of more than _UNION_MAX entities never fits, and sorts after every set that does: it is
    # left out before sorting, and the union is the one the loop made of them all)
    if few is None:
        few = functools.partial(_at_most, entities)
    sets = [few(word, _UNION_MAX) for word in dict.fromkeys(orths[at_once].tolist())]
    union: set[int] = set()
    for named in sorted((s for s in sets if s is not None), key=len):
        if len(union) + len(named) > _UNION_MAX:
            break
        union.update(named)
    if not union:
        return []
    answers: dict[int, bool] = {}
    out = []
    for position, word in zip(lone, orths[lone].tolist(), strict=True):
        found = answers.get(word)
        if found is None:
            found = answers[word] = not union.isdisjoint(entities(word))
        if found:
            out.append(position)
    return out


_UNION_MAX = 64  # entities of the words read at once that `likely_referred` compares lone words with, at most


def _at_most(entities: Callable[[int], frozenset[int]], word: int, most: int) -> frozenset[int] | None:
    """`entities(word)` if it has at most `most` entities, else None (`likely_referred`'s `few`)."""
    found = entities(word)
    return found if len(found) <= most else None


def _as_lone(
    positions: list[int],
    kinds: list[int],
    surnames: set[int],
    share: Callable[[int, int], bool] | None,
    pair: Callable[[int, int], bool] | None = None,
) -> tuple[list[int], list[bool]]:
    """The part bits and pairings (`_together`) with these surnames (by index) read as lone person
    parts, but for those that then pair with a part close by, or may name someone whose name is read
    at once anyway: that person may be linked, and the second reading would then read every window
    again for the surname, where reading it at once costs one window more."""
    lone = [PERSON_PART if i in surnames else k for i, k in enumerate(kinds)]
    paired = _together(positions, lone, pair or share)
    read = [p for p, k, t in zip(positions, lone, paired, strict=True) if k & ANCHORS or t]
    kept = {i for i in surnames if not paired[i] and not any(share is None or share(p, positions[i]) for p in read)}
    if kept != surnames:
        lone = [PERSON_PART if i in kept else k for i, k in enumerate(kinds)]
        paired = _together(positions, lone, pair or share)
    return lone, paired


def _after_other_names(
    positions: list[int], kinds: list[int], together: list[bool], other: Callable[[int, int], bool]
) -> set[int]:
    """The tokens (by index in `positions`) that are a firm surname (an anchor, and no part of an alias
    phrase) paired with no other part close by, that `other` says is someone else's full name with the
    word right before it. That word is a person part paired with none, or no part of a name at all (an
    unknown given name: "Laura Baker"). `other` reads the two words alone, so the words around them
    must not change what they make: the word before them is no part of a name (which could make a
    candidate of the given name), and no part of a name but an unpaired person part follows the
    surname close by (`other` looks at the word right after it too: an initial makes a name with any
    surname, "Baker J.")."""
    after: set[int] = set()
    # (a document has a few dozen parts of names and a few anchors: the loop visits the anchors alone)
    for i in [i for i, kind in enumerate(kinds) if kind & ANCHOR]:
        kind, position = kinds[i], positions[i]
        if kind & ~(ANCHOR | PERSON_PART) or together[i] or position == 0:
            continue
        if i > 0 and positions[i - 1] == position - 1:  # a part of a name right before it
            if kinds[i - 1] != PERSON_PART or together[i - 1] or (i > 1 and positions[i - 2] == position - 2):
                continue
        elif i > 0 and positions[i - 1] == position - 2:
            continue
        if i + 1 < len(positions) and positions[i + 1] - position <= NEAR and kinds[i + 1] != PERSON_PART:
            continue  # (a part of an alias phrase, or an initial, may make a name with it)
        if other(position - 1, position):
            after.add(i)
    return after


def _alias_part_within(
    at_once: list[int], positions: list[int], kinds: list[int], completes: Callable[[int, int], bool] | None = None
) -> bool:
    """Does an ALIAS_PART token lie in the windows read around these tokens (`_windows`), one that
    `completes(p, w)` says may complete a phrase of the token p read (if it is given)? Without one,
    every alias phrase there would be found by edit distance alone, which `shapes.parse_alias` refuses."""
    return any(
        kind & ALIAS_PART
        and any(p - BEFORE <= w <= p + AFTER and (completes is None or completes(p, w)) for p in at_once)
        for w, kind in zip(positions, kinds, strict=True)
    )


def _together(positions: list[int], kinds: list[int], share: Callable[[int, int], bool] | None) -> list[bool]:
    """For each token: is it, with another at most NEAR away, a part of a phrase with a lowercase end
    that both are parts of, or a person part that both are (of one entity, if `share` can tell)? Every
    pair in reach is tried, not only neighbours: a part of someone else's name may stand between
    ("Akylbek Usenbekovich Japarov")."""
    n = len(positions)
    together = [False] * n
    for i in range(n - 1):
        kind = kinds[i]
        if not kind & PAIRED:
            continue
        a = positions[i]
        j = i + 1
        while j < n and positions[j] - a <= NEAR:
            both = kind & kinds[j]
            if both & TAILED or (both & PERSON_PART and (share is None or share(a, positions[j]))):
                together[i] = together[j] = True
            j += 1
    return together


def referred_entities(index: NameIndex, mentions: Iterable[Mention]) -> frozenset[int]:
    """The persons linked, and their relatives: whom a lone given name in the same document may name."""
    found: set[int] = set()
    for mention in mentions:
        entity = index.by_id.get(mention.id)
        if entity is None or mention.type != "person":
            continue
        found.add(entity)
        found.update(index.by_id[target] for _kind, target in index.entities[entity].relations if target in index.by_id)
    return frozenset(found)


def repeated_words(
    relevant: RelevanceCache, doc: Doc, orths: numpy.ndarray, mentions: Sequence[Mention], read: Sequence[int]
) -> list[int]:
    """Tokens beyond the windows around `read` that repeat a word of a person's mention linked in the
    document, or a stem of one. The linker links such a word wherever it stands, even one the index
    does not know ("same word as a full name here": a misspelt surname repeated, or a given name the
    gazetteer does not list, "Maxim Tokayev … Maxim"), so the component must read it too. The linker
    compares words by their key (`keys.skeleton`); this compares the tokens' orths with the mention's
    words as written (`RelevanceCache.written_forms`), which finds the same repeats but for a word
    written in other letters of one key (in capitals, with other accents)."""
    strings, by_id = doc.vocab.strings, relevant.index.by_id
    forms = [
        found
        for m in mentions
        if m.type == "person" and m.id in by_id and len(found := relevant.written_forms(m.text, by_id[m.id], strings))
    ]
    if not forms:
        return []
    wanted = forms[0] if len(forms) == 1 else numpy.unique(numpy.concatenate(forms))
    slots = numpy.searchsorted(wanted, orths)
    slots[slots == len(wanted)] = 0
    hits = numpy.flatnonzero(wanted[slots] == orths).tolist()
    if not hits:
        return []
    windows = _windows(sorted(read), len(doc))
    starts = [start for start, _end in windows]
    out = []
    for position in hits:
        k = bisect.bisect_right(starts, position) - 1  # the last window starting at or before it
        if k < 0 or windows[k][1] <= position:
            out.append(position)
    return out


REPEAT_MIN = 3  # letters of a word the linker links as a repeat of a full name's word, at least
_LETTERS = re.compile(r"[^\W\d_]+")
_PUNCTUATED = re.compile(r"[^\W\d_]+(?:[^\w\s][^\W\d_]+)*")


def positions_to_read(parts: numpy.ndarray, share: Callable[[int, int], bool] | None = None) -> list[int]:
    """Every token whose neighbourhood may have to be read (`reading_plan`, both kinds together): a
    lone given name may be a relative of the person anchored elsewhere ("his son Serdar")."""
    at_once, lone = reading_plan(parts, share)
    return sorted(at_once + lone)


def written_in_lowercase(doc: Doc, relevant: RelevanceCache, capitals: bool) -> bool:
    """Is the whole document written without capitals (a forum or social post: "шавкат мирзиёев")?
    Then no token has a capital shape (`capitals`, from `RelevanceCache.scan`), the windows find
    nothing, and the text must be read word by word as the library reads it
    (`match.segment.lowercase_stretches`). Asked only of documents without a relevant token."""
    if capitals or relevant.any_shape or not len(doc):
        return False
    return doc[-1].idx + len(doc[-1].text_with_ws) >= LOWERCASE_MIN


def sparse_text(
    doc: Doc, relevant: RelevanceCache, orths: numpy.ndarray | None = None, positions: list[int] | None = None
) -> tuple[str, list[tuple[int, int]]] | None:
    """`doc.text` with everything but the windows around known words replaced, and the windows'
    character ranges (the only places worth reading); None if there is no window. `orths`: the
    document's orth column, if the caller has it already; `positions`: the tokens to read around
    (`positions_to_read` when not given)."""
    if not len(doc):
        return None
    if orths is None:
        orths = doc.to_array(ORTH)
    if positions is None:
        positions = positions_to_read(
            relevant.parts(orths, doc.vocab), by_position(relevant.share, orths, doc.vocab.strings)
        )
    if not positions:
        return None
    # (numpy calls cost microseconds each: past this point, lists of the few windows are cheaper)
    windows = _windows(positions, len(doc))
    strings = doc.vocab.strings
    if native.scan_module is not None:  # the same, in one loop over the windows' token structs
        return native.scan_module.sparse(doc, windows, relevant.bound_strings(), strings, PLACEHOLDER)
    last = doc[-1]
    total = last.idx + len(last.text_with_ws)
    # A token's trailing space (spaCy keeps one at most) is the gap to the next token's offset: one
    # column, of which only the windows become Python lists.
    offsets = doc.to_array(IDX)
    pieces: list[str] = []
    regions: list[tuple[int, int]] = []
    cursor = 0
    for start, end in windows:
        words = relevant.words(orths[start:end].tolist(), strings)
        starts = offsets[start : end + 1].tolist()
        if end == len(doc):
            starts.append(total)
        spaces = [" " if b - a > len(w) else "" for w, a, b in zip(words, starts, starts[1:], strict=False)]
        cursor = _append(pieces, regions, cursor, starts[0], words, spaces)
    pieces.append(PLACEHOLDER * (total - cursor))
    return "".join(pieces), regions


def whole_text(doc: Doc, relevant: RelevanceCache) -> str:
    """`doc.text`, built in one compiled loop over the token structs when the compiled scan is here
    (spaCy's own makes a Token object per token: half the cost of tokenizing the document), for the
    linker's evidence read anywhere in a document (`Linker.link`'s `document`)."""
    if native.scan_module is None or not len(doc):
        return doc.text
    strings = doc.vocab.strings
    return str(native.scan_module.sparse(doc, [[0, len(doc)]], relevant.bound_strings(), strings, PLACEHOLDER)[0])


def _windows(positions: list[int], n: int) -> list[list[int]]:
    """[start, end) token ranges around the relevant tokens (sorted), windows that touch merged."""
    windows: list[list[int]] = []
    for position in positions:
        start, end = max(position - BEFORE, 0), min(position + AFTER + 1, n)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    return windows


def _append(
    pieces: list[str], regions: list[tuple[int, int]], cursor: int, begin: int, words: list[str], spaces: Iterable[str]
) -> int:
    """Add the placeholder up to `begin`, then the tokens with their spaces (C-level joins)."""
    pieces.append(PLACEHOLDER * (begin - cursor))
    text = "".join(itertools.chain.from_iterable(zip(words, spaces, strict=True)))
    pieces.append(text)
    regions.append((begin, begin + len(text)))
    return begin + len(text)
