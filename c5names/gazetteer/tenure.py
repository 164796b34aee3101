"""Offices against time: one holder per seat at a time, and offices within their holder's life.

Dates are partial (2016, 2016-12, 2016-12-14) and keep the precision of their source, so a rule may
call two offices overlapping only when they overlap in every reading of their dates: an office
surely held from the last day its start may denote to the first day its end may denote. "Ended
2016" and "started 2016-12-14" do not overlap (the first may have ended in January); "ended 2017"
and "started 2016-12-14" do. A same-day handover (one ends on the day the other starts) is not an
overlap. docs/gazetteer.md states the rules for contributors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

from c5names.dates import first_day, last_day
from c5names.gazetteer.rules import Rules
from c5names.model import OfficeKind

Where = tuple[str, tuple[str | int, ...]]  # a file and the path of keys and indexes in it
Words = tuple[str, ...]

_NON_WORD = re.compile(r"[^\w]+")
_ARTICLES = frozenset({"the"})


class Held(NamedTuple):
    """An office of a person, as the rules on dates need it."""

    person: str
    kind: OfficeKind | None
    country: str | None
    role: str
    start: str | None
    end: str | None
    acting: bool
    where: Where
    order: int  # load order: a conflict is reported at the office written later


def words(text: str) -> Words:
    """Lower-case words without articles: 'Chairman of the Senate' -> (chairman, of, senate)."""
    return tuple(word for word in _NON_WORD.split(text.casefold()) if word and word not in _ARTICLES)


def dates(held: Held) -> str:
    return f"({held.start or '?'} to {held.end or 'now'})"


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def outside_life(held: Held, birth: str | None, death: str | None, minimum_age: int) -> Iterator[tuple[str, str]]:
    """(field, message) for each way the office falls outside its holder's life: a start before
    birth or before `minimum_age`, an end (or start) after death, no end although the holder died."""
    if held.start and birth:
        if last_day(held.start) < first_day(birth):
            yield "start", f"{held.start} is before the birth date {birth}"
        elif last_day(held.start) < _years_later(first_day(birth), minimum_age):
            yield "start", f"{held.start} is before the age of {minimum_age} (born {birth}): check both dates"
    if not death:
        return
    if held.end and first_day(held.end) > last_day(death):
        yield "end", f"{held.end} is after the death date {death}"
    elif held.start and first_day(held.start) > last_day(death):
        yield "start", f"{held.start} is after the death date {death}"
    elif not held.end:
        yield "end", f"missing: the holder died on {death}, so the office ended; give the end date"


def seat(held: Held, table: Rules, places: Mapping[str, Iterable[Words]]) -> Words | None:
    """What identifies the one seat of a single-holder office (None: not such an office, or no
    country to tell whose): the kind and country, plus the chamber or the role where the table says."""
    how = table.single_holder.get(held.kind) if held.kind else None
    if how is None or held.kind is None:
        return None
    if how == "role":  # the role names the seat, with or without a country (Secretary-General of the SCO)
        role = words(held.role)
        if any(_holds(role, words(shared)) for shared in table.shared_role_words):
            return None  # (one of several seats of that name: a deputy minister, a member)
        return (held.kind, held.country or "", *role)
    if held.country is None:
        return None
    if how == "country":
        return (held.kind, held.country)
    return (held.kind, held.country, *chamber(held.role, table.chair_titles, places.get(held.country, ())))


def _holds(role: Words, phrase: Words) -> bool:
    """Are the words of `phrase` in `role`, one after another?"""
    n = len(phrase)
    return n > 0 and any(role[i : i + n] == phrase for i in range(len(role) - n + 1))


def chamber(role: str, titles: Iterable[str], country_names: Iterable[Words]) -> Words:
    """The chamber a chair's role names: what follows the title and its 'of', without a final
    'of <country>' ('Chairman of the Senate of Kazakhstan' -> senate). A role that does not open
    with a title is the chamber as a whole."""
    title, of, rest = role.partition(" of ")
    if not of or " ".join(words(title)) not in titles:
        return words(role)
    body = words(rest)
    for name in country_names:
        tail = ("of", *name)
        if len(body) > len(tail) and body[-len(tail) :] == tail:
            return body[: -len(tail)]
    return body


def surely_held(held: Held, died: bool) -> tuple[dt.date, dt.date] | None:
    """The days the office was surely held: from the latest reading of its start to the earliest
    reading of its end; None when that is under two days or unknown (no start; no end although the
    holder died). No end, holder alive: still held."""
    if held.start is None:
        return None
    if held.end:
        end = first_day(held.end)
    elif died:
        return None
    else:
        end = dt.date.max
    start = last_day(held.start)
    return (start, end) if start < end else None


def overlaps(
    offices: Iterable[Held], table: Rules, places: Mapping[str, Iterable[Words]], deaths: Mapping[str, str]
) -> Iterator[tuple[Held, Held]]:
    """(written first, written later) for each two holders of one seat who surely held it together
    for more than a handover day. Acting holders are compared with acting holders only: an acting
    holder may serve while the substantive one is absent, ill or gone without having resigned."""
    seats: dict[Words, list[tuple[dt.date, dt.date, Held]]] = defaultdict(list)
    for held in offices:
        where, span = seat(held, table, places), surely_held(held, held.person in deaths)
        if where is not None and span is not None:
            seats[(*where, "acting" if held.acting else "")].append((*span, held))
    for spans in seats.values():
        spans.sort(key=lambda item: (item[0], item[2].order))
        for i, (_, a_end, a) in enumerate(spans):
            for b_start, _, b in spans[i + 1 :]:
                if b_start >= a_end:
                    break  # the rest start later still
                if a.person != b.person:
                    yield (a, b) if a.order < b.order else (b, a)
