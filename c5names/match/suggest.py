"""Office holders a text names whom the gazetteer does not know: the detection behind `c5names suggest`.

A person the gazetteer lacks cannot be linked, but a text often says who they are: a title of office
stands right before the name ("Foreign Minister Mukhtar Tileuberdi", "министр иностранных дел
Казахстана Мухтар Тлеуберди", "外交部长王毅") or right after it, set off by a comma ("Mukhtar
Tileuberdi, Kazakhstan's foreign minister"). A candidate is the run of capitalised words on that
side of a title expression (`offices.OfficeReader`), minus what the linker links: a known person's
name is no candidate, and a country is the title's country, not a name. In Chinese the name is the
run of characters right after the title, cut where a verb or particle begins.

The spans found here are sightings of one document; `tally` groups them across a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from c5names.dates import midpoint_iso
from c5names.index import NameIndex
from c5names.lexicon import FUNCTION_WORDS, SENTENCE_WORDS
from c5names.match.offices import OfficeReader, Title, Token, linked_tokens, spaced, tokens_of
from c5names.match.succession import successions
from c5names.match.view import caps_of
from c5names.model import Mention, Method
from c5names.text.han import HAN, NAME_DOTS
from c5names.text.inflection import split_apostrophe_suffix, stems
from c5names.text.keys import ascii_fold, fold

MAX_NAME_WORDS = 4
LOOKAHEAD = 1  # lowercase words between a name and a known holder of the title ("Маджлиси милли Рустами")
HONORIFIC_GAPS = frozenset({" ", ". "})
APPOSITION = frozenset({",", "–", "—", "-", "("})
CLOSING = frozenset(",.;:)!?–—")
MAX_PLACE_WORDS = 2  # words of a country's name between a title and a name
ACRONYM = 4  # letters: a word in capitals this short is an acronym (MID, ООН), not a name
# Languages that put the place of an action, in a case ending, between its subject and the verb
# (Мұхтар Тілеуберді Ташкентке барды): a third capitalised word with a case ending is that place.
TURKIC = frozenset({"az", "ba", "kk", "ky", "tk", "tr", "tt", "ug", "uz"})
_HAN_CHAR = re.compile(f"[{HAN}]")
_DROPPED = FUNCTION_WORDS | SENTENCE_WORDS


@dataclass(frozen=True)
class Sighting:
    """A name next to a title: its offsets and words as written, the office the title gives, and
    where title and name stand together (for a context)."""

    start: int
    end: int
    words: tuple[str, ...]
    kind: str
    deputy: bool
    country: str | None
    title: str
    around: tuple[int, int]
    han: bool = False
    alone: tuple[int, ...] = ()  # which words the document repeats alone (a surname: Tileuberdi said)
    known: tuple[str, ...] = ()  # persons of the gazetteer with this (one-word) name, left unlinked here


class _Doc(NamedTuple):
    """One document as the spotter reads it."""

    text: str
    tokens: Sequence[Token]
    linked: Sequence[Mention | None]
    in_title: set[int]
    lang: str | None
    date: str | None
    forms: dict[str, list[int]]  # a capitalised word's folded forms (as written, stems) → its tokens
    heads: set[int]  # first tokens of titles that open with the title itself (no country before it)


class Spotter:
    """Finds sightings in documents, with an index to tell whose title a title is."""

    def __init__(self, index: NameIndex, reader: OfficeReader) -> None:
        self.index = index
        self.reader = reader
        self.table = reader.table

    def sightings(
        self, text: str, mentions: Sequence[Mention], lang: str | None = None, date: str | None = None
    ) -> list[Sighting]:
        """The names next to titles in a text, given what the linker linked in it (its language
        tells a place's name in it; its date, who held an office then)."""
        # A country or place found only by fuzzy matching is not trusted to be one (Руслан is not
        # Russland): its words are read like any others.
        mentions = [m for m in mentions if m.type == "person" or m.method != Method.FUZZY]
        tokens = tokens_of(text)
        linked = linked_tokens(tokens, mentions)
        titles = self.reader.titles(tokens, linked, lang)
        succeeded = [title for title, _ in successions(self.index, self.table, tokens, linked, date)]
        in_title = {k for title in [*titles, *succeeded] for k in range(title.first, title.last + 1)}
        heads = {t.first for t in titles if self.reader.country_at(tokens, linked, t.first, lang) is None}
        doc = _Doc(text, tokens, linked, in_title, lang, date, _forms(tokens, lang), heads)
        caps: dict[int, bool] = {}
        out: list[Sighting] = []
        for title in titles:
            if caps_of(text, title.start, caps):
                continue  # a headline in capitals: no letter case tells a name from a word
            found = self._after(doc, title)
            if found is None:
                found = self._before(doc, title)
            if found is not None:
                out.append(found)
        out.extend(found for title in succeeded if (found := self._after(doc, title)) is not None)
        out.extend(self._han(text, mentions))
        return sorted(out, key=lambda s: s.start)

    # -- a name after its title ----------------------------------------------------------------------
    def _after(self, doc: _Doc, title: Title) -> Sighting | None:
        tokens, linked = doc.tokens, doc.linked
        k = title.last + 1
        if k >= len(tokens) or not (spaced(tokens, k) or _comma(tokens[k].gap)):
            return None
        if split_apostrophe_suffix(tokens[title.last].text):
            return None  # the Prime Minister's Office, Dışişleri Bakanı'nın açıklaması: not a name
        if (
            title.first > 0
            and spaced(tokens, title.first)
            and set(tokens[title.first - 1].plain) & self.table.dependents
        ):
            return None  # Помощник президента Юрий Ушаков: the president's aide, not the president
        while k + 1 < len(tokens) and tokens[k].plain and tokens[k].plain[-1] in FUNCTION_WORDS:
            if not tokens[k].cap or tokens[k + 1].gap not in HONORIFIC_GAPS:
                return None  # Mr, M., Herr, janob before the name are skipped; anything else ends it
            k += 1
        for _ in range(MAX_PLACE_WORDS):  # a country the gazetteer lacks: президент Франции Эммануэль Макрон
            if k + 1 < len(tokens) and spaced(tokens, k + 1) and self.reader.places.named([tokens[k].text], doc.lang):
                k += 1
        run = self._run(doc, k, forward=True)
        if not run or self._title_is_theirs(tokens, linked, run, title, doc.date):
            return None
        return self._sighting(doc, run, title)

    def _title_is_theirs(
        self, tokens: Sequence[Token], linked: Sequence[Mention | None], run: list[int], title: Title, date: str | None
    ) -> bool:
        """Does a linked person follow the candidate so closely that the title is theirs? Right after
        it (председатель Халк Маслахаты Гурбангулы Бердымухамедов), or past a lowercase word that is
        no function word, when that person holds an office of the title's kind (Председатель
        Маджлиси милли Рустами Эмомали; not "Тлеуберди встретился с Сергеем Лавровым")."""
        k = run[-1] + 1
        for step in range(LOOKAHEAD + 1):
            j = k + step
            if j >= len(tokens) or not spaced(tokens, j):
                return False
            mention = linked[j]
            if mention is not None:
                if mention.type != "person":
                    return False
                if step == 0:
                    return not _oblique(mention, len(run))
                return self._holds(mention.id, title, date)
            if tokens[j].cap or any(w in FUNCTION_WORDS for w in tokens[j].plain):
                return False
        return False

    def _holds(self, entity_id: str, title: Title, date: str | None) -> bool:
        """Does the gazetteer give the person the title's office: its kind, in its country when the
        text gives one, on the date when one is known?"""
        number = self.index.by_id.get(entity_id)
        if number is None:
            return False
        day = midpoint_iso(date)
        return any(
            kind == title.kind
            and (title.country is None or country in (None, title.country))
            and (day is None or start <= day <= end)
            for kind, country, start, end in self.index.entities[number].offices
        )

    # -- a name before its title ---------------------------------------------------------------------
    def _before(self, doc: _Doc, title: Title) -> Sighting | None:
        tokens = doc.tokens
        following = title.last + 1
        closing = doc.text[title.end : tokens[following].start if following < len(tokens) else len(doc.text)]
        if following < len(tokens) and closing.strip()[:1] not in CLOSING:
            return None  # an apposition ends with its title ("X, Kazakhstan's foreign minister, said")
        skipped = self.table.articles | self.table.modifiers
        k = title.first - 1
        while k >= 0 and tokens[k].plain and all(w in skipped for w in tokens[k].plain) and spaced(tokens, k + 1):
            k -= 1
        if k < 0 or tokens[k + 1].gap.strip() not in APPOSITION or "\n" in tokens[k + 1].gap:
            return None
        run = self._run(doc, k, forward=False)
        if not run:
            return None
        before = run[0] - 1
        if before >= 0 and spaced(tokens, run[0]):
            if doc.linked[before] is not None:
                return None  # the end of a longer name the linker knows
            if tokens[before].plain and tokens[before].plain[-1] in self.table.place_prepositions:
                return None  # "In Astana, the foreign minister …": a place
        return self._sighting(doc, run, title)

    # -- runs of name words --------------------------------------------------------------------------
    def _run(self, doc: _Doc, k: int, forward: bool) -> list[int]:
        """Token indices of the capitalised words from token k on (or back), which may hold lowercase
        connectors (uulu, von der); not past a linked mention, a title, a country or punctuation."""
        tokens = doc.tokens
        run: list[int] = []
        step = 1 if forward else -1
        j = k
        while 0 <= j < len(tokens) and len(run) < MAX_NAME_WORDS:
            if run and not spaced(tokens, max(j, j - step)):
                break
            if doc.linked[j] is not None or j in doc.in_title:
                break
            connector = bool(run) and tokens[j].plain[:1] and tokens[j].plain[0] in self.table.name_connectors
            if not (connector or self._name_word(tokens[j], doc.lang)):
                break
            if forward and j + 1 in doc.heads and spaced(tokens, j + 1):
                break  # a word right before a title qualifies it (Өзбекстан Президенті, Kremlin spokesman)
            run.append(j)
            j += step
        run.sort()
        while run and not tokens[run[-1]].cap:
            run.pop()
        while run and not tokens[run[0]].cap:
            run.pop(0)
        if len(run) > 1 and stems(tokens[run[-1]].text, doc.lang):
            after_surname = ends_like(tokens[run[-2]].text, self.table.surname_endings)
            if after_surname or (len(run) > 2 and (doc.lang or "").split("-")[0] in TURKIC):
                run.pop()  # Abdulaziz Komilov Toshkentda: where, in a case ending, after the name
        if forward and len(run) == 3 and self._given_and_surname(tokens[run[1]].text, tokens[run[2]].text):
            run.pop(0)  # пресс-секретарь Кремля Дмитрий Песков: an institution, then the name
        return run

    def _given_and_surname(self, middle: str, last: str) -> bool:
        """Do the last two of three words make a name by themselves: a surname by its ending after a
        word that is no patronymic (Кремля Дмитрий Песков, not Дмитрий Сергеевич Песков)?"""
        return ends_like(last, self.table.surname_endings) and not ends_like(middle, self.table.patronymic_endings)

    def _name_word(self, token: Token, lang: str | None) -> bool:
        letters = sum(c.isalpha() for c in token.text)
        return (
            token.cap
            and letters >= 2
            and not (token.text.isupper() and letters <= ACRONYM)
            and not (token.plain and all(w in _DROPPED for w in token.plain))
            and self.reader.countries.of_word(token.text, lang) is None
        )

    def _sighting(self, doc: _Doc, run: list[int], title: Title) -> Sighting | None:
        """The sighting of the name in tokens `run` next to `title`; None for a place, or for a full
        name every word of which belongs to one known person (whom the linker left unlinked here)."""
        tokens = doc.tokens
        words = [tokens[k].text for k in run]
        end = tokens[run[-1]].end
        split = split_apostrophe_suffix(words[-1])
        if split:  # Tileuberdi's, Tileuberdi'nin
            words[-1] = split[0]
            end -= len(split[1])
        if self.reader.places.named(words, doc.lang):
            return None  # a country or region (die Chefdiplomaten Zentralasiens)
        known = self._known(words, doc.lang)
        if known and len(words) > 1:
            return None
        start = tokens[run[0]].start
        around = (min(start, title.start), max(end, title.end))
        office = (title.kind, title.deputy, title.country)
        title_text = doc.text[title.start : title.end]
        alone = _alone(doc, run, words)
        return Sighting(start, end, tuple(words), *office, title_text, around, False, alone, known)

    def _known(self, words: Sequence[str], lang: str | None) -> tuple[str, ...]:
        """Ids of the persons of the gazetteer who have every one of the words among their names
        (as written, romanised or inflected; not by fuzzy likeness)."""
        common: set[int] | None = None
        for word in words:
            hits = self.index.word_hits(word, lang)
            found = {h.posting.entity for h in hits.all() if h.method != Method.FUZZY} if hits else set()
            common = found if common is None else common & found
            if not common:
                return ()
        entities = self.index.entities
        return tuple(sorted(entities[e].id for e in common or () if entities[e].type == "person"))

    # -- Chinese -------------------------------------------------------------------------------------
    def _han(self, text: str, mentions: Sequence[Mention]) -> list[Sighting]:
        """Names right after Chinese titles: a run of transcription characters (特列乌别尔季), or a
        Chinese name of two or three characters cut at a verb or particle (王毅在…)."""
        starts = {m.start: m for m in mentions}
        ends = {m.end: m for m in mentions if m.type == "country"}
        out: list[Sighting] = []
        for start, end, kind in self.reader.han_titles(text):
            if end in starts:
                continue  # a known person (国家主席习近平)
            name_end = self._han_name_end(text, end, starts)
            name = text[end:name_end].strip(NAME_DOTS)
            letters = len(_HAN_CHAR.findall(name))
            transcribed = bool(name) and name[0] in self.table.han_transcription
            if letters < 2 or (not transcribed and letters > 3):
                continue  # no name, or a Chinese one whose end cannot be told
            country = ends[start].id if start in ends else None
            title_start = ends[start].start if start in ends else start
            words = tuple(part for part in re.split(f"[{NAME_DOTS}]", name) if part)
            around = (title_start, end + len(name))
            out.append(
                Sighting(end, end + len(name), words, kind, False, country, text[title_start:end], around, han=True)
            )
        return out

    def _han_name_end(self, text: str, start: int, starts: dict[int, Mention]) -> int:
        transcribed = text[start : start + 1] in self.table.han_transcription
        j = start
        while j < len(text) and (_HAN_CHAR.match(text[j]) or text[j] in NAME_DOTS):
            char = text[j]
            if char in self.table.han_stops or (j > start and j in starts):
                break
            if transcribed and char not in self.table.han_transcription and char not in NAME_DOTS:
                break
            j += 1
        return j


def _oblique(mention: Mention, run_words: int) -> bool:
    """Is the person right after a run of two or more name words one surname in a case form, the
    object of the sentence rather than the run's owner (Мұхтар Тілеуберді Тоқаевпен кездесті)?"""
    return run_words >= 2 and mention.method == Method.INFLECTED and " " not in mention.text


def ends_like(word: str, endings: frozenset[str]) -> bool:
    """Does the word's ASCII reading end with one of the endings, after a stem of three letters?"""
    key = ascii_fold(word).replace(" ", "")
    return any(key.endswith(e) and len(key) - len(e) >= 3 for e in endings if e)


def _forms(tokens: Sequence[Token], lang: str | None) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for k, token in enumerate(tokens):
        if token.cap:
            split = split_apostrophe_suffix(token.text)
            for form in {token.text, *(split[:1] if split else ()), *stems(token.text, lang)}:
                out.setdefault(fold(form), []).append(k)
    return out


def _alone(doc: _Doc, run: list[int], words: list[str]) -> tuple[int, ...]:
    """Positions of the name's words that the document repeats on their own, away from the other
    words of the name (the press repeats a surname alone: "Tileuberdi said")."""
    folded = [fold(w) for w in words]
    found = []
    for p, word in enumerate(folded):
        others = set(folded[:p] + folded[p + 1 :])
        for k in doc.forms.get(word, ()):
            if run[0] <= k <= run[-1]:
                continue
            near = [doc.tokens[n] for n in (k - 1, k + 1) if 0 <= n < len(doc.tokens)]
            if not any(fold(t.text) in others for t in near):
                found.append(p)
                break
    return tuple(found) if len(words) > 1 else ()


def _comma(gap: str) -> bool:
    """A comma (or colon) and spaces between a title and its name (le président de l'Ouzbékistan, Chavkat)."""
    return gap.strip() in {",", ":"} and "\n" not in gap
