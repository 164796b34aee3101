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

from cpython.dict cimport PyDict_GetItem
from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.ref cimport PyObject
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
    uint8_t capital, uint8_t paired, int near, int shift=-1, uint8_t decided=0, bint mark=False,
):
    """(the orth of every token as a numpy uint64 array, the tokens whose slots hold their word type
    and whose part bits are not zero, those bits, the tokens whose two slots hold other word types,
    whether the document has entities already, the union of the part bits found, whether two tokens
    at most `near` apart have a bit of `paired` in common, whether a token's slot has the `capital` bit,
    whether every token is now marked outside).

    `slot_orths` and `slot_parts` are `RelevanceCache`'s two-way table (a word type is in slot
    `orth & mask` or in its pair, `orth & mask ^ 1`); `mask` is its size less one. A slot's byte holds
    the word type's part bits and the `capital` bit, which is left out of the bits reported. Entities:
    `bool(doc.ents)` read in the same loop: a token that begins a typed entity (B with a type) or
    continues one (I; `doc.ents` raises on an I that follows none, and so then will the caller's).

    With `shift` 0 or more, each word type's byte is read from its lexeme's flags instead (the byte at
    bit `shift`, `lexbits.LexemeBits`), and the table is not read: a token whose byte lacks the
    `decided` bit is reported as one whose slots hold other word types.

    With `mark`, a document whose tokens are all unannotated (ENT_IOB missing, as the tokenizer
    leaves them) has them marked outside ("O") in the same loop, and the last value says so: what the
    component does to a document it finds no name in (`mark_outside`), without a second loop over the
    tokens. A document annotated before is left exactly as it was (the tokens marked before the first
    annotated one are set back), and the last value is False."""
    cdef int n = doc.length
    orths = numpy.empty(n, numpy.uint64)
    cdef uint64_t[::1] out = orths
    cdef int i, j, bit
    cdef uint64_t orth, slot
    cdef uint8_t part, union = 0, seen = 0, parts_mask = ~(capital | decided)
    cdef bint annotated = False, close = False, marking = mark
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
        if marking:
            if iob == 0:
                doc.c[i].ent_iob = OUTSIDE
            else:  # (annotated before: every token before this one was missing, and is again)
                marking = False
                for j in range(i):
                    doc.c[j].ent_iob = 0
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
            close = _close_to_last(last, part & paired, i, near)
    return orths, positions, kinds, missed, annotated, union, close, bool(seen & capital), marking


cdef inline bint _close_to_last(int* last, uint8_t bits, int position, int near):
    """Is a part with these paired bits, at `position`, at most `near` tokens after the last part
    with one of them (`last[bit]`, by bit)? It becomes the last of each of its bits (`scan`, `settle`)."""
    cdef bint close = False
    cdef int bit
    for bit in range(8):
        if bits & (1 << bit):
            if position - last[bit] <= near:
                close = True
            last[bit] = position
    return close


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


def settle(
    Doc doc, list positions, dict known, int shift, uint8_t decided, uint8_t capital, uint8_t parts,
    list found, list kinds, uint8_t paired, int near,
):
    """Write each token's decided byte (`known[orth] | decided`) at bit `shift` of its lexeme's flags,
    as `set_lexeme_bytes` does, for the tokens at `positions` (a document's first sightings, in
    position order), whose word types `known` holds (KeyError otherwise), and return what the scan
    then knows of the whole document: (whether one of them has the `capital` bit, the positions whose
    byte has a bit of `parts`, those bits, their union, whether two of them at most `near` apart have a
    bit of `paired` in common), with `found` and `kinds` (the parts the scan found among the tokens
    decided before, in position order) merged in. That is `sparse.summary` of the merged lists, in
    the same pass: the Python sort, lists and `summary` it replaces cost about 1.5 ms more per 1 MB
    of English news that names nobody, cold (the scan less its deciding, 5.0 against 3.4 ms)."""
    cdef LexemeC* lex
    cdef uint64_t keep = _keep(shift)
    cdef uint8_t value, part, union = 0
    cdef bint capitals = False, close = False
    cdef Py_ssize_t a = 0, b = 0, count = len(positions), before = len(found)
    cdef int position, bit
    cdef int last[8]
    if len(kinds) != before:
        raise ValueError(f"{before} positions found and {len(kinds)} kinds")
    for bit in range(8):
        last[bit] = -near - 1
    merged = []
    merged_kinds = []
    while a < count or b < before:
        if b < before and (a >= count or <int>found[b] < <int>positions[a]):
            position = found[b]
            part = kinds[b]
            b += 1
        else:
            position = positions[a]
            a += 1
            lex = _lexeme_at(doc, position)
            value = known[lex.orth]
            _write_byte(lex, keep, value | decided, shift)
            if value & capital:
                capitals = True
            part = value & parts
            if not part:
                continue
        merged.append(position)
        merged_kinds.append(part)
        union |= part
        if part & paired and not close:
            close = _close_to_last(last, part & paired, position, near)
    return capitals, merged, merged_kinds, union, close


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


