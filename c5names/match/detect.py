"""Find candidate name spans in text: capitalised words whose keys the index knows, assembled into
the shapes names take (given + surname, surname + given, with patronymics, initials, suffixes, and
fixed alias phrases such as country names).

Only capitalised words are looked at (a C-level regex finds them), and each distinct word is
looked up once (cached in the index), so the cost per document does not depend on the gazetteer.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from c5names.index import NameIndex
from c5names.index.postings import Hit, Posting, WordHits
from c5names.lexicon import is_relational_noun, is_title_or_function_word
from c5names.model import Method, Pattern, Role
from c5names.scoring import GIVEN_NAME_SIMILARITY, MISSING_SUFFIX, UNLISTED_GIVEN_NAME, UNLISTED_PATRONYMIC
from c5names.text.abjad import readings
from c5names.text.han import HAN, NAME_DOTS, HanLexicon
from c5names.text.inflection import endings_for, split_elision
from c5names.text.kana import KATAKANA, KATAKANA_RE
from c5names.text.keys import APOSTROPHES, CASELESS, fold, is_caseless, skeleton

_METHOD_RANK = {
    Method.EXACT: 0,
    Method.TRANSLIT: 1,
    Method.CONSONANTS: 1,
    Method.INFLECTED: 2,
    Method.INITIAL: 2,
    Method.FUZZY: 3,
    Method.COREFERENCE: 4,
}


# Ranges that contain every upper- and titlecase letter (and some lowercase ones: the blocks of
# Latin, Greek and Cyrillic alternate cases). Few wide ranges keep `re`'s scan fast; `segment`
# then checks the first letter with str.isupper(). Derived once from Unicode, see _upper_ranges.
_DENSE_BLOCKS = ((0x41, 0x5A), (0xC0, 0xDE), (0x100, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1FFF))


@lru_cache(maxsize=1)
def _upper_class() -> str:
    """A compact regex class covering every letter for which str.isupper() or istitle() holds."""
    rest = [
        c
        for c in range(0x20000)
        if (chr(c).isupper() or chr(c).istitle()) and not any(a <= c <= b for a, b in _DENSE_BLOCKS)
    ]
    ranges = list(_DENSE_BLOCKS)
    start = prev = rest[0]
    for c in [*rest[1:], 0x30000]:
        if c - prev > 64:
            ranges.append((start, prev))
            start = c
        prev = c
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


_APOS = re.escape(APOSTROPHES)
# The pattern starts with the uppercase class so that `re` can scan for it quickly; the lookbehind
# after the first letter rejects words that continue a lowercase one. An elided article (d’, l’)
# is not a letter, so the word after it matches on its own and the article stays in the gap.
_UPPER = _upper_class()
# Words of caseless alphabets (CASELESS) are all candidates: they start where the previous character
# is not of such an alphabet, and every character of the block continues them.
# Han characters are cut by `han` and katakana runs by KATAKANA_RE, not here.
_LETTER = rf"(?:(?![{HAN}{KATAKANA}])[^\W\d_]|[{CASELESS}])"
WORD_RE = re.compile(
    rf"(?P<w>[{_UPPER}{CASELESS}](?<![^\W\d_][{_UPPER}])(?<![{CASELESS}][{CASELESS}])"
    rf"{_LETTER}*(?:[{_APOS}\-]{_LETTER}+)*)"
)
PERSON_PATTERNS: tuple[tuple[Role, ...], ...] = (
    (Role.GIVEN, Role.PATRONYMIC, Role.SURNAME, Role.SUFFIX),
    (Role.GIVEN, Role.PATRONYMIC, Role.SURNAME),
    (Role.GIVEN, Role.SURNAME, Role.SUFFIX),
    (Role.GIVEN, Role.SURNAME),
    (Role.SURNAME, Role.GIVEN, Role.PATRONYMIC),
    (Role.SURNAME, Role.GIVEN),
    (Role.GIVEN, Role.PATRONYMIC),
    (Role.INITIAL, Role.INITIAL, Role.SURNAME),
    (Role.INITIAL, Role.SURNAME),
    (Role.SURNAME, Role.INITIAL, Role.INITIAL),
    (Role.SURNAME, Role.INITIAL),
    (Role.SURNAME, Role.SUFFIX),
    (Role.SURNAME,),
)


# Two-letter initials are romanised single Cyrillic letters (Sh. for Ш., Kh. for Х.).
INITIAL_DIGRAPHS = frozenset({"sh", "ch", "zh", "kh", "ts", "ya", "yu", "yo", "ye", "gh", "dj", "sz", "cz"})


# Endings of patronymics in the region's naming customs (Russian -ovich/-ovna, Kazakh -uly/-kyzy,
# Uzbek o‘g‘li/qizi, Kyrgyz uulu), in Latin and Cyrillic script.
PATRONYMIC_RE = re.compile(
    r"(?:[oe]vi[cč]h?|[oe]vna|ovitch|ewitsch|owitsch|uly|ulı|ūly|kyzy|qizi|вич|вна|ұлы|улы|қызы|кызы)$",
    re.IGNORECASE,
)
_NO_POSTING = Posting(-1, Role.PATRONYMIC, 0, 1, -1)


class Word(NamedTuple):
    start: int
    end: int
    text: str


class Option(NamedTuple):
    """One entity a found span may denote, with how it matched."""

    entity: int
    score: float
    method: str
    form: str


@dataclass
class Found:
    """A candidate mention before resolution."""

    start: int
    end: int
    pattern: str  # full, alias, surname
    options: list[Option]
    first: int
    last: int
    keys: tuple[str, ...]
    other_person: bool = False


def segment(text: str, regions: Sequence[tuple[int, int]] | None = None, han: HanLexicon | None = None) -> list[Word]:
    """The capitalised words of a text, hyphenated ones split into their parts (elided articles
    before a word are left out of it), and the words of the Han forms `han` knows; only inside
    `regions` (start, end) when given."""
    words = _spaced_words(text, regions)
    if not _UNSPACED_SCRIPT.search(text):
        return words
    if han:
        words.extend(Word(start, end, text[start:end]) for start, end in han.mentions(text, regions))
    # Japanese writes foreign names in katakana runs (トカエフ大統領).
    spans = [(0, len(text))] if regions is None else regions
    words.extend(Word(m.start(), m.end(), m.group()) for s, e in spans for m in KATAKANA_RE.finditer(text, s, e))
    words.sort()
    return words


_UNSPACED_SCRIPT = re.compile(f"[{HAN}{KATAKANA}]")  # Chinese characters, katakana


def _spaced_words(text: str, regions: Sequence[tuple[int, int]] | None) -> list[Word]:
    words: list[Word] = []
    matches = (
        WORD_RE.finditer(text)
        if regions is None
        else itertools.chain.from_iterable(WORD_RE.finditer(text, start, end) for start, end in regions)
    )
    for match in matches:
        start, word = match.start("w"), match.group("w")
        if not (word[0].isupper() or word[0].istitle() or is_caseless(word[0])):
            continue
        if word[1:2] in APOSTROPHES:  # L’Ouzbékistan at the start of a sentence
            prefix, word = split_elision(word)
            start += len(prefix)
        if "-" not in word:
            words.append(Word(start, start + len(word), word))
            continue
        offset = start
        for part in word.split("-"):
            if part:
                words.append(Word(offset, offset + len(part), part))
            offset += len(part) + 1
    return words


class _Doc:
    def __init__(
        self, index: NameIndex, text: str, lang: str | None, caps_line: bool | None = None, limit: int | None = None
    ) -> None:
        self.index = index
        self.text = text
        self.lang = lang
        self.words = segment(text, han=index.han)[:limit]  # a chunk's trailing context holds no words of its own
        self._hits: dict[int, WordHits] = {}
        self._caps = caps_line
        self._caps_memo: dict[int, bool] = {}

    def hits(self, k: int) -> WordHits:
        found = self._hits.get(k)
        if found is None:
            word = self.words[k].text
            found = self.index.word_hits(word, self.lang)
            if found and len(word) <= 3 and word.isupper() and not self._caps_line(k):
                # XI or LU in running text is a numeral or an acronym, not Xi or Lu; keep what the
                # gazetteer itself writes in capitals (USA, JD).
                found = WordHits.of_hits(tuple(h for h in found if h.posting.role == Role.ALIAS or h.form.rstrip(".") == word))
            self._hits[k] = found
        return found

    def entity_hits(self, k: int, entity: int) -> tuple[Hit, ...]:
        """Hits of word k for one entity (common names have thousands of postings: only this entity's
        are unpacked)."""
        return self.hits(k).of(entity)

    def entities_at(self, k: int) -> frozenset[int]:
        if k >= len(self.words):
            return frozenset()
        return self.hits(k).entities()

    def _caps_line(self, k: int) -> bool:
        if self._caps is None:
            return _caps_of(self.text, self.words[k].start, self._caps_memo)
        return self._caps

    def gap(self, k: int) -> str:
        """Text between word k-1 and word k."""
        return self.text[self.words[k - 1].end : self.words[k].start]

    def plain_gap(self, k: int) -> bool:
        gap = self.gap(k)
        if (not gap or gap.isspace()) and gap.count("\n") <= 1:
            return True
        dot = gap.strip()
        return len(dot) == 1 and dot in NAME_DOTS  # 唐纳德·特朗普

    def hyphen_gap(self, k: int) -> bool:
        """Word k continues word k-1 across a hyphen (Kassym-Jomart, États-Unis)."""
        return 0 < k < len(self.words) and self.gap(k) == "-"

    def inner_gap(self, k: int) -> bool:
        return self.plain_gap(k) or self.hyphen_gap(k)

    def is_initial(self, k: int) -> bool:
        """J. or Sh. (a romanised digraph), but not Jr., Mr. or Dr."""
        word = self.words[k]
        return (
            (len(word.text) == 1 or word.text.lower() in INITIAL_DIGRAPHS)
            and word.text[:1].isupper()
            and word.text.isalpha()
            and self.text[word.end : word.end + 1] == "."
        )

    def initial_gap(self, k: int) -> bool:
        gap = self.gap(k)
        return gap.startswith(".") and gap[1:].strip() == "" and gap.count("\n") <= 1


def _join_ok(doc: _Doc, k: int, entity: int, after_initial: bool) -> bool:
    if after_initial:
        return doc.initial_gap(k)
    if doc.plain_gap(k):
        return True
    gap = doc.gap(k).strip()
    return bool(gap) and gap.replace(" ", "").isalpha() and skeleton(gap) in doc.index.entities[entity].connectors


def _by_consonants(hit: Hit) -> bool:
    """Was the word matched by its consonants only (Arabic script, see `abjad`)?"""
    return hit.method == Method.CONSONANTS


def _named_by_consonants(weak: list[Hit]) -> bool:
    """Two or more words matched by their consonants only: a name, where one such word alone would not be."""
    return len(weak) >= 2 and all(_by_consonants(h) for h in weak)


LONG_CONSONANTS = 5


def _long_consonant_hit(doc: _Doc, k: int, hit: Hit) -> bool:
    """A consonant match (Arabic script) long enough to stand for an alias by itself: كازاخستان has
    k-z-kh-s-t-n; few words share five consonants in order."""
    if not _by_consonants(hit):
        return False
    found = readings(doc.words[k].text)
    return bool(found) and min(len(r) for r in found) >= LONG_CONSONANTS


def _catalogue_comma(doc: _Doc, k: int, pattern: tuple[str, ...], n: int) -> bool:
    """Catalogue order, "Surname, Given Patronymic" (sanctions lists, indexes, bibliographies): a
    comma may stand between a surname and the given name of the same person after it."""
    return n == 1 and pattern[:2] == (Role.SURNAME, Role.GIVEN) and doc.gap(k).strip() == "," and "\n" not in doc.gap(k)


def _block(doc: _Doc, k: int, entity: int, role: str) -> tuple[int, list[Hit]] | None:
    """Match one name part (possibly several words) of `entity` starting at word k."""
    for hit in doc.entity_hits(k, entity):
        p = hit.posting
        if p.role != role or p.pos != 0:
            continue
        chosen = [hit]
        ok = True
        for t in range(1, p.length):
            j = k + t
            if j >= len(doc.words) or chosen[-1].end < len(doc.words[j - 1].text) or not doc.inner_gap(j):
                ok = False
                break
            nxt = [h for h in doc.entity_hits(j, entity) if h.posting[1:4] == (role, t, p.length)]
            if not nxt:
                ok = False
                break
            chosen.append(max(nxt, key=lambda h: h.score))
        if ok:
            return k + p.length, chosen
    return None


def _parse_person(doc: _Doc, i: int, entity: int) -> tuple[int, str, list[Hit | None], tuple[str, ...]] | None:
    """The longest name shape of `entity` starting at word i: (end word, pattern, hits, roles)."""
    facts = doc.index.entities[entity]
    best: tuple[int, str, list[Hit | None], tuple[str, ...]] | None = None
    first_roles = {h.posting.role for h in doc.entity_hits(i, entity) if h.posting.pos == 0}
    blocks: dict[tuple[int, str], tuple[int, list[Hit]] | None] = {}  # patterns share their prefixes
    for pattern in PERSON_PATTERNS:
        if pattern[0] != Role.INITIAL and pattern[0] not in first_roles:
            continue
        k = i
        hits: list[Hit | None] = []
        ok = True
        prev_initial = False
        for n, role in enumerate(pattern):
            if k >= len(doc.words):
                ok = False
                break
            if n and (
                not (_join_ok(doc, k, entity, prev_initial) or _catalogue_comma(doc, k, pattern, n))
                or (hits[-1] and hits[-1].end < len(doc.words[k - 1].text))
            ):
                ok = False
                break
            if role == Role.INITIAL:
                if not doc.is_initial(k) or skeleton(doc.words[k].text)[:1] not in facts.initials:
                    ok = False
                    break
                hits.append(None)
                k += 1
                prev_initial = True
                continue
            prev_initial = False
            if (k, role) not in blocks:
                blocks[(k, role)] = _block(doc, k, entity, role)
            block = blocks[(k, role)]
            if (
                block is None
                and role == Role.PATRONYMIC
                and not facts.patronymic_listed
                and PATRONYMIC_RE.search(doc.words[k].text)
            ):
                # A patronymic the gazetteer does not list (Akylbek Usenbekovich Japarov); when it lists
                # one, a different patronymic is another person's (a namesake's father differs).
                block = (
                    k + 1,
                    [
                        Hit(
                            hits[-1].posting if hits and hits[-1] else _NO_POSTING,
                            UNLISTED_PATRONYMIC,
                            Method.FUZZY,
                            doc.words[k].text,
                            len(doc.words[k].text),
                            False,
                        )
                    ],
                )
            if block is None:
                ok = False
                break
            k, block_hits = block
            hits.extend(block_hits)
        if not ok:
            continue
        firm = [h for h in hits if h is not None and not h.weak]
        weak = [h for h in hits if h is not None and h.weak]
        if weak and (len(pattern) < 2 or not (firm or _named_by_consonants(weak))):
            continue
        if best is None or k > best[0]:
            best = (k, Pattern.FULL if len(pattern) > 1 else Pattern.SURNAME, hits, pattern)
    return best


def _parse_alias(doc: _Doc, i: int, hit: Hit) -> tuple[int, list[Hit]] | None:
    p = hit.posting
    gaps = doc.index.alias_gaps[p.ref]
    chosen = [hit]
    for t in range(1, p.length):
        j = i + t
        if j >= len(doc.words) or chosen[-1].end < len(doc.words[j - 1].text):
            return None
        gap = doc.gap(j)
        expected = gaps[t]
        if expected:
            if skeleton(gap) != expected or any(c in gap for c in '.,;:!?()«»"\n'):
                return None
        elif not (doc.inner_gap(j) or (gap.strip(" ()") == "" and gap.count("\n") == 0)):
            return None  # "Landau (Pfalz)": brackets inside an alias
        nxt = [h for h in doc.hits(j).aliases() if h.posting.ref == p.ref and h.posting.pos == t]
        if not nxt:
            return None
        chosen.append(max(nxt, key=lambda h: h.score))
    if any(h.weak and not _long_consonant_hit(doc, i + t, h) for t, h in enumerate(chosen)):
        return None
    if all(h.method == Method.FUZZY for h in chosen):
        # An alias (country names in every CLDR locale, abbreviations) is not found by edit distance
        # alone: one edit from a country name is its adjective (American, Turkmen), and the spellings
        # of other languages are aliases of their own. A fuzzy word beside a firm one of the same
        # alias still counts (den Vereinigten Staaten).
        return None
    tail = doc.index.alias_tails[p.ref]
    if tail and _tail_end(doc, i + p.length - 1, tail) < 0:
        return None
    return i + p.length, chosen


def _tail_end(doc: _Doc, k: int, tail: str) -> int:
    """Where the alias's trailing lowercase words end if they come right after word k, else -1."""
    end = doc.words[k].end
    after = doc.text[end : end + len(tail) + 2]
    stripped = after.lstrip()
    if not fold(stripped).startswith(fold(tail)):
        return -1
    return end + (len(after) - len(stripped)) + len(tail)


