"""Hatchling build hook: compile c5names' one C extension, the component's per-token loops.

Why a hook: the package is built by hatchling, which copies files but compiles nothing; this hook
hands `c5names/component/_scan.pyx` to Cython and setuptools' `build_ext` (the well-kept way to build
an extension) against the spaCy, Cython and numpy of the build environment (`[build-system]
requires`), and puts the result in the wheel; for an editable install, next to the source.

The extension is optional: without a C++ compiler the hook warns and the wheel is pure Python (the
component then takes its numpy path). `C5NAMES_REQUIRE_NATIVE=1` turns that warning into an error,
which is how CI proves the build works on a fresh machine. Its temporary files go to a temporary
directory, removed even when the build fails.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = "c5names/component/_scan.pyx"
MODULE = "c5names.component._scan"


class NativeScanHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        self._tmp = Path(tempfile.mkdtemp(prefix="c5names-build-"))
        editable = version == "editable"
        try:
            built = _compile(root, self._tmp, into=root if editable else self._tmp / "lib")
        except Exception as err:
            if os.environ.get("C5NAMES_REQUIRE_NATIVE", "").strip() not in {"", "0"}:
                raise
            self.app.display_warning(
                f"c5names: the compiled token scan was not built ({type(err).__name__}: {err}); "
                "the spaCy component will use its numpy path, which gives the same answers more slowly"
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if not editable:
            build_data["force_include"][str(built)] = str(built.relative_to(self._tmp / "lib"))

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _compile(root: Path, tmp: Path, *, into: Path) -> Path:
    """Cythonise and compile the extension; its shared library lands under `into` (package path)."""
    import numpy
    import spacy
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension

    source = tmp / "src" / Path(SOURCE).name  # (a copy: Cython writes its C++ next to the source)
    source.parent.mkdir(parents=True)
    shutil.copyfile(root / SOURCE, source)
    extension = Extension(
        MODULE,
        [str(source)],
        include_dirs=[numpy.get_include()],
        language="c++",  # spaCy's declarations include C++ headers
        define_macros=[("C5NAMES_BUILT_WITH_SPACY", f'"{spacy.__version__}"')],
    )
    modules = cythonize([extension], quiet=True, language_level=3)
    distribution = Distribution({"name": "c5names", "ext_modules": modules})
    command: Any = distribution.get_command_obj("build_ext")
    command.build_temp = str(tmp / "temp")
    command.build_lib = str(into)
    command.inplace = False
    command.ensure_finalized()
    command.run()
    return Path(command.get_ext_fullpath(MODULE))