cdef class Tokens:
    """A document's tokens as the questions below read them: its structs, its orth column (`orths`,
    as the scan gives it) and its StringStore; made once per document planned, for all of them (a
    typed view of the column costs about a microsecond to make)."""

    cdef Doc _doc
    cdef const uint64_t[::1] _orths
    cdef object _strings

    def __init__(self, Doc doc, const uint64_t[::1] orths, strings):
        if orths.shape[0] != doc.length:
            raise ValueError(f"{orths.shape[0]} orths for a document of {doc.length} tokens")
        self._doc, self._orths, self._strings = doc, orths, strings

    cdef int _check(self, Py_ssize_t first, Py_ssize_t second) except -1:
        if not (0 <= first < self._doc.length and 0 <= second < self._doc.length):
            raise IndexError(f"tokens {first} and {second} of a document of {self._doc.length}")
        return 0


cdef class ByPosition:
    """A question about two word types asked of two tokens of a document, by position
    (`sparse.by_position`): `ask(first, second, strings)` of the tokens' orths, its memo (`memo`,
    keyed by the two orths, where `ask` keeps its answers) read first, here.

    Why: `plan` asks its questions of a few pairs of tokens per document, most of them asked before
    and answered from the memo; through a Python closure each cost a microsecond or two (the two
    orths read from a numpy array, a method call, the memo's lookup)."""

    cdef Tokens _tokens
    cdef object _memo  # (a dict, or a subclass: `WeightedMemo`)
    cdef object _ask

    def __init__(self, Tokens tokens, memo, ask):
        _check_memo(memo)
        self._tokens, self._memo, self._ask = tokens, memo, ask

    def __call__(self, Py_ssize_t first, Py_ssize_t second):
        cdef Tokens tokens = self._tokens
        tokens._check(first, second)
        return _asked(self._memo, self._ask, tokens._orths[first], tokens._orths[second], tokens._strings)


cdef class AfterOtherNames(ByPosition):
    """`sparse.RelevanceCache.after_other_names`: is the token at `second` someone else's surname
    after the given name at `first` (`ask`, `RelevanceCache.someone_elses`, of their orths, its memo
    read first as `ByPosition` reads it), and not the complement of a title right before the first
    (`completes`, `RelevanceCache.completes_a_title`, of the three orths)? Asked only when the first
    is right before the second with a space between, and no capitalised word (`capitalised` of its
    text) comes right after the second; the tokens' spaces are read from their structs.

    `capitals` and `completing`, if given, are the memos of `capitalised` (by the word's orth) and of
    `completes` (by the three orths), read first here as `memo` is; the caller keeps them filled
    (`capitalised` is then asked of the orth and the StringStore, as `completes` is).

    Why: through a Python closure each question made three spaCy `Token` objects before the memo was
    read, 2 to 4 µs a question, asked of every surname of someone in the gazetteer that follows a
    given name ("Peter Baker"); the two Python calls after it, 1 to 2 µs more, come mostly with the
    same words again ("Peter Baker said")."""

    cdef object _capitalised
    cdef object _completes
    cdef object _capitals
    cdef object _completing

    def __init__(self, Tokens tokens, memo, ask, capitalised, completes, capitals=None, completing=None):
        super().__init__(tokens, memo, ask)
        if capitals is not None:
            _check_memo(capitals)
        if completing is not None:
            _check_memo(completing)
        self._capitalised = capitalised
        self._completes = completes
        self._capitals = capitals
        self._completing = completing

    def __call__(self, Py_ssize_t first, Py_ssize_t second):
        cdef Tokens tokens = self._tokens
        cdef Doc doc = tokens._doc
        cdef PyObject* known
        tokens._check(first, second)
        if second != first + 1 or not doc.c[first].spacy:
            return False
        if second + 1 < doc.length:
            if self._capitals is None:
                capital = self._capitalised(tokens._strings[doc.c[second + 1].lex.orth])
            else:
                known = PyDict_GetItem(self._capitals, doc.c[second + 1].lex.orth)
                capital = <object>known if known != NULL else self._capitalised(doc.c[second + 1].lex.orth, tokens._strings)
            if capital:
                return False
        found = _asked(self._memo, self._ask, tokens._orths[first], tokens._orths[second], tokens._strings)
        if found and first > 0 and doc.c[first - 1].spacy:
            # (a title's complement between the title and the surname: `completes`, asked of the three)
            if self._completing is not None:
                known = PyDict_GetItem(
                    self._completing, (tokens._orths[first - 1], tokens._orths[first], tokens._orths[second])
                )
                if known != NULL:
                    return False if <object>known else found
            if self._completes(tokens._orths[first - 1], tokens._orths[first], tokens._orths[second], tokens._strings):
                return False
        return found


