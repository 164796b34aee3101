"""Safe YAML reading that remembers where every value came from.

PyYAML's safe loader silently keeps the last of two duplicate keys and forgets positions once
objects are built. We compose the node graph ourselves so that duplicate keys are errors and every
field path maps back to a line and column for error messages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterator
from pathlib import Path
from typing import Any, cast

import yaml

from c5names.errors import GazetteerError, Problem

Location = tuple[int, int]
PathKey = tuple[str | int, ...]


# libyaml's safe loader composes the same nodes (with positions) about ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _Constructor(yaml.constructor.SafeConstructor):
    """Builds scalars only; mappings and sequences are walked by `_build`."""


MAX_DEPTH = 50
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag == _TIMESTAMP:
        return node.value  # dates stay text (partial dates, impossible dates reported by the schema)
    try:
        value = _Constructor().construct_object(node)
    except yaml.constructor.ConstructorError:
        raise
    except Exception:  # PyYAML raises ValueError, KeyError, IndexError... on malformed scalars
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a valid {node.tag.rsplit(':', 1)[-1]}", node.start_mark
        ) from None
    if isinstance(value, dt.datetime | dt.date):
        # Dates stay strings: the schema accepts partial dates such as 2016-12.
        return node.value
    return value


def _build(
    node: yaml.Node, path: PathKey, positions: dict[PathKey, Location], file: str, problems: list[Problem]
) -> Any:
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
        problems.append(
            Problem(
                file,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                _dotted(path),
                f"unsupported YAML tag {node.tag!r}",
            )
        )
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(
                    Problem(
                        file,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        _dotted(path),
                        "mapping keys must be plain strings",
                    )
                )
                continue
            key = str(_scalar(key_node))
            if key in result:
                problems.append(
                    Problem(
                        file,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        _dotted((*path, key)),
                        f"duplicate key {key!r}",
                    )
                )
                continue
            result[key] = _build(value_node, (*path, key), positions, file, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), positions, file, problems) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(node)


def _dotted(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class LoadedYaml:
    """A parsed YAML document with the position of each field path."""

    def __init__(self, file: str, data: Any, positions: dict[PathKey, Location]) -> None:
        self.file = file
        self.data = data
        self.positions = positions

    def where(self, path: PathKey) -> Location | tuple[None, None]:
        """The line and column of the deepest known prefix of `path`."""
        for cut in range(len(path), -1, -1):
            location = self.positions.get(tuple(path[:cut]))
            if location:
                return location
        return (None, None)

    def problem(self, path: PathKey, message: str) -> Problem:
        line, column = self.where(path)
        return Problem(self.file, line, column, _dotted(path), message)


def decode_problem(file: str, err: UnicodeDecodeError) -> Problem:
    """A decoding error with the line and column of the first bad byte."""
    before = err.object[: err.start]
    line = before.count(b"\n") + 1
    column = err.start - (before.rfind(b"\n") + 1) + 1
    return Problem(file, line, column, "", f"not UTF-8 text ({err.reason} at byte {err.start})")


# Errors whose cause is where PyYAML's context starts: a quote or a bracket that is never closed is
# found only at the end of the file, lines away from it.
_CAUSE_AT_CONTEXT = ("while scanning a quoted scalar", "while parsing a flow")


def _syntax_problem(file: str, err: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error at the line that caused it, with PyYAML's context ("while scanning a
    quoted scalar ... line 4") kept in the message."""
    context = err.context_mark if err.context else None
    mark = err.problem_mark or context
    if context is not None and (err.context or "").startswith(_CAUSE_AT_CONTEXT):
        mark = context
    message = f"YAML syntax error: {err.problem}"
    if context is not None:
        message += f" ({err.context} started at line {context.line + 1}, column {context.column + 1})"
    if mark is not None and mark is context and err.problem_mark is not None:
        message += f"; found at line {err.problem_mark.line + 1}"
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return Problem(file, line, column, "", message)


