"""Generate data/countries-cldr.yaml: the names of the sovereign states in every CLDR locale.

Country names are locale data, not something to type by hand: CLDR (read through Babel) has them in
several hundred locales. This script turns them into gazetteer entities (and `extend:` entries for
the countries that data/countries.yaml defines by hand with their sourced long forms and
abbreviations). It is deterministic: the same Babel (CLDR) version gives the same bytes, and
tests/gazetteer/test_cldr_countries.py fails when the committed file and this output differ.

    python tools/cldr_countries.py            # rewrite data/countries-cldr.yaml
    python tools/cldr_countries.py --check    # exit 1 if the committed file is out of date
    python tools/cldr_countries.py --report   # also list the forms left out, and why

Which names are kept (each rule is explained where it is applied):
- the territories of c5names/gazetteer/importers/territories.yaml (UN members and observers);
- the locales whose language is official (de jure or de facto, at any level) in some territory
  according to CLDR's territory data: the languages countries are written in;
- forms the detector can see (capitalised, or in a caseless script it reads), in the scripts the
  engine reads;
- not a form that CLDR gives for two different territories or regions (*Amerika* is the United
  States in some locales and the Americas in others): ambiguous, so left out for both;
- not a single word shorter than four letters unless written in capitals (*USA*): *Rus*, *End*,
  *Sin* are words or names elsewhere;
- not a single word that is a title, function word or sentence word of the lexicon;
- not an exonym that only languages official in some region (not a whole territory) write, unless
  the language is official in the territory named: West Frisian *Ruslân* is Russia, *Ruslan* a man.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from babel import Locale, localedata
from babel.core import get_cldr_version, get_global

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from c5names.lexicon import is_title_or_function_word  # noqa: E402
from c5names.text.keys import fold, is_caseless, skeleton  # noqa: E402
from c5names.text.scripts import writing_scripts  # noqa: E402

TABLE = ROOT / "c5names" / "gazetteer" / "importers" / "territories.yaml"
HAND = ROOT / "data" / "countries.yaml"
OUT = ROOT / "data" / "countries-cldr.yaml"
CLDR_SOURCE = "https://github.com/unicode-org/cldr/blob/release-{version}/common/main/{locale}.xml"

# Unicode script names (the first word of a character's name) of the letters the engine reads.
READ_SCRIPTS = frozenset(
    "LATIN CYRILLIC GREEK ARMENIAN GEORGIAN HEBREW ARABIC DEVANAGARI BENGALI THAI CJK KATAKANA".split()
)
# Scripts whose characters are syllables or words: a short form in them is still distinctive.
DENSE_SCRIPTS = frozenset("CJK KATAKANA DEVANAGARI BENGALI THAI".split())
MIN_LETTERS = 4


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, upper case as CLDR writes it
    id: str
    wikidata: str


@dataclass
class Form:
    """One written form of one territory, with every locale that writes it."""

    text: str
    locales: list[str] = field(default_factory=list)
    # The locales that write this form for the territory and also name a language so (Mongolian
    # Киргиз: Kyrgyzstan and the Kyrgyz language, as Finnish Ruotsi and ruotsi).
    as_language: list[str] = field(default_factory=list)

    @property
    def language_word(self) -> bool:
        """Every locale that writes the form also names a language so: no locale uses it for the
        country alone (German Kanada is Canada only, so Kanada stays although a locale calls the
        Kannada language so)."""
        return len(self.as_language) == len(self.locales)


def read_table(path: Path = TABLE) -> list[Country]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["countries"]
    return [Country(row["code"].upper(), row["id"], row["wikidata"]) for row in rows]


def hand_ids(path: Path = HAND) -> list[str]:
    """The ids data/countries.yaml defines (they get `extend:` entries, not new entities)."""
    return [entity["id"] for entity in yaml.safe_load(path.read_text(encoding="utf-8")).get("entities", [])]


def official_languages() -> frozenset[str]:
    """Languages official (de jure or de facto, national or regional) somewhere, per CLDR."""
    out: set[str] = set()
    for languages in get_global("territory_languages").values():
        out.update(lang.split("_")[0] for lang, info in languages.items() if info.get("official_status"))
    return frozenset(out)


@lru_cache(maxsize=1)
def national_languages() -> frozenset[str]:
    """Languages official (de jure or de facto) in a whole territory, per CLDR: the press of a
    nation writes about other nations in these."""
    out: set[str] = set()
    for languages in get_global("territory_languages").values():
        out.update(
            lang.split("_")[0]
            for lang, info in languages.items()
            if info.get("official_status") in ("official", "de_facto_official")
        )
    return frozenset(out)


def locales() -> list[str]:
    """Every CLDR locale of an official language, base locales first (they are the sources cited)."""
    official = official_languages()
    ids = [i for i in localedata.locale_identifiers() if i != "root" and Locale.parse(i).language in official]
    return sorted(ids, key=lambda i: (i.count("_"), i))


def collect(locale_ids: Iterable[str]) -> dict[str, dict[str, Form]]:
    """territory code → folded form → Form, over all the given locales, regions included."""
    out: dict[str, dict[str, Form]] = defaultdict(dict)
    for locale_id in locale_ids:
        locale = Locale.parse(locale_id)
        languages = {fold(name) for name in locale.languages.values()}
        for code, text in locale.territories.items():
            text = unicodedata.normalize("NFC", text.strip())
            form = out[code].setdefault(fold(text), Form(text))
            form.locales.append(locale_id)
            if fold(text) in languages:
                form.as_language.append(locale_id)

    return out


def _letters(text: str) -> list[str]:
    return [c for c in text if c.isalpha()]


@lru_cache(maxsize=1)
def english_language_keys() -> frozenset[str]:
    """The matching keys of CLDR's English language names. In English a language's name is also its
    people's name and the adjective (Kyrgyz, Somali, Nepali)."""
    return frozenset(skeleton(name) for name in Locale("en").languages.values())


