# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The unified key of one word (`keys._skeleton_word`) in C, and the text layer's other loops over
characters: a document's plain reading (`PlainReader`), the titles in it (`PhraseFinder`) and the
capitalised words of ASCII text (`CapitalWords`), each beside the Python it is held to.

Why: every new word a text brings is keyed, and its stems and respellings with it: a new Latin word
once or twice, a new Russian word two or three times (its stems). In Python the key is five regular
expression passes and a translation, 1.5 µs a word, about an eighth of deciding what a new word can be
of a name; this one pass over the bytes per step takes 0.4.

The rules are the shipped table's (`data/latin.yaml`: digraphs, single letters), handed in by
`keys.py`, which keeps the Python reading as the definition: this module is optional, as the other
two are (`hatch_build.py` compiles it when it can, `text.native` loads it), and a test holds the two
readings to each other.
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_GET_SIZE
from cpython.list cimport PyList_GET_ITEM
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcmp

cdef extern from "Python.h":
    Py_ssize_t PyUnicode_GET_LENGTH(object)
    int PyUnicode_KIND(object)
    void* PyUnicode_DATA(object)
    Py_UCS4 PyUnicode_READ(int, const void*, Py_ssize_t)
    object PyUnicode_DecodeASCII(const char*, Py_ssize_t, const char*)
    object PyUnicode_Substring(object, Py_ssize_t, Py_ssize_t)


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


# Code points below this have their readings in a list (read without a Python integer made per
# character); the rest, rarer in text (CJK, ideographs), in a dictionary.
cdef enum:
    _LISTED = 0x3000


cdef class PlainReader:
    """A whole text read into plain letters in one pass (`lexicon.reading.plain`, after its Unicode
    normalisation): each character by its reading (`read(character)`, an ASCII string, asked once
    per character and kept; ASCII characters are themselves), lowercased; the `joiners` of the text
    (apostrophes) and the apostrophes of readings left out, so the letters on either side join (but
    a reading's other marks part words: Georgian ქ reads "k`"); every run of anything but a-z and
    0-9 one space, and none at either end. `read` returns None for a text with a character whose
    reading is not ASCII: `plain` then reads it in Python.

    Why: the lexicon's titles are searched in the plain reading of a whole document when a lone
    surname asks whether its office is named anywhere, and that reading (a translation through a
    table, the case, the apostrophes and a substitution over runs of other characters, each a pass
    over the text with a Python-level lookup per non-ASCII character) was the largest cost of a
    Russian document that names nobody; here it is one loop."""

    cdef object _read
    cdef list _listed
    cdef dict _others
    # Of a reading's bytes: 0 a letter or digit, 1 the apostrophe (left out, as `plain` removes it
    # after reading), 2 anything else (a separator: the ` of Georgian ქ's reading "k`" too).
    cdef unsigned char _ascii[128]
    cdef bint _joins[128]  # an ASCII character of the text that is one of the joiners (' and `)
    cdef set _joiners

    def __init__(self, read, str joiners):
        self._read = read
        self._listed = [None] * _LISTED
        self._others = {}
        self._joiners = {ord(ch) for ch in joiners}
        cdef int c
        for c in range(128):
            self._joins[c] = c in self._joiners
            if 97 <= (c | 0x20) <= 122 or 48 <= c <= 57:
                self._ascii[c] = 0
            elif c == 39:
                self._ascii[c] = 1
            else:
                self._ascii[c] = 2

    cdef object _reading(self, Py_UCS4 code):
        """The character's reading as ASCII bytes, or False if it has none (made on first sight)."""
        cdef Py_ssize_t point = code  # (a Py_UCS4 is a one-character str to Python; the tables want numbers)
        if point < _LISTED:
            found = <object>PyList_GET_ITEM(self._listed, point)
        else:
            found = self._others.get(point)
        if found is not None:
            return found
        if point in self._joiners:
            made = b"'"
        else:
            reading = self._read(chr(point))
            made = reading.encode("ascii") if isinstance(reading, str) and reading.isascii() else False
        if point < _LISTED:
            self._listed[point] = made
        else:
            self._others[point] = made
        return made

    def read(self, str text):
        """The plain reading of `text`, or None if a character of it has no ASCII reading."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, j, size, out = 0, room = n + 64
        cdef int kind = PyUnicode_KIND(text)
        cdef const void* data = PyUnicode_DATA(text)
        cdef Py_UCS4 code
        cdef unsigned char c, what
        cdef const unsigned char* piece
        cdef bint pending = False
        cdef unsigned char* buffer = <unsigned char*>malloc(room)
        cdef unsigned char* grown
        cdef object reading
        if buffer == NULL:
            raise MemoryError()
        try:
            for i in range(n):
                code = PyUnicode_READ(kind, data, i)
                if code < 128:
                    if self._joins[code]:
                        continue
                    c = <unsigned char>code
                    piece = &c
                    size = 1
                else:
                    reading = self._reading(code)
                    if reading is False:
                        return None
                    piece = <const unsigned char*>PyBytes_AS_STRING(reading)
                    size = PyBytes_GET_SIZE(reading)
                if out + 2 * size + 2 > room:
                    room = 2 * room + 2 * size + 2
                    grown = <unsigned char*>realloc(buffer, room)
                    if grown == NULL:
                        raise MemoryError()
                    buffer = grown
                for j in range(size):
                    c = piece[j]
                    what = self._ascii[c] if c < 128 else 2
                    if what == 1:  # a joiner: left out
                        continue
                    if what == 2:
                        pending = True
                        continue
                    if pending:
                        if out:
                            buffer[out] = 32
                            out += 1
                        pending = False
                    buffer[out] = c | 0x20 if 65 <= c <= 90 else c
                    out += 1
            return PyUnicode_DecodeASCII(<const char*>buffer, out, NULL)
        finally:
            free(buffer)


cdef inline bint _word_char(unsigned int c) noexcept:
    """`re`'s \\w of an ASCII character."""
    return 97 <= (c | 0x20) <= 122 or 48 <= c <= 57 or c == 95


