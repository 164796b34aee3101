"""Command-line calls on a large user gazetteer (issue 17, target 6): `python bench/cli_calls.py [--persons N]`.

Each c5names command that reads a gazetteer runs as a user runs it, a new process with
`--gazetteer DIR` holding N synthetic persons (bench/synthetic.py; default 100,000), once the
compiled index is cached: the wall time of each (best of `--runs`), against the target of 2 s, and
the cache directory's files and size afterwards (it must hold one index, and its entity records, per
gazetteer content and engine version). `validate` is left out: reading every file is its job (and
the synthetic persons have no sources, so it lists a problem for each).
The first run writes the gazetteer and compiles it into bench/results/ (a few minutes at 100,000).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from bench import synthetic  # noqa: E402
from bench.measure import machine  # noqa: E402
from bench.report import table  # noqa: E402

RESULTS = ROOT / "bench" / "results"
TARGET_S = 2.0


def _run(args: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "c5names", *args], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL
    )
    return time.perf_counter() - start, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = RESULTS / f"gazetteer-{args.persons}"
    if not (folder / "countries.yaml").exists():
        synthetic.write_gazetteer(folder, args.persons)
    cache = RESULTS / f"cache-cli-{args.persons}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "C5NAMES_CACHE_DIR": str(cache)}
    env.pop("C5NAMES_NO_CACHE", None)
    base = ["--no-default-gazetteer", "--gazetteer", str(folder)]
    seconds, listed = _run([*base, "list"], env)  # compiles and caches on a first run
    if listed.returncode:
        raise SystemExit(listed.stderr)
    print(table(["machine", ""], list(machine().items()), "ll"))
    print(f"\nfirst `list` (compiles unless cached): {seconds:.1f} s\n")
    first_id, _type, name = listed.stdout.splitlines()[0].split("\t")
    article = next(iter(sorted((ROOT / "examples").glob("*.txt"))), ROOT / "examples" / "none.txt")
    (RESULTS / "one-line.jsonl").write_text(json.dumps({"id": "a", "text": f"{name} spoke."}) + "\n")
    calls = {
        "list": ["list"],
        "lookup NAME": ["lookup", name],
        "show ID": ["show", first_id],
        "variants ID": ["variants", first_id],
        "normalise (one document)": ["normalise", str(RESULTS / "one-line.jsonl"), "--format", "jsonl"],
    }
    if article.is_file():
        calls["normalise ARTICLE"] = ["normalise", str(article)]
    rows = []
    for label, call in calls.items():
        times = []
        for _ in range(args.runs):
            elapsed, done = _run([*base, *call], env)
            if done.returncode:
                raise SystemExit(f"{label}: exit {done.returncode}: {done.stderr.strip()}")
            times.append(elapsed)
        rows.append([f"`{label}`", f"{min(times):.2f}", "met" if min(times) <= TARGET_S else "**MISS**"])
    header = f"command, `--gazetteer DIR` of {args.persons:,} persons"
    print(table([header, "seconds (best)", "≤ 2 s"], rows))
    files = sorted(cache.iterdir())
    print("\ncache directory after the calls:\n")
    print(table(["file", "MB"], [[f.name, f"{f.stat().st_size / 1e6:.1f}"] for f in files], "lr"))


if __name__ == "__main__":
    main()
