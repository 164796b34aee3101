"""Compile a gazetteer into a `NameIndex`: every word of every name under its keys.

Each word of a name is posted under the key of the word as written and of its romanisations; alias
phrases (country names) word by word with the gaps between them; Han-script forms into the
dictionary that cuts unspaced Chinese. Entity facts are slotted and interned so that 100,000
persons compile in a few hundred megabytes.
"""

from __future__ import annotations

import sys
from array import array
from typing import TYPE_CHECKING, NamedTuple

from c5names.dates import end_iso, start_iso
from c5names.gazetteer.schema import Entity, PersonName
from c5names.index.core import NameIndex
from c5names.index.facts import AliasScripts, EntityFacts, written_mark
from c5names.index.intset import IntSet
from c5names.index.neighbours import DeletionIndex
from c5names.index.postings import (
    MAX_REF,
    TAIL_WORD_MIN,
    Posting,
    pack,
    packed_mark,
    unpack,
)
from c5names.index.variants import chinese_citizen, joined_given, name_parts, transcriptions, word_keys
from c5names.model import Role
from c5names.text import keys, translit
from c5names.text.abjad import PREFIX as CONSONANT_PREFIX
from c5names.text.abjad import has_arabic, readings
from c5names.text.han import has_han
from c5names.text.hangul import has_hangul
from c5names.text.keys import UNCASED_PREFIX, alias_key, fold, initial_key, skeleton
from c5names.text.scripts import base_language, language_scripts, script_names, writing_scripts
from c5names.text.words import is_connector, split_words

if TYPE_CHECKING:
    from c5names.gazetteer import Gazetteer


def _shared(value: str | None) -> str | None:
    return sys.intern(value) if value is not None else None


class _NameFacts(NamedTuple):
    """What the words of an entity's names show, gathered as ordered sets (dict keys)."""

    initials: dict[str, None]
    given: dict[str, None]
    connectors: dict[str, None]


class _Word(NamedTuple):
    """One word of a name as compiling posts it (`IndexBuilder._word`)."""

    mark: int  # its written mark for entity 0 (`facts.written_mark`); an entity's is `mark | entity`
    keys: tuple[tuple[str, int, str], ...]  # (key, form id, initial key) of each of its keys
    consonants: tuple[str, ...]  # the consonant keys of an Arabic-script word, prefixed


# Words remembered while compiling: a large gazetteer repeats its given names and surnames thousands of
# times. Forgotten all at once when this many are held (the memo of `word_keys` holds as many).
WORD_MEMO = 200_000


