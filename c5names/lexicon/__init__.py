"""Titles and other words around names, in the languages c5names reads.

Titles tell which office a bare surname refers to ("President Berdimuhamedov" in 2023 is Serdar,
"Prime Minister Japarov" in 2022 is Akylbek). Function words, sentence openers and relational nouns
before a surname are not someone else's given name; generation words tell a son from his father;
place words tell Trump Tower from Trump; an article tells a German noun from a bare surname (das
Ding). Each list is a data file in `lexicon/data/`, checked when read; the modules: `reading` (the
`plain` reading entries are written in), `titles`, `portfolios` (which ministry a minister's title
or office names), `words`, `generations`, `places`.
"""

from c5names.lexicon.generations import GENERATIONS, generation_near
from c5names.lexicon.places import names_a_place
from c5names.lexicon.reading import plain
from c5names.lexicon.titles import (
    TITLES,
    is_whole_title,
    kinds_named,
    names_title,
    title_kinds,
    title_offices,
    titles_after_the_name,
    titles_by_language,
    titles_naming,
)
from c5names.lexicon.words import (
    ARTICLES,
    FUNCTION_WORDS,
    RELATIONAL_NOUNS,
    SENTENCE_WORDS,
    after_article,
    is_common_word,
    is_relational_noun,
    is_title_or_function_word,
    is_title_word,
)

__all__ = [
    "ARTICLES",
    "FUNCTION_WORDS",
    "GENERATIONS",
    "RELATIONAL_NOUNS",
    "SENTENCE_WORDS",
    "TITLES",
    "after_article",
    "generation_near",
    "is_common_word",
    "is_relational_noun",
    "is_title_or_function_word",
    "is_title_word",
    "is_whole_title",
    "kinds_named",
    "names_a_place",
    "names_title",
    "plain",
    "title_kinds",
    "title_offices",
    "titles_after_the_name",
    "titles_by_language",
    "titles_naming",
]
