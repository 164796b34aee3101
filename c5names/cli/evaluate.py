"""Score predictions against gold annotations: precision, recall and F1, strict and lenient, for
persons and countries, overall, per language and per entity.

The rules are those of the project's referee (shared/eval/score.py), reimplemented so that users
can evaluate without it; its lines come out identical, character for character:
- scored ids are those the gold file uses; predicted ids outside them are ignored;
- a prediction is a true positive when it equals (strict) or overlaps (lenient) an unused gold
  mention with the same id, else a false positive, and also a namesake error when it overlaps a
  gold mention whose id is null;
- unmatched gold mentions with an id are false negatives.
One deliberate difference: a country is an id the gazetteer types as a country (the referee's six
fixed ids for ids the gazetteer does not know), so users' own country entities are scored as such.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from c5names.cli.corpus import Failure, InputError, iter_json_lines

REFEREE_COUNTRIES = frozenset({"kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan", "united-states"})
LABELS = ("persons", "countries")
Key = tuple[str, bool]  # (label, strict)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    namesake: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.namesake += other.namesake

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def line(self, label: str, width: int = 28) -> str:
        p, r, f = self.prf()
        return (
            f"{label:<{width}} P={p:.3f} R={r:.3f} F1={f:.3f} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn} namesake_errors={self.namesake})"
        )


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score_doc(
    gold: dict,
    pred: dict | None,
    scored: set[str],
    strict: bool,
    kind: set[str],
    errors: list[str],
    per_entity: dict[str, Tally] | None = None,
) -> Tally:
    """Tally one document for the ids of one class (`kind`); errors and per-entity tallies on the side."""
    per_entity = {} if per_entity is None else per_entity
    t = Tally()
    golds = [m for m in gold["mentions"] if m["id"] is None or m["id"] in kind]
    preds = [m for m in (pred or {}).get("mentions", []) if m.get("id") in scored and m.get("id") in kind]
    used = [False] * len(golds)
    for p in sorted(preds, key=lambda m: (m["start"], m["end"])):
        mine = per_entity.setdefault(p["id"], Tally())
        hit = None
        for i, g in enumerate(golds):
            if used[i] or g["id"] != p["id"]:
                continue
            same = g["start"] == p["start"] and g["end"] == p["end"]
            if same or (not strict and overlaps(g, p)):
                hit = i
                break
        if hit is not None:
            used[hit] = True
            t.tp += 1
            mine.tp += 1
            continue
        t.fp += 1
        mine.fp += 1
        if any(g["id"] is None and overlaps(g, p) for g in golds):
            t.namesake += 1
            mine.namesake += 1
        errors.append(f"FP {gold['id']} [{p['start']}:{p['end']}] {gold['text'][p['start'] : p['end']]!r} -> {p['id']}")
    for i, g in enumerate(golds):
        if g["id"] is not None and not used[i]:
            t.fn += 1
            per_entity.setdefault(g["id"], Tally()).fn += 1
            text = g.get("text", gold["text"][g["start"] : g["end"]])
            errors.append(f"FN {gold['id']} [{g['start']}:{g['end']}] {text!r} should be {g['id']}")
    return t


@dataclass
class Scores:
    """Every tally of one evaluation, keyed by (label, strict)."""

    missing: list[object]
    errors: list[str]
    totals: dict[Key, Tally] = field(default_factory=dict)
    by_lang: dict[Key, dict[str, Tally]] = field(default_factory=dict)
    by_entity: dict[Key, dict[str, Tally]] = field(default_factory=dict)


def scored_ids(gold: Iterable[dict]) -> set[str]:
    return {m["id"] for g in gold for m in g["mentions"] if m["id"] is not None}


def evaluate(gold: list[dict], preds: dict[object, dict], countries: set[str]) -> Scores:
    """Score `preds` (by document id) against `gold`; `countries` are the ids scored as countries."""
    scored = scored_ids(gold)
    kinds = {"persons": scored - countries, "countries": scored & countries}
    scores = Scores(missing=[g["id"] for g in gold if g["id"] not in preds], errors=[])
    for label in LABELS:
        for strict in (True, False):
            total = Tally()
            by_lang: dict[str, Tally] = defaultdict(Tally)
            by_entity: dict[str, Tally] = {}
            for g in gold:
                errs: list[str] = []
                t = score_doc(g, preds.get(g["id"]), scored, strict, kinds[label], errs, by_entity)
                total.add(t)
                by_lang[g.get("lang") or "?"].add(t)
                if not strict:
                    scores.errors.extend(errs)
            scores.totals[(label, strict)] = total
            scores.by_lang[(label, strict)] = dict(by_lang)
            scores.by_entity[(label, strict)] = by_entity
    return scores


def _mode(strict: bool) -> str:
    return "strict" if strict else "lenient"


def report_lines(scores: Scores, errors: bool = False, by_lang: bool = False, by_entity: bool = False) -> list[str]:
    """The referee's lines (last: persons lenient, the headline), plus per-entity and more per-language ones."""
    lines: list[str] = []
    if scores.missing:
        lines.append(f"documents with no prediction line: {len(scores.missing)} (e.g. {scores.missing[:3]})")
    if errors:
        lines.extend(scores.errors)
    if by_entity:
        ids = {i for tallies in scores.by_entity.values() for i in tallies}
        width = max((len(i) for i in ids), default=0) + len(" lenient")
        for label in ("countries", "persons"):
            for entity in sorted({i for s in (True, False) for i in scores.by_entity[(label, s)]}):
                for strict in (True, False):
                    tally = scores.by_entity[(label, strict)].get(entity, Tally())
                    lines.append(tally.line(f"{entity} {_mode(strict)}", width))
    if by_lang:
        # The referee's per-language lines are the last block: persons lenient.
        for label in ("countries", "persons"):
            for strict in (True, False):
                for lang, tally in sorted(scores.by_lang[(label, strict)].items()):
                    lines.append(tally.line(f"{label} {_mode(strict)} [{lang}]"))
    for label in ("countries", "persons"):
        for strict in (True, False):
            lines.append(scores.totals[(label, strict)].line(f"{label} {_mode(strict)}"))
    return lines


