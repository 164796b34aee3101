"""Case endings, possessives and clitics that languages fuse onto names.

Names inflect: Russian Мирзиёева/Мирзиёевым, Polish Tokajewem, Czech Mirzijojevovi, Lithuanian
Mirzijojevas, Hungarian Tokajevvel, German Tokajews, Uzbek Mirziyoyevni. The matcher always tries the
raw form first, then each stem these rules propose; a stem only counts when the index knows it.
Apostrophe suffixes (Tokayev's, Tokayev'in) and French/Italian elisions (d’Emomali) are not part of
the name's span; fused endings are.
"""

from __future__ import annotations

import re
from functools import lru_cache

from c5names.text.keys import APOSTROPHES

_CYR_SLAVIC = [
    "ами",
    "ями",
    "ыми",
    "ими",
    "ого",
    "его",
    "ому",
    "ему",
    "ой",
    "ей",
    "ою",
    "ом",
    "ем",
    "ым",
    "им",
    "ах",
    "ях",
    "ых",
    "их",
    "а",
    "я",
    "у",
    "ю",
    "е",
    "ы",
    "и",
]
_CYR_TURKIC = [
    "тың",
    "тің",
    "дың",
    "дің",
    "ның",
    "нің",
    "қа",
    "ке",
    "ға",
    "ге",
    "ка",
    "та",
    "те",
    "да",
    "де",
    "тан",
    "тен",
    "дан",
    "ден",
    "нан",
    "нен",
    "ты",
    "ті",
    "ды",
    "ді",
    "ны",
    "ні",
    "мен",
    "бен",
    "пен",
    "ни",
    "нинг",
    "га",
    "дан",
    "ро",
]
# Kazakh in its Latin alphabet (2021; ń and ğ, or ng and g in older texts): the cases of _CYR_TURKIC.
_KAZAKH_LATIN = (
    "tyń tiń dyń diń nyń niń tyng ting dyng ding nyng ning qa ke ğa ga ge ka ta te da de tan ten dan den "
    "nan nen ty ti dy di ny ni men ben pen"
).split()
# Kyrgyz cases with vowel harmony: genitive, dative, accusative, locative, ablative.
_CYR_KYRGYZ = (
    "нын нин нун нүн дын дин дун дүн тын тин тун түн га ге го гө ка ке ко кө ны ни ну нү ды ди ду дү "
    "ты ти ту тү да де до дө та те то тө дан ден дон дөн тан тен тон төн нан нен нон нөн"
).split()
ENDINGS: dict[str, list[str]] = {
    "ru": _CYR_SLAVIC,
    "uk": [*_CYR_SLAVIC, "ові", "єві"],
    "be": _CYR_SLAVIC,
    "bg": ["а", "я"],
    # Serbian, Croatian, Bosnian: -ев/-ов surnames take -им in the instrumental (Токајевим, Tokajevim).
    "sr": ["а", "у", "ом", "ем", "е", "им", "a", "u", "om", "em", "e", "im"],
    "bs": ["a", "u", "om", "em", "e", "im"],
    "mk": ["а"],
    "kk": _CYR_SLAVIC + _CYR_TURKIC + _KAZAKH_LATIN,
    "ky": _CYR_SLAVIC + _CYR_TURKIC + _CYR_KYRGYZ,
    "tg": [*_CYR_SLAVIC, "ро", "и"],
    "pl": ["owi", "ego", "emu", "em", "ie", "ą", "a", "u", "y", "ym", "om", "ów"],
    "cs": ["ovi", "ových", "em", "ou", "a", "u", "e", "om"],
    "sk": ["ovi", "em", "om", "ou", "a", "u", "e"],
    "sl": ["u", "a", "om", "em"],
    "hr": ["u", "a", "om", "em", "e", "im"],
    "lt": ["iui", "ams", "as", "is", "ys", "us", "ui", "io", "ą", "į", "u", "e", "o", "a"],
    "lv": ["am", "s", "a", "u", "ā"],
    "hu": [
        "nak",
        "nek",
        "val",
        "vel",
        "tal",
        "tel",
        "hoz",
        "hez",
        "höz",
        "ról",
        "ről",
        "ban",
        "ben",
        "nál",
        "nél",
        "tól",
        "től",
        "ért",
        "ból",
        "ből",
        "ba",
        "be",
        "ra",
        "re",
        "on",
        "en",
        "ön",
        "ot",
        "et",
        "at",
        "t",
        "n",
    ],
    "de": ["s"],
    "nl": ["s"],
    "sv": ["s"],
    "da": ["s"],
    "no": ["s"],
    # Uzbek is written in Latin and, still widely, in Cyrillic: the same endings in both.
    "uz": [
        *["ning", "ni", "ga", "ka", "qa", "da", "ta", "dan", "tan", "dagi", "lar"],
        *["нинг", "ни", "га", "ка", "қа", "да", "та", "дан", "тан", "даги", "лар"],
    ],
    "tk": ["yň", "iň", "nyň", "niň", "ny", "ni", "a", "e", "y", "i", "da", "de", "dan", "den"],
    "tr": [],
    # Romanian: the enclitic article of the genitive-dative (Kazahstanului, Uzbekistanului).
    "ro": ["ului", "ul", "ei", "lui"],
    # Mongolian (Cyrillic): genitive, comitative, accusative, ablative, dative-locative, instrumental.
    "mn": "ын ийн н тай тэй той ыг ийг г аас ээс оос өөс д т аар ээр оор өөр".split(),
    # Azerbaijani: genitive, dative, accusative, locative, ablative, comitative (Tokayevlə).
    "az": ("nın nin nun nün ın in un ün ya yə a ə e nı ni nu nü ı i u ü da də dan dən la lə").split(),
    # Finnish and Estonian join the case ending of a consonant-final foreign name with -i-
    # (Tokajevin, Tokajevia, Tokajeville; Estonian Tokajevi, Tokajeviga); Albanian adds its article
    # (Tokajevi, Tokajevit).
    "fi": [
        *["n", "a", "ä", "lle", "lla", "llä", "sta", "stä", "ssa", "ssä", "ksi", "na", "nä", "lta", "ltä"],
        *["in", "ia", "iä", "ille", "illa", "illä", "ista", "istä", "issa", "issä", "iin", "iksi", "ina", "inä"],
        *["ilta", "iltä"],
    ],
    "et": ["i", "it", "ile", "iga", "is", "ist", "isse", "iks", "il", "ilt", "ina", "ini", "ita"],
    "sq": ["i", "it", "in", "ë", "a", "ës", "u", "ut", "un"],
    # Georgian: nominative -ი (foreign names take it), ergative, dative, genitive, instrumental,
    # adverbial, and the postpositions written together with the noun.
    "ka": ["ი", "მა", "ს", "ის", "ით", "ად", "ში", "ზე", "თან", "თვის", "ისთვის", "ისგან"],
}
_ALL = sorted({e for endings in ENDINGS.values() for e in endings}, key=len, reverse=True)
MIN_STEM = 3
# Without a language, every language's endings are tried; a lone vowel then strips too much
# (Karimova is a woman, not Karimov's genitive; Louis is not Lou), so those need a language.
_VOWEL_ENDINGS = frozenset("aeiouyąęаеиоуыяюэ")
UNKNOWN_LANG_MIN_STEM = 4
# Suffixes after an apostrophe: English possessives and Turkish/Azerbaijani case endings.
APOSTROPHE_SUFFIXES = frozenset(
    """s
    in ın un ün nin nın nun nün a e ya ye da de ta te dan den tan ten ı i u ü yı yi yu yü
    la le yla yle ca ce ça çe ya ye daki deki taki teki dır dir dur dür tır tir tur tür ki
    """.split()
)

_ELISION_RE = re.compile(
    rf"^(?:[ldjmnstcLDJMNSTC]|[qQ]u|[dD]ell|[aA]ll|[nN]ell|[dD]all|[sS]ull)[{re.escape(APOSTROPHES)}](?=\w)"
)
_APOS_SUFFIX_RE = re.compile(rf"^(.{{2,}}?)[{re.escape(APOSTROPHES)}]([^\W\d_]{{0,6}})$")


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
    return tuple(out)


def split_elision(word: str) -> tuple[str, str]:
    """('d’', 'Emomali') for an elided article or preposition; ('', word) otherwise."""
    match = _ELISION_RE.match(word)
    if match and word[match.end() :][:1].isupper():
        return word[: match.end()], word[match.end() :]
    return "", word


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
