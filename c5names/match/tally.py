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
from collections import Counter
from collections.abc import Iterable, Sequence

from c5names.index import NameIndex
from c5names.index.neighbours import DeletionIndex
from c5names.index.query import FUZZY_MIN_LEN
from c5names.match.spellings import MAX_CONTEXTS, Form, Suggestion, build, word_keys
from c5names.match.suggest import Sighting
from c5names.match.suggest_table import SuggestTable
from c5names.text.inflection import stems
from c5names.text.keys import fold

CONTEXT = 40  # characters either side of a title and its name
_WORD = re.compile(r"[^\W\d_]+")


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
        self.forms: dict[tuple[tuple[str, ...], bool], Form] = {}
        self.documents = 0
        self.lowercase: set[str] = set()  # every word the corpus writes in lowercase, folded

    def add(self, doc_id: str, text: str, lang: str | None, date: str | None, sightings: Iterable[Sighting]) -> None:
        self.documents += 1
        self.lowercase.update(fold(w) for w in _WORD.findall(text) if w[0].islower())
        for s in sightings:
            form = self.forms.setdefault((s.words, s.han), Form(s.words, s.han))
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
        out = [build(group, self.index, self.table) for group in groups]
        return sorted(out, key=lambda s: (-s.count, s.name, s.slug_parts))


def _fold_case_forms(forms: list[Form]) -> list[Form]:
    """Forms whose words are case forms of another form's words (Мухтара Тлеуберди of Мухтар
    Тлеуберди) are folded into it; forms differing in letter case only, into the commoner one."""
    by_fold: dict[tuple[tuple[str, ...], bool], Form] = {}
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

    def __init__(self, forms: list[Form], index: NameIndex, table: SuggestTable) -> None:
        self.forms = forms
        self.index = index
        self.table = table
        self.keys = [[word_keys(w, f.lang, f.han) for w in f.words] for f in forms]
        long_keys = {k for words in self.keys for keys in words for k in keys if len(k) >= FUZZY_MIN_LEN}
        self.near = DeletionIndex(sorted(long_keys))
        self._near: dict[str, frozenset[str]] = {}

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

    def _candidates(self) -> list[set[int]]:
        """For each form, the forms that share a key or a fuzzy neighbour of a key with it: the only
        ones it may be grouped with (so grouping costs no comparison of every pair)."""
        by_key: dict[str, list[int]] = {}
        for i, words in enumerate(self.keys):
            for key in {k for keys in words for k in keys}:
                by_key.setdefault(key, []).append(i)
        out: list[set[int]] = []
        for i, words in enumerate(self.keys):
            found: set[int] = set()
            for key in {k for keys in words for k in keys}:
                found.update(by_key[key])
                if len(key) >= FUZZY_MIN_LEN:
                    for near in self._near_keys(key):
                        found.update(by_key.get(near, ()))
            found.discard(i)
            out.append({j for j in found if self.forms[j].han == self.forms[i].han})
        return out

    def groups(self) -> list[list[Form]]:
        n = len(self.forms)
        sets = _UnionFind(n)
        candidates = self._candidates()
        multi = [i for i in range(n) if len(self.forms[i].words) > 1]
        single = [i for i in range(n) if len(self.forms[i].words) == 1]
        for i in multi:
            for j in candidates[i]:
                if j > i and len(self.forms[j].words) > 1 and self._same_person(i, j):
                    sets.union(i, j)
        for i in single:
            for j in candidates[i]:
                if j > i and len(self.forms[j].words) == 1 and self.meet(self.keys[i][0], self.keys[j][0]):
                    sets.union(i, j)
        self._attach_surnames(sets, single, candidates)
        grouped: dict[int, list[Form]] = {}
        for i in range(n):
            grouped.setdefault(sets.find(i), []).append(self.forms[i])
        return list(grouped.values())

    def _attach_surnames(self, sets: _UnionFind, single: Sequence[int], candidates: list[set[int]]) -> None:
        """A group of lone surnames joins the one group of full names whose surname (first or last
        word) it meets; meeting several, it stays apart (two people may share a surname)."""
        lone: dict[int, list[int]] = {}
        for i in single:
            lone.setdefault(sets.find(i), []).append(i)
        for members in lone.values():
            targets = {
                sets.find(j)
                for i in members
                for j in candidates[i]
                if len(self.keys[j]) > 1
                and (self.meet(self.keys[i][0], self.keys[j][-1]) or self.meet(self.keys[i][0], self.keys[j][0]))
            }
            if len(targets) == 1:
                sets.union(members[0], targets.pop())
