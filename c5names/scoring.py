"""Every score, factor and threshold of the engine, in one place.

A mention's score starts from how its words met the gazetteer (`METHOD_SCORE`, `fuzzy_score`) and is
then scaled by how it was resolved (a bare surname, a title, a repeat of a full name). Each constant
below is named after the evidence it prices, so an explanation in a mention's `evidence` can be
traced here, and `docs/matching.md` renders its score table from this module.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

import yaml

from c5names.model import Method

# -- how a word met the gazetteer ------------------------------------------------------------------
EXACT = 1.0  # the form as the gazetteer writes it
TRANSLIT = 0.95  # a romanisation, reading or respelling of a written form
INFLECTED = 0.9  # the form once a case ending is removed
CONSONANTS = 0.85  # Arabic script matched by its consonants only (always weak: see text.abjad)
METHOD_SCORE: dict[str, float] = {Method.EXACT: EXACT, Method.TRANSLIT: TRANSLIT, Method.INFLECTED: INFLECTED}

FUZZY_CEILING = 0.9  # a fuzzy key scores this much at distance 0, less per edit


def fuzzy_score(distance: int, length: int) -> float:
    """The score of a key `distance` edits away from a known key of `length` letters."""
    return round(FUZZY_CEILING * (1 - distance / max(length, 1)), 3)


UNLISTED_PATRONYMIC = 0.8  # a patronymic the gazetteer does not list (Akylbek Usenbekovich Japarov)
MISSING_SUFFIX = 0.5  # factor: a name that needs its suffix (Donald Trump Jr.) found without it
GIVEN_NAME_SIMILARITY = 0.6  # an unknown word this close to the person's given name is that name
# ... but a word that is someone else's given name as listed must be closer: Turkic given names share
# their elements (Aibek and Damirbek are 0.625 apart by their keys, Aibek and Akylbek 0.714, all of them
# -bek), while one name in two spellings is mostly an edit or so apart (Aibek and Oybek, 0.8).
LISTED_GIVEN_NAME_SIMILARITY = 0.8
UNLISTED_GIVEN_NAME = 0.9  # factor on such a given name's score (Şevket Mirziyoyev), weighed by likeness:


def unlisted_given_name_weight(similarity: float) -> float:
    """How much an unlisted given name's likeness to the person's own counts: from 0.8 at the least
    likeness accepted (`GIVEN_NAME_SIMILARITY`) to 1.0 for the same key. The word stands right before
    that person's surname, so even a loose likeness is good evidence."""
    return 0.8 + 0.2 * (similarity - GIVEN_NAME_SIMILARITY) / (1.0 - GIVEN_NAME_SIMILARITY)


# -- how a mention was resolved --------------------------------------------------------------------
CLEAR_LEAD = 0.1  # a best candidate this far ahead of the next wins without further evidence
BARE_SURNAME = 0.8  # factor: a surname alone, decided by being the only candidate (date, office)
LEADING = 0.7  # factor: a surname alone, decided among namesakes in office by the one in a leading office
TITLED = 0.8  # factor: a surname after a title whose office one candidate held on the date
GENERATION = 0.9  # factor: a surname with Jr./senior/младший picking the son or the father
COREFERENCE = 0.9  # factor, plus COREFERENCE_BONUS: a surname repeating a full name of the document
COREFERENCE_BONUS = 0.1
MISSPELT_REPEAT = 0.9  # a surname written as in an earlier full name that the index reached otherwise
SURFACE_REPEAT = 0.85  # an unknown word that repeats the surname of a full name written earlier
KINSHIP = 0.85  # a given name alone after a kinship word, related to a person of the document
LONE_SURNAME = 0.5  # factor: a bare surname the document gives nothing to support (see match.resolve)

# -- what users see --------------------------------------------------------------------------------
DEFAULT_THRESHOLD = 0.5  # mentions scored below this are dropped (Linker, component, --min-score)


# -- calibration: raw score → chance the link is right -------------------------------------------
CALIBRATION_FILE = Path(__file__).resolve().parent / "calibration.yaml"


class CalibrationError(ValueError):
    """The calibration file is malformed (names the file and the knot)."""


@lru_cache(maxsize=1)
def calibration_knots(path: Path = CALIBRATION_FILE) -> tuple[tuple[float, float], ...]:
    """The knots (raw score, chance right) fitted by `c5names eval --calibration --fit`: raw scores
    increasing, chances non-decreasing, both between 0 and 1. No file: no calibration."""
    if not path.exists():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    knots = tuple((float(raw), float(p)) for raw, p in data.get("knots", []))
    for n, (raw, p) in enumerate(knots):
        if not (0.0 <= raw <= 1.0 and 0.0 <= p <= 1.0):
            raise CalibrationError(f"{path}: knot {n + 1} ({raw}, {p}) is outside [0, 1]")
        if n and (raw <= knots[n - 1][0] or p < knots[n - 1][1]):
            raise CalibrationError(f"{path}: knot {n + 1} ({raw}, {p}) does not rise from the one before")
    return knots


def calibrated(raw: float) -> float:
    """The chance a link with this raw score is right, by the shipped calibration (each raw score's
    remembered: a document's links take a few dozen raw scores, each asked of every mention)."""
    return _interpolated(calibration_knots(), raw)


def interpolate(knots: tuple[tuple[float, float], ...], raw: float) -> float:
    """The knots interpolated linearly at `raw`, flat beyond the first and the last; no knots: `raw`."""
    if not knots:
        return raw
    raws = [k[0] for k in knots]
    i = bisect_right(raws, raw)
    if i == 0:
        return knots[0][1]
    if i == len(knots):
        return knots[-1][1]
    (x0, y0), (x1, y1) = knots[i - 1], knots[i]
    return round(y0 + (y1 - y0) * (raw - x0) / (x1 - x0), 4)


_interpolated = lru_cache(maxsize=4096)(interpolate)  # (keyed by the knots too: a new fit is a new key)


def coreference(score: float) -> float:
    """The score of a surname linked to a person named in full earlier in the same document."""
    return COREFERENCE * score + COREFERENCE_BONUS
