"""Case endings, possessives and clitics that languages fuse onto names.

Names inflect: Russian Мирзиёева/Мирзиёевым, Polish Tokajewem, Czech Mirzijojevovi, Lithuanian
Mirzijojevas, Hungarian Tokajevvel, German Tokajews, Uzbek Mirziyoyevni. The matcher always tries the
raw form first, then each stem these rules propose; a stem only counts when the index knows it.
Apostrophe suffixes (Tokayev's, Tokayev'in) and French/Italian elisions (d’Emomali) are not part of
the name's span; fused endings are.

The endings are data (`data/endings.yaml`, per language) and so are the suffixes after an apostrophe
and the elided words before one (`data/apostrophes.yaml`); both are checked when read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from c5names.text.keys import APOSTROPHES
from c5names.text.tables import DATA, Entry, Table

MIN_STEM = 3
# Without a language, every language's endings are tried; a lone vowel then strips too much
# (Karimova is a woman, not Karimov's genitive; Louis is not Lou), so those need a language.
_VOWEL_ENDINGS = frozenset("aeiouyąęаеиоуыяюэ")
UNKNOWN_LANG_MIN_STEM = 4
MAX_SUFFIX = 6  # letters after an apostrophe that may be a suffix
MAX_HYPHENATED = 4  # letters of an article written onto a name with a hyphen (аль-Асад)
_GROUP_MARK = "+"


@dataclass(frozen=True)
class Affixes:
    """The endings of each language, and what stands on either side of an apostrophe."""

    endings: dict[str, tuple[str, ...]]  # language → endings, in file order
    assimilated: dict[str, tuple[str, ...]]  # language → endings whose consonant copies the stem's last
    replaced: dict[str, tuple[tuple[str, str], ...]]  # language → (case ending, nominative ending)
    suffixes: frozenset[str]  # after an apostrophe
    elisions: tuple[str, ...]  # before an apostrophe, longest first
    hyphenated: frozenset[str]  # before a hyphen (ас-Сиси)


@lru_cache(maxsize=1)
def affixes() -> Affixes:
    """The shipped tables, read and checked once per process."""
    return read_affixes(DATA / "endings.yaml", DATA / "apostrophes.yaml")


def read_affixes(endings: Path, apostrophes: Path) -> Affixes:
    """Read and check both tables; a `TableError` names the file, line and entry of each mistake."""
    with Table(endings) as table:
        fields = table.fields(table.root, "", required=("languages",), optional=("groups", "assimilated", "replaced"))
        groups = {
            key.text: (key, _affixes(table, node, key.field))
            for key, node in table.mapping(fields.get("groups"), "groups").values()
        }
        for _key, entries in groups.values():
            for entry in entries:
                if entry.text.startswith(_GROUP_MARK):
                    table.reject(entry, "a group lists endings, not other groups")
        used: set[str] = set()
        by_lang: dict[str, tuple[str, ...]] = {}
        for lang, node in table.mapping(fields.get("languages"), "languages").values():
            if table.language(lang):
                by_lang[lang.text] = _expand(table, _affixes(table, node, lang.field), groups, used)
        for name, (key, _entries) in groups.items():
            if name not in used:
                table.reject(key, "no language takes this group (+name)")
        assimilated = {
            lang.text: tuple(e.text for e in table.unique(_affixes(table, node, lang.field), "ending"))
            for lang, node in table.mapping(fields.get("assimilated"), "assimilated").values()
            if table.language(lang)
        }
        replaced = {
            lang.text: _replacements(table, node, lang.field)
            for lang, node in table.mapping(fields.get("replaced"), "replaced").values()
            if table.language(lang)
        }
    with Table(apostrophes) as table:
        fields = table.fields(table.root, "", required=("suffixes", "elisions", "hyphenated"))
        suffixes = _per_language(table, fields.get("suffixes"), "suffixes", MAX_SUFFIX)
        elisions = _per_language(table, fields.get("elisions"), "elisions", None)
        hyphenated = _per_language(table, fields.get("hyphenated"), "hyphenated", MAX_HYPHENATED)
    elided = tuple(sorted(dict.fromkeys(elisions), key=len, reverse=True))
    return Affixes(by_lang, assimilated, replaced, frozenset(suffixes), elided, frozenset(hyphenated))


def _replacements(table: Table, node: yaml.Node | None, field: str) -> tuple[tuple[str, str], ...]:
    """(case ending, nominative ending) pairs, both lowercase letters, longest case ending first. A
    case ending may stand for several nominative endings (Russian -е: России → Россия, Китае → Китай),
    written as a list."""
    out: list[tuple[str, str]] = []
    for ending, value in table.mapping(node, field).values():
        if isinstance(value, yaml.SequenceNode):
            nominatives = table.texts(value, ending.field)
        else:
            single = table.text(value, ending.field)
            nominatives = [single] if single is not None else []
        if not (ending.text.isalpha() and ending.text == ending.text.lower()):
            table.reject(ending, "an ending is lowercase letters only")
            continue
        for nominative in nominatives:
            if not (nominative.text.isalpha() and nominative.text == nominative.text.lower()):
                table.reject(nominative, "a nominative ending is lowercase letters only")
            else:
                out.append((ending.text, nominative.text))
    return tuple(sorted(out, key=lambda pair: -len(pair[0])))


def _affixes(table: Table, node: yaml.Node | None, field: str) -> list[Entry]:
    """Endings (or +group references) as a language writes them: lowercase letters."""
    out = table.texts(node, field)
    for entry in out:
        word = entry.text
        if not word.startswith(_GROUP_MARK) and (not word.isalpha() or word != word.lower()):
            table.reject(entry, "an ending is lowercase letters only (the word is compared in lowercase)")
    return out


def _expand(
    table: Table, entries: list[Entry], groups: dict[str, tuple[Entry, list[Entry]]], used: set[str]
) -> tuple[str, ...]:
    """A language's endings with its groups spelt out; an ending given twice is reported."""
    expanded: list[Entry] = []
    for entry in entries:
        if not entry.text.startswith(_GROUP_MARK):
            expanded.append(entry)
        elif entry.text[1:] in groups:
            used.add(entry.text[1:])
            expanded.extend(groups[entry.text[1:]][1])
        else:
            table.reject(entry, f"no such group; groups are {', '.join(groups) or 'none'}")
    return tuple(entry.text for entry in table.unique(expanded, "ending"))


