"""Decide who each candidate mention refers to, or abstain.

Order of evidence, strongest first:
1. full names and alias phrases (given + surname, initials, country names) link directly;
2. a bare surname refers to a person named in full elsewhere in the same document;
3. otherwise the document's date against the offices in the gazetteer, and a title right before the
   mention (président, Präsident, президент, Prime Minister…) narrow the candidates;
4. when more than one candidate survives, abstain: a wrong link costs more than a missing one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from c5names.dates import midpoint_iso
from c5names.index import NameIndex
from c5names.index.postings import ENTITY_SHIFT
from c5names.lexicon import generation_near, names_a_place, title_kinds
from c5names.match.detect import Found, Option, Word
from c5names.model import Mention, Method, Pattern, Role
from c5names.scoring import (
    BARE_SURNAME,
    CLEAR_LEAD,
    GENERATION,
    MISSPELT_REPEAT,
    SURFACE_REPEAT,
    TITLED,
    coreference,
)
from c5names.text.abjad import has_arabic, prefix_of, readings
from c5names.text.inflection import stems
from c5names.text.keys import is_caseless, skeleton

_SENTENCE_END = re.compile(r"[.!?»\n]\s+(?=\S)")
CONTEXT_CHARS = 80


def _active(index: NameIndex, entity: int, date: str | None, kind: str | None = None) -> bool:
    for office_kind, _country, start, end in index.entities[entity].offices:
        if kind and office_kind != kind:
            continue
        if date is None or start <= date <= end:
            return True
    return False


def _title_before(text: str, start: int) -> str | None:
    """The office kind named just before a mention, in the same sentence."""
    window = text[max(0, start - CONTEXT_CHARS) : start]
    cut = list(_SENTENCE_END.finditer(window))
    if cut:
        window = window[cut[-1].end() :]
    kinds = title_kinds(window)
    return kinds[-1][1] if kinds else None


class _Resolver:
    def __init__(self, index: NameIndex, text: str, date: str | None) -> None:
        self.index = index
        self.text = text
        self.date = midpoint_iso(date)
        self._titles: dict[int, str | None] = {}

    def title(self, start: int) -> str | None:
        """The office kind named just before `start` (memoised: several rules may ask)."""
        if start not in self._titles:
            self._titles[start] = _title_before(self.text, start)
        return self._titles[start]

    def narrow(self, options: list[Option], start: int, evidence: list[str]) -> list[Option]:
        """Keep the candidates that the date and a title before the mention agree with."""
        pool = options
        holders = [o for o in pool if self.index.entities[o.entity].offices]
        if holders and len(holders) < len(pool):
            pool = holders
            evidence.append("office-holder")
        if self.date:
            active = [o for o in pool if _active(self.index, o.entity, self.date)]
            if active and len(active) < len(pool):
                pool = active
                evidence.append(f"in office on {self.date}")
        title = self.title(start)
        if title:
            titled = [o for o in pool if _active(self.index, o.entity, self.date, title)]
            if titled and len(titled) < len(pool):
                pool = titled
                evidence.append(f"title: {title}")
        return pool

    def titled(self, options: list[Option], start: int) -> tuple[Option, str] | None:
        """The one candidate holding the office named right before the mention on the document's date."""
        title = self.title(start)
        if not title or not self.date:
            return None
        holders = [
            o
            for o in options
            if self.index.entities[o.entity].type == "person"
            and o.method != Method.FUZZY
            and _active(self.index, o.entity, self.date, title)
        ]
        return (holders[0], title) if len(holders) == 1 else None

    def mention(
        self,
        found: Found,
        option: Option,
        method: str,
        score: float,
        evidence: list[str],
        alternatives: list[Option],
    ) -> Mention:
        facts = self.index.entities[option.entity]
        return Mention(
            start=found.start,
            end=found.end,
            text=self.text[found.start : found.end],
            id=facts.id,
            name=facts.name,
            type=facts.type,
            score=round(min(score, 1.0), 4),
            method=str(method),  # a plain string in what users get
            form=option.form,
            wikidata=facts.wikidata,
            evidence=tuple(map(str, evidence)),
            alternatives=tuple(
                (self.index.entities[o.entity].id, round(o.score, 4)) for o in alternatives if o.entity != option.entity
            ),
        )


