"""Benchmark of `c5names import wikidata` on a generated dump: entities per second and peak memory.

    python bench/import_bench.py [--entities 1000000] [--keep]

The dump is generated here (never downloaded), in Wikidata's dump format (a JSON array with one
entity per line), with fixed seeds: one entity in five is a human (names in three languages, a
citizenship, some with a position held and dates), the others are places with a country (which the
importer must read and drop). The import runs in its own process twice: with `--country Q30`, which
nobody in the dump passes (the cost of reading and filtering alone), then with `--country Q232`,
which keeps about one human in two; peak resident memory is read from the operating system.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ["Q232", "Q813", "Q863", "Q874"]
GIVEN = ["Aibek", "Dariga", "Nurlan", "Saule", "Timur", "Aigerim", "Bakyt", "Gulnara", "Marat", "Zhanna"]
SURNAMES = ["Abenov", "Bekova", "Dzhaksybekov", "Ermekova", "Iskakov", "Kasymova", "Nurlanov", "Sadykova"]
CYRILLIC = str.maketrans("abdegijklmnorstuvyzhAB", "абдегийклмнорстувызхАБ")


def _item(prop: str, qid: str, qualifiers: dict[str, object] | None = None) -> dict[str, object]:
    snak = {"snaktype": "value", "property": prop, "datavalue": {"value": {"id": qid}, "type": "wikibase-entityid"}}
    statement: dict[str, object] = {"mainsnak": snak, "rank": "normal"}
    if qualifiers:
        statement["qualifiers"] = qualifiers
    return statement


def _time(prop: str, year: int) -> dict[str, object]:
    value = {"time": f"+{year}-01-01T00:00:00Z", "precision": 9}
    return {"snaktype": "value", "property": prop, "datavalue": {"value": value, "type": "time"}}


def entity(n: int, rng: random.Random) -> dict[str, object]:
    qid = f"Q{900_000_000 + n}"  # far above real items: no clash with the shipped QIDs
    if n % 5:
        labels = {"en": {"language": "en", "value": f"Place {n}"}}
        return {"type": "item", "id": qid, "labels": labels, "claims": {"P17": [_item("P17", rng.choice(COUNTRIES))]}}
    given, surname = rng.choice(GIVEN), rng.choice(SURNAMES)
    name = f"{given} {surname}"
    labels = {
        "en": {"language": "en", "value": name},
        "ru": {"language": "ru", "value": name.translate(CYRILLIC)},
        "de": {"language": "de", "value": name},
    }
    claims: dict[str, object] = {"P31": [_item("P31", "Q5")], "P27": [_item("P27", rng.choice(COUNTRIES))]}
    if rng.random() < 0.3:
        start = rng.randint(1995, 2020)
        claims["P39"] = [_item("P39", "Q2416315", {"P580": [_time("P580", start)], "P582": [_time("P582", start + 3)]})]
    return {"type": "item", "id": qid, "labels": labels, "aliases": {}, "claims": claims}


def generate(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write("[\n")
        for n in range(count):
            out.write(json.dumps(entity(n, rng), ensure_ascii=False) + (",\n" if n < count - 1 else "\n"))
        out.write("]\n")


def measure(dump: Path, out: Path, country: str) -> tuple[float, float, str]:
    """Seconds, peak memory (MB) and the importer's summary line. Peak memory is the largest of
    the runs so far (the operating system's figure for all children): run the lighter one first."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "C5NAMES_CACHE_DIR": str(out.parent / "cache")}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "c5names", "import", "wikidata", str(dump), "--country", country, "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 2):  # 2: nothing passed the filter (the streaming-only run)
        raise SystemExit(done.stderr)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    summary = next((line for line in done.stderr.splitlines() if "record(s) read" in line), "")
    return seconds, peak_mb, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated dump and output")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="c5names-import-bench-"))
    dump = work / "dump.json"
    started = time.perf_counter()
    generate(dump, args.entities)
    size = dump.stat().st_size / 1e6
    print(f"generated {args.entities:,} entities ({size:.0f} MB) in {time.perf_counter() - started:.0f} s")
    print("| --country | entities | people kept | seconds | entities/s | peak memory (MB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for country in ("Q30", "Q232"):  # Q30: nobody passes (reading alone); Q232: about one human in four
        seconds, peak_mb, summary = measure(dump, work / f"out-{country}.yaml", country)
        kept = summary.split("read: ")[-1].split(" entities imported")[0] if summary else "?"
        rate = args.entities / seconds
        print(f"| {country} | {args.entities:,} | {kept} | {seconds:.1f} | {rate:,.0f} | {peak_mb:.0f} |")
    if not args.keep:
        for path in sorted(work.rglob("*"), reverse=True):
            path.rmdir() if path.is_dir() else path.unlink()
        work.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
