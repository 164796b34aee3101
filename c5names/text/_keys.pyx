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
    matched first, left to right) and single letters (each byte → its replacement).

    The digraphs are kept by their first byte, in the order they are tried (longest first), as C
    arrays: at each place of a word only those that start with its letter are compared (a word's
    letter starts none of them or one or two), where trying every one of the table's twenty-two, a
    Python object each, was most of the cost of a key."""

    cdef bytes spelled  # the digraphs' spellings, one after the other, by first byte, longest first
    cdef bytes replaced  # what each becomes, in the same order
    cdef Py_ssize_t* spelling_at  # where each spelling starts in `spelled`, and its length
    cdef Py_ssize_t* spelling_length
    cdef Py_ssize_t* replacement_at
    cdef Py_ssize_t* replacement_length
    cdef Py_ssize_t by_first[257]  # the digraphs starting with byte b: by_first[b] to by_first[b + 1]
    cdef Py_ssize_t growth  # the most a replacement is longer than its digraph
    cdef unsigned char single[256]

    def __cinit__(self):
        self.spelling_at = self.spelling_length = self.replacement_at = self.replacement_length = NULL

    def __init__(self, dict digraphs, dict singles):
        # Longest first, ties in the table's order (as `keys._DIGRAPH_RE` tries them), then grouped by
        # first byte, which keeps that order within a group: only a group's digraphs can match there.
        ordered = sorted(digraphs.items(), key=lambda item: -len(item[0]))
        pairs = [(spelling.encode("ascii"), replacement.encode("ascii")) for spelling, replacement in ordered]
        if any(not spelling for spelling, _ in pairs):
            raise ValueError("a digraph's spelling is empty")
        pairs.sort(key=lambda pair: pair[0][0])  # (stable)
        count = len(pairs)
        self._free_tables()  # (a second __init__ replaces the tables)
        self.spelling_at = <Py_ssize_t*>malloc((count + 1) * sizeof(Py_ssize_t))
        self.spelling_length = <Py_ssize_t*>malloc((count + 1) * sizeof(Py_ssize_t))
        self.replacement_at = <Py_ssize_t*>malloc((count + 1) * sizeof(Py_ssize_t))
        self.replacement_length = <Py_ssize_t*>malloc((count + 1) * sizeof(Py_ssize_t))
        if not (self.spelling_at and self.spelling_length and self.replacement_at and self.replacement_length):
            raise MemoryError()
        cdef Py_ssize_t k, at = 0, to = 0
        cdef int c, byte
        for k in range(count):
            spelling, replacement = pairs[k]
            self.spelling_at[k], self.spelling_length[k] = at, len(spelling)
            self.replacement_at[k], self.replacement_length[k] = to, len(replacement)
            at += len(spelling)
            to += len(replacement)
        self.spelled = b"".join([spelling for spelling, _ in pairs])
        self.replaced = b"".join([replacement for _, replacement in pairs])
        k = 0
        for byte in range(257):
            while k < count and pairs[k][0][0] < byte:
                k += 1
            self.by_first[byte] = k
        self.growth = max([0] + [len(r) - len(s) for s, r in pairs])
        for c in range(256):
            self.single[c] = c
        for letter, merged in singles.items():
            self.single[ord(letter)] = ord(merged)

    cdef void _free_tables(self) noexcept:
        free(self.spelling_at)
        free(self.spelling_length)
        free(self.replacement_at)
        free(self.replacement_length)
        self.spelling_at = self.spelling_length = self.replacement_at = self.replacement_length = NULL

    def __dealloc__(self):
        self._free_tables()

    def word(self, str text):
        """The key of one word of `ascii_fold`'s output (a-z and digits; other text raises, as there)."""
        cdef bytes raw = text.encode("ascii")
        cdef const unsigned char* s = raw
        cdef const unsigned char* spelled = self.spelled
        cdef const unsigned char* replaced = self.replaced
        cdef Py_ssize_t n = len(raw), i = 0, k, m, j, w = 0, size = n * (1 + self.growth) + 1
        cdef unsigned char small_first[128]
        cdef unsigned char small_second[128]
        cdef unsigned char* first = small_first
        cdef unsigned char* second = small_second
        cdef bint found
        if size > 128:  # (a word is short: the stack holds it, and a long text is read from the heap)
            first = <unsigned char*>malloc(size)
            second = <unsigned char*>malloc(size)
            if first == NULL or second == NULL:
                free(first)
                free(second)
                raise MemoryError()
        try:
            while i < n:  # the digraphs: at each place the longest that starts there, else the letter
                found = False
                for k in range(self.by_first[s[i]], self.by_first[s[i] + 1]):
                    m = self.spelling_length[k]
                    if i + m <= n and memcmp(s + i, spelled + self.spelling_at[k], m) == 0:
                        for j in range(self.replacement_length[k]):
                            first[w] = replaced[self.replacement_at[k] + j]
                            w += 1
                        i += m
                        found = True
                        break
                if not found:
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
            if first != small_first:
                free(first)
                free(second)
