"""Timing, memory and machine facts shared by the benchmarks.

Throughput comparisons are interleaved: the corpus is cut into chunks and, for every chunk, each
system runs in turn (the order rotating from chunk to chunk), so that a burst of noise on this shared
2-core machine hits every system alike. Before each repeat every system's caches are emptied
(spaCy's tokenizer cache; c5names' per-word and chunk caches and the lru caches of its modules), so
each repeat is one honest pass over text the systems have not seen; the best repeat is reported
(noise only ever adds time), with the median of the per-repeat ratios beside it.
"""

from __future__ import annotations

import gc
import importlib.metadata
import inspect
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

Pipeline = Any  # a spacy.Language; kept loose so this module does not import spaCy


def clear_c5names_caches() -> None:
    """Empty every functools cache of the c5names modules that depends on the text (word keys, stems,
    romanisations). Caches of functions called without arguments are the package's data tables
    (titles, kinship words, affixes), read once per process whatever the text: a cold pass over new
    text does not read them again, so they are kept."""
    for name, module in list(sys.modules.items()):
        if name == "c5names" or name.startswith("c5names."):
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and not isinstance(value, type) and not _table_loader(value):
                    clear()


def _table_loader(function: Any) -> bool:
    """Is this a function called without arguments (every parameter has a default)?"""
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(p.default is not inspect.Parameter.empty for p in parameters)


def clear_index_caches(index: object) -> None:
    """Empty every cache a compiled c5names index keeps (its per-word cache `_cache` and any other
    attribute whose name says it is a cache), so the next text is processed as unseen."""
    for name, value in vars(index).items():
        clear = getattr(value, "clear", None)
        if "cache" in name.lower() and callable(clear):
            clear()


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) with linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB: the kernel's high-water mark (`VmHWM` in
    /proc/self/status, KiB), which starts again at exec. `ru_maxrss` does not: a process started by
    another keeps the parent's figure at fork as its floor, so every worker `bench/run.py` started
    (about 490 MB by then) reported at least that much (the 1,000-person server 488 MB, 137 MB alone).
    ru_maxrss is the fallback where /proc is not."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def chunked(items: Sequence[str], size: int) -> list[Sequence[str]]:
    """Consecutive slices of at most `size` items."""
    return [items[i : i + size] for i in range(0, len(items), size)]


@dataclass
class Contest:
    """Per-system seconds of every repeat of an interleaved throughput run."""

    names: list[str]
    tokens: int
    seconds: dict[str, list[float]] = field(default_factory=dict)

    def best(self, name: str) -> float:
        return min(self.seconds[name])

    def median(self, name: str) -> float:
        return statistics.median(self.seconds[name])

    def tokens_per_s(self, name: str) -> float:
        return self.tokens / self.best(name)

    def ratio(self, name: str, baseline: str) -> float:
        """Throughput of `name` as a fraction of `baseline`'s (best repeats)."""
        return self.best(baseline) / self.best(name)

    def median_ratio(self, name: str, baseline: str) -> float:
        """The same ratio computed repeat by repeat, then the median: robust to a noisy repeat."""
        ratios = [b / s for b, s in zip(self.seconds[baseline], self.seconds[name], strict=True)]
        return statistics.median(ratios)


def flush_tokenizer(nlp: Pipeline) -> None:
    """Give the pipeline a tokenizer with an empty cache: a new one, with the same vocab, rules and
    settings.

    Re-setting a tokenizer rule (`tokenizer.prefix_search = tokenizer.prefix_search`, spaCy's own way
    to flush) no longer empties the cache with preshed 3.0.15: its map marks deleted keys but keeps
    counting them, and the tokenizer caches only while `len(cache) < max_cache_size`. After a few
    flushes a pipeline stopped caching for good and tokenized ~10 times slower: on the English dense
    corpus blank fell from 0.24 s to 2.8 s a repeat, and the bench printed c5names "faster" than
    blank (a warm ratio of 2.1)."""
    from spacy.tokenizer import Tokenizer

    old = nlp.tokenizer
    if not isinstance(old, Tokenizer):  # a custom tokenizer keeps its own cache, if any
        return
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        rules=old.rules,
        prefix_search=old.prefix_search,
        suffix_search=old.suffix_search,
        infix_finditer=old.infix_finditer,
        token_match=old.token_match,
        url_match=old.url_match,
        faster_heuristics=old.faster_heuristics,
        max_cache_size=old.max_cache_size,
    )