def _per_language(table: Table, node: yaml.Node | None, field: str, longest: int | None) -> list[str]:
    out: list[str] = []
    for lang, value in table.mapping(node, field).values():
        table.language(lang)
        for entry in table.unique(table.texts(value, lang.field)):
            if not entry.text.isalpha() or entry.text != entry.text.lower():
                table.reject(entry, "lowercase letters only")
            elif longest is not None and len(entry.text) > longest:
                table.reject(entry, f"longer than {longest} letters: it is never looked for")
            else:
                out.append(entry.text)
    return out


_TABLES = affixes()
ENDINGS = _TABLES.endings
_ALL = sorted({e for endings in ENDINGS.values() for e in endings}, key=len, reverse=True)
APOSTROPHE_SUFFIXES = _TABLES.suffixes
# One character class for the elided letters (l’, d’), then the longer words (dell’): matched on
# every word of a text, so the quick test comes first.
_ELIDED = frozenset(_TABLES.elisions)
_HYPHENATED = _TABLES.hyphenated
_ELIDED_LETTERS = "".join(e + e.upper() for e in _TABLES.elisions if len(e) == 1)
_ELISION_RE = re.compile(
    "^(?:"
    + "|".join(
        [f"[{re.escape(_ELIDED_LETTERS)}]"] * bool(_ELIDED_LETTERS)
        + [f"[{e[0]}{e[0].upper()}]{re.escape(e[1:])}" for e in _TABLES.elisions if len(e) > 1]
    )
    + f")[{re.escape(APOSTROPHES)}](?=\\w)"
)
_APOS_SUFFIX_RE = re.compile(rf"^(.{{2,}}?)[{re.escape(APOSTROPHES)}]([^\W\d_]{{0,{MAX_SUFFIX}}})$")


def endings_for(lang: str | None) -> list[str]:
    """The endings tried for a language; every known ending when the language is unknown."""
    if not lang or lang in {"xx", "mul", "und"}:
        return _ALL
    base = lang.split("-")[0].lower()
    return sorted(ENDINGS.get(base, []), key=len, reverse=True)


@lru_cache(maxsize=256)
def _endings_by_last_letter(lang: str | None) -> dict[str, list[str]]:
    """The endings of a language grouped by their last letter, longest first: a word is then only
    compared with the endings it could have (every language's are tried when none is given)."""
    grouped: dict[str, list[str]] = {}
    for ending in endings_for(lang):
        grouped.setdefault(ending[-1], []).append(ending)
    return grouped


