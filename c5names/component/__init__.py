"""The spaCy component "c5names": `nlp.add_pipe("c5names")` on any pipeline, blank ones included.

`settings` declares its options, `component` is the factory and the pipe, `serialise` carries the
user's gazetteer files in a saved pipeline, `scorer` is what `nlp.evaluate` reports, and `sparse` the
cheap pass that keeps only the neighbourhoods of words the gazetteer knows.
"""

from __future__ import annotations

from c5names.component.component import (
    ASSIGNS,
    DEFAULT_CONFIG,
    C5NamesComponent,
    blank,
    make_c5names,
    with_dates,
)
from c5names.component.scorer import make_c5names_scorer, score_c5names
from c5names.component.settings import ENGLISH_LABELS, OTHER_LABELS, Settings

__all__ = [
    "ASSIGNS",
    "DEFAULT_CONFIG",
    "ENGLISH_LABELS",
    "OTHER_LABELS",
    "C5NamesComponent",
    "Settings",
    "blank",
    "make_c5names",
    "make_c5names_scorer",
    "score_c5names",
    "with_dates",
]
