# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The unified key of one word (`keys._skeleton_word`) in C.

Why: every new word a text brings is keyed, and its stems and respellings with it: a new Latin word
once or twice, a new Russian word two or three times (its stems). In Python the key is five regular
expression passes and a translation, 1.5 µs a word, about an eighth of deciding what a new word can be
of a name; this one pass over the bytes per step takes 0.4.

The rules are the shipped table's (`data/latin.yaml`: digraphs, single letters), handed in by
`keys.py`, which keeps the Python reading as the definition: this module is optional, as the other
two are (`hatch_build.py` compiles it when it can, `text.native` loads it), and a test holds the two
readings to each other.
"""

from libc.stdlib cimport free, malloc
from libc.string cimport memcmp


cdef inline Py_ssize_t _runs_to_one(const unsigned char* source, Py_ssize_t n, unsigned char* out) noexcept:
    """Each run of one letter a-z as that letter (digits are kept as they are); the new length."""
    cdef Py_ssize_t i, m = 0
    for i in range(n):
        if m and source[i] == out[m - 1] and 97 <= source[i] <= 122:
            continue
        out[m] = source[i]
        m += 1
    return m


cdef class SkeletonWords:
    """`keys._skeleton_word` with the rules given: digraphs (each spelling → its replacement, the longest
    matched first, left to right) and single letters (each byte → its replacement)."""

    cdef list spellings  # the digraphs, longest first (bytes)
    cdef list replacements  # what each becomes (bytes)
    cdef Py_ssize_t growth  # the most a replacement is longer than its digraph
    cdef unsigned char single[256]

    def __init__(self, dict digraphs, dict singles):
        ordered = sorted(digraphs.items(), key=lambda item: -len(item[0]))
        self.spellings = [spelling.encode("ascii") for spelling, _ in ordered]
        self.replacements = [replacement.encode("ascii") for _, replacement in ordered]
        self.growth = max([0] + [len(r) - len(s) for s, r in zip(self.spellings, self.replacements)])
        cdef int c
        for c in range(256):
            self.single[c] = c
        for letter, merged in singles.items():
            self.single[ord(letter)] = ord(merged)

    def word(self, str text):
        """The key of one word of `ascii_fold`'s output (a-z and digits; other text raises, as there)."""
        cdef bytes raw = text.encode("ascii")
        cdef const unsigned char* s = raw
        cdef Py_ssize_t n = len(raw), i = 0, k, m, j, w = 0, count = len(self.spellings)
        cdef unsigned char* first = <unsigned char*>malloc(n * (1 + self.growth) + 1)
        cdef unsigned char* second = <unsigned char*>malloc(n * (1 + self.growth) + 1)
        cdef bytes spelling, replacement
        cdef const unsigned char* r
        if first == NULL or second == NULL:
            free(first)
            free(second)
            raise MemoryError()
        try:
            while i < n:  # the digraphs: at each place the longest that starts there, else the letter
                for k in range(count):
                    spelling = <bytes>self.spellings[k]
                    m = len(spelling)
                    if i + m <= n and memcmp(s + i, <const unsigned char*>spelling, m) == 0:
                        replacement = <bytes>self.replacements[k]
                        r = replacement
                        for j in range(len(replacement)):
                            first[w] = r[j]
                            w += 1
                        i += m
                        break
                else:
                    first[w] = s[i]
                    w += 1
                    i += 1
            for i in range(w):  # the single letters
                first[i] = self.single[first[i]]
            m = _runs_to_one(first, w, second)
            w = 0
            for i in range(m):  # the glide: i before e or o
                if second[i] == 105 and i + 1 < m and (second[i + 1] == 101 or second[i + 1] == 111):
                    continue
                first[w] = second[i]
                w += 1
            m = _runs_to_one(first, w, second)
            if m > 3 and second[m - 1] == 102:  # a final f is v
                second[m - 1] = 118
            return second[:m].decode("ascii")
        finally:
            free(first)
            free(second)
