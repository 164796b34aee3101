"""The compiled name index: word keys → postings, fuzzy neighbours, compact entity facts.

Built once from a `Gazetteer` and cached on disk keyed by the YAML content and the engine version,
so a command starts fast and per-document work never loops over entities: every lookup is a dict
access by key, and fuzzy search probes a deletion-neighbourhood index (`neighbours`).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import zlib
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy

from . import keys, translit
from .abjad import PREFIX as CONSONANT_PREFIX
from .abjad import consonant_key, has_arabic, readings
from .han import HanLexicon, has_han
from .inflection import romance_hard_c, split_apostrophe_suffix, split_elision, stems
from .kana import has_katakana
from .kana import readings as kana_readings
from .keys import fold, is_caseless, skeleton
from .neighbours import DeletionIndex
from .postings import ENTITY_SHIFT, METHOD_SCORE, FormSource, Group, Posting, WordHits, pack, packed_mark, unpack
from .schema import Entity, PersonName, first_day, last_day
from .translit import CONVENTIONS, has_cyrillic, romanise_word

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

log = logging.getLogger("c5names")

# Oblique cases that only a woman's surname in -ova/-eva/-ina takes: Russian (Мирзиёевой, Токаевою),
# Ukrainian (Мірзійоєвої, Мірзійоєвій, Мірзійоєвою), Polish (Mirzijojewej, Mirzijojewą), Czech and
# Slovak (Mirzijojevovou, Mirzijojevovej).
FEMININE_OBLIQUE = (
    *("овой", "евой", "ёвой", "иной", "ыной", "овою", "евою", "ёвою", "иною", "ыною"),
    *("ової", "евої", "євої", "іної", "овій", "евій", "євій", "іній", "євою", "іною"),
    *("owej", "ewej", "ową", "ewą", "inej", "iną", "ovou", "evou", "ovej", "evej"),
)
# Where -a after -ov/-ev/-in is a case ending (the genitive of Токаев is Токаева); elsewhere a surname
# in -ova/-eva/-ina is a woman's (Mirziyoyeva in English, Uzbek or Kazakh text).
SURNAME_A_IS_A_CASE = frozenset({"be", "bg", "cs", "hr", "lt", "lv", "mk", "pl", "ru", "sk", "sl", "sr", "uk"})
_FEMININE_NOMINATIVE = ("ова", "ева", "ёва", "ина", "ына", "ova", "eva", "ina", "yna", "owa", "ewa")


def _feminine_surname(word: str, lang: str | None) -> bool:
    """Does the word carry an ending only a woman's surname takes (so no man of the gazetteer is meant)?"""
    folded = fold(word)
    if folded.endswith(FEMININE_OBLIQUE):
        return True
    known = (lang or "").split("-")[0]
    return known not in {"", "xx", "mul", "und"} | SURNAME_A_IS_A_CASE and folded.endswith(_FEMININE_NOMINATIVE)


FUZZY_MIN_LEN = 6
WEAK_FUZZY_MIN_LEN = 4


@dataclass(frozen=True)
class Candidate:
    """One entity a form may denote."""

    id: str
    score: float
    form: str
    method: str
    role: str
    name: str
    type: str


@dataclass(slots=True)
class EntityFacts:
    """What resolution needs to know about an entity, without the pydantic model.

    Slotted, with tuples rather than sets (only ever tested with `in`, and a handful long): at
    100,000 entities a dict and three small sets apiece would cost about 100 MB."""

    id: str
    name: str
    type: str
    wikidata: str | None
    offices: tuple[tuple[str | None, str | None, str, str], ...]  # kind, country, start, end (ISO)
    initials: tuple[str, ...] = ()
    given_keys: tuple[str, ...] = ()
    connectors: tuple[str, ...] = ()
    needs_suffix: bool = False
    patronymic_listed: bool = False  # then another patronymic in a text names someone else
    relations: tuple[tuple[str, str], ...] = ()


def _shared(value: str | None) -> str | None:
    return sys.intern(value) if value is not None else None


def _start_iso(value: str | None) -> str:
    return first_day(value).isoformat() if value else "0000-00-00"


