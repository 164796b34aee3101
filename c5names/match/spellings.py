"""A group of spellings made into one suggestion: each spelling split into its parts, the name to
show, the offices the texts gave, the counts and contexts.

Which word of a spelling is the surname is what the texts show: the word a document repeats alone
("Tileuberdi said"), a lone surname of the same person, a surname's ending (-ov, -eva, -oğlu), a
given name the gazetteer knows; a Chinese transcription with a middle dot ends with the surname.
When nothing shows it, the spelling stays unsplit and the skeleton asks a person to split it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from c5names.index import NameIndex
from c5names.index.variants import word_keys as indexed_keys
from c5names.match.suggest import ends_like
from c5names.match.suggest_table import SuggestTable
from c5names.model import Role
from c5names.text.inflection import stems
from c5names.text.keys import fold, letter_scripts, skeleton

MAX_CONTEXTS = 3
Office = tuple[str, bool, str | None]  # kind, deputy, country id


@dataclass
class Form:
    """One spelling as written, and what its sightings showed."""

    words: tuple[str, ...]
    han: bool
    count: int = 0
    langs: Counter[str] = field(default_factory=Counter)
    docs: dict[str, None] = field(default_factory=dict)
    offices: Counter[Office] = field(default_factory=Counter)
    titles: dict[Office, Counter[str]] = field(default_factory=dict)
    contexts: list[tuple[str, str]] = field(default_factory=list)
    dates: set[str] = field(default_factory=set)
    variants: Counter[tuple[str, ...]] = field(default_factory=Counter)
    alone: Counter[int] = field(default_factory=Counter)  # word positions some document repeats alone
    known: Counter[str] = field(default_factory=Counter)  # persons of the gazetteer with this one-word name

    @property
    def lang(self) -> str | None:
        ranked = sorted(self.langs.items(), key=lambda item: (-item[1], item[0]))
        return ranked[0][0] or None if ranked else None

    def absorb(self, other: Form) -> None:
        self.count += other.count
        self.langs.update(other.langs)
        self.docs.update(other.docs)
        self.offices.update(other.offices)
        for office, titles in other.titles.items():
            self.titles.setdefault(office, Counter()).update(titles)
        self.contexts.extend(c for c in other.contexts if len(self.contexts) < MAX_CONTEXTS)
        self.dates.update(other.dates)
        self.variants[other.words] += other.count
        self.variants.update(other.variants)
        if len(other.words) == len(self.words):
            self.alone.update(other.alone)
        self.known.update(other.known)


def word_keys(word: str, lang: str | None, han: bool) -> frozenset[str]:
    """The keys a word is indexed or looked up under: its skeleton, its stems', its romanisations'."""
    if han:
        return frozenset({fold(word)})
    keys = {skeleton(word), *(skeleton(s) for s in stems(word, lang))}
    keys.update(key for key, _form, _written in indexed_keys(word, lang or "ru"))
    return frozenset(k for k in keys if k)


@dataclass(frozen=True)
class Spelling:
    """A spelling of a candidate, split into parts where the text shows the order (else `surname`
    is None and `words` is all there is)."""

    words: tuple[str, ...]
    lang: str | None
    count: int
    han: bool
    given: str | None = None
    patronymic: str | None = None
    surname: str | None = None
    variants: tuple[str, ...] = ()  # case forms seen ("Мухтара Тлеуберди")

    @property
    def text(self) -> str:
        return ("·" if self.han else " ").join(self.words)


@dataclass(frozen=True)
class OfficeSeen:
    """An office the texts give a candidate, how often, and the titles that gave it."""

    kind: str
    deputy: bool
    country: str | None
    count: int
    titles: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    """A person the corpus names with a title whom no entity matches."""

    name: str
    slug_parts: tuple[str, ...]  # surname words then given words (as written when the order is unclear)
    spellings: tuple[Spelling, ...]
    offices: tuple[OfficeSeen, ...]
    count: int
    documents: int
    contexts: tuple[tuple[str, str], ...]
    dates: tuple[str, ...]  # the first and last document dates, when documents have one
    known: tuple[str, ...] = ()  # persons of the gazetteer a spelling (a surname alone) may also be


def build(forms: list[Form], index: NameIndex, table: SuggestTable) -> Suggestion:
    """The suggestion a group of forms of one person makes."""
    return _Builder(forms, index, table).suggestion()


class _Builder:
    """One group of forms made into a Suggestion: parts of each spelling, offices, counts."""

    def __init__(self, forms: list[Form], index: NameIndex, table: SuggestTable) -> None:
        self.forms = sorted(forms, key=lambda f: (-f.count, f.words))
        self.index = index
        self.table = table
        self.lone = [word_keys(f.words[0], f.lang, f.han) for f in self.forms if len(f.words) == 1]

    def suggestion(self) -> Suggestion:
        spellings = self._spellings()
        best = min(spellings, key=_display_rank)
        docs = {doc: None for f in self.forms for doc in f.docs}
        contexts: list[tuple[str, str]] = []
        for doc, line in (c for f in self.forms for c in f.contexts):
            if len(contexts) < MAX_CONTEXTS and all(doc != d for d, _ in contexts):
                contexts.append((doc, line))
        dates = sorted({d for f in self.forms for d in f.dates})
        return Suggestion(
            name=best.text,
            slug_parts=_slug_parts(best),
            spellings=tuple(spellings),
            offices=self._offices(),
            count=sum(f.count for f in self.forms),
            documents=len(docs),
            contexts=tuple(contexts),
            dates=tuple(dict.fromkeys(dates[:1] + dates[-1:])),
            known=tuple(sorted({i for f in self.forms for i in f.known})),
        )

    def _spellings(self) -> list[Spelling]:
        """The group's spellings, each split where the order shows: first by the surnames that the
        texts repeat alone, across the group's spellings; then by each spelling's own evidence."""
        repeated: list[frozenset[str]] = []
        for form in self.forms:
            at = self._one_end(form, lambda f, k, _keys: f.alone[k] > 0)
            if at is not None:
                repeated.append(word_keys(form.words[at], form.lang, form.han))
        out = []
        for form in self.forms:
            at = self._one_end(form, lambda _f, _k, keys: any(keys & r for r in repeated)) if repeated else None
            if at is None:
                at = self._surname_at(form)
            variants = tuple(" ".join(v) for v, _ in sorted(form.variants.items(), key=lambda i: (-i[1], i[0])))
            out.append(_parts(form, at, self.table, variants))
        return out

    @staticmethod
    def _one_end(form: Form, test: Callable[[Form, int, frozenset[str]], bool]) -> int | None:
        """The one end word (first or last) of a full name that passes a test, if only one does."""
        if len(form.words) < 2 or form.han:
            return None
        ends = (0, len(form.words) - 1)
        hits = [k for k in ends if test(form, k, word_keys(form.words[k], form.lang, False))]
        return hits[0] if len(hits) == 1 else None

    def _surname_at(self, form: Form) -> int | None:
        """Which word of a spelling is the surname, when the texts show it: a lone surname of the
        group, a surname's ending, a given name the gazetteer knows; a Chinese name with a middle dot
        ends with it. None when nothing tells."""
        words = form.words
        if len(words) == 1:
            transcribed = all(c in self.table.han_transcription for c in words[0])
            return 0 if not form.han or transcribed else None
        if form.han:
            return len(words) - 1
        for test in (
            lambda _f, _k, keys: any(keys & lone for lone in self.lone),
            lambda f, k, _keys: ends_like(f.words[k], self.table.surname_endings),
            lambda _f, _k, keys: not self._given_name(keys),
        ):
            at = self._one_end(form, test)
            if at is not None:
                return at
        return None

    def _given_name(self, keys: frozenset[str]) -> bool:
        """Is the word a given name in the gazetteer (and never a surname there)?"""
        roles = {p.role for key in keys for p in self.index.unpacked(key)}
        return Role.GIVEN in roles and Role.SURNAME not in roles

    def _offices(self) -> tuple[OfficeSeen, ...]:
        counts: Counter[Office] = Counter()
        titles: dict[Office, Counter[str]] = {}
        for form in self.forms:
            counts.update(form.offices)
            for office, seen in form.titles.items():
                titles.setdefault(office, Counter()).update(seen)
        for kind, deputy, country in list(counts):
            places = {c for k, d, c in counts if k == kind and d == deputy and c}
            if country is None and len(places) == 1:  # the country another text gave the same title
                office = (kind, deputy, places.pop())
                counts[office] += counts.pop((kind, deputy, None))
                titles.setdefault(office, Counter()).update(titles.pop((kind, deputy, None), Counter()))
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][0], item[0][1], item[0][2] or ""))
        return tuple(
            OfficeSeen(kind, deputy, country, n, tuple(t for t, _ in titles[(kind, deputy, country)].most_common()))
            for (kind, deputy, country), n in ranked
        )


def _parts(form: Form, at: int | None, table: SuggestTable, variants: tuple[str, ...]) -> Spelling:
    """A spelling split into given name, patronymic and surname, the surname being word `at`."""
    words = form.words
    base = Spelling(words, form.lang, form.count, form.han, variants=variants)
    if at is None:
        return base
    surname = words[at]
    rest = list(words[:at] + words[at + 1 :])
    if not rest:
        return replace(base, surname=surname)
    middle = rest[1:]
    patronymic = bool(middle) and any(w.islower() or ends_like(w, table.patronymic_endings) for w in middle)
    given = " ".join(rest[:1] if patronymic else rest)
    return replace(base, given=given, patronymic=" ".join(middle) if patronymic else None, surname=surname)


def _display_rank(spelling: Spelling) -> tuple[int, int, int, int, str]:
    """The spelling to show as the name: a full name in Latin letters, from English text, the most
    often seen."""
    full = len(spelling.words) > 1
    latin = script_of(spelling.text) == "Latn"
    return (0 if full else 1, 0 if latin else 1, 0 if spelling.lang == "en" else 1, -spelling.count, spelling.text)


_SCRIPTS = {"LATIN": "Latn", "CYRILLIC": "Cyrl", "GREEK": "Grek", "ARABIC": "Arab"}


def script_of(text: str) -> str | None:
    """The ISO 15924 code of the one alphabet a spelling is written in (Latn, Cyrl, Grek, Arab), or
    None (Chinese, whose simplified and traditional forms this cannot tell, or mixed scripts)."""
    found = {_SCRIPTS.get(script) for script in letter_scripts(text)}
    return found.pop() if len(found) == 1 else None


def _slug_parts(spelling: Spelling) -> tuple[str, ...]:
    """The words of an id: surname, then given name (the words as written when the order is unclear)."""
    if spelling.surname is None:
        return spelling.words
    given = tuple((spelling.given or "").split())
    return (spelling.surname, *given)
