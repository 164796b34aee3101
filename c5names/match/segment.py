"""Cut a text into the words a name can be made of.

Only capitalised words are looked at (a C-level regex finds them; words of scripts without letter
case are all candidates), hyphenated words are split into their parts, elided articles (d', l') are
left out, and unspaced Chinese and Japanese are cut by the gazetteer's own Han forms and katakana runs.
A paragraph written all in lowercase (forum and social posts: "шавкат мирзиёев") has no capitals
to go by, so all its words are candidates; edited text, whose paragraphs have capitals, is unaffected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from c5names.text.han import HAN, HanLexicon
from c5names.text.hangul import HANGUL_RE, HangulNames, has_hangul
from c5names.text.inflection import split_elision, split_hyphenated_article
from c5names.text.kana import KATAKANA, KATAKANA_RE
from c5names.text.keys import APOSTROPHES, CASELESS, CASELESS_RE, is_caseless
from c5names.text.native import keys_module


class Word(NamedTuple):
    start: int
    end: int
    text: str


# Ranges that contain every upper- and titlecase letter (and some lowercase ones: the blocks of
# Latin, Greek and Cyrillic alternate cases). Few wide ranges keep `re`'s scan fast; `segment`
# then checks the first letter with str.isupper(). Derived once from Unicode, see _upper_ranges.
_DENSE_BLOCKS = ((0x41, 0x5A), (0xC0, 0xDE), (0x100, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1FFF))


def _capital(c: int) -> bool:
    return chr(c).isupper() or chr(c).istitle()


@lru_cache(maxsize=1)
def _capitals() -> list[int]:
    """The code points of the upper- and titlecase letters (none lies beyond U+1FFFF)."""
    return [c for c in range(0x20000) if _capital(c)]


@lru_cache(maxsize=1)
def _upper_ranges() -> list[tuple[int, int]]:
    """The ranges of `_upper_class`."""
    rest = [c for c in _capitals() if not any(a <= c <= b for a, b in _DENSE_BLOCKS)]
    return [*_DENSE_BLOCKS, *_runs(rest, 64)]


def _runs(codes: Sequence[int], gap: int) -> list[tuple[int, int]]:
    """(first, last) of the runs of sorted code points, a run going on across fewer than `gap` others."""
    runs: list[tuple[int, int]] = []
    start = prev = codes[0]
    for c in [*codes[1:], 0x300000]:
        if c - prev > gap:
            runs.append((start, prev))
            start = c
        prev = c
    return runs


def _class(ranges: Sequence[tuple[int, int]]) -> str:
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


@lru_cache(maxsize=1)
def _upper_class() -> str:
    """A compact regex class covering every letter for which str.isupper() or istitle() holds."""
    return _class(_upper_ranges())


@lru_cache(maxsize=1)
def _capital_ranges() -> list[tuple[int, int]]:
    """`_upper_ranges` with only the capitals of the Basic Multilingual Plane (`re` reads a class's
    characters of that plane from one bitmap, however many ranges they make); beyond it, the same."""
    plane = [c for c in _capitals() if c < 0x10000]
    return [*_runs(plane, 1), *[(a, b) for a, b in _upper_ranges() if a >= 0x10000]]


def _scan_class(ranges: Sequence[tuple[int, int]]) -> str:
    """The class of `ranges` for `re`'s scan: those beyond the Basic Multilingual Plane made one.
    `re` tries them one by one at every character it passes over (a lowercase letter, a space),
    while the plane's characters are one bitmap lookup; a lookbehind with the exact class then
    checks the few characters the scan stops at (a quarter less to scan French or Russian)."""
    return _class([*[(a, b) for a, b in ranges if a < 0x10000], (0x10000, 0x1FFFF)])


APOS_CLASS = re.escape(APOSTROPHES)


# The pattern starts with the uppercase class so that `re` can scan for it quickly; the lookbehind
# after the first letter rejects words that continue a lowercase one. An elided article (d’, l’)
# is not a letter, so the word after it matches on its own and the article stays in the gap.
_UPPER = _upper_class()
_UPPER_SCAN = _scan_class(_upper_ranges())  # (followed by the lookbehind (?<=[_UPPER]))


# Words of caseless alphabets (CASELESS) are all candidates: they start where the previous character
# is not of such an alphabet, and every character of the block continues them.
# Han characters are cut by `han` and katakana runs by KATAKANA_RE, not here.
# The caseless blocks hold punctuation and digits too, which end a word: the Arabic comma, semicolon
# and question mark, the Arabic percent and decimal signs, the Urdu full stop, Arabic-Indic digits.
_NOT_LETTERS = "\u0609\u060a\u060c\u060d\u061b\u061e\u061f\u0660-\u066d\u06d4\u06f0-\u06f9\u0964\u0965\u0966-\u096f"
_LETTER = rf"(?:(?![{HAN}{KATAKANA}{_NOT_LETTERS}])(?:[^\W\d_]|[{CASELESS}]))"


# The class comes first (the first letter's exclusions are lookbehinds after it), so that `re` can
# skip ahead by the class: a third faster than a leading lookahead on running text.
WORD_RE = re.compile(
    rf"(?P<w>[{_UPPER_SCAN}{CASELESS}](?<=[{_UPPER}{CASELESS}])(?<![{_NOT_LETTERS}])(?<![^\W\d_][{_UPPER_SCAN}])"
    rf"(?<![{CASELESS}][{CASELESS}])"
    rf"{_LETTER}*(?:[{APOS_CLASS}\-]{_LETTER}+)*)"
)


# WORD_RE on ASCII text (a capital not preceded by a letter, letters, apostrophe- or hyphen-joined
# parts): the same matches where the text and the character before it are ASCII, about twice as fast.
# The capital comes before the lookbehind, as in WORD_RE: `re` then skips ahead to the next capital
# rather than trying the lookbehind at every character (a third less time on the component's windows).
_ASCII_APOS_CHARS = "".join(c for c in APOSTROPHES if c.isascii())
_ASCII_APOS = re.escape(_ASCII_APOS_CHARS)
ASCII_WORD_RE = re.compile(rf"(?P<w>[A-Z](?<![A-Za-z][A-Z])[A-Za-z]*(?:[{_ASCII_APOS}\-][A-Za-z]+)*)")

# WORD_RE where no letter of a caseless or unspaced script occurs: its letter is then any letter, with
# no lookahead per character (a third faster on Russian windows); its first letter is always a capital,
# so "not after a letter" needs no class of capitals a second time.
CASED_WORD_RE = re.compile(
    rf"(?P<w>[{_UPPER_SCAN}](?<=[{_UPPER}])(?<![^\W\d_].)[^\W\d_]*(?:[{APOS_CLASS}\-][^\W\d_]+)*)"
)

# CASED_WORD_RE with an exact class of capitals (`_capital_ranges`): it does not stop at every word
# that starts with a lowercase letter of `_upper_class`'s ranges (most words of a Russian window),
# which CASED_WORD_RE matches and `_spaced_words` then drops, a Python step each. It finds
# CASED_WORD_RE's capitalised words, save where such a lowercase word runs on, across a hyphen or an
# apostrophe, into a capitalised part, which CASED_WORD_RE reads as part of it and drops
# (северо-Западный: no word): `_shadowed` tells that case, and CASED_WORD_RE then reads the region.
# Where none of those letters is (Latin with accents, é being none), CASED_WORD_RE stops at no
# lowercase word either (`_fastest` chooses).
_CAPITAL = _class(_capital_ranges())
_CAPITAL_SCAN = _scan_class(_capital_ranges())
CAPITAL_WORD_RE = re.compile(
    rf"(?P<w>[{_CAPITAL_SCAN}](?<=[{_CAPITAL}])(?<![^\W\d_].)[^\W\d_]*(?:[{APOS_CLASS}\-][^\W\d_]+)*)"
)
# The characters CASED_WORD_RE starts a match at and CAPITAL_WORD_RE does not: the lowercase letters
# and signs inside `_upper_class`'s ranges (ж ł ℓ × ҂ and combining marks among them).
_SHADOW = sorted(c for a, b in _upper_ranges() if a < 0x10000 for c in range(a, b + 1) if not _capital(c))
_UNUSUAL_RE = re.compile(f"[{CASELESS}{HAN}{KATAKANA}{_class(_runs(_SHADOW, 1))}]")
_JOINERS = frozenset(APOSTROPHES + "-")
_SHADOW_CHARS = frozenset(map(chr, _SHADOW))
_SEAM_BEFORE = _SHADOW_CHARS | _JOINERS


# Any word, for text without capitals to go by: it starts where no letter precedes it.
ANY_WORD_RE = re.compile(rf"(?P<w>(?<![^\W\d_]){_LETTER}+(?:[{APOS_CLASS}\-]{_LETTER}+)*)")
LOWERCASE_MIN = 20  # characters: a shorter all-lowercase paragraph is a fragment, not a way of writing
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def lowercase_stretches(text: str, regions: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs written all in lowercase (no capital letter at all, at least
    `LOWERCASE_MIN` characters), within `regions` when given. Costs nearly nothing on edited text:
    a paragraph's first capital settles it, and only paragraphs that meet a region are read."""
    if _islower(text, 0, len(text), regions):
        stretches = [(0, len(text))] if len(text) >= LOWERCASE_MIN else []
    elif "\n" not in text:
        return []
    else:
        stretches = []
        start = 0
        for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
            end = brk.start() if brk else len(text)
            if end - start >= LOWERCASE_MIN and _meets(start, end, regions) and _islower(text, start, end, regions):
                stretches.append((start, end))
            start = brk.end() if brk else end
    if regions is None:
        return stretches
    return [(max(a, s), min(b, e)) for a, b in stretches for s, e in regions if max(a, s) < min(b, e)]