def _end_iso(value: str | None) -> str:
    return last_day(value).isoformat() if value else "9999-12-31"


_EDGE_PUNCT = '()[]{},;:!?«»"“”„‹›'


def split_words(text: str) -> list[str]:
    """Words of a name as the matcher sees them: hyphens and elisions separate words, brackets and
    commas are not part of any word."""
    words: list[str] = []
    for raw in text.replace("-", " ").split():
        raw = raw.strip(_EDGE_PUNCT)
        if not raw:
            continue
        prefix, rest = split_elision(raw)
        if prefix:
            words.append(prefix)
        if rest:
            words.append(rest)
    return words


def _is_connector(word: str) -> bool:
    return not (word[:1].isupper() or is_caseless(word[:1]))


def _name_parts(name: PersonName) -> dict[str, list[str]]:
    given = split_words(name.given or "")
    head = [w for w in given[:1]]
    # Hyphenated given names ("Kassym-Jomart") stay one block; extra spaced given names are middle names.
    if name.given and "-" in name.given.split()[0]:
        head = split_words(name.given.split()[0])
        rest = split_words(" ".join(name.given.split()[1:]))
    else:
        rest = given[1:]
    return {
        "G": head,
        "P": rest + split_words(name.patronymic or ""),
        "S": split_words(name.surname or ""),
        "X": split_words(name.suffix or ""),
    }


def _spellings(name: PersonName) -> list[tuple[str, dict[str, list[str]]]]:
    """The name as written plus its romanisations by every convention when it is Cyrillic."""
    parts = _name_parts(name)
    out: list[tuple[str, dict[str, list[str]]]] = [("as written", parts)]
    if any(has_cyrillic(w) for words in parts.values() for w in words):
        source = name.lang or "ru"
        for convention in CONVENTIONS:
            for option in range(3):
                spelled = {
                    role: [_pick(romanise_word(w, convention, source), option) if has_cyrillic(w) else w for w in words]
                    for role, words in parts.items()
                }
                if all(spelled != seen for _, seen in out):
                    out.append((convention, spelled))
    return out


@lru_cache(maxsize=200_000)
def word_keys(word: str, source: str) -> tuple[tuple[str, str, bool], ...]:
    """(key, form, as written) for one word of a name and, when it is Cyrillic, its romanisations by
    every convention (the first few options of each). Cached: gazetteers repeat names, and the index
    only needs keys per word."""
    out: dict[str, tuple[str, str, bool]] = {}
    key = skeleton(word)
    if key:
        out[key] = (key, word, True)
    if has_cyrillic(word):
        for convention in CONVENTIONS:
            for form in romanise_word(word, convention, source)[:3]:
                key = skeleton(form)
                if key and key not in out:
                    out[key] = (key, form, False)
    return tuple(out.values())


def name_variants(entity: Entity) -> list[tuple[str, str, str]]:
    """What the engine recognises for an entity: (convention, spelling, key) triples.

    Convention is "as written" for forms from the YAML, else the romanisation convention that
    produced the spelling (en, fr, de, es, it, pl, cs, lt, tr, hu, nl, pt, uz, kk, iso). Inflected
    forms and fuzzy neighbours are recognised on top of these and are not listed.
    """
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for name in entity.names:
        for convention, spelled in _spellings(name):
            text = _join_name(name, spelled)
            if text not in seen:
                seen.add(text)
                out.append((convention, text, skeleton(text)))
    for alias in entity.aliases:
        if alias.form not in seen:
            seen.add(alias.form)
            out.append(("as written", alias.form, skeleton(alias.form)))
    return out


def _join_name(name: PersonName, spelled: dict[str, list[str]]) -> str:
    """A spelled name as one string, hyphens kept where the written form has them (Kassym-Jomart)."""
    parts = []
    for role, written in (("G", name.given), ("P", name.patronymic), ("S", name.surname), ("X", name.suffix)):
        words = spelled[role]
        if role == "G" and written and "-" in written.split()[0] and len(words) > 1:
            words = ["-".join(words[:2]), *words[2:]]
        parts.extend(words)
    return " ".join(parts)


