"""Index keys and edits of them, for the property tests of the fuzzy index (`index.neighbours`, its
numpy and compiled paths): a small alphabet, so that drawn keys often lie within an edit or two."""

from __future__ import annotations

from hypothesis import strategies as st

KEYS = st.text(st.sampled_from("abdeiklmnorsuvyz"), min_size=3, max_size=12)
# (kind, position, letter): the position is taken modulo the key's length plus one.
EDIT = st.tuples(st.sampled_from(["substitute", "insert", "delete"]), st.integers(0, 13), st.sampled_from("abdeio"))


def edited(key: str, edits: list[tuple[str, int, str]]) -> str:
    """The key with each edit made in turn (a substitution or deletion past its end changes nothing)."""
    for kind, position, letter in edits:
        at = position % (len(key) + 1)
        if kind == "insert":
            key = key[:at] + letter + key[at:]
        elif at < len(key):
            key = key[:at] + (letter if kind == "substitute" else "") + key[at + 1 :]
    return key
