"""Rules that read a candidate's neighbours: is the surname part of someone else's name?

A surname after an unknown capitalised word is usually someone else's full name (G‘ayrat Karimov),
unless case agreement or a noun rules that out (Визит Арипова, Администрация Трампа); a short
surname before an unknown word may be another person's (Lu Kang); a word inside a capitalised
hyphenated compound is not a name (Gore-Tex); a misspelt given name of the person is theirs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from c5names.index import NameIndex
from c5names.index.postings import WordHits
from c5names.lexicon import is_relational_noun, is_title_or_function_word, is_title_word
from c5names.match.candidates import Found, Option, entities_in_order, ranks
from c5names.match.view import TextView
from c5names.model import Method, Pattern, Role
from c5names.scoring import (
    GIVEN_NAME_SIMILARITY,
    LISTED_GIVEN_NAME_SIMILARITY,
    UNLISTED_GIVEN_NAME,
    unlisted_given_name_weight,
)
from c5names.text.hangul import has_hangul
from c5names.text.hangul import readings as hangul_readings
from c5names.text.inflection import endings_for, is_hyphenated_article, split_apostrophe_suffix
from c5names.text.keys import skeleton


def inside_compound(doc: TextView, first: int, end: int) -> bool:
    """Does a match from word `first` to word `end - 1` sit inside a hyphenated compound whose other
    part is an unknown capitalised word?"""
    neighbours = []
    if doc.hyphen_gap(first):
        neighbours.append(first - 1)
    if doc.hyphen_gap(end):
        neighbours.append(end)
    return any(
        doc.words[k].text[:1].isupper() and not doc.hits(k) and not is_hyphenated_article(doc.words[k].text)
        for k in neighbours
    )


SHORT_SURNAME = 4


def followed_by_other_name(doc: TextView, k: int, entities: AbstractSet[int]) -> bool:
    """Lu Kang, Gor Sargsyan: a short surname right before an unknown capitalised word is another
    person's given name or a name in surname-first order."""
    if not doc.plain_gap(k) or "\n" in doc.gap(k):
        return False
    word = doc.words[k]
    if len(word.text) < 3 or not word.text.istitle() or is_title_or_function_word(word.text):
        return False
    return not known_word(doc.hits(k), entities)


def closest_given_name(
    index: NameIndex, word: str, entities: Iterable[int], least: float = GIVEN_NAME_SIMILARITY
) -> tuple[float, int] | None:
    """(similarity, entity) of the entity among `entities` whose given name the word most resembles,
    if it resembles one enough (`least`: by default `scoring.GIVEN_NAME_SIMILARITY`)."""
    facts = index.entities
    owners: list[int] = []
    givens: list[str] = []
    for entity in entities:
        for given in facts[entity].given_keys:
            owners.append(entity)
            givens.append(given)
    # One call compares them all (a common surname's holders are thousands at a million persons); of
    # equally close ones, the first is taken. The threshold is applied here, not as rapidfuzz's
    # score_cutoff, which turns it into a distance and refuses a similarity of exactly 0.6 (قاسم, "ksm",
    # is 0.6 from Kasim).
    best = process.extractOne(skeleton(word), givens, scorer=Levenshtein.normalized_similarity)
    if has_hangul(word):  # (a foreign given name in Hangul, 카심조마르트: as its readings spell it)
        for reading in (text for text, end in hangul_readings(word) if end == len(word)):
            found = process.extractOne(skeleton(reading), givens, scorer=Levenshtein.normalized_similarity)
            if found is not None and (best is None or found[1] > best[1]):
                best = found
    return (best[1], owners[best[2]]) if best is not None and best[1] >= least else None