class IndexBuilder:
    """Adds entities one by one to a new `NameIndex`; `finish` returns it."""

    def __init__(self) -> None:
        self.index = NameIndex()
        self._seen: set[tuple[str, int]] = set()  # (key, packed mark) of the entity being added
        self._form_ids: dict[str, int] = {}
        self._written: set[int] = set()  # frozen into the index's IntSets by `finish`
        self._alias_keys: set[str] = set()  # frozen into the index's `alias_keys` by `finish`
        self._male: set[int] = set()
        # One tuple object for equal tuples of name facts: persons who share a given name share its
        # initials and keys (at 100,000 persons, 25 MB less in memory and in the cache).
        self._tuples: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._words: dict[tuple[str, str], _Word] = {}
        # Per alias phrase, the languages whose exonym it is (None: a native name, or of no stated
        # language, read in any script); and the scripts the gazetteer writes each language in.
        self._alias_langs: list[frozenset[str] | None] = []
        self._written_scripts: dict[str, set[str]] = {}
        self._name_scripts: set[tuple[str, str]] = set()  # (language, script) pairs of names already noted

    def _shared_tuple(self, values: dict[str, None]) -> tuple[str, ...]:
        found = tuple(sys.intern(value) for value in values)
        return self._tuples.setdefault(found, found)

    def _shared_roles(self, entity: Entity) -> tuple[str, ...]:
        """The roles of the entity's offices, in their order, as one tuple object for equal tuples
        (office holders of a large gazetteer share their roles: "Minister of Energy of X")."""
        found = tuple(sys.intern(o.role) for o in entity.offices)
        return self._tuples.setdefault(found, found)

    def _facts(self, entity: Entity, names: list[PersonName], seen: _NameFacts) -> EntityFacts:
        """The entity's facts for resolution. Values that repeat across entities (office kinds,
        countries, dates) are interned: read from JSON each would be its own string, in memory and in
        the pickled cache."""
        return EntityFacts(
            id=entity.id,
            name=entity.name,
            type=sys.intern(entity.type),
            wikidata=entity.wikidata,
            offices=tuple(
                (_shared(o.kind), _shared(o.country), sys.intern(start_iso(o.start)), sys.intern(end_iso(o.end)))
                for o in entity.offices
            ),
            relations=tuple((sys.intern(r.type), r.id) for r in entity.relations),
            roles=self._shared_roles(entity),
            needs_suffix=bool(names) and all(n.suffix for n in names),
            patronymic_listed=any(n.patronymic for n in names),
            initials=self._shared_tuple(seen.initials),
            given_keys=self._shared_tuple(seen.given),
            connectors=self._shared_tuple(seen.connectors),
        )

    def _form_id(self, form: str) -> int:
        found = self._form_ids.get(form)
        if found is None:
            if len(self.index.forms) > MAX_REF:
                raise ValueError(f"gazetteer too large for the packed index: more than {MAX_REF + 1:,} name forms")
            found = self._form_ids[form] = len(self.index.forms)
            self.index.forms.append(form)
        return found

    def _add(self, key: str, posting: Posting) -> None:
        value = pack(posting)
        self._post(key, value, packed_mark(value))

    def _post(self, key: str, value: int, mark: int) -> None:
        """Post a packed value under a key, unless the entity has one of the same mark there already.
        Postings are appended entity by entity, so each key's array stays in entity order (what
        WordHits' binary search relies on) and duplicates can only come from the same entity."""
        marker = (key, mark)
        if marker not in self._seen:
            self._seen.add(marker)
            bucket = self.index.postings.get(key)
            if bucket is None:
                bucket = self.index.postings[key] = array("q")
            bucket.append(value)

    def add_entity(self, entity: Entity, removed_forms: tuple[str, ...] = ()) -> None:
        """Post every word of the entity's names and aliases (but for the forms removed by an extension)."""
        idx = len(self.index.entities)
        self._seen.clear()
        self.index.by_id[entity.id] = idx
        if getattr(entity, "gender", None) == "male":
            self._male.add(idx)
        removed = {skeleton(form) for form in removed_forms}
        names = list(entity.names)
        if entity.type == "person" and not names:
            words = entity.name.split()
            names = [PersonName(given=" ".join(words[:-1]) or None, surname=words[-1], kind="exonym")]
        # Ordered sets (dict keys), frozen into tuples at the end.
        seen = _NameFacts({}, {}, {})
        chinese = chinese_citizen(names)
        for name in names:
            self._add_name(idx, name, removed, seen, chinese)
        self.index.entities.append(self._facts(entity, names, seen))
        # The scripts the gazetteer writes a language in: of its names (Kazakh names in Latin letters,
        # which CLDR lacks) and of its alias phrases (Qazaqstan).
        for name in names:
            if name.lang and name.script and (name.lang, name.script) not in self._name_scripts:
                self._name_scripts.add((name.lang, name.script))
                self._written_scripts.setdefault(base_language(name.lang), set()).update(script_names(name.script))
        # Each phrase once, with the languages it is an exonym in (None once any listing is not one).
        aliases: dict[str, set[str] | None] = {}
        for alias in entity.aliases:
            langs = aliases.setdefault(alias.form, set())
            if alias.lang:
                self._written_scripts.setdefault(base_language(alias.lang), set()).update(writing_scripts(alias.form))
            if alias.kind != "exonym" or not alias.lang:
                aliases[alias.form] = None
            elif langs is not None:
                langs.add(base_language(alias.lang))
        if entity.type != "person":
            aliases[entity.name] = None
        for form, langs in aliases.items():
            if skeleton(form) in removed:
                continue
            self._add_alias(idx, form, frozenset(langs) if langs else None)
            if has_han(form):
                self.index.han.add([form])

    def _add_name(self, idx: int, name: PersonName, removed: set[str], seen: _NameFacts, chinese: bool) -> None:
        """Post each word of one written name under its keys (and Arabic-script words also under their
        consonants); note the initials, given-name keys and connector words it shows."""
        if has_han(f"{name.surname or ''}{name.given or ''}"):
            self._add_han_name(name)
        elif name.surname and name.given and has_hangul(name.surname):
            self.index.hangul.add(name.surname, name.given)  # (written together in Korean: 이재명)
        source = name.lang or "ru"
        spellings = [
            name_parts(name),
            *(parts for _language, parts in transcriptions(name, chinese)),
            *joined_given(name),
        ]
        for role, words in ((role, words) for parts in spellings for role, words in parts.items()):
            content: list[str] = []
            for word in words:
                if is_connector(word):
                    seen.connectors.update(dict.fromkeys(key for key, _form, _written in word_keys(word, source)))
                else:
                    content.append(word)
            initials = role.value if role in (Role.GIVEN, Role.PATRONYMIC) else None
            given = role == Role.GIVEN
            for pos, word in enumerate(content):
                entry = self._word(word, source, removed)
                self._written.add(entry.mark | idx)
                # Every posting of this word differs only in its form: `packed_mark` of each is `base`.
                base = pack(Posting(idx, role, pos, len(content), 0))
                for key, form, initial in entry.keys:
                    if removed and key in removed:
                        continue
                    self._post(key, base | form, base)
                    for consonants in entry.consonants:
                        self._post(consonants, base | form, base)
                    if initials is not None and pos == 0:
                        seen.initials[initials + initial] = None  # Gsh: a given name's, Pm: a patronymic's
                    if given:
                        seen.given[key] = None

    def _word(self, word: str, source: str, removed: set[str]) -> _Word:
        """What posting one word of a name needs, worked out once per (word, source) a compile meets.
        Form ids are given in the order the keys are first posted, as posting them one by one would;
        so a word first met with some of its keys removed (an extension) is not remembered then."""
        found = self._words.get((word, source))
        if found is not None:
            return found
        listed = [(key, form) for key, form, _written in word_keys(word, source) if not (removed and key in removed)]
        entry = _Word(
            written_mark(word, 0),
            tuple((sys.intern(key), self._form_id(form), initial_key(key)) for key, form in listed),
            tuple(CONSONANT_PREFIX + c for c in readings(word)) if has_arabic(word) else (),
        )
        if not removed:
            if len(self._words) >= WORD_MEMO:
                self._words.clear()
            self._words[(word, source)] = entry
        return entry

    def _add_han_name(self, name: PersonName) -> None:
        """A Chinese name is written surname first, unspaced (习近平); a foreign one given name first,
        each part on its own with a middle dot between (唐纳德·特朗普), so its parts are forms alone."""
        if name.kind == "native":
            self.index.han.add([name.surname or "", name.given or ""])
        else:
            self.index.han.add_dotted_given(name.given or "")
            self.index.han.add([name.surname or ""])

    def _add_alias(self, idx: int, form: str, langs: frozenset[str] | None) -> None:
        words = split_words(form)
        content: list[str] = []
        gaps: list[str] = []
        pending: list[str] = []
        for word in words:
            if is_connector(word):
                if content:  # leading articles (la, the) are not part of the name
                    pending.append(word)
                continue
            gaps.append(skeleton(" ".join(pending)))
            pending = []
            content.append(word)
        if not content:
            return
        alias_idx = len(self.index.alias_forms)
        self.index.alias_forms.append(form)
        self._alias_langs.append(langs)
        self.index.alias_gaps.append(tuple(gaps))
        # Lowercase words after the last capitalised one ("République kirghize") must follow it in text.
        self.index.alias_tails.append(" ".join(pending))
        keys = [skeleton(word) for word in content]
        self.index.alias_anchors.append(self._anchor(keys, pending))
        for pos, (word, key) in enumerate(zip(content, keys, strict=True)):
            if key:
                posted = alias_key(word, key)
                self._add(posted, Posting(idx, Role.ALIAS, pos, len(content), alias_idx))
                self._alias_keys.add(posted)
                self._written.add(written_mark(word, idx))

    def _anchor(self, keys: list[str], tail: list[str]) -> int:
        """The word of an alias phrase (its capitalised words' `keys`) that a text must hold for the
        phrase to be read there (see `WordHits.part`): its longest capitalised word, the last of equals
        ("Forenede", not "De"; "Uy", not "Na"); none (-1) when the phrase ends in long lowercase words,
        which are then what a text must hold ("De palæstinensiske områder" is not read at every "Die")."""
        long_tail = [fold(word) for word in tail if len(word) >= TAIL_WORD_MIN]
        if long_tail:
            self.index.alias_tail_words.update(long_tail)
            return -1
        return max(range(len(keys)), key=lambda p: (len(keys[p]), p))

    def finish(self) -> NameIndex:
        """Build the fuzzy neighbourhood index; the index is then complete."""
        # Postings are packed into one array of integers per key: a 100,000-person index then holds a
        # few hundred thousand arrays instead of millions of tuples, and unpickles in a fraction of the time.
        self._seen = set()
        self.index.alias_scripts = self._alias_scripts()
        self.index.written, self.index.male = IntSet(self._written), IntSet(self._male)
        self.index.alias_keys = frozenset(self._alias_keys)
        self._written, self._male, self._tuples, self._words = set(), set(), {}, {}
        postings = self.index.postings
        self.index.neighbours = DeletionIndex(
            k
            for k, values in postings.items()
            if not k.startswith((CONSONANT_PREFIX, UNCASED_PREFIX)) and _fuzzy_worthy(values)
        )
        return self.index

    def _alias_scripts(self) -> list[AliasScripts | None]:
        """Per alias phrase, the languages it is an exonym in and the scripts a word may be written in
        to read it (`query._Readable`): those languages' scripts in CLDR (`text.scripts`), those the
        gazetteer's own names and phrases write them in (Kazakh in Latin letters, which CLDR lacks),
        and the phrase's own. None: read in any script. Equal values are one object, pickled once."""
        shared: dict[tuple[frozenset[str], frozenset[str]], AliasScripts] = {}
        found: list[AliasScripts | None] = []
        for form, langs in zip(self.index.alias_forms, self._alias_langs, strict=True):
            scripts = set(writing_scripts(form)) if langs is not None else None
            for lang in langs or ():
                known = language_scripts(lang)
                if known is None or scripts is None:
                    scripts = None  # (a language CLDR does not know: nothing is known of its scripts)
                    break
                scripts |= known | self._written_scripts.get(lang, set())
            if langs is None or scripts is None:
                found.append(None)
                continue
            value = (langs, frozenset(scripts))
            found.append(shared.setdefault(value, AliasScripts(*value)))
        return found


