"""Decide who each candidate mention refers to, or abstain.

Order of evidence, strongest first:
1. full names and alias phrases (given + surname, initials, country names) link directly;
2. a bare surname refers to a person named in full elsewhere in the same document;
3. otherwise the document's date against the offices in the gazetteer, and a title right before the
   mention (président, Präsident, президент, Prime Minister…) narrow the candidates; a title right
   before it that none of them held names someone else (`Evidence.mistitled`);
4. then the colleagues and countries the document names, and last the one candidate in a leading
   office (head of state or government, foreign minister, a parliament's chair: `by_leading`);
5. when more than one candidate survives, abstain: a wrong link costs more than a missing one.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy

from c5names.index import NameIndex
from c5names.index.postings import ENTITY_SHIFT
from c5names.lexicon import after_article, generation_near, is_common_word, names_a_place, titles_naming
from c5names.lexicon.kinship import kinship_before
from c5names.match.candidates import Found, Option, columns, derived, ranks, the_one
from c5names.match.context import closest_given_name
from c5names.match.evidence import Evidence
from c5names.match.segment import Word
from c5names.model import GENERIC_KINDS, Mention, Method, Pattern, Role
from c5names.scoring import (
    BARE_SURNAME,
    CLEAR_LEAD,
    GENERATION,
    KINSHIP,
    LEADING,
    LONE_SURNAME,
    MISSPELT_REPEAT,
    SURFACE_REPEAT,
    TITLED,
    calibrated,
    coreference,
)
from c5names.text.abjad import has_arabic, prefix_of, readings
from c5names.text.inflection import is_hyphenated_article, split_apostrophe_suffix, stems
from c5names.text.keys import APOSTROPHES, is_caseless, skeleton


def _surface_words(index: NameIndex, words: list[Word], lang: str | None, entity: int) -> list[str]:
    """Keys of the words of a full mention that later bare mentions may repeat: the surname, or a word
    the index does not tie to another part of the name (a misspelling such as Gore for Gor)."""
    keys: list[str] = []
    for word in words:
        roles = {h.posting.role for h in index.word_hits(word.text, lang).of(entity)}
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
    document: Callable[[], str] | None = None,
) -> list[Mention]:
    """Turn candidate spans into linked mentions (unresolvable ones are dropped): full names and
    aliases first, so that bare surnames can then refer back to them. `document`: the whole text,
    when `text` holds only parts of it (`Evidence`)."""
    if not found:  # (every mention below starts from a candidate)
        return []
    state = _Document(index, text, date, lang, document)
    out: dict[int, Mention] = {}
    for n, item in enumerate(found):
        if item.pattern != Pattern.SURNAME and not _given_name_before_a_name(index, text, words, item, lang):
            mention = state.full(item, words)
            if mention is not None:
                out[n] = mention
    for n, item in enumerate(found):
        if item.pattern == Pattern.SURNAME and not item.other_person:
            mention = state.surname(item)
            if mention is not None:
                out[n] = mention
    for n, item in enumerate(found):
        if (
            n not in out
            and item.pattern == Pattern.SURNAME
            and not item.other_person
            and not state.a_word_not_a_name(item)
            and state.evidence.mistitled(item.options, item.start) is None
        ):
            mention = state.by_colleagues(item, out) or state.by_country(item, out) or state.by_leading(item)
            if mention is not None:
                out[n] = mention
    state.weigh_lone_surnames(out)
    relatives = _relatives(state, words, found, out) if any(m.type == "person" for m in out.values()) else []
    # (a word a kinship word names a relative by is not also a repeat of a full name's word)
    repeats = [
        m
        for m in _surface_only(state.evidence, words, found, state.surface)
        if not any(r.start < m.end and m.start < r.end for r in relatives)
    ]
    mentions = [*out.values(), *relatives, *repeats]
    # Trump Tower, Nazarbayev University, улица Каримова: a place named after the person, not them.
    kept = [m for m in mentions if m.type != "person" or not names_a_place(text, m.start, m.end)]
    spans = (_with_tail(index, text, _with_article(text, _without_arabic_prefix(index, m))) for m in kept)
    return _one_name_one_mention(text, sorted(spans, key=lambda m: m.start))


def _one_name_one_mention(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two different names of one place side by side, a space apart, are one name: Kyrgyz "Америка
    Кошмо Штаттарынын" (America + the United States) is one mention of the United States, not two."""
    out: list[Mention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if (
            last is not None
            and mention.type != "person"
            and last.id == mention.id
            and last.text.casefold() != mention.text.casefold()  # "Russia, Russia": said twice
            and text[last.end : mention.start].isspace()
            and "\n" not in text[last.end : mention.start]
        ):
            best = max(last, mention, key=lambda m: m.score)
            out[-1] = replace(best, start=last.start, end=mention.end, text=text[last.start : mention.end])
            continue
        out.append(mention)
    return out


def _given_name_before_a_name(index: NameIndex, text: str, words: list[Word], item: Found, lang: str | None) -> bool:
    """Is a one-word country name someone's given name here: a given name the gazetteer lists, right
    before another capitalised word (George Clooney, not Georgia, whose Dutch name is Georgië;
    Ruslan Zheldibay)? A country's name before a title or a name stays one only when it is no one's
    given name (Kazakhstan President Tokayev)."""
    if item.pattern != Pattern.ALIAS or item.first != item.last or item.first + 1 >= len(words):
        return False
    if index.entities[item.options[0].entity].type != "country":
        return False
    gap = text[words[item.first].end : words[item.first + 1].start]
    if gap != " ":
        return False
    hits = index.word_hits(words[item.first].text, lang)
    return bool(hits) and any(h.posting.role == Role.GIVEN and h.method != Method.FUZZY for h in hits.all())


class _Document:
    """What resolution has learnt from a document so far: the persons named in full (where, and
    the words later mentions may repeat)."""

    def __init__(
        self, index: NameIndex, text: str, date: str | None, lang: str | None, document: Callable[[], str] | None = None
    ) -> None:
        self.index = index
        self.text = text
        self.lang = lang
        self.evidence = Evidence(index, text, date, document, lang)
        self.antecedents: dict[int, list[int]] = {}  # person → starts of their full mentions
        self.surface: dict[str, set[int]] = {}  # word key → persons whose full mention wrote it
        self.lone: set[int] = set()  # starts of the surnames decided by date and offices alone

    def full(self, item: Found, words: list[Word]) -> Mention | None:
        """A full name or alias: the best option, unless another is as good and the evidence cannot
        tell them apart."""
        evidence: list[str] = [item.pattern]
        options = item.options
        choice: Option | None = options[0]
        if len(options) > 1 and options[0].score < options[1].score + CLEAR_LEAD:
            pool, narrowed_by = self._narrowed(item)
            evidence += narrowed_by
            choice = pool[0] if len(pool) == 1 else None
        if choice is None:
            return None
        if self.index.entities[choice.entity].type == "person":
            self.antecedents.setdefault(choice.entity, []).append(item.start)
            # (a word of a person's alias phrase is no name a later word repeats: "Hero-Arkadag" is
            # Berdimuhamedov, "the city of Arkadag" is not)
            surfaced = [] if item.pattern == Pattern.ALIAS else words[item.first : item.last + 1]
            for key in _surface_words(self.index, surfaced, self.lang, choice.entity):
                self.surface.setdefault(key, set()).add(choice.entity)
        return self.evidence.mention(item, choice, choice.method, choice.score, evidence, options)

    def weigh_lone_surnames(self, out: dict[int, Mention]) -> None:
        """A surname decided by the date and offices alone stands on what else the document says: a
        country the person held office in, a colleague (someone who held an office of the same kind,
        or in the same country), or a title of the person's office anywhere in the text. Without any
        of these ("Mr Lu said", "Harris Tweed", "Karimov, a local baker") its score falls below the
        default threshold: kept for those who ask for it, never linked by default."""
        linked = [self.index.by_id[m.id] for m in out.values()]
        for n, mention in out.items():
            if mention.start not in self.lone:
                continue
            support = self._support(self.index.by_id[mention.id], linked)
            if support:
                out[n] = replace(mention, evidence=(*mention.evidence, support))
            else:
                raw = round(LONE_SURNAME * (mention.raw_score or mention.score), 4)
                why = (*mention.evidence, "nothing else in the document")
                out[n] = replace(mention, score=calibrated(raw), raw_score=raw, evidence=why)

    def _support(self, entity: int, linked: list[int]) -> str | None:
        facts = self.index.entities
        countries = {country for _kind, country, _start, _end in facts[entity].offices if country}
        kinds = {kind for kind, _country, _start, _end in facts[entity].offices if kind}
        for other in linked:
            other_facts = facts[other]
            if other == entity:
                continue
            if other_facts.type == "country" and other_facts.id in countries:
                return f"country named: {other_facts.id}"
            if other_facts.type == "person" and any(
                kind in kinds or country in countries for kind, country, _start, _end in other_facts.offices
            ):
                return f"colleague named: {other_facts.id}"
        # (the titles that name the person's offices: an ambassador's include an envoy's, `titles_naming`)
        named_by = {title for kind in kinds for title in titles_naming(kind)}
        titles = self.evidence.document_titles(sorted(named_by)) if named_by else frozenset()
        return f"title in the document: {min(titles)}" if titles else None

    def surname(self, item: Found) -> Mention | None:
        """A bare surname, by the strongest evidence that decides it: a generation word, a title
        naming an office one candidate held on the date, a full name earlier in the document, or
        the date and offices alone (weighed at the end by `weigh_lone_surnames`)."""
        by_generation = self._by_generation(item)
        if by_generation is not None:
            return by_generation
        local = self._named_here(item)
        # The title only matters when it could change the answer (several candidates in play).
        in_play = _several(item.options, {o.entity for o in local})
        found_title = self.evidence.titled(item.options, item.start, item.end) if in_play else None
        if found_title is not None and (not local or found_title[0].entity not in {o.entity for o in local}):
            # "President Berdimuhamedov" in 2023 is Serdar, even if his father is named in full later on.
            return self._titled(item, *found_title)
        if local:
            return self._by_coreference(item, local)
        if self.evidence.mistitled(item.options, item.start) is not None:
            return None  # (a title right before it that none of them held then: someone the gazetteer does not list)
        if self.a_word_not_a_name(item):
            return self._titled_only(item)
        mention = self._by_office(item)
        if mention is not None:
            self.lone.add(mention.start)
        return mention

    def _titled_only(self, item: Found) -> Mention | None:
        """A bare surname decided by a title right before it naming an office its one candidate held
        on the date (`Evidence.titled`), else nothing."""
        found_title = self.evidence.titled(item.options, item.start, item.end)
        return None if found_title is None else self._titled(item, *found_title)

    def _titled(self, item: Found, titled: Option, title: str) -> Mention:
        """The bare surname as the person a title right before it names."""
        evidence = [Pattern.SURNAME, f"title: {title}", f"in office on {self.evidence.date}"]
        return self.evidence.mention(item, titled, titled.method, TITLED * titled.score, evidence, item.options)

    def a_word_not_a_name(self, item: Found) -> bool:
        """Is the bare surname, as written, as often a word of the text's language as a name: a
        capitalised word right after an article (`lexicon.after_article`: German capitalises every
        noun, "das Ding"), or itself a function or sentence word (`lexicon.is_common_word`: French
        and German "Du", English "Ji" after a name)? Then it is decided only by a title right before
        it or a full name in the document, never by the date and offices alone (`surname`), nor by
        colleagues or countries named elsewhere (`by_colleagues`, `by_country`): "Du côté de Pékin …"
        is no mention of Du Dewen, China's ambassador."""
        return after_article(self.text, item.start, self.lang) or is_common_word(
            self.text[item.start : item.end], self.lang
        )

    def _by_generation(self, item: Found) -> Mention | None:
        """Berdimuhamedov Jr., Бердымухамедов-младший: the son, whatever the date; the span keeps the word.
        (The text is read for such a word only when the candidates have generations to tell apart.)"""
        if not _has_generations(self.index, item.options):
            return None
        generation = generation_near(self.text, item.start, item.end)
        chosen = of_generation(self.index, item.options, generation[0]) if generation else None
        if not generation or chosen is None:
            return None
        qualified = replace(item, start=generation[1], end=generation[2])
        evidence = [Pattern.SURNAME, f"generation: {generation[0]}"]
        score = GENERATION * chosen.score
        return self.evidence.mention(qualified, chosen, chosen.method, score, evidence, item.options)

    def _named_here(self, item: Found) -> list[Option]:
        """Candidates named in full in this document, and persons whose full name here wrote this very
        word (a misspelt surname: Sergio Gore … M. Gore)."""
        # (a common surname has thousands of holders at a million persons, a document names a few in
        # full: the few are looked up, in the options' order)
        options, rank = item.options, ranks(item.options)
        local = [options[n] for n in sorted(rank[e] for e in self.antecedents if e in rank)]
        known = {o.entity for o in local}
        # (the word's key, and its span's where the index read less of it: Gore's is Gore)
        surfaced = self.surface.get(item.keys[0], set()) | self.surface.get(
            skeleton(self.text[item.start : item.end]), set()
        )
        local += [
            Option(e, MISSPELT_REPEAT, Method.COREFERENCE, self.index.entities[e].name)
            for e in sorted(surfaced)
            if e not in known
        ]
        return local

    def _by_coreference(self, item: Found, local: list[Option]) -> Mention | None:
        """The person named in full in this document; among several, those named before the mention
        (a repeat refers back: "дочь Каримова Гульнара Каримова" is Islam Karimov, named earlier),
        then the one the date and title allow, else the one named nearest before."""
        evidence = ["named in full in this document"]
        earlier = [o for o in local if any(s < item.start for s in self.antecedents.get(o.entity, []))]
        if earlier and len(earlier) < len(local):
            local = earlier
            evidence.append("named before")
        pool = local if len(local) == 1 else self.evidence.narrow(local, item.start, evidence, item.end)
        if len(pool) > 1:
            before = [
                (max((s for s in self.antecedents.get(o.entity, []) if s < item.start), default=-1), o) for o in pool
            ]
            before.sort(key=lambda pair: -pair[0])
            if before[0][0] >= 0 and before[0][0] != before[1][0]:
                pool = [before[0][1]]
                evidence.append("nearest full name before")
        if len(pool) != 1:
            return None
        return self.evidence.mention(
            item, pool[0], Method.COREFERENCE, coreference(pool[0].score), evidence, item.options
        )

    def by_colleagues(self, item: Found, out: dict[int, Mention]) -> Mention | None:
        """A surname the date and titles left to several persons, decided by the persons linked in
        the document: the one candidate who held an office of a kind one of them held ("Tokayev,
        Mirziyoyev and Rahmon met": the head of state Emomali Rahmon, not his daughters)."""
        linked = {self.index.by_id[m.id] for m in out.values() if m.type == "person"}
        if len(_persons(self.index, item.options)) < 2 or not linked:
            return None
        pool, narrowed_by = self._narrowed_persons(item)
        facts = self.index.entities
        in_pool = ranks(pool)  # (which entities are in the pool: as memoised, no set of a surname's holders)
        others = {entity for entity in linked if entity not in in_pool}
        kinds = {
            kind: other
            for other in sorted(others)
            for kind, _c, _s, _e in facts[other].offices
            if kind and kind not in GENERIC_KINDS
        }
        # A common surname has hundreds of holders: the search stops at the second who held such an office.
        held = (
            the_one(pool, lambda o: any(kind in kinds for kind, _c, _s, _e in facts[o.entity].offices))
            if kinds
            else None
        )
        if held is None:
            return None
        colleague = next(kinds[k] for k, _c, _s, _e in facts[held.entity].offices if k in kinds)
        evidence = [Pattern.SURNAME, *narrowed_by, f"colleague named: {facts[colleague].id}"]
        return self.evidence.mention(item, held, held.method, BARE_SURNAME * held.score, evidence, item.options)

    def by_country(self, item: Found, out: dict[int, Mention]) -> Mention | None:
        """A surname the date and titles left to several persons, decided by the countries named in
        the document: the one candidate who had held an office in one of them by the document's date
        ("Karabayev said Kyrgyzstan would vote", in 2009: Ednan Karabayev, Kyrgyz foreign minister
        until that January, not Marat Karabayev, Kazakh transport minister from 2023). Namesakes of
        one country (the Rahmons of Tajikistan), or of two countries both named, are left alone. A
        country word of the title right before the surname (`Evidence.title_country`: "Turkmen Energy
        Minister Saparov") is the only country that counts."""
        linked = frozenset(m.id for m in out.values() if m.type == "country")
        title = self.evidence.title(item.start, item.end)
        if (not linked and title is None) or len(_persons(self.index, item.options)) < 2:
            return None
        # The title's own country word ("Turkmen Energy Minister Saparov") says which is meant, whatever
        # other countries the document names; else the countries linked in it.
        given = self.evidence.title_country(item.start, item.end)
        named = frozenset({given}) if given else linked
        if not named:
            return None
        facts, date = self.index.entities, self.evidence.date

        def countries(option: Option) -> set[str]:
            return {
                country
                for _k, country, start, _e in facts[option.entity].offices
                if country in named and (date is None or start <= date)
            }

        def decided() -> tuple[Option, str, list[str]] | tuple[()]:
            pool, narrowed_by = self._narrowed_persons(item)
            held = the_one(pool, lambda o: bool(countries(o)))
            return () if held is None else (held, min(countries(held)), narrowed_by)

        # (the same for every mention with these options, date, title and countries named: worked out
        # once, as a common surname's holders are thousands at a million persons)
        found = derived(item.options, ("by country", date, title, named), decided)
        if not found:
            return None
        held, country, narrowed_by = found
        evidence = [Pattern.SURNAME, *narrowed_by, f"{'country of the title' if given else 'country named'}: {country}"]
        return self.evidence.mention(item, held, held.method, BARE_SURNAME * held.score, evidence, item.options)

    def _narrowed(self, item: Found) -> tuple[Sequence[Option], list[str]]:
        """The options the date and a title before the mention leave, and the evidence that narrowed
        them (`_narrowed_once`: a common full name's namesakes are hundreds at a million persons)."""
        return self._narrowed_once(item, item.options, "all")

    def _narrowed_persons(self, item: Found) -> tuple[Sequence[Option], list[str]]:
        """The person candidates (not found by fuzzy matching alone) that the date and a title before the
        mention leave, and the evidence that narrowed them (`_narrowed_once`)."""
        persons = _persons(self.index, item.options)
        if len(persons) < 2:
            return persons, []
        return self._narrowed_once(item, persons, "persons")

    def _narrowed_once(self, item: Found, pool: Sequence[Option], which: str) -> tuple[Sequence[Option], list[str]]:
        """`Evidence.narrow` of a pool drawn from the mention's options (`which` names it), and the
        evidence it gave: the same for every mention with these options, this date and this title, so
        worked out once (`derived`). Not to be changed."""
        title = self.evidence.title(item.start, item.end)

        def narrowed() -> tuple[Sequence[Option], list[str]]:
            evidence: list[str] = []
            return self.evidence.narrow(pool, item.start, evidence, item.end), evidence

        return derived(item.options, ("narrowed", which, self.evidence.date, title), narrowed)

    def _by_office(self, item: Found) -> Mention | None:
        """The only person candidate, or the only one the date and a title leave. A bare surname found
        only by fuzzy matching is too weak alone (Kasymov is not Karimov)."""
        pool, narrowed_by = self._narrowed_persons(item)
        if len(pool) != 1:
            return None
        evidence = [Pattern.SURNAME, *narrowed_by]
        return self.evidence.mention(
            item, pool[0], pool[0].method, BARE_SURNAME * pool[0].score, evidence, item.options
        )

    def by_leading(self, item: Found) -> Mention | None:
        """A surname the date, titles, colleagues and countries left to several persons in office,
        decided by the one of them in a leading office (`Evidence.leading`): the press names a head of
        state or government by surname alone, and a lesser namesake in full ("Арипов" alone is the
        prime minister, not Eldor Aripov of a research institute). Weaker than every other evidence,
        and, as a surname decided by the date alone, it needs the document's support
        (`weigh_lone_surnames`)."""
        pool, narrowed_by = self._narrowed_persons(item)
        leader = self.evidence.leading(pool) if len(pool) > 1 else None
        if leader is None:
            return None
        evidence = [Pattern.SURNAME, *narrowed_by, "leading office"]
        mention = self.evidence.mention(item, leader, leader.method, LEADING * leader.score, evidence, item.options)
        self.lone.add(mention.start)
        return mention


def _persons(index: NameIndex, options: Sequence[Option]) -> Sequence[Option]:
    """The options that are persons found by more than fuzzy matching (memoised per Options)."""
    facts = index.entities

    def persons() -> Sequence[Option]:
        bulk = columns(options)
        if bulk is not None:
            return bulk.select(index.entity_flags().person[bulk.array()] & bulk.firm())
        return [o for o in options if facts[o.entity].type == "person" and o.method != Method.FUZZY]

    return derived(options, "persons", persons)


def _several(options: Sequence[Option], local: set[int]) -> bool:
    """Are two or more entities in play: the options not found by fuzzy matching alone, and `local`?"""
    count, few = _firm(options)
    return count >= 2 or len(local | few) >= 2


def _firm(options: Sequence[Option]) -> tuple[int, frozenset[int]]:
    """(how many options were found by more than fuzzy matching alone, their entities if fewer than
    two), memoised per Options. An entity is an option once, so the firm options are as many as
    their entities; a set of a common surname's firm holders, memoised whole, cost 42 bytes an option
    in the chunk memo at a million persons."""

    def firm() -> tuple[int, frozenset[int]]:
        bulk = columns(options)
        if bulk is not None:
            kept = bulk.firm()
            count = int(numpy.count_nonzero(kept))
            return count, frozenset(bulk.array()[kept].tolist()) if count < 2 else frozenset()
        entities = frozenset(o.entity for o in options if o.method != Method.FUZZY)
        return len(entities), entities if len(entities) < 2 else frozenset()

    return derived(options, "firm", firm)


def _has_generations(index: NameIndex, options: Sequence[Option]) -> bool:
    """Can `of_generation` name anyone among these options, for some generation word: is one of the
    persons the only youngest generation (memoised per Options: most surnames have no relatives)."""

    def one_youngest() -> bool:
        return _youngest(index, options)[0] is not None

    return derived(options, "one youngest", one_youngest)


def _youngest(index: NameIndex, options: Sequence[Option]) -> tuple[Option | None, dict[str, Option]]:
    """The one person among the options who is a child of another and parent of none (or None), and
    the persons who stand in a relation, by id. Only those can be a child or a parent, so a common
    surname's thousands of holders are narrowed by the entities' `related` flags before any Option is
    made (at 100,000 synthetic persons reading them all was a quarter of a cold pass)."""
    related = index.entity_flags().related
    bulk = columns(options)
    if bulk is not None:
        kin: Sequence[Option] = bulk.select(related[bulk.array()])
    else:
        kin = [o for o in options if related[o.entity]]
    persons = [o for o in kin if index.entities[o.entity].type == "person" and o.method != Method.FUZZY]
    by_id = {index.entities[o.entity].id: o for o in persons}
    youngest = [
        o
        for o in persons
        if _relatives_among(index, o, "child_of", by_id) and not _relatives_among(index, o, "parent_of", by_id)
    ]
    return (youngest[0] if len(youngest) == 1 else None), by_id


def _relatives_among(index: NameIndex, option: Option, kind: str, by_id: dict[str, Option]) -> list[str]:
    """The ids of the persons among `by_id` to whom the option's entity stands in this relation."""
    return [t for k, t in index.entities[option.entity].relations if k == kind and t in by_id]


def of_generation(index: NameIndex, options: Sequence[Option], generation: str) -> Option | None:
    """The candidate a generation word names: junior is the youngest generation among the
    candidates (a child of another candidate and parent of none), senior that child's parent. Three
    Berdimuhamedovs (Myalikguly, his son Gurbanguly, his grandson Serdar): Jr. is Serdar, senior is
    Gurbanguly, as the press uses the words for the two latest generations."""
    youngest, by_id = _youngest(index, options)
    if youngest is None:
        return None
    if generation == "junior":
        return youngest
    parents = _relatives_among(index, youngest, "child_of", by_id)
    return by_id[parents[0]] if len(parents) == 1 else None


def _with_article(text: str, mention: Mention) -> Mention:
    """A person's mention with the article written onto it by a hyphen (Ас-Сиси, al-Sisi: the name, as
    a full name's span has it), which the words of a name leave out."""
    start = mention.start
    if mention.type != "person" or start < 3 or text[start - 1] != "-":
        return mention
    article = _ARTICLE_BEFORE.search(text, max(0, start - 8), start - 1)
    if article is None or not is_hyphenated_article(article.group()):
        return mention
    begin = article.start()
    return replace(mention, start=begin, text=text[begin : mention.end])


_ARTICLE_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]+$")  # (the word right before the hyphen)


