"""Titles of office in running text: where they stand, which office, and which country the text gives.

`c5names suggest` looks for people the gazetteer does not know where the text itself says that they
hold an office: "Foreign Minister X", "министр иностранных дел Казахстана X", "X, Kazakhstan's prime
minister", "Dışişleri Bakanı X", "外交部长X". This module reads the title expressions: the lexicon's
titles (`c5names.lexicon.TITLES`, used as they are) and the few that suggest's own table adds
(`offices_table`), matched word by word on the lexicon's `plain` reading so that each title keeps its
offsets in the text; a deputy word before or after a title; two titles of one office
("пресс-секретарь президента", "prezidentining maxsus vakili"); and the country the text gives: a
country the linker linked next to the title ("Kazakhstan's", "Казахстана", "of Kazakhstan") or a
country's adjective ("Kazakh", "kazakh", "казахстанский"), read from the gazetteer's country names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from c5names.lexicon import plain
from c5names.match.places import Countries, Places
from c5names.match.suggest_table import SuggestTable, offices_table
from c5names.model import Mention
from c5names.text.han import HAN
from c5names.text.inflection import split_elision
from c5names.text.keys import APOSTROPHES

_LETTER = rf"(?:(?![{HAN}])[^\W\d_])"
_TOKEN = re.compile(rf"{_LETTER}+(?:[{re.escape(APOSTROPHES)}\-‐‑]{_LETTER}+)*")
_HAN_RUN = re.compile(f"[{HAN}]+")
MIN_STEM = 4  # letters of a title word that an inflection may extend
MAX_ENDING = 4
MIN_COMPOUND_HEAD = 3  # letters before a title at the end of a compound (Innen-minister)
MIN_COMPOUND_TITLE = 6  # letters of a title that may end a compound (minister, not rat)


class Token(NamedTuple):
    """A word of the text: offsets, as written, its plain reading (one or more words), whether it is
    capitalised, and the text between it and the word before."""

    start: int
    end: int
    text: str
    plain: tuple[str, ...]
    cap: bool
    gap: str


def tokens_of(text: str) -> list[Token]:
    """Every word of a text outside Han runs, an elided article (l’, d’) as a word of its own."""
    out: list[Token] = []
    end = 0
    for match in _TOKEN.finditer(text):
        start, word = match.start(), match.group()
        article, rest = split_elision(word)
        if article:
            read = tuple(plain(article).split())
            out.append(Token(start, start + len(article), article, read, False, text[end:start]))
            end, start, word = start + len(article), start + len(article), rest
        cap = word[:1].isupper() or word[:1].istitle()
        out.append(Token(start, start + len(word), word, tuple(plain(word).split()), cap, text[end:start]))
        end = start + len(word)
    return out


def spaced(tokens: Sequence[Token], k: int) -> bool:
    """Is token k apart from the one before by spaces only (within a paragraph)?"""
    gap = tokens[k].gap
    return k == 0 or ((gap.isspace() or gap == "") and "\n\n" not in gap)


@dataclass(frozen=True)
class Title:
    """A title expression: its tokens first..last, the office kind of its head title, whether a deputy
    word goes with it, and the country the text gives it (a country entity id)."""

    first: int
    last: int
    start: int
    end: int
    kind: str
    deputy: bool
    country: str | None


@dataclass(frozen=True)
class _Raw:
    first: int
    last: int
    kind: str
    inflected: bool  # its first word carries an ending (prezidentining, министра): it depends on the next
    country: str | None  # a country adjective inside it (ministre kazakh des Affaires étrangères)


class OfficeReader:
    """Finds title expressions in a text; built once per gazetteer (its country names)."""

    def __init__(self, countries: Mapping[str, Iterable[str]], table: SuggestTable | None = None) -> None:
        self.table = table or offices_table()
        self.countries = Countries(countries, self.table)
        self.places = Places()
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, kind in self.table.titles.items():
            by_first.setdefault(words[0], []).append((words, kind))
        self._by_first = {w: sorted(ts, key=lambda t: -len(t[0])) for w, ts in by_first.items()}
        self._inflected_first = {
            w for w, ts in by_first.items() for _, kind in ts if self._base(w, kind, by_first) != w
        }

    @staticmethod
    def _base(word: str, kind: str, by_first: Mapping[str, list[tuple[tuple[str, ...], str]]]) -> str:
        """The shortest first word of a title of the same kind that `word` extends (prezidenta → prezident)."""
        for cut in range(min(MAX_ENDING, len(word) - MIN_STEM), 0, -1):
            if any(k == kind for _, k in by_first.get(word[:-cut], ())):
                return word[:-cut]
        return word

    def _ending(self, word: str, title_word: str) -> str | None:
        """What `word` adds to a title's word ('' when equal), or None when it is another word."""
        if word == title_word:
            return ""
        ending = word[len(title_word) :]
        if (
            len(title_word) >= MIN_STEM
            and word.startswith(title_word)
            and len(ending) <= MAX_ENDING
            and ending not in self.table.blocked_endings
        ):
            return ending
        return None

    # -- titles --------------------------------------------------------------------------------------
    def titles(self, tokens: Sequence[Token], linked: Sequence[Mention | None], lang: str | None) -> list[Title]:
        """The title expressions of a text, left to right, with their country and deputy words (a
        country's name or adjective read in the text's language too)."""
        stream = [(word, k) for k, token in enumerate(tokens) for word in token.plain]
        starts = {k: i for i, (_, k) in reversed(list(enumerate(stream)))}
        raws: list[_Raw] = []
        i = 0
        while i < len(stream):
            found = self._title_at(stream, i, tokens, lang) if self._may_start(stream, i, starts) else None
            if found is None:
                i += 1
                continue
            raw, i = found
            raws.append(raw)
        return [self._expression(tokens, linked, chain, lang) for chain in self._chains(tokens, raws)]

    def _may_start(self, stream: list[tuple[str, int]], i: int, starts: Mapping[int, int]) -> bool:
        """May a title start at stream word i: at the start of a word of the text, or after words of
        time in office joined to it (экс-президент, ex-président)?"""
        first = starts[stream[i][1]]
        return all(stream[j][0] in self.table.modifiers for j in range(first, i))

    def _title_at(
        self, stream: list[tuple[str, int]], i: int, tokens: Sequence[Token], lang: str | None
    ) -> tuple[_Raw, int] | None:
        """The longest title whose first word is stream word i, and the stream position after it."""
        word = stream[i][0]
        firsts = [word] + [word[:-cut] for cut in range(1, MAX_ENDING + 1) if len(word) - cut >= MIN_STEM]
        for first in firsts:
            ending = self._ending(word, first)
            if ending is None:
                continue
            for words, kind in self._by_first.get(first, ()):
                if len(words) == 1 and len(first) < MIN_STEM and tokens[stream[i][1]].text.isascii():
                    continue  # "mer" is the Russian мэр; in Latin letters it is the sea (la mer Caspienne)
                end, country = self._rest(stream, i + 1, words[1:], lang)
                if end is None:
                    continue
                last = stream[end - 1][1]
                if end < len(stream) and stream[end][1] == last:
                    continue  # a title ends with a word of the text, not inside one
                inflected = ending != "" or first in self._inflected_first
                return _Raw(stream[i][1], last, kind, inflected, country), end
        return self._compound_at(stream, i, lang)

    def _compound_at(self, stream: list[tuple[str, int]], i: int, lang: str | None) -> tuple[_Raw, int] | None:
        """A one-word title at the end of a compound (Innenminister, Finanzministerin), in the
        languages that write compounds as one word; not in English, where "administer" ends so."""
        if (lang or "").split("-")[0] not in self.table.compound_languages:
            return None
        word = stream[i][0]
        if i + 1 < len(stream) and stream[i + 1][1] == stream[i][1]:
            return None  # not the last word of its token
        for start in range(MIN_COMPOUND_HEAD, len(word) - MIN_COMPOUND_TITLE + 1):
            tail = word[start:]
            for cut in range(min(MAX_ENDING, len(tail) - MIN_COMPOUND_TITLE) + 1):
                base = tail[: len(tail) - cut]
                kind = self.table.titles.get((base,))
                if kind and self._ending(tail, base) is not None:
                    return _Raw(stream[i][1], stream[i][1], kind, cut > 0, None), i + 1
        return None

    def _rest(
        self, stream: list[tuple[str, int]], i: int, words: tuple[str, ...], lang: str | None
    ) -> tuple[int | None, str | None]:
        """Where the rest of a title's words end in the stream (one country adjective may stand
        among them: "ministre kazakh des Affaires étrangères"), and that adjective's country."""
        country = None
        for title_word in words:
            if i < len(stream) and self._ending(stream[i][0], title_word) is None and country is None:
                country = self.countries.of_word(stream[i][0], lang)
                i += 1 if country else 0
            if i >= len(stream) or self._ending(stream[i][0], title_word) is None:
                return None, None
            i += 1
        return i, country

    def _chains(self, tokens: Sequence[Token], raws: list[_Raw]) -> list[list[_Raw]]:
        """Titles of one office side by side: directly (Президентінің баспасөз хатшысы) or through
        'of' words (press secretary of the president), with the head title first in each chain."""
        chains: list[tuple[list[_Raw], bool]] = []  # (titles, joined by 'of' words)
        for raw in raws:
            if chains:
                titles, via_of = chains[-1]
                previous = titles[-1]
                between = tokens[previous.last + 1 : raw.first]
                joined = all(spaced(tokens, k) for k in range(previous.last + 1, raw.first + 1))
                if joined and all(w in self.table.of_words for t in between for w in t.plain):
                    chains[-1] = ([*titles, raw], via_of or bool(between))
                    continue
            chains.append(([raw], False))
        return [titles if via_of else self._head_first(titles) for titles, via_of in chains]

    @staticmethod
    def _head_first(chain: list[_Raw]) -> list[_Raw]:
        """The title that names the office first. Where two stand side by side, the one the other
        depends on: prezidentining maxsus vakili, the last; пресс-секретарь президента, the first (the
        last is inflected and the first is not)."""
        if len(chain) == 1:
            return chain
        first, last = chain[0], chain[-1]
        if last.inflected and not first.inflected:
            return chain
        return [last, *chain[:-1]]

    def _expression(
        self, tokens: Sequence[Token], linked: Sequence[Mention | None], chain: list[_Raw], lang: str | None
    ) -> Title:
        """A chain of titles with its deputy words and its country, spanning them."""
        head = chain[0]
        first, last = min(r.first for r in chain), max(r.last for r in chain)
        country = next((r.country for r in chain if r.country), None)
        deputy = False
        words_before = self._plain_before(tokens, first)
        for phrase in self.table.deputy_before:
            if words_before[-len(phrase) :] == phrase and spaced(tokens, first):
                deputy, first = True, first - self._tokens_of_words(tokens, first, len(phrase))
                break
        following = tokens[last + 1] if last + 1 < len(tokens) else None
        if following and following.plain[:1] and following.plain[0] in self.table.deputy_after:
            deputy, last = True, last + 1
        after, last_after = self._country_after(tokens, linked, last, lang)
        before, first_before = self._country_before(tokens, linked, first, lang)
        country = country or after or before
        if after:
            last = last_after
        if before:
            first = first_before
        return Title(first, last, tokens[first].start, tokens[last].end, head.kind, deputy, country)

    @staticmethod
    def _plain_before(tokens: Sequence[Token], k: int) -> tuple[str, ...]:
        return tuple(w for t in tokens[max(0, k - 2) : k] for w in t.plain)

    @staticmethod
    def _tokens_of_words(tokens: Sequence[Token], k: int, words: int) -> int:
        """How many tokens before token k hold the last `words` plain words."""
        count = 0
        while words > 0 and k - count - 1 >= 0:
            count += 1
            words -= len(tokens[k - count].plain)
        return count

    # -- countries -----------------------------------------------------------------------------------
    def country_at(
        self, tokens: Sequence[Token], linked: Sequence[Mention | None], k: int, lang: str | None
    ) -> tuple[str, int] | None:
        """(country id, its last token) when token k starts a linked country or is a country's
        name or adjective; None otherwise."""
        mention = linked[k]
        if mention is not None:
            if mention.type != "country":
                return None
            end = k
            while end + 1 < len(tokens) and linked[end + 1] is mention:
                end += 1
            return mention.id, end
        country = self.countries.of_word(tokens[k].text, lang)
        return (country, k) if country else None

    def _country_after(
        self, tokens: Sequence[Token], linked: Sequence[Mention | None], last: int, lang: str | None
    ) -> tuple[str | None, int]:
        """The country right after a title (Казахстана, kazakh) or after 'of' words (of Kazakhstan,
        de l'Ouzbékistan), and the token it ends at."""
        k = last + 1
        while k < len(tokens) and k - last <= 2 and all(w in self.table.of_words for w in tokens[k].plain):
            k += 1
        for start in dict.fromkeys((k, last + 1)):
            if start < len(tokens) and spaced(tokens, start):
                found = self.country_at(tokens, linked, start, lang)
                if found:
                    return found
        return None, last

    def _country_before(
        self, tokens: Sequence[Token], linked: Sequence[Mention | None], first: int, lang: str | None
    ) -> tuple[str | None, int]:
        """The country before a title, past articles and the words of a full name (Kazakhstan's,
        the Kazakh, Kasachstans, Қазақстан Республикасының), and the token it starts at."""
        skipped = self.table.articles | self.table.modifiers
        k = first - 1
        while k >= 0 and first - k <= 4 and spaced(tokens, k + 1):
            mention = linked[k]
            if mention is not None:
                if mention.type != "country":
                    break
                start = k
                while start > 0 and linked[start - 1] is mention:
                    start -= 1
                return mention.id, start
            country = self.countries.of_word(tokens[k].text, lang)
            if country:
                return country, k
            if not tokens[k].plain or not all(w in skipped for w in tokens[k].plain):
                break
            k -= 1
        return None, first

    # -- Chinese -------------------------------------------------------------------------------------
    def han_titles(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, office kind) of each Chinese title in the Han runs of a text, longest first."""
        out: list[tuple[int, int, str]] = []
        longest = max((len(t) for t in self.table.han_titles), default=0)
        for run in _HAN_RUN.finditer(text):
            i = run.start()
            while i < run.end():
                for size in range(min(longest, run.end() - i), 1, -1):
                    kind = self.table.han_titles.get(text[i : i + size])
                    if kind:
                        out.append((i, i + size, kind))
                        i += size
                        break
                else:
                    i += 1
        return out


def linked_tokens(tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[Mention | None]:
    """The linked mention each token overlaps, if any."""
    out: list[Mention | None] = [None] * len(tokens)
    ordered = sorted(mentions, key=lambda m: m.start)
    j = 0
    for k, token in enumerate(tokens):
        while j < len(ordered) and ordered[j].end <= token.start:
            j += 1
        if j < len(ordered) and ordered[j].start < token.end:
            out[k] = ordered[j]
    return out
