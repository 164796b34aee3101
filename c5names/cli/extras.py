"""The optional dependencies of `c5names[dask]`: imported when first needed, or a clear error.

pyarrow (Parquet), fsspec (paths such as `s3://…`), dask and distributed (`--scheduler`) are an extra
the package works without, and they are slow to import: the command line must start as fast without
a cluster as before. `optional` imports one of them where it is used and, when it is missing, says
which extra brings it.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from c5names.errors import C5NamesError

INSTALL_HINT = 'pip install "c5names[dask]"'


class MissingDependency(C5NamesError, ImportError):
    """An optional dependency (pyarrow, dask, distributed, fsspec) is not installed (exit 2)."""


def optional(module: str, purpose: str) -> ModuleType:
    """Import an optional dependency, or raise MissingDependency naming the extra that brings it."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        package = module.split(".")[0]
        raise MissingDependency(f"{purpose} needs {package}, which is not installed: {INSTALL_HINT}") from err
