"""The `c5names` command line: reading inputs, running the linker over them, writing the results.

`app` runs a command (`main`), `parser` declares the options (`build_parser`), `commands` carries
them out; `corpus` reads documents, `batch` runs them through the linker (in one or several
processes), `formats` writes them, `evaluate` scores against gold data.
"""

from __future__ import annotations

from c5names.cli.app import main
from c5names.cli.parser import build_parser

__all__ = ["build_parser", "main"]