def _inside_compound(doc: _Doc, first: int, end: int) -> bool:
    """Does a match from word `first` to word `end - 1` sit inside a hyphenated compound whose other
    part is an unknown capitalised word?"""
    neighbours = []
    if doc.hyphen_gap(first):
        neighbours.append(first - 1)
    if doc.hyphen_gap(end):
        neighbours.append(end)
    return any(doc.words[k].text[:1].isupper() and not doc.hits(k) for k in neighbours)


def _summarise(hits: list[Hit]) -> tuple[float, str, str]:
    firm = [h for h in hits if h is not None]
    score = sum(h.score for h in firm) / len(firm) if firm else 0.0
    method = max((h.method for h in firm), key=lambda m: _METHOD_RANK[m], default=Method.INITIAL)
    form = " ".join(dict.fromkeys(h.form for h in firm))  # an alias phrase is listed once
    return score, method, form


_JOINABLE_GAP = re.compile(rf"^(?:[\s.\-(){NAME_DOTS}]*|\s*,\s*|[\s.]*(?:[^\W\d_]+[{_APOS}]?\s*){{1,3}})$")
CHUNK_CACHE_SIZE = 200_000
TAIL_CONTEXT = 40
CAPS_WINDOW = 120


def _caps_of(text: str, position: int, memo: dict[int, bool]) -> bool:
    """Is the line around `position` written in capitals (a headline)? Memoised per line; only the
    neighbourhood of the word is read, since a headline is short and a paragraph can be long."""
    line_start = max(text.rfind("\n", 0, position) + 1, position - CAPS_WINDOW)
    found = memo.get(line_start)
    if found is None:
        line_end = text.find("\n", position, position + CAPS_WINDOW)
        line = text[line_start : line_end if line_end >= 0 else position + CAPS_WINDOW]
        upper = sum(map(str.isupper, line))
        lower = sum(map(str.islower, line))
        found = memo[line_start] = upper + lower > 0 and upper / (upper + lower) > 0.8
    return found