def _surface_words(index: NameIndex, words: list[Word], lang: str | None, entity: int) -> list[str]:
    """Keys of the words of a full mention that later bare mentions may repeat: the surname, or a word
    the index does not tie to another part of the name (a misspelling such as Gore for Gor)."""
    keys: list[str] = []
    for word in words:
        roles = {h.posting.role for h in index.word_hits(word.text, lang).of(entity) if not h.weak}
        if Role.SURNAME in roles or not roles & {Role.GIVEN, Role.PATRONYMIC, Role.SUFFIX}:
            keys.append(skeleton(word.text))
            keys.extend(skeleton(stem) for stem in stems(word.text, lang))
    return keys


def resolve(
    index: NameIndex,
    text: str,
    found: list[Found],
    words: list[Word],
    date: str | None = None,
    lang: str | None = None,
) -> list[Mention]:
    """Turn candidate spans into linked mentions (unresolvable ones are dropped)."""
    resolver = _Resolver(index, text, date)
    out: dict[int, Mention] = {}
    antecedents: dict[int, list[int]] = {}
    surface: dict[str, set[int]] = {}

    for n, item in enumerate(found):
        if item.pattern == Pattern.SURNAME:
            continue
        evidence = [item.pattern]
        options = item.options
        choice: Option | None = options[0]
        if len(options) > 1 and options[0].score < options[1].score + CLEAR_LEAD:
            pool = resolver.narrow(options, item.start, evidence)
            choice = pool[0] if len(pool) == 1 else None
        if choice is None:
            continue
        out[n] = resolver.mention(item, choice, choice.method, choice.score, evidence, options)
        if index.entities[choice.entity].type == "person":
            antecedents.setdefault(choice.entity, []).append(item.start)
            for key in _surface_words(index, words[item.first : item.last + 1], lang, choice.entity):
                surface.setdefault(key, set()).add(choice.entity)

    for n, item in enumerate(found):
        if item.pattern != Pattern.SURNAME or item.other_person:
            continue
        generation = generation_near(text, item.start, item.end)
        chosen = of_generation(index, item.options, generation[0]) if generation else None
        if generation and chosen:
            # Berdimuhamedov Jr., Бердымухамедов-младший: the son, whatever the date; the span keeps the word.
            qualified = replace(item, start=generation[1], end=generation[2])
            evidence = ["surname", f"generation: {generation[0]}"]
            score = GENERATION * chosen.score
            out[n] = resolver.mention(qualified, chosen, chosen.method, score, evidence, item.options)
            continue
        evidence: list[str] = []
        local = [o for o in item.options if o.entity in antecedents]
        known = {o.entity for o in local}
        local += [
            Option(e, MISSPELT_REPEAT, Method.COREFERENCE, index.entities[e].name)
            for e in sorted(surface.get(item.keys[0], set()))
            if e not in known  # a misspelt surname written in a full name here (Sergio Gore … M. Gore)
        ]
        # The title only matters when it could change the answer (several candidates in play).
        in_play = {o.entity for o in item.options if o.method != Method.FUZZY} | {o.entity for o in local}
        found_title = resolver.titled(item.options, item.start) if len(in_play) > 1 else None
        if found_title is not None and (not local or found_title[0].entity not in {o.entity for o in local}):
            # "President Berdimuhamedov" in 2023 is Serdar, even if his father is named in full later on.
            titled, title = found_title
            evidence = ["surname", f"title: {title}", f"in office on {resolver.date}"]
            out[n] = resolver.mention(item, titled, titled.method, TITLED * titled.score, evidence, item.options)
            continue
        if local:
            evidence.append("named in full in this document")
            pool = local if len(local) == 1 else resolver.narrow(local, item.start, evidence)
            if len(pool) > 1:
                before = [
                    (max((s for s in antecedents.get(o.entity, []) if s < item.start), default=-1), o) for o in pool
                ]
                before.sort(key=lambda pair: -pair[0])
                if before[0][0] >= 0 and before[0][0] != before[1][0]:
                    pool = [before[0][1]]
                    evidence.append("nearest full name before")
            if len(pool) == 1:
                out[n] = resolver.mention(
                    item, pool[0], Method.COREFERENCE, coreference(pool[0].score), evidence, item.options
                )
            continue
        # A bare surname found only by fuzzy matching is too weak alone (Kasymov is not Karimov):
        # it needs the full name in the same document (handled above).
        persons = [o for o in item.options if index.entities[o.entity].type == "person" and o.method != Method.FUZZY]
        if not persons:
            continue
        pool = persons if len(persons) == 1 else resolver.narrow(persons, item.start, evidence)
        if len(pool) == 1:
            evidence.insert(0, "surname")
            score = BARE_SURNAME * pool[0].score
            out[n] = resolver.mention(item, pool[0], pool[0].method, score, evidence, item.options)

    extra_mentions = _surface_only(resolver, words, found, surface)
    mentions = [*out.values(), *extra_mentions]
    # Trump Tower, Nazarbayev University, улица Каримова: a place named after the person, not them.
    kept = [m for m in mentions if m.type != "person" or not names_a_place(text, m.start, m.end)]
    return sorted((_without_arabic_prefix(index, m) for m in kept), key=lambda m: m.start)


