"""Chinese names in pinyin as other presses write their initials: Xi as Şi, Shi or Si.

The gazetteer writes Chinese names in pinyin; the Turkish, Russian-based and English presses write
some initials otherwise (x as ş/sh/s, q as ç/ch, zh as c/j). The index adds these respellings to a
pinyin name word's keys, so that "Şi Cinping" (with Turkish c read as j at query time) meets "Xi
Jinping". The respellings are a table, `data/pinyin.yaml`, checked when read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from c5names.text.tables import DATA, READING_RE, Table

_INITIAL = re.compile(r"^[a-z]{1,2}$")


@lru_cache(maxsize=1)
def pinyin_initials(path: Path = DATA / "pinyin.yaml") -> dict[str, tuple[str, ...]]:
    """Each pinyin initial → the respellings other presses use; checked when read."""
    with Table(path) as table:
        fields = table.fields(table.root, "", required=("initials",))
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