def _joinable(gap: str) -> bool:
    """Could a name continue across this gap (space, hyphen, initial's dot, a connector word)?"""
    return len(gap) <= 16 and gap.count("\n") <= 1 and bool(_JOINABLE_GAP.match(gap))


def find(
    index: NameIndex, text: str, lang: str | None = None, regions: Sequence[tuple[int, int]] | None = None
) -> tuple[list[Found], list[Word]]:
    """Candidate mentions, left to right, longest first, never overlapping.

    The text is cut into chunks (runs of capitalised words that a name could span); a chunk's
    candidates depend only on its own text, so they are cached: a name seen once in a corpus costs a
    dictionary lookup afterwards.
    """
    words = segment(text, regions, index.han)
    found: list[Found] = []
    caps_memo: dict[int, bool] = {}
    cache: dict[tuple[str, str | None, bool], list[Found]] = index.chunk_cache
    n = len(words)
    k = 0
    while k < n:
        j = k
        while j + 1 < n and _joinable(text[words[j].end : words[j + 1].start]):
            j += 1
        chunk = range(k, j + 1)
        if any(index.word_hits(words[t].text, lang) for t in chunk) or any(
            len(words[t].text) <= 2 and text[words[t].end : words[t].end + 1] == "." for t in chunk
        ):
            start = words[k].start
            end = words[j].end + (1 if text[words[j].end : words[j].end + 1] in {".", ")"} else 0)
            if any(
                index.alias_tails[h.posting.ref] for t in chunk for h in index.word_hits(words[t].text, lang).aliases()
            ):
                end = min(len(text), words[j].end + TAIL_CONTEXT)  # "République kirghize"
            caps = any(len(words[t].text) <= 3 and words[t].text.isupper() for t in chunk) and _caps_of(
                text, words[k].start, caps_memo
            )
            key = (text[start:end], lang, caps)
            relative = cache.get(key)
            if relative is None:
                if len(cache) > CHUNK_CACHE_SIZE:
                    cache.clear()
                relative = cache[key] = _find_in(_Doc(index, key[0], lang, caps, limit=j - k + 1))[0]
            found.extend(
                Found(
                    f.start + start,
                    f.end + start,
                    f.pattern,
                    f.options,
                    f.first + k,
                    f.last + k,
                    f.keys,
                    f.other_person,
                )
                for f in relative
            )
        k = j + 1
    return found, words


