"""Which language a text is in, when nobody said: the case endings to strip depend on it.

Uses py3langid (a maintained fork of langid.py whose model ships inside the package: nothing is
downloaded), which knows the languages of the region (kk, ky, uz, tg, tk, az, tr, ru) among 140.
A text too short to tell is given no language, as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

import py3langid

SAMPLE = 2000  # characters read: enough to tell a language, cheap on a long document
MIN_LETTERS = 12  # fewer letters than this: no guess
_LETTER = re.compile(r"[^\W\d_]")
# Codes of the model for varieties that c5names reads as their standard language (a creole, a
# dialect, an older stage), and "zxx" (no linguistic content).
_ALIASES = {
    **dict.fromkeys(("gcr", "gcf"), "fr"),
    **dict.fromkeys(("ary", "arz"), "ar"),
    **dict.fromkeys(("wuu", "yue"), "zh"),
    **dict.fromkeys(("lij", "vec"), "it"),
    "uzs": "uz",
    "hbo": "he",
    "grc": "el",
    "ltg": "lv",
    "ext": "es",
    "nn": "no",
    "zxx": None,
}


@lru_cache(maxsize=1)
def _identifier() -> py3langid.langid.LanguageIdentifier:
    py3langid.classify("")  # loads the model shipped with the package
    return py3langid.langid.IDENTIFIER


def detect_language(text: str) -> str | None:
    """The ISO 639 code of the language `text` is most likely written in, or None when it is too
    short to tell."""
    sample = text[:SAMPLE]
    if len(_LETTER.findall(sample, 0, 400)) < MIN_LETTERS and len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    code, _score = _identifier().classify(sample)
    return _ALIASES.get(code, code)
