"""Query-time morphology: the keys a word of running text may stand for.

A text word is tried as written, then as the same word without an apostrophe suffix (Tokayev'in),
respelt (Cazaquistão), read (katakana), and stripped of case endings (Токаевым); Arabic-script
words by their consonants; finally fuzzy neighbours, weak unless nothing firmer matched. Women's
surname forms (Мирзиёевой) never reach the men of the gazetteer.
"""

from __future__ import annotations

import re
from array import array
from typing import Any, Protocol

import numpy

from c5names.index.facts import AliasScripts, written_mark
from c5names.index.intset import IntSet
from c5names.index.postings import ENTITY_SHIFT, FEW_POSTINGS, Group, alias_mask, is_alias, role_mask_of
from c5names.model import Method, Role
from c5names.scoring import CONSONANTS, METHOD_SCORE, fuzzy_score
from c5names.text.abjad import has_arabic, readings
from c5names.text.han import HAN
from c5names.text.hangul import has_hangul, is_one_syllable
from c5names.text.hangul import readings as hangul_readings
from c5names.text.inflection import (
    nominatives,
    respelling_language,
    respellings,
    rule_letters,
    ruled,
    split_apostrophe_suffix,
    stems,
)
from c5names.text.kana import KATAKANA, has_katakana
from c5names.text.kana import readings as kana_readings
from c5names.text.keys import (
    APOSTROPHES,
    CASELESS,
    ascii_fold,
    fold,
    is_caseless,
    letter_scripts,
    letters_key,
    search_keys,
    skeleton,
    unaccented_words,
    uncased,
    word_key,
)
from c5names.text.scripts import base_language, writing_scripts


class Keys(Protocol):
    """What reading a word needs of the index (`index.core.NameIndex` provides it)."""

    postings: dict[str, array[int]]
    alias_keys: frozenset[str]
    male: IntSet
    alias_forms: list[str]
    alias_scripts: list[AliasScripts | None]
    written: IntSet

    def consonant_postings(self, consonants: str) -> array[int] | None: ...

    def fuzzy_keys(self, key: str) -> list[tuple[str, int]]: ...

    def unknown_probe(self) -> Any: ...


FEMININE_OBLIQUE = (
    *("овой", "евой", "ёвой", "иной", "ыной", "овою", "евою", "ёвою", "иною", "ыною"),
    *("ової", "евої", "євої", "іної", "овій", "евій", "євій", "іній", "євою", "іною"),
    *("owej", "ewej", "ową", "ewą", "inej", "iną", "ovou", "evou", "ovej", "evej"),
)
# Where -a after -ov/-ev/-in is a case ending (the genitive of Токаев is Токаева); elsewhere a surname
# in -ova/-eva/-ina is a woman's (Mirziyoyeva in English, Uzbek or Kazakh text).
SURNAME_A_IS_A_CASE = frozenset({"be", "bg", "cs", "hr", "lt", "lv", "mk", "pl", "ru", "sk", "sl", "sr", "uk"})
_FEMININE_NOMINATIVE = ("ова", "ева", "ёва", "ина", "ына", "ova", "eva", "ina", "yna", "owa", "ewa")


class _Feminine:
    """`_feminine_surname` of one word, worked out when first asked (its truth) and then kept."""

    __slots__ = ("_answer", "_lang", "_word")

    def __init__(self, word: str, lang: str | None) -> None:
        self._word, self._lang = word, lang
        self._answer: bool | None = None

    def __bool__(self) -> bool:
        if self._answer is None:
            self._answer = _feminine_surname(self._word, self._lang)
        return self._answer


def _feminine_surname(word: str, lang: str | None) -> bool:
    """Does the word carry an ending only a woman's surname takes (so no man of the gazetteer is meant)?"""
    folded = fold(word)
    if folded.endswith(FEMININE_OBLIQUE):
        return True
    known = (lang or "").split("-")[0]
    return known not in {"", "xx", "mul", "und"} | SURNAME_A_IS_A_CASE and folded.endswith(_FEMININE_NOMINATIVE)


