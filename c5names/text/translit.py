"""Romanisation of Cyrillic names by the conventions the press of each language follows.

A Cyrillic name is first read into sounds, knowing its source language (Kazakh and Kyrgyz ж is
[dʒ] and romanised J; Russian ж is [ʒ]; Tajik ҷ and Uzbek ж are [dʒ]; е is "ye" at the start of a
word and after a vowel). The sounds are then written by a target convention: BGN/PCGN-like English,
French, German (Duden), Spanish, Italian, Polish, Czech/Slovak, Lithuanian/Latvian, Turkish,
Hungarian, Dutch, Portuguese, Uzbek Latin, Kazakh Latin (2021) and ISO 9-like scholarly.

unidecode alone reads Мирзиёев as "Mirziioev" and Тоқаев as "Tok'aev": it is letter-by-letter and
knows neither context nor source language. It is used here only for scripts we do not model.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

CYRILLIC_RE = re.compile("[\u0400-\u04ff\u0500-\u052f]")
VOWELS = set("аеёиоуыэюяәөұүіӣӯєїў") | set("АЕЁИОУЫЭЮЯӘӨҰҮІӢӮЄЇЎ")
_IOTATED = {"е": "YE", "ё": "YO", "ю": "YU", "я": "YA", "є": "YE", "ї": "YI"}

# Sound of each letter, per source language; missing letters fall back to "ru".
_BASE = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "YO",
    "ж": "ZH",
    "з": "z",
    "и": "i",
    "й": "Y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "KH",
    "ц": "TS",
    "ч": "CH",
    "ш": "SH",
    "щ": "SHCH",
    "ъ": "",
    "ы": "YI",
    "ь": "",
    "э": "E",
    "ю": "YU",
    "я": "YA",
    # Kazakh, Kyrgyz, Tajik, Uzbek, Ukrainian, Serbian/Macedonian letters
    "қ": "Q",
    "ғ": "GH",
    "ң": "NG",
    "ә": "AE",
    "ө": "OE",
    "ұ": "U",
    "ү": "UE",
    "һ": "H",
    "і": "i",
    "ӣ": "i",
    "ӯ": "U",
    "ҳ": "H",
    "ҷ": "DZH",
    "ў": "OU",
    "є": "YE",
    "ї": "YI",
    "ґ": "g",
    "ј": "Y",
    "љ": "lY",
    "њ": "nY",
    "ћ": "CH",
    "ђ": "DZH",
    "џ": "DZH",
    "ѓ": "g",
    "ќ": "k",
}
_BY_SOURCE = {
    "kk": {"ж": "DZH"},
    "ky": {"ж": "DZH"},
    "uz": {"ж": "DZH", "х": "KH"},
    "tg": {"ж": "ZH"},
    "uk": {"и": "YI", "г": "H", "і": "i"},
}

# How each sound is written, per convention: first option is the convention's own, later ones
# are the alternatives the press of that language also uses.
_COMMON = {
    "a": ["a"],
    "b": ["b"],
    "v": ["v"],
    "g": ["g"],
    "d": ["d"],
    "e": ["e"],
    "z": ["z"],
    "i": ["i"],
    "k": ["k"],
    "l": ["l"],
    "m": ["m"],
    "n": ["n"],
    "o": ["o"],
    "p": ["p"],
    "r": ["r"],
    "s": ["s"],
    "t": ["t"],
    "u": ["u"],
    "f": ["f"],
    "E": ["e"],
    "Q": ["k", "q"],
    "GH": ["g", "gh"],
    "NG": ["ng", "n"],
    "AE": ["a", "ä"],
    "OE": ["o", "ö"],
    "UE": ["u", "ü"],
    "H": ["h"],
    "OU": ["o"],
    "": [""],
}
SCHEMES: dict[str, dict[str, list[str]]] = {
    "en": {
        "YE": ["ye", "e"],
        "YO": ["yo", "e"],
        "ZH": ["zh"],
        "DZH": ["j", "zh"],
        "Y": ["y", "i"],
        "KH": ["kh", "h"],
        "TS": ["ts"],
        "CH": ["ch"],
        "SH": ["sh"],
        "SHCH": ["shch"],
        "YI": ["y", "i"],
        "YU": ["yu"],
        "YA": ["ya"],
    },
    "fr": {
        "YE": ["ie", "e"],
        "YO": ["io", "o"],
        "ZH": ["j"],
        "DZH": ["dj", "j"],
        "Y": ["ï", "i"],
        "KH": ["kh"],
        "TS": ["ts"],
        "CH": ["tch"],
        "SH": ["ch"],
        "SHCH": ["chtch"],
        "YI": ["y", "i"],
        "YU": ["iou", "you"],
        "YA": ["ia", "ya"],
        "u": ["ou"],
        "s": ["s"],
    },
    "de": {
        "v": ["w"],
        "z": ["s"],
        "YE": ["je", "e"],
        "YO": ["jo"],
        "ZH": ["sch"],
        "DZH": ["dsch"],
        "Y": ["j", "i"],
        "KH": ["ch"],
        "TS": ["z"],
        "CH": ["tsch"],
        "SH": ["sch"],
        "SHCH": ["schtsch"],
        "YI": ["y", "i"],
        "YU": ["ju"],
        "YA": ["ja"],
        "E": ["e"],
    },
    "es": {
        "YE": ["ye", "e"],
        "YO": ["yo"],
        "ZH": ["zh", "y"],
        "DZH": ["y", "zh", "j"],
        "Y": ["i", "y"],
        "KH": ["j"],
        "TS": ["ts"],
        "CH": ["ch"],
        "SH": ["sh"],
        "SHCH": ["sch"],
        "YI": ["y", "i"],
        "YU": ["yu"],
        "YA": ["ya"],
    },
    "it": {
        "YE": ["e", "je"],
        "YO": ["ë", "io"],
        "ZH": ["ž", "zh"],
        "DZH": ["dž", "g"],
        "Y": ["j", "i"],
        "KH": ["ch", "kh"],
        "TS": ["c"],
        "CH": ["č", "c"],
        "SH": ["š", "sc"],
        "SHCH": ["šč"],
        "YI": ["y"],
        "YU": ["ju"],
        "YA": ["ja"],
    },
    "pl": {
        "v": ["w"],
        "l": ["ł", "l"],
        "YE": ["je", "e"],
        "YO": ["jo"],
        "ZH": ["ż"],
        "DZH": ["dż"],
        "Y": ["j"],
        "KH": ["ch"],
        "TS": ["c"],
        "CH": ["cz"],
        "SH": ["sz"],
        "SHCH": ["szcz"],
        "YI": ["y"],
        "YU": ["ju"],
        "YA": ["ja"],
    },
    "cs": {
        "YE": ["je", "e"],
        "YO": ["jo"],
        "ZH": ["ž"],
        "DZH": ["dž"],
        "Y": ["j"],
        "KH": ["ch"],
        "TS": ["c"],
        "CH": ["č"],
        "SH": ["š"],
        "SHCH": ["šč"],
        "YI": ["y"],
        "YU": ["ju"],
        "YA": ["ja"],
    },
    "lt": {
        "YE": ["je", "e"],
        "YO": ["jo"],
        "ZH": ["ž"],
        "DZH": ["dž"],
        "Y": ["j"],
        "KH": ["ch"],
        "TS": ["c"],
        "CH": ["č"],
        "SH": ["š"],
        "SHCH": ["šč"],
        "YI": ["y", "i"],
        "YU": ["ju"],
        "YA": ["ja"],
    },
    "tr": {
        "YE": ["ye", "e"],
        "YO": ["yo"],
        "ZH": ["j"],
        "DZH": ["c"],
        "Y": ["y"],
        "KH": ["h"],
        "TS": ["ts"],
        "CH": ["ç"],
        "SH": ["ş"],
        "SHCH": ["şç"],
        "YI": ["ı"],
        "YU": ["yu"],
        "YA": ["ya"],
    },
    "hu": {
        "s": ["sz"],
        "YE": ["je"],
        "YO": ["jo"],
        "ZH": ["zs"],
        "DZH": ["dzs"],
        "Y": ["j"],
        "KH": ["h"],
        "TS": ["c"],
        "CH": ["cs"],
        "SH": ["s"],
        "SHCH": ["scs"],
        "YI": ["i", "y"],
        "YU": ["ju"],
        "YA": ["ja"],
    },
    "nl": {
        "u": ["oe"],
        "YE": ["je", "e"],
        "YO": ["jo"],
        "ZH": ["zj"],
        "DZH": ["dzj", "dj"],
        "Y": ["j"],
        "KH": ["ch"],
        "TS": ["ts"],
        "CH": ["tsj"],
        "SH": ["sj"],
        "SHCH": ["sjtsj"],
        "YI": ["y"],
        "YU": ["joe"],
        "YA": ["ja"],
    },
    "pt": {
        "YE": ["ie", "e"],
        "YO": ["io"],
        "ZH": ["j", "zh"],
        "DZH": ["dj", "j"],
        "Y": ["i"],
        "KH": ["kh"],
        "TS": ["ts"],
        "CH": ["tch"],
        "SH": ["ch", "sh"],
        "SHCH": ["chtch"],
        "YI": ["y"],
        "YU": ["iu"],
        "YA": ["ia"],
    },
    "uz": {
        "YE": ["ye", "e"],
        "YO": ["yo"],
        "ZH": ["j"],
        "DZH": ["j"],
        "Y": ["y"],
        "KH": ["x"],
        "TS": ["ts", "s"],
        "CH": ["ch"],
        "SH": ["sh"],
        "SHCH": ["sh"],
        "YI": ["i"],
        "YU": ["yu"],
        "YA": ["ya"],
        "Q": ["q"],
        "GH": ["gʻ"],
        "OU": ["oʻ"],
        "H": ["h"],
    },
    "kk": {
        "YE": ["e"],
        "YO": ["io"],
        "ZH": ["j"],
        "DZH": ["j"],
        "Y": ["i"],
        "KH": ["h"],
        "TS": ["ts"],
        "CH": ["ç"],
        "SH": ["ş"],
        "SHCH": ["şş"],
        "YI": ["y"],
        "YU": ["iu"],
        "YA": ["ia"],
        "Q": ["q"],
        "GH": ["ğ"],
        "NG": ["ñ"],
        "AE": ["ä"],
        "OE": ["ö"],
        "UE": ["ü"],
        "U": ["ū"],
    },
    "iso": {
        "YE": ["e"],
        "YO": ["ë", "jo"],
        "ZH": ["ž"],
        "DZH": ["dž"],
        "Y": ["j"],
        "KH": ["x", "ch"],
        "TS": ["c"],
        "CH": ["č"],
        "SH": ["š"],
        "SHCH": ["šč"],
        "YI": ["y"],
        "YU": ["ju"],
        "YA": ["ja"],
        "E": ["è", "e"],
    },
}
CONVENTIONS = tuple(SCHEMES)
MAX_VARIANTS_PER_WORD = 12


def has_cyrillic(text: str) -> bool:
    return bool(CYRILLIC_RE.search(text))


def _sounds(word: str, source: str) -> list[tuple[str, bool]]:
    """Sounds of one Cyrillic word, each flagged when it follows the vowel и (glide absorbed)."""
    table = {**_BASE, **_BY_SOURCE.get(source, {})}
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
        if ch in _IOTATED:
            initial = not prev or prev in VOWELS or prev in "ъь"
            sound = _IOTATED[ch] if initial or ch != "е" else "e"
            if ch == "ё" and prev and prev not in VOWELS and prev not in "ъь":
                sound = "o" if prev in "жчшщ" else "YO"  # Горбачёв: Gorbachov, not Gorbachyov
            out.append((sound, prev == "и"))
        else:
            out.append((table.get(ch, ch), False))
        i += 1
    return out


def _options(
    sound: str,
    after_i: bool,
    prev_written: str,
    scheme: dict[str, list[str]],
    convention: str,
    next_sound: str | None,
    is_last: bool,
) -> list[str]:
    options = list(scheme.get(sound) or _COMMON.get(sound) or [sound.lower()])
    if after_i and sound in {"YE", "YO", "YU", "YA"} and convention in {"fr", "pt"}:
        options = [o[1:] if o[:1] in "iy" else o for o in options] + options
    if convention == "fr":
        if sound == "Y" and not _after_vowel(prev_written):
            options = ["i"]
        if sound == "YE" and _after_vowel(prev_written):
            options = ["ïe", "ie"]
        if sound == "g" and next_sound in {"e", "i", "YE", "E", "YI"}:
            options = ["gu", "g"]
        if sound == "s" and _after_vowel(prev_written) and next_sound in _VOWEL_SOUNDS:
            options = ["ss", "s"]
        if sound == "n" and is_last and prev_written.endswith("i"):
            options = ["ne", "n"]
    if convention == "de" and sound == "s" and _after_vowel(prev_written) and next_sound in _VOWEL_SOUNDS:
        options = ["ss", "s"]
    if convention == "de" and sound == "Y" and prev_written.endswith("i"):
        options = ["", "j"]
    return options


def _after_vowel(written: str) -> bool:
    return bool(written) and written[-1] in "aeiouyïë"


_VOWEL_SOUNDS = {"a", "e", "i", "o", "u", "E", "YE", "YO", "YU", "YA", "YI", "AE", "OE", "UE", "U", "OU"}


def romanise_word(word: str, convention: str, source: str = "ru") -> list[str]:
    """Spellings of one Cyrillic word in a convention, the convention's own first."""
    return list(_romanise_word(word, convention, source))