def _fuzzy_worthy(values: array[int]) -> bool:
    """Can a fuzzy neighbour of this key ever make a mention? Not when only one-word aliases have it:
    an alias is never found by edit distance alone (`match.shapes`), and the 12,000 country names of
    CLDR would otherwise crowd the neighbourhood every capitalised word is looked up in."""
    return any((p := unpack(v)).role != Role.ALIAS or p.length != 1 for v in values)


# Compiling reads each name word through memoised romanisations and keys; with a large gazetteer those
# memos would hold about 110 MB at the end, nearly as much as the index itself. They are emptied every
# so many entities. What saves the time on a repeated given name or surname is the builder's own memo
# of words (`IndexBuilder._word`, bounded by WORD_MEMO) and, behind it, `word_keys`' memo; both are
# kept: compile time is unchanged and the peak is about 150 MB lower.
CACHE_SPAN = 5_000


def build_index(gazetteer: Gazetteer) -> NameIndex:
    """Compile every entity of the gazetteer."""
    builder = IndexBuilder()
    for number, entity in enumerate(gazetteer.views(), 1):
        builder.add_entity(entity, gazetteer.removed_forms(entity.id))
        if number % CACHE_SPAN == 0:
            _clear_word_caches()
    return builder.finish()


def _clear_word_caches() -> None:
    translit.clear_caches()
    keys.clear_caches()
