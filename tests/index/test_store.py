"""The on-disk index cache (`c5names.index.store`): keyed by everything that decides the index's
content, written atomically, and bounded in size."""

from __future__ import annotations

import os
import pickle
import textwrap
from pathlib import Path

import pytest

import c5names
from c5names import cli
from c5names.gazetteer import loader
from c5names.index import compiled, store

from ..conftest import REPO

grimp = pytest.importorskip("grimp")

PERSON = textwrap.dedent(
    """\
    version: 1
    entities:
      - id: doe-jane
        type: person
        name: Jane Doe
        names: [{given: Jane, surname: Doe, lang: en, source: "https://example.org/doe"}]
    """
)


def test_engine_version_covers_every_module_on_the_compile_path() -> None:
    """Every module whose code runs while compiling (what decides the cached content) is hashed."""
    graph = grimp.build_graph("c5names", exclude_type_checking_imports=True)
    upstream = {*graph.find_upstream_modules("c5names.index.compile"), "c5names.index.compile"}
    covered = [REPO / "c5names" / entry for entry in store.COMPILE_PATH]
    for module in sorted(upstream):
        path = REPO / Path(*module.split("."))
        file = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        assert any(file == c or c in file.parents for c in covered), f"{module} is not in store.COMPILE_PATH"


def test_engine_version_changes_with_a_table_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A data file on the compile path (a rule table) changes the version, so stale indexes are not used."""
    package = tmp_path / "c5names"
    (package / "text" / "data").mkdir(parents=True)
    (package / "text" / "keys.py").write_text("x = 1\n")
    monkeypatch.setattr(store, "PACKAGE", package)
    store.engine_version.cache_clear()
    try:
        before = store.engine_version()
        store.engine_version.cache_clear()
        (package / "text" / "data" / "endings.yaml").write_text("ru: [ом]\n")
        after = store.engine_version()
    finally:
        store.engine_version.cache_clear()
    assert before != after


def _gazetteer(tmp_path: Path, name: str, surname: str) -> c5names.Gazetteer:
    path = tmp_path / f"{name}.yaml"
    path.write_text(PERSON.replace("Doe", surname).replace("doe-jane", f"{surname.lower()}-jane"))
    return c5names.load(path, default=False)


def test_cache_is_written_once_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("C5NAMES_CACHE_DIR", str(tmp_path / "cache"))
    first = _gazetteer(tmp_path, "a", "Doe")
    compiled(first)
    files = list((tmp_path / "cache").iterdir())
    assert sorted(f.suffix for f in files) == [".bin", ".pkl"]  # the index and its records; nothing else
    again = c5names.load(tmp_path / "a.yaml", default=False)  # from the cache: not even parsed
    assert again._compact is None
    assert compiled(again).by_id == compiled(first).by_id


def test_a_cached_gazetteer_counts_and_lists_ids_without_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`len`, `in`, `ids()` and `c5names list` of a gazetteer whose index is cached read the index,
    never the YAML (100,000 persons of YAML take half a minute to parse)."""
    monkeypatch.setenv("C5NAMES_CACHE_DIR", str(tmp_path / "cache"))
    parsed = _gazetteer(tmp_path, "a", "Doe")
    compiled(parsed)
    expected = (len(parsed), parsed.ids())

    def no_parse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the YAML was parsed")

    monkeypatch.setattr(loader, "_parse_all", no_parse)
    again = c5names.load(tmp_path / "a.yaml", default=False)
    assert (len(again), again.ids()) == expected
    assert "doe-jane" in again and "nobody" not in again
    assert cli.main(["--no-default-gazetteer", "--gazetteer", str(tmp_path / "a.yaml"), "list"]) == 0
    assert capsys.readouterr().out == "doe-jane\tperson\tJane Doe\n"


