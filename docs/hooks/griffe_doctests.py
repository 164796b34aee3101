"""Griffe extension for the API reference: doctest examples written flush with a docstring's text.

A docstring such as::

    Find and link mentions.

    >>> linker = Linker()
    >>> linker.link("...")
    [...]

is valid for doctest, but Markdown reads `>>>` as nested block quotes and `[...]` as a link. This
extension fences every run of doctest lines (from a `>>>` line to the next blank line) as a
`pycon` code block before mkdocstrings renders the docstring. Lines already indented as a code block
are left alone.
"""

from __future__ import annotations

from typing import Any

import griffe


def fence_doctests(text: str) -> str:
    out: list[str] = []
    in_example = False
    for line in text.splitlines():
        if not in_example and line.startswith(">>>"):
            out.append("```pycon")
            in_example = True
        elif in_example and not line.strip():
            out.append("```")
            in_example = False
        out.append(line)
    if in_example:
        out.append("```")
    return "\n".join(out)


class FenceDoctests(griffe.Extension):
    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
