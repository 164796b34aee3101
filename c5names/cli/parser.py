"""The argument parser of `c5names`: options, their checks, and the help text of every command.

An option's value is checked here (argparse `type=` functions), so a wrong one is a usage error
naming the option before any file is read.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Sequence

from c5names import __version__
from c5names.cli.argtypes import date_arg
from c5names.cli.cluster import scheduler_address
from c5names.cli.commands import (
    PROG,
    cmd_eval,
    cmd_list,
    cmd_lookup,
    cmd_normalise,
    cmd_schema,
    cmd_show,
    cmd_validate,
    cmd_variants,
    gazetteer_of_args,
)
from c5names.cli.formats import FORMATS, STYLES
from c5names.cli.importing import add_parser as add_import_parser
from c5names.cli.inputs import INPUT_FORMATS
from c5names.cli.suggest import register as register_suggest
from c5names.gazetteer.schema import language_tag
from c5names.linker import ALL_TYPES

# -- argument types ------------------------------------------------------------------------------


def _score_arg(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= score <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return score


def _jobs_arg(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("give 1 or more processes (0: one per CPU)")
    return jobs or os.cpu_count() or 1


def _scheduler_arg(value: str) -> str:
    try:
        return scheduler_address(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _lang_arg(value: str) -> str:
    try:
        return language_tag(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _limit_arg(value: str) -> int:
    try:
        limit = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if limit < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number of candidates")
    return limit


# -- parser ---------------------------------------------------------------------------------------

MAIN_EPILOG = f"""\
examples:
  {PROG} normalise article.txt
  {PROG} normalise corpus.jsonl --format jsonl -o linked.jsonl --jobs 4
  {PROG} lookup Tokaïev Мирзиёеву --lang ru
  {PROG} --gazetteer my-people.yaml normalise notes.txt

`{PROG} COMMAND --help` explains each command. Exit status: 0 success; 1 some documents or
inputs failed and the others were written; 2 bad usage or unusable input, nothing written;
130 or 143 interrupted (SIGINT, SIGTERM), an -o file left as it was.
"""

NORMALISE_EPILOG = f"""\
inputs:
  FILE.txt    one document; its id is the path as given
  FILE.jsonl  one document per line (also .ndjson): "text" required; "id", "lang", "date"
              optional and used over --lang/--date; any other field is carried into jsonl/json
              output untouched
  FILE.json   a JSON array of such documents, or one document object
  FILE.gz     any of these compressed with gzip (also .bz2, .xz): corpus.jsonl.gz
  FILE.parquet  one document per row: columns as the fields of a .jsonl document (typed dates
              and other values are read as their JSON/ISO forms); needs c5names[dask]
  DIRECTORY   its .txt, .jsonl, .ndjson, .json and .parquet files (compressed or not),
              recursively, in sorted order; hidden files and the -o file are left out
  -           standard input: one text document, or a corpus with --input-format jsonl
  Files are UTF-8 (with or without BOM) or UTF-16 with a BOM. Lone surrogates in JSON strings
  (\\ud800) are kept as escapes in jsonl/json output and written as U+FFFD in the others.

formats:
  text   (default) the text, each linked name followed by its display name in brackets
         ("Токаевым [Kassym-Jomart Tokayev]"; --style replace writes the display name instead);
         each document of a corpus, or of several files, under a "==> ID <==" header line
  jsonl  one object per document, in input order: id, lang/date, lang_detected (the language
         the text was read in when neither it nor --lang gave one), mentions (start and end are
         Python character offsets into the original text), then the carried fields
  json   the same objects as one JSON list
  html   one self-contained page (displaCy) highlighting every mention, linked to Wikidata
  tsv    one mention per row: doc_id start end text id name type score method
  parquet  one row per document: id, lang, date, text, mentions (a list of structs with the
         jsonl fields), fields (the carried fields as JSON); binary, so -o FILE or a pipe

