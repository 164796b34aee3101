"""The `c5names` command line: reading inputs, running the linker over them, writing the results.

`app` holds the commands and their parser, `corpus` reads documents, `batch` runs them through the
linker (in one or several processes), `formats` writes them, `evaluate` scores against gold data.
"""

from __future__ import annotations

from c5names.cli.app import build_parser, main

__all__ = ["build_parser", "main"]
