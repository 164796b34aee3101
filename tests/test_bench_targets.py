"""The bench's verdicts on issue 17's targets 1-3 (`bench/run.py`, `issue17_text_rows`): a ratio meets
a target only when both the best-of-repeats ratio and the median of the repeats' ratios do, and the
corpora with few names and with a dense one are held to the EntityRuler of the same run; and a run whose
source changed under it says so on its page."""

from __future__ import annotations

from typing import Any

import c5names.index.store as store
from bench.run import Config, Results, current_engine, engine_change, issue17_text_rows


def _sparse(cold: tuple[float, float, float], warm: tuple[float, float, float]) -> dict[str, float]:
    """A row of `sparse_rows`: (best, median, EntityRuler) cold and warm."""
    row: dict[str, float] = {"tokens": 1000, "words_per_name": 150}
    for state, (best, median, ruler) in (("cold", cold), ("warm", warm)):
        row.update({f"{state}_ratio": best, f"{state}_median_ratio": median, f"{state}_ruler_ratio": ruler})
    return row


def _verdicts(cost: dict[str, Any]) -> dict[str, str]:
    results = Results(config=Config(quick=True), cost={"ru": cost})
    return {label: verdict for label, _measured, verdict in issue17_text_rows(results)}


def _cost(**sparse: dict[str, float]) -> dict[str, Any]:
    return {"ratio": 0.42, "median_ratio": 0.41, "ruler_ratio": 0.93, "answers_ratio": 0.98, "sparse": sparse}


def test_no_names_needs_best_and_median_at_the_target() -> None:
    verdicts = _verdicts(
        _cost(nameless=_sparse(cold=(0.76, 0.74, 0.97), warm=(0.94, 0.93, 0.98)), news150=_sparse((0, 0, 0), (0, 0, 0)))
    )
    assert verdicts["no names, cold: ≥ 0.75 of blank (ru)"] == "**MISS**"  # (the median falls short)
    assert verdicts["no names, warm: ≥ 0.90 of blank (ru)"] == "PASS"


def test_news_needs_half_of_blank_and_the_entity_ruler() -> None:
    news = _sparse(cold=(0.68, 0.68, 0.99), warm=(0.60, 0.61, 0.55))
    verdicts = _verdicts(_cost(news150=news, nameless=_sparse((0, 0, 0), (0, 0, 0))))
    assert verdicts["a name every ~150 words, cold: ≥ 0.50 of blank and ≥ the EntityRuler (ru)"] == "**MISS**"
    assert verdicts["a name every ~150 words, warm: ≥ 0.50 of blank and ≥ the EntityRuler (ru)"] == "PASS"


def test_dense_needs_the_entity_ruler_and_most_of_the_ceiling() -> None:
    dense = {"ratio": 0.14, "median_ratio": 0.14, "ruler_ratio": 0.06, "answers_ratio": 0.82}
    verdicts = _verdicts(dense)  # (a quick run without the sparse corpora: only the dense row)
    assert list(verdicts) == ["dense corpus: ≥ the EntityRuler and ≥ 0.8 × the ceiling (ru)"]
    assert verdicts["dense corpus: ≥ the EntityRuler and ≥ 0.8 × the ceiling (ru)"] == "**MISS**"  # 0.14 < 0.656
    dense["answers_ratio"] = 0.17
    assert _verdicts(dense)["dense corpus: ≥ the EntityRuler and ≥ 0.8 × the ceiling (ru)"] == "PASS"


def test_a_run_says_when_the_engine_changed_under_it(monkeypatch: Any) -> None:
    """A source file edited during a bench run changes the engine version: the page must say so
    rather than present figures of two versions of the code as one."""
    before = current_engine()
    assert before is not None and engine_change(before, current_engine()) is None
    monkeypatch.setattr(store, "COMPILE_PATH", (*store.COMPILE_PATH, "linker.py"))  # (as if a file were edited)
    after = current_engine()
    assert after != before
    message = engine_change(before, after)
    assert message is not None and before in message and str(after) in message
    monkeypatch.undo()
    assert current_engine() == before
