"""How `nlp.evaluate` scores the component: its spans as entities, and its links on `kb_id`.

spaCy's own scorers do the counting: `get_ner_prf` (what the "ner" component reports: `ents_p`,
`ents_r`, `ents_f`, `ents_per_type`) and `Scorer.score_links` (what the "entity_linker" reports:
`nel_micro_p`, `nel_micro_r`, `nel_micro_f` and per label), so the figures read as theirs do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.scorer import Scorer, get_ner_prf
from spacy.training import Example
from spacy.util import registry

# A span without an id: no gold link, or no link made. One on both sides is neither right nor wrong
# (an organisation a trained NER found and no gazetteer knows); "NIL" is spaCy's entity linker's word.
NO_LINK = ("", "NIL")

# What training shows and weighs. Only the link score: a span score here would replace the weight
# that a trained "ner" in the same pipeline gives its own.
SCORE_WEIGHTS: dict[str, float | None] = {"nel_micro_f": 1.0, "nel_micro_p": None, "nel_micro_r": None}


def score_c5names(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """Entity P/R/F of the spans (`ents_*`) and link P/R/F on `kb_id` where spans agree (`nel_*`)."""
    examples = list(examples)
    return {**get_ner_prf(examples), **Scorer.score_links(examples, negative_labels=NO_LINK)}


@registry.scorers("c5names.scorer.v1")
def make_c5names_scorer() -> Callable[..., dict[str, Any]]:
    """The component's scorer, by its registered name (what a pipeline's config.cfg says)."""
    return score_c5names
