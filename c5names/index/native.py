"""The index's compiled parts (`_near.pyx`, `_packed.pyx`), when they were built and may be used here.

`_near.pyx` reads the fuzzy index; `_packed.pyx` reads a word's packed postings for many entities at
once (a common name's thousands of holders at a million persons).

The switch that turns every compiled part off (`C5NAMES_NATIVE=0`) is read in `text.native`, the
lowest layer with an extension; `OFF` and `allowed` are that module's, named here too for the index's
and the component's users.
"""

from __future__ import annotations

from types import ModuleType

from c5names.text.native import OFF as OFF
from c5names.text.native import allowed as allowed
from c5names.text.native import load_extension


def _load() -> tuple[ModuleType | None, str]:
    return load_extension("c5names.index._near", "numpy (the compiled bucket reads were not built)")


near_module, STATUS = _load()
packed_module, PACKED_STATUS = load_extension(
    "c5names.index._packed", "numpy (the compiled posting reads were not built)"
)
