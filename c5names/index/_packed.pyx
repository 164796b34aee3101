# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""A word's packed postings read in C: which of many entities hold a posting there, and what each
holds, for a common name's thousands of holders at a million persons.

Why: a lookup of a full name whose given name is common (Nurlan Muratovic Sagintajev, Qodir
Faridunovich Sharifov) asks, of tens of thousands of postings, who of the given name's holders goes
on in the next words (`WordHits.members_array`, `members_mask`), and then what each of the hundred
or so left holds in each word (`WordHits.hit_keys`, the parse signatures of `match.shapes`). With
numpy each of those is a dozen array operations per group of the word (a word has up to ten: its key
as written, stems, fuzzy neighbours), each a microsecond or more whatever its size, and a flag array
by entity number made afresh (a megabyte at a million persons): the forty slowest of 2,000 exact
lookups took 3.5 ms, of which these reads about 1.8, and take 2.0 with them. Here each is one pass:

- `members_of_many`: the entities of many (any order, repeats) with a posting in the word, sorted,
  each once. A bit per entity number is set in scratch bits kept zeroed between calls (they grow to
  the largest entity number met, 125 KB at a million persons, and the GIL, which this module never
  releases, keeps two threads from sharing them mid-call); those found are set in a second set of
  bits, read back in order, so nothing is sorted.
- `held_mask`: which of a sorted list of entities hold a posting (of a role) in the word; each
  group's postings are in entity order, so one galloping walk per group finds every entity's run
  (or, for many entities against fewer postings, the postings' bits are set and read).
- `hit_keys`: per entity of a sorted list, its postings' codes (role, position, length, group,
  romanised, form), each posting once, as `WordHits.hit_keys` makes them with numpy; None when an
  alias phrase's posting is among them (numbered by its text, which numpy's path does).
- `leads`: the entities whose name part starts in the word, and those of them whose surname does.
- `of_role`: a word's postings of one role (its alias phrases', which are few, among thousands).