examples:
  {PROG} normalise article.txt
  echo "Президент Мирзиёев встретился с Токаевым." | {PROG} normalise - --lang ru
  {PROG} normalise news/ --format jsonl -o linked.jsonl --jobs 4
  {PROG} normalise corpus.jsonl --format html -o mentions.html
  {PROG} normalise corpus.jsonl --format tsv --min-score 0.8 > mentions.tsv

  zcat corpus.jsonl.gz | {PROG} normalise - --input-format jsonl --format jsonl

Exit status 1 when some documents or inputs failed (each is named on standard error, the
others are written), 2 when the command line is wrong or nothing could be written.
"""


def _command(
    sub: argparse._SubParsersAction,
    name: str,
    func: Callable[[argparse.Namespace], int],
    summary: str,
    epilog: str,
    gazetteer: bool = True,
    aliases: Sequence[str] = (),
) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=epilog,
        aliases=list(aliases),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(func=func)
    if gazetteer:
        group = parser.add_argument_group("gazetteer")
        group.add_argument(
            "--gazetteer",
            action="append",
            metavar="FILE",
            help="also load this YAML file or directory (repeatable)",
        )
        group.add_argument(
            "--no-default-gazetteer",
            action="store_true",
            help="do not load the shipped gazetteer, only --gazetteer files",
        )
    return parser


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Find the names of political leaders in text, in any language and transliteration,\n"
        "and link each one to a canonical id.",
        epilog=MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--gazetteer",
        dest="global_gazetteer",
        action="append",
        metavar="FILE",
        help="also load this gazetteer YAML file or directory, for every command (repeatable)",
    )
    parser.add_argument(
        "--no-default-gazetteer",
        dest="global_no_default",
        action="store_true",
        help="do not load the shipped gazetteer",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = _command(
        sub,
        "normalise",
        cmd_normalise,
        "Link names in documents and write them out.",
        NORMALISE_EPILOG,
        aliases=["normalize"],
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a .txt file, a .jsonl, .json or .parquet corpus (compressed or not), a directory, or -",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write here (atomically) instead of standard output")
    p.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="auto",
        help="read every PATH as this (default auto: by its name; - is text)",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default, for reading), jsonl, json, html, tsv or parquet",
    )
    p.add_argument(
        "--style",
        choices=STYLES,
        help="with --format text: annotate (default: the display name in brackets after each mention) "
        "or replace (the display name instead of the mention)",
    )
    p.add_argument(
        "--lang",
        metavar="L",
        type=_lang_arg,
        help="language of documents that do not say (BCP 47, e.g. fr, ru, uz-Latn)",
    )
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=date_arg,
        help="publication date of documents that do not say; decides who held an office",
    )
    p.add_argument(
        "--min-score",
        metavar="X",
        type=_score_arg,
        default=0.5,
        help="drop links scored below X, between 0 and 1 (default: 0.5)",
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--jobs",
        metavar="N",
        type=_jobs_arg,
        default=1,
        help="link in N processes, keeping input order (0: one per CPU; default: 1)",
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        type=_scheduler_arg,
        help="link on a Dask cluster: tcp://HOST:PORT, a scheduler file (.json), or local:N for N "
        "worker processes here; same inputs, order and output (needs c5names[dask])",
    )

    p = _command(
        sub,
        "lookup",
        cmd_lookup,
        "Candidate entities for written names, best first.",
        f"""\
Each candidate: id, score, method (exact, translit, inflected, fuzzy…), the gazetteer form it
matched, and the display name. JSON: a list with one list of candidates per NAME.

examples:
  {PROG} lookup Tokaïev
  {PROG} lookup Мирзиёевым --lang ru
  {PROG} lookup "Sergio Gore" Japarov --format json
""",
    )
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--lang", metavar="L", type=_lang_arg, help="language of the names (enables its case endings)")
    p.add_argument(
        "--limit", type=_limit_arg, default=10, metavar="N", help="at most N candidates per name (default: 10)"
    )
    _format_option(p)

    p = _command(
        sub,
        "validate",
        cmd_validate,
        "Check gazetteer YAML files.",
        f"""\
