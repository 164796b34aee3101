"""The `c5names` command line: `main` parses the arguments, runs a command, and turns every error a
user can cause into a message and an exit status, never a traceback.

Exit status: 0 success, 1 when some documents or inputs of a run failed while others were written,
2 for bad usage or input that stopped the command before anything was written, 130/143 when
interrupted by SIGINT/SIGTERM (an `-o` file is then left as it was).
"""

from __future__ import annotations

import argparse
import io
import os
import sys

from c5names.cli.commands import error
from c5names.cli.interrupt import Terminated, handled
from c5names.cli.parser import build_parser
from c5names.errors import C5NamesError, GazetteerError


def _utf8_stdout() -> None:
    """Data on standard output is UTF-8 whatever the locale says."""
    stream = sys.stdout
    if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
        stream.reconfigure(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else 2
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    _utf8_stdout()
    with handled():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except GazetteerError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        error(f"{len(err.problems)} problem(s) in the gazetteer")
        return 2
    except C5NamesError as err:
        error(str(err))
        return 2
    except OSError as err:
        if isinstance(err, BrokenPipeError):
            return _broken_pipe()
        error(f"{err.filename or ''}{': ' if err.filename else ''}{err.strerror or err}")
        return 2
    except KeyboardInterrupt as err:
        terminated = isinstance(err, Terminated)
        error("terminated (SIGTERM)" if terminated else "interrupted")
        return Terminated.exit_code if terminated else 130


def _broken_pipe() -> int:
    """The reader went away (`| head`): stop quietly, as Unix tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
    return 141


if __name__ == "__main__":
    raise SystemExit(main())