def _find_in(doc: _Doc) -> tuple[list[Found], list[Word]]:
    """Candidate mentions of one chunk (or of any text), with offsets relative to it."""
    index, text = doc.index, doc.text
    words = doc.words
    found: list[Found] = []
    i = 0
    n = len(words)
    while i < n:
        starts = doc.hits(i)
        initial = doc.is_initial(i)
        if not starts and not initial:
            i += 1
            continue
        parses: list[tuple[int, int, str, float, str, str, Hit | None, tuple[str, ...]]] = []
        # Multi-word shapes need the entity in the next word too, or in the one after an unlisted
        # patronymic (Akylbek Usenbekovich Japarov); a bare surname does not.
        near = doc.entities_at(i + 1)
        if i + 1 < n and PATRONYMIC_RE.search(words[i + 1].text):
            near = near | doc.entities_at(i + 2)
        leads, surnames = starts.leads()
        entities = set(surnames | (leads & near))
        if initial:
            for j in (i + 1, i + 2):
                if j < n:
                    entities.update(doc.hits(j).role_entities(Role.SURNAME,))
        longest_parse = 0
        singles = starts.single_surnames() if not initial else {}
        for reach, entity in _by_reach(doc, i, entities):
            if reach < longest_parse:
                break  # only the longest parses are kept, and this entity cannot make one
            parsed: tuple[int, str, list[Hit | None], tuple[str, ...]] | None
            if reach == i + 1 and not initial:
                # Nothing after word i can be this entity's, so only its one-word surname can match:
                # found in bulk, since a common surname has hundreds of holders in a large gazetteer.
                single = singles.get(entity)
                parsed = (i + 1, Pattern.SURNAME, [single], (Role.SURNAME,)) if single is not None else None
            else:
                parsed = _parse_person(doc, i, entity)
            if parsed:
                end_word, pattern, hits, roles = parsed
                longest_parse = max(longest_parse, end_word)
                score, method, form = _summarise(hits)
                if index.entities[entity].needs_suffix and Role.SUFFIX not in roles:
                    score *= MISSING_SUFFIX
                parses.append((end_word, entity, pattern, score, method, form, hits[-1], roles))
        for hit in starts.aliases():
            if hit.posting.pos == 0:
                parsed_alias = _parse_alias(doc, i, hit)
                if parsed_alias:
                    end_word, hits = parsed_alias
                    score, method, form = _summarise(hits)
                    parses.append((end_word, hit.posting.entity, Pattern.ALIAS, score, method, form, hits[-1], (Role.ALIAS,)))
        if not parses:
            i += 1
            continue
        longest = max(p[0] for p in parses)
        if _inside_compound(doc, i, longest):
            # Gore-Tex is not Gore; but Mirziyoyev-led and Tokayev-Putin talks name people.
            i += 1
            continue
        chosen = [p for p in parses if p[0] == longest]
        options: dict[int, Option] = {}
        for _end, entity, _pattern, score, method, form, _last, _roles in chosen:
            if entity not in options or options[entity].score < score:
                options[entity] = Option(entity, score, method, form)
        pattern = Pattern.FULL if any(p[2] == Pattern.FULL for p in chosen) else chosen[0][2]
        if any(p[2] == Pattern.ALIAS for p in chosen) and pattern != Pattern.FULL:
            pattern = Pattern.ALIAS
        last_hit = max((p[6] for p in chosen if p[6] is not None), key=lambda h: h.end, default=None)
        last_word = longest - 1
        end = words[last_word].start + (last_hit.end if last_hit else len(words[last_word].text))
        if last_hit and last_hit.form[-1:] in ".)" and text[end : end + 1] == last_hit.form[-1]:
            end += 1  # an abbreviation's dot (Jr.) or a closing bracket (Landau (Pfalz)) in the gazetteer
        if last_hit and last_hit.posting.role == Role.ALIAS and index.alias_tails[last_hit.posting.ref]:
            end = max(end, _tail_end(doc, last_word, index.alias_tails[last_hit.posting.ref]))
        keys = tuple(skeleton(w.text) for w in words[i:longest])
        item = Found(words[i].start, end, pattern, sorted(options.values(), key=lambda o: -o.score), i, last_word, keys)
        if pattern == Pattern.SURNAME and i > 0 and (not found or found[-1].last < i - 1):
            item.other_person = _preceded_by_other_name(doc, i, set(options))
            if item.other_person:
                _take_unlisted_given_name(doc, item)
        if pattern == Pattern.SURNAME and len(words[i].text) <= SHORT_SURNAME and longest < n:
            item.other_person = item.other_person or _followed_by_other_name(doc, longest, set(options))
        found.append(item)
        i = longest
    return found, words


