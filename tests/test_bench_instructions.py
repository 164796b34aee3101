"""`bench/instructions.py` reads callgrind's dumps: each requested dump's instructions by its name,
the dump at the program's end left out, and blank / c5names from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.instructions import ratio, read_dumps

# The head of a dump as callgrind 3.19 writes it on `callgrind_control --dump=NAME` (what follows
# the summary, the cost lines, is not read).
DUMP = """# callgrind format
version: 1
creator: callgrind-3.19.0
pid: 4752
cmd:  python3.11 bench/instructions.py --worker en
part: {part}


desc: I1 cache:
desc: D1 cache:
desc: LL cache:

desc: Timerange: Basic block 268206254 - 563085916
desc: Trigger: {trigger}

positions: line
events: Ir
summary: {summary}


ob=(1) /usr/lib/x86_64-linux-gnu/libc.so.6
fl=(1) ./string/memset.S
fn=(1) memset
0 12
"""


def _write(folder: Path, name: str, part: int, trigger: str, summary: int) -> Path:
    path = folder / name
    path.write_text(DUMP.format(part=part, trigger=trigger, summary=summary), encoding="utf-8")
    return path


def test_each_requested_dump_is_read_by_its_name(tmp_path: Path) -> None:
    paths = [
        _write(tmp_path, "callgrind.out", 3, "Program termination", 18446744072165978380),
        _write(tmp_path, "callgrind.out.1", 1, "dump blank", 706248605),
        _write(tmp_path, "callgrind.out.2", 2, "dump c5names", 836758217),
    ]
    counts = read_dumps(paths)
    assert counts == {"blank": 706248605, "c5names": 836758217}
    assert ratio(counts) == pytest.approx(706248605 / 836758217)


def test_a_dump_without_its_summary_is_not_counted(tmp_path: Path) -> None:
    path = tmp_path / "callgrind.out.1"
    path.write_text(DUMP.split("summary:")[0], encoding="utf-8")  # (cut off: the worker was killed)
    assert read_dumps([path]) == {}
