"""The evidence a document offers beyond a name itself: its date and the titles before mentions.

On the document's date, which candidates held any office, and which held the office a title right
before the mention names (président, Präsident, президент, 总统…)? `Evidence` answers, and builds
the `Mention` with the evidence that decided it.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterable, Sequence

import numpy

from c5names.dates import midpoint_iso
from c5names.index import NameIndex
from c5names.lexicon import is_whole_title, kinds_named, plain, title_kinds, title_offices, titles_after_the_name
from c5names.lexicon.portfolios import portfolios_named
from c5names.match.candidates import Found, Holders, Option, columns, ranks, the_one
from c5names.match.places import Countries
from c5names.match.suggest_table import offices_table
from c5names.model import ALTERNATIVES_LISTED, LEADING_KINDS, Mention, Method
from c5names.scoring import calibrated
from c5names.text.scripts import base_language

_SENTENCE_END = re.compile(r"[.!?»\n]\s+(?=\S)")
CONTEXT_CHARS = 80


def _named_by(title: str) -> frozenset[str]:
    """The office kinds a title of this kind names: its own, or one `title_offices` adds (an envoy's
    title names ambassadors too). Asked once per pool, not per holder."""
    return title_offices().get(title) or frozenset({title})


def _active(index: NameIndex, entity: int, date: str | None, named: frozenset[str] | None = None) -> bool:
    """Did the entity hold an office on the date (any date when None): one of these kinds
    (`_named_by` a title), or any."""
    for office_kind, _country, start, end in index.entities[entity].offices:
        if named is not None and office_kind not in named:
            continue
        if date is None or start <= date <= end:
            return True
    return False


# The words right before a mention a title's country may be written in ("Turkmen Energy Minister",
# "туркменский министр энергетики"): whole words of letters (an apostrophe inside one), one space or
# hyphen apart, at most TITLE_WORDS of them: a spaCy window reaches 8 tokens before a surname
# (`component.sparse`), and a word cut at hyphens is that many tokens more, so the component reads what
# the linker reads.
TITLE_WORDS = 4
_WORDS_BEFORE = re.compile(rf"(?<![^\W\d_'’])(?:[^\W\d_]+(?:['’][^\W\d_]+)*[ -]){{1,{TITLE_WORDS}}}$")


_COUNTRIES: weakref.WeakKeyDictionary[NameIndex, Countries] = weakref.WeakKeyDictionary()


def _countries(index: NameIndex) -> Countries:
    """The index's countries, to read a word as a country's name or adjective (`places.Countries`,
    with CLDR's names in each language read): made once per index, and let go with it (a cache that
    held indexes would keep a replaced gazetteer of a million persons alive)."""
    found = _COUNTRIES.get(index)
    if found is None:
        names = {facts.id: [facts.name] for facts in index.entities if facts.type == "country"}
        found = _COUNTRIES[index] = Countries(names, offices_table())
    return found


def country_before(index: NameIndex, text: str, start: int, lang: str | None) -> str | None:
    """The one country a word among the few right before `start` names or qualifies (an adjective:
    Turkmen, turkmène, туркменский), read with no punctuation between it and the mention; None if
    none does, or if two countries do."""
    run = _WORDS_BEFORE.search(text, max(0, start - CONTEXT_CHARS), start)
    if run is None:
        return None
    countries = _countries(index)
    found = {country for word in run.group().replace("-", " ").split() if (country := countries.of_word(word, lang))}
    return found.pop() if len(found) == 1 else None


def _in_portfolio(index: NameIndex, entity: int, date: str, named: frozenset[str], portfolio: str) -> bool:
    """Did the entity hold, on the date, an office of one of these kinds whose role names the
    portfolio (Minister of Energy of Turkmenistan: energy)?"""
    facts = index.entities[entity]
    return any(
        kind in named and start <= date <= end and portfolio in portfolios_named(role)
        for (kind, _country, start, end), role in zip(facts.offices, facts.roles, strict=False)
    )


def title_before(text: str, start: int) -> str | None:
    """The office kind named just before a mention, in the same sentence."""
    found = title_phrase_before(text, start)
    return found[0] if found else None


def title_phrase_before(text: str, start: int) -> tuple[str, str] | None:
    """(the office kind named just before a mention, in the same sentence; the title as read, in its
    plain reading, from where it starts to the mention: "energy minister")."""
    window = text[max(0, start - CONTEXT_CHARS) : start]
    cut = list(_SENTENCE_END.finditer(window))
    if cut:
        window = window[cut[-1].end() :]
    kinds = title_kinds(window)
    if not kinds:
        return None
    at, kind = kinds[-1]
    return kind, plain(window)[at:].strip()


def title_after(text: str, end: int) -> str | None:
    """The office kind named right after a mention, with nothing but spaces between (Hungarian
    "Dzsaparov miniszterelnök", Chinese 扎帕罗夫总理): the longest title starting there."""
    window = text[end : end + CONTEXT_CHARS]
    cut = _SENTENCE_END.search(window)
    if cut:
        window = window[: cut.start() + 1]
    folded = plain(window)
    first = len(folded) - len(folded.lstrip())
    at_first = [kind for start, kind in title_kinds(window) if start == first]
    return at_first[-1] if at_first else None


class Evidence:
    """What a document says about its candidates: its date (who held which office then) and the
    titles written before mentions (and right after them, in a language that also writes titles
    there: `lexicon.titles_after_the_name`). Narrows candidate lists and builds the linked mentions.

    `document`: when `text` holds only parts of a document (the spaCy component's windows, the rest
    blanked), the whole document's text, asked for only when evidence read anywhere in it is needed
    (`document_titles`), so that reading parts decides as reading the whole would."""

    def __init__(
        self,
        index: NameIndex,
        text: str,
        date: str | None,
        document: Callable[[], str] | None = None,
        lang: str | None = None,
    ) -> None:
        self.index = index
        self.text = text
        self.document = document
        self.date = midpoint_iso(date)
        self.lang = lang
        self._after = base_language(lang) in titles_after_the_name()
        self._titles: dict[int, tuple[str, str] | None] = {}  # start → (kind, the title as read), `title_phrase_before`
        self._titles_after: dict[int, str | None] = {}
        self._reading: str | None = None  # the whole document's plain reading, once asked
        self._document_titles: dict[str, bool] = {}
        self._mistitled: dict[int, str | None] = {}  # start → `mistitled`

    def title(self, start: int, end: int | None = None) -> str | None:
        """The office kind named just before a mention starting at `start`, or, in a language that
        also writes titles after the name, right after it when it ends at `end` (memoised: several
        rules may ask)."""
        before = self._phrase_before(start)
        found = before[0] if before else None
        if found is None and self._after and end is not None:
            if end not in self._titles_after:
                self._titles_after[end] = title_after(self.text, end)
            found = self._titles_after[end]
        return found

    def _phrase_before(self, start: int) -> tuple[str, str] | None:
        """`title_phrase_before` the mention starting at `start`, memoised (`title`, `mistitled`)."""
        if start not in self._titles:
            self._titles[start] = title_phrase_before(self.text, start)
        return self._titles[start]

    def _holds(self, option: Option, named: frozenset[str]) -> bool:
        """Is the option a person found by more than fuzzy matching who held an office of these kinds on
        the document's date (`titled`, `mistitled`)?"""
        return (
            self.index.entities[option.entity].type == "person"
            and option.method != Method.FUZZY
            and _active(self.index, option.entity, self.date, named)
        )

    def document_titles(self, kinds: Iterable[str]) -> frozenset[str]:
        """Which of these office kinds a title anywhere in the document names: the document is read
        (in its plain reading) when first asked, and the kinds not asked before are searched together
        (`kinds_named`), each once."""
        found, kinds = self._document_titles, list(kinds)
        new = [kind for kind in kinds if kind not in found]
        if new:
            if self._reading is None:
                self._reading = plain(self.text if self.document is None else self.document())
            named = kinds_named(self._reading, new)
            found.update((kind, kind in named) for kind in new)
        return frozenset(kind for kind in kinds if found[kind])

    def narrow(
        self, options: Sequence[Option], start: int, evidence: list[str], end: int | None = None
    ) -> Sequence[Option]:
        """Keep the candidates that the date and a title before the mention agree with. Offices tell
        persons apart, never a person from a place: a country (or other non-person) among the
        candidates stays (Latvian "Ķīnu", China in the accusative, has the stem of Qin Gang's
        surname, and that he held an office says nothing about which is meant). A title written
        right before the mention does: it names a person's office."""
        bulk = columns(options)
        if bulk is not None:
            return self._narrow_holders(bulk, start, evidence, end)
        pool = options
        facts = self.index.entities
        holders = [o for o in pool if facts[o.entity].offices or facts[o.entity].type != "person"]
        if holders and len(holders) < len(pool):
            pool = holders
            evidence.append("office-holder")
        if self.date:
            active = [o for o in pool if facts[o.entity].type != "person" or _active(self.index, o.entity, self.date)]
            if active and len(active) < len(pool):
                pool = active
                evidence.append(f"in office on {self.date}")
        title = self.title(start, end)
        if title:
            named = _named_by(title)
            titled = [o for o in pool if _active(self.index, o.entity, self.date, named)]
            if titled and len(titled) < len(pool):
                pool = titled
                evidence.append(f"title: {title}")
        return pool

    def _narrow_holders(self, options: Holders, start: int, evidence: list[str], end: int | None = None) -> Holders:
        """`narrow` of a common surname's holders, read from their columns (`Holders`)."""
        pool = options
        holders = self.index.entity_flags().offices[pool.array()]
        if holders.any() and not holders.all():
            pool = pool.select(holders)
            evidence.append("office-holder")
        if self.date:
            active = self._active_mask(pool, None)
            if active.any() and not active.all():
                pool = pool.select(active)
                evidence.append(f"in office on {self.date}")
        title = self.title(start, end)
        if title:
            titled = self._active_mask(pool, title)
            if titled.any() and not titled.all():
                pool = pool.select(titled)
                evidence.append(f"title: {title}")
        return pool

    def _active_mask(self, pool: Holders, kind: str | None) -> numpy.ndarray:
        """Which of the holders held an office (of this kind) on the document's date."""
        index, date, named = self.index, self.date, _named_by(kind) if kind else None
        active = (_active(index, entity, date, named) for entity in pool.entities)
        return numpy.fromiter(active, dtype=bool, count=len(pool))

    def title_country(self, start: int, end: int | None = None) -> str | None:
        """The country the title right before a mention gives it by a word of its own ("Turkmen Energy
        Minister Saparov": turkmenistan), when a title stands there (`title`)."""
        if self.title(start, end) is None:
            return None
        return country_before(self.index, self.text, start, self.lang)

    def titled(self, options: Sequence[Option], start: int, end: int | None = None) -> tuple[Option, str] | None:
        """The one candidate holding the office named right before the mention (or after it: `title`)
        on the document's date."""
        title = self.title(start, end)
        if not title or not self.date:
            return None
        date, named = self.date, _named_by(title)
        holder = the_one(options, lambda o: self._holds(o, named))
        if holder is not None:
            return holder, title
        # Several hold an office of the title's kind: the title's portfolio may tell them apart ("Energy
        # Minister Saparov": the one whose office of that kind is the ministry of energy).
        portfolio = self._title_portfolio(start)
        if portfolio is None:
            return None
        holder = the_one(
            options, lambda o: self._holds(o, named) and _in_portfolio(self.index, o.entity, date, named, portfolio)
        )
        return (holder, f"{title} ({portfolio})") if holder is not None else None

    def mistitled(self, options: Sequence[Option], start: int) -> str | None:
        """The office kind of a title standing right before a mention (nothing but the title between
        them: `is_whole_title`) when none of the person candidates (found by more than fuzzy matching)
        held an office it names on the document's date: the title then names someone the gazetteer does
        not list ("аким Ким" is no Korean leader). None without such a title or a date, or when one of
        them held such an office. Memoised per mention: `resolve` asks it of a surname twice."""
        if start not in self._mistitled:
            found = self._phrase_before(start)
            kind = found[0] if found and self.date and is_whole_title(found[1], found[0]) else None
            if kind is not None:
                named = _named_by(kind)
                each = options.one_by_one() if isinstance(options, Holders) else options
                kind = None if any(self._holds(option, named) for option in each) else kind
            self._mistitled[start] = kind
        return self._mistitled[start]

    def leading(self, options: Sequence[Option]) -> Option | None:
        """The one candidate holding a leading office (`LEADING_KINDS`) on the document's date, where
        several namesakes hold some office then: the press names a leader by surname alone, and a
        lesser namesake in full ("Арипов" alone is Prime Minister Abdulla Aripov, not Eldor Aripov of
        a research institute). None when none or several do, or without a date."""
        if not self.date:
            return None
        date, index = self.date, self.index
        return the_one(options, lambda option: _active(index, option.entity, date, LEADING_KINDS))

    def _title_portfolio(self, start: int) -> str | None:
        """The one portfolio the title right before a mention names (`lexicon.portfolios`), if any:
        read from the title `title` found there (asked first, by `titled`)."""
        before = self._titles.get(start)
        named = portfolios_named(before[1]) if before else frozenset()
        return next(iter(named)) if len(named) == 1 else None

    def mention(
        self,
        found: Found,
        option: Option,
        method: str,
        score: float,
        evidence: list[str],
        alternatives: Sequence[Option],
    ) -> Mention:
        facts = self.index.entities[option.entity]
        others = [o for o in alternatives[: ALTERNATIVES_LISTED + 1] if o.entity != option.entity][:ALTERNATIVES_LISTED]
        if len(alternatives) > ALTERNATIVES_LISTED:
            # an entity is an option once; which entities are options is asked once per Options (`derived`)
            chosen_listed = option.entity in ranks(alternatives)
            total = len(alternatives) - chosen_listed
            if total > len(others):
                evidence = [*evidence, f"alternatives: {len(others)} of {total:,}"]
        raw = round(min(score, 1.0), 4)
        return Mention(
            start=found.start,
            end=found.end,
            text=self.text[found.start : found.end],
            id=facts.id,
            name=facts.name,
            type=facts.type,
            score=calibrated(raw),
            raw_score=raw,
            method=str(method),  # a plain string in what users get
            form=option.form,
            wikidata=facts.wikidata,
            evidence=tuple(map(str, evidence)),
            alternatives=tuple((self.index.entities[o.entity].id, round(o.score, 4)) for o in others),
        )
