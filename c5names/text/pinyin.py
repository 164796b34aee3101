"""Chinese names in pinyin as other presses write them: Xi as Şi, Shi or Si; Jinping as Csin-ping.

The gazetteer writes Chinese names in pinyin; the Turkish, Russian-based and English presses write
some initials otherwise (x as ş/sh/s, q as ç/ch, zh as c/j). The index adds these respellings to a
pinyin name word's keys, so that "Şi Cinping" (with Turkish c read as j at query time) meets "Xi
Jinping". The Hungarian and Czech presses go further: they transcribe every syllable by a system of
their own and hyphen the syllables of a given name (Hszi Csin-ping, Si Ťin-pching); `transcribe`
cuts a pinyin word into syllables and writes it so. Both are a table, `data/pinyin.yaml`, checked
when read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from c5names.text.tables import DATA, READING_RE, Table

_INITIAL = re.compile(r"^[a-z]{1,2}$")


@lru_cache(maxsize=1)
def pinyin_initials(path: Path = DATA / "pinyin.yaml") -> dict[str, tuple[str, ...]]:
    """Each pinyin initial → the respellings other presses use; checked when read."""
    with Table(path) as table:
        fields = table.fields(table.root, "", required=("initials",), optional=("transcriptions",))
        out: dict[str, tuple[str, ...]] = {}
        for key, node in table.mapping(fields.get("initials"), "initials").values():
            if not _INITIAL.match(key.text):
                table.reject(key, "expected a pinyin initial: one or two lowercase letters")
                continue
            values = table.unique(table.texts(node, key.field), "respelling")
            for value in values:
                if not READING_RE.match(value.text) or value.text == key.text:
                    table.reject(value, "expected lowercase ASCII letters other than the initial itself")
            out[key.text] = tuple(v.text for v in values if READING_RE.match(v.text) and v.text != key.text)
        return out


def pinyin_respellings(word: str) -> list[str]:
    """The word with its initial respelt each way the table gives (Xi → Shi, Si); [] when no rule applies."""
    lower = word.lower()
    for initial in sorted(pinyin_initials(), key=len, reverse=True):
        if lower.startswith(initial):
            rest = word[len(initial) :]
            return [(r.capitalize() if word[:1].isupper() else r) + rest for r in pinyin_initials()[initial]]
    return []


# -- syllable by syllable: the Hungarian and Czech transcriptions ---------------------------------

INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s")
_FINALS = frozenset(
    "a o e ai ei ao ou an en ang eng ong er i ia ie iao iu ian in iang ing iong u ua uo uai ui uan un uang ueng "
    "v ve van vn ue".split()
)
_PALATAL_FINALS = frozenset("i ia ie iao iu ian in iang ing iong u ue uan un v ve van vn".split())  # j, q, x
_Y_FINALS = frozenset("i a e ao ou an in ang ing ong u ue uan un".split())
_W_FINALS = frozenset("u a o ai ei an en ang eng".split())
_TONES = {"\u0300", "\u0301", "\u0304", "\u030c"}  # grave, acute, macron, caron; the diaeresis of ü stays


@dataclass(frozen=True)
class System:
    """One press's transcription of pinyin: initials, finals, finals after some initials, whole syllables."""

    initials: dict[str, str]
    finals: dict[str, str]
    after: tuple[tuple[frozenset[str], dict[str, str]], ...]
    syllables: dict[str, str]


def _valid(initial: str, final: str) -> bool:
    if initial == "y":
        return final in _Y_FINALS
    if initial == "w":
        return final in _W_FINALS
    if initial in ("j", "q", "x"):
        return final in _PALATAL_FINALS
    if final in _PALATAL_FINALS - {"i", "u", "un", "uan", "ue", "in", "ing", "ian", "iao", "ie", "iu", "v", "ve"}:
        return initial in ("b", "p", "m", "d", "t", "n", "l")  # ia, iang, iong: after few initials
    return final in _FINALS and (initial != "" or final[0] in "aoe")