def of_generation(index: NameIndex, options: list[Option], generation: str) -> Option | None:
    """The one candidate who is the child (junior) or the parent (senior) of another candidate."""
    persons = [o for o in options if index.entities[o.entity].type == "person" and o.method != Method.FUZZY]
    ids = {index.entities[o.entity].id for o in persons}
    wanted = "child_of" if generation == "junior" else "parent_of"
    matching = [
        o
        for o in persons
        if any(kind == wanted and target in ids for kind, target in index.entities[o.entity].relations)
    ]
    return matching[0] if len(matching) == 1 else None


def _without_arabic_prefix(index: NameIndex, mention: Mention) -> Mention:
    """The mention without the conjunction or preposition Arabic writes onto a name (وأوزبكستان: and
    Uzbekistan), when the name was found only without it."""
    first = mention.text.split(" ", 1)[0]
    if not prefix_of(first) or not has_arabic(first):
        return mention
    entity = index.by_id[mention.id]
    without = index.postings.get(skeleton(first[1:]))
    if without and any(value >> ENTITY_SHIFT == entity for value in without):
        # The word without the letter is a form of the name as written (أوزبكستان, the Arabic name
        # CLDR gives): the letter is the conjunction, even if the whole word reads the same.
        return replace(mention, start=mention.start + 1, text=mention.text[1:])
    with_letter = [index.postings.get(skeleton(first))]
    with_letter += [index.consonant_postings(r) for r in readings(first, with_prefix=False)]
    if any(packed and any(value >> ENTITY_SHIFT == entity for value in packed) for packed in with_letter):
        return mention  # the letter is the name's own (فلاديمير: Vladimir)
    return replace(mention, start=mention.start + 1, text=mention.text[1:])


def _in_capitalised_compound(text: str, word: Word) -> bool:
    """Is the word joined by a hyphen to another capitalised word (Gore-Tex, Jean-Gore)?"""
    before = _PART_BEFORE.search(text, max(0, word.start - 40), word.start)
    after = _PART_AFTER.match(text, word.end)
    return bool(before and before.group(1)[:1].isupper()) or bool(after and after.group(1)[:1].isupper())


_PART_BEFORE = re.compile(r"([^\W\d_]+)-$")
_PART_AFTER = re.compile(r"-([^\W\d_]+)")


def _surface_only(
    resolver: _Resolver,
    words: list[Word],
    found: list[Found],
    surface: dict[str, set[int]],
) -> list[Mention]:
    """Words the index does not know but that repeat a surname written earlier (a misspelt one)."""
    if not surface:
        return []
    taken = {k for item in found for k in range(item.first, item.last + 1)}
    out: list[Mention] = []
    for k, word in enumerate(words):
        if k in taken or len(word.text) < 3 or not (word.text[:1].isupper() or is_caseless(word.text[:1])):
            continue
        written = word.text
        entities = surface.get(skeleton(written), set())
        if not entities and prefix_of(written) and has_arabic(written):
            written = written[1:]  # وتوكاييف: and Tokayev
            entities = surface.get(skeleton(written), set())
        if len(entities) != 1 or _in_capitalised_compound(resolver.text, word):
            continue  # (Gore-Tex, even with Al Gore named in full nearby)
        entity = next(iter(entities))
        start = word.end - len(written)
        item = Found(start, word.end, Pattern.SURNAME, [], k, k, (skeleton(written),))
        option = Option(entity, SURFACE_REPEAT, Method.COREFERENCE, written)
        evidence = ["same word as a full name here"]
        out.append(resolver.mention(item, option, Method.COREFERENCE, SURFACE_REPEAT, evidence, []))
    return out
