"""Markdown rendering of the benchmark results: tables, PASS/MISS marks and number formats."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], align: str | None = None) -> str:
    """A GitHub-flavoured Markdown table; `align` is one letter per column (l, r, c)."""
    align = align or "l" + "r" * (len(headers) - 1)
    marks = {"l": ":---", "r": "---:", "c": ":---:"}
    lines = [
        "| " + " | ".join(str(h) for h in headers) + " |",
        "| " + " | ".join(marks[a] for a in align) + " |",
    ]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def mark(ok: bool | None) -> str:
    """PASS, MISS, or n/a when nothing was measured."""
    if ok is None:
        return "n/a"
    return "PASS" if ok else "**MISS**"


def num(value: float | None, digits: int = 2, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return f"{value:,.{digits}f}{unit}"


def rate(value: float | None) -> str:
    """Tokens per second, thousands separated."""
    if value is None:
        return "n/a"
    return f"{value:,.0f}"


def ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def f1(result: dict[str, Any] | None, key: str = "persons lenient") -> str:
    if not result or key not in result:
        return "n/a"
    return f"{result[key]['F1']:.3f}"
