"""Real spellings from the reference sheet that the gazetteer does NOT list verbatim.

tests/data/spellings.tsv (form, lang, id, source) is generated once by tests/data/make_spellings.py
from shared/reference/people.yaml and committed, so this test does not need the shared folder. Every
row is a spelling seen in a real text; none is written in data/*.yaml, so each one passes only when a
rule of the engine (transliteration, inflection, fuzzy keys, name shapes) reaches it.

- a form of several words (or with an initial, "Ш.Мирзиёев") must give the row's id as the FIRST
  candidate, strictly ahead of the next one: a tie broken by the alphabetical order of the ids is not a
  ranking;
- a one-word form (a bare surname, possibly inflected or with an apostrophe suffix) must give the id
  among the candidates: a bare surname can be shared (Japarov, Berdimuhamedov).

The rows the engine does not handle yet are listed in KNOWN_GAPS with the missing rule; they are
strict xfails, so a gap that gets fixed turns the suite red until its entry is removed.
"""

from __future__ import annotations

import csv
import importlib.util
import unicodedata
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

import c5names

TABLE = Path(__file__).resolve().parent / "data" / "spellings.tsv"
GENERATOR = TABLE.parent / "make_spellings.py"
MIN_ROWS = 200
MIN_LANGUAGES = 12

_CASELESS = (
    "transliteration: words of alphabets without letter case are all looked up (keys.CASELESS), but "
    "unidecode's reading of this one is too far from the name's keys"
)

_NICKNAME_CITY = (
    "data, deliberately: the honorifics Arkadag and Türkmenbaşy are also the names of cities, so they are not "
    "aliases of the two presidents (a link from the city to the man would be a false positive)"
)

# (form, lang) -> the rule the engine is missing. Each is a strict xfail.
KNOWN_GAPS: dict[tuple[str, str], str] = {
    ("Arkadag", "en"): _NICKNAME_CITY,
    ("Turkmenbashi", "en"): _NICKNAME_CITY,
    ("Saparmurat Türkmenbaşy", "en"): _NICKNAME_CITY,
    # -- fuzzy ------------------------------------------------------------------------------------
    ("Шавкат Мирзияев", "it"): (
        "fuzzy: misspelt surname (я for ё): key 'mirsiaev' is 2 edits from 'mirsoev', over the 1-edit "
        "budget for keys under 9 letters even next to the firm given name Шавкат; and a given name alone "
        "is no name shape, so lookup returns nothing"
    ),
    ("Sadir Zadarov", "en"): (
        "fuzzy: press misspelling of Japarov: key 'sadarov' vs 'japarov' is 2 substitutions, one of them the "
        "first letter, and fuzzy blocks only hold keys with the same first letter; lookup returns nothing"
    ),
    # -- key --------------------------------------------------------------------------------------
    # -- inflection -------------------------------------------------------------------------------
    # -- name shapes (detect) and data -------------------------------------------------------------
    # -- index (aliases) ----------------------------------------------------------------------------
    # -- scripts without letter case ----------------------------------------------------------------
    ("ซาดีร์ จาปารอฟ", "th"): (f"{_CASELESS}: unidecode gives 'chaadiir cchaapaar f', far from Sadyr Japarov"),
}


@cache
def table() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
@cache
def written_forms(entity_id: str) -> frozenset[str]:
    """Every string data/ writes for one entity: its name, aliases and each name part. Another
    person's name may hold a row's spelling (Мирзиёева is Saida Mirziyoyeva's surname): only the
    row's own entity counts."""
    entity = c5names.default_gazetteer()[entity_id]
    forms: set[str] = {entity.name, *(a.form for a in entity.aliases)}
    for name in entity.names:
        forms.update(p for p in (name.given, name.patronymic, name.surname) if p)
    return frozenset(unicodedata.normalize("NFC", f) for f in forms)


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_spellings", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def is_one_word(form: str) -> bool:
    """A bare (possibly inflected) surname: one token, no initial."""
    return len(form.split()) == 1 and "." not in form


def _row_id(row: dict[str, str]) -> str:
    return f"{row['id']}|{row['lang']}|{row['form']}"


def _params(test_gaps: bool) -> list[object]:
    out: list[object] = []
    for row in table():
        reason = KNOWN_GAPS.get((row["form"], row["lang"])) if test_gaps else None
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(row["form"], row["lang"], row["id"], marks=marks, id=_row_id(row)))
    return out


def test_table_is_large_and_multilingual() -> None:
    rows = table()
    languages = {row["lang"] for row in rows}
    assert len(rows) >= MIN_ROWS, len(rows)
    assert len(languages) >= MIN_LANGUAGES, sorted(languages)


def test_table_rows_are_well_formed_and_unique() -> None:
    rows = table()
    assert rows and list(rows[0]) == ["form", "lang", "id", "source"]
    keys = [(row["form"], row["lang"], row["id"]) for row in rows]
    assert len(keys) == len(set(keys))
    for row in rows:
        assert row["form"] and row["lang"] and row["id"], row
        assert row["form"] == unicodedata.normalize("NFC", row["form"]).strip(), row
        assert row["source"].startswith(("http://", "https://")), row


def test_table_ids_are_in_the_gazetteer() -> None:
    known = {entity.id for entity in c5names.load()}
    assert {row["id"] for row in table()} <= known


def test_known_gaps_are_rows_of_the_table() -> None:
    rows = {(row["form"], row["lang"]) for row in table()}
    assert not set(KNOWN_GAPS) - rows
    assert all(reason.strip() for reason in KNOWN_GAPS.values())


def test_excluded_variants_stay_out_of_the_table() -> None:
    excluded = _generator().EXCLUDED
    assert excluded and all(reason.strip() for reason in excluded.values())
    rows = {(row["form"], row["lang"], row["id"]) for row in table()}
    assert not rows & set(excluded)


@pytest.mark.parametrize(("form", "lang", "expected"), _params(test_gaps=False))
def test_form_is_not_written_in_the_gazetteer(form: str, lang: str, expected: str) -> None:
    """The mechanism must generalise: no row may be copied verbatim into its entity's data."""
    assert unicodedata.normalize("NFC", form) not in written_forms(expected)


@pytest.mark.parametrize(("form", "lang", "expected"), _params(test_gaps=True))
def test_lookup_finds_the_spelling(form: str, lang: str, expected: str) -> None:
    candidates = c5names.lookup(form, lang=lang)
    got = [(c.id, round(c.score, 3), c.method, c.form) for c in candidates[:4]]
    if is_one_word(form):
        assert expected in [c.id for c in candidates], got
    else:
        assert candidates and candidates[0].id == expected, got
        assert len(candidates) == 1 or candidates[1].score < candidates[0].score, f"tie: {got}"
