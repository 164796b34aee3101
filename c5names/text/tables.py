"""Reading the linguistic tables shipped in the `data/` folders, with their line numbers.

Romanisation schemes, case endings, script readings and the lexicon's word lists are data that a
linguist edits, not code. Each table is a YAML file; this module reads it into nodes that remember
their lines, so that every mistake — a duplicate, a list where a mapping belongs, an entry that can
never match — is reported as a `TableError` naming the file, the line and the entry. The modules that
own a table check its meaning; they read it once per process (`functools.lru_cache`).

Every scalar is read as the text written: there is no YAML typing in a table, so `on`, `no`, `y`
and `1` are words, not booleans or numbers, and nothing needs quoting but a leading `#` or `-`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import yaml

from c5names.errors import C5NamesError, Problem

DATA = Path(__file__).resolve().parent / "data"
# libyaml composes the same nodes (with their positions) several times faster; the tables read as plain
# data (`yaml.load(text, Loader=YAML_LOADER)`: the kinship words, the suggestion table) use it too.
YAML_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(YAML_LOADER):
    """Composes nodes without resolving implicit tags: a table's scalars are all text."""

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        if kind is yaml.ScalarNode:
            return yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG
        if kind is yaml.SequenceNode:
            return yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG
        return yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG


LANG_RE = re.compile(r"^[a-z]{2,3}$")
READING_RE = re.compile(r"^[a-z]+$")  # a reading in the keys' alphabet: lowercase ASCII letters


class TableError(C5NamesError):
    """A linguistic table is invalid; `problems` lists every issue found, each with file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Entry:
    """A text of a table (a key or a value) and where it is written."""

    text: str
    line: int
    field: str


class Table:
    """One table file being read: its root node and the problems found so far.

    Use it as a context manager: leaving the block raises `TableError` if anything was reported.
    """

    def __init__(self, path: Path, text: str | None = None) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.root: yaml.Node | None = None
        try:
            source = path.read_text(encoding="utf-8") if text is None else text
            self.root = yaml.compose(source, Loader=_Loader)
        except OSError as err:
            self.problems.append(Problem(str(path), None, None, "", f"cannot read the table: {err.strerror}"))
        except UnicodeDecodeError as err:
            self.problems.append(Problem(str(path), None, None, "", f"not UTF-8 text ({err.reason})"))
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            line = mark.line + 1 if mark else None
            self.problems.append(Problem(str(path), line, None, "", f"not valid YAML: {err.problem or err}"))
        if self.root is None and not self.problems:
            self.problems.append(Problem(str(path), None, None, "", "the table is empty"))

    def __enter__(self) -> Table:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None and self.problems:
            raise TableError(self.problems)

    def report(self, line: int | None, field: str, message: str) -> None:
        """Note a problem at a line of the file."""
        self.problems.append(Problem(str(self.path), line, None, field, message))

    def reject(self, entry: Entry, message: str) -> None:
        """Note a problem with one entry."""
        self.report(entry.line, entry.field, f"{entry.text!r}: {message}")

    def mapping(self, node: yaml.Node | None, field: str) -> dict[str, tuple[Entry, yaml.Node]]:
        """The keys of a mapping, in file order, each with its value node; duplicate keys reported."""
        if node is None:
            return {}
        if not isinstance(node, yaml.MappingNode):
            self.report(_line(node), field, "expected a mapping (key: value lines)")
            return {}
        out: dict[str, tuple[Entry, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or not key_node.value:
                self.report(_line(key_node), field, "keys must be plain, non-empty text")
                continue
            key = Entry(key_node.value, _line(key_node), f"{field}.{key_node.value}" if field else key_node.value)
            if key.text in out:
                self.reject(key, f"duplicate key (first on line {out[key.text][0].line})")
                continue
            out[key.text] = (key, value_node)
        return out

    def fields(
        self, node: yaml.Node | None, field: str, required: Iterable[str] = (), optional: Iterable[str] = ()
    ) -> dict[str, yaml.Node]:
        """The value nodes of a mapping with a fixed set of keys; missing and unknown keys reported."""
        required, allowed = tuple(required), {*required, *optional}
        found = self.mapping(node, field)
        for key, _value in found.values():
            if key.text not in allowed:
                self.reject(key, f"unknown key; expected one of {', '.join(sorted(allowed))}")
        for name in required:
            if name not in found and node is not None:
                self.report(_line(node), field, f"missing key {name!r}")
        return {name: value for name, (key, value) in found.items() if name in allowed}

    def text(self, node: yaml.Node | None, field: str) -> Entry | None:
        """A single non-empty text."""
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.report(_line(node), field, "expected a single text")
            return None
        return Entry(node.value, _line(node), field)

    def pairs(self, node: yaml.Node | None, field: str) -> list[tuple[Entry, Entry]]:
        """The `key: value` texts of a mapping, in file order."""
        out: list[tuple[Entry, Entry]] = []
        for key, value in self.mapping(node, field).values():
            text = self.text(value, key.field)
            if text is not None:
                out.append((key, text))
        return out

    def readings(
        self,
        node: yaml.Node | None,
        field: str,
        key_ok: Callable[[str], object],
        key_rule: str,
        value_ok: Callable[[str], object] = READING_RE.match,
        value_rule: str = "lowercase ASCII letters",
    ) -> dict[str, str]:
        """A mapping of what is written (a letter, a sequence) to how it is read, each side checked."""
        out: dict[str, str] = {}
        for key, value in self.pairs(node, field):
            if not key_ok(key.text):
                self.reject(key, f"expected {key_rule}")
            elif not value_ok(value.text):
                self.reject(value, f"expected {value_rule}")
            else:
                out[key.text] = value.text
        return out

    def texts(self, node: yaml.Node | None, field: str) -> list[Entry]:
        """The texts of a list (`[a, b, c]` or one `- item` a line); empty items reported."""
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.report(_line(node), field, "expected a list")
            return []
        out: list[Entry] = []
        for item in node.value:
            entry = self.text(item, field)
            if entry is None:
                continue
            if not entry.text.strip():
                self.report(entry.line, field, "empty entry")
                continue
            out.append(entry)
        return out

    def unique(self, entries: Iterable[Entry], what: str = "entry") -> list[Entry]:
        """The entries with repeats reported (and left out): a table says each thing once."""
        seen: dict[str, Entry] = {}
        out: list[Entry] = []
        for entry in entries:
            if entry.text in seen:
                self.reject(entry, f"duplicate {what} (already on line {seen[entry.text].line})")
                continue
            seen[entry.text] = entry
            out.append(entry)
        return out

    def language(self, key: Entry) -> bool:
        """Is a key a language code as the matcher looks it up (lowercase ISO 639, no subtag)?"""
        if LANG_RE.match(key.text):
            return True
        self.reject(key, "a language is a lowercase ISO 639 code of two or three letters (uz, kk, tr)")
        return False


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1
