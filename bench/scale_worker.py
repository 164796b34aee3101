"""Scale measurements, each run in a fresh process: `python -m bench.scale_worker MODE DIR PLAN [options]`.

Modes (each prints one JSON object as its last line):

- `compile`: with C5NAMES_NO_CACHE=1, time `load(DIR, default=False)` (YAML + validation) and then
  `build_index` alone; peak RSS. Then write the on-disk cache for the `serve` process, reusing the
  index just built (not timed as compile), and the PLAN file: the forms to look up (exact and with one
  edit) and an English corpus naming 2,000 of the gazetteer's persons, drawn here so that the serving
  process never needs the entity models.
- `serve`: the cache is present. Time `load(DIR, default=False)` up to `gazetteer.index` being ready
  (cached load), then lookup latency (the index's caches emptied before every call) and the
  throughput of `spacy.blank("en")` with and without c5names on the PLAN's corpus; peak RSS of the
  whole process, which is what serving this gazetteer costs.
- `load`: the cache is present. Only the cached load `serve` times first, for more samples of it.
- `ruler`: the EntityRuler peer with every form of every entity of DIR: build time, throughput ratio
  against blank on the PLAN's corpus, peak RSS.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import measure


def _sample_ids(index: Any, n: int, seed: int) -> list[str]:
    """n person ids drawn at random, read from the compiled index's facts (in the gazetteer's order):
    iterating the gazetteer parses every entity's model, which at a million persons took the compile
    process from 3.1 to 8.8 GB of peak RSS (3.2 GB drawing so)."""
    ids = [facts.id for facts in index.entities if facts.type == "person"]
    rng = random.Random(seed)
    return rng.sample(ids, k=min(n, len(ids)))


# -- compile ---------------------------------------------------------------------------------------
def compile_mode(folder: str, plan: str, lookups: int, corpus_bytes: int, seed: int) -> dict[str, Any]:
    os.environ["C5NAMES_NO_CACHE"] = "1"
    import c5names
    import c5names.index.store as index_module

    rss_before = measure.peak_rss_mb()
    start = time.perf_counter()
    gazetteer = c5names.load(folder, default=False)
    yaml_s = time.perf_counter() - start
    rss_loaded = measure.peak_rss_mb()
    start = time.perf_counter()
    index = index_module.build_index(gazetteer)
    compile_s = time.perf_counter() - start
    rss_compiled = measure.peak_rss_mb()
    postings = getattr(index, "postings", {})
    stats = {
        "keys": len(postings),
        "postings": sum(len(v) for v in postings.values()),
        "longest_posting_list": max((len(v) for v in postings.values()), default=0),
        "forms": len(getattr(index, "forms", [])),
    }
    # Write the cache for the serve process without compiling a second time.
    del os.environ["C5NAMES_NO_CACHE"]
    original = index_module.build_index
    index_module.build_index = lambda _gazetteer: index  # type: ignore[assignment]
    start = time.perf_counter()
    try:
        index_module.load_or_build_index(gazetteer)
    finally:
        index_module.build_index = original  # type: ignore[assignment]
    cache_write_s = time.perf_counter() - start
    cache_files = list(index_module.cache_dir().glob("*.pkl"))
    peak_compile = measure.peak_rss_mb()
    write_plan(gazetteer, index, Path(plan), lookups, corpus_bytes, seed)
    return {
        "entities": len(gazetteer),
        "yaml_load_s": yaml_s,
        "compile_s": compile_s,
        "cache_write_s": cache_write_s,
        "cache_mb": sum(p.stat().st_size for p in cache_files) / 1e6,
        "rss_start_mb": rss_before,
        "rss_after_yaml_mb": rss_loaded,
        "rss_after_compile_mb": rss_compiled,
        "peak_rss_mb": peak_compile,
        **stats,
    }


# -- serve -----------------------------------------------------------------------------------------
@contextlib.contextmanager
def reuse_gazetteer(gazetteer: Any) -> Iterator[None]:
    """Let the spaCy component use the gazetteer already loaded here instead of loading its index again
    (the module whose `load` the component calls is patched, not the package that re-exports it)."""
    import c5names.component.component as pipeline_module

    original = getattr(pipeline_module, "load", None)
    pipeline_module.load = lambda *paths, default=True: gazetteer  # type: ignore[attr-defined]
    try:
        yield
    finally:
        if original is not None:
            pipeline_module.load = original  # type: ignore[attr-defined]


def one_edit(form: str, rng: random.Random) -> str:
    """The form with one edit (substitution, deletion, insertion or swap) inside its longest word,
    never on the first letter (the fuzzy index is blocked by first letter, as most are)."""
    words = form.split()
    k = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[k]
    if len(word) < 4:
        return form
    pool = "абвгдежзиклмнопрстуфхчшэюя" if any("\u0400" <= c <= "\u04ff" for c in word) else "abdefgiklmnorstuvz"
    pos = rng.randint(1, len(word) - 2)
    op = rng.choice(("sub", "del", "ins", "swap"))
    if op == "sub":
        choices = [c for c in pool if c != word[pos].lower()]
        word = word[:pos] + rng.choice(choices) + word[pos + 1 :]
    elif op == "del":
        word = word[:pos] + word[pos + 1 :]
    elif op == "ins":
        word = word[:pos] + rng.choice(pool) + word[pos:]
    elif word[pos] != word[pos + 1]:
        word = word[:pos] + word[pos + 1] + word[pos] + word[pos + 2 :]
    else:
        word = word[:pos] + rng.choice([c for c in pool if c != word[pos].lower()]) + word[pos + 1 :]
    words[k] = word
    return " ".join(words)


def write_plan(gazetteer: Any, index: Any, path: Path, lookups: int, corpus_bytes: int, seed: int) -> None:
    """Draw the lookup forms and the corpus for the serve and ruler processes from the gazetteer and
    its compiled index, and save them as JSON."""
    from bench import corpus
    from c5names.index import name_variants

    rng = random.Random(seed)
    exact: list[tuple[str, str]] = []
    for entity_id in _sample_ids(index, lookups, seed):
        variants = [text for _c, text, _k in name_variants(gazetteer[entity_id])]
        exact.append((rng.choice(variants), entity_id))
    fuzzy = [(one_edit(form, rng), entity_id) for form, entity_id in exact]
    ids = _sample_ids(index, 2000, seed + 1)
    docs = corpus.CorpusGenerator(gazetteer, "en", seed=seed, entity_ids=ids).corpus(corpus_bytes)
    data = {
        "exact": exact,
        "fuzzy": fuzzy,
        "texts": [d.text for d in docs],
        "mentions": sum(len(d.mentions) for d in docs),
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def lookup_latency(gazetteer: Any, plan: dict[str, Any]) -> dict[str, Any]:
    """p50/p99 of `gazetteer.lookup` per call, exact forms and one-edit forms, index caches emptied."""
    import c5names
    from c5names.index import compiled

    linker = c5names.Linker(gazetteer)
    index = compiled(gazetteer)
    for form, _ in plan["exact"][:50] + plan["fuzzy"][:50]:  # warm-up: imports, lazily built tables
        measure.clear_index_caches(index)
        linker.lookup(form)
    out: dict[str, Any] = {}
    for label in ("exact", "fuzzy"):
        forms = plan[label]
        times: list[float] = []
        found = 0
        for form, entity_id in forms:
            measure.clear_index_caches(index)
            start = time.perf_counter_ns()
            result = linker.lookup(form)
            times.append((time.perf_counter_ns() - start) / 1e6)
            found += any(c.id == entity_id for c in result)
        out[label] = {
            "n": len(times),
            "p50_ms": measure.percentile(times, 50),
            "p99_ms": measure.percentile(times, 99),
            "max_ms": max(times),
            "found": found / max(len(forms), 1),
        }
    out["examples"] = {"exact": plan["exact"][0][0], "fuzzy": plan["fuzzy"][0][0]}
    return out


def _timed_load(folder: str) -> tuple[dict[str, Any], Any, Any]:
    """`load(folder, default=False)` until its compiled index is ready from the cache: the times, the
    RSS before and after, the gazetteer and its index."""
    import c5names
    from c5names.index import compiled

    rss_start = measure.peak_rss_mb()
    start = time.perf_counter()
    gazetteer = c5names.load(folder, default=False)
    in_load_s = time.perf_counter() - start
    index = compiled(gazetteer)
    cached_load_s = time.perf_counter() - start
    timed = {
        "cached_load_s": cached_load_s,
        "cached_load_in_load_s": in_load_s,
        "cached_load_index_s": cached_load_s - in_load_s,
        "rss_start_mb": rss_start,
        "rss_after_load_mb": measure.peak_rss_mb(),
    }
    return timed, gazetteer, index


def load_mode(folder: str) -> dict[str, Any]:
    """A process that only loads the cached index (what `serve` times first), for more samples of it:
    one process right after a million-person compile reads a noisy figure on a shared machine."""
    import spacy  # noqa: F401  (imported before timing, as in `serve`)

    return _timed_load(folder)[0]


def serve_mode(folder: str, plan_path: str, repeats: int) -> dict[str, Any]:
    import spacy  # noqa: F401  (imported before timing: its import is not part of loading the index)

    from bench import peers

    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    result, gazetteer, index = _timed_load(folder)
    result["lookup"] = lookup_latency(gazetteer, plan)
    result["rss_after_lookups_mb"] = measure.peak_rss_mb()
    texts = plan["texts"]
    blank = peers.make_blank("en")
    with reuse_gazetteer(gazetteer):
        nlp = peers.make_c5names("en", [folder], include_default=False)
    tokens = measure.count_tokens(blank, texts)

    def reset(name: str, pipeline: Any) -> None:
        measure.flush_tokenizer(pipeline)
        if name == "c5names":
            with reuse_gazetteer(gazetteer):
                peers.renew_c5names(pipeline)
            measure.clear_index_caches(index)
            measure.clear_c5names_caches()

    contest = measure.interleaved({"blank": blank, "c5names": nlp}, texts, reset=reset, repeats=repeats, tokens=tokens)
    warm = measure.interleaved(
        {"blank": blank, "c5names": nlp},
        texts,
        reset=lambda _name, pipeline: measure.flush_tokenizer(pipeline),
        repeats=repeats,
        tokens=tokens,
    )
    result.update(
        {
            "corpus_bytes": sum(len(t.encode()) for t in texts),
            "tokens": tokens,
            "mentions": plan["mentions"],
            "blank_tok_s": contest.tokens_per_s("blank"),
            "c5names_tok_s": contest.tokens_per_s("c5names"),
            "ratio": contest.ratio("c5names", "blank"),
            "median_ratio": contest.median_ratio("c5names", "blank"),
            "warm_ratio": warm.ratio("c5names", "blank"),
            "peak_rss_mb": measure.peak_rss_mb(),
        }
    )
    return result


# -- ruler -----------------------------------------------------------------------------------------
def ruler_mode(folder: str, plan_path: str, repeats: int) -> dict[str, Any]:
    import c5names
    from bench import peers

    gazetteer = c5names.load(folder, default=False)
    rss_start = measure.peak_rss_mb()
    start = time.perf_counter()
    phrase_patterns = peers.patterns(gazetteer)
    forms_s = time.perf_counter() - start
    start = time.perf_counter()
    ruler = peers.make_ruler("en", phrase_patterns)
    build_s = time.perf_counter() - start
    texts = json.loads(Path(plan_path).read_text(encoding="utf-8"))["texts"]
    blank = peers.make_blank("en")
    tokens = measure.count_tokens(blank, texts)
    contest = measure.interleaved(
        {"blank": blank, "ruler": ruler},
        texts,
        reset=lambda _name, nlp: measure.flush_tokenizer(nlp),
        repeats=repeats,
        tokens=tokens,
    )
    return {
        "entities": len(gazetteer),
        "patterns": len(phrase_patterns),
        "forms_s": forms_s,
        "build_s": build_s,
        "blank_tok_s": contest.tokens_per_s("blank"),
        "ruler_tok_s": contest.tokens_per_s("ruler"),
        "ratio": contest.ratio("ruler", "blank"),
        "rss_before_patterns_mb": rss_start,
        "peak_rss_mb": measure.peak_rss_mb(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("compile", "serve", "load", "ruler"))
    parser.add_argument("folder")
    parser.add_argument("plan", help="JSON file of lookup forms and corpus (written by compile)")
    parser.add_argument("--corpus-bytes", type=int, default=300_000)
    parser.add_argument("--lookups", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    if args.mode == "compile":
        result = compile_mode(args.folder, args.plan, args.lookups, args.corpus_bytes, args.seed)
    elif args.mode == "serve":
        result = serve_mode(args.folder, args.plan, args.repeats)
    elif args.mode == "load":
        result = load_mode(args.folder)
    else:
        result = ruler_mode(args.folder, args.plan, args.repeats)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