def country_ids(ids: Iterable[str], entity_type: dict[str, str]) -> set[str]:
    """The ids to score as countries: typed so by the gazetteer, else the referee's fixed six."""
    return {i for i in ids if entity_type.get(i, "country" if i in REFEREE_COUNTRIES else "") == "country"}


# -- reading ------------------------------------------------------------------------------------------


def _check_mentions(mentions: object, where: str, gold: bool) -> list[str]:
    if not isinstance(mentions, list):
        return [f"{where}: 'mentions' must be a list"]
    for n, m in enumerate(mentions, 1):
        if not isinstance(m, dict):
            return [f"{where}: mention {n} is not an object"]
        if not all(isinstance(m.get(k), int) and not isinstance(m.get(k), bool) for k in ("start", "end")):
            return [f"{where}: mention {n} needs integer 'start' and 'end'"]
        if (gold and "id" not in m) or not isinstance(m.get("id"), str | None):
            return [f"{where}: mention {n} needs an 'id' (a string, or null for a name not to link)"]
    return []


def read_gold(path: str) -> list[dict]:
    """Gold documents; InputError listing every malformed line."""
    docs: list[dict] = []
    problems: list[str] = []
    for lineno, item in iter_json_lines(path):
        where = f"{path}:{lineno}"
        if isinstance(item, Failure):
            problems.append(str(item))
        elif not isinstance(item, dict):
            problems.append(f"{where}: expected a JSON object")
        elif not isinstance(item.get("id"), str | int) or not isinstance(item.get("text"), str):
            problems.append(f"{where}: a gold line needs 'id', 'text' and 'mentions'")
        else:
            problems.extend(_check_mentions(item.get("mentions"), where, gold=True))
            docs.append(item)
    if problems:
        raise InputError("\n".join(problems))
    return docs


def read_predictions(path: str) -> dict[object, dict]:
    """Predictions by document id (a later line wins, as with the referee)."""
    preds: dict[object, dict] = {}
    problems: list[str] = []
    for lineno, item in iter_json_lines(path):
        where = f"{path}:{lineno}"
        if isinstance(item, Failure):
            problems.append(str(item))
        elif not isinstance(item, dict) or not isinstance(item.get("id"), str | int):
            problems.append(f"{where}: a prediction line is an object with 'id' and 'mentions'")
        else:
            problems.extend(_check_mentions(item.get("mentions", []), where, gold=False))
            preds[item["id"]] = item
    if problems:
        raise InputError("\n".join(problems))
    return preds
