"""The generated sections of docs/*.md are committed (the pages read complete in the repository) and
must match what the code generates now: a change of the schema, the options or the --help text that
is not regenerated fails here, with the command that fixes it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PAGES = sorted((REPO / "docs").glob("*.md"))


@pytest.fixture(scope="module")
def hook() -> object:
    pytest.importorskip("mkdocs")
    spec = importlib.util.spec_from_file_location("c5names_docs_hook", REPO / "docs" / "hooks" / "c5names_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_generated_sections_are_committed_and_current(hook: object, page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    stale = hook.stale_sections(text)  # type: ignore[attr-defined]
    assert not stale, f"docs/{page.name}: {', '.join(stale)} out of date; run `python docs/hooks/c5names_docs.py`"
    for match in hook.SECTION_RE.finditer(text):  # type: ignore[attr-defined]
        assert match.group("body").strip(), f"docs/{page.name}: gen:{match.group('name')} is empty"


def test_a_stale_section_is_caught(hook: object) -> None:
    page = "# Title\n\n<!-- gen:spacy-labels -->\n| old | table |\n<!-- /gen:spacy-labels -->\n"
    assert hook.stale_sections(page) == ["gen:spacy-labels"]  # type: ignore[attr-defined]
    assert hook.stale_sections(hook.regenerate(page)) == []  # type: ignore[attr-defined]
