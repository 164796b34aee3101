# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The fuzzy index's reads in C: the keys a query's deletion hashes reach in a large index, the
keys of a block within an edit or two of a query in a small one.

Why: in a large index (`neighbours.DeletionIndex`), a query's deletion hashes are looked up in their
buckets of a directory, and the keys they reach are narrowed to those that begin alike and are near
its length. With numpy that is some eighteen array operations, each costing about a microsecond
whatever its size, for a query that reaches a handful of keys: 27 µs for a new word of a text at
100,000 persons, where this one loop over the buckets takes 10. Every word a lookup or a text brings
pays it, found or not.

The query's deletion hashes are made here too (`reached_from_key`): the crc32 of the key and of
every string made by deleting one or two of its letters, as `neighbours.deletion_hashes` makes them
with zlib (the same table-driven CRC, so the same values), without a Python string or int per
variant: at 100,000 persons, a query's reached keys took 9.2 µs with its hashes made in Python (about a
fifth of a new word's cost) and take 4.7 so. The keys reached are then compared with the query here
as well (`nearest_from_key`), as the small index's blocks are: at a million persons a query reaches
about fifty keys, and the set of their numbers, the list of their strings and rapidfuzz's call over
it cost a word of a lookup about 15 µs of its 55 (now 38, most of it the reads of tables of hundreds
of megabytes: some 225 hashes equal to a variant's, each sending to its key's start and length).
Those reads miss the CPU's caches, and read one after the other each waited for the last. They are
now made in rounds (`_gather`: every variant's directory entry, then every bucket, then every key
reached, then the keys' strings), each read of a round asked for ahead (prefetched) before any is
used, so that the misses overlap: at a million persons a word's neighbours took 38-42 µs and take
19-25, with the same answers.

A small index (`neighbours.DeletionIndex` below `SCAN_BELOW` keys; the default gazetteer's) is read
by blocks instead: the keys that begin like a query and are near its length (`Block`). Every new
word of a text asks it, and most find nothing. In Python, a block's keys are first gathered into
dictionaries by the pieces of a query they keep whole (`neighbours._pieces`), 12 to 19 ms a language
on a process's first text, and each query is then a few dictionary reads and a rapidfuzz call. Here
one loop compares the pieces with each key's letters, eight at a time as words, and computes a
distance (bit-parallel, as rapidfuzz does; a longer query than 64 letters stays in Python) only for
a key that keeps one. Nothing is built but the keys laid end to end, and a new word's neighbours
cost about half the instructions on a process's first text (English 28,000 → 13,300 a query, Russian
41,700 → 14,300) and a tenth fewer once the Python path's pieces are built (14,300 → 12,900; 15,200
→ 13,500).

Most new words of a text keep no piece of any key of their block, and the loop found that key by
key (a block holds 37 keys at the median, 529 at most, in the default index). Each block now keeps a
sieve: the bits of the hashes of the pieces its keys keep whole, for the one query length and cuts it
serves (`Block._sift`); a query none of whose pieces has its bit set skips the loop. And the
capitalised new words of a document are settled together (`UnknownProbe`): one call for the words
of ASCII letters, where each took some fifteen Python calls. Measured as whole processes, old and
new alternated (the no-names corpus, cold): French .435 → .484 of a blank pipeline, German .429 →
.453, English .377 → .411, at the median of six.

