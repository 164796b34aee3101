"""The spellings an entity's names are indexed under.

A name is cut into parts (given, patronymic, surname, suffix), and a Cyrillic name is also spelled
by every romanisation convention the press uses; each word then gets its key (`text.keys.skeleton`).
`word_keys` is what compiling calls for every word, `name_variants` what `c5names variants` shows.
"""

from __future__ import annotations

from functools import lru_cache

from c5names.gazetteer.schema import Entity, PersonName
from c5names.model import Role
from c5names.text.keys import skeleton
from c5names.text.pinyin import pinyin_respellings
from c5names.text.translit import CONVENTIONS, has_cyrillic, romanise_word
from c5names.text.words import split_words


def name_parts(name: PersonName) -> dict[Role, list[str]]:
    given = split_words(name.given or "")
    head = [w for w in given[:1]]
    # Hyphenated given names ("Kassym-Jomart") stay one block; extra spaced given names are middle names.
    if name.given and "-" in name.given.split()[0]:
        head = split_words(name.given.split()[0])
        rest = split_words(" ".join(name.given.split()[1:]))
    else:
        rest = given[1:]
    return {
        Role.GIVEN: head,
        Role.PATRONYMIC: rest + split_words(name.patronymic or ""),
        Role.SURNAME: split_words(name.surname or ""),
        Role.SUFFIX: split_words(name.suffix or ""),
    }


def _spellings(name: PersonName) -> list[tuple[str, dict[Role, list[str]]]]:
    """The name as written plus its romanisations by every convention when it is Cyrillic."""
    parts = name_parts(name)
    out: list[tuple[str, dict[Role, list[str]]]] = [("as written", parts)]
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


def _join_name(name: PersonName, spelled: dict[Role, list[str]]) -> str:
    """A spelled name as one string, hyphens kept where the written form has them (Kassym-Jomart)."""
    parts = []
    for role, written in (
        (Role.GIVEN, name.given),
        (Role.PATRONYMIC, name.patronymic),
        (Role.SURNAME, name.surname),
        (Role.SUFFIX, name.suffix),
    ):
        words = spelled[role]
        if role == Role.GIVEN and written and "-" in written.split()[0] and len(words) > 1:
            words = ["-".join(words[:2]), *words[2:]]
        parts.extend(words)
    return " ".join(parts)


def _pick(options: list[str], option: int) -> str:
    return options[min(option, len(options) - 1)]