def _pick(options: list[str], option: int) -> str:
    return options[min(option, len(options) - 1)]


class NameIndex:
    """Word-key postings and entity facts, compiled from a gazetteer."""

    def __init__(self) -> None:
        self.entities: list[EntityFacts] = []
        self.by_id: dict[str, int] = {}
        self.postings: dict[str, array[int]] = {}
        self._seen: set[tuple[str, int]] = set()  # (key, packed mark) of the entity being added
        self.written: set[int] = set()
        self.male: set[int] = set()  # entities whose gender is male (feminine surname forms are not theirs)
        self.forms: list[str] = []
        self.alias_gaps: list[tuple[str, ...]] = []
        self.alias_forms: list[str] = []
        self.alias_tails: list[str] = []
        self.neighbours = DeletionIndex(())
        self.han = HanLexicon()  # Han-script forms: the dictionary that cuts unspaced Chinese text
        self._form_ids: dict[str, int] = {}
        self._cache: dict[tuple[str, str | None], WordHits] = {}
        self._consonant_groups: dict[str, list[str]] | None = None  # see consonant_postings
        self.chunk_cache: dict[tuple[str, str | None, bool], list] = {}  # filled by detect.find

    # -- compile ----------------------------------------------------------------------------
    def _form_id(self, form: str) -> int:
        found = self._form_ids.get(form)
        if found is None:
            found = self._form_ids[form] = len(self.forms)
            self.forms.append(form)
        return found

    def _add(self, key: str, posting: Posting) -> None:
        # Postings are appended entity by entity, so each key's array stays in entity order (what
        # WordHits' binary search relies on) and duplicates can only come from the same entity.
        value = pack(posting)
        marker = (key, packed_mark(value))
        if marker not in self._seen:
            self._seen.add(marker)
            bucket = self.postings.get(key)
            if bucket is None:
                bucket = self.postings[key] = array("q")
            bucket.append(value)

    def add_entity(self, entity: Entity) -> None:
        idx = len(self.entities)
        self._seen.clear()
        # Values that repeat across entities (office kinds, countries, dates) are interned: read from
        # JSON each would be its own string, in memory and in the pickled cache.
        facts = EntityFacts(
            id=entity.id,
            name=entity.name,
            type=sys.intern(entity.type),
            wikidata=entity.wikidata,
            offices=tuple(
                (_shared(o.kind), _shared(o.country), sys.intern(_start_iso(o.start)), sys.intern(_end_iso(o.end)))
                for o in entity.offices
            ),
            relations=tuple((sys.intern(r.type), r.id) for r in entity.relations),
        )
        self.entities.append(facts)
        self.by_id[entity.id] = idx
        if getattr(entity, "gender", None) == "male":
            self.male.add(idx)
        removed = {skeleton(form) for form in _removed_forms(entity)}
        names = list(entity.names)
        if entity.type == "person" and not names:
            words = entity.name.split()
            names = [PersonName(given=" ".join(words[:-1]) or None, surname=words[-1], kind="exonym")]
        facts.needs_suffix = bool(names) and all(n.suffix for n in names)
        facts.patronymic_listed = any(n.patronymic for n in names)
        # Ordered sets (dict keys), frozen into tuples below.
        initials: dict[str, None] = {}
        given_keys: dict[str, None] = {}
        connectors: dict[str, None] = {}
        for name in names:
            if has_han(f"{name.surname or ''}{name.given or ''}"):
                self._add_han_name(name)
            source = name.lang or "ru"
            for role, words in _name_parts(name).items():
                content = [w for w in words if not _is_connector(w)]
                for word in words:
                    if _is_connector(word):
                        connectors.update(dict.fromkeys(key for key, _form, _written in word_keys(word, source)))
                for pos, word in enumerate(content):
                    self.written.add(_written_mark(word, idx))
                    arabic_script = has_arabic(word)
                    for key, form, _written in word_keys(word, source):
                        if key in removed:
                            continue
                        posting = Posting(idx, role, pos, len(content), self._form_id(form))
                        self._add(key, posting)
                        if arabic_script:
                            for consonants in readings(word):
                                self._add(CONSONANT_PREFIX + consonants, posting)
                        if role in "GP" and pos == 0:
                            initials[key[:1]] = None
                        if role == "G":
                            given_keys[sys.intern(key)] = None
        facts.initials, facts.given_keys, facts.connectors = tuple(initials), tuple(given_keys), tuple(connectors)
        aliases = [a.form for a in entity.aliases]
        if entity.type != "person":
            aliases.append(entity.name)
        for form in dict.fromkeys(aliases):
            if skeleton(form) in removed:
                continue
            self._add_alias(idx, form)
            if has_han(form):
                self.han.add([form])

    def _add_han_name(self, name: PersonName) -> None:
        """A Chinese name is written surname first, unspaced (习近平); a foreign one given name first,
        each part on its own with a middle dot between (唐纳德·特朗普), so its parts are forms alone."""
        if name.kind == "native":
            self.han.add([name.surname or "", name.given or ""])
        else:
            self.han.add_dotted_given(name.given or "")
            self.han.add([name.surname or ""])

    def _add_alias(self, idx: int, form: str) -> None:
        words = split_words(form)
        content: list[str] = []
        gaps: list[str] = []
        pending: list[str] = []
        for word in words:
            if _is_connector(word):
                if content:  # leading articles (la, the) are not part of the name
                    pending.append(word)
                continue
            gaps.append(skeleton(" ".join(pending)))
            pending = []
            content.append(word)
        if not content:
            return
        alias_idx = len(self.alias_forms)
        self.alias_forms.append(form)
        self.alias_gaps.append(tuple(gaps))
        # Lowercase words after the last capitalised one ("République kirghize") must follow it in text.
        self.alias_tails.append(" ".join(pending))
        for pos, word in enumerate(content):
            key = skeleton(word)
            if key:
                self._add(key, Posting(idx, "A", pos, len(content), alias_idx))
                self.written.add(_written_mark(word, idx))

    def finish(self) -> None:
        """Build the fuzzy neighbourhood index."""
        # Postings are packed into one array of integers per key: a 100,000-person index then holds a
        # few hundred thousand arrays instead of millions of tuples, and unpickles in a fraction of the time.
        self._seen = set()
        self.neighbours = DeletionIndex(key for key in self.postings if not key.startswith(CONSONANT_PREFIX))

    # -- word lookup ------------------------------------------------------------------------
    def word_hits(self, word: str, lang: str | None = None) -> WordHits:
        """Every posting a text word may realise: raw first, then stems, then fuzzy keys."""
        cache_key = (word, lang)
        found = self._cache.get(cache_key)
        if found is not None:
            return found
        if len(self._cache) > 500_000:
            self._cache.clear()
        found = self._cache[cache_key] = WordHits(
            FormSource(self.written, self.forms, self.alias_forms), self._word_groups(word, lang)
        )
        return found

    def _word_groups(self, word: str, lang: str | None) -> list[Group]:
        hypotheses: list[tuple[str, int, bool]] = [(word, len(word), False)]
        split = split_apostrophe_suffix(word)
        if split:
            hypotheses.append((split[0], len(split[0]), False))
        respelt = romance_hard_c(word, lang)
        if respelt:
            hypotheses.append((respelt, len(word), False))
        if has_katakana(word):
            hypotheses.extend((reading, len(word), False) for reading in kana_readings(word))
        for text, end, _ in list(hypotheses):
            hypotheses.extend((stem, end, True) for stem in stems(text, lang))
        groups: list[Group] = []
        feminine = _feminine_surname(word, lang)
        # A word of a caseless script is read by unidecode, and a short reading (آسيا → "sy") meets short
        # names (Xi) by chance: such hits are weak, completing a name but never making one.
        chancy = is_caseless(word[:1]) and len(skeleton(word)) < CASELESS_MIN_KEY
        for text, end, inflected in hypotheses:
            packed = self.postings.get(skeleton(text))
            if packed and inflected and feminine:
                # Мирзиёевой is a woman of the family (Saida Mirziyoyeva), never Shavkat Mirziyoyev.
                packed = array("q", [value for value in packed if value >> ENTITY_SHIFT not in self.male])
            if packed:
                method = "inflected" if inflected else "exact"
                # A reading (katakana) or respelling is not the form as written: only the word or a part of it is.
                written = _written_mark(text if text in word else word, 0)
                groups.append(Group(packed, method, METHOD_SCORE[method], end, chancy, written))
        if not groups and has_arabic(word):
            # Arabic script by its consonants (`abjad`): weak translit hits, which make a name only with
            # another such word of the same name.
            for consonants in readings(word):
                packed = self.consonant_postings(consonants)
                if packed:
                    groups.append(Group(packed, "translit", CONSONANT_SCORE, len(word), True, 0))
            if groups:
                return groups
        # Fuzzy keys are tried even when a rule matched, but then only as weak hits: they may complete
        # a full name next to a firm word (Sergio Gore) and never decide a bare surname.
        firm = bool(groups)
        for text, end, _inflected in hypotheses:
            for key, distance in self._fuzzy_keys(skeleton(text)):
                size = max(len(key), 1)
                score = round(0.9 * (1 - distance / size), 3)
                weak = firm or len(key) < FUZZY_MIN_LEN or (distance > 1 and len(key) < 9)
                groups.append(Group(self.postings[key], "fuzzy", score, end, weak, 0))
            if groups:
                break
        return groups

    def consonant_postings(self, consonants: str) -> array[int] | None:
        """The postings of every key with these consonants (`abjad`), merged in entity order.

        Grouped on the first Arabic-script word a process meets, not at compile time: the grouping
        would double the postings of a large index, for text most users never have."""
        if self._consonant_groups is None:
            groups: dict[str, list[str]] = {}
            for key in self.postings:
                found = key[len(CONSONANT_PREFIX) :] if key.startswith(CONSONANT_PREFIX) else consonant_key(key)
                if found:
                    groups.setdefault(found, []).append(key)
            self._consonant_groups = groups
        keys = self._consonant_groups.get(consonants)
        if not keys:
            return None
        if len(keys) == 1:
            return self.postings[keys[0]]
        merged = numpy.unique(numpy.concatenate([numpy.frombuffer(self.postings[k], dtype=numpy.int64) for k in keys]))
        return array("q", merged.tobytes())

    def unpacked(self, key: str) -> list[Posting]:
        """The postings of a key (packed as integers in the index)."""
        packed = self.postings.get(key)
        return [unpack(value) for value in packed] if packed else []

    def _fuzzy_keys(self, key: str) -> list[tuple[str, int]]:
        """Keys within 1 edit (2 from 9 letters on) of `key` that begin alike (`neighbours.same_start`)."""
        if len(key) < WEAK_FUZZY_MIN_LEN or " " in key:
            return []
        return self.neighbours.near(key)

    # -- lookup of a whole form (API and CLI `lookup`) --------------------------------------
    def lookup(self, form: str, lang: str | None = None, limit: int = 10) -> list[Candidate]:
        """Entities a written form (one or more words) may denote, best first."""
        from .detect import find_in_text
        from .lexicon import generation_near
        from .resolve import of_generation

        results: dict[int, Candidate] = {}
        if not any(c.isupper() for c in form):
            form = form.title()  # a typed query ("tokayev") means the name, however it is cased
        for found in find_in_text(self, form, lang):
            options = found.options
            generation = generation_near(form, found.start, found.end) if found.pattern == "surname" else None
            chosen = of_generation(self, options, generation[0]) if generation else None
            if chosen is not None:
                options = [chosen]  # "Berdymuhamedow junior" is the son
            for option in options:
                facts = self.entities[option.entity]
                cand = Candidate(
                    facts.id, option.score, option.form, option.method, found.pattern, facts.name, facts.type
                )
                if option.entity not in results or results[option.entity].score < cand.score:
                    results[option.entity] = cand
        return sorted(results.values(), key=lambda c: (-c.score, c.id))[:limit]

    def shared_keys(self) -> dict[str, list[str]]:
        """Surname and alias keys that point at more than one entity."""
        out: dict[str, list[str]] = {}
        for key in self.postings:
            if key.startswith(CONSONANT_PREFIX):
                continue  # Arabic-script keys are loose by design; they never decide a name alone
            postings = self.unpacked(key)
            ids = sorted({self.entities[p.entity].id for p in postings if p.role in "SA"})
            if len(ids) > 1:
                out[key] = ids
        return dict(sorted(out.items()))

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        state["_cache"] = {}
        state["chunk_cache"] = {}
        state["_consonant_groups"] = None
        return state


