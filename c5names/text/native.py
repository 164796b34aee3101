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


def _load() -> tuple[ModuleType | None, str]:
    if not allowed():
        return None, OFF
    try:
        # (by name: the import graph, which sees only Python modules, would take it for the package)
        return importlib.import_module("c5names.text._keys"), "compiled"
    except ImportError:
        return None, "Python (the compiled word keys were not built)"


keys_module, STATUS = _load()