def _position(event: yaml.Event) -> tuple[int | None, int | None]:
    """The 1-based line and column where a parser event starts (None when the parser gives none)."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (None, None)


def load_yaml(path: Path | str, text: str | None = None) -> LoadedYaml:
    """Parse one YAML file safely; raise GazetteerError with file and line on any problem."""
    file = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise GazetteerError([Problem(file, None, None, "", "file not found")]) from None
        except UnicodeDecodeError as err:
            raise GazetteerError([decode_problem(file, err)]) from None
        except OSError as err:
            raise GazetteerError([Problem(file, None, None, "", f"cannot read: {err.strerror}")]) from None
    try:
        depth = 0
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line, column = _position(event)
                    raise GazetteerError([Problem(file, line, column, "", f"nested deeper than {MAX_DEPTH} levels")])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                line, column = _position(event)
                raise GazetteerError([Problem(file, line, column, "", "YAML aliases (*name) are not supported")])
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        raise GazetteerError([_syntax_problem(file, err)]) from None
    except yaml.YAMLError as err:
        raise GazetteerError([Problem(file, None, None, "", f"YAML error: {err}")]) from None
    except RecursionError:
        raise GazetteerError([Problem(file, None, None, "", "YAML nested too deeply")]) from None
    positions: dict[PathKey, Location] = {}
    problems: list[Problem] = []
    try:
        data = {} if node is None else _build(node, (), positions, file, problems)
    except yaml.constructor.ConstructorError as err:
        mark = err.problem_mark
        raise GazetteerError(
            [
                Problem(
                    file,
                    mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None,
                    "",
                    f"unsupported YAML value: {err.problem}",
                )
            ]
        ) from None
    if problems:
        raise GazetteerError(problems)
    return LoadedYaml(file, data, positions)


# -- streaming ---------------------------------------------------------------------------------------
class Unusual(Exception):
    """The streaming reader met something it leaves to `load_yaml` (an error, a tag, an alias, a
    duplicate key): the caller reads the file again the careful way, which reports it with positions."""


_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"


class TopLevelSequence:
    """The items of a top-level sequence, read one at a time from the event stream.

    Iterate it before asking `iter_top_level` for the next key; whatever is left unread is skipped."""

    def __init__(self, events: Iterator[yaml.Event]) -> None:
        self._events = events
        self.done = False

    def __iter__(self) -> Iterator[Any]:
        while not self.done:
            event = next(self._events)
            if isinstance(event, yaml.SequenceEndEvent):
                self.done = True
                return
            yield _value(event, self._events, 3)


def iter_top_level(text: str) -> Iterator[tuple[str, Any]]:
    """(key, value) for each key of a one-document YAML mapping, without building the whole document.

    A sequence value comes as a `TopLevelSequence`, so a file of 5,000 entities is validated one entity
    at a time: the transient memory is one entity's, not libyaml's node tree of the whole file (about
    350 MB for 3.4 MB of YAML), and it reads about twice as fast. Positions are not kept; anything
    unusual raises `Unusual` so the caller can fall back to `load_yaml` for a precise report.
    """
    yield from _top_level(_events(text))


def _events(text: str) -> Iterator[yaml.Event]:
    """libyaml's events; a syntax error is unusual (the careful reader reports where it is)."""
    try:
        yield from yaml.parse(text, Loader=_LOADER)
    except yaml.YAMLError:
        raise Unusual from None


def _top_level(events: Iterator[yaml.Event]) -> Iterator[tuple[str, Any]]:
    _expect(next(events), yaml.StreamStartEvent)
    event = next(events)
    if isinstance(event, yaml.StreamEndEvent):
        return
    _expect(event, yaml.DocumentStartEvent)
    event = next(events)
    if not isinstance(event, yaml.MappingStartEvent) or event.tag is not None:
        raise Unusual
    seen: set[str] = set()
    while not isinstance(event := next(events), yaml.MappingEndEvent):
        key = _key(event, seen)
        seen.add(key)
        event = next(events)
        if isinstance(event, yaml.SequenceStartEvent) and event.tag is None:
            items = TopLevelSequence(events)
            yield key, items
            for _ in items:  # skip what the caller left unread
                pass
        else:
            yield key, _value(event, events, 2)
    _expect(next(events), yaml.DocumentEndEvent)
    _expect(next(events), yaml.StreamEndEvent)


def _expect(event: yaml.Event, kind: type[yaml.Event]) -> None:
    if not isinstance(event, kind):
        raise Unusual


def _key(event: yaml.Event, seen: Container[str]) -> str:
    """A mapping key: a scalar not already in `seen` (a duplicate is an error `load_yaml` reports)."""
    if not isinstance(event, yaml.ScalarEvent):
        raise Unusual
    key = str(_plain_scalar(event))
    if key in seen:
        raise Unusual
    return key


def _value(event: yaml.Event, events: Iterator[yaml.Event], depth: int) -> Any:
    """The value that starts with `event`, built from the events that follow it."""
    if depth > MAX_DEPTH:
        raise Unusual
    if isinstance(event, yaml.ScalarEvent):
        return _plain_scalar(event)
    if getattr(event, "tag", None) is not None:
        raise Unusual
    if isinstance(event, yaml.MappingStartEvent):
        result: dict[str, Any] = {}
        while not isinstance(event := next(events), yaml.MappingEndEvent):
            key = _key(event, result)
            result[key] = _value(next(events), events, depth + 1)
        return result
    if isinstance(event, yaml.SequenceStartEvent):
        items: list[Any] = []
        while not isinstance(event := next(events), yaml.SequenceEndEvent):
            items.append(_value(event, events, depth + 1))
        return items
    raise Unusual  # an alias


def _plain_scalar(event: yaml.ScalarEvent) -> Any:
    """A scalar resolved as the safe loader would (dates kept as text); explicit tags are unusual."""
    if event.tag is not None:
        raise Unusual
    if not event.implicit[0]:  # quoted
        return event.value
    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, (True, False))
    if tag == _STR:
        return event.value
    try:
        return _scalar(yaml.ScalarNode(tag, event.value, cast(Any, event.start_mark), cast(Any, event.end_mark)))
    except yaml.constructor.ConstructorError:
        raise Unusual from None
