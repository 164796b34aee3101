"""The bench's measuring helpers: a flushed tokenizer must tokenize exactly as the pipeline's own did.

`measure.flush_tokenizer` replaces the pipeline's tokenizer by a new one (preshed 3.0.15 keeps
counting a flushed cache's deleted keys, so spaCy's own flush left a tokenizer that never caches
again); a new tokenizer that lost a rule or a setting would change every figure the bench prints.
"""

from __future__ import annotations

import pytest
import spacy

from bench import measure

TEXTS = {
    "en": "Mr. Mirziyoyev didn't meet U.S. envoy Sergio Gor in Tashkent at 9:30 a.m.; see https://kun.uz/x.",
    "fr": "Aujourd'hui, M. Mirzioïev a reçu l'émissaire américain à Tachkent (Ouzbékistan) vers 9h30.",
    "de": "Präsident Mirsijojew traf z. B. am 3. Okt. den US-Gesandten in Taschkent.",
    "ru": "Президент Мирзиёев встретился т. е. с посланником США в Ташкенте в 9:30.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_a_flushed_tokenizer_tokenizes_as_a_new_pipeline_does(lang: str) -> None:
    nlp = spacy.blank(lang)
    nlp.tokenizer.max_cache_size = 123_456
    text = TEXTS[lang]
    expected = [t.text for t in spacy.blank(lang)(text)]
    for _ in range(12):  # more flushes than it took the old way to stop caching
        old = nlp.tokenizer
        measure.flush_tokenizer(nlp)
        assert nlp.tokenizer is not old
        assert [t.text for t in nlp(text)] == expected
    assert nlp.tokenizer.max_cache_size == 123_456
    assert nlp.tokenizer.rules == spacy.blank(lang).tokenizer.rules


def test_a_flushed_tokenizer_keeps_a_special_case_added_to_the_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.tokenizer.add_special_case("C5names", [{"ORTH": "C5"}, {"ORTH": "names"}])
    measure.flush_tokenizer(nlp)
    assert [t.text for t in nlp("C5names links")] == ["C5", "names", "links"]