UNBOUNDED_CACHE = 10**8


def same_tokenizer_state(systems: dict[str, Pipeline], texts: Sequence[str]) -> None:
    """Let every system's tokenizer cache hold every chunk of the texts (untimed): blank at its fastest,
    the strictest baseline, and the same state for all.

    spaCy's tokenizer caches at most `max_cache_size` (10,000) chunks and then stops caching, and an
    uncached chunk of made-up names costs 20-30 times a cached one. On a 2 MB corpus the default cap
    left the state to the run's history: a blank pipeline that had read other corpora first ran 4.6
    times slower than c5names, and with the caches emptied alike, blank's own uncached tokenising
    made every system look nearly free. Here the cap is lifted, the caches emptied, and each system
    tokenizes the texts once."""
    for nlp in systems.values():
        nlp.tokenizer.max_cache_size = max(nlp.tokenizer.max_cache_size, UNBOUNDED_CACHE)
        flush_tokenizer(nlp)
        for _doc in nlp.tokenizer.pipe(texts):
            pass


def interleaved(
    systems: dict[str, Pipeline],
    texts: Sequence[str],
    *,
    reset: Callable[[str, Pipeline], None],
    repeats: int = 3,
    chunk_docs: int = 100,
    batch_size: int = 64,
    tokens: int,
) -> Contest:
    """Time each system's `nlp.pipe` over `texts`, chunk by chunk, systems alternating.

    `reset(name, nlp)` is called for every system before each repeat (not timed) to empty its
    caches; `tokens` is the token count the rates are given in (the blank tokenizer's).
    """
    contest = Contest(list(systems), tokens, {name: [] for name in systems})
    chunks = chunked(texts, chunk_docs)
    names = list(systems)
    for _ in range(repeats):
        for name, nlp in systems.items():
            reset(name, nlp)
        spent = dict.fromkeys(names, 0.0)
        # Whatever is alive now (corpora, gazetteer, caches filled before) is frozen out of the cyclic
        # collector's sight: a full collection would otherwise walk it all, and land on whichever system
        # happens to allocate at that moment.
        gc.collect()
        gc.freeze()
        for n, chunk in enumerate(chunks):
            order = names[n % len(names) :] + names[: n % len(names)]
            for name in order:
                nlp = systems[name]
                start = time.perf_counter()
                for _doc in nlp.pipe(chunk, batch_size=batch_size):
                    pass
                spent[name] += time.perf_counter() - start
        gc.unfreeze()
        for name in names:
            contest.seconds[name].append(spent[name])
    return contest


def count_tokens(nlp: Pipeline, texts: Iterable[str], batch_size: int = 256) -> int:
    """Tokens the pipeline's tokenizer makes of the texts."""
    return sum(len(doc) for doc in nlp.tokenizer.pipe(texts, batch_size=batch_size))


# -- the machine ------------------------------------------------------------------------------------
def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def ram_gb() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    except (ValueError, OSError):
        return float("nan")


def os_name() -> str:
    try:
        with open("/etc/os-release", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"') + f" (kernel {platform.release()})"
    except OSError:
        pass
    return platform.platform()


def machine() -> dict[str, str]:
    """The facts the performance page records about where it ran."""
    import c5names

    return {
        "CPU": cpu_model(),
        "Cores (usable)": f"{len(os.sched_getaffinity(0))} of {os.cpu_count()}",
        "RAM": f"{ram_gb():.1f} GiB",
        "OS": os_name(),
        "Python": platform.python_version(),
        "spaCy": _version("spacy"),
        "spaczz": _version("spaczz"),
        "rapidfuzz": _version("rapidfuzz"),
        "c5names": getattr(c5names, "__version__", _version("c5names")),
        "Load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def run_json(args: list[str], env: dict[str, str] | None = None, timeout: float | None = None) -> dict[str, Any]:
    """Run a worker in a fresh Python process; it prints one JSON object as its last stdout line."""
    import json

    full_env = {**os.environ, **(env or {})}
    for key, value in list(full_env.items()):
        if value == "":
            del full_env[key]
    started = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, *args], capture_output=True, text=True, env=full_env, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s", "wall": time.perf_counter() - started}
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return {"error": f"exit {proc.returncode}: " + " | ".join(tail), "wall": time.perf_counter() - started}
    result: dict[str, Any] = json.loads(lines[-1])
    result.setdefault("wall", time.perf_counter() - started)
    return result
