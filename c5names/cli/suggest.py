"""`c5names suggest`: the people a corpus names with a title of office whom the gazetteer lacks.

For an analyst a mention the library cannot link is a mention lost, and the people a corpus names
most often without a link are the ones to add first. The command reads documents as `normalise`
does, links each, finds the names next to titles that nothing links (`match.suggest`), groups their
spellings across the corpus (`match.tally`) and writes a gazetteer skeleton for a person to check
(`cli.skeleton`). It registers itself with the parser through `register`, one line in the parser.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from c5names.cli.argtypes import date_arg
from c5names.cli.atomic import atomic_output
from c5names.cli.corpus import Defaults, Failure, read_documents
from c5names.cli.inputs import InputError, plan_inputs, same_file
from c5names.cli.skeleton import render
from c5names.errors import C5NamesError
from c5names.gazetteer import Gazetteer
from c5names.linker import Linker
from c5names.match.offices import OfficeReader
from c5names.match.suggest import Spotter
from c5names.match.tally import Tally

SUMMARY = "Office holders the texts name whom the gazetteer lacks, as a gazetteer skeleton."
EPILOG = """\
A candidate is a name right after a title of office ("Foreign Minister X", "министр иностранных
дел X", "外交部长X") or right before one after a comma ("X, Kazakhstan's prime minister") that no
entity of the gazetteer matches. Its spellings across the corpus are grouped by the matcher's keys.
The output is a gazetteer YAML file with one entity per candidate, the most often seen first:
names, offices (kind from the title, country when the text gives one), comments with counts and
contexts, and REPLACE-... placeholders for what only a page can tell (sources, dates). `c5names
validate` rejects the file until every placeholder is replaced or its line deleted.

inputs are read as by `normalise`: .txt files, .jsonl corpora ("text", optional "id", "lang",
"date"), directories of both, or - for standard input.

examples:
  c5names suggest news/ -o candidates.yaml
  c5names suggest corpus.jsonl --lang ru --date 2023-05-01
  c5names validate candidates.yaml      # fails until the placeholders are filled
"""


def register(
    sub: argparse._SubParsersAction,
    command: Callable[..., argparse.ArgumentParser],
    gazetteer_of: Callable[[argparse.Namespace], Gazetteer],
) -> None:
    """Add the `suggest` subcommand: `command` is the parser's own helper for a subcommand (with the
    gazetteer options), `gazetteer_of` how it loads the gazetteer the options name."""
    parser = command(sub, "suggest", lambda args: cmd_suggest(args, gazetteer_of(args)), SUMMARY, EPILOG)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a .txt file, a .jsonl corpus, a directory, or -")
    parser.add_argument("-o", "--output", metavar="CANDIDATES.yaml", help="write here (atomically), not to stdout")
    parser.add_argument("--lang", metavar="L", help="language of documents that do not say (ISO 639-1)")
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", type=date_arg, help="publication date of documents that do not say"
    )


def _error(message: str) -> None:
    print(f"c5names: {message}", file=sys.stderr)


def cmd_suggest(args: argparse.Namespace, gazetteer: Gazetteer) -> int:
    """Run `suggest`; exit status 0, or 1 when some documents could not be read."""
    inputs = plan_inputs(args.paths)
    if args.output and args.output != "-" and any(raw != "-" and same_file(args.output, raw) for raw in inputs):
        raise C5NamesError(f"-o {args.output} is one of the inputs; refusing to overwrite it")
    linker = Linker(gazetteer, default_date=args.date)
    index = linker.index
    country_ids = [facts.id for facts in index.entities if facts.type == "country"]
    countries = {i: e for i in country_ids if (e := gazetteer.get(i)) is not None}
    reader = OfficeReader({i: [e.name, *(a.form for a in e.aliases)] for i, e in countries.items()})
    spotter, tally = Spotter(index, reader), Tally(index, reader.table)
    failed = 0
    for raw in inputs:
        for item in read_documents(raw, Defaults(args.lang, args.date)):
            if isinstance(item, Failure):
                _error(str(item))
                failed += 1
                if item.fatal:
                    break
                continue
            lang = linker.language_of(item.text, item.lang)
            try:
                mentions = linker.link(item.text, lang=lang, date=item.date)
            except ValueError as err:
                raise InputError(f"{item.where}: {err}") from None
            tally.add(str(item.id), item.text, lang, item.date, spotter.sightings(item.text, mentions, lang, item.date))
    suggestions = tally.suggestions()
    names = {i: e.name for i, e in countries.items()}
    text = render(suggestions, reader.table, names, set(gazetteer.ids()), inputs, tally.documents)
    with atomic_output(args.output) as out:
        out.write(text)
    problems = f", {failed} input(s) or document(s) failed" if failed else ""
    _error(f"{len(suggestions)} candidate(s) in {tally.documents} document(s){problems}")
    return 1 if failed else 0