def _with_tail(index: NameIndex, text: str, mention: Mention) -> Mention:
    """A person's mention with the lowercase word that ends the name in the text, when it is one of the
    person's own connector words and no part of a name follows it: the Kyrgyz and Uzbek *uulu*, *kyzy*,
    *o'g'li* that make a father's name a surname (Нурланбек Тургунбек уулу, Жылдыз Таалайбек кызы),
    which the capitalised words of a name leave out."""
    if mention.type != "person":
        return mention
    found = _TAIL_AFTER.match(text, mention.end)
    if found is None or not found.group(1).islower():
        return mention
    entity = index.by_id.get(mention.id)
    if entity is None or skeleton(found.group(1)) not in index.entities[entity].connectors:
        return mention
    end = found.end(1)
    return replace(mention, end=end, text=text[mention.start : end])


# (one space, a word of letters and apostrophes, and no name part after it: not "Lula da Silva")
_TAIL_AFTER = re.compile(r" ([^\W\d_]+(?:['’ʻ‘][^\W\d_]+)*)(?![\w'’ʻ‘-])(?! +[^\W\d_]*[A-ZА-ЯЁ])")


def _without_arabic_prefix(index: NameIndex, mention: Mention) -> Mention:
    """The mention without the conjunction or preposition Arabic writes onto a name (وأوزبكستان: and
    Uzbekistan), when the name was found only without it."""
    first = mention.text.split(" ", 1)[0]
    if not prefix_of(first) or not has_arabic(first):
        return mention
    entity = index.by_id[mention.id]
    without = index.written_postings(first[1:])
    if any(value >> ENTITY_SHIFT == entity for packed in without for value in packed):
        # The word without the letter is a form of the name as written (أوزبكستان, the Arabic name
        # CLDR gives): the letter is the conjunction, even if the whole word reads the same.
        return replace(mention, start=mention.start + 1, text=mention.text[1:])
    with_letter: list[array[int] | None] = [*index.written_postings(first)]
    with_letter += [index.consonant_postings(r) for r in readings(first, with_prefix=False)]
    if any(packed and any(value >> ENTITY_SHIFT == entity for value in packed) for packed in with_letter):
        return mention  # the letter is the name's own (فلاديمير: Vladimir)
    return replace(mention, start=mention.start + 1, text=mention.text[1:])


