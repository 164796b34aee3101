"""Romanisation of Cyrillic names by the conventions the press of each language follows.

A Cyrillic name is first read into sounds, knowing its source language (Kazakh and Kyrgyz ж is
[dʒ] and romanised J; Russian ж is [ʒ]; Tajik ҷ and Uzbek ж are [dʒ]; е is "ye" at the start of a
word and after a vowel). The sounds are then written by a target convention: BGN/PCGN-like English,
French, German (Duden), Spanish, Italian, Polish, Czech/Slovak, Lithuanian/Latvian, Turkish,
Hungarian, Dutch, Portuguese, Uzbek Latin, Kazakh Latin (2021) and ISO 9-like scholarly.

unidecode alone reads Мирзиёев as "Mirziioev" and Тоқаев as "Tok'aev": it is letter-by-letter and
knows neither context nor source language. It is used here only for scripts we do not model.

The tables are data: `data/cyrillic.yaml` (letters → sounds, per source language) and
`data/romanisation.yaml` (sounds → spellings, per convention), checked when read (`read_romanisation`).
The rules that need context (iotation, д + ж, ё after hushing letters, French and German respellings)
are the code below.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from c5names.text.chartable import CharTable
from c5names.text.tables import DATA, Entry, Table

CYRILLIC_RE = re.compile("[\u0400-\u04ff\u0500-\u052f]")
MAX_VARIANTS_PER_WORD = 12
_SOUND_RE = re.compile(r"^(?:[a-z]|[A-Z]+)?$")
_CONVENTION_RE = re.compile(r"^[a-z]{2,4}$")
# Sounds the rules of `_sounds` produce whatever the tables say: д + ж, ё after ж ч ш щ, е after a
# consonant.
_RULE_SOUNDS = frozenset({"DZH", "o", "e"})
Spellings = dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Romanisation:
    """Both tables, ready for use: the reading of each source language, the spellings of each convention."""

    readings: dict[str, dict[str, str]]  # source language ("" for the shared reading) → letter → sound
    vowels: frozenset[str]
    iotated: dict[str, str]
    vowel_sounds: frozenset[str]
    common: Spellings
    spellings: dict[str, Spellings]  # convention → sound → spellings, with `common` merged in
    names: dict[str, str]  # convention → its name

    def reading(self, source: str) -> dict[str, str]:
        return self.readings.get(source) or self.readings[""]

    def options(self, convention: str, sound: str) -> tuple[str, ...]:
        """How a convention writes a sound, its own spelling first (an unknown character as itself)."""
        return self.spellings[convention].get(sound) or (sound.lower(),)


@lru_cache(maxsize=1)
def romanisation() -> Romanisation:
    """The shipped tables, read and checked once per process."""
    return read_romanisation(DATA / "cyrillic.yaml", DATA / "romanisation.yaml")


def read_romanisation(cyrillic: Path, spellings: Path) -> Romanisation:
    """Read and check both tables; a `TableError` names the file, line and entry of each mistake."""
    readings, vowels, iotated = _read_cyrillic(cyrillic)
    produced = {s for reading in readings.values() for s in reading.values()} | set(iotated.values()) | _RULE_SOUNDS
    produced.discard("")
    common, own, names = _read_spellings(spellings, produced)
    vowel_sounds = {reading[v] for reading in readings.values() for v in vowels} | set(iotated.values())
    merged = {code: {**common, **sounds} for code, sounds in own.items()}
    return Romanisation(readings, vowels, iotated, frozenset(vowel_sounds - {""}), common, merged, names)


def _read_cyrillic(path: Path) -> tuple[dict[str, dict[str, str]], frozenset[str], dict[str, str]]:
    with Table(path) as table:
        fields = table.fields(table.root, "", required=("vowels", "iotated", "letters"), optional=("by_source",))
        letters = {entry.text: sound for entry, sound in _letter_sounds(table, fields.get("letters"), "letters")}
        vowels = table.unique(table.texts(fields.get("vowels"), "vowels"), "vowel")
        for vowel in vowels:
            _known(table, vowel, letters)
        iotated = _letter_sounds(table, fields.get("iotated"), "iotated")
        for letter, _sound in iotated:
            if letter.text not in {vowel.text for vowel in vowels}:
                table.reject(letter, "an iotated letter must be one of `vowels`")
        readings = {"": letters}
        for lang, node in table.mapping(fields.get("by_source"), "by_source").values():
            own = _letter_sounds(table, node, lang.field)
            for letter, sound in own:
                if _known(table, letter, letters) and sound == letters[letter.text]:
                    table.reject(letter, "read as in `letters` already; remove it")
            if table.language(lang):
                readings[lang.text] = {**letters, **{letter.text: sound for letter, sound in own}}
        return readings, frozenset(v.text for v in vowels), {letter.text: sound for letter, sound in iotated}


def _known(table: Table, letter: Entry, letters: dict[str, str]) -> bool:
    if letter.text in letters:
        return True
    table.reject(letter, "not a letter of `letters` (add it there first)")
    return False


def _letter_sounds(table: Table, node: yaml.Node | None, field: str) -> list[tuple[Entry, str]]:
    """A mapping of single lowercase Cyrillic letters to sounds."""
    out: list[tuple[Entry, str]] = []
    for letter, value in table.mapping(node, field).values():
        sound = table.text(value, letter.field)
        if not (len(letter.text) == 1 and CYRILLIC_RE.match(letter.text) and letter.text.islower()):
            table.reject(letter, "expected one lowercase Cyrillic letter")
        elif sound is not None and _is_sound(table, sound):
            out.append((letter, sound.text))
    return out


def _is_sound(table: Table, entry: Entry) -> bool:
    if _SOUND_RE.match(entry.text):
        return True
    table.reject(entry, 'a sound is one lowercase letter, a NAME in capitals, or "" for a silent letter')
    return False


def _read_spellings(path: Path, produced: set[str]) -> tuple[Spellings, dict[str, Spellings], dict[str, str]]:
    with Table(path) as table:
        fields = table.fields(table.root, "", required=("common", "conventions"))
        common = _sound_spellings(table, fields.get("common"), "common", produced, {})
        own: dict[Entry, dict[str, tuple[Entry, tuple[str, ...]]]] = {}
        names: dict[str, str] = {}
        for code, node in table.mapping(fields.get("conventions"), "conventions").values():
            if not _CONVENTION_RE.match(code.text):
                table.reject(code, "a convention's code is two to four lowercase letters")
            parts = table.fields(node, code.field, required=("name", "spellings"))
            name = table.text(parts.get("name"), f"{code.field}.name")
            own[code] = _sound_spellings(table, parts.get("spellings"), f"{code.field}.spellings", produced, common)
            names[code.text] = name.text if name else code.text
        for code, sounds in own.items():
            missing = sorted(s for s in produced if s.isupper() and s not in common and s not in sounds)
            if missing:
                table.reject(code, f"no spelling of {', '.join(missing)}, here or in `common`")
        for sound, (entry, _spelt) in common.items():
            if own and all(sound in sounds for sounds in own.values()):
                table.reject(entry, "every convention spells this sound itself: the entry is never used")
    plain = {sound: spelt for sound, (_entry, spelt) in common.items()}
    return plain, {code.text: {s: v for s, (_e, v) in sounds.items()} for code, sounds in own.items()}, names


def _sound_spellings(
    table: Table,
    node: yaml.Node | None,
    field: str,
    produced: set[str],
    common: dict[str, tuple[Entry, tuple[str, ...]]],
) -> dict[str, tuple[Entry, tuple[str, ...]]]:
    """A mapping of sounds to their spellings; an entry that changes nothing is a mistake."""
    out: dict[str, tuple[Entry, tuple[str, ...]]] = {}
    for sound, value in table.mapping(node, field).values():
        spelt = tuple(entry.text for entry in table.unique(table.texts(value, sound.field), "spelling"))
        anyway = common[sound.text][1] if sound.text in common else (sound.text,) if sound.text.islower() else None
        if not _is_sound(table, sound):
            continue
        if sound.text not in produced:
            table.reject(sound, "no letter is read as this sound (cyrillic.yaml): it is never written")
        elif not spelt:
            table.reject(sound, "no spelling given")
        elif any(s != s.lower() for s in spelt):
            table.reject(sound, "spellings are lowercase (the code capitalises a name)")
        elif spelt == anyway:
            table.reject(sound, "spelt so anyway (by `common`, or as the letter itself); remove it")
        out[sound.text] = (sound, spelt)  # kept even when wrong, so that no other check reports it again
    return out


CONVENTIONS = tuple(romanisation().spellings)


def has_cyrillic(text: str) -> bool:
    return bool(CYRILLIC_RE.search(text))


def _sounds(word: str, source: str, tables: Romanisation) -> list[tuple[str, bool]]:
    """Sounds of one Cyrillic word, each flagged when it follows the vowel и (glide absorbed)."""
    reading, vowels, iotated = tables.reading(source), tables.vowels, tables.iotated
    out: list[tuple[str, bool]] = []
    lower = word.lower()
    i = 0
    while i < len(lower):
        ch = lower[i]
        prev = lower[i - 1] if i else ""
        if ch == "д" and lower[i + 1 : i + 2] == "ж":
            out.append(("DZH", False))
            i += 2
            continue
        if ch in iotated:
            initial = not prev or prev in vowels or prev in "ъь"
            sound = iotated[ch] if initial or ch != "е" else "e"
            if ch == "ё" and prev and prev not in vowels and prev not in "ъь":
                sound = "o" if prev in "жчшщ" else "YO"  # Горбачёв: Gorbachov, not Gorbachyov
            out.append((sound, prev == "и"))
        else:
            out.append((reading.get(ch, ch), False))
        i += 1
    return out


# The conventions whose spelling of a sound depends on its neighbours (`_options`' rules below); every
# other convention spells a sound one way wherever it stands (`first_spelling` reads it so).
CONTEXT_RULES = frozenset({"fr", "pt", "de"})


def _options(
    sound: str,
    after_i: bool,
    prev_written: str,
    convention: str,
    next_sound: str | None,
    is_last: bool,
    tables: Romanisation,
) -> list[str]:
    options = list(tables.options(convention, sound))
    if convention not in CONTEXT_RULES:
        return options
    if after_i and sound in {"YE", "YO", "YU", "YA"} and convention in {"fr", "pt"}:
        options = [o[1:] if o[:1] in "iy" else o for o in options] + options
    vowel_next = next_sound in tables.vowel_sounds
    if convention == "fr":
        if sound == "Y" and not _after_vowel(prev_written):
            options = ["i"]
        if sound == "YE" and _after_vowel(prev_written):
            options = ["ïe", "ie"]
        if sound == "g" and next_sound in {"e", "i", "YE", "E", "YI"}:
            options = ["gu", "g"]
        if sound == "s" and _after_vowel(prev_written) and vowel_next:
            options = ["ss", "s"]
        if sound == "n" and is_last and prev_written.endswith("i"):
            options = ["ne", "n"]
    if convention == "de" and sound == "s" and _after_vowel(prev_written) and vowel_next:
        options = ["ss", "s"]
    if convention == "de" and sound == "Y" and prev_written.endswith("i"):
        options = ["", "j"]
    return options


def _after_vowel(written: str) -> bool:
    return bool(written) and written[-1] in "aeiouyïë"


def romanise_word(word: str, convention: str, source: str = "ru", limit: int = MAX_VARIANTS_PER_WORD) -> list[str]:
    """Spellings of one Cyrillic word in a convention, the convention's own first: the first `limit`
    of them (the first few are all that compiling an index reads; fewer are found sooner)."""
    return list(_romanise_word(word, convention, source, min(limit, MAX_VARIANTS_PER_WORD)))


@lru_cache(maxsize=200_000)
def _romanise_word(word: str, convention: str, source: str, limit: int) -> tuple[str, ...]:
    """Cached: gazetteers repeat the same given names and surname roots many times."""
    if "-" in word:
        # (the first `limit` combinations of the parts' first `limit` spellings are those of all of them)
        parts = [romanise_word(part, convention, source, limit) for part in word.split("-")]
        combos = itertools.islice(itertools.product(*parts), limit)
        return tuple("-".join(combo) for combo in combos)
    memo = _OPTIONS_MEMO.get(convention)
    if memo is None:
        memo = _OPTIONS_MEMO[convention] = {}
    choices: list[tuple[str, ...]] = []
    last = ""  # the last letter written so far: all `_options` needs of the spelling before a sound
    for step in _shipped_steps(word, source):
        opts = memo.get((step, last))
        if opts is None:
            sound, after_i, nxt, is_last = _STEPS[step]
            opts = memo[step, last] = tuple(_options(sound, after_i, last, convention, nxt, is_last, romanisation()))
        choices.append(opts)
        last = opts[0][-1:] or last
    results: list[str] = []
    capital = word[:1].isupper()
    for combo in itertools.islice(itertools.product(*choices), 4 * MAX_VARIANTS_PER_WORD):
        spelled = "".join(combo)
        spelled = spelled[:1].upper() + spelled[1:] if capital else spelled
        if spelled not in results:
            results.append(spelled)
            if len(results) >= limit:
                break
    return tuple(results)


# A step is a sound as a word's spelling meets it: (sound, after и, next sound, last sound?). Steps are
# numbered as first met, so that a word is its tuple of step numbers for every convention.
_STEPS: list[tuple[str, bool, str | None, bool]] = []
_STEP_IDS: dict[tuple[str, bool, str | None, bool], int] = {}
# convention → (step, last letter written so far) → options, with the shipped tables: a few thousand
# entries, asked millions of times when a large gazetteer compiles.
_OPTIONS_MEMO: dict[str, dict[tuple[int, str], tuple[str, ...]]] = {}


@lru_cache(maxsize=200_000)
def _shipped_steps(word: str, source: str) -> tuple[int, ...]:
    """The steps of a word by the shipped tables (`_sounds`), once per word for all the conventions."""
    sounds = _sounds(word, source, romanisation())
    final = len(sounds) - 1
    out: list[int] = []
    for pos, (sound, after_i) in enumerate(sounds):
        step = (sound, after_i, sounds[pos + 1][0] if pos < final else None, pos == final)
        found = _STEP_IDS.get(step)
        if found is None:
            found = _STEP_IDS[step] = len(_STEPS)
            _STEPS.append(step)
        out.append(found)
    return tuple(out)


_WORD_RE = re.compile(r"[\u0400-\u052f]+")


def clear_caches() -> None:
    """Forget memoised spellings (compiling a large gazetteer would otherwise fill them to the brim)."""
    _romanise_word.cache_clear()
    _shipped_steps.cache_clear()
    romanise_neutral.cache_clear()


def romanise(text: str, convention: str, source: str = "ru") -> str:
    """The convention's own spelling of a Cyrillic text (other characters kept)."""
    if convention not in CONTEXT_RULES and text.islower():
        # (no capital to carry over: the whole text is read at once, as the keys read every new word)
        return _speller(convention, source).spell(text)
    return _WORD_RE.sub(lambda m: first_spelling(m.group(0), convention, source), text)