FUZZY_MIN_LEN = 6
WEAK_FUZZY_MIN_LEN = 4
CASELESS_MIN_KEY = 4
SHORT_ALIAS_KEY = 4  # an alias word this short is reached only as written (`_short_cased`)
SHORT_NAME_KEY = 3  # a surname this short is firm only as its person writes it (`_unwritten_surnames`)


def word_groups(index: Keys, word: str, lang: str | None) -> list[Group]:
    """Every way a text word may realise indexed keys: as written, apostrophe suffix removed, respelt
    (romance hard c, Turkish c), katakana readings, case endings removed; then Arabic consonants;
    then fuzzy keys."""
    lang = _language_of_word(word, lang)
    # (text, where it ends in the word, inflected, respelt: `_Readable`)
    hypotheses: list[tuple[str, int, bool, bool]] = [(word, len(word), False, False)]
    split = split_apostrophe_suffix(word)
    if split:
        hypotheses.append((split[0], len(split[0]), False, False))
    for text, end, _, _ in list(hypotheses):
        respelt = respellings(text, lang)
        if respelt:  # (most words have none: no generator made for them)
            hypotheses.extend((form, end, False, True) for form in respelt)
    if has_katakana(word):
        hypotheses.extend((reading, len(word), False, False) for reading in kana_readings(word))
    elif has_hangul(word):  # (a reading of the word without a particle ends before it: 토카예프는)
        hypotheses.extend((reading, end, False, False) for reading, end in hangul_readings(word))
    for text, end, _, respelt_form in list(hypotheses):
        stemmed = stems(text, lang)
        if stemmed:
            hypotheses.extend((stem, end, True, respelt_form) for stem in stemmed)
    nouns = [(form, len(word)) for form in nominatives(word, lang)]
    groups: list[Group] = []
    # Asked only of a word that meets a key (most new words of a text meet none).
    feminine = _Feminine(word, lang)
    # A word of a caseless script is read by unidecode, and a short reading (آسيا → "sy") meets short
    # names (Xi) by chance: such hits are weak, completing a name but never making one. So are those
    # of one Hangul syllable, which is as often a word (왕 "king" is also the surname Wang).
    chancy = is_caseless(word[:1]) and (len(skeleton(word)) < CASELESS_MIN_KEY or is_one_syllable(word))
    # (alias words of scripts without case are reached from words of such scripts alone: `keys.search_keys`;
    # asked of the word, as a katakana word's readings are Latin)
    readable = _Readable(index, word, lang)
    readable_respelt = _Readable(index, word, lang, respelt=True) if len(hypotheses) > 1 else readable
    for text, end, inflected, respelt_form in hypotheses:
        # A reading (katakana) or respelling is not the form as written: only the word or a part of it is.
        written = written_mark(text if text in word else word, 0)
        reader = readable_respelt if respelt_form else readable
        for key in search_keys(word, skeleton(text)):
            packed = reader(key, written)
            if packed and inflected and feminine:
                # Мирзиёевой is a woman of the family (Saida Mirziyoyeva), never Shavkat Mirziyoyev.
                packed = _without_men(index, packed)
            unwritten = None
            if packed and _short_cased(text, key):  # (a stem too: Berrus is no genitive of Beeru)
                packed = _without_unwritten_aliases(index, packed, text)
                if packed and len(key) <= SHORT_NAME_KEY and not inflected:
                    packed, unwritten = _unwritten_surnames(index, packed, written)
            method = Method.INFLECTED if inflected else Method.EXACT
            if packed:
                groups.append(Group(packed, method, METHOD_SCORE[method], end, chancy, written))
            if unwritten:  # (weak: they complete a name, "Van Venbin", and never make one alone)
                groups.append(Group(unwritten, method, METHOD_SCORE[method], end, True, written))
    word_written = written_mark(word, 0)
    for text, end in nouns:
        # России → Россия: alias phrases (places, countries) decline so, and of persons only women's
        # surnames (Маммедовой → Маммедова), which decline like nouns; men's keep their stem (Маммедову).
        for key in search_keys(word, skeleton(text)):
            found = readable(key, word_written)
            packed = _without_men(index, found) if found and feminine else _aliases_only(found)
            if packed and _short_cased(text, key):  # (Кубы → Куба, as written)
                packed = _without_unwritten_aliases(index, packed, text)
            if packed:
                groups.append(Group(packed, Method.INFLECTED, METHOD_SCORE[Method.INFLECTED], end, chancy, 0))
    if has_arabic(word):
        # Arabic script by its consonants (`abjad`): weak hits, which make a name only with
        # another such word of the same name; read even when the letters' romanisation met a key
        # (قاسم reads as Qosim, a surname, and by its consonants q-s-m as Kassym).
        for consonants in readings(word):
            packed = index.consonant_postings(consonants)
            if packed:
                groups.append(Group(packed, Method.CONSONANTS, CONSONANTS, len(word), True, 0))
        if groups:
            return groups
    # Fuzzy keys are tried even when a rule matched, but then only as weak hits: they may complete
    # a full name next to a firm word (Sergio Gore) and never decide a bare surname.
    firm = bool(groups)
    for text, end, _inflected, respelt_form in hypotheses:
        for key, distance in index.fuzzy_keys(skeleton(text)):
            score = fuzzy_score(distance, len(key))
            weak = firm or len(key) < FUZZY_MIN_LEN or (distance > 1 and len(key) < 9)
            packed = (readable_respelt if respelt_form else readable)(key, word_written)
            if packed and feminine:
                packed = _without_men(index, packed)
            if packed:
                groups.append(Group(packed, Method.FUZZY, score, end, weak, 0))
        if groups:
            break
    return groups


