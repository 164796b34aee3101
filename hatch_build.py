"""Hatchling build hook: compile c5names' four C extensions, the spaCy component's per-token loops
(`c5names/component/_scan.pyx`), the fuzzy index's bucket reads (`c5names/index/_near.pyx`), the
postings' reads (`c5names/index/_packed.pyx`) and the word keys (`c5names/text/_keys.pyx`).

Why a hook: the package is built by hatchling, which copies files but compiles nothing; this hook
hands each `.pyx` to Cython and setuptools' `build_ext` (the well-kept way to build an extension)
against the spaCy, Cython and numpy of the build environment (`[build-system] requires`), and puts
the results in the wheel; for an editable install, next to the sources.

The extensions are optional: without a compiler the hook warns and the wheel is pure Python (the
component, the index and the keys then take their numpy or Python paths). `C5NAMES_REQUIRE_NATIVE=1`
turns that warning into an error, which is how CI proves the build works on a fresh machine. Its
temporary files go to a temporary directory, removed even when the build fails.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# (source, module, language): the scan includes spaCy's C++ headers; the others are plain C.
EXTENSIONS = (
    ("c5names/component/_scan.pyx", "c5names.component._scan", "c++"),
    ("c5names/index/_near.pyx", "c5names.index._near", "c"),
    ("c5names/index/_packed.pyx", "c5names.index._packed", "c"),
    ("c5names/text/_keys.pyx", "c5names.text._keys", "c"),
)


class NativeScanHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        self._tmp = Path(tempfile.mkdtemp(prefix="c5names-build-"))
        editable = version == "editable"
        for number, (source, module, language) in enumerate(EXTENSIONS):
            work = self._tmp / str(number)
            try:
                built = _compile(root, work, source, module, language, into=root if editable else self._tmp / "lib")
            except Exception as err:
                if os.environ.get("C5NAMES_REQUIRE_NATIVE", "").strip() not in {"", "0"}:
                    raise
                self.app.display_warning(
                    f"c5names: {module} was not compiled ({type(err).__name__}: {err}); "
                    "c5names will use its numpy path there, which gives the same answers more slowly"
                )
                continue
            build_data["pure_python"] = False
            build_data["infer_tag"] = True
            if not editable:
                build_data["force_include"][str(built)] = str(built.relative_to(self._tmp / "lib"))

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _compile(root: Path, tmp: Path, source_path: str, module: str, language: str, *, into: Path) -> Path:
    """Cythonise and compile one extension; its shared library lands under `into` (package path)."""
    import numpy
    import spacy
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension

    source = tmp / "src" / Path(source_path).name  # (a copy: Cython writes its C or C++ next to the source)
    source.parent.mkdir(parents=True)
    shutil.copyfile(root / source_path, source)
    extension = Extension(
        module,
        [str(source)],
        include_dirs=[numpy.get_include()],
        language=language,
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
    return Path(command.get_ext_fullpath(module))
