"""The shapes names take, matched word by word against one entity's name parts.

Persons: given + surname, surname + given (and catalogue order "SURNAME, Given"), with patronymics
(listed or recognisable by their endings), initials, suffixes. Alias phrases (country names) word
by word with the gaps the gazetteer writes between them. Arabic-script words matched only by their
consonants make a name only together.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence

import numpy

from c5names.index.postings import Hit, Posting, WordHits
from c5names.match.candidates import PersonParse
from c5names.match.view import TextView
from c5names.model import Method, Pattern, Role
from c5names.scoring import UNLISTED_PATRONYMIC
from c5names.text.abjad import readings
from c5names.text.han import has_han
from c5names.text.hangul import has_hangul
from c5names.text.keys import fold, initial_key, skeleton

PERSON_PATTERNS: tuple[tuple[Role, ...], ...] = (
    (Role.GIVEN, Role.PATRONYMIC, Role.SURNAME, Role.SUFFIX),
    (Role.GIVEN, Role.PATRONYMIC, Role.SURNAME),
    (Role.GIVEN, Role.INITIAL, Role.SURNAME),  # Emomali S. Rahmon: the patronymic's initial
    (Role.GIVEN, Role.SURNAME, Role.SUFFIX),
    (Role.GIVEN, Role.SURNAME),
    (Role.SURNAME, Role.GIVEN, Role.PATRONYMIC),
    (Role.SURNAME, Role.GIVEN),
    (Role.GIVEN, Role.PATRONYMIC),
    (Role.INITIAL, Role.INITIAL, Role.SURNAME),
    (Role.INITIAL, Role.SURNAME),
    (Role.SURNAME, Role.INITIAL, Role.INITIAL),
    (Role.SURNAME, Role.INITIAL),
    (Role.SURNAME, Role.SUFFIX),
    (Role.SURNAME,),
)


# Endings of patronymics in the region's naming customs (Russian -ovich/-ovna, Kazakh -uly/-kyzy,
# Uzbek o‘g‘li/qizi, Kyrgyz uulu), in Latin and Cyrillic script. The Turkish dotless ı of -ulı is matched
# case-sensitively: under IGNORECASE, Python's re lets ı match i, and every word ending in -uli (Juli,
# Gurbanguli) was a patronymic.
PATRONYMIC_RE = re.compile(
    r"(?:[oe]vi[cč]h?|[oe]vna|ovitch|ewitsch|owitsch|uly|ul(?-i:ı)|ūly|kyzy|qizi|вич|вна|ұлы|улы|қызы|кызы)$",
    re.IGNORECASE,
)


_NO_POSTING = Posting(-1, Role.PATRONYMIC, 0, 1, -1)


def _join_ok(doc: TextView, k: int, entity: int, after_initial: bool) -> bool:
    if after_initial:
        return doc.initial_gap(k)
    if doc.plain_gap(k):
        return True
    words = _gap_words(doc.gap(k))
    if not words:
        return False
    connectors = doc.index.entities[entity].connectors
    return all(skeleton(word) in connectors for word in words)


def _gap_words(gap: str) -> list[str]:
    """The words of a gap between two words, if it is only words, each joined to the next by a space
    or a hyphen, as a name's connectors are (ogli, bin, de la, von der, el- of el-Sisi); else none."""
    words = gap.replace("-", " ").split()  # (asked of every gap but a space: no regular expression)
    return words if words and all(word.isalpha() for word in words) else []


def _by_consonants(hit: Hit) -> bool:
    """Was the word matched by its consonants only (Arabic script, see `abjad`)?"""
    return hit.method == Method.CONSONANTS


def _named_by_consonants(weak: list[Hit]) -> bool:
    """Two or more words matched by their consonants only: a name, where one such word alone would not be."""
    return len(weak) >= 2 and all(_by_consonants(h) for h in weak)


LONG_CONSONANTS = 5