@lru_cache(maxsize=200_000)
def stems(word: str, lang: str | None = None) -> tuple[str, ...]:
    """Candidate stems of a word, longest ending removed first; never the word itself."""
    lower = word.lower()
    out: list[str] = []
    known = bool(lang) and lang not in {"xx", "mul", "und"}
    min_stem = MIN_STEM if known else UNKNOWN_LANG_MIN_STEM
    for ending in _endings_by_last_letter(lang).get(lower[-1:], ()):
        if not known and ending in _VOWEL_ENDINGS:
            continue
        if lower.endswith(ending) and len(word) - len(ending) >= min_stem:
            stem = word[: len(word) - len(ending)]
            if stem not in out:
                out.append(stem)
    base = (lang or "").split("-")[0].lower()
    for ending in _TABLES.assimilated.get(base, ()) if known else ():
        # Hungarian -val/-vel after a consonant becomes that consonant doubled: Trumppal, Putyinnal.
        cut = len(word) - len(ending)
        if (
            lower.endswith(ending)
            and cut - 1 >= min_stem
            and lower[cut - 1] == lower[cut - 2]
            and lower[cut - 1] not in _VOWEL_ENDINGS
        ):
            stem = word[: cut - 1]
            if stem not in out:
                out.append(stem)
    return tuple(out)