REACH_LIMIT = 8


def _by_reach(doc: _Doc, i: int, entities: set[int]) -> list[tuple[int, int]]:
    """(end word it could reach, entity), furthest first: how far from word i the entity appears in
    every word (an initial counts for anyone, an unknown patronymic for anyone who lists none). A name
    cannot extend past that, so once a parse is found, entities that cannot reach as far need no
    parsing (a common given name at 100,000 persons would otherwise be parsed for each holder)."""
    out: list[tuple[int, int]] = []
    alive = frozenset(entities)
    k = i + 1
    facts = doc.index.entities
    while alive and k < min(len(doc.words), i + REACH_LIMIT):
        if not doc.is_initial(k):
            holders = doc.entities_at(k)
            if PATRONYMIC_RE.search(doc.words[k].text):
                holders = holders | {e for e in alive - holders if not facts[e].patronymic_listed}
            out.extend((k, entity) for entity in alive - holders)
            alive = alive & holders
        k += 1
    out.extend((k, entity) for entity in alive)
    out.sort(key=lambda item: (-item[0], item[1]))
    return out


SHORT_SURNAME = 4


def _followed_by_other_name(doc: _Doc, k: int, entities: set[int]) -> bool:
    """Lu Kang, Gor Sargsyan: a short surname right before an unknown capitalised word is another
    person's given name or a name in surname-first order."""
    if not doc.plain_gap(k) or "\n" in doc.gap(k):
        return False
    word = doc.words[k]
    if len(word.text) < 3 or not word.text.istitle() or is_title_or_function_word(word.text):
        return False
    return not _known_word(doc.hits(k), entities)


