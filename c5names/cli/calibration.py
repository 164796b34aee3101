"""Calibrate the scores: a mention's score should read as the chance that its link is right.

The engine's raw score prices the evidence (how the words matched, how the mention was resolved);
calibration maps it to the observed share of right links at that score. The observations come from
gold documents, linked at every score:
- the links the linker makes with the whole gazetteer (right, or wrong when they contradict gold);
- the links it makes when the person a gold mention names is withheld from the gazetteer ("leave
  one out"). This is what goes wrong in real news, where most errors are people the gazetteer does
  not know being linked to a namesake, a relative or a neighbour in spelling; every such link is wrong.
  These runs stand for the mentions of unknown people, weighted so that they make `UNKNOWN_SHARE` of
  all person mentions (news names many officials no gazetteer has; one in five is assumed).
Isotonic regression (pool adjacent violators) turns them into a non-decreasing map, written to
`c5names/calibration.yaml` (read by `c5names.scoring`), and the reliability table and expected
calibration error (ECE) say how well it fits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from c5names.gazetteer import Gazetteer
from c5names.index import compiled
from c5names.linker import Linker
from c5names.scoring import CALIBRATION_FILE, calibration_knots, interpolate

Knots = tuple[tuple[float, float], ...]

BINS = 10
UNKNOWN_SHARE = 0.2


@dataclass(frozen=True)
class Observation:
    """One link made on a gold document: its raw and calibrated score, and whether it was right."""

    raw: float
    score: float
    right: bool
    withheld: str | None  # the entity left out of the gazetteer for this run, if any
    doc: str = ""  # the gold document's id
    weight: float = 1.0
    person: bool = True


def _verdict(gold: dict, start: int, end: int, entity: str, scored: set[str]) -> bool | None:
    """Right (True), wrong (False) or unknown (None: gold says nothing of that span, or names no
    reference id there while the link goes to an entity the gold file does not score)."""
    for mention in gold["mentions"]:
        if mention["start"] < end and start < mention["end"]:
            if mention["id"] is None:
                return False if entity in scored else None
            return mention["id"] == entity
    return None


def observe(
    gazetteer: Gazetteer, gold: list[dict], leave_one_out: bool = True, unknown_share: float = UNKNOWN_SHARE
) -> list[Observation]:
    """Every link with a verdict, with the whole gazetteer and (if asked) each gold person withheld."""
    scored = {m["id"] for g in gold for m in g["mentions"] if m["id"]}
    out = _links(gazetteer, gold, scored, None)
    if not leave_one_out:
        return out
    entities = gazetteer.compact()
    persons = sorted(i for i in scored if i in entities and gazetteer[i].type == "person")
    withheld_mentions = sum(1 for g in gold for m in g["mentions"] if m["id"] in persons)
    person_links = sum(1 for o in out if o.right and o.person)
    weight = unknown_share / (1 - unknown_share) * person_links / max(withheld_mentions, 1)
    for person in persons:
        for obs in _links(gazetteer.without(person), gold, scored, person):
            out.append(replace(obs, weight=weight))
    return out


def _links(gazetteer: Gazetteer, gold: list[dict], scored: set[str], withheld: str | None) -> list[Observation]:
    compiled(gazetteer, cache=withheld is None)  # a leave-one-out variant must not evict cached indexes
    linker = Linker(gazetteer, threshold=0.0)
    out: list[Observation] = []
    for doc in gold:
        if withheld is not None and not any(m["id"] == withheld for m in doc["mentions"]):
            continue  # nothing in this document can go wrong for lack of the withheld person
        for m in linker.link(doc["text"], lang=doc.get("lang"), date=doc.get("date")):
            verdict = _verdict(doc, m.start, m.end, m.id, scored)
            if verdict is None or (withheld is not None and verdict):
                continue
            raw = m.raw_score if m.raw_score is not None else m.score
            out.append(Observation(raw, m.score, verdict, withheld, str(doc["id"]), person=m.type == "person"))
    return out


def fit(observations: Iterable[Observation]) -> Knots:
    """Knots (raw score, chance right) of the weighted isotonic fit, one per pooled block at the block's
    mean raw score, each chance smoothed by half a right and half a wrong pseudo-observation."""
    by_raw: dict[float, list[float]] = {}  # the observations of one raw score are never split
    for obs in observations:
        group = by_raw.setdefault(obs.raw, [0.0, 0.0, 0.0])
        group[0] += obs.raw * obs.weight
        group[1] += obs.weight
        group[2] += obs.weight * obs.right
    blocks: list[list[float]] = []  # [weighted sum of raw, weight, weight right]
    for raw in sorted(by_raw):
        blocks.append(by_raw[raw])
        while len(blocks) > 1 and blocks[-2][2] / blocks[-2][1] >= blocks[-1][2] / blocks[-1][1]:
            last = blocks.pop()
            for i in range(3):
                blocks[-1][i] += last[i]
    knots: list[tuple[float, float]] = []
    for raw, n, right in blocks:  # (smoothing can dent the rise between small blocks: keep it rising)
        chance = max(round((right + 0.5) / (n + 1), 4), knots[-1][1] if knots else 0.0)
        if knots and round(raw / n, 4) <= knots[-1][0]:  # two blocks a rounding apart: one knot
            knots[-1] = (knots[-1][0], chance)
        else:
            knots.append((round(raw / n, 4), chance))
    return tuple(knots)


def write_calibration(knots: Knots, sample: str, report_lines: Sequence[str], path: Path = CALIBRATION_FILE) -> None:
    """The knots and the report that measured them, replacing the file at once (never half written)."""
    header = (
        "# Calibration of the engine's scores (c5names.scoring.calibrated): knots [raw score, chance\n"
        "# the link is right], linearly interpolated. Written by `c5names eval GOLD --calibration --fit`;\n"
        "# the report is what that run measured (docs/evaluation.md shows it). Do not edit by hand.\n"
    )
    head = {"version": 1, "sample": sample, "knots": [list(k) for k in knots]}
    body = yaml.safe_dump(head, default_flow_style=None, width=100, allow_unicode=True, sort_keys=False)
    body += yaml.safe_dump({"report": list(report_lines)}, width=1000, allow_unicode=True, sort_keys=False)
    tmp = path.with_suffix(".yaml.tmp")
    try:
        tmp.write_text(header + body, encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def recorded_report(path: Path = CALIBRATION_FILE) -> list[str]:
    """The report the last fit wrote beside its knots (none: an empty list)."""
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [str(line) for line in data.get("report", [])]


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    confidence: float
    accuracy: float


def reliability(observations: Sequence[Observation], knots: Knots) -> tuple[list[Bin], float]:
    """Bins of width 1/BINS over the score (calibrated by `knots`; none: the raw score): weighted mean
    score against weighted share right; and the expected calibration error, the weighted mean gap."""
    bins: list[Bin] = []
    total = sum(o.weight for o in observations) or 1.0
    ece = 0.0
    scored = [(interpolate(knots, o.raw), o) for o in observations]
    for b in range(BINS):
        inside = [(value, o) for value, o in scored if _bin(value) == b]
        if not inside:
            continue
        weight = sum(o.weight for _value, o in inside)
        confidence = sum(value * o.weight for value, o in inside) / weight
        accuracy = sum(o.right * o.weight for _value, o in inside) / weight
        bins.append(Bin(b / BINS, (b + 1) / BINS, len(inside), confidence, accuracy))
        ece += weight / total * abs(confidence - accuracy)
    return bins, ece


def held_out_ece(observations: Sequence[Observation], folds: int = 2) -> float:
    """The calibration error on documents the fit did not see: the gold documents dealt into `folds`
    groups, each scored by knots fitted on the others; the weighted mean of the folds' errors."""
    docs = sorted({o.doc for o in observations})
    fold_of = {doc: n % folds for n, doc in enumerate(docs)}
    total, weighted = 0.0, 0.0
    for fold in range(folds):
        test = [o for o in observations if fold_of[o.doc] == fold]
        train = [o for o in observations if fold_of[o.doc] != fold]
        if not test or not train:
            continue
        weight = sum(o.weight for o in test)
        weighted += weight * reliability(test, fit(train))[1]
        total += weight
    return weighted / total if total else 0.0


