# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The large fuzzy index's bucket reads in C: the keys a query's deletion hashes reach.

Why: in a large index (`neighbours.DeletionIndex`), a query's deletion hashes are looked up in their
buckets of a directory, and the keys they reach are narrowed to those that begin alike and are near
its length. With numpy that is some eighteen array operations, each costing about a microsecond
whatever its size, for a query that reaches a handful of keys: 27 µs for a new word of a text at
100,000 persons, where this one loop over the buckets takes 10. Every word a lookup or a text brings
pays it, found or not.

This module is optional, as `_scan` is: the build compiles it when it can (`hatch_build.py`),
`neighbours` uses it when it was built (`native.near_module`), and its numpy path, which gives the same
answers (a test holds the two to each other), serves otherwise.
"""

from libc.stdint cimport int32_t, int64_t, uint32_t


def reached(
    list wanted, const uint32_t[::1] hashes, const int32_t[::1] numbers, const int32_t[::1] directory,
    int shift, const uint32_t[::1] starts, const int32_t[::1] lengths, uint32_t start, int length, int edits,
):
    """The numbers (sorted, each once) of the keys stored under one of the `wanted` hashes whose start
    class is `start` and whose length is within `edits` of `length`. `hashes` are sorted, and the
    hashes whose top bits (`hash >> shift`) are b lie at positions directory[b] to directory[b + 1]
    (`neighbours.bucket_directory`); `numbers[i]` is the key stored under `hashes[i]`, and `starts`
    and `lengths` are per key."""
    cdef uint32_t h
    cdef int64_t b, i, last = len(directory) - 1
    cdef int32_t number, gap
    found = set()
    for value in wanted:
        h = value
        b = h >> shift
        if b >= last:
            raise IndexError(f"hash {h} beyond the directory's {last} buckets")
        for i in range(directory[b], directory[b + 1]):
            if hashes[i] != h:
                continue
            number = numbers[i]
            if starts[number] != start:
                continue
            gap = lengths[number] - length
            if -edits <= gap <= edits:
                found.add(number)
    return sorted(found)
