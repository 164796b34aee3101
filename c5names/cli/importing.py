"""`c5names import wikidata|ftm`: turn a knowledge base's people into a gazetteer file or folder.

A thin command over `c5names.gazetteer.importers`: reads the sources (a bad line is named on
standard error and skipped), writes valid gazetteer YAML atomically, and ends with the counts of
what was imported and skipped. Exit status 0; 1 when some lines were bad but the output was
written; 2 when nothing usable came out (or the command line is wrong).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from c5names.cli.progress import Progress
from c5names.errors import C5NamesError
from c5names.gazetteer import Source, expand_paths, load
from c5names.gazetteer.importers import ftm, wikidata
from c5names.gazetteer.importers.common import BadLine, Report, is_qid
from c5names.gazetteer.importers.output import Person, build, files_for, write_atomically

PROG = "c5names"

WIKIDATA_EPILOG = f"""\
sources:
  a Wikidata dump (JSON array, one entity per line; .json, .json.gz or .json.bz2), JSON lines,
  or Special:EntityData/Q….json and wbgetentities responses ({{"entities": {{...}}}}).
  A position's name and country come from its own item: include the position items (a dump has
  them) or the offices are written with the position's QID as their role.

examples:
  {PROG} import wikidata latest-all.json.bz2 --country Q232 Q813 Q863 Q874 Q265 --office-holders -o c5/
  {PROG} import wikidata Q376532.json -o people.yaml
"""

FTM_EPILOG = f"""\
sources:
  OpenSanctions exports: entities.ftm.json (one FollowTheMoney entity per line) or
  targets.nested.json (each target with its occupancies, positions and family nested).

examples:
  {PROG} import ftm entities.ftm.json --country kz uz --topic role.pep -o peps.yaml
  {PROG} import ftm targets.nested.json -o peps/
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `import` (with `wikidata` and `ftm`) on the main parser's subcommands."""
    parser = sub.add_parser(
        "import",
        help="Make a gazetteer from Wikidata or OpenSanctions (FollowTheMoney) data.",
        description="Make a gazetteer from Wikidata or OpenSanctions (FollowTheMoney) data.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    kinds = parser.add_subparsers(dest="source_kind", metavar="SOURCE_KIND", required=True)
    wd = _source_parser(kinds, "wikidata", "People from Wikidata entity JSON.", WIKIDATA_EPILOG, cmd_wikidata)
    wd.add_argument("--country", nargs="+", metavar="QID", type=_qid, help="citizens of, or in office in, these")
    wd.add_argument("--office-holders", action="store_true", help="only people with a position held (P39)")
    f = _source_parser(kinds, "ftm", "People from FollowTheMoney entities (OpenSanctions).", FTM_EPILOG, cmd_ftm)
    f.add_argument("--country", nargs="+", metavar="CC", type=_iso2, help="ISO 3166-1 codes (kz, uz...)")
    f.add_argument("--topic", nargs="+", metavar="TOPIC", help="any of these topics (role.pep, role.rca...)")


def _source_parser(
    kinds: argparse._SubParsersAction, name: str, summary: str, epilog: str, func: Callable[[argparse.Namespace], int]
) -> argparse.ArgumentParser:
    parser = kinds.add_parser(
        name, help=summary, description=summary, epilog=epilog, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.set_defaults(func=func)
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="input files")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="OUT.yaml, or a folder (one file per country)"
    )
    return parser


def _qid(value: str) -> str:
    if not is_qid(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a Wikidata id (Q followed by digits, e.g. Q232)")
    return value


def _iso2(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2}", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a two-letter country code (kz, uz, us...)")
    return value.casefold()


def cmd_wikidata(args: argparse.Namespace) -> int:
    return _run(
        args,
        "wikidata",
        lambda paths, report, errors, tick: wikidata.import_people(
            paths, report, errors, set(args.country or []) or None, args.office_holders, tick
        ),
    )


def cmd_ftm(args: argparse.Namespace) -> int:
    return _run(
        args,
        "ftm",
        lambda paths, report, errors, tick: ftm.import_people(
            paths, report, errors, set(args.country or []) or None, set(args.topic or []) or None, tick
        ),
    )


Importer = Callable[[list[Path], Report, Callable[[BadLine], None], Callable[[], None]], list[Person]]


def _run(args: argparse.Namespace, kind: str, importer: Importer) -> int:
    paths = [Path(p) for p in args.sources]
    for path in paths:
        if not path.is_file():
            raise C5NamesError(f"{path}: no such file")
    out = Path(args.output)
    if any(out.exists() and out.resolve() == p.resolve() for p in paths):
        raise C5NamesError(f"-o {out} is one of the inputs; refusing to overwrite it")
    report = Report()

    def bad(error: BadLine) -> None:
        report.bad_lines += 1
        print(f"{error.path}:{error.line}: {error.message}", file=sys.stderr)

    progress = Progress()
    people = importer(paths, report, bad, progress.update)
    progress.close()
    shipped = load(*_files(args), default=not getattr(args, "global_no_default", False))
    built = build(people, shipped, report)
    for line in report.lines():
        print(f"{PROG}: {line}", file=sys.stderr)
    if not built.entities and not built.extensions:
        print(f"{PROG}: nothing to write: no entity passed the filters", file=sys.stderr)
        return 2
    header = f"Imported by `c5names import {kind}` from {', '.join(p.name for p in paths)}.\nCheck before use."
    files = files_for(built, out, header)
    write_atomically(files)
    print(f"{PROG}: wrote {', '.join(str(p) for p in files)}", file=sys.stderr)
    return 1 if report.bad_lines else 0


def _files(args: argparse.Namespace) -> list[Source]:
    return expand_paths(getattr(args, "global_gazetteer", None) or [])