def take_unlisted_given_name(doc: TextView, item: Found) -> None:
    """Şevket Mirziyoyev, شوکت میرضیایف: an unknown word before a surname that resembles the person's
    own given name is that given name in another spelling, not someone else's; the mention then
    covers both words. A word written exactly as someone else's given name is listed must be closer to
    the person's (`scoring.LISTED_GIVEN_NAME_SIMILARITY`): "Aibek Osmonov" is not Damirbek Osmonov,
    whatever -bek the two names share. A word only read as one (a transliteration: Алии, Aliya's
    genitive, read as Ali) is not held to it."""
    prev = doc.words[item.first - 1]
    listed = any(h.posting.role == Role.GIVEN and h.method == Method.EXACT for h in doc.hits(item.first - 1).all())
    least = LISTED_GIVEN_NAME_SIMILARITY if listed else GIVEN_NAME_SIMILARITY
    closest = closest_given_name(doc.index, prev.text, entities_in_order(item.options), least)
    if closest is None:
        return
    similarity, entity = closest
    option = item.options[ranks(item.options)[entity]]
    item.start = prev.start
    item.first -= 1
    item.keys = (skeleton(prev.text), *item.keys)
    item.pattern = Pattern.FULL
    item.other_person = False
    score = round(UNLISTED_GIVEN_NAME * unlisted_given_name_weight(similarity) * option.score, 3)
    item.options = [Option(option.entity, score, Method.FUZZY, option.form)]


def preceded_by_other_name(doc: TextView, i: int, entities: AbstractSet[int]) -> bool:
    """A surname right after an unknown capitalised word is someone else's full name (G‘ayrat Karimov)."""
    if not doc.plain_gap(i) or "\n" in doc.gap(i):
        return False
    prev = doc.words[i - 1]
    if not prev.text[:1].isupper() and not prev.text[:1].istitle():
        return False  # without letter case (a caseless script, text written in lowercase), it says nothing
    if doc.is_initial(i - 1) or is_title_or_function_word(prev.text):
        return False
    if split_apostrophe_suffix(prev.text):
        return False  # a declined word (Astana’da, Putin's) is no one's given name
    if prev.text.isupper() and len(prev.text) > 1:
        return False
    if _cannot_agree_in_case(doc, i, entities) or is_relational_noun(prev.text):
        return False  # Визит Арипова, Администрация Трампа: a visit, an administration, not a person
    if _after_a_title(doc, i):
        return False  # Аким Шымкента Сыздыкбеков: the akim of Shymkent, not a person called Шымкента
    return not known_word(doc.hits(i - 1), entities)


def known_word(hits: WordHits, entities: AbstractSet[int]) -> bool:
    """Is a word part of one of these entities' names, or an alias as written? A word within an edit
    of an alias is not an alias (see `shapes.parse_alias`): Kang or Malakyan near a country's name in
    some language is still an unknown word."""
    return any(h.method != Method.FUZZY for h in hits.aliases()) or bool(hits.entities() & entities)


# Russian (and the languages declined as it is) completes a title with a noun in the genitive right
# before the name: "Аким Шымкента Сыздыкбеков", "Пресс-секретарь Кремля Песков", "Хоким Ташкента
# Умурзаков". Between a title and a surname in the nominative (ending in a consonant), a word ending as
# a genitive singular does is read as that complement, not as the surname's given name: a given name
# stands in its surname's case, and a nominative given name ends so only in a few men's names (Никита,
# Илья), a risk taken only right after a title.
_GENITIVE_END = re.compile(r"[аяыи]$", re.IGNORECASE)


def title_word_before(text: str, start: int) -> str | None:
    """The run of characters (no space) right before `start` with one space between, when it ends in a
    title word: its letters after a hyphen, if any, as spaCy's tokens of it end (секретаря of
    пресс-секретаря), so that the linker and the component ask the same word. The run is returned
    whole (the chunk that follows takes it in: `detect._chunk_candidates`)."""
    if start < 2 or text[start - 1] != " " or text[start - 2].isspace():
        return None
    run = text[max(0, start - 40) : start - 1].split()[-1]
    last = run.rsplit("-", 1)[-1]
    return run if last.isalpha() and is_title_word(last) else None


def _after_a_title(doc: TextView, i: int) -> bool:
    """Does a title stand right before word i-1 (`title_word_before`; it may be lowercase, so no word of the
    view), which completes it before the surname at i (`completes_a_title`)?"""
    prev = doc.words[i - 1]
    run = title_word_before(doc.text, prev.start)
    return run is not None and completes_a_title(run.rsplit("-", 1)[-1], prev.text, doc.words[i].text, doc.lang)


