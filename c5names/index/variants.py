"""The spellings an entity's names are indexed under.

A name is cut into parts (given, patronymic, surname, suffix), and a Cyrillic name is also spelled
by every romanisation convention the press uses; each word then gets its key (`text.keys.skeleton`).
`word_keys` is what compiling calls for every word, `name_variants` what `c5names variants` shows.
"""

from __future__ import annotations

from functools import lru_cache

from c5names.gazetteer.schema import Entity, PersonName
from c5names.model import Role
from c5names.text.abjad import has_arabic
from c5names.text.keys import skeleton
from c5names.text.pinyin import pinyin_respellings, transcribe, transcription_systems
from c5names.text.translit import CONVENTIONS, has_cyrillic, romanise_word
from c5names.text.words import split_words


def name_parts(name: PersonName) -> dict[Role, list[str]]:
    given = _words(name.given or "")
    head = [w for w in given[:1]]
    # Hyphenated given names ("Kassym-Jomart") stay one block; extra spaced given names are middle names.
    if name.given and "-" in name.given.split()[0]:
        head = _words(name.given.split()[0])
        rest = _words(" ".join(name.given.split()[1:]))
    else:
        rest = given[1:]
    return {
        Role.GIVEN: head,
        Role.PATRONYMIC: rest + _words(name.patronymic or ""),
        Role.SURNAME: _words(name.surname or ""),
        Role.SUFFIX: _words(name.suffix or ""),
    }


def _words(text: str) -> list[str]:
    """The words of a name part; a lowercase syllable hyphened to a capitalised one is a word of the
    name, not a connector like "de" (Hungarian Csin-ping, Czech Ťin-pching: Chinese given names)."""
    return list(_part_words(text))


@lru_cache(maxsize=100_000)
def _part_words(text: str) -> tuple[str, ...]:
    """`_words`, cached: a large gazetteer repeats its given names, patronymics and surnames."""
    out: list[str] = []
    for token in text.split():
        words = split_words(token)
        if "-" in token and words and words[0][:1].isupper():
            words = [words[0], *(w[:1].upper() + w[1:] if w[:1].islower() else w for w in words[1:])]
        out.extend(words)
    return tuple(out)


def _spellings(name: PersonName, chinese: bool = False) -> list[tuple[str, dict[Role, list[str]]]]:
    """The name as written plus its romanisations by every convention when it is Cyrillic."""
    parts = name_parts(name)
    out: list[tuple[str, dict[Role, list[str]]]] = [("as written", parts)]
    if any(has_cyrillic(w) for words in parts.values() for w in words):
        source = name.lang or "ru"
        for convention in CONVENTIONS:
            for option in range(3):
                spelled = {
                    role: [_pick(romanise_word(w, convention, source, 3), option) if has_cyrillic(w) else w for w in ws]
                    for role, ws in parts.items()
                }
                if all(spelled != seen for _, seen in out):
                    out.append((convention, spelled))
    for language, spelled in transcriptions(name, chinese):
        if all(spelled != seen for _, seen in out):
            out.append((language, spelled))
    return out


def joined_given(name: PersonName) -> list[dict[Role, list[str]]]:
    """A given name of several words in Arabic script also written as one word, as Persian and Arabic
    texts often join a compound name (امام علی, امامعلی): the parts with that one word as the given name."""
    given = (name.given or "").split()
    if len(given) < 2 or not all(has_arabic(word) for word in given):
        return []
    joined = dict(name_parts(name))
    joined[Role.GIVEN] = ["".join(given)]
    joined[Role.PATRONYMIC] = _words(name.patronymic or "")
    return [joined]


def chinese_citizen(names: list[PersonName]) -> bool:
    """Is the person's own name Chinese (a native name in Chinese characters)? Then the English form
    of the name is pinyin, as the international press writes the names of China's officials."""
    return any(n.lang == "zh" and n.kind == "native" and n.script in ("Hans", "Hant") for n in names)


def transcriptions(name: PersonName, chinese: bool = False) -> list[tuple[str, dict[Role, list[str]]]]:
    """A Chinese name in pinyin (`zh` in Latin script; or the English form of a `chinese` person's
    name) as the presses with a transcription system of their own write it, syllable by syllable
    (Hungarian Hszi Csin-ping, Czech Si Ťin-pching): the parts of each, a given name's syllables as
    the words of one hyphenated block. A name that is not all pinyin gives none."""
    pinyin = name.script in (None, "Latn") and (name.lang == "zh" or (chinese and name.lang == "en"))
    if not pinyin:
        return []
    out: list[tuple[str, dict[Role, list[str]]]] = []
    parts = name_parts(name)
    for language in transcription_systems():
        written = {role: [transcribe(w, language) for w in words] for role, words in parts.items()}
        if all(w is not None for words in written.values() for w in words):
            out.append((language, {role: _words(" ".join(w for w in words if w)) for role, words in written.items()}))
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
            for form in romanise_word(word, convention, source, 3):
                key = skeleton(form)
                if key and key not in out:
                    out[key] = (key, form, False)
    elif source == "zh" and word.isascii():  # pinyin: as other presses write its initials (Xi, Şi, Si)
        for form in pinyin_respellings(word):
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
    chinese = chinese_citizen(list(entity.names))
    for name in entity.names:
        for convention, spelled in _spellings(name, chinese):
            text = _join_name(name, spelled, hyphen=convention in transcription_systems())
            if text not in seen:
                seen.add(text)
                out.append((convention, text, skeleton(text)))
    for alias in entity.aliases:
        if alias.form not in seen:
            seen.add(alias.form)
            out.append(("as written", alias.form, skeleton(alias.form)))
    return out


def _join_name(name: PersonName, spelled: dict[Role, list[str]], hyphen: bool = False) -> str:
    """A spelled name as one string, hyphens kept where the written form has them (Kassym-Jomart),
    or where a transcription wrote them (`hyphen`: the syllables of a Chinese given name)."""
    parts = []
    for role, written in (
        (Role.GIVEN, name.given),
        (Role.PATRONYMIC, name.patronymic),
        (Role.SURNAME, name.surname),
        (Role.SUFFIX, name.suffix),
    ):
        words = spelled[role]
        if role == Role.GIVEN and hyphen and len(words) > 1:
            words = ["-".join(words)]
        elif role == Role.GIVEN and written and "-" in written.split()[0] and len(words) > 1:
            words = ["-".join(words[:2]), *words[2:]]
        parts.extend(words)
    return " ".join(parts)


def _pick(options: list[str], option: int) -> str:
    return options[min(option, len(options) - 1)]