CONSONANT_SCORE = 0.85
CASELESS_MIN_KEY = 4


def _written_mark(word: str, entity: int) -> int:
    """A compact, process-independent mark of 'this entity has this form as written'."""
    return zlib.crc32(fold(word).encode("utf-8")) << 24 | entity


def _removed_forms(entity: Entity) -> list[str]:
    prefix = "removed form: "
    return [note[len(prefix) :] for note in entity.notes if note.startswith(prefix)]


# Compiling reads each name word through memoised romanisations and keys; with a large gazetteer those
# memos would hold about 110 MB at the end, nearly as much as the index itself. They are emptied every
# so many entities; `word_keys`' own memo, which is what saves the time (a repeated given name or
# surname), is kept: compile time is unchanged and the peak is about 150 MB lower.
CACHE_SPAN = 5_000


def build_index(gazetteer: Gazetteer) -> NameIndex:
    index = NameIndex()
    for number, entity in enumerate(gazetteer.views(), 1):
        index.add_entity(entity)
        if number % CACHE_SPAN == 0:
            _clear_word_caches()
    index.finish()
    return index


def _clear_word_caches() -> None:
    translit.clear_caches()
    keys.clear_caches()


def engine_version() -> str:
    """A hash of the engine's source: a change of rules invalidates cached indexes."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in (
        *("index.py", "postings.py", "neighbours.py", "keys.py", "translit.py", "inflection.py", "schema.py"),
        *("greek.py", "devanagari.py", "han.py", "abjad.py", "kana.py"),
    ):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    configured = os.environ.get("C5NAMES_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "c5names"


def _cache_path(digest: str) -> Path:
    return cache_dir() / f"index-{digest[:24]}-{engine_version()}.pkl"


def read_cached_index(digest: str) -> NameIndex | None:
    """The compiled index for gazetteer files with this content digest, if it was cached."""
    if os.environ.get("C5NAMES_NO_CACHE"):
        return None
    # The collector would walk the growing heap again and again while millions of objects are
    # unpickled; pausing it makes a 100,000-person index load about three times faster.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with _cache_path(digest).open("rb") as handle:
            index = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    finally:
        if enabled:
            gc.enable()
    if not isinstance(index, NameIndex):
        return None
    _exempt_from_collector(index)
    return index


FREEZE_ENTITIES = 10_000


def _exempt_from_collector(index: NameIndex) -> None:
    """Move a large index out of the cyclic collector's sight (`gc.freeze`).

    A 100,000-person index is a few million long-lived objects; every full collection, which the
    allocations of ordinary matching trigger now and then, would walk all of them and stall one
    lookup for a tenth of a second or more. Freezing also exempts the other objects alive at that
    moment, which reference counting still frees; only their reference cycles would never be
    collected, a small cost next to the stalls, and one a small (default) index does not take.
    """
    if len(index.entities) >= FREEZE_ENTITIES:
        gc.freeze()


def load_or_build_index(gazetteer: Gazetteer) -> NameIndex:
    """The compiled index from the on-disk cache when fresh, else built and cached."""
    index = read_cached_index(gazetteer.digest)
    if index is not None:
        return index
    index = build_index(gazetteer)
    _exempt_from_collector(index)
    if os.environ.get("C5NAMES_NO_CACHE"):
        return index
    path = _cache_path(gazetteer.digest)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as tmp:
            pickle.dump(index, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError as err:
        log.debug("could not cache the index at %s: %s", path, err)
    return index
