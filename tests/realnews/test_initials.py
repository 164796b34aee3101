"""Initials of a hyphenated given name (Russian official style: К.-Ж. Токаев for Kassym-Jomart
Tokayev), before or after the surname. Before, the second initial after ".-" broke the name: "К.-Ж.
Токаев" linked nothing, "Токаев К.-Ж." only "Токаев К"."""

from __future__ import annotations

import pytest

import c5names


@pytest.mark.parametrize(
    ("text", "lang", "span"),
    [
        ("К.-Ж. Токаев подписал указ.", "ru", "К.-Ж. Токаев"),
        ("Токаев К.-Ж. подписал указ.", "ru", "Токаев К.-Ж"),
        ("Президент К.-Ж.Токаев.", "ru", "К.-Ж.Токаев"),
        ("K.-J. Tokayev signed.", "en", "K.-J. Tokayev"),
        ("К. Токаев подписал указ.", "ru", "К. Токаев"),  # one initial, as before
    ],
)
def test_initials_of_a_hyphenated_given_name(text: str, lang: str, span: str) -> None:
    assert [(m.text, m.id) for m in c5names.link(text, lang=lang, date="2026-06-01")] == [
        (span, "tokayev-kassym-jomart")
    ]


def test_a_first_initial_not_the_persons_is_still_no_name() -> None:
    assert c5names.link("А.-Б. Токаев подписал указ.", lang="ru", date="2026-06-01") == []
