"""The plain reading the lexicon is written in (c5names.lexicon.reading)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unidecode import unidecode

from c5names.lexicon import plain
from c5names.lexicon.reading import _BEFORE_UNIDECODE, plain_steps
from c5names.text import native
from c5names.text.keys import SPACE_RUN_RE, fold


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Präsident", "prasident"),
        ("Cumhurbaşkanı", "cumhurbaskani"),
        ("президента", "prezidenta"),
        ("премьер-министр", "premer ministr"),  # hyphen to space, soft sign gone
        ("chef de l’État", "chef de letat"),  # the apostrophe is removed, not a space
        ("Aujourd'hui", "aujourdhui"),
        ("  Vice–President, ", "vice president"),  # any dash, punctuation and spaces squeezed
        ("г.", "g"),
        ("Ko‘chasi", "kochasi"),
        ("トカエフ大統領", "tokaehu da tong ling"),  # a Chinese character is a word, parted from the kana before
        ("Tokayev总统", "tokayev zong tong"),
    ],
)
def test_plain(text: str, reading: str) -> None:
    assert plain(text) == reading


# Text as documents hold it: letters of several scripts, the letters read before unidecode, spaces of
# every kind, punctuation and the component's placeholder.
DOCUMENT_CHARS = "abc ABCéÉèçßøłşə әعءأإؤئпрезидентПЖ’'-–\t\n\u00a0\u2009\x00.,«»中"


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(DOCUMENT_CHARS), max_size=60) | st.text(max_size=30))
def test_plain_reads_letter_by_letter_as_unidecode_reads_the_whole(text: str) -> None:
    """Reading each character once (`_Readings`) after the placeholder runs are made one space is the
    reading of the whole folded text by the table before unidecode and unidecode, as the lexicon's
    tables are written in, a character unidecode reads as a word (中: "Zhong ") parted from the
    letters before it."""
    folded = fold(text).replace("-", " ").translate(_BEFORE_UNIDECODE)
    parted = "".join(f" {c}" if unidecode(c).endswith(" ") else c for c in folded)
    whole = unidecode(parted).lower().replace("'", "")
    assert plain.__wrapped__(text) == re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", whole)).strip()


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(" \t\n\r\u00a0\u2009\u3000ab"), max_size=30) | st.text(max_size=30))
def test_a_space_run_is_every_run_of_whitespace(text: str) -> None:
    assert SPACE_RUN_RE.sub(" ", text) == re.sub(r"\s+", " ", text)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(DOCUMENT_CHARS + "`ʻʼ´‐—−\u2003ქΑβγЁёҚқﬁẞ\u0301"), max_size=60) | st.text(max_size=40))
def test_the_compiled_reading_is_the_reading_step_by_step(text: str) -> None:
    """`plain` in one compiled pass (`_keys.PlainReader`) reads every text as `plain_steps` does, the
    definition: apostrophes of the text joined, a reading's own marks parting words (Georgian ქ reads
    "k`"), dashes and spaces of every kind, placeholders, letters of any script."""
    if native.keys_module is None:
        pytest.skip("no compiled word keys here")
    assert plain.__wrapped__(text) == plain_steps(text)


@pytest.mark.parametrize(
    ("text", "reading"),
    [("გიორგი ქართველი", "giorgi k art veli"), ("O`zbekiston", "ozbekiston"), ("Ŀ\u00a0–\u2003x", "l x")],
)
def test_a_readings_marks_part_words_and_the_texts_apostrophes_join_them(text: str, reading: str) -> None:
    assert plain(text) == plain_steps(text) == reading


def test_the_compiled_reading_gives_way_where_a_reading_is_not_ascii() -> None:
    """A character whose reading is not ASCII makes the compiled pass answer None (`plain` then
    reads the text step by step); a text without one is read."""
    if native.keys_module is None:
        pytest.skip("no compiled word keys here")
    reader = native.keys_module.PlainReader(lambda character: "é" if character == "ж" else "x", "'")
    assert reader.read("Ёж") is None
    assert reader.read("Ё'Ё Ё") == "xx x"
