"""What a larger gazetteer costs the component: `python bench/gazetteer_cost.py OLD_DATA_DIR`.

The same code and the same corpus (the bench's generated news, built from the people of the older
gazetteer, so that both gazetteers know every name in it) are run through `spacy.blank(lang)` with
c5names reading the older data, and with the shipped data; both against the blank pipeline, in
interleaved warm repeats. Issue 15 asked that its 243 new people cost no more than 10 % of
throughput. To get an older data folder: `git archive <commit> data | tar -x -C /tmp/old`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

import c5names  # noqa: E402
from bench import corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", metavar="OLD_DATA_DIR", help="the older gazetteer's data folder")
    parser.add_argument("--bytes", type=int, default=150_000, help="corpus size per language (default 150,000)")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    old = c5names.load(args.old, default=False)
    print("| language | docs | old data ratio | new data ratio | new / old throughput |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for lang in corpus.LANGS:
        docs = [d.text for d in corpus.build(old, lang, args.bytes)]
        with_old = spacy.blank(lang)
        with_old.add_pipe("c5names", config={"include_default": False}).add_gazetteer(args.old)
        with_new = spacy.blank(lang)
        with_new.add_pipe("c5names")
        pipes = {"blank": spacy.blank(lang), "old": with_old, "new": with_new}
        for nlp in pipes.values():
            list(nlp.pipe(docs[:50]))  # warm: the index loaded, the first words seen
        times: dict[str, list[float]] = {name: [] for name in pipes}
        for _ in range(args.repeats):
            for name, nlp in pipes.items():
                start = time.perf_counter()
                list(nlp.pipe(docs))
                times[name].append(time.perf_counter() - start)
        median = {name: statistics.median(t) for name, t in times.items()}
        print(
            f"| {lang} | {len(docs)} | {median['blank'] / median['old']:.3f} | {median['blank'] / median['new']:.3f} "
            f"| {median['old'] / median['new']:.3f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
