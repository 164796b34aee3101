"""The package's layout is its architecture: layers import only downwards, and nothing imports in a
circle (imports inside functions count). The contract lives in pyproject.toml ([tool.importlinter])
and runs in CI; these tests run it, show it catching a violation, and look for cycles inside layers,
which a layers contract alone does not see."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

grimp = pytest.importorskip("grimp")
PACKAGE = REPO / "c5names"


def _lint_imports(config: Path, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())",
            "--config",
            str(config),
            "--no-cache",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=pythonpath,
        timeout=120,
    )


def test_layers_contract_is_kept() -> None:
    done = _lint_imports(REPO / "pyproject.toml", REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def test_layers_contract_catches_an_upward_import(tmp_path: Path) -> None:
    """A lower layer (text) importing a higher one (cli), even inside a function, breaks the contract."""
    shutil.copytree(PACKAGE, tmp_path / "c5names", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    keys = tmp_path / "c5names" / "text" / "keys.py"
    keys.write_text(keys.read_text() + "\n\ndef _upward() -> None:\n    import c5names.cli.app  # noqa\n")
    done = _lint_imports(tmp_path / "pyproject.toml", tmp_path)
    assert done.returncode != 0
    assert "BROKEN" in done.stdout and "c5names.text.keys -> c5names.cli.app" in done.stdout


def _cycles(graph: object) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), i.e. import cycles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):  # type: ignore[attr-defined]
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph.modules):  # type: ignore[attr-defined]
        if module not in index:
            visit(module)
    return found


def test_no_import_cycle_among_modules() -> None:
    graph = grimp.build_graph("c5names", cache_dir=None)
    assert _cycles(graph) == []


def test_a_cycle_would_be_found() -> None:
    """The cycle finder itself finds a two-module cycle."""

    class Graph:
        modules = frozenset({"a", "b", "c"})

        def find_modules_directly_imported_by(self, module: str) -> set[str]:
            return {"a": {"b"}, "b": {"a"}, "c": {"a"}}[module]

    assert _cycles(Graph()) == [["a", "b"]]


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(REPO)))
def test_every_module_says_why_it_exists(path: Path) -> None:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring and len(docstring.split()) >= 5, f"{path} has no module docstring"