def why_left_out(text: str, others: list[str], language_word: bool = False) -> str | None:
    """Why a form is not shipped, or None when it is (`others`: the other territories it names;
    `language_word`: every locale that writes the form also names a language so)."""
    letters = _letters(text)
    if not letters:
        return "no letters"
    scripts = set(writing_scripts(text))
    if not scripts <= READ_SCRIPTS:
        return "a script the engine does not read"
    first = letters[0]
    if not (first.isupper() or first.istitle() or is_caseless(first)):
        return "not capitalised: the detector never sees it"
    if others:
        return "also names " + ", ".join(others)
    if language_word and skeleton(text) in english_language_keys():
        # Mongolian Киргиз is Kyrgyzstan and the Kyrgyz language; read in Latin letters it is
        # "Kyrgyz", the English adjective, which must not link to the country.
        return "a language's name in its locale that reads as an English adjective"
    words = text.split()
    short = len(letters) < MIN_LETTERS and not scripts & DENSE_SCRIPTS
    if len(words) == 1 and short and not text.isupper():
        return f"a single word of fewer than {MIN_LETTERS} letters"
    if len(words) == 1 and is_title_or_function_word(text):
        return "a title or function word"
    return None


@dataclass
class Alias:
    form: str
    lang: str
    kind: str
    source: str


def rivals(code: str, owners: dict[str, int], countries: set[str]) -> list[str]:
    """The other territories a form names that make it ambiguous: another country always; a region
    (the Americas, Australasia) or a dependency when at least as many locales use the form for it.
    *Kongo* names both Congos and is left out; *Amerika* is the Americas in more locales than it is
    the United States; *Австралия* stays Australia although one locale calls Australasia so."""
    mine = owners[code]
    return sorted(o for o, n in owners.items() if o != code and (o in countries or n >= mine))


