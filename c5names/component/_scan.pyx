# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The component's per-token loops in C: what a document's tokens can be of a name, its new word
types (their orths, texts and shapes, for the first-sight decisions, then their decided bytes written
to their lexemes), the text of the windows around them, marking the tokens outside every entity, and
clearing the byte of lexeme flags the component writes its decisions in (`lexbits`).

Why: on news that names nobody, the component's only work is to decide "nothing here" and mark the
tokens outside. Done with numpy, that is four array operations per document (spaCy's `to_array` of the
orth column, the slot table's lookups, `flatnonzero`, `from_array`), about a third of what
tokenising costs; here it is one loop over spaCy's own token structs, a tenth of that.

This module is optional. The build compiles it when it can (`hatch_build.py`); `native.py` loads it
only if it was built against the spaCy it runs with, and the numpy path in `sparse.py`, which gives
the same answers (a test holds the two to each other), serves otherwise.
"""

from libc.stdint cimport uint8_t, uint64_t
from spacy.structs cimport LexemeC
from spacy.tokens.doc cimport Doc
from spacy.vocab cimport Vocab
from preshed.maps cimport key_t, map_iter

import numpy

cdef extern from *:
    """
    #ifndef C5NAMES_BUILT_WITH_SPACY
    #define C5NAMES_BUILT_WITH_SPACY ""
    #endif
    """
    const char* C5NAMES_BUILT_WITH_SPACY

# The spaCy version whose token structs this module was compiled against.
BUILT_WITH_SPACY = C5NAMES_BUILT_WITH_SPACY.decode("ascii")

# ENT_IOB of a token outside every entity ("O").
cdef int OUTSIDE = 2


def scan(
    Doc doc, const uint64_t[::1] slot_orths, const uint8_t[::1] slot_parts, uint64_t mask,
    uint8_t capital, uint8_t paired, int near, int shift=-1, uint8_t decided=0,
):
    """(the orth of every token as a numpy uint64 array, the tokens whose slots hold their word type
    and whose part bits are not zero, those bits, the tokens whose two slots hold other word types,
    whether the document has entities already, the union of the part bits found, whether two tokens
    at most `near` apart have a bit of `paired` in common, whether a token's slot has the `capital` bit).

    `slot_orths` and `slot_parts` are `RelevanceCache`'s two-way table (a word type is in slot
    `orth & mask` or in its pair, `orth & mask ^ 1`); `mask` is its size less one. A slot's byte holds
    the word type's part bits and the `capital` bit, which is left out of the bits reported. Entities:
    `bool(doc.ents)` read in the same loop: a token that begins a typed entity (B with a type) or
    continues one (I; `doc.ents` raises on an I that follows none, and so then will the caller's).

    With `shift` 0 or more, each word type's byte is read from its lexeme's flags instead (the byte at
    bit `shift`, `lexbits.LexemeBits`), and the table is not read: a token whose byte lacks the
    `decided` bit is reported as one whose slots hold other word types."""
    cdef int n = doc.length
    orths = numpy.empty(n, numpy.uint64)
    cdef uint64_t[::1] out = orths
    cdef int i, bit
    cdef uint64_t orth, slot
    cdef uint8_t part, union = 0, seen = 0, parts_mask = ~(capital | decided)
    cdef bint annotated = False, close = False
    cdef const LexemeC* lex
    cdef int last[8]
    cdef int iob
    for bit in range(8):
        last[bit] = -near - 1
    positions = []
    kinds = []
    missed = []
    # (without a branch on what varies from token to token, but whether it takes part in a name:
    # a capital in front, about one token in six, mispredicted, cost as much as the rest of the loop)
    for i in range(n):
        iob = doc.c[i].ent_iob
        annotated |= (iob == 1) | ((iob == 3) & (doc.c[i].ent_type != 0))
        lex = doc.c[i].lex
        orth = lex.orth
        out[i] = orth
        if shift >= 0:
            part = <uint8_t>(lex.flags >> shift)
            if not part & decided:
                missed.append(i)
                continue
        else:
            slot = orth & mask
            if slot_orths[slot] != orth:
                slot ^= 1
            if slot_orths[slot] != orth:
                missed.append(i)
                continue
            part = slot_parts[slot]
        seen |= part
        part &= parts_mask
        if not part:
            continue
        positions.append(i)
        kinds.append(part)
        union |= part
        if part & paired and not close:
            for bit in range(8):
                if part & paired & (1 << bit):
                    if i - last[bit] <= near:
                        close = True
                    last[bit] = i
    return orths, positions, kinds, missed, annotated, union, close, bool(seen & capital)


cdef uint64_t _keep(int shift) except? 0:
    """The mask that keeps every flag but the byte at bit `shift`, which is 0 to 56 (ValueError else)."""
    if shift < 0 or shift > 56:
        raise ValueError(f"a byte of the flags starts at bit 0 to 56, not {shift}")
    return ~(<uint64_t>0xFF << shift)


cdef LexemeC* _lexeme_at(Doc doc, int i) except NULL:
    """The lexeme of the token at position i (IndexError outside the document)."""
    if i < 0 or i >= doc.length:
        raise IndexError(f"token {i} of a document of {doc.length}")
    return <LexemeC*>doc.c[i].lex


cdef inline void _write_byte(LexemeC* lex, uint64_t keep, uint8_t value, int shift):
    """The byte at bit `shift` of the lexeme's flags set to `value`; the empty string's lexeme, which
    spaCy shares between every vocabulary, is left alone."""
    if lex.orth != 0:
        lex.flags = (lex.flags & keep) | (<uint64_t>value << shift)


def clear_lexeme_bytes(Vocab vocab, int shift):
    """Turn the byte at bit `shift` off in the flags of every lexeme of the vocabulary (`lexbits.clear`):
    one loop over spaCy's own map of its lexemes, where the Python loop made a `Lexeme` object for each
    (0.6 µs a lexeme: a tenth of a second for a vocabulary of 200,000 words, whenever a component
    claims its byte or its index changes). The empty string's lexeme, which spaCy shares between every
    vocabulary and `set_lexeme_bytes` never writes, is left alone."""
    cdef int i = 0
    cdef key_t key
    cdef void* value
    cdef LexemeC* lex
    cdef uint64_t keep = _keep(shift)
    while map_iter(vocab._by_orth.c_map, &i, &key, &value):
        lex = <LexemeC*>value
        if lex != NULL and lex.orth != 0:
            lex.flags = lex.flags & keep


def set_lexeme_bytes(Doc doc, list positions, list values, int shift):
    """Write each value as the byte at bit `shift` of the flags of the lexeme of the token at each
    position (`lexbits.LexemeBits`). The empty string's lexeme, which spaCy shares between every
    vocabulary, is left alone."""
    cdef uint64_t keep = _keep(shift)
    if len(positions) != len(values):
        raise ValueError(f"{len(positions)} positions and {len(values)} values")
    for position, value in zip(positions, values):
        _write_byte(_lexeme_at(doc, position), keep, <uint8_t>value, shift)


def settle(Doc doc, list positions, dict known, int shift, uint8_t decided, uint8_t capital, uint8_t parts):
    """Write each token's decided byte (`known[orth] | decided`) at bit `shift` of its lexeme's flags,
    as `set_lexeme_bytes` does, for tokens whose word types `known` holds (KeyError otherwise), and
    return (whether one has the `capital` bit, the positions whose byte has a bit of `parts`, those
    bits): what the scan learns of a document's first sightings once they are decided, without a
    Python list per step (the bytes, the decided bytes, the capitals, the parts found)."""
    cdef LexemeC* lex
    cdef uint64_t keep = _keep(shift)
    cdef uint8_t value
    cdef bint capitals = False
    found = []
    kinds = []
    for position in positions:
        lex = _lexeme_at(doc, position)
        value = known[lex.orth]
        _write_byte(lex, keep, value | decided, shift)
        if value & capital:
            capitals = True
        if value & parts:
            found.append(position)
            kinds.append(value & parts)
    return capitals, found, kinds


def first_sightings(Doc doc, list positions, dict known, object strings):
    """(orths, texts, shapes) of the word types of the tokens at these positions that `known` does not
    hold, each once, in order of first position: what `sparse.RelevanceCache` decides of a document's
    new word types, read from the token structs (the orth, the shape's id, the text from `strings`,
    the StringStore) where a `Lexeme` object per word type cost more than the rest of its reading."""
    cdef const LexemeC* lex
    seen = set()
    orths = []
    texts = []
    shapes = []
    for position in positions:
        lex = _lexeme_at(doc, position)
        orth = lex.orth
        if orth in known or orth in seen:
            continue
        seen.add(orth)
        orths.append(orth)
        texts.append(strings[orth])
        shapes.append(lex.shape)
    return orths, texts, shapes


def sparse(Doc doc, list windows, dict words, object strings, str placeholder):
    """`doc.text` with only the windows' tokens ([start, end) token ranges, in order, apart) written
    and everything else `placeholder`, and the windows' character ranges: what `sparse.sparse_text`
    builds. `words` caches the strings of orths (filled here from `strings`, the StringStore)."""
    cdef int start, end, i, begin, cursor = 0
    cdef uint64_t orth
    pieces = []
    regions = []
    for start, end in windows:
        if start < 0 or end > doc.length or start >= end:
            raise IndexError(f"window {start}..{end} of a document of {doc.length}")
        begin = doc.c[start].idx
        if begin < cursor:
            raise ValueError(f"window {start}..{end} overlaps the one before it")
        pieces.append(placeholder * (begin - cursor))
        window = []
        for i in range(start, end):
            orth = doc.c[i].lex.orth
            word = words.get(orth)
            if word is None:
                word = words[orth] = strings[orth]
            window.append(word)
            if doc.c[i].spacy:
                window.append(" ")
        text = "".join(window)
        pieces.append(text)
        cursor = begin + len(text)
        regions.append((begin, cursor))
    if doc.length:
        orth = doc.c[doc.length - 1].lex.orth
        word = words.get(orth)
        if word is None:
            word = words[orth] = strings[orth]
        pieces.append(placeholder * (doc.c[doc.length - 1].idx + len(word) + doc.c[doc.length - 1].spacy - cursor))
    return "".join(pieces), regions


def mark_outside(Doc doc, bint untyped=False):
    """Every token outside an entity ("O"); `untyped`: also of no entity type."""
    cdef int i
    for i in range(doc.length):
        doc.c[i].ent_iob = OUTSIDE
        if untyped:
            doc.c[i].ent_type = 0
