# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The component's per-token loops in C: what a document's tokens can be of a name, the text of the
windows around them, and marking the tokens outside every entity.

Why: on news that names nobody, the component's only work is to decide "nothing here" and mark the
tokens outside. Done with numpy, that is four array operations per document (spaCy's `to_array` of the
orth column, the slot table's lookups, `flatnonzero`, `from_array`), about a third of what
tokenising costs; here it is one loop over spaCy's own token structs, a tenth of that.

This module is optional. The build compiles it when it can (`hatch_build.py`); `native.py` loads it
only if it was built against the spaCy it runs with, and the numpy path in `sparse.py`, which gives
the same answers (a test holds the two to each other), serves otherwise.
"""

from libc.stdint cimport uint8_t, uint64_t
from spacy.tokens.doc cimport Doc

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
    uint8_t capital, uint8_t paired, int near,
):
    """(the orth of every token as a numpy uint64 array, the tokens whose slots hold their word type
    and whose part bits are not zero, those bits, the tokens whose two slots hold other word types,
    whether the document has entities already, the union of the part bits found, whether two tokens
    at most `near` apart have a bit of `paired` in common, whether a token's slot has the `capital` bit).

    `slot_orths` and `slot_parts` are `RelevanceCache`'s two-way table (a word type is in slot
    `orth & mask` or in its pair, `orth & mask ^ 1`); `mask` is its size less one. A slot's byte holds
    the word type's part bits and the `capital` bit, which is left out of the bits reported. Entities:
    `bool(doc.ents)` read in the same loop: a token that begins a typed entity (B with a type) or
    continues one (I; `doc.ents` raises on an I that follows none, and so then will the caller's)."""
    cdef int n = doc.length
    orths = numpy.empty(n, numpy.uint64)
    cdef uint64_t[::1] out = orths
    cdef int i, bit
    cdef uint64_t orth, slot
    cdef uint8_t part, union = 0, parts_mask = ~capital
    cdef bint annotated = False, close = False, capitals = False
    cdef int last[8]
    for bit in range(8):
        last[bit] = -near - 1
    positions = []
    kinds = []
    missed = []
    for i in range(n):
        if doc.c[i].ent_iob == 1 or (doc.c[i].ent_iob == 3 and doc.c[i].ent_type != 0):
            annotated = True
        orth = doc.c[i].lex.orth
        out[i] = orth
        slot = orth & mask
        if slot_orths[slot] != orth:
            slot ^= 1
        if slot_orths[slot] != orth:
            missed.append(i)
            continue
        part = slot_parts[slot]
        if part & capital:
            capitals = True
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
    return orths, positions, kinds, missed, annotated, union, close, capitals


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