def neutral_spelling(text: str) -> str:
    """`romanise_neutral` of a text without capitals, without its memo: for a word asked once
    (`keys.word_key`), whose entry would only push useful ones out."""
    return _speller("en", "ru").spell(text)


@lru_cache(maxsize=100_000)
def romanise_neutral(text: str) -> str:
    """One fixed English-like reading used inside keys, so Cyrillic and Latin keys meet (every new
    Cyrillic word of a text is read so, often more than once: its stems are keyed too)."""
    return romanise(text, "en", "ru")


def first_spelling(word: str, convention: str, source: str = "ru") -> str:
    """The convention's own spelling of one word of Cyrillic letters (`_WORD_RE`): `romanise_word(word,
    convention, source, 1)[0]`. A convention without rules of context (`CONTEXT_RULES`) spells each
    sound one way, so the word is read by its `_Speller`, without the numbered steps and combinations
    the other spellings need."""
    if convention in CONTEXT_RULES:
        return romanise_word(word, convention, source, 1)[0]
    spelled = _speller(convention, source).spell(word.lower())
    return spelled[:1].upper() + spelled[1:] if word[:1].isupper() else spelled


def _speller(convention: str, source: str) -> _Speller:
    speller = _SPELLERS.get((convention, source))
    if speller is None:
        speller = _SPELLERS[convention, source] = _Speller(convention, source, romanisation())
    return speller