@lru_cache(maxsize=256)
def _replaced_by_last_letter(lang: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """A language's (case ending, nominative ending) pairs grouped by the case ending's last letter, in
    the table's order: a word is compared only with the endings it could have (Russian has twenty)."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for ending, nominative in _TABLES.replaced.get(lang.split("-")[0].lower(), ()):
        grouped.setdefault(ending[-1], []).append((ending, nominative))
    return {letter: tuple(pairs) for letter, pairs in grouped.items()}


@lru_cache(maxsize=200_000)
def nominatives(word: str, lang: str | None) -> tuple[str, ...]:
    """The nominatives of a noun whose case ending replaces the nominative's (России → Россия,
    Штатов → Штаты). Place and country names decline so; persons' surnames do not (a matcher uses
    these for alias phrases only)."""
    if not lang or lang in {"xx", "mul", "und"}:
        return ()
    lower = word.lower()
    out: list[str] = []
    for ending, nominative in _replaced_by_last_letter(lang).get(lower[-1:], ()):
        if lower.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            form = word[: len(word) - len(ending)] + nominative
            if form not in out:
                out.append(form)
    return tuple(out)


def split_elision(word: str) -> tuple[str, str]:
    """('d’', 'Emomali') for an elided article or preposition; ('', word) otherwise."""
    match = _ELISION_RE.match(word)
    if match and word[match.end() :][:1].isupper():
        return word[: match.end()], word[match.end() :]
    return "", word


def split_hyphenated_article(word: str) -> tuple[str, str]:
    """('ас-', 'Сиси') for a lowercase article written onto a capitalised name with a hyphen (Arabic
    names in Russian: ас-Сиси, аль-Асад; `hyphenated` in apostrophes.yaml); ('', word) otherwise. A
    lowercase word joined to a capitalised one is otherwise no name (северо-Западный)."""
    head, hyphen, rest = word.partition("-")
    if hyphen and head in _HYPHENATED and rest[:1].isupper():
        return word[: len(head) + 1], rest
    return "", word


def is_hyphenated_article(word: str) -> bool:
    """Is the word, in either case, an article written onto a name with a hyphen (Ас of Ас-Сиси, Al
    of Al-Sisi at the start of a sentence)?"""
    return word.lower() in _HYPHENATED


def is_elided_word(token: str) -> bool:
    """Is this token an elided article or preposition with its apostrophe and nothing after ("L'",
    "qu’", "dell'"), as French and Italian tokenizers cut it off the word after it?"""
    return len(token) >= 2 and token[-1] in APOSTROPHES and token[:-1].lower() in _ELIDED


def split_apostrophe_suffix(word: str) -> tuple[str, str] | None:
    """('Tokayev', "'in") when a word ends in an apostrophe suffix (English 's, Turkish cases)."""
    match = _APOS_SUFFIX_RE.match(word)
    if not match:
        return None
    base, suffix = match.group(1), match.group(2)
    if suffix and suffix not in APOSTROPHE_SUFFIXES:
        return None  # Xi'an, O'Brien: the apostrophe belongs to the word
    return base, word[len(base) :]


# Romance languages whose press writes a hard c in Central Asian names (Portuguese Cazaquistão, Galician
# Casaquistán). Elsewhere c is ts (Polish, Czech) or j (Turkish), which is what the key assumes;
# English and French write k, so their words are not respelt (it would cost every word a lookup).
HARD_C_LANGS = frozenset({"ca", "es", "gl", "it", "pt", "ro"})
_HARD_C = re.compile(r"[cC](?=[aouáàâãóòôõúùlrtAOULR])")


def romance_hard_c(word: str, lang: str | None) -> str | None:
    """The word with its hard c written k, when the language reads it so and it has one; else None."""
    if not lang or lang.split("-")[0].lower() not in HARD_C_LANGS or not _HARD_C.search(word):
        return None
    return _HARD_C.sub(lambda m: "K" if m.group(0).isupper() else "k", word)


# Turkish and Azerbaijani write the sound of English j as c (Caparov, Cinping, Cumhurbaşkanı): the
# gazetteer's keys write it j (Japarov, Jinping), so a word with a c is also looked up with j.
TURKIC_C_LANGS = frozenset({"tr", "az", "crh", "gag"})


def turkic_c(word: str, lang: str | None) -> str | None:
    """The word with its c written j, when the language reads c so and the word has one; else None."""
    if not lang or lang.split("-")[0].lower() not in TURKIC_C_LANGS or ("c" not in word and "C" not in word):
        return None
    return word.replace("c", "j").replace("C", "J")


# Belarusian writes the v of a syllable's end as ў (Такаеў, Шаўкат: Токаев, Шавкат), where the keys
# read ў as the Uzbek vowel it also is (Ўзбекистон), and a soft т and д as ц and дз (Пуцін: Путин):
# a Belarusian word with either is also looked up as Russian spells it.
BELARUSIAN_U_LANGS = frozenset({"be"})
_BELARUSIAN_SOFT = re.compile(r"(дз|ц)(?=[іеёюяь])", re.IGNORECASE)


def belarusian_u(word: str, lang: str | None) -> str | None:
    """The word with its ў written в and its soft ц, дз written т, д, in Belarusian, when it has
    either; else None."""
    if not lang or lang.split("-")[0].lower() not in BELARUSIAN_U_LANGS:
        return None
    spelt = _BELARUSIAN_SOFT.sub(_russian_soft, word).replace("ў", "в").replace("Ў", "В")
    return spelt if spelt != word else None


def _russian_soft(match: re.Match[str]) -> str:
    """дз → д, ц → т, in the case written."""
    letter = "д" if len(match.group(1)) == 2 else "т"
    return letter.upper() if match.group(1)[0].isupper() else letter


def respellings(word: str, lang: str | None) -> tuple[str, ...]:
    """The word as the language's spelling conventions would write it in the gazetteer's keys."""
    if not respelling_language(lang) and "ё" not in word and "Ё" not in word:
        return ()  # (most words of most texts: asked of every new word, so settled first)
    spelt = (romance_hard_c(word, lang), turkic_c(word, lang), belarusian_u(word, lang), plain_yo(word))
    return tuple(r for r in spelt if r)


@lru_cache(maxsize=256)
def respelling_language(lang: str | None) -> bool:
    """Does the language respell a letter of the gazetteer's keys (`romance_hard_c`, `turkic_c`,
    `belarusian_u`)?"""
    return lang is not None and lang.split("-")[0].lower() in HARD_C_LANGS | TURKIC_C_LANGS | BELARUSIAN_U_LANGS


@lru_cache(maxsize=256)
def rule_letters(lang: str | None) -> frozenset[str]:
    """The last letters (lowercase) of the words a rule of the language may read as another word: an
    ending `stems` removes, assimilated or not, or one `nominatives` replaces. A word ending in any
    other letter has no stem and no nominative in that language (in French or English: none has)."""
    letters = set(_endings_by_last_letter(lang))
    known = bool(lang) and lang not in {"xx", "mul", "und"}
    if known:
        assert lang is not None
        base = lang.split("-")[0].lower()
        letters.update(ending[-1] for ending in _TABLES.assimilated.get(base, ()))
        letters.update(_replaced_by_last_letter(lang))
    return frozenset(letters)


def ruled(word: str, lang: str | None) -> bool:
    """May a rule of the language read this word of letters as another word: `stems`, `nominatives`
    or `respellings` (`split_apostrophe_suffix` reads only words with an apostrophe)? False settles
    that all three give nothing, with no ending compared: most new words of a text are so."""
    return (
        word.lower()[-1:] in rule_letters(lang)
        or respelling_language(lang)
        or (not word.isascii() and ("ё" in word or "Ё" in word))
    )


def plain_yo(word: str) -> str | None:
    """The word with ё written е, as Russian print mostly does (Соединённых for the listed Соединенные
    Штаты); None when it has no ё."""
    if "ё" not in word and "Ё" not in word:
        return None
    return word.replace("ё", "е").replace("Ё", "Е")
