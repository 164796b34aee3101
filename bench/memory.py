"""Peak memory of the command line on one huge input: `python bench/memory.py [--text-mb 50] [--yaml-mb 100]`.

One document can be as large as a whole corpus (a book, a scraped site pasted into one line). What it
costs in memory must stay a small multiple of its size, or a 50 MB line needs gigabytes. Each case
runs `python -m c5names` in a fresh process and reads that process's own peak RSS (`wait4`), so the
cases do not see each other's memory:

- `txt → text` and `txt → jsonl`: one line of N MB of real sentences with names (the shipped example,
  repeated), as a .txt file;
- `jsonl → jsonl`: the same line as the "text" of one JSONL document;
- `txt → jsonl, --jobs 2`: the same, linked by two worker processes (the parent's peak);
- `validate`: one YAML file of M MB (synthetic persons, `bench/synthetic.py`), and the same persons in
  files of 5,000 persons (what the shipped gazetteer looks like), for comparison.

The baseline is the same command on a tiny input (the interpreter, the imports, the gazetteer and its
index); `(peak - baseline) / input` is the figure the target (≤ 10) applies to. Nothing here is a unit
test: memory and time are measured by this script only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from bench import synthetic  # noqa: E402

TARGET_RATIO = 10.0
MB = 1024 * 1024


@dataclass
class Row:
    case: str
    input_mb: float
    peak_mb: float
    baseline_mb: float
    seconds: float
    exit_code: int

    @property
    def ratio(self) -> float:
        return (self.peak_mb - self.baseline_mb) / self.input_mb if self.input_mb else float("nan")


def peak_of(args: list[str], cwd: Path) -> tuple[float, float, int]:
    """Run `python -m c5names ARGS`; its peak RSS in MB, the seconds it took and its exit status."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "C5NAMES_CACHE_DIR": str(cwd / "cache")}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "c5names", *args], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
    return usage.ru_maxrss / 1024, time.perf_counter() - started, proc.returncode


def one_line_text(size: int) -> str:
    """`size` bytes (UTF-8) of the example's sentences, on one line."""
    sentences = (ROOT / "examples" / "c5-summit.txt").read_text(encoding="utf-8").split("\n")
    unit = " ".join(s.strip() for s in sentences if s.strip()) + " "
    copies = size // len(unit.encode("utf-8")) + 1
    return (unit * copies).encode("utf-8")[:size].decode("utf-8", "ignore").rstrip()


def input_paths(folder: Path) -> dict[str, Path]:
    names = ["huge.txt", "huge.jsonl", "tiny.txt", "tiny.jsonl", "yaml-one", "yaml-many", "tiny-yaml"]
    keys = ["txt", "jsonl", "tiny.txt", "tiny.jsonl", "yaml-one", "yaml-many", "tiny-yaml"]
    return {key: folder / name for key, name in zip(keys, names, strict=True)}


def write_inputs(folder: Path, text_mb: float, yaml_mb: float) -> None:
    line = one_line_text(int(text_mb * MB))
    paths = input_paths(folder)
    paths["txt"].write_text(line, encoding="utf-8")
    paths["jsonl"].write_text(json.dumps({"id": "huge", "text": line}, ensure_ascii=False) + "\n", encoding="utf-8")
    paths["tiny.txt"].write_text(one_line_text(2000), encoding="utf-8")
    paths["tiny.jsonl"].write_text(json.dumps({"id": "tiny", "text": one_line_text(2000)}) + "\n", encoding="utf-8")
    del line
    persons = synthetic.people(max(1, int(yaml_mb * MB / 720)))
    one, many = paths["yaml-one"], paths["yaml-many"]
    for sub in (one, many):
        sub.mkdir()
        (sub / "countries.yaml").write_text(synthetic.countries_yaml(), encoding="utf-8")
    with (one / "persons.yaml").open("w", encoding="utf-8") as handle:
        handle.write("version: 1\nentities:\n")
        for person in persons:
            handle.write(synthetic.person_yaml(person))
    per_file = synthetic.PERSONS_PER_FILE
    for part, first in enumerate(range(0, len(persons), per_file)):
        text = "version: 1\nentities:\n" + "".join(synthetic.person_yaml(p) for p in persons[first : first + per_file])
        (many / f"persons-{part:03d}.yaml").write_text(text, encoding="utf-8")
    paths["tiny-yaml"].mkdir()
    (paths["tiny-yaml"] / "countries.yaml").write_text(synthetic.countries_yaml(), encoding="utf-8")


def size_of(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*.yaml")]
    return sum(p.stat().st_size for p in files) / MB


def measure(paths: dict[str, Path], folder: Path) -> list[Row]:
    out = str(folder / "out")
    cases = [
        ("txt → text", ["normalise", "{}", "-o", out], "txt", "tiny.txt"),
        ("txt → jsonl", ["normalise", "{}", "--format", "jsonl", "-o", out], "txt", "tiny.txt"),
        ("jsonl → jsonl", ["normalise", "{}", "--format", "jsonl", "-o", out], "jsonl", "tiny.jsonl"),
        (
            "txt → jsonl, --jobs 2",
            ["normalise", "{}", "--format", "jsonl", "--jobs", "2", "-o", out],
            "txt",
            "tiny.txt",
        ),
        ("validate, one file", ["validate", "{}", "--no-default-gazetteer"], "yaml-one", "tiny-yaml"),
        ("validate, 5,000 persons a file", ["validate", "{}", "--no-default-gazetteer"], "yaml-many", "tiny-yaml"),
    ]
    peak_of(["normalise", str(paths["tiny.txt"])], folder)  # compile the index cache once, first
    rows = []
    for name, template, big, tiny in cases:
        baseline, _, _ = peak_of([a.replace("{}", str(paths[tiny])) for a in template], folder)
        peak, seconds, code = peak_of([a.replace("{}", str(paths[big])) for a in template], folder)
        rows.append(Row(name, size_of(paths[big]), peak, baseline, seconds, code))
        print(_line(rows[-1]), flush=True)
    return rows


HEADER = "| case | input MB | peak RSS MB | baseline MB | (peak − baseline) / input | seconds | exit |"


def _line(row: Row) -> str:
    mark = "" if row.ratio <= TARGET_RATIO else " ✗"
    return (
        f"| {row.case} | {row.input_mb:.1f} | {row.peak_mb:.0f} | {row.baseline_mb:.0f} | "
        f"{row.ratio:.1f}×{mark} | {row.seconds:.1f} | {row.exit_code} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--text-mb", type=float, default=50.0, help="size of the one-line document (default 50)")
    parser.add_argument("--yaml-mb", type=float, default=100.0, help="size of the one YAML file (default 100)")
    parser.add_argument("--write-inputs", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.write_inputs:
        write_inputs(Path(args.write_inputs), args.text_mb, args.yaml_mb)
        return 0
    with tempfile.TemporaryDirectory(prefix="c5names-memory-") as tmp:
        folder = Path(tmp)
        # Written by another process: a child's peak RSS counts the parent's memory at fork time, so
        # this process must stay small.
        sizes = ["--text-mb", str(args.text_mb), "--yaml-mb", str(args.yaml_mb)]
        subprocess.run([sys.executable, __file__, "--write-inputs", str(folder), *sizes], check=True)
        paths = input_paths(folder)
        print(f"target: (peak − baseline) / input ≤ {TARGET_RATIO:g}\n")
        print(HEADER)
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        rows = measure(paths, folder)
    return 0 if all(row.ratio <= TARGET_RATIO and row.exit_code == 0 for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