class _Speller:
    """One convention without rules of context, reading one source language: `_sounds` and the
    spelling of each sound, as one regular expression and one translation table, over the Cyrillic
    words of a lowercase text at once.

    `_sounds` reads a letter alone but in three contexts, all found by looking at most one letter back
    within the word: д + ж is one sound; an iotated letter at the start of a word or after a vowel or
    a sign is its iotated sound (Ерлан, Алиев: ye), and after a consonant the plain one (е: e); ё
    after a consonant is YO, after ж ч ш щ o. The expression replaces each letter (or д + ж) read in a
    context by its spelling, and the table then spells every other Cyrillic letter (spellings are
    Latin, which the table keeps, as it keeps everything outside the Cyrillic block)."""

    def __init__(self, convention: str, source: str, tables: Romanisation) -> None:
        def spell(sound: str) -> str:
            return _options(sound, False, "", convention, None, False, tables)[0]

        # A letter after a consonant, as the table spells it (an iotated one by its plain sound).
        after_consonant = {
            **tables.reading(source),
            **{letter: ("e" if letter == "е" else sound) for letter, sound in tables.iotated.items()},
        }
        initial = {letter: spell(sound) for letter, sound in tables.iotated.items()}
        hushed = {"ё": spell("o")} if "ё" in tables.iotated else {}  # (the rule is of an iotated ё)
        if hushed:
            after_consonant["ё"] = "YO"
        self._in_context = ({"дж": spell("DZH")}, initial, hushed)
        vowels = re.escape("".join(sorted(tables.vowels | {"ъ", "ь"})))
        iotated = re.escape("".join(sorted(initial)))
        self._context = re.compile(
            f"(дж)|(?:(?<!{_CYRILLIC_LETTER})|(?<=[{vowels}]))([{iotated}])|(?<=[жчшщ])(ё)" if initial else "(дж)"
        )
        # Any other Cyrillic letter is read as itself (its sound is the letter), spelt as the convention
        # spells that; everything outside the Cyrillic block is kept.
        self._letters = CharTable(lambda letter: spell(letter) if CYRILLIC_RE.match(letter) else letter)
        self._letters.update({ord(letter): spell(sound) for letter, sound in after_consonant.items()})
        if any(CYRILLIC_RE.search(spelling) for table in self._in_context for spelling in table.values()):
            raise ValueError(f"a spelling of {convention} is written in Cyrillic: the table would read it again")

    def spell(self, text: str) -> str:
        """The spelling of every Cyrillic word of a text without capitals (other characters kept)."""
        return self._context.sub(self._spelled, text).translate(self._letters)

    def _spelled(self, match: re.Match[str]) -> str:
        group = match.lastindex or 0
        return self._in_context[group - 1][match.group(group)]


_CYRILLIC_LETTER = "[\u0400-\u052f]"  # (what `_WORD_RE` reads as a word's letters)


_SPELLERS: dict[tuple[str, str], _Speller] = {}


def variants(text: str, source: str = "ru", conventions: tuple[str, ...] = CONVENTIONS) -> Iterator[tuple[str, str]]:
    """(convention, spelling) pairs of a Cyrillic multi-word name, several per convention."""
    words = text.split()
    for convention in conventions:
        per_word = [romanise_word(w, convention, source) if has_cyrillic(w) else [w] for w in words]
        for combo in itertools.islice(itertools.product(*per_word), MAX_VARIANTS_PER_WORD):
            yield convention, " ".join(combo)