def _bin(value: float) -> int:
    return min(int(value * BINS), BINS - 1)


def precision_at(
    observations: Sequence[Observation], knots: Knots, thresholds: Sequence[float]
) -> list[tuple[float, int, float]]:
    """(threshold, links kept, weighted share right) for links scored at or above each threshold."""
    rows = []
    for threshold in thresholds:
        kept = [o for o in observations if interpolate(knots, o.raw) >= threshold]
        weight = sum(o.weight for o in kept)
        rows.append((threshold, len(kept), sum(o.right * o.weight for o in kept) / weight if weight else 1.0))
    return rows


def report(observations: Sequence[Observation], sample: str, knots: Knots | None = None) -> list[str]:
    """The reliability table of the raw and the calibrated score, their calibration errors (on the
    sample, and held out), and the precision per threshold, as Markdown lines."""
    knots = calibration_knots() if knots is None else knots
    withheld = sum(1 for o in observations if o.withheld is not None)
    lines = [
        f"Sample: {sample}. Links observed: {len(observations)} ({sum(o.right for o in observations)} right); "
        f"{withheld} of them made with a gold person withheld from the gazetteer, weighted as "
        f"{UNKNOWN_SHARE:.0%} of person mentions.",
        "",
    ]
    for title, table_knots in (("Raw score", ()), ("Calibrated score", knots)):
        bins, ece = reliability(observations, table_knots)
        lines += [
            f"**{title}**: expected calibration error {ece:.3f}",
            "",
            "| score bin | links | mean score | share right |",
            "| :--- | ---: | ---: | ---: |",
        ]
        lines += [f"| {b.low:.1f}–{b.high:.1f} | {b.count} | {b.confidence:.3f} | {b.accuracy:.3f} |" for b in bins]
        lines.append("")
    lines += [
        f"Held out (fitted on half the documents, measured on the other half, both ways): expected "
        f"calibration error {held_out_ece(observations):.3f}.",
        "",
        "| --min-score | links kept | share right |",
        "| ---: | ---: | ---: |",
    ]
    thresholds = (0.3, 0.5, 0.7, 0.8, 0.9, 0.95)
    lines += [f"| {t:.2f} | {n} | {p:.3f} |" for t, n, p in precision_at(observations, knots, thresholds)]
    return lines
