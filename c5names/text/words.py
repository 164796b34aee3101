"""Words of a written name as the matcher sees them.

A gazetteer form and a text are cut the same way: hyphens and elided articles separate words
(Kassym-Jomart, d'Emomali), brackets and commas belong to no word, and a lowercase word inside a
name (de, van, uulu) is a connector, not a part that identifies anyone.
"""

from __future__ import annotations

from c5names.text.inflection import split_elision
from c5names.text.keys import is_caseless

_EDGE_PUNCT = '()[]{},;:!?«»"“”„‹›'


def split_words(text: str) -> list[str]:
    """Words of a name as the matcher sees them: hyphens and elisions separate words, brackets and
    commas are not part of any word."""
    words: list[str] = []
    for raw in text.replace("-", " ").split():
        raw = raw.strip(_EDGE_PUNCT)
        if not raw:
            continue
        prefix, rest = split_elision(raw)
        if prefix:
            words.append(prefix)
        if rest:
            words.append(rest)
    return words


def is_connector(word: str) -> bool:
    """A lowercase word of a name (de, van, bin, uulu): it joins the parts, it does not identify."""
    return not (word[:1].isupper() or is_caseless(word[:1]))