cdef int _check_memo(object memo) except -1:
    """A memo is a dict (`PyDict_GetItem` reads it as one)."""
    if not isinstance(memo, dict):
        raise TypeError(f"the memo must be a dict, not {type(memo).__name__}")
    return 0


cdef inline object _asked(object memo, object ask, uint64_t first, uint64_t second, object strings):
    """The memo's answer for these two orths, else `ask`'s (which keeps it there)."""
    cdef object key = (first, second)
    cdef PyObject* found = PyDict_GetItem(memo, key)  # (borrowed; NULL if absent)
    if found != NULL:
        return <object>found
    return ask(first, second, strings)


cdef class Planner:
    """`sparse.plan` in C, for the part bits and reach it is made with (`sparse.planned`): what to
    read of a document, from its tokens that can be of a name. The same steps, in the same order, with
    the same calls of `share`, `other`, `completes` and `pair` (each a Python function, asked of few
    pairs and memoised by the caller); a test holds the two to each other on random documents.

    Why: on warm news that names nobody in the gazetteer, most documents still hold a few dozen
    words that may be of a name (given names, words of alias phrases: "John", "Bank"), and `plan`'s
    loops over them in Python were the largest part of what the component did, more than the scan."""

    cdef int _alias_part, _person_part, _anchor, _tailed, _fuzzy_anchor, _near, _before, _after

    def __init__(
        self, int alias_part, int person_part, int anchor, int tailed, int fuzzy_anchor,
        int near, int before, int after,
    ):
        self._alias_part, self._person_part, self._anchor = alias_part, person_part, anchor
        self._tailed, self._fuzzy_anchor = tailed, fuzzy_anchor
        self._near, self._before, self._after = near, before, after

    def plan(
        self, list positions, list kinds, object share=None, object other=None, object completes=None,
        object pair=None,
    ):
        """(the tokens read at once, the lone person parts): `sparse.plan`."""
        cdef Py_ssize_t n = len(positions), i
        if n == 0:
            return [], []
        if len(kinds) != n:
            raise ValueError(f"{n} positions and {len(kinds)} kinds")
        cdef int* at = <int*>PyMem_Malloc(2 * n * sizeof(int))
        cdef unsigned char* flags = <unsigned char*>PyMem_Malloc(2 * n)
        if at == NULL or flags == NULL:
            PyMem_Free(at)
            PyMem_Free(flags)
            raise MemoryError()
        cdef int* kind = at + n
        cdef unsigned char* together = flags
        cdef unsigned char* after = flags + n
        try:
            for i in range(n):
                at[i] = positions[i]
                kind[i] = kinds[i]
            return self._plan(at, kind, together, after, n, share, other, completes, pair)
        finally:
            PyMem_Free(at)
            PyMem_Free(flags)

    cdef tuple _plan(
        self, int* at, int* kind, unsigned char* together, unsigned char* after, Py_ssize_t n,
        object share, object other, object completes, object pair,
    ):
        cdef Py_ssize_t i, j
        cdef int anchors = self._anchor | self._fuzzy_anchor
        cdef bint firm = False, fuzzy = False, within
        cdef object paired = pair if pair is not None else share
        self._together(at, kind, together, n, paired)
        if other is not None and self._after_other_names(at, kind, together, after, n, other):
            self._as_lone(at, kind, together, after, n, share, paired)  # (kind and together rewritten)
        for i in range(n):
            firm = firm or (kind[i] & self._anchor) != 0 or together[i]
            fuzzy = fuzzy or (kind[i] & self._fuzzy_anchor) != 0
        if not firm and not fuzzy:
            return [], []
        at_once = [at[i] for i in range(n) if kind[i] & anchors or together[i]]
        if not firm:
            within = False
            for i in range(n):
                if kind[i] & self._alias_part:
                    for j in range(n):
                        if (kind[j] & anchors or together[j]) and at[j] - self._before <= at[i] <= at[j] + self._after:
                            if completes is None or completes(at[j], at[i]):
                                within = True
                                break
                if within:
                    break
            if not within:
                return [], []
        lone = [at[i] for i in range(n) if kind[i] & self._person_part and not (kind[i] & anchors or together[i])]
        return at_once, lone

    cdef int _together(self, int* at, int* kind, unsigned char* together, Py_ssize_t n, object share) except -1:
        """`sparse._together`, into `together`."""
        cdef Py_ssize_t i, j
        cdef int both, paired = self._person_part | self._tailed
        for i in range(n):
            together[i] = 0
        for i in range(n - 1):
            if not kind[i] & paired:
                continue
            j = i + 1
            while j < n and at[j] - at[i] <= self._near:
                both = kind[i] & kind[j]
                if both & self._tailed or (both & self._person_part and (share is None or share(at[i], at[j]))):
                    together[i] = together[j] = 1
                j += 1
        return 0

    cdef bint _after_other_names(
        self, int* at, int* kind, unsigned char* together, unsigned char* after, Py_ssize_t n, object other,
    ) except -1:
        """`sparse._after_other_names`, into `after` (one flag per token); whether any is set."""
        cdef Py_ssize_t i
        cdef int position
        cdef bint found = False
        for i in range(n):
            after[i] = 0
        for i in range(n):
            if not kind[i] & self._anchor:
                continue
            position = at[i]
            if kind[i] & ~(self._anchor | self._person_part) or together[i] or position == 0:
                continue
            if i > 0 and at[i - 1] == position - 1:
                if kind[i - 1] != self._person_part or together[i - 1] or (i > 1 and at[i - 2] == position - 2):
                    continue
            elif i > 0 and at[i - 1] == position - 2:
                continue
            if i + 1 < n and at[i + 1] - position <= self._near and kind[i + 1] != self._person_part:
                continue
            if other(position - 1, position):
                after[i] = 1
                found = True
        return found

    cdef int _as_lone(
        self, int* at, int* kind, unsigned char* together, unsigned char* after, Py_ssize_t n, object share,
        object paired,
    ) except -1:
        """`sparse._as_lone`: the surnames flagged in `after` made lone person parts in `kind`, and
        `together` made again, but for those kept as they were."""
        cdef Py_ssize_t i, j
        cdef int anchors = self._anchor | self._fuzzy_anchor
        cdef int* original = <int*>PyMem_Malloc(n * sizeof(int))
        if original == NULL:
            raise MemoryError()
        cdef bint changed = False, shared
        try:
            for i in range(n):
                original[i] = kind[i]
                if after[i]:
                    kind[i] = self._person_part
            self._together(at, kind, together, n, paired)
            read = [at[j] for j in range(n) if kind[j] & anchors or together[j]]
            for i in range(n):
                if not after[i]:
                    continue
                shared = False
                if not together[i]:
                    for p in read:
                        if share is None or share(p, at[i]):
                            shared = True
                            break
                if together[i] or shared:  # not kept: read at once, as it was
                    after[i] = 0
                    changed = True
            if changed:
                for i in range(n):
                    kind[i] = self._person_part if after[i] else original[i]
                self._together(at, kind, together, n, paired)
        finally:
            PyMem_Free(original)
        return 0
