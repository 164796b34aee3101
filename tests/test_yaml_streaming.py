"""The streaming YAML reader (`yamlio.iter_top_level`) against the careful one (`load_yaml`).

Gazetteer files are read by streaming, one entity at a time, and read again carefully (with
positions) only when something is unusual. The two must agree on every document the streaming
reader accepts, and whatever it does not accept must come back as `Unusual`, never as a wrong value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from c5names import load
from c5names.errors import GazetteerError
from c5names.gazetteer import default_files, parse_file
from c5names.gazetteer.loader import _read_file
from c5names.gazetteer.yamlio import TopLevelSequence, Unusual, iter_top_level, load_yaml


def streamed(text: str) -> dict[str, Any]:
    """The whole document as the streaming reader gives it."""
    return {key: list(value) if isinstance(value, TopLevelSequence) else value for key, value in iter_top_level(text)}


def careful(text: str) -> Any:
    return load_yaml("doc.yaml", text).data


scalars = st.one_of(
    st.text(max_size=12),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.dates().map(str),
    st.sampled_from(["2016-12", "1991", "yes", "no", "~", "null", "0x1F", "1_000", ".inf", "1e3", "=", "<<"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=4),
    max_leaves=20,
)
documents = st.dictionaries(st.text(min_size=1, max_size=8), values, max_size=5)


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from([None, True, False]))
def test_streaming_agrees_with_careful_reader_on_dumped_documents(document: dict[str, Any], flow: bool | None) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=flow)
    try:
        got = streamed(text)
    except Unusual:
        return  # left to the careful reader, which is always the one that reports
    assert got == careful(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{},&*!'\"\n #|>?%@`\t1.~")), max_size=40))
def test_streaming_either_agrees_or_declines_on_arbitrary_text(text: str) -> None:
    try:
        got = streamed(text)
    except Unusual:
        return
    try:
        expected = careful(text)
    except GazetteerError:
        pytest.fail(f"the streaming reader accepted {text!r}, which the careful reader refuses")
    assert got == (expected if expected is not None else {})


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("a: 1\na: 2\n", "duplicate key"),
        ("a: &x 1\nb: *x\n", "alias"),
        ("a: !!str 1\n", "explicit tag"),
        ("- 1\n- 2\n", "not a mapping"),
        ("a: 1\n---\nb: 2\n", "two documents"),
        ("a: [1, 2\n", "syntax error"),
        ("entities:\n  - {id: x, id: y}\n", "duplicate key inside an item"),
        ("a: " + "[" * 60 + "]" * 60 + "\n", "nested too deep"),
    ],
)
def test_streaming_declines_what_only_the_careful_reader_may_report(text: str, why: str) -> None:
    with pytest.raises(Unusual):
        streamed(text)


def test_empty_document_streams_as_empty_mapping() -> None:
    assert streamed("") == {}
    assert streamed("# only a comment\n") == {}


@pytest.mark.parametrize("path", default_files(), ids=lambda p: p.name)
def test_shipped_files_stream_to_what_the_careful_reader_builds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert streamed(text) == careful(text)
    compiled, extends = _read_file(path, text)
    model = parse_file(path, text)[0]
    assert [entity_id for entity_id, _json, _refs in compiled] == [e.id for e in model.entities]
    assert [data for _id, data, _refs in compiled] == [e.model_dump_json().encode() for e in model.entities]
    assert extends == list(model.extend)


def test_explicit_tag_is_read_carefully_and_accepted(tmp_path: Path) -> None:
    """An explicit `!!str` makes the streaming reader decline; the careful one accepts the file."""
    path = tmp_path / "tagged.yaml"
    path.write_text(
        "entities:\n  - id: x-tagged\n    type: person\n    name: !!str Tagged Person\n    sources: [https://example.org/a]\n",
        encoding="utf-8",
    )
    with pytest.raises(Unusual):
        streamed(path.read_text(encoding="utf-8"))
    assert load(path, default=False)["x-tagged"].name == "Tagged Person"


def test_problem_found_mid_file_is_reported_with_its_line(tmp_path: Path) -> None:
    """The streaming reader has no positions; a problem in the 3rd entity still names line and field."""
    entities = "".join(
        f"  - id: p{i}\n    type: person\n    name: Person {i}\n    sources: [https://example.org/{i}]\n"
        for i in range(5)
    )
    text = "entities:\n" + entities.replace("    name: Person 2\n", "    name: Person 2\n    nickname: P2\n")
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError) as info:
        load(path, default=False)
    (problem,) = info.value.problems
    assert problem.line == text.splitlines().index("    nickname: P2") + 1
    assert problem.path == str(path)
    assert problem.field == "entities[2].nickname"