def long_consonant_hit(doc: TextView, k: int, hit: Hit) -> bool:
    """A consonant match (Arabic script) long enough to stand for an alias by itself: كازاخستان has
    k-z-kh-s-t-n; few words share five consonants in order."""
    if not _by_consonants(hit):
        return False
    found = readings(doc.words[k].text)
    return bool(found) and min(len(r) for r in found) >= LONG_CONSONANTS


def _catalogue_comma(doc: TextView, k: int, pattern: tuple[str, ...], n: int) -> bool:
    """Catalogue order, "Surname, Given Patronymic" (sanctions lists, indexes, bibliographies): a
    comma may stand between a surname and the given name of the same person after it."""
    return n == 1 and pattern[:2] == (Role.SURNAME, Role.GIVEN) and doc.gap(k).strip() == "," and "\n" not in doc.gap(k)


def _block(doc: TextView, k: int, entity: int, role: str) -> tuple[int, list[Hit]] | None:
    """Match one name part (possibly several words) of `entity` starting at word k: the longest the
    text holds, when forms of the name cut the part differently (Yoon Suk-yeol's given name is *Suk*
    in one form and *Suk Yeol* in another: "Yoon Suk-yeol" is all three words)."""
    starts = [hit for hit in doc.entity_hits(k, entity) if hit.posting.role == role and hit.posting.pos == 0]
    if len(starts) > 1:
        starts.sort(key=lambda hit: -hit.posting.length)  # (stable: equal lengths keep their order)
    for hit in starts:
        p = hit.posting
        chosen = [hit]
        ok = True
        for t in range(1, p.length):
            j = k + t
            if j >= len(doc.words) or chosen[-1].end < len(doc.words[j - 1].text) or not _inner_join(doc, j):
                ok = False
                break
            nxt = [h for h in doc.entity_hits(j, entity) if h.posting[1:4] == (role, t, p.length)]
            if not nxt:
                ok = False
                break
            chosen.append(max(nxt, key=lambda h: h.score))
        if ok:
            return k + p.length, chosen
    return None


def _initial_of(word: str, part: Role, initials: tuple[str, ...]) -> bool:
    """Is an initial of the text (S., Ш., Sh.) the initial of one of a person's given names (`part`
    GIVEN) or patronymics (PATRONYMIC)? The name's may be longer: S. is Shavkat's, Ш. is not Ziroat's;
    `initials` are written role letter first (Gsh, Pm)."""
    mine = part.value + initial_key(skeleton(word))
    return len(mine) > 1 and any(initial.startswith(mine) for initial in initials)


def _inner_join(doc: TextView, j: int) -> bool:
    """May word j continue a name part of several words: after a plain gap, or after an initial
    (the listed middle initials of George H. W. Bush)?"""
    return doc.inner_gap(j) or (doc.is_initial(j - 1) and doc.initial_gap(j))


Block = tuple[int, list[Hit]]  # (word after the block, hits of its words)


def parse_person(doc: TextView, i: int, entity: int, reach: int | None = None) -> PersonParse | None:
    """The longest name shape of `entity` starting at word i; `reach`: the word no shape of it can
    pass (`detect._by_reach`), where the search stops once a shape gets there."""
    best: PersonParse | None = None
    first_roles = {h.posting.role for h in doc.entity_hits(i, entity) if h.posting.pos == 0}
    blocks: dict[tuple[int, Role], Block | None] = {}  # patterns share their prefixes
    words = (reach if reach is not None else len(doc.words)) - i  # (each part of a shape takes a word or more)
    for pattern in PERSON_PATTERNS:
        if (pattern[0] != Role.INITIAL and pattern[0] not in first_roles) or len(pattern) > words:
            continue
        matched = _match_pattern(doc, i, entity, pattern, blocks)
        if matched is None or not (_firm_enough(matched[1], pattern) or _written_together(doc, i, matched[0])):
            continue
        end, hits = matched
        if pattern[:2] == (Role.SURNAME, Role.GIVEN) and _surname_after(doc, end, entity):
            continue  # "дочь Назарбаева Дарига Назарбаева": the given name goes with the surname after it
        if best is None or end > best.end:
            best = PersonParse(end, Pattern.FULL if len(pattern) > 1 else Pattern.SURNAME, hits, pattern)
            if reach is not None and end >= reach:
                break  # (a later pattern replaces it only when longer)
    return best


