"""Whether the compiled parts of c5names may be used here, and the index's own (`_near.pyx`).

Why one place: the package has two optional C extensions, the index's bucket reads and the spaCy
component's per-token loops (`component.native`). Both are built when a compiler is there
(`hatch_build.py`), and both give way to numpy paths with the same answers when they were not built,
or when `C5NAMES_NATIVE=0` is in the environment (how the tests run the numpy paths, and how a user
rules out the compiled code when chasing a problem). That switch is read here, for both.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

OFF = "numpy (C5NAMES_NATIVE is off)"


def allowed() -> bool:
    """May compiled code be used (`C5NAMES_NATIVE` is not 0, false, no or off)?"""
    return os.environ.get("C5NAMES_NATIVE", "1").strip().lower() not in {"0", "false", "no", "off"}


def _load() -> tuple[ModuleType | None, str]:
    if not allowed():
        return None, OFF
    try:
        # (by name: the import graph, which sees only Python modules, would take it for the package)
        return importlib.import_module("c5names.index._near"), "compiled"
    except ImportError:
        return None, "numpy (the compiled bucket reads were not built)"


near_module, STATUS = _load()
