"""The `c5names` command line: argparse subcommands over the library, nothing more.

Data goes to standard output, messages to standard error. Exit status: 0 success, 1 when some
documents of a corpus failed, 2 for bad usage or unusable input (no traceback for user errors).
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import io
import json
import os
import sys
from collections.abc import Callable, Sequence

from c5names import __version__
from c5names.cli.batch import run
from c5names.cli.corpus import Defaults, InputError, plan_inputs, same_file
from c5names.cli.formats import FORMATS, atomic_output, make_writer
from c5names.cli.progress import Progress
from c5names.cli.suggest import register as register_suggest
from c5names.dates import normalise_date
from c5names.errors import C5NamesError, GazetteerError
from c5names.gazetteer import Gazetteer, expand_paths, parse_file
from c5names.gazetteer.checks import problems
from c5names.gazetteer.schema import Entity
from c5names.index import default_gazetteer, load, name_variants, shared_keys
from c5names.linker import ALL_TYPES, Linker

PROG = "c5names"


class UsageError(C5NamesError):
    """A request the command line cannot carry out as asked (exit 2)."""


def _error(message: str) -> None:
    for line in message.splitlines() or [""]:
        print(f"{PROG}: {line}", file=sys.stderr)


# -- argument types ------------------------------------------------------------------------------


def _date_arg(value: str) -> str:
    try:
        date = normalise_date(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    if date is None:
        raise argparse.ArgumentTypeError("an empty date; give YYYY-MM-DD, YYYY-MM or YYYY")
    return date


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


# -- gazetteer -------------------------------------------------------------------------------------


def _gazetteer_files(args: argparse.Namespace) -> list[str]:
    return [*(args.global_gazetteer or []), *(getattr(args, "gazetteer", None) or [])]


def _no_default(args: argparse.Namespace) -> bool:
    return bool(args.global_no_default or getattr(args, "no_default_gazetteer", False))


def _gazetteer(args: argparse.Namespace) -> Gazetteer:
    files, no_default = _gazetteer_files(args), _no_default(args)
    if not files and not no_default:
        return default_gazetteer()
    gazetteer = load(*files, default=not no_default)
    if not len(gazetteer):
        raise UsageError("the gazetteer is empty: --no-default-gazetteer needs --gazetteer FILE with entities")
    return gazetteer


def _entity(gazetteer: Gazetteer, entity_id: str) -> Entity:
    entity = gazetteer.get(entity_id)
    if entity is not None:
        return entity
    wanted = entity_id.casefold()
    close = difflib.get_close_matches(wanted, gazetteer.ids(), n=5, cutoff=0.6)
    close += [i for i in gazetteer.ids() if wanted in i]
    for form in dict.fromkeys((entity_id, entity_id.title())):  # a name typed where an id was expected
        close += [c.id for c in Linker(gazetteer).lookup(form, limit=3)]
    close = list(dict.fromkeys(close))[:5]
    hint = f"did you mean {', '.join(close)}?" if close else f"`{PROG} list` shows every id"
    raise UsageError(f"no entity with id {entity_id!r}; {hint}")


# -- commands -------------------------------------------------------------------------------------


def cmd_normalise(args: argparse.Namespace) -> int:
    inputs = plan_inputs(args.paths)
    gazetteer = _gazetteer(args)
    if args.output and args.output != "-":
        for other in [*inputs, *(str(p) for p in expand_paths(_gazetteer_files(args)))]:
            if other != "-" and same_file(args.output, other):
                raise UsageError(f"-o {args.output} is one of the inputs; refusing to overwrite it")
    linker = Linker(gazetteer, threshold=args.min_score, default_date=args.date)
    with atomic_output(args.output) as out:
        summary = run(
            inputs,
            linker,
            make_writer(args.format, out),
            Defaults(args.lang, args.date),
            _error,
            jobs=args.jobs,
            progress=Progress(),
        )
    if summary.failed or summary.unusable:
        _error(f"{summary.written} document(s) written, {summary.failed} failed, {summary.unusable} input(s) unusable")
    return summary.exit_code


def cmd_lookup(args: argparse.Namespace) -> int:
    gazetteer = _gazetteer(args)
    linker = Linker(gazetteer)
    found = [linker.lookup(name, lang=args.lang, limit=args.limit) for name in args.names]
    if args.format == "json":
        _print_json([[dataclasses.asdict(c) for c in candidates] for candidates in found])
        return 0
    for name, candidates in zip(args.names, found, strict=True):
        print(name)
        if not candidates:
            print("  (no candidate)")
        for c in candidates:
            print(f"  {c.id}\t{c.score:.2f}\t{c.method}\t{c.form}\t{c.name}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    files = expand_paths(args.files)
    if not files:
        raise UsageError("no YAML file to validate in " + " ".join(args.files))
    base = _gazetteer_files(args)
    found = problems(*base, *files, default=not _no_default(args))  # the loader's and the rules', all at once
    if found:
        raise GazetteerError(found)
    for file in files:
        model, _ = parse_file(file, file.read_bytes().decode("utf-8-sig"))
        print(f"{file}: valid ({len(model.entities)} entities, {len(model.extend)} extensions)")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from c5names.gazetteer.schema import json_schema

    with atomic_output(args.output) as out:
        out.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    data = _entity(_gazetteer(args), args.id).model_dump(exclude_defaults=True)
    if args.format == "json":
        _print_json(data)
    else:
        import yaml

        sys.stdout.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    gazetteer = _gazetteer(args)
    types = {e.id: e.type for e in gazetteer}
    if args.shared_aliases:
        for key, ids in shared_keys(gazetteer).items():
            if not args.type or any(types.get(i) == args.type for i in ids):
                print(f"{key}\t{' '.join(ids)}")
        return 0
    for entity in gazetteer:
        if not args.type or entity.type == args.type:
            print(f"{entity.id}\t{entity.type}\t{entity.name}")
    return 0


def cmd_variants(args: argparse.Namespace) -> int:
    variants = name_variants(_entity(_gazetteer(args), args.id))
    if args.format == "json":
        _print_json([{"convention": c, "spelling": s, "key": k} for c, s, k in variants])
    else:
        for convention, spelling, key in variants:
            print(f"{convention}\t{spelling}\t{key}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from c5names.cli.evaluate import country_ids, evaluate, read_gold, read_predictions, report_lines, scored_ids

    gold = read_gold(args.gold)
    gazetteer = _gazetteer(args)
    if args.pred:
        preds = read_predictions(args.pred)
    else:
        linker = Linker(gazetteer, threshold=args.min_score)
        preds = {}
        for doc in gold:
            try:
                mentions = linker.link(doc["text"], lang=doc.get("lang"), date=doc.get("date"))
            except ValueError as err:
                raise InputError(f"{args.gold}: document {doc['id']!r}: {err}") from None
            preds[doc["id"]] = {"id": doc["id"], "mentions": [m.to_dict() for m in mentions]}
    countries = country_ids(scored_ids(gold), {e.id: e.type for e in gazetteer})
    scores = evaluate(gold, preds, countries)
    for line in report_lines(scores, errors=args.errors, by_lang=args.by_lang, by_entity=args.by_entity):
        print(line)
    return 0


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


# -- parser ---------------------------------------------------------------------------------------

MAIN_EPILOG = f"""\
examples:
  {PROG} normalise article.txt
  {PROG} normalise corpus.jsonl --format jsonl -o linked.jsonl --jobs 4
  {PROG} lookup Tokaïev Мирзиёеву --lang ru
  {PROG} --gazetteer my-people.yaml normalise notes.txt

