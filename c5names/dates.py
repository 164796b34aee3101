"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD): the one place that reads, checks and compares them.

The gazetteer keeps a date with the precision of its source (an office "since 2016" is not padded to
a guessed day), documents carry a publication date, and resolution asks whether a day falls inside
an office. Those three uses agree only if they share these few functions.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from functools import lru_cache

PARTIAL_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
ISO_DAY_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ]|$)")  # (what most documents carry)
EARLIEST = "0000-00-00"  # an office without a start: since always
LATEST = "9999-12-31"  # an office without an end: still held


def check_partial_date(value: str) -> str:
    """`value` itself when it is YYYY, YYYY-MM or YYYY-MM-DD and a real calendar date; else ValueError."""
    match = PARTIAL_DATE_RE.fullmatch(value)
    if not match:
        raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as err:
        raise ValueError(f"{value!r} is not a real calendar date ({err})") from None
    return value


def first_day(value: str) -> dt.date:
    """The earliest day a partial date may denote (2016 -> 2016-01-01)."""
    return dt.date.fromisoformat(value + "-01-01"[len(value) - 4 :])


def last_day(value: str) -> dt.date:
    """The latest day a partial date may denote (2016 -> 2016-12-31, 2016-02 -> 2016-02-29)."""
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    year, month = int(value[:4]), int(value[5:7]) if len(value) == 7 else 12
    return dt.date(year, 12, 31) if month == 12 else dt.date(year, month + 1, 1) - dt.timedelta(days=1)


@lru_cache(maxsize=4096)  # compiling asks it of every office of a large gazetteer, which repeats dates
def start_iso(value: str | None) -> str:
    """An office's first day as an ISO string (ISO strings compare as dates); no start: `EARLIEST`."""
    return first_day(value).isoformat() if value else EARLIEST


@lru_cache(maxsize=4096)
def end_iso(value: str | None) -> str:
    """An office's last day as an ISO string; no end (still held): `LATEST`."""
    return last_day(value).isoformat() if value else LATEST


def midpoint_iso(date: str | None) -> str | None:
    """A document's date as one day: a year or month stands for its middle (2021 -> 2021-06-30)."""
    if not date:
        return None
    return date + "-06-30"[len(date) - 4 :] if len(date) < 10 else date[:10]


def normalise_date(value: str | dt.date | None) -> str | None:
    """ISO date string (YYYY-MM-DD, YYYY-MM or YYYY) or None; raises ValueError when malformed.

    A timestamp's time part is dropped (2025-11-07T10:00:00Z -> 2025-11-07)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    text = value.strip()
    if ISO_DAY_RE.match(text):  # (the common case without strptime, 1.3 us instead of 3: a date per document)
        with contextlib.suppress(ValueError):  # (no such day: the formats say why)
            return check_partial_date(text[:10])
    found = by_formats(text)
    if found is None:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    return found


def by_formats(text: str) -> str | None:
    """The first of YYYY-MM-DD, YYYY-MM and YYYY that `strptime` reads at the start of `text`, when the
    text ends there (or a time follows a day), as written; else None. What `normalise_date` means,
    and what its fast path for a plain day must agree with."""
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            dt.datetime.strptime(text[:size], fmt)
        except ValueError:
            continue
        if len(text) == size or (size == 10 and text[10:11] in {"T", " "}):
            return text[:size]
    return None
