"""Which scripts a language is written in, from CLDR through Babel.

A language's own name for a country (an exonym: Estonian "Taani" for Denmark, Greek "Μπρουνέι" for
Brunei) is written in that language's script. Text in another script never writes it so: a Russian
text names Denmark "Дания", which CLDR also lists, and "Тани" there is a girl's name in the genitive,
whose romanisation merely meets Estonian's key. A language written in two scripts is another matter:
Uzbek "AQSH" is its Cyrillic "АҚШ" in Latin letters. So the index reads an exonym across scripts
only into the scripts its language is written in (`index.query`), and asks this module which those
are: the language's likely script and every script CLDR has a locale of it in (uz: Latn, Cyrl,
Arab; sr: Cyrl, Latn; et: Latn alone).

Scripts are named as `keys.letter_scripts` names them (Unicode's names: LATIN, CYRILLIC, GREEK).
Only a language's scripts with letter case matter here: words of scripts without case are keyed
apart from the others' (`keys.uncased`), so no reading crosses between them.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.core import get_global
from babel.localedata import locale_identifiers

from c5names.text.keys import letter_scripts

# ISO 15924 codes whose English name in CLDR is not the first word of their letters' Unicode names
# (the scripts of CLDR's locales and likely subtags; a test holds each to Unicode's letters).
_UNICODE_NAMES = {
    "Hans": ("CJK",),
    "Hant": ("CJK",),
    "Hani": ("CJK",),
    "Jpan": ("CJK", "HIRAGANA", "KATAKANA"),
    "Kore": ("HANGUL", "CJK"),
    "Hanb": ("CJK", "BOPOMOFO"),
    "Beng": ("BENGALI",),
    "Orya": ("ORIYA",),
    "Mtei": ("MEETEI",),
    "Nkoo": ("NKO",),
    "Lana": ("TAI",),
    "Cans": ("CANADIAN",),
    "Latf": ("LATIN",),
    "Latg": ("LATIN",),
    "Lisu": ("LISU",),
    "Saur": ("SAURASHTRA",),
    "Mand": ("MANDAIC",),
    "Wara": ("WARANG",),
}
# Letters of no one script: modifier letters (the ʻ of Oʻzbekiston) and letters Unicode leaves unnamed.
NEUTRAL = frozenset({"MODIFIER", ""})


def writing_scripts(text: str) -> frozenset[str]:
    """The scripts a text is written in (`keys.letter_scripts`), less letters of no one script."""
    return letter_scripts(text) - NEUTRAL


@lru_cache(maxsize=512)
def script_names(code: str) -> tuple[str, ...]:
    """The Unicode names of the letters of an ISO 15924 script ("Cyrl": CYRILLIC; "Jpan": CJK,
    HIRAGANA, KATAKANA); () for a code CLDR does not name."""
    if code in _UNICODE_NAMES:
        return _UNICODE_NAMES[code]
    name = Locale("en").scripts.get(code)
    return (name.split()[0].upper(),) if name else ()


@lru_cache(maxsize=1)
def _locale_scripts() -> dict[str, frozenset[str]]:
    """Per language, the ISO 15924 codes of the scripts CLDR has a locale of it in (uz_Cyrl, uz_Latn)."""
    found: dict[str, set[str]] = {}
    for identifier in locale_identifiers():
        parts = identifier.split("_")
        if len(parts) > 1 and len(parts[1]) == 4 and parts[1].istitle():
            found.setdefault(parts[0].lower(), set()).add(parts[1])
    return {lang: frozenset(codes) for lang, codes in found.items()}


def base_language(lang: str | None) -> str:
    """The language of a BCP 47 tag, without its script or region ("uz-Cyrl", "uz_Latn": "uz"); ""
    for none."""
    return (lang or "").replace("_", "-").split("-", 1)[0].lower()


@lru_cache(maxsize=4096)
def language_scripts(lang: str) -> frozenset[str] | None:
    """The scripts (Unicode names) a language is written in: its likely script in CLDR and every
    script CLDR has a locale of it in. A tag's own script counts too ("sr-Latn"). None for a language
    CLDR does not know: nothing is then known of its scripts."""
    base, *rest = lang.replace("_", "-").split("-")
    base = base.lower()
    codes = set(_locale_scripts().get(base, ()))
    likely = get_global("likely_subtags").get(base)
    if likely:
        subtags = likely.split("_")
        if len(subtags) > 1 and len(subtags[1]) == 4:
            codes.add(subtags[1])
    if not codes:
        return None
    codes.update(part.title() for part in rest if len(part) == 4 and part.isalpha())
    return frozenset(name for code in codes for name in script_names(code))
