"""Words that tell a son from his father (c5names.lexicon.generations), and the checks of their list."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c5names.lexicon import GENERATIONS, generation_near
from c5names.lexicon.generations import _PREVIOUS_WORD, REACH, generation_words, previous_word, read_generations
from c5names.lexicon.reading import DATA
from tests.table_edits import edited, line_of, one_problem


@pytest.mark.parametrize(
    ("text", "surname", "expected"),
    [
        ("Berdimuhamedov Jr. said", "Berdimuhamedov", ("junior", "Berdimuhamedov Jr.")),  # the dot belongs
        ("Berdimuhamedov Junior. He", "Berdimuhamedov", ("junior", "Berdimuhamedov Junior")),  # not a full word's
        ("Бердымухамедов-младший сказал", "Бердымухамедов", ("junior", "Бердымухамедов-младший")),
        ("Бердымухамедов мл. сказал", "Бердымухамедов", ("junior", "Бердымухамедов мл.")),
        ("Berdimuhamedov fils a dit", "Berdimuhamedov", ("junior", "Berdimuhamedov fils")),
        ("Karimov kichik", "Karimov", ("junior", "Karimov kichik")),
        ("the younger Berdimuhamedov said", "Berdimuhamedov", ("junior", "Berdimuhamedov")),  # before: not taken in
        ("Bush Sr. said", "Bush", ("senior", "Bush Sr.")),
        ("der ältere Bush", "Bush", ("senior", "Bush")),
        ("Bush said", "Bush", None),
    ],
)
def test_generation_near(text: str, surname: str, expected: tuple[str, str] | None) -> None:
    start = text.index(surname)
    found = generation_near(text, start, start + len(surname))
    assert (found and (found[0], text[found[1] : found[2]])) == expected


def test_abbreviations_are_the_entries_written_with_a_dot() -> None:
    words, abbreviated = generation_words()
    assert abbreviated == {"jr", "jun", "ml", "sr", "sen", "st"}
    assert GENERATIONS is words and "mladshii" in words["junior"]["after"] and "mladshii" in words["junior"]["before"]


@pytest.mark.parametrize(
    ("old", "new", "needle", "phrase"),
    [
        ("before: [younger,", "before: [younger.,", "before: [younger", "only a word after the surname takes its dot"),
        ("before: [younger,", "before: [younger, elder,", "before: [younger", "also a word of senior"),
        ("before: [younger,", "before: [младший,", "before: [младший", "plain() reads it as 'mladshii'"),
        ("after: [junior,", "after: [junior, junior,", "after: [junior", "duplicate word"),
        ("  before: [elder,", "  befor: [elder,", "befor:", "unknown key"),
    ],
)
def test_mistakes_in_the_generation_words_are_reported(
    tmp_path: Path, old: str, new: str, needle: str, phrase: str
) -> None:
    path = edited(tmp_path, DATA / "generations.yaml", old, new)
    if phrase == "also a word of senior":  # the later of the two is reported
        path = edited(tmp_path, DATA / "generations.yaml", "before: [elder,", "before: [elder, younger,")
        needle = "before: [elder"
        phrase = "also a word of junior"
    if phrase == "unknown key":
        with pytest.raises(Exception) as caught:
            read_generations(path)
        assert f"{path}:{line_of(path, needle)}: [senior.befor] 'befor': unknown key" in str(caught.value)
        return
    one_problem(lambda: read_generations(path), path, line_of(path, needle), phrase)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aZé _-1\n\t\u00a0²½ж.'")) | st.characters(), max_size=40),
    st.integers(0, 40),
)
def test_previous_word_is_the_pattern_searched_before_the_mention(text: str, start: int) -> None:
    """`previous_word` (a match on the stretch read backwards) finds what `_PREVIOUS_WORD` searched
    in the stretch finds: the same word, or none."""
    start = min(start, len(text))
    found = _PREVIOUS_WORD.search(text, max(0, start - REACH), start)
    assert previous_word(text, start) == (found.group(1) if found else None)
