"""Find candidate name spans in text: runs of capitalised words whose keys the index knows,
assembled into the shapes names take (`shapes`), checked against their neighbours (`context`).

Each distinct word is looked up once (cached in the index), and a run of words ("chunk") that a name
could span is parsed once per corpus (chunk cache), so the cost per document does not depend on
the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from functools import lru_cache
from itertools import repeat
from operator import attrgetter, itemgetter

import numpy

from c5names.index import NameIndex
from c5names.index.postings import Hit, Singles, WordHits, sorted_unique
from c5names.lexicon import is_title_or_function_word
from c5names.match.candidates import (
    BareSurnames,
    Found,
    Holders,
    Option,
    Options,
    Parse,
    entities_of,
    full_name_score,
    summarise,
)
from c5names.match.context import (
    SHORT_SURNAME,
    followed_by_other_name,
    inside_compound,
    preceded_by_other_name,
    take_unlisted_given_name,
    title_word_before,
)
from c5names.match.segment import APOS_CLASS, Word, segment
from c5names.match.shapes import (
    PATRONYMIC_RE,
    fathers_name_holders,
    fathers_named,
    parse_alias,
    parse_person,
    signatures,
    tail_end,
)
from c5names.match.view import TextView, caps_of
from c5names.model import Method, Pattern, Role
from c5names.scoring import MISSING_SUFFIX
from c5names.text.han import NAME_DOTS
from c5names.text.keys import is_caseless, skeleton

_JOINABLE_GAP = re.compile(rf"^(?:[\s.\-(){NAME_DOTS}\u200c]*|\s*,\s*|[\s.]*(?:[^\W\d_]+[{APOS_CLASS}\-]?\s*){{1,3}})$")


CHUNK_CACHE_SIZE = 200_000


TAIL_CONTEXT = 40
_SCORE = itemgetter(1)  # an Option's score


@lru_cache(maxsize=8192)  # gaps repeat (" ", ", ", " and "), and this runs between every two words
def _joinable(gap: str) -> bool:
    """Could a name continue across this gap (space, hyphen, initial's dot, a connector word)?"""
    return len(gap) <= 16 and gap.count("\n") <= 1 and bool(_JOINABLE_GAP.match(gap))


def find(
    index: NameIndex, text: str, lang: str | None = None, regions: Sequence[tuple[int, int]] | None = None
) -> tuple[list[Found], list[Word]]:
    """Candidate mentions, left to right, longest first, never overlapping.

    The text is cut into chunks (runs of words that a name could span); a chunk's candidates depend
    only on its own text, so they are cached: a name seen once in a corpus costs a dictionary lookup
    afterwards.
    """
    words = segment(text, regions, index.han, hangul=index.hangul)
    found: list[Found] = []
    caps_memo: dict[int, bool] = {}
    memo = _word_facts_memo(index, lang)
    n = len(words)
    k = 0
    while k < n:
        j = k
        while j + 1 < n and _joinable(text[words[j].end : words[j + 1].start]):
            j += 1
        facts = [memo.get(w.text) or _word_facts(index, w.text, lang) for w in words[k : j + 1]]
        # Worth parsing: a word the index knows, or an initial (J., Sh.).
        if any(known for known, _ in facts) or any(
            len(w.text) <= 2 and text[w.end : w.end + 1] == "." for w in words[k : j + 1]
        ):
            tailed = any(tail for _, tail in facts)
            found.extend(_chunk_candidates(index, text, words, k, j, lang, caps_memo, tailed))
        k = j + 1
    return found, words


def someone_elses_surname(index: NameIndex, given: str, surname: str, lang: str | None = None) -> bool:
    """Is a surname, written right after this word with one space between, someone else's full name
    and nothing else ("Peter Baker": Baker is James Baker's surname, Peter no given name of his; "Павел
    Лебедев")? Read as `find` reads the two words alone: one candidate, a bare surname, that the rules
    of its neighbours (`context.preceded_by_other_name`, and `take_unlisted_given_name`, which would
    have taken a misspelt given name of the person's) leave as another person's, which resolution
    never links. The surname may be no word of an alias phrase (which the words after it could
    complete). The words before the two cannot change this: the rule reads only the word before the
    surname, unless that word is part of a candidate itself, which needs a name word near it.
    The component reads such a surname only if its person is linked elsewhere in the document."""
    return _may_be_a_given_name(given) and read_as_someone_elses(index, given, surname, lang)


def read_as_someone_elses(index: NameIndex, given: str, surname: str, lang: str | None = None) -> bool:
    """`someone_elses_surname` as `find` answers it on the two words alone, asked of any token."""
    if index.word_hits(surname, lang).aliases():
        return False
    found, words = find(index, f"{given} {surname}", lang)
    return (
        len(words) == 2
        and len(found) == 1
        and found[0].pattern == Pattern.SURNAME
        and found[0].first == found[0].last == 1
        and found[0].other_person
    )


def _may_be_a_given_name(word: str) -> bool:
    """Can `find` read this token as the unknown given name before a surname (`context.preceded_by_
    other_name`)? Not without a letter (a comma, a quote: no word at all), nor a word of letters that
    does not open with a capital, or is a title or a function word. Asked first: the component asks
    `someone_elses_surname` of the token before every surname, and most are such tokens (", Niyazov",
    "to Abdyldaev", "For Izmuhambetov"), which a whole `find` on the two words answered the same way,
    at a tenth of a cold pass over news. A token mixing letters and other marks is left to `find`."""
    if not any(c.isalpha() for c in word):
        return False
    capitalised = word[:1].isupper() or word[:1].istitle()
    return not word.isalpha() or (capitalised and not is_title_or_function_word(word))


def _word_facts_memo(index: NameIndex, lang: str | None) -> dict[str, tuple[bool, bool]]:
    """The language's memo of `_word_facts` (emptied, with the others, past CHUNK_CACHE_SIZE words)."""
    memo = index.word_facts_cache.get(lang)
    if memo is None:
        memo = index.word_facts_cache[lang] = {}
    return memo


def _word_facts(index: NameIndex, word: str, lang: str | None) -> tuple[bool, bool]:
    """(does the index know the word, does an alias phrase it belongs to have a lowercase tail), memoised
    per word and language: find asks both of every word of every chunk."""
    memo = _word_facts_memo(index, lang)
    facts = memo.get(word)
    if facts is None:
        if sum(map(len, index.word_facts_cache.values())) > CHUNK_CACHE_SIZE:
            index.word_facts_cache.clear()
            memo = _word_facts_memo(index, lang)
        hits = index.word_hits(word, lang)
        tail = any(index.alias_tails[h.posting.ref] for h in hits.aliases())
        facts = memo[word] = (bool(hits), tail)
    return facts


def _chunk_candidates(
    index: NameIndex,
    text: str,
    words: list[Word],
    k: int,
    j: int,
    lang: str | None,
    caps_memo: dict[int, bool],
    tailed: bool,
) -> list[Found]:
    """The candidates of chunk words[k..j], from the chunk cache or parsed, with offsets into the text.
    `tailed`: does a word of it belong to an alias phrase with a lowercase tail (`_word_facts`)?"""
    chunk = words[k : j + 1]
    start = words[k].start
    if start >= 2 and text[start - 1] == " " and text[start - 2].islower():  # (a lowercase word before it)
        # a lowercase title right before the chunk belongs to its text (no word of it: it is lowercase), so
        # that the chunk's first word can be read as the title's complement (`context.completes_a_title`)
        # and its candidates are cached with it: "аким Шымкента Сыздыкбеков"
        run = title_word_before(text, start)
        if run is not None and run.islower():
            start -= len(run) + 1
    end = words[j].end + (1 if text[words[j].end : words[j].end + 1] in {".", ")"} else 0)
    if tailed:
        end = min(len(text), words[j].end + TAIL_CONTEXT)  # "République kirghize"
    caps = any(len(w.text) <= 3 and w.text.isupper() for w in chunk) and caps_of(text, start, caps_memo)
    lowercase = words[k].text[:1].islower()  # a chunk of a paragraph written in lowercase
    key = (text[start:end], lang, caps, lowercase)
    relative = index.chunk_cache.get(key)
    if relative is None:
        view = TextView(index, key[0], lang, caps, limit=j - k + 1, lowercase=lowercase)
        relative = _find_in(view)[0]
        index.chunk_cache.put(key, relative, 1 + sum(len(f.options) for f in relative))
    return [
        Found(f.start + start, f.end + start, f.pattern, f.options, f.first + k, f.last + k, f.keys, f.other_person)
        for f in relative
    ]


def _find_in(doc: TextView) -> tuple[list[Found], list[Word]]:
    """Candidate mentions of one chunk (or of any text), with offsets relative to it: at each word the
    longest parses win, and the next search starts after them."""
    found: list[Found] = []
    i = 0
    n = len(doc.words)
    while i < n:
        parses = _parses_at(doc, i)
        if not parses:
            i += 1
            continue
        longest = max(p.end for p in parses)
        if inside_compound(doc, i, longest):
            # Gore-Tex is not Gore; but Mirziyoyev-led and Tokayev-Putin talks name people.
            i += 1
            continue
        item = _candidate(doc, i, [p for p in parses if p.end == longest])
        _check_neighbours(doc, item, found)
        found.append(item)
        i = longest
    return found, doc.words


def _parses_at(doc: TextView, i: int) -> list[Parse | BareSurnames]:
    """Every way a person's name or an alias phrase may start at word i."""
    starts = doc.hits(i)
    initial = doc.is_initial(i)
    if not starts and not initial:
        return []
    return [*_person_parses(doc, i, starts, initial), *_alias_parses(doc, i, starts)]


def _starting_persons(doc: TextView, i: int, starts: WordHits, initial: bool) -> set[int] | numpy.ndarray:
    """Entities whose name may start at word i: a bare surname alone, a multi-word shape only when the
    entity is in the next word too (or in the one after an unlisted patronymic: Akylbek Usenbekovich
    Japarov); after an initial, whoever has a surname in the next two words. A set, or of a common
    given name's leads (MANY_LEADS or more), a sorted array."""
    n = len(doc.words)
    leads, surnames = starts.leads()
    # (who goes on is asked of the next words' postings: a common given name leads thousands of
    # names at a million persons, and so does a common surname follow them)
    following = [i + 1] if i + 1 < n and len(leads) else []
    if following and i + 2 < n and (PATRONYMIC_RE.search(doc.words[i + 1].text) or doc.is_initial(i + 1)):
        following.append(i + 2)  # Akylbek Usenbekovich Japarov, Emomali S. Rahmon
    if len(leads) >= MANY_LEADS and not initial:
        found = [doc.hits(j).members_array(numpy.asarray(leads)) for j in following]
        found.append(surnames)
        return sorted_unique(numpy.concatenate(found))
    entities = set(surnames.tolist())
    for j in following:
        entities |= doc.hits(j).members(leads)
    if initial:
        for j in (i + 1, i + 2):
            if j < n:
                entities.update(doc.hits(j).role_entities(Role.SURNAME))
    return entities


MANY_LEADS = 1024  # leads of a word from which who may start there is kept as an array, not a set


def _person_parses(doc: TextView, i: int, starts: WordHits, initial: bool) -> list[Parse | BareSurnames]:
    """The longest person-name parses at word i, entities tried furthest-reaching first."""
    parses: list[Parse | BareSurnames] = []
    longest_parse = 0
    buckets = _by_reach(doc, i, _starting_persons(doc, i, starts, initial))
    # Namesakes (a common full name is a hundred people's at a million persons) share one parse.
    many = sum(len(bucket) for _, bucket in buckets) >= SHARE_PARSES_FROM
    shared: dict[tuple[int, Hashable], _Summary | None] = {}
    for reach, bucket in buckets:
        if reach < longest_parse:
            break  # only the longest parses are kept, and these entities cannot make one
        if reach == i + 1 and not initial:
            # Nothing after word i can be these entities', so only their one-word surnames can match:
            # found in bulk, since a common surname has thousands of holders in a large gazetteer, and
            # kept as columns (`BareSurnames`), with no tuple made per holder.
            # (asked only here: a common surname's holders are read only when a bare surname may be meant;
            # a bucket of many is searched as the array it is)
            bare = _bare_surnames(doc, i, starts.singles(), bucket)
            if bare is not None:
                longest_parse = max(longest_parse, i + 1)
                parses.append(bare)
            continue
        entities: list[int] = bucket.tolist() if isinstance(bucket, numpy.ndarray) else bucket
        # (a parse that could reach REACH_LIMIT words may go on past them: its signature reads on)
        stop = len(doc.words) if reach >= i + REACH_LIMIT else min(len(doc.words), reach + 1)
        keys = signatures(doc, i, entities, stop) if many else None
        for n, entity in enumerate(entities):
            if reach < longest_parse:
                break  # (a parse past REACH_LIMIT words)
            if keys is None:
                summary = _person_summary(doc, i, entity, reach)
            else:
                key = (reach, keys[n])
                summary = shared.get(key, _UNREAD)
                if summary is _UNREAD:
                    summary = shared[key] = _person_summary(doc, i, entity, reach)
            if summary is not None:
                end = summary[0]
                if end > longest_parse:
                    longest_parse = end
                # (made without the NamedTuple's Python-level __new__: a common full name's namesakes
                # are a hundred parses at a million persons)
                parses.append(_new(Parse, (end, entity, *summary[1:])))
    return parses


def _bare_surnames(doc: TextView, i: int, singles: Singles, entities: list[int] | numpy.ndarray) -> BareSurnames | None:
    """The parses of word i as the one-word surname of those of `entities` (sorted, each once: a list,
    or an array of many) who have one there."""
    picks = singles.positions(entities)
    if not picks:
        return None
    if len(picks) == len(singles):  # (all of them, as when the surname stands alone: the columns as they are)
        held, scores, methods, forms = singles.listed, singles.scores, singles.methods, singles.forms
        ends = singles.ends
    else:
        held = list(map(singles.listed.__getitem__, picks))
        scores = list(map(singles.scores.__getitem__, picks))
        methods = list(map(singles.methods.__getitem__, picks))
        forms = list(map(singles.forms.__getitem__, picks))
        ends = list(map(singles.ends.__getitem__, picks))
    if len(held) <= FEW_ALIVE:  # (a few: from their facts; many: from the index's flags)
        facts = doc.index.entities
        needs = [facts[entity].needs_suffix for entity in held]
    else:
        needs = doc.index.entity_flags().suffix[numpy.asarray(held, dtype=numpy.int64)].tolist()
    if any(needs):
        scores = [score * MISSING_SUFFIX if need else score for score, need in zip(scores, needs, strict=True)]
    last = singles.hit(picks[ends.index(max(ends))])  # (the first that ends furthest)
    return BareSurnames(i + 1, Pattern.SURNAME, held, scores, methods, forms, last)


SHARE_PARSES_FROM = 8  # entities at a word from which namesakes' parses are shared (`signatures`)

# A person parse summarised, without its entity: (end word, pattern, score, method, form, last hit,
# roles). A namesake's `last` is the hit of whoever was parsed for it: what is read of it (where the
# name ends in the word, its form, its role) is the same by the signature.
_Summary = tuple[int, Pattern, float, Method, str, Hit | None, tuple[Role, ...]]
_UNREAD: _Summary = (-1, Pattern.SURNAME, 0.0, Method.EXACT, "", None, ())  # (not yet in `shared`)


def _person_summary(doc: TextView, i: int, entity: int, reach: int) -> _Summary | None:
    """The entity's longest parse at word i, summarised (its score, method and forms)."""
    parsed = parse_person(doc, i, entity, reach)
    if not parsed:
        return None
    score, method, form = summarise(parsed.hits)
    if parsed.pattern == Pattern.FULL:
        score = full_name_score(parsed.hits)
    if doc.index.entities[entity].needs_suffix and Role.SUFFIX not in parsed.roles:
        score *= MISSING_SUFFIX
    return parsed.end, parsed.pattern, score, method, form, parsed.hits[-1], parsed.roles


def _alias_parses(doc: TextView, i: int, starts: WordHits) -> list[Parse]:
    """Alias phrases (country names and the like) that start at word i."""
    parses: list[Parse] = []
    for hit in starts.aliases():
        if hit.posting.pos != 0:
            continue
        parsed = parse_alias(doc, i, hit)
        if parsed:
            end_word, hits = parsed
            score, method, form = summarise(hits)
            entity = hit.posting.entity
            parses.append(Parse(end_word, entity, Pattern.ALIAS, score, method, form, hits[-1], (Role.ALIAS,)))
    return parses


def _candidate(doc: TextView, i: int, chosen: list[Parse | BareSurnames]) -> Found:
    """One candidate mention from the longest parses at word i: each entity's best option, the
    strongest pattern (a full name over an alias over a surname) and the span."""
    end_word = chosen[0].end
    keys = tuple(skeleton(w.text) for w in doc.words[i:end_word])
    if len(chosen) == 1 and isinstance(chosen[0], BareSurnames):
        # A bare surname alone (a common one's thousands of holders): its options stay columns.
        bare = chosen[0]
        holders = Holders.ranked(bare.entities, bare.scores, bare.methods, bare.forms)
        end = _span_end(doc, end_word - 1, bare.last)
        return Found(doc.words[i].start, end, Pattern.SURNAME, holders, i, end_word - 1, keys)
    options: dict[int, Option] = {}
    patterns: set[Pattern] = set()
    lasts: list[Hit] = []
    for parse in chosen:
        patterns.add(parse.pattern)
        if parse.last is not None:
            lasts.append(parse.last)
        if isinstance(parse, BareSurnames):
            # (a common surname's holders: their options made in one pass, without Option's Python-level __new__)
            made = map(_new, repeat(Option), zip(parse.entities, parse.scores, parse.methods, parse.forms, strict=True))
            for option in made:
                if option.entity not in options or options[option.entity].score < option.score:
                    options[option.entity] = option
            continue
        held = options.get(parse.entity)
        if held is None or held.score < parse.score:
            options[parse.entity] = _new(Option, (parse.entity, parse.score, parse.method, parse.form))
    pattern = Pattern.FULL if Pattern.FULL in patterns else chosen[0].pattern
    if Pattern.ALIAS in patterns and pattern != Pattern.FULL:
        pattern = Pattern.ALIAS
    last_hit = max(lasts, key=_END, default=None)
    ranked = Options(sorted(options.values(), key=_SCORE, reverse=True))  # (stable: ties keep their order)
    return Found(doc.words[i].start, _span_end(doc, end_word - 1, last_hit), pattern, ranked, i, end_word - 1, keys)


_new = tuple.__new__
_END = attrgetter("end")  # of a hit


def _span_end(doc: TextView, last_word: int, last_hit: Hit | None) -> int:
    """Where a mention ending at `last_word` ends in the text: the name's end inside the word (an
    apostrophe suffix is left out), a listed form's final dot or bracket, an alias's lowercase tail."""
    text, word = doc.text, doc.words[last_word]
    end = word.start + (last_hit.end if last_hit else len(word.text))
    if last_hit and last_hit.form[-1:] in ".)" and text[end : end + 1] == last_hit.form[-1]:
        end += 1  # an abbreviation's dot (Jr.) or a closing bracket (Landau (Pfalz)) in the gazetteer
    if last_hit and last_hit.posting.role == Role.ALIAS:
        tail = doc.index.alias_tails[last_hit.posting.ref]
        if tail:
            end = max(end, tail_end(doc, last_word, tail))  # "République kirghize"
    return end


def _check_neighbours(doc: TextView, item: Found, found: list[Found]) -> None:
    """A bare surname next to unknown capitalised words may be part of someone else's name."""
    if item.pattern != Pattern.SURNAME:
        return
    i, options = item.first, entities_of(item.options)
    if i > 0 and (not found or found[-1].last < i - 1):
        item.other_person = preceded_by_other_name(doc, i, options)
        if item.other_person or (is_caseless(doc.words[i].text[0]) and doc.plain_gap(i) and "\n" not in doc.gap(i)):
            # Without letter case, an unknown word before a surname may still be the person's own given
            # name in a spelling the gazetteer does not list (شوکت میرضیایف).
            take_unlisted_given_name(doc, item)
    after = item.last + 1  # (the check runs even when the unlisted given name was taken above)
    if len(doc.words[i].text) <= SHORT_SURNAME and after < len(doc.words):
        item.other_person = item.other_person or followed_by_other_name(doc, after, options)


REACH_LIMIT = 8


def _by_reach(
    doc: TextView, i: int, entities: set[int] | numpy.ndarray
) -> list[tuple[int, list[int]]] | list[tuple[int, numpy.ndarray]]:
    """(end word they could reach, entities in order), furthest first: how far from word i each
    entity appears in every word (an initial counts for anyone, an unknown patronymic for anyone who
    lists none). A name cannot extend past that, so once a parse is found, entities that cannot reach
    as far need no parsing (a common given name at 100,000 persons would otherwise be parsed for
    each holder)."""
    if len(entities) > FEW_ALIVE:
        return _by_reach_in_bulk(doc, i, entities)
    buckets: list[tuple[int, list[int]]] = []
    alive = frozenset(entities.tolist() if isinstance(entities, numpy.ndarray) else entities)
    k = i + 1
    while alive and k < min(len(doc.words), i + REACH_LIMIT):
        if not doc.is_initial(k):
            holders = doc.hits(k).members(alive)
            if PATRONYMIC_RE.search(doc.words[k].text):
                holders = holders | _past_patronymic(doc, doc.words[k].text, alive - holders)
            if len(holders) < len(alive):
                buckets.append((k, sorted(alive - holders)))
            alive = holders
        k += 1
    if alive:
        buckets.append((k, sorted(alive)))
    return buckets[::-1]


FEW_ALIVE = 64  # entities from which `_by_reach` keeps them as one sorted array (a common name's holders)


def _by_reach_in_bulk(doc: TextView, i: int, entities: set[int] | numpy.ndarray) -> list[tuple[int, numpy.ndarray]]:
    """`_by_reach` for many entities (a common given name's thousands at a million persons): they are
    kept as one sorted array, and each word tells which of them it holds (`WordHits.members_mask`),
    with no set made of them. The buckets stay arrays: those past the longest parse are never read."""
    buckets: list[tuple[int, numpy.ndarray]] = []
    if isinstance(entities, numpy.ndarray):
        alive = entities  # (sorted, each once: `_starting_persons`)
    else:
        alive = numpy.sort(numpy.fromiter(entities, dtype=numpy.int64, count=len(entities)))
    k = i + 1
    while len(alive) and k < min(len(doc.words), i + REACH_LIMIT):
        if not doc.is_initial(k):
            held = doc.hits(k).members_mask(alive)
            if PATRONYMIC_RE.search(doc.words[k].text) and not held.all():
                held[~held] = _past_patronymic_mask(doc, doc.words[k].text, alive[~held])
            if not held.all():
                buckets.append((k, alive[~held]))
            alive = alive[held]
        k += 1
    if len(alive):
        buckets.append((k, alive))
    return buckets[::-1]


def _past_patronymic(doc: TextView, word: str, rest: frozenset[int]) -> frozenset[int]:
    """Those of `rest`, whom a patronymic-like word does not name, who may still go on past it: the
    word names their father (Sharipovich for a listed Sharip uulu), or they list no patronymic (an
    unlisted one may stand there: Akylbek Usenbekovich Japarov)."""
    facts = doc.index.entities
    return fathers_name_holders(doc, word, rest) | {e for e in rest if not facts[e].patronymic_listed}


def _past_patronymic_mask(doc: TextView, word: str, rest: numpy.ndarray) -> numpy.ndarray:
    """`_past_patronymic` of many (sorted, each once), as a boolean array: read from the entity flags
    and the father's name's postings, with no set made."""
    listed = doc.index.entity_flags().patronymic[rest]
    return ~listed | fathers_named(doc, word, rest, listed)


def find_in_text(index: NameIndex, text: str, lang: str | None = None) -> list[Found]:
    """Candidate mentions in a short text (used by `lookup`), without caching."""
    return _find_in(TextView(index, text, lang))[0]
