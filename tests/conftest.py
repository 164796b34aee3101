"""Shared fixtures. The evaluation sets live in ../shared beside the repository (as in CI)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("C5NAMES_SHARED", REPO.parent / "shared"))


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never touch the user's index cache."""
    os.environ["C5NAMES_CACHE_DIR"] = str(tmp_path_factory.mktemp("c5names-cache"))


@pytest.fixture(autouse=True, scope="session")
def _private_temp_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The system temp directory, private to the session (this process and those it starts), so that
    what the tests leave in it is seen: the session fails if a `c5names-*` folder remains."""
    folder = tmp_path_factory.mktemp("system-temp")
    saved = tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir = os.environ["TMPDIR"] = str(folder)
    yield
    tempfile.tempdir = saved[0]
    if saved[1] is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = saved[1]
    leftovers = sorted(path.name for path in folder.glob("c5names-*"))
    assert not leftovers, f"the tests left temporary folders behind: {leftovers}"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (the shared evaluation folder sits beside the repo)")
    return path


def skip_unless_native_required(status: str) -> None:
    """Skip a test that a compiled extension was loaded, unless C5NAMES_REQUIRE_NATIVE=1 (CI builds on
    a fresh machine with it) and C5NAMES_NATIVE did not rule compiled code out (`status`: the loader's)."""
    from c5names.text.native import OFF

    if os.environ.get("C5NAMES_REQUIRE_NATIVE", "").strip() in {"", "0"}:
        pytest.skip("C5NAMES_REQUIRE_NATIVE is not set")
    if status == OFF:
        pytest.skip("C5NAMES_NATIVE ruled compiled code out")