def completes_a_title(title: str, word: str, surname: str, lang: str | None) -> bool:
    """Is `word`, between a title and a surname (one space each side), the title's complement in the
    genitive rather than the surname's given name (Аким Шымкента Сыздыкбеков)? Asked by the linker
    (`preceded_by_other_name`) and by the component of the same three words."""
    if (lang or "").split("-")[0] in TURKIC:
        return False
    lower = surname.lower()
    return (
        _GENITIVE_END.search(word) is not None
        and _NOMINATIVE_ONLY_END.search(surname) is not None
        and not lower.endswith(_OBLIQUE_ENDINGS)
        and is_title_word(title)
    )


# Russian, Ukrainian and Belarusian given names take a vowel ending in every oblique case but the
# instrumental (Шавката, Шавкату, Марии; Шавкатом), so a word ending in a consonant or й cannot be the
# given name of a surname in the genitive: "Визит Арипова" is a visit, not a person called Визит.
_NOMINATIVE_ONLY_END = re.compile(r"[бвгджзклмнпрстфхцчшщй]$", re.IGNORECASE)


# A given name and surname stand in the same case: a declined surname with one of these endings
# (dative Бакиеву, Циню; instrumental Бакиевым, Цинем; a woman's oblique Кулибаевой; prepositional Бакиеве)
# follows a given name with one of the paired endings (Максиму, Игорю, Никите; Максимом, Никитой;
# Динары, Динаре, Динарой; Максиме, Марии). "Телеграмма Бакиеву", "Телеграмма Кулибаевой": a telegram,
# not a person called Телеграмма. The genitive (Бакиева, like the nominative of a woman's surname) is
# shared with too many given-name endings (Максима, Юрия, Никиты) to rule anything out.
_OBLIQUE_AGREEMENT: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("у", "ю"), ("у", "ю", "е", "и")),
    (("ым", "им", "ом", "ем", "ём"), ("ом", "ем", "ём", "ой", "ей", "ёй", "ою", "ею")),
    (("ой", "ей"), ("ы", "и", "е", "ой", "ей", "ёй", "ою", "ею", "ью")),
    (("е",), ("е", "и")),
)
_OBLIQUE_ENDINGS = tuple(case for cases, _given in _OBLIQUE_AGREEMENT for case in cases)


# Turkic languages decline only the last word of a name (Садыр Жапаровдун), so a word before a
# surname that carries a case ending is not its given name: "Бишкекте Токаев менен" (in Bishkek).
TURKIC = frozenset({"az", "ba", "kk", "ky", "tk", "tr", "tt", "uz"})


_GIVEN_NAME_LOOKALIKE = re.compile(r"(?:зада|зода|заде|zada|zoda|zade)$")


def _cannot_agree_in_case(doc: TextView, i: int, entities: AbstractSet[int]) -> bool:
    """Is the word before surname i ruled out as its given name by its case ending?"""
    before = doc.words[i - 1].text
    if (doc.lang or "").split("-")[0] in TURKIC:
        lower = before.lower()
        if _GIVEN_NAME_LOOKALIKE.search(lower) or doc.hits(i - 1).role_entities(
            Role.GIVEN,
        ):
            return False  # Айзада, Гүлзада: given names that end like a case; or a known given name
        return any(
            len(ending) >= 2 and lower.endswith(ending) and len(lower) - len(ending) >= 4
            for ending in endings_for(doc.lang)
        )
    # Russian: the word has the ending of no given name declined as the surname is, and the surname is
    # declined (matched through a case ending; asked last, as a common surname has many holders).
    surname, word = doc.words[i].text.lower(), before.lower()
    given = next((given for case, given in _OBLIQUE_AGREEMENT if surname.endswith(case)), None)
    # (Нурланом Бакиевым agree: a consonant ends both)
    agrees = word.endswith(given) if given is not None else not _NOMINATIVE_ONLY_END.search(before)
    if agrees:
        return False
    declined = False
    for entity in entities:
        for hit in doc.entity_hits(i, entity):
            if hit.posting.role == Role.SURNAME:
                if hit.method != "inflected":
                    return False
                declined = True
    return declined