def _meets(start: int, end: int, regions: Sequence[tuple[int, int]] | None) -> bool:
    """Does [start, end) overlap one of `regions` (all of the text when None)? The stretches are
    cut to the regions in the end, so a paragraph outside them need not be read."""
    return regions is None or any(max(a, start) < min(b, end) for a, b in regions)


def _islower(text: str, start: int, end: int, regions: Sequence[tuple[int, int]] | None) -> bool:
    """`text[start:end].islower()`, settled first by a capital inside `regions` where there is one.
    `str.islower` stops at the first capital, but reads every character before it: on the
    component's text (thousands of placeholders before the first window) that took a third of
    linking a document. A capital in a region answers at once, and exactly (`str.istitle` of one
    character is true of an uppercase or titlecase letter, the characters that make `islower`
    false); without one, the whole stretch is read as before."""
    if regions is not None:
        for a, b in regions:
            if any(map(str.istitle, text[max(a, start) : min(b, end)])):
                return False
    return text[start:end].islower()


def segment(
    text: str,
    regions: Sequence[tuple[int, int]] | None = None,
    han: HanLexicon | None = None,
    lowercase: bool | None = None,
    hangul: HangulNames | None = None,
) -> list[Word]:
    """The capitalised words of a text, hyphenated ones split into their parts (elided articles
    before a word are left out of it), and the words of the Han forms `han` knows; only inside
    `regions` (start, end) when given. Every word of the paragraphs written in lowercase is added
    (`lowercase=None`: found by `lowercase_stretches`; True: the whole text is such; False: none).
    A word of Hangul that begins with a name `hangul` knows, written surname and given name together,
    is cut into the two (이재명은: 이, 재명)."""
    if regions is None and not lowercase and text.isalpha() and text[:1].isupper() and _one_cased_word(text):
        # One capitalised word of letters with case (a token the component meets for the first time):
        # the patterns would find it whole, and nothing else is in it.
        return [Word(0, len(text), text)]
    if lowercase:
        words = _spaced_words(text, regions, ANY_WORD_RE)
    else:
        words = _spaced_words(text, regions)
        stretches = lowercase_stretches(text, regions) if lowercase is None else []
        if stretches:
            words = sorted([*words, *_spaced_words(text, stretches, ANY_WORD_RE)])
    if hangul and not text.isascii() and HANGUL_RE.search("".join([word.text[:1] for word in words])):
        # (asked of the words' first letters, not the text: the component's is mostly placeholders)
        words = _cut_hangul(words, hangul)
    spans = [(0, len(text))] if regions is None else regions
    if not any(_UNSPACED_SCRIPT.search(text, start, end) for start, end in spans):
        return words  # (only the regions are read: the component's text is mostly placeholders)
    if han:
        words.extend(Word(start, end, text[start:end]) for start, end in han.mentions(text, regions))
    # Japanese writes foreign names in katakana runs (トカエフ大統領).
    words.extend(Word(m.start(), m.end(), m.group()) for s, e in spans for m in KATAKANA_RE.finditer(text, s, e))
    words.sort()
    return words