def _known_word(hits: WordHits, entities: set[int]) -> bool:
    """Is a word part of one of these entities' names, or an alias as written? A word within an edit
    of an alias is not an alias (see `_parse_alias`): Kang or Malakyan near a country's name in
    some language is still an unknown word."""
    return any(h.method != Method.FUZZY for h in hits.aliases()) or bool(hits.entities() & entities)


def _take_unlisted_given_name(doc: _Doc, item: Found) -> None:
    """Şevket Mirziyoyev: an unknown word before a surname that resembles the person's own given name
    is that given name in another spelling, not someone else's; the mention then covers both words."""
    prev = doc.words[item.first - 1]
    key = skeleton(prev.text)
    best: tuple[float, Option] | None = None
    for option in item.options:
        for given in doc.index.entities[option.entity].given_keys:
            similarity = Levenshtein.normalized_similarity(key, given)
            if similarity >= GIVEN_NAME_SIMILARITY and (best is None or similarity > best[0]):
                best = (similarity, option)
    if best is None:
        return
    similarity, option = best
    item.start = prev.start
    item.first -= 1
    item.keys = (key, *item.keys)
    item.pattern = Pattern.FULL
    item.other_person = False
    score = round(UNLISTED_GIVEN_NAME * similarity * option.score, 3)
    item.options = [Option(option.entity, score, Method.FUZZY, option.form)]