# A letter that sends a word down one of `word_groups`' special paths: of a script without case
# (Arabic among them), Chinese, katakana, or an apostrophe (a suffix: Tokayev'in).
_SPECIAL_RE = re.compile(f"[{CASELESS}{HAN}{KATAKANA}{re.escape(APOSTROPHES)}]")


def surely_unknown(index: Keys, word: str, lang: str | None) -> bool:
    """Does `word_groups` certainly find nothing for this word? Settled, without its hypotheses, for a
    word of cased letters alone that its language does not respell: no key of the word, of its stems
    (Токаевым: Токаев) or of its nominatives (России: Россия) is indexed, and none of the first two is
    within reach of an indexed key (`fuzzy_keys`). That is most new words of a text, each asked once;
    a word no rule of its language reads as another (`inflection.ruled`: in French or English, any)
    is settled by its own key alone. False settles nothing: `word_groups` reads the word."""
    if word.isascii() and word.isalpha() and not respelling_language(lang):
        # (most new words, in fewer calls to the same answer: an ASCII word's language is the text's,
        # it has no respelling there, its key is `letters_key`'s, and it is `ruled` only if it ends
        # in one of the language's rule letters)
        lowered = word.lower()
        if _reached(index, letters_key(lowered)):
            return False
        if lowered[-1] not in rule_letters(lang):
            return True
    else:
        if not word.isalpha() or not (word.isascii() or not (_SPECIAL_RE.search(word) or uncased(word))):
            return False
        lang = _language_of_word(word, lang)
        if respellings(word, lang) or _reached(index, word_key(word)):
            return False
        if not ruled(word, lang):
            return True
    if any(_reached(index, word_key(stem)) for stem in stems(word, lang)):
        return False
    return not any(index.postings.get(word_key(noun)) for noun in nominatives(word, lang))


def surely_unknown_words(index: Keys, words: list[str], lang: str | None) -> list[bool]:
    """`surely_unknown` of each word, asked of many at once (a document's new capitalised words): in
    a language without respellings, the index's compiled probe (`_near.UnknownProbe`) settles the
    words of ASCII letters that `surely_unknown`'s first branch settles, by the same tests, in one
    call; `surely_unknown` reads the rest, one by one."""
    probe = None if respelling_language(lang) else index.unknown_probe()
    if probe is None:
        return [surely_unknown(index, word, lang) for word in words]
    settled = probe.unknown(words, rule_letters(lang))
    if 2 not in settled:  # (most documents: every word settled by the probe)
        return [s == 1 for s in settled]
    return [s == 1 or (s == 2 and surely_unknown(index, w, lang)) for w, s in zip(words, settled, strict=True)]


def _reached(index: Keys, key: str) -> bool:
    """Is the key indexed, or within reach of an indexed key (`fuzzy_keys`)?"""
    return bool(index.postings.get(key)) or bool(index.fuzzy_keys(key))