_UNSPACED_SCRIPT = re.compile(f"[{HAN}{KATAKANA}]")  # Chinese characters, katakana


def _cut_hangul(words: list[Word], hangul: HangulNames) -> list[Word]:
    """The words, each that begins with a Hangul name written together cut into its surname and
    given name (the particle after them left out)."""
    out: list[Word] = []
    for word in words:
        lengths = hangul.parts(word.text) if has_hangul(word.text[:1]) else None
        if lengths is None:
            out.append(word)
            continue
        surname, given = lengths
        out.append(Word(word.start, word.start + surname, word.text[:surname]))
        out.append(Word(word.start + surname, word.start + surname + given, word.text[surname : surname + given]))
    return out


def _one_cased_word(letters: str) -> bool:
    """Is a text of letters only (`str.isalpha`) free of letters of scripts without case and of unspaced
    ones? Then it is one word to the patterns (accented Latin, Cyrillic, Greek: a French, German or
    Russian name read for the first time), as an ASCII one is at once."""
    return letters.isascii() or not (CASELESS_RE.search(letters) or _UNSPACED_SCRIPT.search(letters))


def _fastest(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Pattern[str]:
    """For WORD_RE, the simplest pattern that finds the same words in the region (the lookbehinds
    read the character before it too): ASCII_WORD_RE on ASCII, CASED_WORD_RE where no letter of a
    caseless or unspaced script occurs (Latin with accents, Cyrillic, Greek), and of those regions
    CAPITAL_WORD_RE where CASED_WORD_RE would stop at lowercase words (`_SHADOW`: Cyrillic, Greek)."""
    if pattern is not WORD_RE:
        return pattern
    before = max(start - 1, 0)
    if text[before:end].isascii():
        return ASCII_WORD_RE
    # (one scan, as the search for caseless letters alone was: Latin with accents has none of these)
    unusual = _UNUSUAL_RE.search(text, before, end)
    if unusual is None:
        return CASED_WORD_RE
    return WORD_RE if CASELESS_RE.search(text, unusual.start(), end) else CAPITAL_WORD_RE


def _spaced_words(
    text: str, regions: Sequence[tuple[int, int]] | None, pattern: re.Pattern[str] = WORD_RE
) -> list[Word]:
    words: list[Word] = []
    append = words.append
    make = tuple.__new__  # (a Word without the NamedTuple's Python-level __new__: this runs per word)
    any_case = pattern is ANY_WORD_RE
    for start, end in [(0, len(text))] if regions is None else regions:
        regex = _fastest(pattern, text, start, end)
        if regex is ASCII_WORD_RE and _ASCII_WORDS is not None:
            _ASCII_WORDS.words(text, start, end, words)  # (the loop below, in C: a test holds the two together)
            continue
        capital = any_case or regex is ASCII_WORD_RE  # (a match of it begins with a capital)
        seams, mark = regex is CAPITAL_WORD_RE, len(words)
        for match in regex.finditer(text, start, end):
            at, word = match.start(), match.group()  # (group w is the whole match)
            if not (capital or word[0].isupper() or word[0].istitle() or is_caseless(word[0])):
                if "-" not in word:
                    continue
                article, word = split_hyphenated_article(word)  # ас-Сиси: the name after the article
                if not article:
                    continue
                at += len(article)
            if seams and text[at - 1] in _SEAM_BEFORE and _shadowed(text, start, at):
                del words[mark:]  # (read as CASED_WORD_RE reads it)
                words.extend(_spaced_words(text, [(start, end)], CASED_WORD_RE))
                break
            if word[1:2] in APOSTROPHES:  # L’Ouzbékistan at the start of a sentence
                prefix, word = split_elision(word)
                at += len(prefix)
            if "-" not in word:
                append(make(Word, (at, at + len(word), word)))
                continue
            for part in word.split("-"):
                if part:
                    append(make(Word, (at, at + len(part), part)))
                at += len(part) + 1
    return words


# `_spaced_words` of a region read by ASCII_WORD_RE, compiled (`text._keys.CapitalWords`): English
# windows are ASCII, and the pattern, tried at every character, with a Python step per word found, was
# a sixth of linking a window that names nobody.
_ASCII_WORDS = (
    None if keys_module is None else keys_module.CapitalWords(Word, split_elision, _ASCII_APOS_CHARS + "-", APOSTROPHES)
)


def _shadowed(text: str, start: int, at: int) -> bool:
    """Would CASED_WORD_RE, reading from `start`, have begun a match before `at` at a character of
    `_SHADOW` and run on to `at` (across letters, hyphens and apostrophes)? Then it would not read the
    word at `at` (nor at `start`: no match begins before it). Asked only when the character before
    `at` (the text's last, at 0) is a joiner or of `_SHADOW`; the run is taken generously (any letter,
    digit or joiner: a wider run only sends more regions to CASED_WORD_RE, which is always right)."""
    i = at - 1
    while i > start and (text[i - 1].isalnum() or text[i - 1] in _JOINERS):
        i -= 1
    return any(c in _SHADOW_CHARS for c in text[max(i - 1, start) : at])
