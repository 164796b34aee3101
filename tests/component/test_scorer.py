"""`nlp.evaluate` scores the component: entity spans (P/R/F) and links (P/R/F on `kb_id`)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.training import Example

from c5names.component import score_c5names

# Real sentences with their gold entities: (text, label, kb_id); an empty kb_id is an entity the
# annotator found that no gazetteer entry stands for (here a nationality and a city c5names lacks).
GOLD = [
    (
        "Kazakh President Kassym-Jomart Tokayev met Donald Trump. Trump praised Tokayev's reforms.",
        [
            ("Kazakh", "NORP", ""),
            ("Kassym-Jomart Tokayev", "PERSON", "tokayev-kassym-jomart"),
            ("Donald Trump", "PERSON", "trump-donald"),
            ("Trump", "PERSON", "trump-donald"),
            ("Tokayev", "PERSON", "tokayev-kassym-jomart"),
        ],
    ),
    (
        "Sergio Gor met Shavkat Mirziyoyev in Tashkent on Monday.",
        [
            ("Sergio Gor", "PERSON", "gor-sergio"),
            ("Shavkat Mirziyoyev", "PERSON", "mirziyoyev-shavkat"),
            ("Tashkent", "GPE", ""),
        ],
    ),
    ("Al Gore spoke after Sergio Gor.", [("Al Gore", "PERSON", "gore-al"), ("Sergio Gor", "PERSON", "gor-sergio")]),
]


def _examples(nlp: Language, gold: list[tuple[str, list[tuple[str, str, str]]]]) -> list[Example]:
    examples = []
    for text, entities in gold:
        spans, links, cursor = [], {}, 0
        for form, label, kb_id in entities:
            start = text.index(form, cursor)
            cursor = start + len(form)
            spans.append((start, cursor, label))
            if kb_id:
                links[(start, cursor)] = {kb_id: 1.0}
        examples.append(Example.from_dict(nlp.make_doc(text), {"entities": spans, "links": links}))
    return examples


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("c5names", config={"default_date": "2025-11-06"})
    return nlp


def test_evaluate_reports_spans_and_links(nlp: Language) -> None:
    gold_entities = [entity for _, entities in GOLD for entity in entities]
    linked = sum(1 for _, _, kb_id in gold_entities if kb_id)
    scores = nlp.evaluate(_examples(nlp, GOLD))
    # c5names finds every linked entity and nothing else: spans are all right, the unlinked ones missed.
    assert scores["ents_p"] == 1.0
    assert scores["ents_r"] == pytest.approx(linked / len(gold_entities))
    assert scores["ents_per_type"]["PERSON"]["r"] == 1.0
    assert scores["ents_per_type"]["GPE"]["r"] == 0.0
    assert (scores["nel_micro_p"], scores["nel_micro_r"], scores["nel_micro_f"]) == (1.0, 1.0, 1.0)


def test_a_wrong_link_counts_against_precision_and_recall(nlp: Language) -> None:
    # An annotator who says the second "Trump" is Donald Trump Jr.: c5names' link now disagrees once.
    text, entities = GOLD[0]
    disputed = [(form, label, "trump-donald-jr" if form == "Trump" else kb_id) for form, label, kb_id in entities]
    linked = sum(1 for _, _, kb_id in entities if kb_id)
    scores = nlp.evaluate(_examples(nlp, [(text, disputed)]))
    assert scores["ents_p"] == 1.0  # the span is right either way
    assert scores["nel_micro_p"] == pytest.approx((linked - 1) / linked)
    assert scores["nel_micro_r"] == pytest.approx((linked - 1) / linked)
    assert scores["nel_f_per_type"]["PERSON"]["p"] == pytest.approx((linked - 1) / linked)


def test_an_entity_without_a_link_on_either_side_is_not_a_hit(nlp: Language) -> None:
    # A trained NER's organisation (no kb_id) that the gold also leaves unlinked is neither right nor wrong.
    ruler = spacy.blank("en")
    ruler.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "NATO"}])
    ruler.add_pipe("c5names")
    gold = [
        ("President Tokayev met NATO officials.", [("Tokayev", "PERSON", "tokayev-kassym-jomart"), ("NATO", "ORG", "")])
    ]
    scores = ruler.evaluate(_examples(ruler, gold))
    assert scores["ents_f"] == 1.0
    assert scores["nel_f_per_type"]["PERSON"] == {"p": 1.0, "r": 1.0, "f": 1.0}
    assert scores["nel_f_per_type"]["ORG"] == {"p": 0.0, "r": 0.0, "f": 0.0}  # counted neither way
    assert (scores["nel_micro_p"], scores["nel_micro_r"]) == (1.0, 1.0)


def test_a_link_where_the_gold_has_none_is_wrong(nlp: Language) -> None:
    # The annotator left "Trump" unlinked (a namesake, say): c5names' link is a false positive only.
    text = "Trump met Tokayev."
    gold = [(text, [("Trump", "PERSON", ""), ("Tokayev", "PERSON", "tokayev-kassym-jomart")])]
    scores = nlp.evaluate(_examples(nlp, gold))
    assert scores["nel_micro_p"] == pytest.approx(1 / 2)
    assert scores["nel_micro_r"] == 1.0


def test_the_scorer_is_registered_and_is_the_components(nlp: Language) -> None:
    scorer = spacy.registry.scorers.get("c5names.scorer.v1")()
    assert scorer is score_c5names
    assert nlp.get_pipe("c5names").scorer is score_c5names
    assert nlp.config["components"]["c5names"]["scorer"] == {"@scorers": "c5names.scorer.v1"}