def _short_cased(text: str, key: str) -> bool:
    """Is this a cased word with a short key? Such a key is met by common words through the merges
    of the unified key (y as i, a double letter as one), so its alias words are taken only as
    written (`_without_unwritten_aliases`): Mary is not Māri (Mali in Māori), nor Tani Taani
    (Denmark in Estonian). Scripts without case are left out: their readings merge spellings a text
    does vary (ايران and إيران)."""
    return len(key) <= SHORT_ALIAS_KEY and not is_caseless(text[:1])


def _without_unwritten_aliases(index: Keys, packed: array[int], text: str) -> array[int]:
    """The postings, less the words of alias phrases written in the script of `text` that do not
    write it as such, accents aside: Iraq, Tchad and Etats-Unis are written forms, and AQSH is a
    romanisation of АҚШ, but Mary is no respelling of Māri. A form is written as the word when it
    has the word's letters, accents aside (`keys.unaccented_words`), or the sounds the word's own
    letters stand for (`ascii_fold`: Turkish Çad is Chad), but not a letter the word lacks: the
    English name Chin is no writing of Turkish Çin (China), though both have the key chin."""
    values = numpy.frombuffer(packed, dtype=numpy.int64)
    alias = alias_mask(values)
    if not alias.any():
        return packed
    readings, scripts = {" ".join(unaccented_words(text)), ascii_fold(text)}, letter_scripts(text)
    keep = []
    for is_alias_word, ref in zip(alias.tolist(), (values & 0xFFFFFF).tolist(), strict=True):
        form = index.alias_forms[ref] if is_alias_word else ""
        keep.append(
            not is_alias_word or letter_scripts(form) != scripts or not readings.isdisjoint(unaccented_words(form))
        )
    return packed if all(keep) else array("q", values[numpy.array(keep)].tobytes())


def _unwritten_surnames(index: Keys, packed: array[int], written: int) -> tuple[array[int] | None, array[int] | None]:
    """The postings split in two: those of persons who write the word as such (`written`: its
    written mark, `facts.written_mark`) and every posting that is no surname; and the surnames of
    persons who do not, which are read as weak hits. A key of SHORT_NAME_KEY letters or fewer is met
    by common words through the merges of the unified key, as a short alias word's is
    (`_short_cased`), and a person's bare surname is linked on what else the document says: French
    "Le" has the key of Lee (a double letter as one), English "On" that of Yoon, and "Hi" that of
    Xi, which none of them writes; Xi, Си and Gor are written so. Weak, such a word still completes
    a name around a firm one, as a romanised Russian form does ("Van Venbin", of Ван Вэньбинь), but
    never makes a mention alone. Asked of words as written, not of their stems: Russian declines a
    short name (Линя, Циню: Линь, Цинь), and a stem is not a common word's whole key. Alias words are
    left to `_without_unwritten_aliases`."""
    values = numpy.frombuffer(packed, dtype=numpy.int64)
    surnames = role_mask_of(values, Role.SURNAME)
    if not surnames.any():
        return packed, None
    unwritten = surnames.copy()
    unwritten[surnames] = ~index.written.contains((values[surnames] >> ENTITY_SHIFT) | written)
    if not unwritten.any():
        return packed, None
    kept = values[~unwritten]
    return (array("q", kept.tobytes()) if len(kept) else None), array("q", values[unwritten].tobytes())


