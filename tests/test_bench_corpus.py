"""The bench's corpus generator (`bench/corpus.py`): its made-up people are in no gazetteer, as the
no-names corpus (issue 17's "text that names nobody") needs."""

from __future__ import annotations

import c5names
from bench import corpus


def test_a_made_up_person_is_never_a_gazetteer_person() -> None:
    gazetteer = c5names.load()
    generator = corpus.CorpusGenerator(gazetteer, "en", seed=11)
    assert "James Baker" in generator.known_people  # (the default gazetteer's US Secretary of State)
    assert generator._nobody("James", "Baker") == "James Collins"  # the next family name of the list
    assert generator._nobody("Laura", "Baker") == "Laura Baker"  # a surname alone is no one's name
    texts = corpus.without_names(corpus.build(gazetteer, "en", 200_000, seed=11, prose=corpus.NEWS_PROSE))
    assert not any("James Baker" in text for text in texts)
