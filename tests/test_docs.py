"""The code examples of README.md and docs/*.md are run, so the documentation cannot rot.

Conventions (explained for writers in docs/contributing.md, "Documentation examples are tested"):

- ```python blocks run in page order, in one namespace per page, with the repository as the
  working directory.
  - A block with `>>>` prompts is a doctest (ELLIPSIS and NORMALIZE_WHITESPACE are on).
  - Any other block is executed; when it ends with comment lines (`# ...`) and prints something,
    those comments are the expected output, line for line.
- ```bash blocks: every command line that starts with `python -m c5names` or `c5names` is run;
  it must exit 0. Other lines (pip install, mkdocs, pytest) are shown, not run.
- ```console blocks: `$ command` lines followed by the output they must print (standard output and
  standard error together; `...` matches anything, as in doctest). Every command is run.
- An HTML comment on the line(s) just before a block changes how it is tested:
  `<!-- no-test -->` skips it; `<!-- exit: N -->` expects exit status N instead of 0;
  `<!-- compiled -->` runs a Python block only where the compiled token scan is loaded.

Files (and folders: `-o DIR/`) that a command writes with `-o FILE`, `--output FILE` or `> FILE` are
removed afterwards unless they existed before.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from c5names.component import native

REPO = Path(__file__).resolve().parent.parent
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
GENERATED_PAGES = {"performance.md"}  # written by bench/run.py, not by hand
PAGES = [p for p in PAGES if p.name not in GENERATED_PAGES]

FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\s]*)[^`]*$")
MARKER_RE = re.compile(r"^\s*<!--\s*(?P<body>[^>]*?)\s*-->\s*$")
CLI_RE = re.compile(r"(^|[|;&(]\s*)(?:python3? -m c5names|c5names)(?=\s|$)")
OUTPUT_RE = re.compile(r"(?:\s-o|\s--output)\s+(\S+)|>\s*(\S+)")
CHECKER = doctest.OutputChecker()
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
TIMEOUT = 120


@dataclass
class Block:
    page: Path
    line: int  # 1-based line of the opening fence
    lang: str
    code: str
    markers: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(REPO)}:{self.line}"

    @property
    def skipped(self) -> bool:
        return "no-test" in self.markers

    @property
    def needs_compiled(self) -> bool:
        return "compiled" in self.markers

    @property
    def exit_code(self) -> int:
        for marker in self.markers:
            match = re.fullmatch(r"exit:\s*(\d+)", marker)
            if match:
                return int(match.group(1))
        return 0


def _closes(line: str, fence: str) -> bool:
    """Whether a line closes a block opened by `fence` (same character, at least as long, nothing else)."""
    stripped = line.strip()
    return stripped.startswith(fence) and stripped.strip(fence[0]) == ""


def blocks_of(page: Path) -> list[Block]:
    """Fenced code blocks of a Markdown page, with the marker comments just above each."""
    lines = page.read_text(encoding="utf-8").splitlines()
    out: list[Block] = []
    i = 0
    while i < len(lines):
        match = FENCE_RE.match(lines[i])
        if not match:
            i += 1
            continue
        fence, indent = match.group("fence"), match.group("indent")
        markers = []
        k = i - 1
        while k >= 0 and MARKER_RE.match(lines[k]):
            markers.insert(0, MARKER_RE.match(lines[k]).group("body"))
            k -= 1
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not _closes(lines[j], fence):
            body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j])
            j += 1
        out.append(Block(page, i + 1, match.group("info").lower(), "\n".join(body) + "\n", markers))
        i = j + 1
    return out


def _id(page: Path) -> str:
    return str(page.relative_to(REPO))


# -- Python ---------------------------------------------------------------------------------------


def _expected_comments(code: str) -> tuple[str, list[str]]:
    """Split a block into its code and its trailing comment lines (the expected output)."""
    lines = code.rstrip("\n").splitlines()
    expected: list[str] = []
    while lines and lines[-1].startswith("#"):
        expected.insert(0, lines.pop()[1:].removeprefix(" "))
    return "\n".join(lines) + "\n", expected


def _run_python(block: Block, namespace: dict) -> None:
    if ">>>" in block.code:
        parser = doctest.DocTestParser()
        test = parser.get_doctest(block.code, namespace, block.where, str(block.page), block.line)
        runner = doctest.DocTestRunner(optionflags=FLAGS)
        report = io.StringIO()
        runner.run(test, out=report.write, clear_globs=False)
        namespace.update(test.globs)  # DocTest works on a copy: later blocks see what this one defined
        if runner.failures:
            pytest.fail(f"{block.where}: doctest failed\n{report.getvalue()}", pytrace=False)
        return
    code, expected = _expected_comments(block.code)
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        exec(compile(code, block.where, "exec"), namespace)
    printed = stdout.getvalue()
    if expected and printed:
        want = "\n".join(expected) + "\n"
        if not CHECKER.check_output(want, printed, FLAGS):
            pytest.fail(f"{block.where}: printed\n{printed}\nbut the page shows\n{want}", pytrace=False)


PYTHON_PAGES = [p for p in PAGES if any(b.lang in {"python", "py", "pycon"} and not b.skipped for b in blocks_of(p))]


@pytest.mark.parametrize("page", PYTHON_PAGES, ids=_id)
def test_python_examples(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    namespace: dict = {"__name__": "__docs__"}
    for block in blocks_of(page):
        if block.needs_compiled and native.scan_module is None:
            continue  # (the numpy path shows something else: `<!-- compiled -->`)
        if block.lang in {"python", "py", "pycon"} and not block.skipped:
            _run_python(block, namespace)


# -- shell ----------------------------------------------------------------------------------------


@dataclass
class Command:
    block: Block
    command: str
    expected: str | None  # console blocks: the output shown


def _logical_lines(text: str) -> list[str]:
    out: list[str] = []
    pending = ""
    for line in text.splitlines():
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        out.append(pending + line)
        pending = ""
    if pending:
        out.append(pending)
    return out


def commands_of(block: Block) -> list[Command]:
    if block.skipped:
        return []
    if block.lang in {"bash", "sh", "shell"}:
        return [
            Command(block, line.strip(), None)
            for line in _logical_lines(block.code)
            if re.match(r"(python3? -m c5names|c5names)(\s|$)", line.strip())
        ]
    if block.lang == "console":
        out: list[Command] = []
        for line in _logical_lines(block.code):
            if line.startswith("$ "):
                out.append(Command(block, line[2:].strip(), ""))
            elif out:
                out[-1].expected += line + "\n"
        return out
    return []


def _shell(command: str) -> str:
    """The command with `python -m c5names` and `c5names` run by this interpreter."""
    exe = f"{shlex.quote(sys.executable)} -m c5names"
    return CLI_RE.sub(lambda m: m.group(1) + exe, command)


def _written_names(command: str) -> list[str]:
    return [a or b for a, b in OUTPUT_RE.findall(command) if (a or b) not in {"/dev/null", "&1", "&2"}]


def _written_files(command: str) -> list[Path]:
    return [REPO / name for name in _written_names(command)]


def _chains(commands: list[Command]) -> list[list[Command]]:
    """Commands that can run in parallel, as chains: a command that reads a file an earlier command
    of the page writes runs after it, in its chain."""
    chains: list[list[Command]] = []
    producers: dict[str, int] = {}
    for cmd in commands:
        owners = [i for name, i in producers.items() if name in cmd.command]
        if owners:
            chains[owners[0]].append(cmd)
            index = owners[0]
        else:
            chains.append([cmd])
            index = len(chains) - 1
        for name in _written_names(cmd.command):
            producers[name] = index
    return chains


def _run_command(cmd: Command) -> str | None:
    """Run one command; the failure message, or None."""
    try:
        done = subprocess.run(
            ["bash", "-c", _shell(cmd.command)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            timeout=TIMEOUT,
            env={**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"},
        )
    except subprocess.TimeoutExpired:
        return f"{cmd.block.where}: `{cmd.command}` did not finish in {TIMEOUT} s"
    output = done.stdout.decode("utf-8", "replace")
    if done.returncode != cmd.block.exit_code:
        return (
            f"{cmd.block.where}: `{cmd.command}` exited {done.returncode}, "
            f"expected {cmd.block.exit_code}\n{textwrap.indent(output, '    ')}"
        )
    if cmd.expected is not None and not CHECKER.check_output(cmd.expected, output, FLAGS):
        return f"{cmd.block.where}: `{cmd.command}` printed\n{output}\nbut the page shows\n{cmd.expected}"
    return None


def _commands_of_page(page: Path) -> list[Command]:
    return [cmd for block in blocks_of(page) for cmd in commands_of(block)]


SHELL_PAGES = [p for p in PAGES if _commands_of_page(p)]


def _warm_index_cache() -> None:
    """Compile the indexes the commands will load once, here, rather than in each command at once."""
    import c5names
    from c5names.index import compiled

    compiled(c5names.load())  # compiling and caching is the point
    compiled(c5names.load(REPO / "docs" / "examples" / "my-gazetteer.yaml"))


@pytest.fixture(scope="module")
def shell_results() -> dict[Path, list[str]]:
    """Run every page's commands: independent ones in parallel, dependent ones in order. The files
    they write are removed at the end."""
    _warm_index_cache()
    chains = [(page, chain) for page in SHELL_PAGES for chain in _chains(_commands_of_page(page))]
    new_files = {
        path for _, chain in chains for cmd in chain for path in _written_files(cmd.command) if not path.exists()
    }

    def run_chain(chain: list[Command]) -> list[str]:
        return [problem for cmd in chain if (problem := _run_command(cmd))]

    try:
        with ThreadPoolExecutor(max_workers=min(8, max(2, os.cpu_count() or 2))) as pool:
            outcomes = list(pool.map(run_chain, [chain for _, chain in chains]))
    finally:
        for path in new_files:
            if path.is_dir():  # `-o DIR/`: one output per input
                shutil.rmtree(path)
            with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                path.unlink()
    results: dict[Path, list[str]] = {page: [] for page in SHELL_PAGES}
    for (page, _), failures in zip(chains, outcomes, strict=True):
        results[page].extend(failures)
    return results


@pytest.mark.parametrize("page", SHELL_PAGES, ids=_id)
def test_shell_examples(page: Path, shell_results: dict[Path, list[str]]) -> None:
    failures = shell_results[page]
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)


# -- the site -------------------------------------------------------------------------------------


def test_every_page_is_in_the_nav() -> None:
    yaml = pytest.importorskip("yaml")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))

    def pages(nav: object) -> list[str]:
        if isinstance(nav, str):
            return [nav]
        if isinstance(nav, dict):
            return [p for v in nav.values() for p in pages(v)]
        if isinstance(nav, list):
            return [p for v in nav for p in pages(v)]
        return []

    in_nav = set(pages(config["nav"]))
    on_disk = {p.name for p in (REPO / "docs").glob("*.md")} | GENERATED_PAGES
    assert on_disk == in_nav


def test_site_builds_strictly(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    pytest.importorskip("material")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    assert not re.search(r"^WARNING\b", log, re.MULTILINE), log
    assert (tmp_path / "site" / "gazetteer.schema.json").exists()
