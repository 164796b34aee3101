"""The commands of `c5names`: each takes the parsed arguments and returns the exit status.

Data goes to standard output, messages to standard error. A user error is raised as a `C5NamesError`
(exit 2, one message, no traceback: see `app.main`); documents that fail inside a corpus are reported
one by one and the others are written (exit 1).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import difflib
import json
import sys
from pathlib import Path

import yaml

from c5names.cli.atomic import atomic_output, check_output_path
from c5names.cli.batch import run
from c5names.cli.calibration import fit, observe, write_calibration
from c5names.cli.calibration import report as calibration_report
from c5names.cli.cluster import cluster_link
from c5names.cli.corpus import Defaults
from c5names.cli.evaluate import country_ids, evaluate, read_gold, read_predictions, report_lines, scored_ids
from c5names.cli.extras import optional
from c5names.cli.formats import BINARY_FORMATS, Writer, make_writer
from c5names.cli.inputs import InputError, input_format, plan_named_inputs, same_file
from c5names.cli.outputs import ShardedOutput, is_folder, output_file, shard_names, sharded_output
from c5names.cli.paths import Planned, is_url
from c5names.cli.progress import Progress
from c5names.errors import C5NamesError, GazetteerError, Problem
from c5names.gazetteer import Gazetteer, check, count_entities, expand_paths, gazetteer_files
from c5names.gazetteer.schema import Entity, json_schema
from c5names.index import compiled, default_gazetteer, load, name_variants, shared_keys
from c5names.linker import Linker
from c5names.scoring import CALIBRATION_FILE, calibration_knots

PROG = "c5names"


class UsageError(C5NamesError):
    """A request the command line cannot carry out as asked (exit 2)."""


def error(message: str) -> None:
    """A message on standard error, each line prefixed with the program's name."""
    for line in message.splitlines() or [""]:
        print(f"{PROG}: {line}", file=sys.stderr)


# -- gazetteer -------------------------------------------------------------------------------------


def _gazetteer_files(args: argparse.Namespace) -> list[str]:
    return [*(args.global_gazetteer or []), *(getattr(args, "gazetteer", None) or [])]


def _no_default(args: argparse.Namespace) -> bool:
    return bool(args.global_no_default or getattr(args, "no_default_gazetteer", False))


def _check_gazetteer_paths(paths: list[str]) -> None:
    """A --gazetteer folder without YAML is a mistake (a wrong folder), not an empty addition."""
    for raw in paths:
        if Path(raw).is_dir() and not expand_paths([raw]):
            raise UsageError(f"--gazetteer {raw}: no .yaml or .yml file in this folder")


def gazetteer_of_args(args: argparse.Namespace) -> Gazetteer:
    """The gazetteer the command line's options name (for commands registered by other modules)."""
    return _gazetteer(args)


def _gazetteer(args: argparse.Namespace) -> Gazetteer:
    files, no_default = _gazetteer_files(args), _no_default(args)
    _check_gazetteer_paths(files)
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


def _planned(args: argparse.Namespace, output: str | None, folder: bool) -> list[Planned]:
    """The inputs of `normalise`, checked against the output before anything is read."""
    if output is not None and not folder and not is_url(output):
        check_output_path(output)
    planned = plan_named_inputs(args.paths, exclude=[output] if output and not folder else [])
    if folder and output is not None and not is_url(output):  # yesterday's shards are not today's inputs
        planned = [(raw, name) for raw, name in planned if raw in args.paths or not _inside(raw, output)]
    if output and not folder and not is_url(output):
        inputs = [raw for raw, _name in planned]
        for other in [*args.paths, *inputs, *(str(p) for p in expand_paths(_gazetteer_files(args)))]:
            if other != "-" and Path(other).is_file() and same_file(output, other):
                raise UsageError(f"-o {output} is one of the inputs; refusing to overwrite it")
    if args.paths.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    return planned


def _inside(raw: str, folder: str) -> bool:
    return not is_url(raw) and Path(folder).resolve() in Path(raw).resolve().parents


