"""The spaCy component "c5names": `nlp.add_pipe("c5names")` on any pipeline, blank ones included.

`component` is the factory and the pipe, `sparse` the cheap pass that keeps only the neighbourhoods
of words the gazetteer knows.
"""

from __future__ import annotations

from c5names.component.component import (
    DEFAULT_CONFIG,
    ENGLISH_LABELS,
    OTHER_LABELS,
    C5NamesComponent,
    blank,
    make_c5names,
    with_dates,
)

__all__ = [
    "DEFAULT_CONFIG",
    "ENGLISH_LABELS",
    "OTHER_LABELS",
    "C5NamesComponent",
    "blank",
    "make_c5names",
    "with_dates",
]
