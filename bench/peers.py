"""The systems compared: a blank spaCy pipeline, c5names, spaCy's EntityRuler and spaczz's fuzzy ruler.

The peers get the same knowledge as c5names: for every entity of the gazetteer, every spelling that
`name_variants` lists (the forms as written and their romanisations by every convention), its alias
phrases and its display name, as phrase patterns whose `id` is the entity id. Predictions of every
system are written in the referee's JSONL format and scored by the referee script itself.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from c5names.component import blank, with_dates
from c5names.index import name_variants

Pipeline = Any  # spacy.Language

LABELS = {"person": "PERSON", "country": "GPE", "place": "GPE", "organisation": "ORG"}


def shared_dir() -> Path | None:
    """The project's shared/ folder (beside the repository), if present."""
    here = Path(__file__).resolve().parents[1]
    for candidate in (here.parent / "shared", here / "shared"):
        if (candidate / "eval" / "score.py").is_file():
            return candidate
    return None


def entity_forms(entity: Any) -> list[str]:
    """Every written form of an entity that a phrase-pattern peer is given."""
    forms = [text for _convention, text, _key in name_variants(entity)]
    forms += [alias.form for alias in entity.aliases]
    forms.append(entity.name)
    return list(dict.fromkeys(f for f in forms if f.strip()))


def patterns(entities: Iterable[Any], fuzzy: bool = False) -> list[dict[str, Any]]:
    """Phrase patterns (EntityRuler / SpaczzRuler format) for the entities."""
    out: list[dict[str, Any]] = []
    for entity in entities:
        label = LABELS.get(entity.type, "MISC")
        for form in entity_forms(entity):
            pattern: dict[str, Any] = {"label": label, "pattern": form, "id": entity.id}
            if fuzzy:
                pattern["type"] = "fuzzy"
            out.append(pattern)
    return out


# -- pipelines --------------------------------------------------------------------------------------
def make_blank(lang: str) -> Pipeline:
    """spacy.blank(lang) (xx for languages spaCy lacks)."""
    return blank(lang)


def make_c5names(lang: str, gazetteer_files: Sequence[str] = (), include_default: bool = True) -> Pipeline:
    """A blank pipeline with the c5names component, its gazetteer loaded and compiled."""
    nlp = blank(lang)
    component = nlp.add_pipe("c5names", config={"include_default": include_default, "lang": lang})
    component.add_gazetteer(*gazetteer_files)
    nlp.initialize()
    return nlp


def renew_c5names(nlp: Pipeline) -> None:
    """Replace the pipeline's c5names component by a new one with the same config and gazetteer
    files, so that no cache the component keeps (per token, per chunk…) survives; its gazetteer is
    loaded again."""
    files = nlp.get_pipe("c5names").files
    config = {k: v for k, v in nlp.config["components"]["c5names"].items() if k != "factory"}
    component = nlp.replace_pipe("c5names", "c5names", config=config)
    component.files = files
    component.initialize()


def c5names_index(nlp: Pipeline) -> Any:
    """The compiled name index behind a pipeline's c5names component."""
    return nlp.get_pipe("c5names").linker.index


def make_ruler(lang: str, phrase_patterns: list[dict[str, Any]]) -> Pipeline:
    """A blank pipeline with an EntityRuler fed the phrase patterns."""
    nlp = blank(lang)
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(phrase_patterns)
    return nlp


def spaczz_status() -> str | None:
    """None when spaczz imports and works with this spaCy, else why not."""
    try:
        import spacy
        from spaczz.pipeline import SpaczzRuler  # noqa: F401

        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("spaczz_ruler")
        ruler.add_patterns([{"label": "PERSON", "pattern": "Shavkat Mirziyoyev", "type": "fuzzy", "id": "x"}])
        doc = nlp("Shavkat Mirziyoev spoke.")
        if not doc.ents:
            return "spaczz installed but found nothing in a smoke test"
    except Exception as err:  # any failure to import or run is reported, not raised
        return f"{type(err).__name__}: {err}"
    return None


