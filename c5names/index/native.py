"""The index's compiled part (`_near.pyx`), when it was built and may be used here.

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
