"""Countries and regions next to a title: the title's country, or a place that is no one's name.

A title's country is often given by a word the linker does not link: an adjective ("Kazakh",
"kazakh", "kasachische", "казахстанский") or a country's name in a language the gazetteer has no
alias for (Kazakh "Өзбекстан"). `Countries` reads both from the gazetteer's country names and from
CLDR's names of the same countries in the text's language (Babel's locale data): an adjective is a
country name's stem with an adjective's ending (Kazakh+stan, Russ+ia: Russian). `Places` knows every
country and region CLDR names, so that a region after a title ("die Chefdiplomaten Zentralasiens") is
not taken for a person.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from c5names.match.suggest_table import SuggestTable
from c5names.text.inflection import split_apostrophe_suffix, stems
from c5names.text.keys import ascii_fold, fold

MIN_STEM = 4  # letters a country's name and its adjective share at least
MIN_WORD = 5  # letters of a word that may be a country's adjective (not Ross, not Chin)


@lru_cache(maxsize=64)
def territories(lang: str) -> dict[str, str]:
    """CLDR's names of countries and regions in a language: code → name (empty for an unknown one)."""
    try:
        return dict(Locale.parse(lang.replace("-", "_")).territories)
    except (ValueError, UnknownLocaleError):
        return {}


class Countries:
    """A gazetteer's countries, to read a word as a country's name or adjective."""

    def __init__(self, names: Mapping[str, Iterable[str]], table: SuggestTable) -> None:
        self.table = table
        self._by_start: dict[str, list[tuple[str, str]]] = {}
        english = {fold(name): code for code, name in territories("en").items()}
        self._codes: dict[str, str] = {}  # CLDR code → country id
        for country, forms in names.items():
            for form in forms:
                self._add(form, country)
                code = english.get(fold(form))
                if code:
                    self._codes.setdefault(code, country)
        self._languages: set[str] = set()
        self._memo: dict[tuple[str, str | None], str | None] = {}

    def _add(self, form: str, country: str) -> None:
        key = ascii_fold(form)
        if len(key) >= MIN_STEM and " " not in key:
            self._by_start.setdefault(key[:MIN_STEM], []).append((key, country))

    def _learn(self, lang: str) -> None:
        """Add CLDR's names of the gazetteer's countries in a language (once per language)."""
        self._languages.add(lang)
        for code, name in territories(lang).items():
            country = self._codes.get(code)
            if country:
                self._add(name, country)

    def of_word(self, word: str, lang: str | None = None) -> str | None:
        """The country a word names or qualifies, if any."""
        found = self._memo.get((word, lang), "")
        if found != "":
            return found
        if lang and lang not in self._languages:
            self._learn(lang)
            self._memo = {}
        split = split_apostrophe_suffix(word)
        base = split[0] if split else word
        found = None
        for form in (base, *stems(base, lang)):  # Kazakhstan's, Киргизии (Киргизия)
            key = ascii_fold(form)
            if len(key) < MIN_WORD or " " in key:
                continue
            found = next((c for name, c in self._by_start.get(key[:MIN_STEM], ()) if self._same_stem(key, name)), None)
            if found:
                break
        self._memo[(word, lang)] = found
        return found

    def _same_stem(self, word: str, name: str) -> bool:
        shorter = min(len(word), len(name))
        common = next((i for i in range(shorter) if word[i] != name[i]), shorter)
        return any(
            word[p:] in self.table.adjective_endings
            and name[p:] in (self.table.country_endings if word[p:] else self.table.bare_stem_endings)
            for p in range(common, MIN_STEM - 1, -1)
        )


class Places:
    """The names of countries and regions in CLDR, in a language and in English, each also by the
    stems of its last word (Франция and Франции meet at Франци)."""

    def __init__(self) -> None:
        self._names: dict[str | None, frozenset[str]] = {}

    def _of(self, lang: str | None) -> frozenset[str]:
        found = self._names.get(lang)
        if found is None:
            names = set(territories("en").values()) | (set(territories(lang).values()) if lang else set())
            found = self._names[lang] = frozenset(form for name in names for form in _forms(name, lang))
        return found

    def named(self, words: Sequence[str], lang: str | None) -> bool:
        """Do the words name a territory, in some case form (Zentralasiens, Франции, Turkey's)?"""
        return not _forms(" ".join(words), lang).isdisjoint(self._of(lang))


def _forms(name: str, lang: str | None) -> set[str]:
    """A name folded, with its last word as written, without an apostrophe suffix, and by its stems."""
    words = name.split()
    if not words:
        return set()
    last = words[-1]
    split = split_apostrophe_suffix(last)
    endings = {last, *(split[:1] if split else ()), *stems(last, lang)}
    return {fold(" ".join([*words[:-1], end])) for end in endings}