class _Readable:
    """The postings a word meets, less the words of exonyms written in another script than the
    word's, in a language not written in the word's script either (`text.scripts`): Estonian Taani
    (Denmark) is no reading of Russian Тани, nor Greek Μπρουνέι (Brunei) of Bruni. Uzbek АҚШ is
    read as AQSH, and Kazakh Ресей as Reseı (the gazetteer writes Kazakh names in Latin letters
    too); an exonym in the text's own language is read in any script, and a native name always is;
    and so is any exonym of a country that writes the word itself in a name: Kyrgyz Америка is the
    United States of Kazakh Америка Құрама Штаттары, so also of Amẹrikà.

    `respelt`: the key is of the word as its language's spelling conventions would write it for the
    gazetteer's keys (`inflection.respellings`: Turkish c as j, Caparov as Japarov), which models how
    the text's language writes the sounds of names romanised from elsewhere: it reads names, native
    names and the text's own exonyms, never another language's exonym that happens to write the
    sound so (Turkish Ayrıca, "also", read as Ayrıja is not Lithuanian Airija, Ireland)."""

    __slots__ = ("_index", "_lang", "_respelt", "_scripts", "_word")

    def __init__(self, index: Keys, word: str, lang: str | None, respelt: bool = False) -> None:
        self._index = index
        self._scripts: frozenset[str] | None = None  # the word's, asked of the first alias word met
        self._lang = base_language(lang)
        self._word = word
        self._respelt = respelt

    def __call__(self, key: str, written: int) -> array[int] | None:
        """The postings of `key`, as they are read from the word. `written`: the word's written mark
        (`facts.written_mark`) for entity 0."""
        packed = self._index.postings.get(key)
        if not packed or key not in self._index.alias_keys:
            # (no alias word is posted there: every posting is read; at a million persons a common
            # name's thousands of postings were otherwise tested as an array for an alias word)
            return packed
        if len(packed) > FEW_POSTINGS:
            return self._vectorised(packed, written)
        # (most calls: a word's postings are one to a few, and numpy's fixed cost per array was most
        # of the time this took; the same tests, value by value)
        keep: list[bool] | None = None
        for i, value in enumerate(packed):
            if is_alias(value) and not self._reads(value & 0xFFFFFF, value >> ENTITY_SHIFT, written):
                if keep is None:
                    keep = [True] * len(packed)
                keep[i] = False
        if keep is None:
            return packed
        kept = array("q", [value for value, read in zip(packed, keep, strict=True) if read])
        return kept or None

    def _reads(self, ref: int, entity: int, written: int) -> bool:
        """Is the alias word `ref` of `entity` read from this word?"""
        found = self._index.alias_scripts[ref]
        if found is None:
            return True
        if self._respelt:
            return self._lang in found.langs
        if self._scripts is None:
            self._scripts = writing_scripts(self._word)
        return self._scripts <= found.scripts or self._lang in found.langs or (written | entity) in self._index.written

    def _vectorised(self, packed: array[int], written: int) -> array[int] | None:
        """`__call__` of many postings (a common surname's holders, at a large gazetteer)."""
        values = numpy.frombuffer(packed, dtype=numpy.int64)
        alias = alias_mask(values)
        if not alias.any():
            return packed
        keep = numpy.array(
            [
                not is_alias_word or self._reads(ref, entity, written)
                for is_alias_word, ref, entity in zip(
                    alias.tolist(), (values & 0xFFFFFF).tolist(), (values >> ENTITY_SHIFT).tolist(), strict=True
                )
            ]
        )
        if keep.all():
            return packed
        return array("q", values[keep].tobytes()) if keep.any() else None


def _without_men(index: Keys, packed: array[int]) -> array[int]:
    """The postings of entities not known to be men: a surname form only a woman takes (Мирзиёевой,
    Mirzijojewą) reaches her, or an unknown person of the family, never a man of the gazetteer."""
    values = numpy.frombuffer(packed, dtype=numpy.int64)
    return array("q", values[~index.male.contains(values >> ENTITY_SHIFT)].tobytes())


def _aliases_only(packed: array[int] | None) -> array[int] | None:
    """The postings of alias phrases only (no person's name word)."""
    if not packed:
        return None
    kept = array("q", [value for value in packed if is_alias(value)])
    return kept or None


# Languages written in Cyrillic (some also in Latin). A Cyrillic word in a text of another language
# (a Russian quotation in a French article; a document whose detected language is that of most of
# it) is read with the endings of every language, as a word of unknown language.
CYRILLIC_LANGS = frozenset(
    {"ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tg", "uz", "mn", "tt", "ba", "cv", "sah", "ab"}
)


def _language_of_word(word: str, lang: str | None) -> str | None:
    """The language a word is read in: the document's, unless the word's alphabet says otherwise."""
    if lang and word[:1] and "\u0400" <= word[0] <= "\u052f" and lang.split("-")[0].lower() not in CYRILLIC_LANGS:
        return None
    return lang
