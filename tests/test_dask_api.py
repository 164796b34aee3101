"""`c5names.dask`: link_bag gives the objects `normalise --format jsonl` writes, link_dataframe a column
of mention structs with the same fields; on a local scheduler and on a cluster of worker processes, the
linker shipped once to each worker and never compiled there. Without the optional dependencies, the
package and its command line still work, and asking for them names the extra to install."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from c5names import Linker
from c5names.cli import cluster as cluster_module
from c5names.cli.parquet import MENTION_FIELDS

from .test_cli_support import REPO, call, example_corpus, jsonl

dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
c5dask = pytest.importorskip("c5names.dask")


@pytest.fixture
def documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[list[dict], list[dict]]:
    """The example's documents (one carrying a field, one given as a plain string) and what
    `normalise --format jsonl` writes for them."""
    path = example_corpus(tmp_path / "c.jsonl")
    docs = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    docs[0]["source"] = {"feed": "wire"}
    docs.append({"id": "no-names", "text": "Nothing to see here.", "lang": "en"})
    docs.append({"id": "no-lang", "text": "Президент Мирзиёев встретился с Токаевым в Вашингтоне на этой неделе."})
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return docs, jsonl(call(capsys, "normalise", path, "--format", "jsonl").out)


def test_link_bag_on_a_local_scheduler(documents: tuple[list[dict], list[dict]]) -> None:
    docs, expected = documents
    got = c5dask.link_bag(db.from_sequence(docs, npartitions=3)).compute(scheduler="sync")
    assert got == expected
    assert sum(len(r["mentions"]) for r in got) >= 8
    assert got[-1]["lang_detected"] == "ru" and len(got[-1]["mentions"]) == 2


def test_a_string_item_and_bad_items(documents: tuple[list[dict], list[dict]]) -> None:
    docs, expected = documents
    items = [docs[0]["text"], {"id": "x"}, {"id": "y", "text": "Tokayev.", "lang": "??"}, docs[1]]
    got = c5dask.link_bag(db.from_sequence(items, npartitions=2), errors="record").compute(scheduler="sync")
    # no lang given: detected, and said, as the command line does
    assert got[0] == {"id": "partition 0 item 0", "lang_detected": "fr", "mentions": expected[0]["mentions"]}
    assert got[1] == {"id": "x", "error": "partition 0 item 1: no 'text' field"}
    assert got[2]["id"] == "y" and got[2]["error"].startswith("partition 1 item 0: 'lang'")
    assert got[3] == expected[1]
    with pytest.raises(ValueError, match=r"^partition (0 item 1: no 'text' field|1 item 0: 'lang')"):
        c5dask.link_bag(db.from_sequence(items, npartitions=2)).compute(scheduler="sync")


def _frame(docs: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame({k: [d.get(k) for d in docs] for k in ("id", "lang", "text")})
    frame["date"] = [dt.date(2025, 11, 7)] * len(docs)  # a typed date column
    return frame


def test_link_dataframe_adds_a_column_of_mention_structs(documents: tuple[list[dict], list[dict]]) -> None:
    docs, expected = documents
    frame = _frame(docs)
    frame.loc[len(frame)] = ["empty", "en", None, dt.date(2025, 1, 1)]
    linked = c5dask.link_dataframe(dd.from_pandas(frame, npartitions=2))
    assert isinstance(linked.dtypes["mentions"], pd.ArrowDtype)
    struct = linked.dtypes["mentions"].pyarrow_dtype.value_type
    assert [struct.field(i).name for i in range(struct.num_fields)] == [name for name, _ in MENTION_FIELDS]
    result = linked.compute(scheduler="sync")
    assert list(result.columns) == ["id", "lang", "text", "date", "mentions"]
    assert [list(m) for m in result["mentions"][:-1]] == [r["mentions"] for r in expected]
    assert result["mentions"].isna().tolist() == [False] * len(docs) + [True]  # a null text: null mentions


def test_link_dataframe_rows_that_cannot_be_linked(documents: tuple[list[dict], list[dict]]) -> None:
    frame = _frame(documents[0])
    frame.loc[1, "lang"] = "not a tag!"
    ddf = dd.from_pandas(frame, npartitions=1)
    with pytest.raises(ValueError, match="row 1: 'lang'"):
        c5dask.link_dataframe(ddf).compute(scheduler="sync")
    nulled = c5dask.link_dataframe(ddf, errors="null").compute(scheduler="sync")
    assert nulled["mentions"].isna().tolist() == [False, True] + [False] * (len(frame) - 2)
    with pytest.raises(ValueError, match="no column 'body'"):
        c5dask.link_dataframe(ddf, text="body")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[distributed.Client]:
    """Two worker processes whose index cache is an empty folder: it must stay empty."""
    cache = tmp_path_factory.mktemp("worker-cache")
    env = {"C5NAMES_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO)}
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            env=env,
            local_directory=str(tmp_path_factory.mktemp("dask-local")),
        ) as local,
        distributed.Client(local) as connected,
    ):
        # Both workers registered before anything is scattered: a broadcast reaches only the workers the
        # scheduler knows, and a worker that joins later takes the linker from a peer when a task needs
        # it (or takes no task at all when the first worker is done before it joins).
        connected.wait_for_workers(2, timeout=60)
        connected.c5names_cache = cache  # type: ignore[attr-defined]
        yield connected


def test_on_a_cluster_the_linker_is_shipped_once_per_worker(
    client: distributed.Client, documents: tuple[list[dict], list[dict]], tmp_path: Path
) -> None:
    docs, expected = documents
    bag = c5dask.link_bag(db.from_sequence(docs * 6, npartitions=12))
    graph = pickle.dumps(dict(bag.__dask_graph__()))
    index = cluster_module.ship(Linker()).index
    assert index[len(index) // 2 : len(index) // 2 + 256] not in graph  # tasks refer to it, they do not carry it
    assert bag.compute() == expected * 6
    # One shipment for all the tasks. (It was broadcast to both workers, but once the tasks are done the
    # scheduler's active memory manager may drop a replica no task waits for: how many remain is timing.)
    shipments = {key: where for key, where in client.who_has().items() if str(key).startswith("Shipment-")}
    assert len(shipments) == 1 and all(len(where) in (1, 2) for where in shipments.values())
    kept = client.run(lambda: list(cluster_module._RECEIVED))
    assert len(kept) == 2 and all(len(tokens) == 1 for tokens in kept.values())  # one linker per worker
    frame = c5dask.link_dataframe(dd.from_pandas(_frame(docs), npartitions=3))
    frame.to_parquet(tmp_path / "linked")
    back = dd.read_parquet(tmp_path / "linked", dtype_backend="pyarrow").compute()
    assert [list(m) for m in back["mentions"]] == [r["mentions"] for r in expected]
    assert list(client.c5names_cache.iterdir()) == []  # type: ignore[attr-defined]  # never compiled there


BLOCKED = """\
import sys
for name in ("dask", "distributed", "pyarrow", "fsspec", "pandas"):
    sys.modules[name] = None  # import fails as if not installed