def signatures(doc: TextView, i: int, entities: list[int], stop: int) -> list[Hashable]:
    """Everything `parse_person` reads of each of these entities (sorted) when a parse starting at
    word i cannot reach word `stop` (exclusive; the reach's word itself counts, for `_surname_after`):
    its hits in each word but for the posting's entity and form number (`WordHits.hit_keys`), what its
    initials say of the text's initials and its connector words of the text's gaps that are words,
    whether it needs a suffix or lists a patronymic, and whether a patronymic-like word there is its
    father's name.

    Entities with one signature have one parse, up to which entity the hits' postings name, and the
    same summary: at a million persons a common full name is shared by a hundred people, and one
    parse then serves them all (`detect._person_parses`). Read for all of them at once, from the
    packed postings; namesakes' initials and connector words differ, but count only where the text
    has an initial or a word between two parts of a name."""
    wanted = numpy.asarray(entities, dtype=numpy.int64)
    read: dict[int, list[Hashable]] = {}  # (a word written twice, Bakyt Bakyt uulu, is read once)
    words = []
    for k in range(i, stop):
        word = doc.hits(k)
        if id(word) not in read:
            read[id(word)] = word.hit_keys(wanted)
        words.append(read[id(word)])
    # (flags by entity number: the facts of a hundred namesakes are scattered through memory)
    flags = doc.index.entity_flags()
    lists = flags.patronymic[wanted]
    needs_suffix, listed = flags.suffix[wanted].tolist(), lists.tolist()
    # (what `_match_pattern` asks of an entity's initials, and `_join_ok` of its connector words)
    initials = [doc.words[k].text for k in range(i, stop) if doc.is_initial(k)]
    gaps = [
        tuple(skeleton(word) for word in connectors)
        for k in range(i + 1, stop)
        if not doc.plain_gap(k) and (connectors := _gap_words(doc.gap(k)))
    ]
    facts = [doc.index.entities[entity] for entity in entities] if initials or gaps else []
    # (whose father a patronymic-like word names, asked of those who list a patronymic)
    fathers = [
        fathers_named(doc, doc.words[k].text, wanted, lists).tolist()
        for k in range(i, stop)
        if listed and PATRONYMIC_RE.search(doc.words[k].text)
    ]
    # (per entity, only what the text makes it read: a namesake's thousands are keyed here at once)
    hits = list(zip(*words, strict=True))
    nothing = [()] * len(entities)
    read_initials = (
        [
            tuple(
                (_initial_of(w, Role.GIVEN, f.initials), _initial_of(w, Role.PATRONYMIC, f.initials)) for w in initials
            )
            for f in facts
        ]
        if initials
        else nothing
    )
    read_gaps = [tuple(all(word in f.connectors for word in gap) for gap in gaps) for f in facts] if gaps else nothing
    read_fathers = list(zip(*fathers, strict=True)) if fathers else nothing
    return list(zip(hits, read_initials, read_gaps, needs_suffix, listed, read_fathers, strict=True))


def fathers_named(doc: TextView, word: str, wanted: numpy.ndarray, lists: numpy.ndarray) -> numpy.ndarray:
    """`fathers_name` of many, as a boolean array: per entity of `wanted` (sorted, each once), does it
    list a patronymic (`lists`, from the entity flags) whose father's name the word is made from."""
    named = numpy.zeros(len(wanted), dtype=bool)
    hits = _fathers_hits(doc, word)
    if hits is not None and lists.any():
        named[lists] = hits.role_mask(Role.PATRONYMIC, wanted[lists], unless=Method.FUZZY)
    return named


def _surname_after(doc: TextView, k: int, entity: int) -> bool:
    """Is word k, right after the previous one, a surname of `entity`?"""
    return (
        k < len(doc.words)
        and doc.plain_gap(k)
        and any(h.posting.role == Role.SURNAME and h.posting.pos == 0 for h in doc.entity_hits(k, entity))
    )


