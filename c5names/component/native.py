"""The compiled per-token loops (`_scan.pyx`), when they can be trusted here, else None.

Why a loader: the extension reads spaCy's token structs as they were laid out in the spaCy it was
compiled against. It is used only when that spaCy's major and minor version are the running one's
(Cython itself refuses a `Doc` whose size changed); otherwise, or when the build had no compiler, or
with `C5NAMES_NATIVE=0` in the environment, the component takes its numpy path, which gives the same
answers. `STATUS` says which, and why.
"""

from __future__ import annotations

import importlib
from types import ModuleType

import spacy

from c5names.index.native import OFF, allowed


def _load() -> tuple[ModuleType | None, str]:
    if not allowed():
        return None, OFF
    try:
        # (by name: the import graph, which sees only Python modules, would take it for the package)
        _scan = importlib.import_module("c5names.component._scan")
    except ImportError:
        return None, "numpy (the compiled scan was not built)"
    except ValueError as err:  # Cython's check of spaCy's Doc: "size changed, may indicate binary incompatibility"
        return None, f"numpy (the compiled scan does not fit this spaCy: {err})"
    built = str(_scan.BUILT_WITH_SPACY)
    if built.split(".")[:2] != spacy.__version__.split(".")[:2]:
        return None, f"numpy (the compiled scan was built for spaCy {built or '?'}, this is {spacy.__version__})"
    return _scan, f"compiled (built for spaCy {built})"


scan_module, STATUS = _load()