def test_cache_directory_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Indexes of older engine versions go, and at most KEEP_INDEXES others stay beside the newest."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("C5NAMES_CACHE_DIR", str(cache))
    cache.mkdir()
    stale = cache / "index-0123456789abcdef01234567-0000000000000000.pkl"
    stale.write_bytes(b"old engine")
    monkeypatch.setattr(store, "KEEP_INDEXES", 2)
    for n, surname in enumerate(["Doe", "Roe", "Poe", "Moe"]):
        compiled(_gazetteer(tmp_path, f"g{n}", surname))
        os.utime(max(cache.iterdir(), key=lambda f: f.stat().st_mtime_ns), (n + 1, n + 1))
    left = sorted(cache.iterdir())
    assert stale not in left
    indexes = {f.name.removeprefix("index-").removesuffix(".pkl") for f in left if f.suffix == ".pkl"}
    records = {f.name.removeprefix("entities-").removesuffix(".bin") for f in left if f.suffix == ".bin"}
    assert len(indexes) == 3 and records == indexes  # the newest and two others, each with its records


def test_one_entity_of_a_cached_gazetteer_is_read_alone_from_its_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`show` and `variants` of a cached gazetteer read one record beside the index, not the YAML; every
    entity read so is the one parsing gives. Without the records, the YAML is parsed as before."""
    monkeypatch.setenv("C5NAMES_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "a.yaml").write_text(PERSON)
    (tmp_path / "b.yaml").write_text(PERSON.replace("Doe", "Roe").replace("doe-jane", "roe-jane"))
    parsed = c5names.load(tmp_path, default=False)
    compiled(parsed)
    expected = {i: parsed[i] for i in parsed.ids()}
    parse_all = loader._parse_all

    def no_parse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the YAML was parsed")

    monkeypatch.setattr(loader, "_parse_all", no_parse)
    again = c5names.load(tmp_path, default=False)
    assert {i: again[i] for i in again.ids()} == expected and again.get("nobody") is None
    assert cli.main(["--no-default-gazetteer", "--gazetteer", str(tmp_path), "show", "roe-jane"]) == 0
    assert "name: Jane Roe" in capsys.readouterr().out
    assert cli.main(["--no-default-gazetteer", "--gazetteer", str(tmp_path), "variants", "doe-jane"]) == 0
    assert "Jane Doe" in capsys.readouterr().out
    for records in (tmp_path / "cache").glob("entities-*.bin"):
        records.write_bytes(records.read_bytes()[:20])  # cut short: the records no longer answer
    monkeypatch.setattr(loader, "_parse_all", parse_all)
    assert c5names.load(tmp_path, default=False)["roe-jane"] == expected["roe-jane"]


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("C5NAMES_CACHE_DIR", str(tmp_path / "cache"))

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store.pickle, "dump", broken)
    compiled(_gazetteer(tmp_path, "a", "Doe"))  # still compiles, just does not cache
    assert list((tmp_path / "cache").iterdir()) == []


def test_an_index_shipped_as_bytes_links_without_files_cache_or_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a cluster ships to its workers: the compiled index as bytes. The receiving side links as
    the sender does though the YAML file is gone and nothing may be compiled there."""
    file = tmp_path / "people.yaml"
    file.write_text(PERSON, encoding="utf-8")
    gazetteer = c5names.load(file, default=False)
    data = c5names.index.gazetteer_to_bytes(gazetteer)
    text = "Jane Doe spoke; Doe left."
    expected = c5names.Linker(gazetteer).link(text, lang="en")
    file.unlink()
    monkeypatch.setattr(store, "build_index", lambda _gazetteer: pytest.fail("compiled on the receiving side"))
    monkeypatch.setenv("C5NAMES_CACHE_DIR", str(tmp_path / "empty-cache"))
    received = c5names.index.gazetteer_from_bytes(data, gazetteer.digest)
    assert [m.id for m in expected] == ["doe-jane", "doe-jane"]
    assert c5names.Linker(received).link(text, lang="en") == expected
    with pytest.raises(ValueError, match="not a compiled c5names index"):
        c5names.index.gazetteer_from_bytes(pickle.dumps({"an": "index"}), "digest")
