"""`cli.formats.JsonlWriter`: a document's mentions given as a list are written in one `json.dumps`
call; the same document streamed mention by mention (a huge document's windows) must give the same
bytes, whatever its carried fields hold (non-ASCII, lone surrogates, line separators, a field named
like one the writer adds)."""

from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from c5names.cli.corpus import Document
from c5names.cli.formats import JsonlWriter
from c5names.model import Mention

strings = st.text(st.characters(), max_size=8) | st.sampled_from(["Мирзиёев", "\u2028", "\x85", "\ud800", "é"])
values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | strings,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(strings, inner, max_size=3),
    max_leaves=8,
)
mentions = st.builds(
    Mention,
    start=st.integers(0, 100),
    end=st.integers(0, 100),
    text=strings,
    id=strings,
    name=strings,
    type=st.sampled_from(["person", "country"]),
    score=st.floats(0, 1),
    method=st.sampled_from(["exact", "fuzzy"]),
    form=strings,
    wikidata=st.none() | st.just("Q123"),
    evidence=st.lists(strings, max_size=2).map(tuple),
    alternatives=st.lists(st.tuples(strings, st.floats(0, 1)), max_size=2).map(tuple),
    raw_score=st.none() | st.floats(0, 1),
)
documents = st.builds(
    Document,
    id=strings | st.integers(),
    text=st.just(""),
    where=st.just("corpus.jsonl:1"),
    fields=st.dictionaries(
        st.sampled_from(["lang", "date", "source", "lang_detected", "\u2028", "é"]) | strings, values, max_size=4
    ),
    detected=st.none() | st.just("kk"),
)


def _written(doc: Document, given: object) -> str:
    out = io.StringIO()
    JsonlWriter(out).write(doc, given)  # type: ignore[arg-type]
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(documents, st.lists(mentions, max_size=4))
def test_a_list_of_mentions_is_written_as_the_streamed_pieces_would_be(doc: Document, linked: list[Mention]) -> None:
    one_call = _written(doc, linked)
    streamed = _written(doc, iter(linked))
    assert one_call == streamed
    assert one_call.endswith("\n") and one_call.count("\n") == 1
    line = one_call.encode("utf-8", "strict")  # (lone surrogates written as escapes: valid UTF-8)
    assert len(json.loads(line)["mentions"]) == len(linked)
