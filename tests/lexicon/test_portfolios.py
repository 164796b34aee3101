"""Ministers' portfolios (`lexicon.portfolios`): the table, the words that name a portfolio in titles
and in offices' roles, and the mistakes the table's reader reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from c5names.lexicon import titles_by_language
from c5names.lexicon.portfolios import portfolios, portfolios_named, read_portfolios
from c5names.lexicon.reading import DATA
from tests.table_edits import edited, line_of, one_problem


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Energy Minister", {"energy"}),
        ("министр энергетики", {"energy"}),
        ("le ministre de l'Énergie", {"energy"}),  # (the elided article joined: lenergie)
        ("Energieminister", {"energy"}),
        ("Landwirtschaftsminister", {"agriculture"}),  # not economy: a word's beginning, not any part
        ("Wirtschaftsminister", {"economy"}),
        ("министра национальной безопасности", {"national_security"}),  # a phrase, word by word
        ("Minister of Energy of Turkmenistan", {"energy"}),  # offices' roles, as the gazetteer writes them
        ("Minister of Economy and Finance of Uzbekistan", {"economy", "finance"}),
        ("Minister of Investment, Industry and Trade", set()),
        ("Prime Minister", set()),
        ("national parks security", set()),  # the words of a phrase must follow one another
    ],
)
def test_the_portfolios_a_text_names(text: str, named: set[str]) -> None:
    assert portfolios_named(text) == named


def test_every_ministers_title_names_one_portfolio() -> None:
    """The title files' `minister` titles, in every language, each name exactly one portfolio, and no
    title of another kind names any: the table covers what a title can say."""
    for lang, kinds in titles_by_language().items():
        for kind, titles in kinds.items():
            for title in titles:
                expected = 1 if kind == "minister" else 0
                assert len(portfolios_named(title)) == expected, (lang, kind, title)


def test_the_table_is_read() -> None:
    table = portfolios()
    assert {"energy", "agriculture", "finance", "defence", "national_security"} <= set(table)
    assert ("natsionalnoi", "bezopasnosti") in table["national_security"]


@pytest.mark.parametrize(
    ("old", "new", "needle", "phrase"),
    [
        ("energy: [energ, lenerg]", "energy: [Energ, lenerg]", "energy:", "plain() reads it"),
        ("energy: [energ, lenerg]", "energy: [energ, lenerg, energ]", "energy:", "duplicate"),
        (
            "transport: [transport, verkehr]",
            "transport: [transport, verkehr, energ]",
            "transport:",
            "already an entry of energy",
        ),
        ("transport: [transport, verkehr]", "transport: transport", "transport:", "expected a list"),
    ],
)
def test_mistakes_in_the_portfolios_are_reported(tmp_path: Path, old: str, new: str, needle: str, phrase: str) -> None:
    path = edited(tmp_path, DATA / "portfolios.yaml", old, new)
    one_problem(lambda: read_portfolios(path), path, line_of(path, needle), phrase)
