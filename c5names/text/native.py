"""Whether the compiled parts of c5names may be used here, and the text layer's own (`_keys.pyx`).

Why one place, and this one: the package has three optional C extensions, the word keys here, the
index's bucket reads (`index.native`) and the spaCy component's per-token loops (`component.native`).
All are built when a compiler is there (`hatch_build.py`), and all give way to Python or numpy paths
with the same answers when they were not built, or when `C5NAMES_NATIVE=0` is in the environment (how
the tests run those paths, and how a user rules out the compiled code when chasing a problem). That
switch is read here, in the lowest layer that has an extension, for all three.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

OFF = "not used (C5NAMES_NATIVE is off)"


def allowed() -> bool:
    """May compiled code be used (`C5NAMES_NATIVE` is not 0, false, no or off)?"""
    return os.environ.get("C5NAMES_NATIVE", "1").strip().lower() not in {"0", "false", "no", "off"}


def load_extension(name: str, absent: str) -> tuple[ModuleType | None, str]:
    """(the compiled module `name`, "compiled"), or (None, why not): ruled out (`OFF`), or `absent`
    when it was not built."""
    if not allowed():
        return None, OFF
    try:
        # (by name: the import graph, which sees only Python modules, would take it for the package)
        return importlib.import_module(name), "compiled"
    except ImportError:
        return None, absent


keys_module, STATUS = load_extension("c5names.text._keys", "Python (the compiled word keys were not built)")