def _in_capitalised_compound(text: str, word: Word) -> bool:
    """Is the word joined by a hyphen to another capitalised word (Gore-Tex, Jean-Gore)?"""
    before = _PART_BEFORE.search(text, max(0, word.start - 40), word.start)
    after = _PART_AFTER.match(text, word.end)
    return bool(before and before.group(1)[:1].isupper()) or bool(after and after.group(1)[:1].isupper())


_APOSTROPHE = re.compile(f"[{re.escape(APOSTROPHES)}]")  # (asked of every word `_surface_only` reads)
_PART_BEFORE = re.compile(r"([^\W\d_]+)-$")
_PART_AFTER = re.compile(r"-([^\W\d_]+)")


def _surface_only(
    evidence: Evidence,
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
        if k in taken or len(word.text) < 3:
            continue
        written, start, end = word.text, word.start, word.end
        entities = surface.get(skeleton(written), set())
        if not entities and not written.isascii() and prefix_of(written) and has_arabic(written):
            written = written[1:]  # وتوكاييف: and Tokayev
            start = end - len(written)
            entities = surface.get(skeleton(written), set())
        elif not entities and _APOSTROPHE.search(written) and (split := split_apostrophe_suffix(written)):
            written = split[0]  # Gore's, Tsin'in: the surname, without the suffix (as the index reads it)
            end = start + len(written)
            entities = surface.get(skeleton(written), set())
        if len(entities) != 1 or _in_capitalised_compound(evidence.text, word):
            continue  # (Gore-Tex, even with Al Gore named in full nearby)
        entity = next(iter(entities))
        why = ["same word as a full name here"]
        given = _given_name_before(evidence, words, k, entity) if k - 1 not in taken else None
        if given is not None:
            start = given
            why.append("with the person's given name")
        item = Found(start, end, Pattern.SURNAME, [], k, k, (skeleton(written),))
        option = Option(entity, SURFACE_REPEAT, Method.COREFERENCE, written)
        out.append(evidence.mention(item, option, Method.COREFERENCE, SURFACE_REPEAT, why, []))
    return out


def _given_name_before(evidence: Evidence, words: list[Word], k: int, entity: int) -> int | None:
    """Where a repeated surname's mention starts when the word before it, in a script without letter
    case, is the person's own given name in some spelling (قاسم توكاييف): that word's start."""
    if k == 0 or not is_caseless(words[k].text[:1]):
        return None
    prev = words[k - 1]
    if evidence.text[prev.end : words[k].start] != " ":
        return None
    return prev.start if closest_given_name(evidence.index, prev.text, (entity,)) else None


def _relatives(state: _Document, words: list[Word], found: list[Found], out: dict[int, Mention]) -> list[Mention]:
    """A given name alone ("… and his son Serdar") is linked when a kinship word stands right before it
    and the gazetteer relates exactly one holder of that given name to a person linked in this
    document in that way (son → child_of). Otherwise a given name alone is no mention."""
    index = state.index
    named = {index.by_id[m.id] for m in out.values() if m.type == "person"}
    in_relations = index.entity_flags().related
    if not any(in_relations[person] for person in named):
        return []  # (no one linked here has a relative in the gazetteer: the words need not be read)
    taken = {k for item in found for k in range(item.first, item.last + 1)}
    mentions: list[Mention] = []
    for k, word in enumerate(words):
        if k in taken or not (word.text[:1].isupper() or is_caseless(word.text[:1])):
            continue
        holders = index.word_hits(word.text, state.lang).lone_given_names()
        if not holders:
            continue  # (no one's given name: the kinship words before it need not be read)
        kinship = kinship_before(state.text, word.start)
        if kinship is None:
            continue
        relation = kinship.relation
        if kinship.gender != "any":  # a son is a man of the gazetteer; a daughter is not
            holders = frozenset(e for e in holders if (e in index.male) == (kinship.gender == "male"))
        related = [(e, p) for e in sorted(holders) for p in sorted(named) if _related(index, e, p, relation)]
        if len(related) != 1:
            continue
        entity, person = related[0]
        item = Found(word.start, word.end, Pattern.FULL, [], k, k, (skeleton(word.text),))
        option = Option(entity, KINSHIP, Method.COREFERENCE, word.text)
        why = ["given name", f"{relation} {index.entities[person].id}", "kinship word before it"]
        mentions.append(state.evidence.mention(item, option, Method.COREFERENCE, KINSHIP, why, []))
    return mentions


def _related(index: NameIndex, entity: int, person: int, relation: str) -> bool:
    """Does the gazetteer say `entity` stands in `relation` to `person` (on either side)?"""
    inverse = {"child_of": "parent_of", "parent_of": "child_of"}.get(relation, relation)
    facts = index.entities
    return (relation, facts[person].id) in facts[entity].relations or (inverse, facts[entity].id) in facts[
        person
    ].relations