def _preceded_by_other_name(doc: _Doc, i: int, entities: set[int]) -> bool:
    """A surname right after an unknown capitalised word is someone else's full name (G‘ayrat Karimov)."""
    if not doc.plain_gap(i) or "\n" in doc.gap(i):
        return False
    prev = doc.words[i - 1]
    if doc.is_initial(i - 1) or is_title_or_function_word(prev.text) or is_caseless(prev.text[0]):
        return False  # (without letter case, a word before a surname says nothing of being a name)
    if prev.text.isupper() and len(prev.text) > 1:
        return False
    if _cannot_agree_in_case(doc, i, entities) or is_relational_noun(prev.text):
        return False  # Визит Арипова, Администрация Трампа: a visit, an administration, not a person
    return not _known_word(doc.hits(i - 1), entities)


# Russian, Ukrainian and Belarusian given names take a vowel ending in every oblique case (Шавката,
# Шавкату, Шавкатом, Марии), so a word ending in a consonant or й cannot be the given name of a
# surname in an oblique case: "Визит Арипова" is a visit, not a person called Визит.
_NOMINATIVE_ONLY_END = re.compile(r"[бвгджзклмнпрстфхцчшщй]$", re.IGNORECASE)


# Turkic languages decline only the last word of a name (Садыр Жапаровдун), so a word before a
# surname that carries a case ending is not its given name: "Бишкекте Токаев менен" (in Bishkek).
TURKIC = frozenset({"az", "ba", "kk", "ky", "tk", "tr", "tt", "uz"})
_GIVEN_NAME_LOOKALIKE = re.compile(r"(?:зада|зода|заде|zada|zoda|zade)$")


def _cannot_agree_in_case(doc: _Doc, i: int, entities: set[int]) -> bool:
    """Is the word before surname i ruled out as its given name by its case ending?"""
    before = doc.words[i - 1].text
    if (doc.lang or "").split("-")[0] in TURKIC:
        lower = before.lower()
        if _GIVEN_NAME_LOOKALIKE.search(lower) or doc.hits(i - 1).role_entities(Role.GIVEN,):
            return False  # Айзада, Гүлзада: given names that end like a case; or a known given name
        return any(
            len(ending) >= 2 and lower.endswith(ending) and len(lower) - len(ending) >= 4
            for ending in endings_for(doc.lang)
        )
    if not _NOMINATIVE_ONLY_END.search(before):
        return False
    # Russian: the surname is declined (matched through a case ending) and the word has the ending of
    # no declined given name.
    declined = [h for entity in entities for h in doc.entity_hits(i, entity) if h.posting.role == Role.SURNAME]
    return bool(declined) and all(h.method == "inflected" for h in declined)


def find_in_text(index: NameIndex, text: str, lang: str | None = None) -> list[Found]:
    """Candidate mentions in a short text (used by `lookup`), without caching."""
    return _find_in(_Doc(index, text, lang))[0]