`{PROG} COMMAND --help` explains each command. Exit status: 0 success, 1 some documents
failed, 2 bad usage or unusable input.
"""

NORMALISE_EPILOG = f"""\
inputs:
  FILE.txt    one document; its id is the path as given
  FILE.jsonl  one document per line: "text" required; "id", "lang", "date" optional and used
              over --lang/--date; any other field is carried into jsonl/json output untouched
  DIRECTORY   its .txt and .jsonl files, recursively, in sorted order
  -           standard input, one text document
  Files are UTF-8 (with or without BOM) or UTF-16 with a BOM.

formats:
  text   (default) the text with every linked name rewritten to its canonical display name;
         one line per document of a .jsonl corpus
  jsonl  one object per document, in input order: id, lang/date, mentions (start and end are
         Python character offsets into the original text), then the carried fields
  json   the same objects as one JSON list
  html   one self-contained page (displaCy) highlighting every mention, linked to Wikidata
  tsv    one mention per row: doc_id start end text id name type score method

examples:
  {PROG} normalise article.txt
  echo "Президент Мирзиёев встретился с Токаевым." | {PROG} normalise - --lang ru
  {PROG} normalise news/ --format jsonl -o linked.jsonl --jobs 4
  {PROG} normalise corpus.jsonl --format html -o mentions.html
  {PROG} normalise corpus.jsonl --format tsv --min-score 0.8 > mentions.tsv

Exit status 1 when some documents failed (each is named on standard error, the others are
written), 2 when an input is unusable or the command line is wrong.
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
    p.add_argument("paths", nargs="+", metavar="PATH", help="a .txt file, a .jsonl corpus, a directory, or -")
    p.add_argument("-o", "--output", metavar="OUT", help="write here (atomically) instead of standard output")
    p.add_argument(
        "--format", choices=FORMATS, default="text", help="text (default, for reading), jsonl, json, html or tsv"
    )
    p.add_argument("--lang", metavar="L", help="language of documents that do not say (ISO 639-1, e.g. fr, ru)")
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=_date_arg,
        help="publication date of documents that do not say; decides who held an office",
    )
    p.add_argument(
        "--min-score",
        metavar="X",
        type=_score_arg,
        default=0.5,
        help="drop links scored below X, between 0 and 1 (default: 0.5)",
    )
    p.add_argument(
        "--jobs",
        metavar="N",
        type=_jobs_arg,
        default=1,
        help="link in N processes, keeping input order (0: one per CPU; default: 1)",
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
    p.add_argument("--lang", metavar="L", help="language of the names (enables its case endings)")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="at most N candidates per name (default: 10)")
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
    register_suggest(sub, _command, _gazetteer)
    return parser


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
    try:
        return int(args.func(args))
    except GazetteerError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        _error(f"{len(err.problems)} problem(s) in the gazetteer")
        return 2
    except C5NamesError as err:
        _error(str(err))
        return 2
    except OSError as err:
        if isinstance(err, BrokenPipeError):
            return _broken_pipe()
        _error(f"{err.filename or ''}{': ' if err.filename else ''}{err.strerror or err}")
        return 2
    except KeyboardInterrupt:
        _error("interrupted")
        return 130


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
