"""A `str.translate` table that reads each character the first time a text has it.

Why: a reading that goes letter by letter (unidecode's, a romanisation's spelling of each Cyrillic
letter) is one C-level `str.translate` over a whole text when the readings are a table; but which of
the many thousand characters a text holds is not known in advance. A dict whose missing entries are
made on first sight (`__missing__`, which `str.translate` calls) is both: each character is read once
per process, and every text after that in one call. Both the lexicon's plain reading
(`lexicon.reading.plain`) and the romanisation of Cyrillic words (`translit`) read so.
"""

from __future__ import annotations

from collections.abc import Callable


class CharTable(dict[int, str]):
    """Code point → the reading of that character, `read(character)`, made on first sight and kept.
    ASCII is kept as it is whatever `read` says (every reader here leaves it alone)."""

    def __init__(self, read: Callable[[str], str]) -> None:
        super().__init__({code: chr(code) for code in range(128)})
        self._read = read

    def __missing__(self, code: int) -> str:
        reading = self[code] = self._read(chr(code))
        return reading