def aliases_of(
    country: Country,
    forms: dict[str, Form],
    owners: dict[str, dict[str, int]],
    countries: set[str],
    left_out: list[tuple[str, str, str]],
) -> list[Alias]:
    """The shipped aliases of one country: one per distinct form, in the language that writes it
    (an official language of the country first, then English, then the first in code order)."""
    official = set(_official_of(country.code))
    version = get_cldr_version()
    out: list[Alias] = []
    for key, form in forms.items():
        reason = why_left_out(form.text, rivals(country.code, owners[key], countries), form.language_word)
        if reason:
            left_out.append((country.id, form.text, reason))
            continue
        langs = sorted({Locale.parse(i).language: i for i in reversed(form.locales)}.items())
        if not any(lang in official or lang in national_languages() for lang, _ in langs):
            # West Frisian Ruslân is Russia, and Ruslan a man: a language official only in a region
            # names the countries of its own region, not the world's.
            left_out.append((country.id, form.text, "an exonym only in languages official in a region elsewhere"))
            continue
        lang, locale_id = min(langs, key=lambda pair: (pair[0] not in official, pair[0] != "en", pair[0]))
        kind = "native" if lang in official else "exonym"
        out.append(Alias(form.text, lang, kind, CLDR_SOURCE.format(version=version, locale=locale_id)))
    return sorted(out, key=lambda a: (a.lang, a.form))


def display_name(english: str) -> str:
    """CLDR's English short name as running text writes it, so that the name finds its entity:
    St. Kitts & Nevis → Saint Kitts and Nevis, Congo - Kinshasa → Congo-Kinshasa, Myanmar (Burma)
    → Myanmar."""
    name = re.sub(r"\s*\([^)]*\)", "", english).replace(" & ", " and ").replace(" - ", "-")
    return re.sub(r"\bSt\. ", "Saint ", name)


def _official_of(code: str) -> list[str]:
    info = get_global("territory_languages").get(code, {})
    return sorted({lang.split("_")[0] for lang, data in info.items() if data.get("official_status")})


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def render(countries: list[Country], hand: list[str], report: list[tuple[str, str, str]] | None = None) -> str:
    """The generated file's text."""
    all_forms = collect(locales())
    owners: dict[str, dict[str, int]] = defaultdict(dict)
    for code, forms in all_forms.items():
        for key, form in forms.items():
            owners[key][code] = len(form.locales)
    codes = {c.code for c in countries}
    english = Locale("en").territories
    left_out: list[tuple[str, str, str]] = []
    entities: list[str] = []
    extends: list[str] = []
    for country in sorted(countries, key=lambda c: c.id):
        aliases = aliases_of(country, all_forms.get(country.code, {}), owners, codes, left_out)
        alias_lines = [
            f"      - {{form: {_q(a.form)}, lang: {a.lang}, kind: {a.kind}, source: {a.source}}}" for a in aliases
        ]
        source = CLDR_SOURCE.format(version=get_cldr_version(), locale="en")
        if country.id in hand:
            extends += [f"  - id: {country.id}", "    aliases:", *alias_lines, "    sources:", f"      - {source}"]
        else:
            entities += [
                f"  - id: {country.id}",
                "    type: country",
                f"    name: {_q(display_name(english[country.code]))}",
                f"    wikidata: {country.wikidata}",
                "    aliases:",
                *alias_lines,
                "    sources:",
                f"      - {source}",
                f"      - {_RIGOUR}/{country.code.lower()}.yml",
            ]
    if report is not None:
        report.extend(sorted(left_out))
    header = HEADER.format(cldr=get_cldr_version(), count=len(countries))
    return "\n".join([header.rstrip("\n"), "entities:", *entities, "extend:", *extends]) + "\n"


_RIGOUR = "https://github.com/opensanctions/rigour/blob/8f4044dd6719d71e8ba59b5033818ff407e0efab/resources/territories"

HEADER = """\
# yaml-language-server: $schema=../c5names/gazetteer/gazetteer.schema.json
# GENERATED by tools/cldr_countries.py from CLDR {cldr} (through Babel): do not edit by hand.
# cldr-version: {cldr}
# The names of the {count} sovereign states of c5names/gazetteer/importers/territories.yaml in the
# CLDR locales of official languages; the ids data/countries.yaml defines by hand are extended.
# Long forms and abbreviations CLDR lacks (США, РФ, EE. UU....) are in data/countries.yaml.
version: 1
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is out of date")
    parser.add_argument("--report", action="store_true", help="list the forms left out, and why")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    report: list[tuple[str, str, str]] = []
    text = render(read_table(), hand_ids(), report)
    if args.report:
        for country_id, form, reason in report:
            print(f"{country_id}\t{form}\t{reason}")
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run python tools/cldr_countries.py", file=sys.stderr)
            return 1
        return 0
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.output)
    print(f"wrote {args.output} (CLDR {get_cldr_version()})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
