"""Words that stand before a name without being part of it: function words, sentence openers,
titles and relational nouns.

"Mr Japarov", "After Tokayev", "Президент Мирзиёев", "Администрация Трампа": a capitalised word right
before a surname is usually someone else's given name ("G‘ayrat Karimov" is not Islam Karimov), but
not when it is one of these. The word lists are data (`data/function_words.yaml`,
`data/sentence_words.yaml`, `data/relational_nouns.yaml`, by language), checked when read. And the
articles (`data/articles.yaml`) after which a capitalised word is a noun, not a bare surname.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from c5names.lexicon.reading import DATA, check_plain, plain, word_lists
from c5names.lexicon.titles import TitlesByLanguage, titles_by_language
from c5names.text.scripts import base_language, language_scripts
from c5names.text.tables import Entry, Table

_VOWELS = "aeiouy"
_CASE_CONSONANTS = ("m", "v", "kh", "ch", "w")  # of -om, -ov, -ami, -akh, -ach, -ów


@dataclass(frozen=True)
class Words:
    """The three word lists, by language."""

    function: dict[str, tuple[str, ...]]
    sentence: dict[str, tuple[str, ...]]
    relational: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def lexicon_words() -> Words:
    """The shipped lists, read and checked once per process."""
    return read_words(DATA / "function_words.yaml", DATA / "sentence_words.yaml", DATA / "relational_nouns.yaml")


def read_words(function: Path, sentence: Path, relational: Path) -> Words:
    """Read and check the lists; a `TableError` names the file, line and entry of each mistake. A
    word in both the function and the sentence words of one language is a duplicate."""
    with Table(function) as table:
        function_words = _plain_lists(table)
    with Table(sentence) as table:
        sentence_words = _plain_lists(table)
        for lang, entries in sentence_words.items():
            listed = {entry.text: entry for entry in function_words.get(lang, [])}
            for entry in entries:
                if entry.text in listed:
                    table.reject(entry, f"also a function word of {lang} ({function.name}:{listed[entry.text].line})")
    with Table(relational) as table:
        nouns = _noun_lists(table)
    return Words(_texts(function_words), _texts(sentence_words), _texts(nouns))


def _plain_lists(table: Table) -> dict[str, list[Entry]]:
    return {
        lang.text: [entry for entry in entries if check_plain(table, entry, one_word=True)]
        for lang, entries in word_lists(table, table.root).items()
    }


def _noun_lists(table: Table) -> dict[str, list[Entry]]:
    """Relational nouns: one word each, and one entry per stem in a language."""
    out: dict[str, list[Entry]] = {}
    for lang, entries in word_lists(table, table.root).items():
        stems: dict[str, Entry] = {}
        for entry in entries:
            stem = _noun_stem(entry.text)
            if not entry.text.isalpha():
                table.reject(entry, "one word of letters only (hyphenated compounds reach the check word by word)")
            elif stem in stems:
                other = stems[stem]
                table.reject(entry, f"same stem {stem!r} as {other.text!r} (line {other.line}): one is enough")
            else:
                stems[stem] = entry
        out[lang.text] = list(stems.values())
    return out


def _texts(lists: dict[str, list[Entry]]) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(entry.text for entry in entries) for lang, entries in lists.items()}


def _noun_stem(word: str) -> str:
    key = plain(word).replace(" ", "")
    return key.rstrip(_VOWELS) or key


def read_articles(path: Path) -> dict[str, frozenset[str]]:
    """The articles by language; a `TableError` names the file, line and entry of each mistake."""
    with Table(path) as table:
        lists = _plain_lists(table)
    return {lang: frozenset(entry.text for entry in entries) for lang, entries in lists.items()}


ARTICLES = read_articles(DATA / "articles.yaml")
_LAST_WORD = re.compile(r"([^\W\d_]+)\s+$")


def after_article(text: str, start: int, lang: str | None) -> bool:
    """Is the word at `start` written right after an article of the text's language (`ARTICLES`:
    "das Ding", "un Dar")? Only the word before, separated by white space, is read."""
    articles = ARTICLES.get(base_language(lang))
    if not articles:
        return False
    before = _LAST_WORD.search(text, max(0, start - 12), start)
    return before is not None and plain(before.group(1)) in articles


_WORDS = lexicon_words()
FUNCTION_WORDS = frozenset(word for lang in _WORDS.function.values() for word in lang)
SENTENCE_WORDS = frozenset(word for lang in _WORDS.sentence.values() for word in lang)
# Each language's function and sentence words together (`is_common_word`), and every language's.
_COMMON = {
    lang: frozenset(_WORDS.function.get(lang, ())) | frozenset(_WORDS.sentence.get(lang, ()))
    for lang in {*_WORDS.function, *_WORDS.sentence}
}
_ALL_COMMON = FUNCTION_WORDS | SENTENCE_WORDS
# Nouns that stand before a person's name in the genitive in Slavic languages, in their own alphabets.
RELATIONAL_NOUNS = _WORDS.relational
_RELATIONAL_STEMS = frozenset(_noun_stem(w) for nouns in RELATIONAL_NOUNS.values() for w in nouns)


def _one_word_titles(by_language: TitlesByLanguage) -> tuple[str, ...]:
    """Words that end a title: the one-word titles, and the head word that ends a longer one (Devlet
    Başkanı, Dışişleri Bakanı, Baş nazir, Сенат төрағасы), which stands right before the name. A
    language written in Chinese characters has no such head word: the plain reading of its titles is
    one syllable a character (首相, shou xiang: xiang alone is no title)."""
    words: dict[str, None] = {}
    for lang, kinds in by_language.items():
        syllables = "CJK" in (language_scripts(lang) or frozenset())
        for titles in kinds.values():
            for title in titles:
                head = title.rsplit(" ", 1)[-1]
                if " " not in title or (len(head) >= 5 and not syllables):
                    words[head] = None
    return tuple(words)


_ONE_WORD_TITLES = _one_word_titles(titles_by_language())


@lru_cache(maxsize=50_000)
def is_relational_noun(word: str) -> bool:
    """Is the word one of RELATIONAL_NOUNS, in any case form? Its vowels at the end are dropped, and
    for stems of four letters or more a case consonant too (сторонниками, визитов); a shorter stem
    would reach given names (Матвей is not мать)."""
    stem = _noun_stem(word)
    if stem in _RELATIONAL_STEMS:
        return True
    for ending in _CASE_CONSONANTS:
        shorter = stem[: -len(ending)].rstrip(_VOWELS) if stem.endswith(ending) else ""
        if len(shorter) >= 4 and shorter in _RELATIONAL_STEMS:
            return True
    return False


@lru_cache(maxsize=50_000)
def is_common_word(word: str, lang: str | None) -> bool:
    """Is the word, in its plain reading, a function or sentence word of the text's language (every
    language's when it is unknown)? French and German "Du", English "Ji" after a name: a short
    surname written so is as often the word (`match.resolve`)."""
    return plain(word) in _COMMON.get(base_language(lang) if lang else "", _ALL_COMMON)


@lru_cache(maxsize=50_000)
def is_title_or_function_word(word: str) -> bool:
    """True for words that may stand before a name without being a given name: a function or
    sentence word, or a one-word title (`_ONE_WORD_TITLES`) with an ending (`_title_form`), or the
    start of one (five letters at least), or a word ending in one of five letters at least
    (vicepresidente). Asked of the word before every surname a text brings, so the titles are
    looked up by the word's own beginnings and ends, not compared one by one (a test holds the two
    ways together)."""
    key = plain(word)
    return key in FUNCTION_WORDS or key in SENTENCE_WORDS or _is_title_key(key)


@lru_cache(maxsize=50_000)
def is_title_word(word: str) -> bool:
    """True for a one-word title, or a word that ends a longer one, with an ending (аким, акима,
    пресс-секретарь, Präsident): the titles part of `is_title_or_function_word`."""
    return _is_title_key(plain(word))


def _is_title_key(key: str) -> bool:
    n = len(key)
    if n > 4 and key in _TITLE_STARTS:
        return True
    if any(key[:length] in _TITLE_WORDS and (length >= 5 or n - length <= 2) for length in _TITLE_LENGTHS):
        return True
    return any(key[n - length :] in _TITLE_WORDS for length in _TITLE_LENGTHS if 5 <= length <= n)


# The one-word titles as a set, their lengths, and every start of one of five letters or more.
_TITLE_WORDS = frozenset(_ONE_WORD_TITLES)
_TITLE_LENGTHS = tuple(sorted({len(title) for title in _ONE_WORD_TITLES}))
_TITLE_STARTS = frozenset(title[:n] for title in _ONE_WORD_TITLES for n in range(5, len(title) + 1))


def _title_form(key: str, title: str) -> bool:
    """Is the word the title, or the title with an ending (presidential, prezidenta)? A short title
    takes a short ending only: мэра is the mayor's, Meredov and Mərakeş are not."""
    return key.startswith(title) and (len(title) >= 5 or len(key) - len(title) <= 2)