def cmd_normalise(args: argparse.Namespace) -> int:
    output = args.output if args.output != "-" else None
    folder = output is not None and is_folder(output)
    planned = _planned(args, output, folder)
    inputs = [raw for raw, _name in planned]
    names = shard_names(planned, output, args.format) if folder and output else {}
    binary = args.format in BINARY_FORMATS
    if args.style is not None and args.format != "text":
        raise UsageError(f"--style {args.style} is for --format text, not --format {args.format}")
    style = args.style or "annotate"
    if binary and output is None and sys.stdout.isatty():
        raise UsageError(f"--format {args.format} is binary: give -o FILE, or redirect standard output")
    if binary or any(input_format(raw, args.input_format) == "parquet" for raw in inputs):
        optional("pyarrow.parquet", "Parquet")
    gazetteer = _gazetteer(args)
    linker = Linker(gazetteer, threshold=args.min_score, default_date=args.date)
    with contextlib.ExitStack() as stack:
        link = stack.enter_context(cluster_link(args.scheduler, linker)) if args.scheduler else None
        sink: Writer | ShardedOutput
        if folder and output:
            sink = stack.enter_context(sharded_output(output, names, args.format, style))
        else:
            handle = stack.enter_context(output_file(output, binary=binary))
            sink = make_writer(args.format, handle, style, headers=len(inputs) > 1)
        summary = run(
            inputs,
            linker,
            sink,
            Defaults(args.lang, args.date),
            error,
            jobs=args.jobs,
            progress=Progress(),
            input_format=args.input_format,
            link=link,
        )
    if summary.failed or summary.unusable:
        error(
            f"{plural(summary.written, 'document')} written, {summary.failed} failed, "
            f"{plural(summary.unusable, 'input')} unusable"
        )
    return summary.exit_code


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """`1 entity`, `2 entities`, `0 inputs`."""
    return f"{n} {noun if n == 1 else nouns or noun + 's'}"


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
    _check_gazetteer_paths(_gazetteer_files(args))
    # The files are checked among the others they are used with (the shipped ones, --gazetteer), so
    # that `extend:` and duplicate ids are checked too; a file given that is one of those is read once.
    context = gazetteer_files(*_gazetteer_files(args), default=not _no_default(args))
    context = [c for c in context if not any(same_file(str(c), str(f)) for f in files)]
    found: list[Problem] = []
    try:
        counts = count_entities(*context, *files, default=False)  # the loader's problems, across files
    except GazetteerError as err:
        found.extend(err.problems)
        counts = {}
    found += check([*context, *files])  # and the consistency rules', all in one run
    if found:
        raise GazetteerError(found)
    for file in files:
        entities, extensions = counts[str(file)]
        print(f"{file}: valid ({plural(entities, 'entity', 'entities')}, {plural(extensions, 'extension')})")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    with atomic_output(args.output) as out:
        out.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    data = _entity(_gazetteer(args), args.id).model_dump(exclude_defaults=True)
    if args.format == "json":
        _print_json(data)
    else:
        sys.stdout.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    gazetteer = _gazetteer(args)
    # The compiled index's facts (from the cache when the files are unchanged): no YAML is parsed.
    facts = compiled(gazetteer).entities
    types = {f.id: f.type for f in facts}
    if args.shared_aliases:
        for key, ids in shared_keys(gazetteer).items():
            if not args.type or any(types.get(i) == args.type for i in ids):
                print(f"{key}\t{' '.join(ids)}")
        return 0
    for entity in facts:
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
    gold = read_gold(args.gold)
    gazetteer = _gazetteer(args)
    if args.fit and not args.calibration:
        raise UsageError("--fit refits the calibration: use it with --calibration")
    if args.calibration:
        if args.pred:
            raise UsageError("--calibration runs the linker on the gold texts: it cannot read --pred")
        return _calibration(args, gazetteer, gold)
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


def _calibration(args: argparse.Namespace, gazetteer: Gazetteer, gold: list[dict]) -> int:
    """`eval --calibration [--fit]`: observe every link with its verdict, report (and refit)."""
    observations = observe(gazetteer, gold)
    sample = f"{Path(args.gold).name} ({len(gold)} documents)"
    if args.fit:
        knots = fit(observations)
        lines = calibration_report(observations, sample, knots)
        write_calibration(knots, sample, lines, CALIBRATION_FILE)
        calibration_knots.cache_clear()
        print(f"c5names: calibration refitted on {sample}: {CALIBRATION_FILE}", file=sys.stderr)
    else:
        lines = calibration_report(observations, sample)
    for line in lines:
        print(line)
    return 0


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
