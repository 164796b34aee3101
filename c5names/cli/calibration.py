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
from c5names.scoring import CALIBRATION_FILE, calibrated

BINS = 10
UNKNOWN_SHARE = 0.2


@dataclass(frozen=True)
class Observation:
    """One link made on a gold document: its raw and calibrated score, and whether it was right."""

    raw: float
    score: float
    right: bool
    withheld: str | None  # the entity left out of the gazetteer for this run, if any
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
            out.append(Observation(raw, m.score, verdict, withheld, person=m.type == "person"))
    return out


def fit(observations: Iterable[Observation]) -> list[tuple[float, float]]:
    """Knots (raw score, chance right) of the weighted isotonic fit, one per pooled block at the block's
    mean raw score, each chance smoothed by half a right and half a wrong pseudo-observation."""
    blocks: list[list[float]] = []  # [weighted sum of raw, weight, weight right]
    for obs in sorted(observations, key=lambda o: o.raw):
        if blocks and blocks[-1][0] / blocks[-1][1] == obs.raw:
            blocks[-1][0] += obs.raw * obs.weight
            blocks[-1][1] += obs.weight
            blocks[-1][2] += obs.weight * obs.right
        else:
            blocks.append([obs.raw * obs.weight, obs.weight, obs.weight * obs.right])
        while len(blocks) > 1 and blocks[-2][2] / blocks[-2][1] >= blocks[-1][2] / blocks[-1][1]:
            last = blocks.pop()
            for i in range(3):
                blocks[-1][i] += last[i]
    knots: list[tuple[float, float]] = []
    for raw, n, right in blocks:  # (smoothing can dent the rise between small blocks: keep it rising)
        chance = max(round((right + 0.5) / (n + 1), 4), knots[-1][1] if knots else 0.0)
        knots.append((round(raw / n, 4), chance))
    return knots


def write_calibration(knots: Sequence[tuple[float, float]], sample: str, path: Path = CALIBRATION_FILE) -> None:
    header = (
        "# Calibration of the engine's scores (c5names.scoring.calibrated): knots [raw score, chance\n"
        "# the link is right], linearly interpolated. Written by `c5names eval GOLD --calibration --fit`;\n"
        f"# fitted on {sample}. Do not edit by hand.\n"
    )
    body = yaml.safe_dump({"version": 1, "knots": [list(k) for k in knots]}, default_flow_style=None, width=100)
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text(header + body, encoding="utf-8")
    tmp.replace(path)


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    confidence: float
    accuracy: float


def reliability(observations: Sequence[Observation], calibrate: bool = True) -> tuple[list[Bin], float]:
    """Bins of width 1/BINS over the (calibrated or raw) score: weighted mean score against weighted
    share right; and the expected calibration error, the weighted mean gap."""
    bins: list[Bin] = []
    total = sum(o.weight for o in observations) or 1.0
    ece = 0.0
    for b in range(BINS):
        low, high = b / BINS, (b + 1) / BINS
        inside = [o for o in observations if _bin(_value(o, calibrate)) == b]
        if not inside:
            continue
        weight = sum(o.weight for o in inside)
        confidence = sum(_value(o, calibrate) * o.weight for o in inside) / weight
        accuracy = sum(o.right * o.weight for o in inside) / weight
        bins.append(Bin(low, high, len(inside), confidence, accuracy))
        ece += weight / total * abs(confidence - accuracy)
    return bins, ece


def _bin(value: float) -> int:
    return min(int(value * BINS), BINS - 1)


def _value(observation: Observation, calibrate: bool) -> float:
    return calibrated(observation.raw) if calibrate else observation.raw


def precision_at(observations: Sequence[Observation], thresholds: Sequence[float]) -> list[tuple[float, int, float]]:
    """(threshold, links kept, share right) for links scored at or above each threshold."""
    rows = []
    for threshold in thresholds:
        kept = [o for o in observations if calibrated(o.raw) >= threshold]
        weight = sum(o.weight for o in kept)
        rows.append((threshold, len(kept), sum(o.right * o.weight for o in kept) / weight if weight else 1.0))
    return rows


def report(observations: Sequence[Observation], label: str) -> list[str]:
    """The reliability table, the ECE and the precision per threshold, as Markdown."""
    lines = [f"Observations: {len(observations)} links on {label}, {sum(o.right for o in observations)} right.", ""]
    for calibrate in (False, True):
        bins, ece = reliability(observations, calibrate)
        lines += [
            f"**{'Calibrated' if calibrate else 'Raw'} score** — expected calibration error {ece:.3f}",
            "",
            "| score bin | links | mean score | share right |",
            "| :--- | ---: | ---: | ---: |",
        ]
        lines += [f"| {b.low:.1f}–{b.high:.1f} | {b.count} | {b.confidence:.3f} | {b.accuracy:.3f} |" for b in bins]
        lines.append("")
    lines += ["| --min-score | links kept | share right |", "| ---: | ---: | ---: |"]
    thresholds = (0.3, 0.5, 0.7, 0.8, 0.9, 0.95)
    lines += [f"| {t:.2f} | {n} | {p:.3f} |" for t, n, p in precision_at(observations, thresholds)]
    return lines