The files are checked on top of the shipped gazetteer, so `extend:` of shipped ids works and a
duplicate id is caught. Every problem is printed as FILE:LINE:COL: [field] message.

examples:
  {PROG} validate my-people.yaml
  {PROG} validate gazetteer/ --no-default-gazetteer
""",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="YAML files or directories")

    p = _command(
        sub,
        "schema",
        cmd_schema,
        "Print the JSON Schema of gazetteer files.",
        f"""\
Point a YAML language server at it for completion and checks while editing.

examples:
  {PROG} schema -o c5names.schema.json
""",
        gazetteer=False,
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    p = _command(
        sub,
        "show",
        cmd_show,
        "Show one entity of the gazetteer.",
        f"""\
examples:
  {PROG} show mirziyoyev-shavkat
  {PROG} show japarov-sadyr --format json
""",
    )
    p.add_argument("id", metavar="ID")
    _format_option(p)

    p = _command(
        sub,
        "list",
        cmd_list,
        "List entities (id, type, name), tab-separated.",
        f"""\
examples:
  {PROG} list
  {PROG} list --type country
  {PROG} list --shared-aliases     # name keys several entities share, and who shares them
""",
    )
    p.add_argument("--type", choices=ALL_TYPES, help="only entities of this type")
    p.add_argument("--shared-aliases", action="store_true", help="list the name keys shared by several entities")

    p = _command(
        sub,
        "variants",
        cmd_variants,
        "Spellings the engine recognises for an entity.",
        f"""\
One line per spelling: convention (as written, or the romanisation that produced it), spelling,
and matching key. Inflected forms and fuzzy neighbours are recognised on top of these.

examples:
  {PROG} variants tokayev-kassym-jomart
  {PROG} variants mirziyoyev-shavkat --format json
""",
    )
    p.add_argument("id", metavar="ID")
    _format_option(p)

    p = _command(
        sub,
        "eval",
        cmd_eval,
        "Precision, recall and F1 against gold annotations.",
        f"""\
Gold lines: {{"id", "lang", "date", "text", "mentions": [{{"start", "end", "text", "id"}}]}}, an id of
null marking a name that must not be linked. Without --pred the linker runs on the gold texts
(with their lang and date). Figures are strict (same span) and lenient (overlap), for persons
and countries; the last line is the headline (persons, lenient).

examples:
  {PROG} eval gold.jsonl
  {PROG} eval gold.jsonl --pred linked.jsonl --errors
  {PROG} eval gold.jsonl --by-lang --by-entity
  {PROG} eval gold.jsonl --calibration
  {PROG} eval gold.jsonl --calibration --fit

--calibration reports how well the scores read as the chance that a link is right: the links
made on the gold texts with the whole gazetteer and with each gold person withheld (what happens
to the people a gazetteer does not know), binned by score, with the expected calibration error and
the precision kept at each --min-score. --fit refits the calibration the package ships with
(c5names/calibration.yaml, knots and report) on these observations; maintainers run it on the
dev set after changing the engine.
""",
    )
    p.add_argument("gold", metavar="GOLD.jsonl")
    p.add_argument("--pred", metavar="PRED.jsonl", help="score these predictions instead of running the linker")
    p.add_argument("--errors", action="store_true", help="list every false positive and false negative")
    p.add_argument("--by-lang", action="store_true", help="figures per language")
    p.add_argument("--by-entity", action="store_true", help="figures per entity")
    p.add_argument(
        "--min-score",
        metavar="X",
        type=_score_arg,
        default=0.5,
        help="without --pred: drop links scored below X (default: 0.5)",
    )
    p.add_argument(
        "--calibration", action="store_true", help="report the scores' reliability instead of precision and recall"
    )
    p.add_argument("--fit", action="store_true", help="with --calibration: refit the shipped calibration")
    add_import_parser(sub)
    register_suggest(sub, _command, gazetteer_of_args)
    return parser
