"""Instructions, not seconds: `python bench/instructions.py [--langs fr,en] [--corpus nameless|news150]
[--state warm|cold] [--mb 2] [--root DIR]`.

Why: on these shared machines the wall-clock ratios of `bench/run.py` move by a tenth from one run to
the next on the same code (two full runs an hour apart: French text naming nobody, warm, 0.810 and
0.925 of blank), more than most single changes gain. valgrind's callgrind counts the instructions a
process executes, which do not depend on what else the machine is doing (the same command twice, cold
on 0.05 MB of English: blank's count within 0.4 %, c5names' within 0.02 %; where the rest varies from,
address layout or when valgrind takes a dump it is asked for, is not known), so two versions of the
code compare to a fraction of a percent, and a change can be judged before the bench's half-hour run.

What it measures: each language in its own process under `valgrind --tool=callgrind
--instr-atstart=no`. The corpus (`bench/corpus.py` with `NEWS_PROSE`, as `run.sparse_rows` builds
it), a blank pipeline and one with c5names, one untimed pass of each (every tokenizer cache filled, as
`measure.same_tokenizer_state` does, and c5names' caches; with `--state cold` these are then emptied
as `run.reset_c5names` empties them) run uninstrumented, at a few times native speed. Then
instrumentation is switched on (`callgrind_control`), and blank's pass and c5names' pass are each
counted and dumped apart.

What it leaves out: cache misses, mispredicted branches, page faults and the kernel. c5names' Python
runs at fewer instructions a cycle than spaCy's tokenizer, so blank / c5names in instructions is
higher than the same ratio in seconds (the first is the share of blank's throughput c5names would
keep if every instruction cost the same). It says how much work c5names adds; `bench/run.py` says
what that costs in time.

`--root DIR` runs the measured code from another checkout (a `git worktree` of an older commit with
its compiled extensions built or copied in): the same command on both gives an A/B in instructions.
Prints a Markdown table. Needs valgrind (Debian's package); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SYSTEMS = ("blank", "c5names")  # counted in this order, each dumped under its name


def read_dumps(paths: list[Path]) -> dict[str, int]:
    """The instructions of each dump callgrind wrote on request (`--dump=NAME`), by NAME: its
    `desc: Trigger: dump NAME` line and its `summary:` line. The dump at the program's end (its
    trigger is "Program termination") is left out."""
    found: dict[str, int] = {}
    for path in paths:
        trigger: str | None = None
        summary: int | None = None
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith("desc: Trigger: dump "):
                    trigger = line[len("desc: Trigger: dump ") :].strip()
                elif line.startswith("summary:"):
                    summary = int(line.split(":", 1)[1])
                    break
        if trigger is not None and summary is not None:
            found[trigger] = summary
    return found


def ratio(counts: dict[str, int]) -> float:
    """blank's instructions over c5names' (both tokenise: c5names' pass is blank's and the component)."""
    return counts["blank"] / counts["c5names"]


def measure_language(lang: str, corpus: str, state: str, mb: float, root: Path) -> dict[str, int]:
    """Run the worker for one language under callgrind and read its two dumps."""
    with tempfile.TemporaryDirectory(prefix="c5names-instructions-") as work:
        out = Path(work) / "callgrind.out"
        command = [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={out}",
            sys.executable,
            str(Path(__file__).resolve()),
            "--worker",
            lang,
            "--corpus",
            corpus,
            "--state",
            state,
            "--mb",
            str(mb),
            "--root",
            str(root),
        ]
        env = {**os.environ, "PYTHONHASHSEED": "0"}  # (the same sets and dicts in every run)
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        counts = read_dumps(sorted(Path(work).glob("callgrind.out*")))
        if done.returncode != 0 or set(counts) != set(SYSTEMS):
            tail = "\n".join(done.stderr.splitlines()[-15:])
            raise SystemExit(f"the worker for {lang} failed (exit {done.returncode}, dumps {sorted(counts)}):\n{tail}")
        return counts


def worker(lang: str, corpus_name: str, state: str, mb: float, root: Path) -> None:
    """Inside valgrind: build everything uninstrumented, then count one pass of each system."""
    sys.path.insert(0, str(root))
    import gc

    import c5names

    if not Path(c5names.__file__).resolve().is_relative_to(root.resolve()):
        raise SystemExit(f"c5names was imported from {c5names.__file__}, not from {root}")
    from bench import corpus, measure, peers
    from bench.run import Config, reset_c5names

    gazetteer = c5names.load()
    docs = corpus.build(gazetteer, lang, int(mb * 1e6), seed=Config(quick=False).seed, prose=corpus.NEWS_PROSE)
    texts = [d.text for d in docs] if corpus_name == "news150" else corpus.without_names(docs)
    systems = {"blank": peers.make_blank(lang), "c5names": peers.make_c5names(lang)}
    measure.same_tokenizer_state(systems, texts)
    for _doc in systems["c5names"].pipe(texts, batch_size=64):
        pass
    if state == "cold":
        reset_c5names("c5names", systems["c5names"])
    gc.collect()
    gc.freeze()  # (as `measure.interleaved` does before each repeat)
    pid = str(os.getpid())

    def control(option: str) -> None:
        subprocess.run(["callgrind_control", option, pid], check=True, stdout=subprocess.DEVNULL)

    control("--instr=on")
    for name in SYSTEMS:
        control("--zero")
        for _doc in systems[name].pipe(texts, batch_size=64):
            pass
        control(f"--dump={name}")
    control("--instr=off")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--langs", default="fr,en,de,ru")
    parser.add_argument("--corpus", choices=("nameless", "news150"), default="nameless")
    parser.add_argument("--state", choices=("warm", "cold"), default="warm")
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size per language (bench/run.py's is 2)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose c5names and bench are measured")
    parser.add_argument("--worker", metavar="LANG", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.corpus, args.state, args.mb, args.root)
        return
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    print(
        f"Instructions of one pass, {args.corpus} corpus, {args.state}, {args.mb:g} MB a language, "
        f"code of {args.root}\n"
    )
    print("| lang | blank | +c5names | blank / c5names |")
    print("| :--- | ---: | ---: | ---: |")
    for lang in [lang for lang in args.langs.split(",") if lang]:
        counts = measure_language(lang, args.corpus, args.state, args.mb, args.root)
        print(f"| {lang} | {counts['blank']:,} | {counts['c5names']:,} | {ratio(counts):.3f} |", flush=True)


if __name__ == "__main__":
    main()