cdef class PhraseFinder:
    """Which groups of phrases occur in an ASCII text at the start of a word: each phrase with a group
    bit, the answer the bits of every phrase found. A phrase is found at a word's start when the text
    goes on with it there, whatever follows (`re`'s ``\\b(?:phrase|…)\\w*\\b`` finds the same where a
    phrase begins and ends with a word character, which the constructor requires).

    Why: a lone surname asks whether a title of its office stands anywhere in its document
    (`lexicon.titles.kinds_named`); one regular expression per office kind tried at every character of
    the document's plain reading cost about 0.2 ms a kind on a Russian news page, the largest part of
    linking a page that names nobody. Here every kind is answered by one walk of a trie of all titles
    from each word's start."""

    cdef int* _next  # node × alphabet → the next node, or -1
    cdef unsigned long long* _bits  # node → the group bits of the phrases ending there
    cdef int _width
    cdef int _column[128]  # an ASCII character's column in `_next`, or -1 (in no phrase)

    def __cinit__(self):
        self._next = NULL
        self._bits = NULL

    def __init__(self, phrases):
        """`phrases`: (phrase, bit) pairs; bits below 2**64."""
        cdef int c, node, width = 0, nodes = 1, room = 1, column
        cdef Py_ssize_t i, n
        cdef str phrase
        for c in range(128):
            self._column[c] = -1
        pairs = [(str(phrase), int(bit)) for phrase, bit in phrases]
        for phrase, bit in pairs:
            if not phrase.isascii() or not phrase[:1].isalnum() and phrase[:1] != "_" or not phrase[-1:].isalnum() and phrase[-1:] != "_":
                raise ValueError(f"a phrase must be ASCII, and begin and end with a word character: {phrase!r}")
            if not 0 < bit < 2 ** 64:
                raise ValueError(f"a group bit must be above 0 and below 2**64: {bit}")
            room += len(phrase)
            for ch in phrase:
                if self._column[ord(ch)] < 0:
                    self._column[ord(ch)] = width
                    width += 1
        self._width = width
        self._next = <int*>malloc(room * width * sizeof(int))
        self._bits = <unsigned long long*>malloc(room * sizeof(unsigned long long))
        if self._next == NULL or self._bits == NULL:
            raise MemoryError()
        for i in range(room * width):
            self._next[i] = -1
        for i in range(room):
            self._bits[i] = 0
        for phrase, bit in pairs:
            node = 0
            n = len(phrase)
            for i in range(n):
                column = self._column[ord(phrase[i])]
                if self._next[node * width + column] < 0:
                    self._next[node * width + column] = nodes
                    nodes += 1
                node = self._next[node * width + column]
            self._bits[node] |= <unsigned long long>bit

    def __dealloc__(self):
        free(self._next)
        free(self._bits)

    def find(self, str text):
        """The bits of the phrases found in `text`, or None if the text is not ASCII."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), p, q
        cdef int kind = PyUnicode_KIND(text), node, column, width = self._width
        cdef const void* data = PyUnicode_DATA(text)
        cdef unsigned int code
        cdef bint after_word = False
        cdef unsigned long long found = 0
        if not text.isascii():
            return None
        for p in range(n):
            code = PyUnicode_READ(kind, data, p)
            if not _word_char(code):
                after_word = False
                continue
            if after_word:
                continue
            after_word = True
            node = 0
            q = p
            while q < n:
                code = PyUnicode_READ(kind, data, q)
                column = self._column[code]
                if column < 0:
                    break
                node = self._next[node * width + column]
                if node < 0:
                    break
                found |= self._bits[node]
                q += 1
        return found


cdef inline bint _ascii_letter(Py_UCS4 c) noexcept:
    """A-Z or a-z (what `segment.ASCII_WORD_RE` reads as a letter)."""
    return 65 <= c <= 90 or 97 <= c <= 122


cdef class CapitalWords:
    """The words `match.segment._spaced_words` makes of a region where it reads `ASCII_WORD_RE`:
    each match (a capital A-Z after no letter A-Z or a-z, the letters after it, and more letters
    after each apostrophe or hyphen of `joiners`; the character before the region is read too, as a
    lookbehind reads it), an elided article before it left out (`elision`, asked of a match whose
    second character is one of `apostrophes`), and the rest cut at its hyphens, each part a `word`
    (start, end, text). Any text may be given: a character past ASCII is neither letter nor joiner,
    as it is to the pattern.

    Why: the linker cuts the component's windows into words, and on English news each window is
    ASCII; the pattern tried at every character and a Python step per word cost about a sixth of
    linking a window that names nobody. Here the scan is one loop and a word one call to make it."""

    cdef object _make
    cdef object _word
    cdef object _elision
    cdef bint _joiner[128]
    cdef bint _apostrophe[128]

    def __init__(self, word, elision, str joiners, str apostrophes):
        cdef int c
        self._make = tuple.__new__
        self._word = word
        self._elision = elision
        for c in range(128):
            self._joiner[c] = chr(c) in joiners
            self._apostrophe[c] = chr(c) in apostrophes

    def words(self, str text, Py_ssize_t start, Py_ssize_t end, list out):
        """Append the words of text[start:end] to `out` (start and end clipped to the text, as `re`
        clips a search's bounds)."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, j
        cdef int kind = PyUnicode_KIND(text)
        cdef const void* data = PyUnicode_DATA(text)
        cdef Py_UCS4 c
        cdef bint hyphen
        start = max(start, 0)
        end = min(end, n)
        i = start
        while i < end:
            c = PyUnicode_READ(kind, data, i)
            if not 65 <= c <= 90 or (i > 0 and _ascii_letter(PyUnicode_READ(kind, data, i - 1))):
                i += 1
                continue
            j = i + 1
            hyphen = False
            while True:
                while j < end and _ascii_letter(PyUnicode_READ(kind, data, j)):
                    j += 1
                if j + 1 < end:
                    c = PyUnicode_READ(kind, data, j)
                    if c < 128 and self._joiner[c] and _ascii_letter(PyUnicode_READ(kind, data, j + 1)):
                        hyphen = hyphen or c == 45
                        j += 1
                        continue
                break
            c = PyUnicode_READ(kind, data, i + 1) if j - i >= 2 else 0  # (a letter or a joiner: ASCII)
            if not hyphen and not (c < 128 and self._apostrophe[c]):
                out.append(self._make(self._word, (i, j, PyUnicode_Substring(text, i, j))))
            else:
                self._cut(PyUnicode_Substring(text, i, j), i, out)
            i = j

    cdef _cut(self, str word, Py_ssize_t at, list out):
        """A match with an apostrophe second or a hyphen, as `_spaced_words` reads it (its steps)."""
        if len(word) > 1 and ord(word[1]) < 128 and self._apostrophe[ord(word[1])]:  # word[1:2] in APOSTROPHES
            prefix, word = self._elision(word)
            at += len(prefix)
        if "-" not in word:
            out.append(self._make(self._word, (at, at + len(word), word)))
            return
        for part in word.split("-"):
            if part:
                out.append(self._make(self._word, (at, at + len(part), part)))
            at += len(part) + 1