"""


def _without_extras(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "without.py"
    script.write_text(BLOCKED + textwrap.dedent(code), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        timeout=120,
        cwd=tmp_path,
    )


def test_without_the_extra_the_package_works_and_says_what_to_install(tmp_path: Path) -> None:
    corpus = example_corpus(tmp_path / "c.jsonl")
    done = _without_extras(
        f"""
        import c5names
        from c5names.cli import main
        print(c5names.link("Tokayev met Putin.", lang="en")[0].id)
        print(main(["normalise", {str(corpus)!r}, "--format", "jsonl", "-o", "out.jsonl"]))
        print(main(["normalise", {str(corpus)!r}, "--format", "parquet", "-o", "out.parquet"]))
        print(main(["normalise", {str(corpus)!r}, "--scheduler", "local:2", "-o", "out.txt"]))
        try:
            import c5names.dask
        except ImportError as err:
            print(err)
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    hint = 'pip install "c5names[dask]"'
    assert done.stdout.splitlines() == [
        "tokayev-kassym-jomart",
        "0",
        "2",
        "2",
        f"c5names.dask needs dask, distributed, pandas and pyarrow: {hint}",
    ]
    assert f"Parquet needs pyarrow, which is not installed: {hint}" in done.stderr
    assert f"needs distributed, which is not installed: {hint}" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "out.jsonl", "without.py"]
