"""Calibration: the isotonic fit, the interpolation the engine reads, the reliability report, the
`eval --calibration [--fit]` command, and the shipped report being what that command measures."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from c5names import scoring
from c5names.cli import calibration as cal
from c5names.cli import commands
from c5names.cli.calibration import Observation, fit, held_out_ece, reliability, report
from c5names.cli.evaluate import read_gold
from c5names.gazetteer import load
from c5names.scoring import CALIBRATION_FILE, CalibrationError, calibrated, calibration_knots, interpolate

from .conftest import shared_file
from .test_cli_support import assert_clean_failure, call

GOLD = Path(__file__).resolve().parent.parent / "docs" / "examples" / "gold.jsonl"


def _obs(raw: float, right: bool, doc: str = "d", weight: float = 1.0) -> Observation:
    return Observation(raw, raw, right, None, doc, weight)


def test_fit_pools_a_fall_into_one_rising_block() -> None:
    # 0.6 is right more often than 0.7: the two are pooled, so the map never falls.
    observations = [_obs(0.6, True), _obs(0.6, True), _obs(0.7, False), _obs(0.7, True), _obs(0.9, True)]
    knots = fit(observations)
    assert [k[0] for k in knots] == [0.65, 0.9]
    assert knots[0][1] == round((3 + 0.5) / (4 + 1), 4)  # 3 of 4 right, smoothed by half a right and a wrong
    assert knots[1][1] == round((1 + 0.5) / (1 + 1), 4)


def test_fit_weighs_observations() -> None:
    light = fit([_obs(0.5, False, weight=0.25), _obs(0.5, True)])
    assert light == ((0.5, round(1.5 / 2.25, 4)),)


@given(st.lists(st.tuples(st.floats(0, 1), st.booleans(), st.floats(0.1, 3)), min_size=1, max_size=60))
def test_fitted_knots_rise_and_stay_probabilities(rows: list[tuple[float, bool, float]]) -> None:
    knots = fit([_obs(round(r, 4), right, weight=w) for r, right, w in rows])
    assert all(0 <= p <= 1 and 0 <= r <= 1 for r, p in knots)
    assert all(a[0] < b[0] and a[1] <= b[1] for a, b in itertools.pairwise(knots))


def test_interpolate_is_linear_between_knots_and_flat_beyond() -> None:
    knots = ((0.4, 0.1), (0.8, 0.9))
    assert interpolate(knots, 0.6) == 0.5
    assert interpolate(knots, 0.1) == 0.1
    assert interpolate(knots, 1.0) == 0.9
    assert interpolate((), 0.37) == 0.37


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("knots:\n- [0.5, 0.2]\n- [0.4, 0.3]\n", "knot 2 (0.4, 0.3) does not rise"),
        ("knots:\n- [0.5, 0.6]\n- [0.7, 0.3]\n", "knot 2 (0.7, 0.3) does not rise"),
        ("knots:\n- [0.5, 1.2]\n", "knot 1 (0.5, 1.2) is outside [0, 1]"),
    ],
)
def test_a_malformed_calibration_file_is_named(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "calibration.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CalibrationError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        calibration_knots(path)


def test_a_perfectly_calibrated_sample_has_no_error() -> None:
    # 0.25: one right in four; 0.75: three right in four.
    observations = [_obs(0.25, n == 0) for n in range(4)] + [_obs(0.75, n != 0) for n in range(4)]
    bins, ece = reliability(observations, ())
    assert ece == 0
    assert [(b.low, b.count, b.accuracy) for b in bins] == [(0.2, 4, 0.25), (0.7, 4, 0.75)]
    over = reliability([_obs(0.95, False), _obs(0.95, True)], ())[1]
    assert over == pytest.approx(0.45)


def test_held_out_error_measures_knots_on_documents_they_were_not_fitted_on() -> None:
    # Document a links at 0.9 always right, document b at 0.9 always wrong: each half predicts the other badly.
    observations = [_obs(0.9, True, "a")] * 5 + [_obs(0.9, False, "b")] * 5
    in_sample = reliability(observations, fit(observations))[1]
    assert in_sample < 0.01
    assert held_out_ece(observations) > 0.8


def test_report_gives_both_tables_the_held_out_error_and_thresholds() -> None:
    observations = [_obs(0.95, True, str(n)) for n in range(8)] + [_obs(0.4, False, "x"), _obs(0.4, False, "y")]
    lines = report(observations, "a sample", knots=fit(observations))
    text = "\n".join(lines)
    assert text.startswith("Sample: a sample. Links observed: 10 (8 right)")
    assert "**Raw score**: expected calibration error" in text
    assert "**Calibrated score**: expected calibration error" in text
    assert "Held out" in text
    assert "| 0.50 | 8 | 1.000 |" in text  # the two wrong links fall below 0.5 once calibrated


def test_write_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "calibration.yaml"
    cal.write_calibration(((0.4, 0.1), (0.9, 0.95)), "a sample", ["| a | b |", "", "é"], path)
    assert calibration_knots.__wrapped__(path) == ((0.4, 0.1), (0.9, 0.95))
    assert cal.recorded_report(path) == ["| a | b |", "", "é"]
    assert [p.name for p in tmp_path.iterdir()] == ["calibration.yaml"]


def test_eval_calibration_reports_on_the_users_gold(capsys: pytest.CaptureFixture[str]) -> None:
    result = call(capsys, "eval", GOLD, "--calibration")
    assert result.code == 0, result.err
    assert result.out.startswith("Sample: gold.jsonl (")
    assert "| --min-score | links kept | share right |" in result.out


def test_fit_needs_calibration_and_calibration_reads_no_predictions(capsys: pytest.CaptureFixture[str]) -> None:
    assert_clean_failure(call(capsys, "eval", GOLD, "--fit"), 2, "--fit", "--calibration")
    assert_clean_failure(call(capsys, "eval", GOLD, "--calibration", "--pred", GOLD), 2, "--pred")


def test_fit_writes_knots_and_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "calibration.yaml"
    monkeypatch.setattr(commands, "CALIBRATION_FILE", target)
    shipped = CALIBRATION_FILE.read_bytes()
    result = call(capsys, "eval", GOLD, "--calibration", "--fit")
    assert result.code == 0, result.err
    assert cal.recorded_report(target) == result.out.splitlines()
    assert calibration_knots.__wrapped__(target)
    assert CALIBRATION_FILE.read_bytes() == shipped


def test_the_shipped_report_is_what_the_command_measures_on_dev() -> None:
    """docs/evaluation.md shows the recorded report: it must be what `eval --calibration` prints now
    on the sample it names (refit after changing the engine: `c5names eval dev.jsonl --calibration --fit`)."""
    dev = shared_file("eval", "dev.jsonl")
    gold = read_gold(str(dev))
    recorded = cal.recorded_report()
    observations = cal.observe(load(), gold)
    assert report(observations, f"{dev.name} ({len(gold)} documents)") == recorded


@given(st.floats(0.0, 1.0))
def test_calibrated_is_the_shipped_knots_interpolated(raw: float) -> None:
    """`calibrated` remembers each raw score's answer: the shipped knots interpolated at it."""
    assert calibrated(raw) == interpolate(calibration_knots(), raw)


def test_calibrated_follows_new_knots(monkeypatch: pytest.MonkeyPatch) -> None:
    """A raw score's answer is remembered with the knots it came from: after a new fit (new knots, as
    `calibrate --fit` clears the knots' cache), the new knots answer."""
    before = calibrated(0.7)
    monkeypatch.setattr(scoring, "calibration_knots", lambda: ((0.0, 0.0), (1.0, 0.5)))
    assert calibrated(0.7) == 0.35 != before
