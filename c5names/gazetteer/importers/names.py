"""Split a whole name, as a knowledge base writes it, into given name, patronymic and surname.

Wikidata labels and aliases and FollowTheMoney `name`/`alias` values are whole strings; the gazetteer
matches best on parts (word order varies, initials stand for given names, a surname alone is linked
by context). A name is split only where its language's order is known: given-name-first languages,
East Slavic and Central Asian names with a patronymic in either order ("Given Patronymic Surname",
"Surname Given Patronymic"), surname-first Hungarian, and Chinese (surname first for a Chinese
name; a foreign name transcribed with a middle dot is "given·surname"). Anything else stays a
whole-name alias, matched as a phrase.
"""

from __future__ import annotations

import re

from c5names.gazetteer.importers.common import script_of

# Languages that write a person's given name before the surname.
GIVEN_FIRST = frozenset(
    "en fr de es it pt pl cs sk sl hr sr bs mk bg lt lv et fi sv da no nb nn nl ro tr az uz kk ky tk tg "
    "ru uk be ca gl eu ga cy sq el is mt id ms tl af sw ka hy mn".split()
)
SURNAME_FIRST = frozenset({"hu"})
# Patronymics (and Kazakh/Kyrgyz/Uzbek/Tajik patronymic words) in Cyrillic and Latin letters.
PATRONYMIC = re.compile(
    r"(?:ович|евич|ёвич|ьич|овна|евна|ёвна|ична|інична|ович|івна|ївна|уулу|кызы|ұлы|улы|қызы|кизи|ўғли|"
    r"ovich|evich|ovna|evna|ichna|uulu|kyzy|uly|ogli|o[‘'ʻ’]g[‘'ʻ’]li|qizi|kizi|zoda|zade)$",
    re.IGNORECASE,
)
SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
HAN_DOTS = "·•‧・･"
_HAN_DOT_RE = re.compile(f"[{HAN_DOTS}]")


def base_language(lang: str | None) -> str:
    return (lang or "").split("-", 1)[0].casefold()


def split_name(text: str, lang: str | None, chinese_person: bool = False) -> dict[str, str] | None:
    """The parts of a whole name in this language (given, patronymic, surname, suffix), or None when
    the language's order is not known or the name does not fit it (then it is a whole-name alias).
    `chinese_person`: the person is a citizen of a Chinese-speaking state, so an unspaced Han name
    is a Chinese name, surname first."""
    text = " ".join(text.split())
    base = base_language(lang)
    if script_of(text, lang) in ("Hans", "Hant"):
        return _split_han(text, chinese_person)
    words = text.split(" ")
    suffix = None
    if len(words) > 2 and words[-1].casefold() in SUFFIXES:
        suffix, words = words[-1], words[:-1]
    if len(words) < 2 or any(not _is_name_word(w) for w in words):
        return None
    if base in SURNAME_FIRST and len(words) == 2:
        return _parts(words[1], None, words[0], suffix)
    if base not in GIVEN_FIRST:
        return None
    if len(words) == 3 and PATRONYMIC.search(words[2]):  # Токаев Касым-Жомарт Кемелевич
        return _parts(words[1], words[2], words[0], suffix)
    if len(words) == 3 and PATRONYMIC.search(words[1]):  # Касым-Жомарт Кемелевич Токаев
        return _parts(words[0], words[1], words[2], suffix)
    if len(words) == 2:
        return _parts(words[0], None, words[1], suffix)
    # Ursula von der Leyen: lowercase particles belong to the surname; middle names are kept as the
    # patronymic field (the schema's "patronymic or middle names").
    start = next((i for i in range(1, len(words)) if words[i][:1].islower()), len(words) - 1)
    middle = " ".join(words[1:start]) or None
    return _parts(words[0], middle, " ".join(words[start:]), suffix)


def _is_name_word(word: str) -> bool:
    return bool(word) and not any(c.isdigit() for c in word) and word not in {",", "(", ")"}


def _parts(given: str | None, patronymic: str | None, surname: str | None, suffix: str | None) -> dict[str, str]:
    out = {"given": given, "patronymic": patronymic, "surname": surname, "suffix": suffix}
    return {k: v for k, v in out.items() if v}


def _split_han(text: str, chinese_person: bool) -> dict[str, str] | None:
    compact = text.replace(" ", "")
    if _HAN_DOT_RE.search(compact):  # 达莉佳·纳扎尔巴耶娃: a foreign name, given name first
        parts = [p for p in _HAN_DOT_RE.split(compact) if p]
        if len(parts) < 2:
            return None
        return _parts(" ".join(parts[:-1]) if len(parts) > 2 else parts[0], None, parts[-1], None)
    if chinese_person and 2 <= len(compact) <= 4:  # 习近平: one-character surname first
        return _parts(compact[1:], None, compact[0], None)
    return None
