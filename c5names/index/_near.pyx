# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The large fuzzy index's bucket reads in C: the keys a query's deletion hashes reach.

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
fifth of a new word's cost) and take 4.7 so.

This module is optional, as `_scan` is: the build compiles it when it can (`hatch_build.py`),
`neighbours` uses it when it was built (`native.near_module`), and its numpy path, which gives the same
answers (a test holds the two to each other), serves otherwise.
"""

from libc.stdint cimport int32_t, int64_t, uint32_t

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


def reached(
    list wanted, const uint32_t[::1] hashes, const int32_t[::1] numbers, const int32_t[::1] directory,
    int shift, const uint32_t[::1] starts, const int32_t[::1] lengths, uint32_t start, int length, int edits,
):
    """The numbers (sorted, each once) of the keys stored under one of the `wanted` hashes whose start
    class is `start` and whose length is within `edits` of `length`. `hashes` are sorted, and the
    hashes whose top bits (`hash >> shift`) are b lie at positions directory[b] to directory[b + 1]
    (`neighbours.bucket_directory`); `numbers[i]` is the key stored under `hashes[i]`, and `starts`
    and `lengths` are per key."""
    found = set()
    for value in wanted:
        _collect(value, hashes, numbers, directory, shift, starts, lengths, start, length, edits, found)
    return sorted(found)


cdef inline void _collect(
    uint32_t h, const uint32_t[::1] hashes, const int32_t[::1] numbers, const int32_t[::1] directory,
    int shift, const uint32_t[::1] starts, const int32_t[::1] lengths, uint32_t start, int length, int edits,
    set found,
) except *:
    """`reached`'s loop for one hash: add the suiting keys stored under it to `found`."""
    cdef int64_t b = h >> shift, i
    cdef int32_t number, gap
    if b >= len(directory) - 1:
        raise IndexError(f"hash {h} beyond the directory's {len(directory) - 1} buckets")
    for i in range(directory[b], directory[b + 1]):
        if hashes[i] != h:
            continue
        number = numbers[i]
        if starts[number] != start:
            continue
        gap = lengths[number] - length
        if -edits <= gap <= edits:
            found.add(number)


def reached_from_key(
    bytes key, int depth, const uint32_t[::1] hashes, const int32_t[::1] numbers, const int32_t[::1] directory,
    int shift, const uint32_t[::1] starts, const int32_t[::1] lengths, uint32_t start, int edits,
):
    """`reached` for the deletion hashes of an ASCII key (`neighbours.deletion_hashes(key, depth)`:
    the key, every one-letter deletion, and with depth 2 every two-letter deletion), made here; the
    query's length is the key's."""
    cdef const unsigned char* s = key
    cdef int n = len(key), i, j
    found = set()
    _collect(_crc_without(s, n, -1, -1), hashes, numbers, directory, shift, starts, lengths, start, n, edits, found)
    for i in range(n):
        _collect(_crc_without(s, n, i, -1), hashes, numbers, directory, shift, starts, lengths, start, n, edits, found)
        if depth > 1:
            for j in range(i + 1, n):
                _collect(
                    _crc_without(s, n, i, j), hashes, numbers, directory, shift, starts, lengths, start, n, edits, found
                )
    return sorted(found)