This module is optional, as `_near` is: the build compiles it when it can (`hatch_build.py`),
`postings` uses it when it was built (`native.packed_module`), and its numpy path, which gives the
same answers (tests hold them to each other), serves otherwise.
"""

from cpython.bytes cimport PyBytes_FromStringAndSize
from libc.stdint cimport int64_t, uint8_t, uint64_t
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memset

import numpy

cdef extern from *:
    """
    #if defined(__GNUC__) || defined(__clang__)
    #define C5NAMES_CTZ(bits) __builtin_ctzll(bits)
    #else
    static int C5NAMES_CTZ(unsigned long long bits) { int n = 0; while (!(bits & 1)) { bits >>= 1; n++; } return n; }
    #endif
    """
    int _trailing_zeros "C5NAMES_CTZ"(uint64_t bits) noexcept nogil

cdef enum:
    ENTITY_SHIFT = 39
    ROLE_SHIFT = 36
    ALIAS_CODE = 4
    SURNAME_CODE = 2

cdef int64_t REF_MASK = 0xFFFFFF

# Two sets of scratch bits by entity number, zero between calls (see the module's docstring): a bit,
# not a byte, an entity, so that a million persons' fit a CPU's second-level cache (125 KB each). The
# second holds what was found, read back in entity order, so that nothing found needs sorting.
cdef uint64_t* _bits = NULL
cdef uint64_t* _found = NULL
cdef int64_t _bit_words = 0


cdef int _ensure_bits(int64_t count) except -1:
    """Grow both sets of scratch bits to `count` entity numbers, the new ones zero."""
    global _bits, _found, _bit_words
    cdef uint64_t* grown
    cdef int64_t words = (count + 63) >> 6
    if words <= _bit_words:
        return 0
    grown = <uint64_t*>realloc(_bits, words * sizeof(uint64_t))
    if grown == NULL:
        raise MemoryError()
    memset(grown + _bit_words, 0, (words - _bit_words) * sizeof(uint64_t))
    _bits = grown
    grown = <uint64_t*>realloc(_found, words * sizeof(uint64_t))
    if grown == NULL:
        raise MemoryError()
    memset(grown + _bit_words, 0, (words - _bit_words) * sizeof(uint64_t))
    _found = grown
    _bit_words = words
    return 0


cdef int64_t _largest(list packed, int64_t largest) except -2:
    """The largest of `largest` and the entities of the `packed` arrays (each one's last, as they are
    in entity order)."""
    cdef const int64_t[::1] values
    for array in packed:
        values = array
        if values.shape[0] and (values[values.shape[0] - 1] >> ENTITY_SHIFT) > largest:
            largest = values[values.shape[0] - 1] >> ENTITY_SHIFT
    return largest


def members_of_many(list packed, const int64_t[::1] entities):
    """The entities of `entities` (any order, repeats) with a posting in one of the `packed` arrays
    (a word's distinct groups, each in entity order), sorted, each once: int64 array."""
    cdef Py_ssize_t n = entities.shape[0], i, j, m, found = 0
    cdef int64_t e, largest = -1, low, high, w
    cdef uint64_t bits, bit
    cdef const int64_t[::1] values
    for i in range(n):
        if entities[i] > largest:
            largest = entities[i]
    largest = _largest(packed, largest)
    if largest < 0 or n == 0:
        return numpy.zeros(0, dtype=numpy.int64)
    _ensure_bits(largest + 1)
    low, high = largest >> 6, 0  # (the words of `_found` written: read back, then zeroed)
    for i in range(n):
        e = entities[i]
        _bits[e >> 6] |= (<uint64_t>1) << (e & 63)
    for array in packed:
        values = array
        m = values.shape[0]
        for j in range(m):
            # (without a branch: whether a posting's entity is flagged is a coin toss the CPU would
            # guess wrong half the time)
            e = values[j] >> ENTITY_SHIFT
            w = e >> 6
            bit = _bits[w] & ((<uint64_t>1) << (e & 63))
            _found[w] |= bit
            if bit:
                found += 1
                low = w if w < low else low
                high = w if w > high else high
    for i in range(n):
        _bits[entities[i] >> 6] = 0
    out = numpy.empty(found, dtype=numpy.int64)  # (an upper bound: a posting met twice counted twice)
    cdef int64_t[::1] kept = out
    found = 0
    if high >= low:
        for w in range(low, high + 1):
            bits = _found[w]
            if bits:
                _found[w] = 0
                while bits:
                    kept[found] = (w << 6) | _trailing_zeros(bits)
                    found += 1
                    bits &= bits - 1
    return out[:found]


def of_role(list packed, int role):
    """Per array of `packed`, its postings of `role` (its code), as a list of ints."""
    cdef Py_ssize_t j, m
    cdef int64_t value
    cdef const int64_t[::1] values
    out = []
    for array in packed:
        values = array
        m = values.shape[0]
        picked = []
        for j in range(m):
            value = values[j]
            if ((value >> ROLE_SHIFT) & 7) == role:
                picked.append(value)
        out.append(picked)
    return out


cdef inline Py_ssize_t _gallop(const int64_t* values, Py_ssize_t m, Py_ssize_t at, int64_t low) noexcept:
    """The first position from `at` whose value is `low` or more (the m values sorted): doubling
    steps, then a binary search, so a walk over a sorted list of entities costs little per entity."""
    cdef Py_ssize_t step = 1, high
    if at >= m or values[at] >= low:
        return at
    high = at + 1
    while high < m and values[high] < low:
        at = high
        step <<= 1
        high = at + step
    return _lower_bound(values, at + 1, high if high < m else m, low)


cdef inline Py_ssize_t _lower_bound(const int64_t* values, Py_ssize_t at, Py_ssize_t high, int64_t low) noexcept:
    """The first position in [at, high) whose value is `low` or more, or `high` (values sorted)."""
    cdef Py_ssize_t middle
    while at < high:
        middle = (at + high) >> 1
        if values[middle] < low:
            at = middle + 1
        else:
            high = middle
    return at


def held_mask(list packed, const int64_t[::1] wanted, int role=-1):
    """Which of `wanted` (entity numbers, sorted, each once) hold a posting in one of the `packed`
    arrays (each in entity order), of `role` (its code) or of any role (-1): bool array.

    A few entities are each found by a galloping walk per array; many against few postings (a common
    given name's holders asked of the next word) by the postings' bits, set, read and zeroed."""
    cdef Py_ssize_t n = wanted.shape[0], i, at, q, m, postings = 0
    cdef int64_t e, largest
    cdef const int64_t[::1] values
    out = numpy.zeros(n, dtype=bool)
    cdef uint8_t[::1] held = out.view(numpy.uint8)
    if n == 0:
        return out
    for array in packed:
        postings += len(array)
    if n * len(packed) > postings:
        largest = _largest(packed, wanted[n - 1])
        _ensure_bits(largest + 1)
        for array in packed:
            values = array
            for q in range(values.shape[0]):
                if role < 0 or ((values[q] >> ROLE_SHIFT) & 7) == role:
                    e = values[q] >> ENTITY_SHIFT
                    _bits[e >> 6] |= (<uint64_t>1) << (e & 63)
        for i in range(n):
            e = wanted[i]
            held[i] = (_bits[e >> 6] >> (e & 63)) & 1
        for array in packed:
            values = array
            for q in range(values.shape[0]):
                _bits[values[q] >> (ENTITY_SHIFT + 6)] = 0
        return out
    for array in packed:
        values = array
        m = values.shape[0]
        if m == 0:
            continue
        at = 0
        for i in range(n):
            if held[i]:
                continue
            e = wanted[i]
            at = _gallop(&values[0], m, at, e << ENTITY_SHIFT)
            if at >= m:
                break
            q = at
            while q < m and (values[q] >> ENTITY_SHIFT) == e:
                if role < 0 or ((values[q] >> ROLE_SHIFT) & 7) == role:
                    held[i] = 1
                    break
                q += 1
    return out


def hit_keys(list packed, list exact_marks, const int64_t[::1] wanted, const int64_t[::1] written):
    """Per entity of `wanted` (sorted, each once), the bytes of its postings' codes as
    `WordHits.hit_keys` makes them: group by group (`packed`, each in entity order), a posting met
    twice kept once (its first), and of a group of `exact_marks` (the group's written mark, None for a
    group that is not exact) romanised when the entity's mark is not in `written` (sorted). None when
    an alias phrase's posting is among them."""
    cdef Py_ssize_t groups = len(packed), n = wanted.shape[0], i, g, q, m, k, s, count, size = 64
    cdef Py_ssize_t low_at
    cdef int64_t e, value, mark, code, romanised, marked
    cdef const int64_t[::1] values
    cdef const int64_t[::1] listed = written
    cdef Py_ssize_t listed_count = written.shape[0]
    cdef Py_ssize_t* at = <Py_ssize_t*>malloc(max(groups, 1) * sizeof(Py_ssize_t))
    cdef Py_ssize_t* lengths = <Py_ssize_t*>malloc(max(groups, 1) * sizeof(Py_ssize_t))
    cdef const int64_t** starts = <const int64_t**>malloc(max(groups, 1) * sizeof(int64_t*))
    cdef const int64_t* run
    cdef int64_t* marks = <int64_t*>malloc(max(groups, 1) * sizeof(int64_t))
    cdef int64_t* codes = <int64_t*>malloc(size * sizeof(int64_t))
    cdef int64_t* seen = <int64_t*>malloc(size * sizeof(int64_t))
    cdef int64_t* grown
    if at == NULL or lengths == NULL or starts == NULL or marks == NULL or codes == NULL or seen == NULL:
        free(at); free(lengths); free(starts); free(marks); free(codes); free(seen)
        raise MemoryError()
    out = []
    try:
        for g in range(groups):
            # (each group's buffer read once: `packed` holds the arrays for the call)
            values = packed[g]
            at[g] = 0
            lengths[g] = values.shape[0]
            starts[g] = &values[0] if lengths[g] else NULL
            marks[g] = -1 if exact_marks[g] is None else <int64_t>exact_marks[g]
        for i in range(n):
            e = wanted[i]
            count = 0
            for g in range(groups):
                run, m = starts[g], lengths[g]
                at[g] = _gallop(run, m, at[g], e << ENTITY_SHIFT)
                q = at[g]
                while q < m and (run[q] >> ENTITY_SHIFT) == e:
                    value = run[q]
                    q += 1
                    if ((value >> ROLE_SHIFT) & 7) == ALIAS_CODE:
                        return None
                    mark = value & ~REF_MASK
                    for s in range(count):
                        if seen[s] == mark:
                            break
                    else:
                        if count == size:
                            size *= 2
                            grown = <int64_t*>realloc(codes, size * sizeof(int64_t))
                            if grown == NULL:
                                raise MemoryError()
                            codes = grown
                            grown = <int64_t*>realloc(seen, size * sizeof(int64_t))
                            if grown == NULL:
                                raise MemoryError()
                            seen = grown
                        romanised = 0
                        if marks[g] >= 0:
                            marked = marks[g] | e
                            low_at = _lower_bound(&listed[0], 0, listed_count, marked) if listed_count else 0
                            romanised = 0 if low_at < listed_count and listed[low_at] == marked else 1
                        code = ((value >> 24) & 0x7FFF) | (<int64_t>g << 15) | (romanised << 31) | ((value & REF_MASK) << 32)
                        seen[count] = mark
                        codes[count] = code
                        count += 1
            out.append(PyBytes_FromStringAndSize(<char*>codes, count * 8))
    finally:
        free(at)
        free(lengths)
        free(starts)
        free(marks)
        free(codes)
        free(seen)
    return out


def leads(list packed):
    """(the entities of the `packed` arrays' postings at the start of a name part that is not an
    alias phrase's, of which those of a surname), in the arrays' order, repeats and all: int64 arrays."""
    cdef Py_ssize_t j, m, total = 0, firsts = 0, surnames = 0
    cdef int64_t value, role
    cdef const int64_t[::1] values
    for array in packed:
        total += len(array)
    first_out = numpy.empty(total, dtype=numpy.int64)
    surname_out = numpy.empty(total, dtype=numpy.int64)
    cdef int64_t[::1] first = first_out
    cdef int64_t[::1] surname = surname_out
    for array in packed:
        values = array
        m = values.shape[0]
        for j in range(m):
            value = values[j]
            if (value >> 30) & 63 == 0:
                role = (value >> ROLE_SHIFT) & 7
                if role != ALIAS_CODE:
                    first[firsts] = value >> ENTITY_SHIFT
                    firsts += 1
                    if role == SURNAME_CODE:
                        surname[surnames] = value >> ENTITY_SHIFT
                        surnames += 1
    return first_out[:firsts], surname_out[:surnames]
