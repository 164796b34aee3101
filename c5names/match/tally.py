"""The sightings of a corpus grouped into candidate people: their spellings, offices, counts, contexts.

One person is written many ways across a corpus: Tileuberdi, Тилеуберди, Тілеуберді, Tleuberdi,
Мухтара Тлеуберди. Spellings are grouped by the keys the matcher itself uses: a word's skeleton key
(`text.keys.skeleton`), the keys of its stems without case endings (`text.inflection.stems`) and of
its romanisations (`index.variants.word_keys`), and keys within the matcher's fuzzy reach
(`index.neighbours`). A case form of a spelling seen in the nominative is folded into it (Мухтара
Тлеуберди into Мухтар Тлеуберди); two full names are one person when their words meet word by word;
a lone surname joins the one full name whose surname it meets, and stays apart when it meets several.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from c5names.index import NameIndex
from c5names.index.neighbours import DeletionIndex
from c5names.index.query import FUZZY_MIN_LEN
from c5names.index.variants import word_keys
from c5names.match.suggest import Sighting, ends_like
from c5names.match.suggest_table import SuggestTable
from c5names.model import Role
from c5names.text.inflection import stems
from c5names.text.keys import fold, skeleton

CONTEXT = 40  # characters either side of a title and its name
MAX_CONTEXTS = 3
Office = tuple[str, bool, str | None]  # kind, deputy, country id
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class _Form:
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

    def absorb(self, other: _Form) -> None:
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


def context(text: str, around: tuple[int, int]) -> str:
    """The title and the name with a few words either side, on one line."""
    start, end = max(0, around[0] - CONTEXT), min(len(text), around[1] + CONTEXT)
    if start > 0 and " " in text[start : around[0]]:
        start = text.index(" ", start) + 1
    if end < len(text) and " " in text[around[1] : end]:
        end = text.rindex(" ", around[1], end)
    line = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + line + ("…" if end < len(text) else "")


class Tally:
    """Collects the sightings of a corpus, document by document; `suggestions` groups them."""

    def __init__(self, index: NameIndex, table: SuggestTable) -> None:
        self.index = index
        self.table = table
        self.forms: dict[tuple[tuple[str, ...], bool], _Form] = {}
        self.documents = 0
        self.lowercase: set[str] = set()  # every word the corpus writes in lowercase, folded

    def add(self, doc_id: str, text: str, lang: str | None, date: str | None, sightings: Iterable[Sighting]) -> None:
        self.documents += 1
        self.lowercase.update(fold(w) for w in _WORD.findall(text) if w[0].islower())
        for s in sightings:
            form = self.forms.setdefault((s.words, s.han), _Form(s.words, s.han))
            form.count += 1
            form.langs[lang or ""] += 1
            office = (s.kind, s.deputy, s.country)
            form.offices[office] += 1
            form.titles.setdefault(office, Counter())[" ".join(s.title.split())] += 1
            if len(form.contexts) < MAX_CONTEXTS and doc_id not in form.docs:
                form.contexts.append((doc_id, context(text, s.around)))
            form.docs[doc_id] = None
            form.alone.update(s.alone)
            form.known.update(s.known)
            if date:
                form.dates.add(date)

    def suggestions(self) -> list[Suggestion]:
        """One suggestion per person, the most often seen first (then by name)."""
        common = [f for f in self.forms.values() if not f.han and all(fold(w) in self.lowercase for w in f.words)]
        # Words the corpus also writes in lowercase are common words (the Prime Minister Office), not a name.
        forms = _fold_case_forms([f for f in self.forms.values() if f not in common])
        groups = _Grouper(forms, self.index, self.table).groups()
        out = [_Builder(group, self.index, self.table).suggestion() for group in groups]
        return sorted(out, key=lambda s: (-s.count, s.name, s.slug_parts))


def _fold_case_forms(forms: list[_Form]) -> list[_Form]:
    """Forms whose words are case forms of another form's words (Мухтара Тлеуберди of Мухтар
    Тлеуберди) are folded into it; forms differing in letter case only, into the commoner one."""
    by_fold: dict[tuple[tuple[str, ...], bool], _Form] = {}
    for form in sorted(forms, key=lambda f: (-f.count, f.words)):
        key = (tuple(fold(w) for w in form.words), form.han)
        if key in by_fold:
            by_fold[key].absorb(form)
        else:
            by_fold[key] = form
    kept = dict(by_fold)
    for key, form in sorted(by_fold.items(), key=lambda item: (item[1].count, item[1].words)):
        if form.han:
            continue
        options = [[fold(w), *(fold(s) for s in stems(w, form.lang))] for w in form.words]
        for option in itertools.islice(itertools.product(*options), 1, 2000):
            base = kept.get((tuple(option), False))
            if base is not None and base is not form:
                base.absorb(form)
                del kept[key]
                break
    return list(kept.values())


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


class _Grouper:
    """Groups forms into people by the keys of their words."""

    def __init__(self, forms: list[_Form], index: NameIndex, table: SuggestTable) -> None:
        self.forms = forms
        self.index = index
        self.table = table
        self.keys = [[self.word_keys(w, f.lang, f.han) for w in f.words] for f in forms]
        long_keys = {k for words in self.keys for keys in words for k in keys if len(k) >= FUZZY_MIN_LEN}
        self.near = DeletionIndex(sorted(long_keys))
        self._near: dict[str, frozenset[str]] = {}

    @staticmethod
    def word_keys(word: str, lang: str | None, han: bool) -> frozenset[str]:
        """The keys a word is indexed or looked up under: skeleton, stems, romanisations."""
        if han:
            return frozenset({fold(word)})
        keys = {skeleton(word), *(skeleton(s) for s in stems(word, lang))}
        keys.update(key for key, _form, _written in word_keys(word, lang or "ru"))
        return frozenset(k for k in keys if k)

    def meet(self, a: frozenset[str], b: frozenset[str]) -> bool:
        """Do two words' keys meet: a key in common, or keys within the matcher's fuzzy reach?"""
        if a & b:
            return True
        return any(self._near_keys(key) & b for key in a if len(key) >= FUZZY_MIN_LEN)

    def _near_keys(self, key: str) -> frozenset[str]:
        found = self._near.get(key)
        if found is None:
            found = self._near[key] = frozenset(other for other, _ in self.near.near(key, limit=50))
        return found

    def _same_person(self, i: int, j: int) -> bool:
        """Two full names (two words or more) of one person: words meet in order (or, two words each,
        in reverse: Orbán Viktor); names of different lengths meet at their first and last words."""
        a, b = self.keys[i], self.keys[j]
        if len(a) == len(b) and all(self.meet(x, y) for x, y in zip(a, b, strict=True)):
            return True
        if len(a) == len(b) == 2 and self.meet(a[0], b[1]) and self.meet(a[1], b[0]):
            return True
        return len(a) != len(b) and self.meet(a[0], b[0]) and self.meet(a[-1], b[-1])

    def groups(self) -> list[list[_Form]]:
        n = len(self.forms)
        sets = _UnionFind(n)
        multi = [i for i in range(n) if len(self.forms[i].words) > 1]
        single = [i for i in range(n) if len(self.forms[i].words) == 1]
        for i, j in itertools.combinations(multi, 2):
            if self.forms[i].han == self.forms[j].han and self._same_person(i, j):
                sets.union(i, j)
        for i, j in itertools.combinations(single, 2):
            if self.forms[i].han == self.forms[j].han and self.meet(self.keys[i][0], self.keys[j][0]):
                sets.union(i, j)
        self._attach_surnames(sets, single, multi)
        grouped: dict[int, list[_Form]] = {}
        for i in range(n):
            grouped.setdefault(sets.find(i), []).append(self.forms[i])
        return list(grouped.values())

    def _attach_surnames(self, sets: _UnionFind, single: Sequence[int], multi: Sequence[int]) -> None:
        """A group of lone surnames joins the one group of full names whose surname (first or last
        word) it meets; meeting several, it stays apart (two people may share a surname)."""
        lone: dict[int, list[int]] = {}
        for i in single:
            lone.setdefault(sets.find(i), []).append(i)
        for members in lone.values():
            targets = {
                sets.find(j)
                for i in members
                for j in multi
                if self.forms[i].han == self.forms[j].han
                and (self.meet(self.keys[i][0], self.keys[j][-1]) or self.meet(self.keys[i][0], self.keys[j][0]))
            }
            if len(targets) == 1:
                sets.union(members[0], targets.pop())


class _Builder:
    """One group of forms made into a Suggestion: parts of each spelling, offices, counts."""

    def __init__(self, forms: list[_Form], index: NameIndex, table: SuggestTable) -> None:
        self.forms = sorted(forms, key=lambda f: (-f.count, f.words))
        self.index = index
        self.table = table
        self.lone = [_Grouper.word_keys(f.words[0], f.lang, f.han) for f in self.forms if len(f.words) == 1]

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
                repeated.append(_Grouper.word_keys(form.words[at], form.lang, form.han))
        out = []
        for form in self.forms:
            at = self._one_end(form, lambda _f, _k, keys: any(keys & r for r in repeated)) if repeated else None
            if at is None:
                at = self._surname_at(form)
            variants = tuple(" ".join(v) for v, _ in sorted(form.variants.items(), key=lambda i: (-i[1], i[0])))
            out.append(_parts(form, at, self.table, variants))
        return out

    @staticmethod
    def _one_end(form: _Form, test: Callable[[_Form, int, frozenset[str]], bool]) -> int | None:
        """The one end word (first or last) of a full name that passes a test, if only one does."""
        if len(form.words) < 2 or form.han:
            return None
        ends = (0, len(form.words) - 1)
        hits = [k for k in ends if test(form, k, _Grouper.word_keys(form.words[k], form.lang, False))]
        return hits[0] if len(hits) == 1 else None

    def _surname_at(self, form: _Form) -> int | None:
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


def _parts(form: _Form, at: int | None, table: SuggestTable, variants: tuple[str, ...]) -> Spelling:
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
    found = {_SCRIPTS.get(unicodedata.name(c, "").split(" ")[0]) for c in text if c.isalpha()}
    return found.pop() if len(found) == 1 else None


def _slug_parts(spelling: Spelling) -> tuple[str, ...]:
    """The words of an id: surname, then given name (the words as written when the order is unclear)."""
    if spelling.surname is None:
        return spelling.words
    given = tuple((spelling.given or "").split())
    return (spelling.surname, *given)
