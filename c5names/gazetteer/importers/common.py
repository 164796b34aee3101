"""What the Wikidata and FollowTheMoney importers share: tables, scripts, dates, ids, counts.

Both importers turn someone else's records into gazetteer entities under the same rules: the same
country ids (territories.yaml), the same office kinds (positions.yaml), names tagged with the
script their characters are written in, partial dates kept at the precision of the source, and ids
in the shipped convention (`surname-given`, ASCII) made unique the same deterministic way.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from c5names.gazetteer.schema import QID_RE, language_tag
from c5names.text.keys import ascii_fold, letter_scripts

HERE = Path(__file__).resolve().parent


# -- tables ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Territory:
    code: str  # ISO 3166-1 alpha-2, lower case
    id: str
    wikidata: str


@lru_cache(maxsize=1)
def territories() -> tuple[Territory, ...]:
    """The sovereign states the gazetteer ships (territories.yaml)."""
    rows = yaml.safe_load((HERE / "territories.yaml").read_text(encoding="utf-8"))["countries"]
    return tuple(Territory(str(r["code"]), str(r["id"]), str(r["wikidata"])) for r in rows)


@lru_cache(maxsize=1)
def country_by_code() -> dict[str, str]:
    """ISO 3166-1 alpha-2 (lower case) → gazetteer country id."""
    return {t.code: t.id for t in territories()}


@lru_cache(maxsize=1)
def country_by_qid() -> dict[str, str]:
    """Wikidata id of a country → gazetteer country id."""
    return {t.wikidata: t.id for t in territories()}


@dataclass(frozen=True)
class KnownPosition:
    role: str
    kind: str
    country: str | None
    source: str


@lru_cache(maxsize=1)
def _positions_table() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((HERE / "positions.yaml").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def known_positions() -> dict[str, KnownPosition]:
    """Position QIDs confirmed on a cited page → role, kind, country."""
    return {
        qid: KnownPosition(row["role"], row["kind"], row.get("country"), row["source"])
        for qid, row in _positions_table()["positions"].items()
    }


@lru_cache(maxsize=1)
def _label_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = []
    for rule in _positions_table()["label_rules"]:
        words = "|".join(re.escape(w) for w in rule["words"])
        rules.append((re.compile(rf"(?<![\w-])(?:{words})(?![\w-])"), str(rule["kind"])))
    return tuple(rules)


def office_kind(label: str) -> str | None:
    """The office kind a position's English name says (positions.yaml `label_rules`), or None."""
    text = " ".join(label.casefold().split())
    for pattern, kind in _label_rules():
        if pattern.search(text):
            return kind
    return None


# -- scripts and languages -----------------------------------------------------------------------------

_SCRIPT_OF_NAME = {"LATIN": "Latn", "CYRILLIC": "Cyrl", "ARABIC": "Arab", "GREEK": "Grek", "CJK": "Han"}
_TRADITIONAL = {"zh-hant", "zh-tw", "zh-hk", "zh-mo"}


def script_of(text: str, lang: str | None = None) -> str:
    """The script a name is written in, from its letters: Latn, Cyrl, Arab, Grek, Hans or Hant (Han
    characters: the language tag tells simplified from traditional, zh-tw/zh-hk/zh-hant being
    traditional), Other for anything else or a mixture."""
    found = {_SCRIPT_OF_NAME.get(script, "Other") for script in letter_scripts(text)}
    if len(found) != 1:
        return "Other"
    script = found.pop()
    if script == "Han":
        return "Hant" if (lang or "").casefold() in _TRADITIONAL else "Hans"
    return script


def language_code(tag: str) -> str | None:
    """A source's language tag as the gazetteer writes it (ISO 639 with optional subtags), or None
    when it is not one (Wikidata's 'simple' is English)."""
    tag = tag.strip().replace("_", "-")
    if tag == "simple":
        return "en"
    try:
        return language_tag(tag)
    except ValueError:
        return None


# -- dates -----------------------------------------------------------------------------------------------


def wikidata_date(value: dict[str, Any]) -> str | None:
    """A Wikidata time value at its own precision: 11 day → YYYY-MM-DD, 10 month → YYYY-MM,
    9 year → YYYY; coarser precisions, dates before year 1 and other calendars give None."""
    time = value.get("time")
    precision = value.get("precision")
    if not isinstance(time, str) or not isinstance(precision, int) or precision < 9:
        return None
    if value.get("calendarmodel", "").rsplit("/", 1)[-1] not in ("", "Q1985727"):  # proleptic Gregorian
        return None
    match = re.fullmatch(r"\+(\d{4,})-(\d\d)-(\d\d)T.*", time)
    if not match or len(match.group(1).lstrip("0")) > 4:
        return None
    year, month, day = match.group(1)[-4:], match.group(2), match.group(3)
    parts = [year] + ([month] if precision >= 10 and month != "00" else [])
    parts += [day] if precision >= 11 and len(parts) == 2 and day != "00" else []
    return "-".join(parts)


def iso_date(value: str) -> str | None:
    """A FollowTheMoney date (YYYY, YYYY-MM, YYYY-MM-DD, possibly with a time) at its precision."""
    match = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value.strip())
    if not match:
        return None
    return "-".join(p for p in match.groups() if p)


# -- ids --------------------------------------------------------------------------------------------------


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens (the project's ASCII folding: Тоқаев → toqaev)."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).casefold()).strip("-")


def person_slug(surname: str | None, given: str | None, fallback: str) -> str:
    """`surname-given` as the shipped gazetteer writes ids; the fallback (a whole name) when neither
    part is known or neither folds to ASCII letters."""
    base = slug(" ".join(p for p in (surname, given) if p))
    return base or slug(fallback) or "person"


class IdMaker:
    """Unique ids, decided in a stable order (by source id), never one the gazetteer already has:
    the plain slug first, then with the birth year, then with the source id."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = set(taken)

    def make(self, base: str, birth: str | None, source_id: str) -> str:
        candidates = [base]
        if birth:
            candidates.append(f"{base}-{birth[:4]}")
        candidates.append(f"{base}-{slug(source_id)}")
        for candidate in candidates:
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate
        n = 2
        while f"{candidates[-1]}-{n}" in self.taken:
            n += 1
        self.taken.add(f"{candidates[-1]}-{n}")
        return f"{candidates[-1]}-{n}"


def is_qid(value: object) -> bool:
    return isinstance(value, str) and QID_RE.match(value) is not None


# -- counting and errors ---------------------------------------------------------------------------------


@dataclass
class Report:
    """What an import did: entities read, imported, merged, skipped (with why), bad lines."""

    read: int = 0
    imported: int = 0
    extended: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    bad_lines: int = 0
    notes: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def lines(self) -> list[str]:
        out = [
            f"{self.read} record(s) read: {self.imported} entities imported, {self.extended} shipped "
            f"entities extended, {sum(self.skipped.values())} skipped, {self.bad_lines} bad line(s)"
        ]
        out += [f"  skipped {n}: {reason}" for reason, n in sorted(self.skipped.items(), key=lambda x: (-x[1], x[0]))]
        out += [f"  note {n}: {note}" for note, n in sorted(self.notes.items(), key=lambda x: (-x[1], x[0]))]
        return out


class BadLine(Exception):
    """A line of an input that cannot be read; the import goes on without it."""

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")