def _match_pattern(
    doc: TextView, i: int, entity: int, pattern: tuple[Role, ...], blocks: dict[tuple[int, Role], Block | None]
) -> tuple[int, list[Hit | None]] | None:
    """Match the parts of one pattern in order from word i: (word after the name, hits) or None."""
    facts = doc.index.entities[entity]
    k = i
    hits: list[Hit | None] = []
    prev_initial = False
    for n, role in enumerate(pattern):
        if k >= len(doc.words):
            return None
        if n and (
            not (_join_ok(doc, k, entity, prev_initial) or _catalogue_comma(doc, k, pattern, n))
            or (hits[-1] and hits[-1].end < len(doc.words[k - 1].text))
        ):
            return None
        prev_initial = role == Role.INITIAL
        if prev_initial:
            # The first initial is the given name's, a second the patronymic's (Э. Рахмон is Emomali,
            # not his daughter Ozoda Emomalievna).
            part = Role.PATRONYMIC if {Role.INITIAL, Role.GIVEN} & set(pattern[:n]) else Role.GIVEN
            if not doc.is_initial(k) or not _initial_of(doc.words[k].text, part, facts.initials):
                return None
            hits.append(None)
            k += 1
            if k < len(doc.words) and doc.gap(k) == ".-" and doc.is_initial(k):
                hits.append(None)  # К.-Ж.: the initials of a hyphenated given name (Kassym-Jomart)
                k += 1
            continue
        if (k, role) not in blocks:
            blocks[(k, role)] = _block(doc, k, entity, role)
        block = blocks[(k, role)] or _unlisted_patronymic(doc, k, entity, role, hits)
        if block is None:
            return None
        k, block_hits = block
        hits.extend(block_hits)
        prev_initial = doc.is_initial(k - 1)  # a listed initial (George W. Bush) joins like one
    return k, hits


def _unlisted_patronymic(doc: TextView, k: int, entity: int, role: Role, hits: list[Hit | None]) -> Block | None:
    """A patronymic the gazetteer does not list (Akylbek Usenbekovich Japarov), recognised by its
    ending; when the gazetteer lists one, a different patronymic is another person's (a namesake's
    father differs)."""
    word = doc.words[k].text
    if role != Role.PATRONYMIC or not PATRONYMIC_RE.search(word):
        return None
    if doc.index.entities[entity].patronymic_listed and not fathers_name(doc, word, entity):
        return None
    posting = hits[-1].posting if hits and hits[-1] else _NO_POSTING
    return k + 1, [Hit(posting, UNLISTED_PATRONYMIC, Method.FUZZY, word, len(word), False)]


def fathers_name(doc: TextView, word: str, entity: int) -> bool:
    """Is the patronymic's stem the father's name of a listed patronymic (Sharipovich, Шарипович
    for the listed Шарип уулу: one father, written in another language's custom)?"""
    hits = _fathers_hits(doc, word)
    # Only this entity's postings are unpacked: a common father's name has thousands of holders.
    return hits is not None and any(
        h.posting.role == Role.PATRONYMIC and h.method != Method.FUZZY for h in hits.of(entity)
    )


def fathers_name_holders(doc: TextView, word: str, among: frozenset[int]) -> frozenset[int]:
    """Those of `among` of whom `fathers_name` holds, all at once (from the packed postings: asked of
    everyone who may reach past the patronymic, thousands at a million persons, while the word's
    father's name may be thousands of people's)."""
    hits = _fathers_hits(doc, word)
    return hits.role_members(Role.PATRONYMIC, among, unless=Method.FUZZY) if hits is not None else frozenset()


def _fathers_hits(doc: TextView, word: str) -> WordHits | None:
    """The hits of the father's name a patronymic-like word is made from (Sharipovich: Sharip)."""
    stem = PATRONYMIC_RE.sub("", word)
    if word[-3:].lower() in ("вич", "вна"):
        stem = stem[:-1] if stem[-1:].lower() in "оеё" else stem  # Шарип-ович
    return doc.index.word_hits(stem, None) if len(stem) > 2 else None


