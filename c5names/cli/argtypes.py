"""Argument types the commands share: each turns a command-line string into a checked value, or an
`argparse.ArgumentTypeError` that argparse prints as a usage error (exit 2).

A module of its own because `parser` (every command's options) and `suggest` (registered by the
parser) both need them, and `suggest` cannot import the parser that imports it.
"""

from __future__ import annotations

import argparse

from c5names.dates import normalise_date


def date_arg(value: str) -> str:
    """A publication date: YYYY-MM-DD, YYYY-MM or YYYY, normalised."""
    try:
        date = normalise_date(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    if date is None:
        raise argparse.ArgumentTypeError("an empty date; give YYYY-MM-DD, YYYY-MM or YYYY")
    return date
