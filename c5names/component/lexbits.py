"""A byte of spaCy's lexeme flags that holds the component's decision about each word type.

Why: on text that names nobody, the component's work is one loop over the tokens asking what each
word type can be of a name. Its answers were kept in a table beside spaCy's vocabulary, and looking
each token up there (a few megabytes, read at random) cost as much as the rest of the loop: 21 µs
against 12 for a French news document of 1,300 tokens. spaCy already reads each token's lexeme, and
a lexeme has 64 bits of flags, of which spaCy's own attributes use the first 18 and `Vocab.add_flag`
hands out the rest. The component claims 8 of those bits, from the top down, and writes each word
type's byte (`sparse.RelevanceCache`) there on first sight: the loop then reads it from memory it
touches anyway.

The claim is made the way `add_flag` makes one, by registering a getter for each bit in
`vocab.lex_attr_getters`, so a later `add_flag` picks other bits. The getter says "not decided" for
every new lexeme (a module function, which pickles by name with the vocabulary). A claim is cleared
when it is made and when the index changes (`reset`): a byte left from other decisions is never read
as this component's. Each document checks that the eight getters are still these (a flag given one
of the bits by number, `add_flag(getter, flag_id=60)`, writes over the byte), and claims again if
not. Without 8 free bits in a row, or for a document of another vocabulary, the component keeps its
table (`RelevanceCache`), which gives the same answers.
"""

from __future__ import annotations

import operator
import weakref
from collections.abc import Callable

from spacy.vocab import Vocab

from c5names.component import native

WIDTH = 8  # one byte: the part bits, CAPITAL and DECIDED (`sparse`)
LOWEST = 19  # flags 1-18 are spaCy's own attributes (IS_ALPHA ... IS_CURRENCY)
HIGHEST = 63
MASK = (1 << WIDTH) - 1

# Every claim alive in this process: a run of bits held by the getter below but claimed by none of
# them (left by a pipeline that is gone, or pickled with the vocabulary) is free to take again.
_LIVE: weakref.WeakSet[LexemeBits] = weakref.WeakSet()


def undecided(_string: str) -> bool:
    """The getter of a claimed bit: a new lexeme starts with nothing decided (all eight bits off)."""
    return False


class LexemeBits:
    """The run of eight flag bits one component's decisions use, in the first vocabulary it scans.

    `shift_for(vocab)` is the run's first bit (claimed on the first call), or -1: no run is free, or
    the document is of another vocabulary than the one claimed in. Never pickled with its claim (an
    unpickled component claims again, in the vocabulary it then meets)."""

    def __init__(self) -> None:
        self.vocab: Vocab | None = None
        self.shift = -1
        self._getters = _getters_of(-1)
        _LIVE.add(self)

    def shift_for(self, vocab: Vocab) -> int:
        if self.vocab is vocab:
            if self.shift >= 0 and self._getters(vocab) != _OURS:
                # A flag given one of these bits by number (`add_flag(getter, flag_id=60)`) has
                # written its own values over the byte: claim a run again, or keep to the table.
                self._claim(vocab)
            return self.shift
        if self.vocab is not None:
            return -1
        self.vocab = vocab
        self._claim(vocab)
        return self.shift

    def _claim(self, vocab: Vocab) -> None:
        self.shift = claim(vocab)
        self._getters = _getters_of(self.shift)

    def reset(self) -> None:
        """Forget every decision written so far (the index changed): clear the run in every lexeme."""
        if self.vocab is not None and self.shift >= 0:
            clear(self.vocab, self.shift)

    def __reduce__(self) -> tuple[type[LexemeBits], tuple[()]]:
        return (LexemeBits, ())


# What `_getters_of(shift)` reads from `vocab.lex_attr_getters` while the run is this process's (one
# tuple comparison per document, a fraction of a microsecond).
_OURS = (undecided,) * WIDTH


def _getters_of(shift: int) -> Callable[[Vocab], tuple[object, ...]]:
    """A reader of the getters registered for the run at `shift` (nothing to read without a run)."""
    if shift < 0:
        return lambda vocab: _OURS
    read = operator.itemgetter(*range(shift, shift + WIDTH))
    return lambda vocab: read(vocab.lex_attr_getters)  # type: ignore[attr-defined]  # (not in spaCy's stub)


def claim(vocab: Vocab) -> int:
    """The first bit of a run of WIDTH flag bits now registered as this process's, cleared in every
    lexeme; -1 if the vocabulary has none free. Taken from the top, as `add_flag` takes from the bottom."""
    getters: dict[int, object] = vocab.lex_attr_getters  # type: ignore[attr-defined]  # (not in spaCy's stub)
    taken = {bits.shift for bits in _LIVE if bits.vocab is vocab and bits.shift >= 0}
    for start in range(HIGHEST - WIDTH + 1, LOWEST - 1, -1):
        run = range(start, start + WIDTH)
        if any(bit in getters and getters[bit] is not undecided for bit in run):
            continue
        if any(abs(start - other) < WIDTH for other in taken):
            continue
        for bit in run:
            getters[bit] = undecided
        clear(vocab, start)
        return start
    return -1


def clear(vocab: Vocab, shift: int) -> None:
    """Turn the run at `shift` off in every lexeme of the vocabulary: in C when the compiled scan is
    here (`native`; it reads spaCy's map of lexemes, where this loop makes a `Lexeme` for each), else
    in Python."""
    if native.scan_module is not None:
        native.scan_module.clear_lexeme_bytes(vocab, shift)
        return
    keep = ~(MASK << shift) & ((1 << 64) - 1)
    for lexeme in vocab:
        flags = lexeme.flags
        if flags & ~keep:
            lexeme.flags = flags & keep