def make_spaczz(lang: str, fuzzy_patterns: list[dict[str, Any]]) -> Pipeline:
    """A blank pipeline with spaczz's SpaczzRuler fed the same forms as fuzzy patterns (defaults)."""
    import spaczz.pipeline  # noqa: F401  (registers the "spaczz_ruler" factory)

    nlp = blank(lang)
    ruler = nlp.add_pipe("spaczz_ruler")
    ruler.add_patterns(fuzzy_patterns)
    return nlp


# -- predictions and scoring ------------------------------------------------------------------------
def predict(nlp: Pipeline, gold: Sequence[dict[str, Any]], batch_size: int = 32) -> list[dict[str, Any]]:
    """Prediction lines {"id", "mentions": [{"start", "end", "id"}]} for gold documents."""
    docs = with_dates(nlp, ((g["text"], g.get("date")) for g in gold))
    out = []
    for g, doc in zip(gold, nlp.pipe(docs, batch_size=batch_size), strict=True):
        mentions = []
        for ent in doc.ents:
            entity_id = ent.kb_id_ or ent.ent_id_
            if entity_id:
                mentions.append({"start": ent.start_char, "end": ent.end_char, "id": entity_id})
        out.append({"id": g["id"], "mentions": mentions})
    return out


def write_predictions(lines: Sequence[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")


_LINE = re.compile(
    r"^(?P<label>persons|countries) (?P<mode>strict|lenient)\s+P=(?P<p>[\d.]+) R=(?P<r>[\d.]+) F1=(?P<f>[\d.]+) "
    r"\(tp=(?P<tp>\d+) fp=(?P<fp>\d+) fn=(?P<fn>\d+) namesake_errors=(?P<ns>\d+)\)"
)


def referee(score_py: Path, gold: Path, pred: Path) -> dict[str, dict[str, float]]:
    """Run the referee script; {"persons lenient": {"P", "R", "F1", "tp", "fp", "fn", "namesake"}, …}."""
    proc = subprocess.run(
        [sys.executable, str(score_py), str(gold), str(pred)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"score.py failed: {proc.stderr.strip()[-500:]}")
    results: dict[str, dict[str, float]] = {}
    for line in proc.stdout.splitlines():
        match = _LINE.match(line.strip())
        if match:
            results[f"{match['label']} {match['mode']}"] = {
                "P": float(match["p"]),
                "R": float(match["r"]),
                "F1": float(match["f"]),
                "tp": int(match["tp"]),
                "fp": int(match["fp"]),
                "fn": int(match["fn"]),
                "namesake": int(match["ns"]),
            }
    if "persons lenient" not in results:
        raise RuntimeError(f"could not read score.py's output:\n{proc.stdout[-500:]}")
    return results


# -- the ceiling: a component that already knows every answer -------------------------------------
_KNOWN_ANSWERS: dict[tuple[int, int, int], list[tuple[int, int, str, str]]] = {}


def _doc_key(doc: Any) -> tuple[int, int, int]:
    """A cheap identity of a document (building `doc.text` would cost more than what is measured)."""
    return (len(doc), doc[0].orth, doc[-1].idx) if len(doc) else (0, 0, 0)


def _write_known_answers(doc: Any) -> Any:
    spans = []
    for start, end, label, kb_id in _KNOWN_ANSWERS.get(_doc_key(doc), ()):
        span = doc.char_span(start, end, label=label, kb_id=kb_id)
        if span is not None:
            spans.append(span)
    doc.set_ents(spans)
    return doc


def make_answer_writer(lang: str, gold: Sequence[dict[str, Any]]) -> Pipeline:
    """`spacy.blank(lang)` plus a component that writes the gold mentions as `doc.ents` with their ids,
    doing no detection at all: the least work any linker that sets entities must do, so its ratio to
    blank is the ceiling a linker can reach on this corpus."""
    from spacy.language import Language

    if "bench_known_answers" not in Language.factories:
        Language.component("bench_known_answers", func=_write_known_answers)
    nlp = make_blank(lang)
    for item in gold:
        doc = nlp.make_doc(item["text"])
        _KNOWN_ANSWERS[_doc_key(doc)] = [(m["start"], m["end"], "NAME", m["id"]) for m in item["mentions"]]
    nlp.add_pipe("bench_known_answers")
    return nlp