@lru_cache(maxsize=200_000)
def _romanise_word(word: str, convention: str, source: str) -> tuple[str, ...]:
    """Cached: gazetteers repeat the same given names and surname roots many times."""
    if "-" in word:
        parts = [romanise_word(part, convention, source) for part in word.split("-")]
        combos = itertools.islice(itertools.product(*parts), MAX_VARIANTS_PER_WORD)
        return tuple("-".join(combo) for combo in combos)
    scheme = SCHEMES[convention]
    sounds = _sounds(word, source)
    choices: list[list[str]] = []
    written = ""
    for pos, (sound, after_i) in enumerate(sounds):
        nxt = sounds[pos + 1][0] if pos + 1 < len(sounds) else None
        opts = _options(sound, after_i, written, scheme, convention, nxt, pos == len(sounds) - 1)
        choices.append(opts)
        written += opts[0]
    results: list[str] = []
    for combo in itertools.islice(itertools.product(*choices), 4 * MAX_VARIANTS_PER_WORD):
        spelled = "".join(combo)
        spelled = spelled[:1].upper() + spelled[1:] if word[:1].isupper() else spelled
        if spelled not in results:
            results.append(spelled)
        if len(results) >= MAX_VARIANTS_PER_WORD:
            break
    return tuple(results)


_WORD_RE = re.compile(r"[\u0400-\u052f]+")


def clear_caches() -> None:
    """Forget memoised spellings (compiling a large gazetteer would otherwise fill them to the brim)."""
    _romanise_word.cache_clear()
    romanise_neutral.cache_clear()


def romanise(text: str, convention: str, source: str = "ru") -> str:
    """The convention's own spelling of a Cyrillic text (other characters kept)."""
    return _WORD_RE.sub(lambda m: romanise_word(m.group(0), convention, source)[0], text)


@lru_cache(maxsize=100_000)
def romanise_neutral(text: str) -> str:
    """One fixed English-like reading used inside keys, so Cyrillic and Latin keys meet."""
    return romanise(text, "en", "ru")


def variants(text: str, source: str = "ru", conventions: tuple[str, ...] = CONVENTIONS) -> Iterator[tuple[str, str]]:
    """(convention, spelling) pairs of a Cyrillic multi-word name, several per convention."""
    words = text.split()
    for convention in conventions:
        per_word = [romanise_word(w, convention, source) if has_cyrillic(w) else [w] for w in words]
        for combo in itertools.islice(itertools.product(*per_word), MAX_VARIANTS_PER_WORD):
            yield convention, " ".join(combo)
