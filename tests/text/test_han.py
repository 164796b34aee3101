"""Chinese text cut into name words by the gazetteer's own Han forms (c5names.text.han)."""

from __future__ import annotations

import pytest

from c5names.text.han import HanLexicon, has_han


def _lexicon() -> HanLexicon:
    han = HanLexicon()
    han.add(["习", "近平"])  # surname, given name
    han.add(["乌兹别克斯坦"])  # one alias
    han.add(["米尔济", "约耶夫"])
    han.add_dotted_given("乔")  # Joe, before a middle dot only
    han.add(["拜登"])
    return han


def _words(text: str) -> list[str]:
    return [text[start:end] for start, end in _lexicon().mentions(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "中国国家主席习近平在北京会见乌兹别克斯坦总统米尔济约耶夫",
            ["习", "近平", "乌兹别克斯坦", "米尔济", "约耶夫"],
        ),
        ("習近平訪問", ["習", "近平"]),  # three characters or more also match by their reading
        ("美国总统乔·拜登", ["乔", "拜登"]),  # a one-character given name right before a middle dot
        ("乔在北京", []),  # but not elsewhere
        ("习说", []),  # a single character is never a form
    ],
)
def test_longest_known_form_at_each_position(text: str, words: list[str]) -> None:
    assert _words(text) == words


def test_two_character_forms_match_only_as_written() -> None:
    han = HanLexicon()
    han.add(["美国"])  # Měiguó
    assert list(han.mentions("没过")) == []  # méiguò reads alike, but two characters must be exact
    assert list(han.mentions("美国")) == [(0, 2)]


def test_regions_limit_the_scan() -> None:
    text = "习近平。习近平"
    assert list(_lexicon().mentions(text, [(4, 7)])) == [(4, 5), (5, 7)]


def test_an_empty_lexicon_is_false_and_has_han() -> None:
    assert not HanLexicon() and _lexicon()
    assert has_han("Xi 习") and not has_han("トランプ")
