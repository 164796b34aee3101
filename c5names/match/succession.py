"""Succession: a known office holder's predecessor, named without a title ("Bektenov succède à
Alikhan Smaïlov").

A text that says a person succeeded someone says what office that someone held: the one the
successor holds on the text's date, which the gazetteer knows when the successor is known. Only words
that say succession and nothing else are read (data/suggest.yaml, `succession`): "replaced" may mean
"dismissed" (Tokayev replaced Smailov with Bektenov), and would give the predecessor the wrong office.
The phrases found here stand where a title would, so that `suggest` reads the name after them as
it reads a name after a title.
"""

from __future__ import annotations

from collections.abc import Sequence

from c5names.dates import LATEST, midpoint_iso
from c5names.index import NameIndex
from c5names.match.offices import Title, Token, spaced
from c5names.match.suggest_table import SuggestTable
from c5names.model import Mention

REACH = 8  # tokens between the successor's name and the phrase, within one sentence
SENTENCE_END = frozenset(".!?;")


def successions(
    index: NameIndex, table: SuggestTable, tokens: Sequence[Token], linked: Sequence[Mention | None], date: str | None
) -> list[tuple[Title, Mention]]:
    """Each succession phrase after a known person, as a Title with that person's office on the date
    (and the person)."""
    out: list[tuple[Title, Mention]] = []
    for k in range(len(tokens)):
        end = _phrase_at(table, tokens, k)
        if end is None:
            continue
        successor = _subject(tokens, linked, k)
        if successor is None:
            continue
        office = _office(index, successor.id, date)
        if office is not None:
            kind, country = office
            # The expression reaches back to the successor's name: "Bektenov succède à", in contexts and comments.
            out.append((Title(k, end, successor.start, tokens[end].end, kind, False, country), successor))
    return out


def _phrase_at(table: SuggestTable, tokens: Sequence[Token], k: int) -> int | None:
    """The last token of a succession phrase starting at token k, if one does."""
    for phrase in table.succession:
        words: list[str] = []
        j = k
        while j < len(tokens) and len(words) < len(phrase) and (j == k or spaced(tokens, j)):
            words.extend(tokens[j].plain)
            j += 1
        if tuple(words) == phrase:
            return j - 1
    return None


def _subject(tokens: Sequence[Token], linked: Sequence[Mention | None], k: int) -> Mention | None:
    """The nearest person the linker linked before token k in the same sentence."""
    for j in range(k - 1, max(-1, k - 1 - REACH), -1):
        mention = linked[j]
        if mention is not None and mention.type == "person":
            return mention
        if any(c in SENTENCE_END for c in tokens[j + 1].gap):
            return None
    return None


def _office(index: NameIndex, entity_id: str, date: str | None) -> tuple[str, str | None] | None:
    """The one office (kind, country) the person holds on the date (without a date: still holds)."""
    number = index.by_id.get(entity_id)
    if number is None:
        return None
    day = midpoint_iso(date)
    held = {
        (kind, country)
        for kind, country, start, end in index.entities[number].offices
        if kind and (start <= day <= end if day else end == LATEST)
    }
    return held.pop() if len(held) == 1 else None