def _split(syllable: str) -> tuple[str, str] | None:
    for initial in (*INITIALS, "y", "w", ""):
        if syllable.startswith(initial) and _valid(initial, syllable[len(initial) :]):
            return initial, syllable[len(initial) :]
    return None


def syllables(word: str) -> list[str] | None:
    """A pinyin word cut into syllables, longest first (jinping → jin, ping; xi'an → xi, an), without
    tone marks, ü as v; None when it is not pinyin."""
    plain = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if c not in _TONES)
    plain = unicodedata.normalize("NFC", plain).replace("ü", "v")
    out: list[str] = []
    for piece in re.split(r"['\u2019\-]", plain):
        cut = _cut(piece)
        if cut is None:
            return None
        out.extend(cut)
    return out or None


@lru_cache(maxsize=4096)
def _cut(text: str) -> tuple[str, ...] | None:
    if not text:
        return ()
    for n in range(min(6, len(text)), 0, -1):
        if _split(text[:n]) is not None:
            rest = _cut(text[n:])
            if rest is not None:
                return (text[:n], *rest)
    return None


def _syllable(syllable: str, system: System) -> str:
    if syllable in system.syllables:
        return system.syllables[syllable]
    split = _split(syllable)
    assert split is not None
    initial, final = split
    for initials, finals in system.after:
        if initial in initials and final in finals:
            return system.initials.get(initial, initial) + finals[final]
    return system.initials.get(initial, initial) + system.finals.get(final, final)


def transcribe(word: str, language: str) -> str | None:
    """A pinyin word as `language`'s press writes it, its syllables hyphened (Jinping → Csin-ping in
    Hungarian, Ťin-pching in Czech); None when the word is not pinyin or the language has no system."""
    system = transcription_systems().get(language)
    cut = syllables(word)
    if system is None or cut is None:
        return None
    text = "-".join(_syllable(s, system) for s in cut)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


@lru_cache(maxsize=1)
def transcription_systems(path: Path = DATA / "pinyin.yaml") -> dict[str, System]:
    """The transcription systems of the table, by language; checked when read."""
    out: dict[str, System] = {}
    with Table(path) as table:
        top = table.fields(table.root, "", required=("initials",), optional=("transcriptions",))
        for lang, (key, node) in table.mapping(top.get("transcriptions"), "transcriptions").items():
            fields = table.fields(node, key.field, required=("initials", "finals"), optional=("after", "syllables"))
            initials = _pinyin_map(table, fields.get("initials"), f"{key.field}.initials", set(INITIALS) | {"y", "w"})
            finals = _pinyin_map(table, fields.get("finals"), f"{key.field}.finals", _FINALS)
            after: list[tuple[frozenset[str], dict[str, str]]] = []
            rules = fields.get("after")
            for n, rule in enumerate(rules.value if isinstance(rules, yaml.SequenceNode) else []):
                where = f"{key.field}.after[{n}]"
                parts = table.fields(rule, where, required=("initials", "finals"))
                chosen = table.texts(parts.get("initials"), f"{where}.initials")
                for entry in chosen:
                    if entry.text not in (*INITIALS, "y", "w"):
                        table.reject(entry, "expected a pinyin initial")
                after.append(
                    (
                        frozenset(e.text for e in chosen),
                        _pinyin_map(table, parts.get("finals"), f"{where}.finals", _FINALS),
                    )
                )
            whole = _pinyin_map(table, fields.get("syllables"), f"{key.field}.syllables", None)
            out[lang] = System(initials, finals, tuple(after), whole)
    return out


def _pinyin_map(
    table: Table, node: yaml.Node | None, field: str, allowed: set[str] | frozenset[str] | None
) -> dict[str, str]:
    """A mapping from pinyin (initials, finals or whole syllables) to a press's spelling."""
    out: dict[str, str] = {}
    for key, value in table.pairs(node, field):
        if allowed is not None and key.text not in allowed:
            table.reject(key, "not a pinyin " + ("initial" if "initials" in field else "final"))
        elif allowed is None and _cut(key.text) != (key.text,):
            table.reject(key, "not one pinyin syllable")
        else:
            out[key.text] = value.text
    return out