def _by_edits_only(hits: Sequence[Hit | None]) -> bool:
    """Was every word of a shape (initials aside) matched by edit distance alone? Such a shape is no
    alias phrase (`parse_alias`) and no name without its surname (`_firm_enough`)."""
    return all(h is None or h.method == Method.FUZZY for h in hits)


def _firm_enough(hits: list[Hit | None], pattern: tuple[Role, ...]) -> bool:
    """Weak hits (short fuzzy matches, consonants only) complete a name next to a firm word, or
    together (two consonant matches), but never make a bare surname. A name without its surname
    (given name and patronymic) needs a word matched otherwise than by edit distance: given names and
    fathers' names are shared by many, and "Саката Мирмон" (each within an edit of Shavkat
    Mirziyoyev's Savkat and Миромон) is nobody's."""
    if Role.SURNAME not in pattern and _by_edits_only(hits):
        return False
    weak = [h for h in hits if h is not None and h.weak]
    if not weak:
        return True
    firm = any(h is not None and not h.weak for h in hits)
    return len(pattern) >= 2 and (firm or _named_by_consonants(weak))


def _written_together(doc: TextView, i: int, end: int) -> bool:
    """Are words i to `end` (exclusive), two or more, one word of the text that a gazetteer's form cut
    (a Chinese or Korean name, surname and given name written together: 蔡奇, 리창)? Each part alone
    is too short to be firm (a syllable is as often a word), but the whole is the form as written."""
    return (
        end - i >= 2
        and all(doc.gap(k) == "" for k in range(i + 1, end))
        and all(_unspaced_name_word(doc.words[k].text) for k in range(i, end))
    )


def _unspaced_name_word(text: str) -> bool:
    """Is the word of the scripts whose names the gazetteer's forms cut (Han, Hangul)?"""
    return has_han(text) or has_hangul(text)


def parse_alias(doc: TextView, i: int, hit: Hit) -> tuple[int, list[Hit]] | None:
    p = hit.posting
    gaps = doc.index.alias_gaps[p.ref]
    chosen = [hit]
    for t in range(1, p.length):
        j = i + t
        if j >= len(doc.words) or chosen[-1].end < len(doc.words[j - 1].text):
            return None
        gap = doc.gap(j)
        expected = gaps[t]
        if expected:
            if skeleton(gap) != expected or any(c in gap for c in '.,;:!?()«»"\n'):
                return None
        elif not (doc.inner_gap(j) or (gap.strip(" ()") == "" and gap.count("\n") == 0)):
            return None  # "Landau (Pfalz)": brackets inside an alias
        nxt = [h for h in doc.hits(j).aliases() if h.posting.ref == p.ref and h.posting.pos == t]
        if not nxt:
            return None
        chosen.append(max(nxt, key=lambda h: h.score))
    if any(h.weak and not long_consonant_hit(doc, i + t, h) for t, h in enumerate(chosen)):
        return None
    if _by_edits_only(chosen):
        # An alias (country names in every CLDR locale, abbreviations) is not found by edit distance
        # alone: one edit from a country name is its adjective (American, Turkmen), and the spellings
        # of other languages are aliases of their own. A fuzzy word beside a firm one of the same
        # alias still counts (den Vereinigten Staaten).
        return None
    tail = doc.index.alias_tails[p.ref]
    if tail and tail_end(doc, i + p.length - 1, tail) < 0:
        return None
    return i + p.length, chosen


def tail_end(doc: TextView, k: int, tail: str) -> int:
    """Where the alias's trailing lowercase words end if they come right after word k, else -1."""
    end = doc.words[k].end
    after = doc.text[end : end + len(tail) + 2]
    stripped = after.lstrip()
    if not fold(stripped).startswith(fold(tail)):
        return -1
    return end + (len(after) - len(stripped)) + len(tail)
