# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The component's per-token loops in C: what a document's tokens can be of a name, and marking them
outside every entity.

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


def scan(Doc doc, const uint64_t[::1] slot_orths, const uint8_t[::1] slot_parts, uint64_t mask):
    """(the orth of every token as a numpy uint64 array, the tokens whose slot holds their word type
    and whose part bits are not zero, those bits, the tokens whose slot holds another word type).

    `slot_orths` and `slot_parts` are `RelevanceCache`'s direct-mapped table; `mask` is its size
    less one."""
    cdef int n = doc.length
    orths = numpy.empty(n, numpy.uint64)
    cdef uint64_t[::1] out = orths
    cdef int i
    cdef uint64_t orth, slot
    cdef uint8_t part
    positions = []
    kinds = []
    missed = []
    for i in range(n):
        orth = doc.c[i].lex.orth
        out[i] = orth
        slot = orth & mask
        if slot_orths[slot] != orth:
            missed.append(i)
        else:
            part = slot_parts[slot]
            if part:
                positions.append(i)
                kinds.append(part)
    return orths, positions, kinds, missed


def starts(Doc doc, int start, int stop):
    """The character offsets of tokens start..stop-1 (a window's), as a list."""
    cdef int i
    if start < 0 or stop > doc.length or start > stop:
        raise IndexError(f"tokens {start}..{stop} of a document of {doc.length}")
    return [doc.c[i].idx for i in range(start, stop)]


def mark_outside(Doc doc, bint untyped=False):
    """Every token outside an entity ("O"); `untyped`: also of no entity type."""
    cdef int i
    for i in range(doc.length):
        doc.c[i].ent_iob = OUTSIDE
        if untyped:
            doc.c[i].ent_type = 0