This module is optional, as `_scan` is: the build compiles it when it can (`hatch_build.py`),
`neighbours` uses it when it was built (`native.near_module`), and its numpy and Python paths, which
give the same answers (tests hold them to each other), serve otherwise.
"""

from libc.stdint cimport int32_t, int64_t, uint32_t, uint64_t
from libc.stdlib cimport free, malloc, qsort, realloc
from libc.string cimport memcmp, memcpy, memset


cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object text)
    Py_ssize_t PyUnicode_GET_LENGTH(object text)
    void* PyUnicode_DATA(object text)
    int PyUnicode_KIND(object text)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index)
    void* PyList_GET_ITEM(object items, Py_ssize_t index)
    object PyUnicode_FromStringAndSize(const char* text, Py_ssize_t size)

# The CRC-32 of zlib (reflected, polynomial 0xEDB88320), one byte at a time from a table.
cdef uint32_t CRC_TABLE[256]


cdef void _fill_crc_table():
    cdef uint32_t c
    cdef int n, k
    for n in range(256):
        c = n
        for k in range(8):
            c = (0xEDB88320 ^ (c >> 1)) if c & 1 else (c >> 1)
        CRC_TABLE[n] = c


_fill_crc_table()


cdef inline uint32_t _crc_without(const unsigned char* s, int n, int skip, int skip2) noexcept:
    """zlib.crc32 of the n bytes at s less those at positions skip and skip2 (-1: none)."""
    cdef uint32_t c = 0xFFFFFFFF
    cdef int i
    for i in range(n):
        if i == skip or i == skip2:
            continue
        c = CRC_TABLE[(c ^ s[i]) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def crc32_without(bytes key, int skip=-1, int skip2=-1):
    """zlib.crc32 of `key` less the bytes at `skip` and `skip2` (-1: none): what the hashes here are."""
    return _crc_without(key, len(key), skip, skip2)


cdef struct _Numbers:
    # key numbers gathered from the buckets (repeats and all), in a growing C array
    int32_t* at
    int count
    int size


cdef extern from *:
    """
    #if defined(__GNUC__) || defined(__clang__)
    #define C5NAMES_PREFETCH(address) __builtin_prefetch((const void*)(address))
    #else
    #define C5NAMES_PREFETCH(address) ((void)0)
    #endif
    """
    void _prefetch "C5NAMES_PREFETCH"(const void* address) noexcept nogil


cdef int _add(_Numbers* found, int32_t number) except -1:
    """Append a key number to the growing array (doubled when full)."""
    cdef int32_t* grown
    if found.count == found.size:
        found.size = 64 if found.size == 0 else 2 * found.size
        grown = <int32_t*>realloc(found.at, found.size * sizeof(int32_t))
        if grown == NULL:
            raise MemoryError()
        found.at = grown
    found.at[found.count] = number
    found.count += 1
    return 0


cdef int _gather(
    const uint32_t* wanted, int count, const uint32_t[::1] hashes, const int32_t[::1] numbers,
    const int32_t[::1] directory, int shift, const uint32_t[::1] starts, const int32_t[::1] lengths,
    uint32_t start, int length, int edits, _Numbers* found,
) except -1:
    """Add the suiting keys stored under each of the `count` hashes at `wanted` to `found` (see
    `reached`), in rounds: every hash's directory entry, then every bucket, then every key reached.
    Each read of a round is asked for (prefetched) before any is used, so that the reads of tables
    of hundreds of megabytes, each a miss of the CPU's caches, overlap instead of following one
    another: read one hash at a time, a query of a dozen letters waited for some 300 of them in turn."""
    cdef int64_t buckets = len(directory) - 1, b, i
    cdef int k, m
    cdef int32_t number, gap
    cdef int64_t* bounds = NULL
    cdef _Numbers reached = _Numbers(NULL, 0, 0)
    if count <= 0:
        return 0
    for k in range(count):
        b = wanted[k] >> shift
        if b >= buckets:
            raise IndexError(f"hash {wanted[k]} beyond the directory's {buckets} buckets")
        _prefetch(&directory[b])
    bounds = <int64_t*>malloc(2 * count * sizeof(int64_t))
    if bounds == NULL:
        raise MemoryError()
    try:
        for k in range(count):
            b = wanted[k] >> shift
            bounds[2 * k] = directory[b]
            bounds[2 * k + 1] = directory[b + 1]
            if bounds[2 * k] < bounds[2 * k + 1]:
                _prefetch(&hashes[bounds[2 * k]])
                _prefetch(&numbers[bounds[2 * k]])
        for k in range(count):
            for i in range(bounds[2 * k], bounds[2 * k + 1]):
                if hashes[i] != wanted[k]:
                    continue
                number = numbers[i]
                _prefetch(&starts[number])
                _prefetch(&lengths[number])
                _add(&reached, number)
        for m in range(reached.count):
            number = reached.at[m]
            if starts[number] != start:
                continue
            gap = lengths[number] - length
            if -edits <= gap <= edits:
                _add(found, number)
    finally:
        free(bounds)
        free(reached.at)
    return 0


cdef int _gather_key(
    const unsigned char* s, int n, int depth, const uint32_t[::1] hashes, const int32_t[::1] numbers,
    const int32_t[::1] directory, int shift, const uint32_t[::1] starts, const int32_t[::1] lengths,
    uint32_t start, int edits, _Numbers* found,
) except -1:
    """`_gather` for the deletion hashes of the n ASCII bytes at s (`neighbours.deletion_hashes(key,
    depth)`: the key, every one-letter deletion, and with depth 2 every two-letter deletion), made
    here; the query's length is the key's."""
    cdef int i, j, count = 0
    cdef uint32_t* wanted = <uint32_t*>malloc((1 + n + (n * (n - 1) // 2 if depth > 1 else 0)) * sizeof(uint32_t))
    if wanted == NULL:
        raise MemoryError()
    try:
        wanted[count] = _crc_without(s, n, -1, -1)
        count += 1
        for i in range(n):
            wanted[count] = _crc_without(s, n, i, -1)
            count += 1
            if depth > 1:
                for j in range(i + 1, n):
                    wanted[count] = _crc_without(s, n, i, j)
                    count += 1
        _gather(wanted, count, hashes, numbers, directory, shift, starts, lengths, start, n, edits, found)
    finally:
        free(wanted)
    return 0


cdef int _by_number(const void* a, const void* b) noexcept nogil:
    cdef int32_t x = (<const int32_t*>a)[0], y = (<const int32_t*>b)[0]
    return (x > y) - (x < y)


cdef void _sort_once(_Numbers* found) noexcept nogil:
    """Sort the gathered numbers and keep each once."""
    cdef int i, kept = 0
    if found.count == 0:
        return
    qsort(found.at, found.count, sizeof(int32_t), _by_number)
    for i in range(1, found.count):
        if found.at[i] != found.at[kept]:
            kept += 1
            found.at[kept] = found.at[i]
    found.count = kept + 1


cdef list _listed(_Numbers* found):
    _sort_once(found)
    return [found.at[i] for i in range(found.count)]


def reached(
    list wanted, const uint32_t[::1] hashes, const int32_t[::1] numbers, const int32_t[::1] directory,
    int shift, const uint32_t[::1] starts, const int32_t[::1] lengths, uint32_t start, int length, int edits,
):
    """The numbers (sorted, each once) of the keys stored under one of the `wanted` hashes whose start
    class is `start` and whose length is within `edits` of `length`. `hashes` are sorted, and the
    hashes whose top bits (`hash >> shift`) are b lie at positions directory[b] to directory[b + 1]
    (`neighbours.bucket_directory`); `numbers[i]` is the key stored under `hashes[i]`, and `starts`
    and `lengths` are per key."""
    cdef _Numbers found = _Numbers(NULL, 0, 0)
    cdef int k, count = len(wanted)
    cdef uint32_t* values = <uint32_t*>malloc(max(count, 1) * sizeof(uint32_t))
    if values == NULL:
        raise MemoryError()
    try:
        for k in range(count):
            values[k] = wanted[k]
        _gather(values, count, hashes, numbers, directory, shift, starts, lengths, start, length, edits, &found)
        return _listed(&found)
    finally:
        free(values)
        free(found.at)


def reached_from_key(
    bytes key, int depth, const uint32_t[::1] hashes, const int32_t[::1] numbers, const int32_t[::1] directory,
    int shift, const uint32_t[::1] starts, const int32_t[::1] lengths, uint32_t start, int edits,
):
    """`reached` for the deletion hashes of an ASCII key, made here (`_gather_key`)."""
    cdef _Numbers found = _Numbers(NULL, 0, 0)
    try:
        _gather_key(key, len(key), depth, hashes, numbers, directory, shift, starts, lengths, start, edits, &found)
        return _listed(&found)
    finally:
        free(found.at)


# The longest query a block scan compares (`neighbours.NATIVE_SCAN_MAX` keeps longer ones in Python):
# its letters are the bits of one word in `_bit_distance`.
cdef enum:
    MAX_QUERY = 64


cdef struct _Columns:
    # the state of Hyyrö's bit-parallel Levenshtein after some letters of the other string
    uint64_t vp
    uint64_t vn
    int distance


cdef inline void _step(_Columns* c, uint64_t x, uint64_t last) noexcept nogil:
    """One letter of the other string, whose bits in the query are x (`peq[letter]`)."""
    cdef uint64_t d0 = (((x & c.vp) + c.vp) ^ c.vp) | x | c.vn
    cdef uint64_t hp = c.vn | ~(d0 | c.vp), hn = d0 & c.vp
    if hp & last:
        c.distance += 1
    elif hn & last:
        c.distance -= 1
    hp = (hp << 1) | 1
    hn = hn << 1
    c.vp = hn | ~(d0 | hp)
    c.vn = hp & d0


cdef inline int _bit_distance(const uint64_t* peq, int m, const unsigned char* b, int n) noexcept nogil:
    """The Levenshtein distance of a query of m letters (1 to 64), given as `peq` (bit i of peq[c] set
    where the query's letter i is c), and the n bytes at b: Hyyrö's bit-parallel form of Myers'
    algorithm, one step per byte of b (as rapidfuzz computes it), where the table costs m steps each."""
    cdef _Columns c = _Columns(~(<uint64_t>0), 0, m)
    cdef uint64_t last = (<uint64_t>1) << (m - 1)
    cdef int j
    for j in range(n):
        _step(&c, peq[b[j]], last)
    return c.distance


cdef inline void _query_bits(uint64_t* peq, const unsigned char* query, int m) noexcept nogil:
    """Fill `peq` (256 words) for a query of m bytes: bit i of peq[c] set where its letter i is c."""
    memset(peq, 0, 256 * sizeof(uint64_t))
    cdef int i
    for i in range(m):
        peq[query[i]] |= (<uint64_t>1) << i


cdef list _nearest_first(list found, int limit):
    """(key, distance) of (distance, key) pairs: the first `limit`, nearest first, then in key order
    (as `neighbours._nearest` orders them)."""
    found.sort()
    return [(key, distance) for distance, key in found[:limit]]


cdef inline uint64_t _word(const unsigned char* s) noexcept nogil:
    """The 8 bytes at s as one word, in the machine's byte order (compared only with words so read)."""
    cdef uint64_t word
    memcpy(&word, s, 8)
    return word


cdef inline uint64_t _mask(int begin, int end) noexcept nogil:
    """A mask of bytes begin to end (0 ≤ begin ≤ end ≤ 8) of a word read by `_word`."""
    cdef unsigned char pattern[8]
    cdef int k
    for k in range(8):
        pattern[k] = 0xFF if begin <= k < end else 0
    return _word(pattern)


# Bytes of padding before and after a block's keys, and around a query: a word is read at any place
# of a key, up to seven bytes before its start or past its end.
cdef enum:
    PAD = 8


# The bits of a block's sieve (`Block._sift`): 4,096 per kind of piece, in 64 words.
cdef enum:
    SIFT_WORDS = 64


cdef inline uint32_t _piece_bit(const unsigned char* s, int n) noexcept nogil:
    """The sieve bit of a piece of n bytes: its FNV-1a hash, cut to the sieve's size."""
    cdef uint32_t h = 2166136261u
    cdef int i
    for i in range(n):
        h = (h ^ s[i]) * 16777619u
    return h & (SIFT_WORDS * 64 - 1)


cdef inline void _set(uint64_t* bits, uint32_t bit) noexcept nogil:
    bits[bit >> 6] |= (<uint64_t>1) << (bit & 63)


cdef inline bint _has(const uint64_t* bits, uint32_t bit) noexcept nogil:
    return (bits[bit >> 6] >> (bit & 63)) & 1


cdef class Block:
    """One block of a small index (`neighbours.DeletionIndex.blocks`: the keys a query of one start
    class and length can reach), its keys laid end to end as ASCII bytes between PAD zero bytes, key
    i at bounds[i] to bounds[i + 1]. A piece of a query up to eight letters long is compared with a
    key's in one operation on words (`_word`)."""

    cdef bytes _data
    cdef int32_t* _bounds
    cdef int _count
    cdef readonly list keys
    # The pieces the keys keep whole, for queries of one length and cuts (`_sift`), as bits of their
    # hashes: a query none of whose pieces has its bit set keeps no key, and the loop is skipped.
    cdef uint64_t _heads[SIFT_WORDS]
    cdef uint64_t _tails[SIFT_WORDS]
    cdef uint64_t _middles[SIFT_WORDS]
    cdef int _sifted[4]  # (query length, first cut, second cut, edits) the bits are of; -1: none yet

    def __cinit__(self):
        self._bounds = NULL
        self._sifted[0] = -1

    def __init__(self, list keys):
        joined = "".join(keys)
        if not joined.isascii():
            raise ValueError("a block's keys are compared as ASCII bytes; this one has other letters")
        free(self._bounds)
        self._bounds = <int32_t*>malloc((len(keys) + 1) * sizeof(int32_t))
        if self._bounds == NULL:
            raise MemoryError()
        cdef int i, at = PAD
        self._bounds[0] = at
        for i in range(len(keys)):
            at += len(keys[i])
            self._bounds[i + 1] = at
        self._count = len(keys)
        self._data = bytes(PAD) + joined.encode() + bytes(PAD)
        self.keys = keys

    def __dealloc__(self):
        free(self._bounds)

    def near(self, str key, int edits, int first, int second, int limit):
        """(key, distance) of the block's keys that keep a piece of `key` whole and are within `edits`
        of it, other than `key` itself: the first `limit` of them, nearest first, then in key order
        (as `neighbours._nearest` orders them). None for a key of other letters than ASCII (the block's are
        compared as bytes). The pieces are `neighbours._pieces`': `key`
        cut at `first` and `second` (`neighbours._cuts`); a key keeps the first if it begins with
        it, the last if it ends with it, and (two edits) the middle one if it holds it where `key`
        does, moved by one place at most."""
        if not PyUnicode_IS_ASCII(key):
            return None
        out = []
        self._compare(<const unsigned char*>PyUnicode_DATA(key), PyUnicode_GET_LENGTH(key), edits, first, second, out)
        return _nearest_first(out, limit) if out else out

    cdef void _sift(self, int n, int first, int second, int edits) noexcept:
        """Set the bits of the pieces the keys keep whole for a query of n letters cut at `first` and
        `second`, as `_compare`'s loop tests them: a key's first `first` letters (if it has so many),
        its last n - `second`, and (two edits) its letters `first` - 1 to `first` + 1 on, as many as
        the middle piece has. A key's bits are a superset of what the loop may keep it for: the test
        can only let through a query the loop then refuses, never stop one it would keep."""
        cdef int tail = n - second, middle = second - first, i, length, begin
        cdef const unsigned char* data = self._data
        cdef const unsigned char* other
        memset(self._heads, 0, sizeof(self._heads))
        memset(self._tails, 0, sizeof(self._tails))
        memset(self._middles, 0, sizeof(self._middles))
        for i in range(self._count):
            length = self._bounds[i + 1] - self._bounds[i]
            other = data + self._bounds[i]
            if length >= first:
                _set(self._heads, _piece_bit(other, first))
            if length >= tail:
                _set(self._tails, _piece_bit(other + length - tail, tail))
            if edits == 2:
                for begin in range(first - 1, first + 2):
                    if begin >= 0 and begin + middle <= length:
                        _set(self._middles, _piece_bit(other + begin, middle))
        self._sifted[0], self._sifted[1], self._sifted[2], self._sifted[3] = n, first, second, edits

    cdef int _compare(
        self, const unsigned char* key, int n, int edits, int first, int second, list out
    ) except -1:
        """`near`'s loop over a key of n ASCII bytes: every key of the block within `edits` appended to
        `out` as (distance, key), and their number returned; with `out` None, 1 at the first such key
        (`UnknownProbe` asks only whether there is one)."""
        cdef int tail = n - second, middle = second - first
        if not 0 <= first <= second <= n or not 1 <= n <= MAX_QUERY:
            raise ValueError(f"cuts {first}, {second} of a key of {n} letters (1 to {MAX_QUERY})")
        if not (self._sifted[0] == n and self._sifted[1] == first and self._sifted[2] == second
                and self._sifted[3] == edits):
            self._sift(n, first, second, edits)
        if not (
            _has(self._heads, _piece_bit(key, first))
            or _has(self._tails, _piece_bit(key + second, tail))
            or (edits == 2 and _has(self._middles, _piece_bit(key + first, middle)))
        ):
            return 0  # (most queries: no key keeps a piece, as the loop below would find key by key)
        cdef unsigned char padded[MAX_QUERY + 2 * PAD]
        memset(padded, 0, n + 2 * PAD)
        memcpy(padded + PAD, key, n)
        cdef const unsigned char* query = padded + PAD
        cdef const unsigned char* data = self._data
        cdef const unsigned char* other
        cdef int i, length, begin, distance, count = 0
        cdef bint kept, bits = False
        cdef uint64_t peq[256]  # (filled for the first key that keeps a piece: `_bit_distance`)
        # The query's pieces as words, when they fit one (else compared with memcmp: pieces of nine
        # letters and more, of queries of 27 letters and more).
        cdef bint word_first = first <= 8, word_tail = tail <= 8, word_middle = middle <= 8
        cdef uint64_t head_mask = _mask(0, first), head = _word(query) & head_mask
        cdef uint64_t end_mask = _mask(8 - tail, 8), end = _word(query + n - 8) & end_mask
        cdef uint64_t middle_mask = _mask(0, middle), inside = _word(query + first) & middle_mask
        for i in range(self._count):
            length = self._bounds[i + 1] - self._bounds[i]
            other = data + self._bounds[i]
            if length < first:
                kept = False
            elif word_first:
                kept = (_word(other) & head_mask) == head
            else:
                kept = memcmp(other, query, first) == 0
            if not kept and length >= tail:
                if word_tail:
                    kept = (_word(other + length - 8) & end_mask) == end
                else:
                    kept = memcmp(other + length - tail, query + second, tail) == 0
            if not kept and edits == 2:
                for begin in range(first - 1, first + 2):
                    if begin >= 0 and begin + middle <= length:
                        if word_middle:
                            kept = (_word(other + begin) & middle_mask) == inside
                        else:
                            kept = memcmp(other + begin, query + first, middle) == 0
                        if kept:
                            break
            if not kept or (length == n and memcmp(other, query, n) == 0):
                continue
            if not bits:
                _query_bits(peq, query, n)
                bits = True
            distance = _bit_distance(peq, n, other, length)
            if distance <= edits:
                if out is None:
                    return 1
                out.append((distance, self.keys[i]))
                count += 1
        return count


# -- many new words of a text, settled in one call ----------------------------------------------------


cdef class UnknownProbe:
    """`query.surely_unknown` of many words at once, for a small index (`Block`s): a word of ASCII
    letters whose key (`keys.letters_key` of it lowercased) is not indexed, has no indexed key within
    reach in its block, and does not end in one of the language's rule letters (so no stem or
    nominative of it can be read) is surely unknown.

    Why: a text's new capitalised words (the made-up and foreign names of news, most of them known to
    nobody) were each settled by some fifteen Python calls (the word lowercased, its key, the postings,
    the block found and scanned, the rule letter), 2 µs of the 4 to 6 a new word type cost the spaCy
    component. Here one call settles a document's new words, each in one loop with one Python call
    (the key's reading, compiled in `_keys.pyx`); the rest (a word of other letters, or ending in a
    rule letter, or whose block holds keys of other letters) are left to `surely_unknown`.

    `postings` is the index's key → packed postings; `key` reads a lowercase ASCII word's key;
    `compiled` is the index's memo of blocks by (start class, length) (`DeletionIndex._compiled`),
    read here, and `block_for(start, length)` makes and memoises the compiled `Block` a key of that
    start class and length is compared with (empty when no key is in reach), or None when it cannot
    be compiled; `cuts[n]` is
    (edits, first cut, second cut) of a key of n letters (`neighbours._BLOCK_CUTS`); a key shorter than
    `min_fuzzy` letters has no neighbours (`core.NameIndex.fuzzy_keys`)."""

    cdef dict _postings
    cdef object _key
    cdef dict _compiled
    cdef object _block_for
    cdef int _cuts[MAX_QUERY + 1][3]
    cdef int _min_fuzzy

    def __init__(self, dict postings, key, dict compiled, block_for, list cuts, int min_fuzzy):
        if len(cuts) != MAX_QUERY + 1:
            raise ValueError(f"{len(cuts)} cuts for keys of 0 to {MAX_QUERY} letters")
        self._postings, self._key, self._compiled, self._block_for = postings, key, compiled, block_for
        cdef int n
        for n in range(MAX_QUERY + 1):
            self._cuts[n][0], self._cuts[n][1], self._cuts[n][2] = cuts[n]
        self._min_fuzzy = min_fuzzy

    def unknown(self, list words, object rule_letters):
        """One byte per word: 1 if it is surely unknown, 0 if its key is indexed or within reach of one
        (not unknown), 2 if it is not settled here (a word of other letters than ASCII ones, ending in one
        of `rule_letters` (`inflection.rule_letters`: single letters), or whose block cannot be compiled)."""
        cdef unsigned char rule[128]
        memset(rule, 0, 128)
        cdef Py_UCS4 code
        for letter in rule_letters:
            code = letter
            if code < 128:
                rule[code] = 1
        cdef Py_ssize_t count = len(words), w
        out = bytearray(count)
        cdef unsigned char* settled = out
        cdef char lowered[MAX_QUERY]
        cdef const unsigned char* text
        cdef const unsigned char* read
        cdef int n, m, i, start
        cdef unsigned char c
        cdef bint letters
        cdef object word, key, block
        for w in range(count):
            word = <object>PyList_GET_ITEM(words, w)
            settled[w] = 2
            if not isinstance(word, str) or not PyUnicode_IS_ASCII(word):
                continue
            n = PyUnicode_GET_LENGTH(word)
            if not 1 <= n <= MAX_QUERY:
                continue
            text = <const unsigned char*>PyUnicode_DATA(word)
            letters = True
            for i in range(n):
                c = text[i] | 0x20  # (an ASCII letter lowercased; no other byte becomes one of a-z so)
                if not 97 <= c <= 122:
                    letters = False
                    break
                lowered[i] = <char>c
            if not letters:
                continue
            key = self._key(PyUnicode_FromStringAndSize(lowered, n))
            if self._postings.get(key):
                settled[w] = 0
                continue
            m = PyUnicode_GET_LENGTH(key)
            if not PyUnicode_IS_ASCII(key) or m > MAX_QUERY:
                continue
            if m >= self._min_fuzzy:
                read = <const unsigned char*>PyUnicode_DATA(key)
                start = 0 if read[0] in b"aeiou" else read[0]
                block = self._compiled.get((start, m), _UNASKED)
                if block is _UNASKED:
                    block = self._block_for(start, m)
                if block is None:
                    continue
                if (<Block>block)._compare(read, m, self._cuts[m][0], self._cuts[m][1], self._cuts[m][2], None):
                    settled[w] = 0
                    continue
            settled[w] = 2 if rule[<unsigned char>lowered[n - 1]] else 1
        return bytes(out)


_UNASKED = object()


# -- a large index's nearest keys, reached and compared in one call ---------------------------------


cdef int _code_distance(const uint64_t* peq, int m, str other):
    """`_bit_distance` of a key of any letters, read by code point (a letter past ASCII matches no
    letter of an ASCII query)."""
    cdef int kind = PyUnicode_KIND(other)
    cdef void* data = PyUnicode_DATA(other)
    cdef Py_ssize_t j, n = PyUnicode_GET_LENGTH(other)
    cdef _Columns c = _Columns(~(<uint64_t>0), 0, m)
    cdef uint64_t last = (<uint64_t>1) << (m - 1)
    cdef Py_UCS4 letter
    for j in range(n):
        letter = PyUnicode_READ(kind, data, j)
        _step(&c, peq[letter] if letter < 128 else 0, last)
    return c.distance


def nearest_from_key(
    str key, int depth, const uint32_t[::1] hashes, const int32_t[::1] numbers, const int32_t[::1] directory,
    int shift, const uint32_t[::1] starts, const int32_t[::1] lengths, uint32_t start, int edits, list keys,
    int limit,
):
    """What `neighbours._nearest` makes of the keys `reached_from_key` reaches (`keys[number]` is key
    `number`): (key, distance) of those within `edits` of `key`, other than `key` itself, the first
    `limit`, nearest first, then in key order. The distances are computed here, as `Block.near`
    computes them, with no set of numbers nor list of the reached keys made: at a million persons a
    new word's query reaches some fifty keys (hundreds for a common name's), and building and
    comparing them in Python cost as much as reaching them. None for a key of other letters than
    ASCII, or longer than MAX_QUERY (the caller reads those otherwise)."""
    if not PyUnicode_IS_ASCII(key):
        return None
    cdef int n = PyUnicode_GET_LENGTH(key), i, length, distance
    if not 1 <= n <= MAX_QUERY:
        return None
    cdef const unsigned char* s = <const unsigned char*>PyUnicode_DATA(key)
    cdef _Numbers found = _Numbers(NULL, 0, 0)
    cdef uint64_t peq[256]
    cdef str other
    out = []
    try:
        _gather_key(s, n, depth, hashes, numbers, directory, shift, starts, lengths, start, edits, &found)
        _sort_once(&found)
        if found.count == 0:
            return out
        _query_bits(peq, s, n)
        # (the keys' strings lie anywhere in memory: asked for all at once, as `_gather` asks its reads)
        for i in range(found.count):
            if found.at[i] < 0 or found.at[i] >= len(keys):
                raise IndexError(f"key {found.at[i]} of {len(keys)}")
            _prefetch(PyList_GET_ITEM(keys, found.at[i]))
        for i in range(found.count):
            other = keys[found.at[i]]
            length = PyUnicode_GET_LENGTH(other)
            if PyUnicode_IS_ASCII(other):
                if length == n and memcmp(PyUnicode_DATA(other), s, n) == 0:
                    continue
                distance = _bit_distance(peq, n, <const unsigned char*>PyUnicode_DATA(other), length)
            else:
                distance = _code_distance(peq, n, other)
            if distance <= edits:
                out.append((distance, other))
    finally:
        free(found.at)
    return _nearest_first(out, limit)
