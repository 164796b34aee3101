"""MkDocs hook: the parts of the documentation that are generated from the code.

A page holds a generated section between two HTML comments on lines of their own::

    <!-- gen:schema -->
    ...the generated Markdown, committed, so that the page reads complete in the repository...
    <!-- /gen:schema -->

The text between the markers is written by running this file (`python docs/hooks/c5names_docs.py`),
and checked at build time: when the code has changed and the committed text no longer matches what
the generator computes from it, the build fails and says which page and section to regenerate (so
does tests/test_docs_generated.py). The reference can never disagree with the code. Generators:

- ``schema``: every model of ``c5names.gazetteer.schema`` (the gazetteer YAML), field by field;
- ``schema-formats``: the value formats (slug, date, Wikidata id...) with their rules;
- ``schema-enums``: the closed lists of values (entity types, name kinds, office kinds...);
- ``conventions``: the romanisation conventions of ``c5names/text/data/romanisation.yaml`` with real spellings;
- ``endings``: the case endings ``c5names/text/data/endings.yaml`` gives per language;
- ``spacy-config``: the options of the spaCy factory (``Settings``, ``DEFAULT_CONFIG``);
- ``spacy-labels``: the default entity labels of the spaCy component;
- ``titles``: the titles of the lexicon per office kind and language (``c5names/lexicon/data/titles``);
- ``cli-help`` and ``cli-help:COMMAND``: the ``--help`` text of the command line, as it prints it;
- ``calibration``: the reliability report the last ``c5names eval --calibration --fit`` recorded.

Anything the code has that the docs do not describe (a new model field without a description, a
new config option, a new validator) stops the build with an error rather than going unnoticed.

The hook also writes the JSON Schema of a gazetteer file to ``gazetteer.schema.json`` at the root of
the site, and supplies a placeholder ``performance.md`` while the benchmark has not written one.
"""

from __future__ import annotations

import json
import re
import types
import typing
from typing import Any

from annotated_types import MinLen
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from pydantic import AfterValidator, BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

# An opening marker, the committed text, and the closing marker (same name, same indentation).
SECTION_RE = re.compile(
    r"^(?P<indent>[ \t]*)<!-- gen:(?P<name>[a-z-]+)(?::(?P<arg>[a-z-]+))? -->\n"
    r"(?P<body>.*?)"
    r"^(?P=indent)<!-- /gen:(?P=name)(?::(?P=arg))? -->$",
    re.MULTILINE | re.DOTALL,
)
OPENING_RE = re.compile(r"^[ \t]*<!-- gen:([a-z-]+)(?::[a-z-]+)? -->$", re.MULTILINE)

# -- the gazetteer schema -------------------------------------------------------------------------

# Models in the order a reader meets them in a file.
MODEL_ORDER = ("GazetteerFile", "Entity", "PersonName", "Alias", "Office", "Relation", "Extension")

# Descriptions for fields that the models leave undocumented. A field's own `description` always
# wins; a field with neither stops the build.
FIELD_NOTES = {
    "GazetteerFile.version": "Format version of the file. Only `1` exists; it may be left out.",
    "GazetteerFile.entities": "The entities this file defines.",
    "GazetteerFile.extend": "Additions to (and removals from) entities defined in other files.",
    "Entity.id": "The canonical id mentions are linked to; unique across all loaded files. "
    "Convention: `surname-given` for persons (`mirziyoyev-shavkat`), the English short name for countries.",
    "Entity.type": "What the entity is; decides the spaCy label and what `types` filters.",
    "Entity.offices": "Offices held, with dates: they decide who a bare surname refers to on a given date.",
    "Entity.birth_date": "Date of birth.",
    "Entity.death_date": "Date of death.",
    "Entity.gender": "`male` or `female`.",
    "Entity.relations": "Relatives and namesakes, for the record and for reviewers.",
    "Entity.notes": "Free text for reviewers: how a fact was checked, what was left out and why.",
    "Extension.names": "Structured names added to the entity.",
    "Extension.aliases": "Whole-phrase forms added to the entity.",
    "Extension.offices": "Offices added to the entity.",
    "Extension.relations": "Relations added to the entity.",
    "Extension.sources": "Sources of the added facts.",
    "PersonName.source": "Where this form is attested (URL).",
    "Alias.form": "The phrase exactly as written in text (`États-Unis`, `США`, `Elbasy`).",
    "Alias.lang": "Language of this form (BCP 47: ru, kk, uz-Latn).",
    "Alias.kind": "What sort of form it is (see [name kinds](#namekind)).",
    "Alias.source": "Where this form is attested (URL).",
    "Office.start": "First day in office; empty if unknown.",
    "Office.end": "Last day in office; empty while the person still holds it.",
    "Office.source": "Where the office and its dates are attested (URL).",
    "Relation.type": "How the two entities are related.",
    "Relation.id": "Id of the other entity; it must exist in the loaded gazetteer.",
    "Relation.source": "Where the relation is attested (URL).",
}

# Cross-field rules of each model validator, by function name. A validator not listed here stops
# the build.
VALIDATOR_NOTES = {
    "_has_a_part": "A name needs at least a `given` name or a `surname`.",
    "_ordered": "An office cannot end before it starts.",
    "_names_fit_type": "Structured `names` are for persons only; countries, places and organisations use `aliases`.",
}

# The value formats (AfterValidator functions of c5names.gazetteer.schema), by function name.
FORMATS = {
    "_check_slug": (
        "slug",
        "SLUG_RE",
        "lowercase ASCII letters and digits in words joined by single hyphens",
        "tokayev-kassym-jomart",
    ),
    "_check_qid": ("Wikidata id", "QID_RE", "`Q` followed by digits", "Q57808"),
    "check_partial_date": (
        "date",
        "PARTIAL_DATE_RE",
        "`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date; quote it in YAML",
        '"2016-12-14"',
    ),
    "_check_lang": (
        "language code",
        None,
        "a BCP 47 language tag, in any case, checked against the IANA registry (`xx`: several languages)",
        "uz, RU, uz-Latn, zh-Hans",
    ),
    "_check_url": (
        "URL",
        None,
        "an `http://` or `https://` address without spaces",
        "https://en.wikipedia.org/wiki/Al_Gore",
    ),
}

# Literal types that get a table of their own (by their alias name in c5names.gazetteer.schema).
ENUMS = ("EntityType", "NameKind", "Script", "OfficeKind", "RelationType")
INLINE_LITERAL_MAX = 3


def _schema() -> Any:
    from c5names.gazetteer import schema

    return schema


def _anchor(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _enum_name(args: tuple[object, ...]) -> str | None:
    schema = _schema()
    for name in ENUMS:
        if tuple(typing.get_args(getattr(schema, name))) == args:
            return name
    return None


def _format_of(metadata: list[object]) -> str | None:
    for item in metadata:
        if isinstance(item, AfterValidator):
            name = item.func.__name__
            if name not in FORMATS:
                message = f"value format {name} of c5names.gazetteer.schema is not described in the hook"
                raise PluginError(f"c5names docs: {message}")
            label = FORMATS[name][0]
            return f"[{label}](#{_anchor(label)})"
    return None


def _type(annotation: object, metadata: list[object] = ()) -> tuple[str, bool]:
    """Readable type of an annotation, and whether null is allowed."""
    fmt = _format_of(list(metadata))
    if fmt:
        return fmt, False
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type(args[0], list(args[1:]))
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        rendered = " or ".join(_type(a)[0] for a in inner)
        return rendered, len(inner) < len(args)
    if origin is list:
        return f"list of {_type(args[0])[0]}", False
    if origin is typing.Literal:
        name = _enum_name(args)
        if name and len(args) > INLINE_LITERAL_MAX:
            return f"[{name}](#{_anchor(name)})", False
        return " or ".join(f"`{a}`" for a in args), False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{_anchor(annotation.__name__)})", False
    return {str: "text", int: "integer", bool: "boolean", float: "number"}.get(annotation, str(annotation)), False


def _description(model: type[BaseModel], name: str, info: FieldInfo) -> str:
    if info.description:
        return info.description
    # a description carried by an Annotated alias (PartialDate) describes the format, not the field
    key = f"{model.__name__}.{name}"
    if key in FIELD_NOTES:
        return FIELD_NOTES[key]
    raise PluginError(f"c5names docs: field {key} has no description in c5names.gazetteer.schema nor in the docs hook")


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "**required**"
    if info.default_factory is not None:
        value = info.default_factory()
        return f"`{json.dumps(value)}`"
    if info.default is None or info.default is PydanticUndefined:
        return "—"
    return f"`{info.default}`"


def _constraints(info: FieldInfo) -> str:
    notes = []
    for item in info.metadata:
        if isinstance(item, MinLen) and item.min_length == 1:
            notes.append("non-empty")
    return f" ({', '.join(notes)})" if notes else ""


def gen_schema() -> str:
    schema = _schema()
    out: list[str] = []
    for model_name in MODEL_ORDER:
        model: type[BaseModel] = getattr(schema, model_name)
        out.append(f"### {model_name}\n")
        out.append(f"{(model.__doc__ or '').strip()}\n")
        out.append("| Field | Type | Default | Description |")
        out.append("| --- | --- | --- | --- |")
        for name, info in model.model_fields.items():
            typ, _nullable = _type(info.annotation, info.metadata)
            desc = _description(model, name, info).replace("|", "\\|")
            out.append(f"| `{name}` | {typ}{_constraints(info)} | {_default(info)} | {desc} |")
        out.append("")
        rules = list(model.__pydantic_decorators__.model_validators)
        for rule in rules:
            if rule not in VALIDATOR_NOTES:
                raise PluginError(f"c5names docs: validator {model_name}.{rule} is not described in the docs hook")
            out.append(f"**Rule:** {VALIDATOR_NOTES[rule]}\n")
        extra = model.model_config.get("extra")
        if extra == "forbid":
            out.append("Any other field is an error (`unknown field`).\n")
    documented = set(MODEL_ORDER)
    models = {
        name
        for name, obj in vars(schema).items()
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == schema.__name__
    }
    missing = models - documented - {"_Strict"}
    if missing:
        raise PluginError(f"c5names docs: models {sorted(missing)} of c5names.gazetteer.schema are not in MODEL_ORDER")
    return "\n".join(out)


def _regex(schema: Any, name: str) -> Any:
    """A format's regular expression: in the schema module, or in `c5names.dates` for dates."""
    from c5names import dates

    return getattr(schema, name, None) or getattr(dates, name)


def gen_schema_formats() -> str:
    schema = _schema()
    out = ["| Format | Rule | Pattern | Example |", "| --- | --- | --- | --- |"]
    for label, regex_name, rule, example in FORMATS.values():
        pattern = f"`{_regex(schema, regex_name).pattern}`" if regex_name else "—"
        out.append(f'| <span id="{_anchor(label)}">{label}</span> | {rule} | {pattern} | `{example}` |')
    return "\n".join(out) + "\n"


def gen_schema_enums() -> str:
    schema = _schema()
    out = ["| List | Values |", "| --- | --- |"]
    for name in ENUMS:
        values = ", ".join(f"`{v}`" for v in typing.get_args(getattr(schema, name)))
        out.append(f'| <span id="{_anchor(name)}">{name}</span> | {values} |')
    return "\n".join(out) + "\n"


# -- matching -----------------------------------------------------------------------------------

# (Cyrillic example, source language) columns of the conventions table.
CONVENTION_EXAMPLES = (("Мирзиёев", "uz"), ("Жапаров", "ky"), ("Тоқаев", "kk"), ("Хрущёв", "ru"))
SOUNDS = ("ZH", "DZH", "KH", "SH", "CH", "TS", "Y", "YE", "YU")
SOUND_LETTERS = {
    "ZH": "ж (Russian)",
    "DZH": "ж (Kazakh, Kyrgyz), ҷ, дж",
    "KH": "х",
    "SH": "ш",
    "CH": "ч",
    "TS": "ц",
    "Y": "й",
    "YE": "е (initial), є",
    "YU": "ю",
}


def gen_conventions() -> str:
    from c5names.text import translit

    tables = translit.romanisation()  # data/cyrillic.yaml and data/romanisation.yaml
    head = " | ".join(f"{word} ({src})" for word, src in CONVENTION_EXAMPLES)
    out = [f"| Code | Convention | {head} |", "| --- | --- |" + " --- |" * len(CONVENTION_EXAMPLES)]
    for code in translit.CONVENTIONS:
        cells = []
        for word, source in CONVENTION_EXAMPLES:
            spellings = translit.romanise_word(word, code, source)
            cells.append(", ".join(spellings[:3]))
        out.append(f"| `{code}` | {tables.names[code]} | " + " | ".join(cells) + " |")
    out.append("")
    out.append("How each convention writes the sounds that differ most (first option is its own):\n")
    out.append("| Code | " + " | ".join(SOUND_LETTERS[s] for s in SOUNDS) + " |")
    out.append("| --- |" + " --- |" * len(SOUNDS))
    for code in translit.CONVENTIONS:
        cells = [" / ".join(f"`{o}`" for o in tables.options(code, sound)) for sound in SOUNDS]
        out.append(f"| `{code}` | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def gen_endings() -> str:
    from c5names.text import inflection

    out = ["| Language | Endings tried (longest first) |", "| --- | --- |"]
    for lang in sorted(inflection.ENDINGS):
        endings = inflection.endings_for(lang)
        cell = ", ".join(f"-{e}" for e in endings) if endings else "none (apostrophe suffixes only)"
        out.append(f"| `{lang}` | {cell} |")
    out.append(
        f"\nA stem must keep at least {inflection.MIN_STEM} letters. With no language (or `xx`), every "
        f"ending of every language is tried ({len(inflection.endings_for(None))} in all). The endings are "
        "those of `c5names/text/data/endings.yaml`."
    )
    return "\n".join(out) + "\n"


def gen_titles() -> str:
    from c5names.lexicon import titles_by_language
    from c5names.model import OFFICE_KINDS

    by_language = titles_by_language()  # c5names/lexicon/data/titles/<lang>.yaml
    out = ["| Office kind | Language | Titles (in their plain reading) |", "| --- | --- | --- |"]
    for kind in OFFICE_KINDS:
        for lang, titles in sorted(by_language.items()):
            if titles.get(kind):
                out.append(f"| `{kind}` | `{lang}` | " + ", ".join(f"*{t}*" for t in titles[kind]) + " |")
    return "\n".join(out) + "\n"


# -- spaCy --------------------------------------------------------------------------------------


def gen_spacy_config() -> str:
    from c5names.component import DEFAULT_CONFIG, Settings, score_c5names

    out = ["| Option | Default | What it does |", "| --- | --- | --- |"]
    for name, default in DEFAULT_CONFIG.items():
        field = Settings.model_fields.get(name)
        text = field.description if field is not None else None
        if name == "scorer":
            text = f"{(score_c5names.__doc__ or '').strip()} See [Evaluation](#evaluation)."
        if not text:
            raise PluginError(f"c5names docs: the spaCy option {name!r} has no description in Settings")
        out.append(f"| `{name}` | `{json.dumps(default, ensure_ascii=False)}` | {text} |")
    return "\n".join(out) + "\n"


def gen_spacy_labels() -> str:
    from c5names.component import ENGLISH_LABELS, OTHER_LABELS

    out = ['| Entity type | `nlp.lang == "en"` | any other language |', "| --- | --- | --- |"]
    for kind in ENGLISH_LABELS:
        out.append(f"| `{kind}` | `{ENGLISH_LABELS[kind]}` | `{OTHER_LABELS[kind]}` |")
    return "\n".join(out) + "\n"


# -- command line -------------------------------------------------------------------------------

HELP_COLUMNS = "80"


def gen_cli_help(command: str | None = None) -> str:
    import argparse
    import os

    from c5names.cli import build_parser

    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = HELP_COLUMNS  # argparse wraps to the terminal width: fix it
    try:
        parser = build_parser()
        if command:
            subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
            choices = subparsers[0].choices if subparsers else {}
            if command not in choices:
                raise PluginError(f"c5names docs: the command line has no command {command!r}")
            parser = choices[command]
        text = parser.format_help()
    finally:
        if previous is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = previous
    return f"```text\n{text.rstrip()}\n```\n"


# -- coverage of the shipped gazetteer and the package's layers ----------------------------------------

COVERAGE_COUNTRIES = ("kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan")
COVERAGE_KINDS = (
    "head_of_state",
    "head_of_government",
    "deputy_head_of_government",
    "foreign_minister",
    "minister",
    "legislature_chair",
    "chief_of_staff",
    "press_secretary",
    "spokesperson",
    "ambassador",
    "governor",
    "mayor",
    "official",
)


def gen_coverage() -> str:
    """Persons of the shipped gazetteer per country and office kind: how many held it and the years
    their offices span (the first start to the last end, "now" for an office still held)."""
    from c5names.index import load

    spans: dict[tuple[str, str], list[tuple[str, str]]] = {}
    holders: dict[tuple[str, str], set[str]] = {}
    persons = 0
    with_qid = 0
    for entity in load(default=True):
        if entity.type != "person":
            continue
        persons += 1
        with_qid += bool(entity.wikidata)
        for office in entity.offices:
            if office.kind in COVERAGE_KINDS and office.country:
                key = (office.country, office.kind)
                spans.setdefault(key, []).append((office.start or "?", office.end or "now"))
                holders.setdefault(key, set()).add(entity.id)
    countries = [*COVERAGE_COUNTRIES, *sorted({c for c, _k in spans} - set(COVERAGE_COUNTRIES))]
    out = [
        f"{persons} persons, {with_qid} of them ({100 * with_qid // max(persons, 1)}%) with a Wikidata id.",
        "",
        "| country | " + " | ".join(k.replace("_", " ") for k in COVERAGE_KINDS) + " |",
        "| --- |" + " --- |" * len(COVERAGE_KINDS),
    ]
    for country in countries:
        cells = []
        for kind in COVERAGE_KINDS:
            found = spans.get((country, kind))
            if not found:
                cells.append("—")
                continue
            first = min(start[:4] for start, _end in found if start != "?") if any(s != "?" for s, _ in found) else "?"
            last = "now" if any(end == "now" for _s, end in found) else max(end[:4] for _s, end in found)
            cells.append(f"{len(holders[(country, kind)])} ({first}–{last})")
        out.append(f"| {country} | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def gen_layers() -> str:
    """The layers of the package as the import-linter contract in pyproject.toml declares them, each
    with its modules and the first line of their docstrings."""
    import ast
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    layers = config["tool"]["importlinter"]["contracts"][0]["layers"]
    out = ["| layer (imports only those below) | modules |", "| --- | --- |"]
    for layer in layers:
        names = [name.strip() for name in layer.split("|")]
        modules = []
        for name in names:
            path = root / Path(*name.split("."))
            files = sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]
            for file in files:
                doc = ast.get_docstring(ast.parse(file.read_text(encoding="utf-8"))) or ""
                rel = file.relative_to(root).as_posix()
                modules.append(f"`{rel}`: {doc.splitlines()[0] if doc else ''}".replace("|", "\\|"))
        layer_cell = " \\| ".join(f"`{n}`" for n in names)
        out.append(f"| {layer_cell} | {'<br>'.join(modules)} |")
    return "\n".join(out) + "\n"


def gen_calibration() -> str:
    """The report the last `c5names eval --calibration --fit` recorded beside the shipped knots."""
    from c5names.cli.calibration import recorded_report

    lines = recorded_report()
    if not lines:
        raise PluginError("c5names/calibration.yaml has no report: run `c5names eval GOLD --calibration --fit`")
    return "\n".join(lines) + "\n"


GENERATORS = {
    "calibration": gen_calibration,
    "coverage": gen_coverage,
    "layers": gen_layers,
    "schema": gen_schema,
    "schema-formats": gen_schema_formats,
    "schema-enums": gen_schema_enums,
    "conventions": gen_conventions,
    "endings": gen_endings,
    "titles": gen_titles,
    "spacy-config": gen_spacy_config,
    "spacy-labels": gen_spacy_labels,
    "cli-help": gen_cli_help,
}

# -- MkDocs events ------------------------------------------------------------------------------

PERFORMANCE_PLACEHOLDER = """# Performance

This page is written by the benchmark (`python bench/run.py`), which has not been run in this
checkout yet. See [Contributing](contributing.md#the-benchmark) for how to run it.
"""


def on_files(files: Files, config: Any) -> Files:
    schema = json.dumps(_schema().json_schema(), indent=2, ensure_ascii=False) + "\n"
    files.append(File.generated(config, "gazetteer.schema.json", content=schema))
    if files.get_file_from_path("performance.md") is None:
        files.append(File.generated(config, "performance.md", content=PERFORMANCE_PLACEHOLDER))
    return files


def generated(name: str, argument: str | None, indent: str) -> str:
    """The text of a section, indented like its markers, ending with a newline."""
    if name not in GENERATORS:
        raise PluginError(f"unknown generated section <!-- gen:{name} -->")
    text = GENERATORS[name](argument) if argument else GENERATORS[name]()
    return "".join((indent + line if line else line) + "\n" for line in text.splitlines())


def regenerate(markdown: str) -> str:
    """The page with every generated section rewritten from the code."""

    def replace(match: re.Match[str]) -> str:
        indent, name, argument = match.group("indent"), match.group("name"), match.group("arg")
        opening = f"{indent}<!-- gen:{name}{':' + argument if argument else ''} -->"
        closing = f"{indent}<!-- /gen:{name}{':' + argument if argument else ''} -->"
        return f"{opening}\n{generated(name, argument, indent)}{closing}"

    _check_closed(markdown)
    return SECTION_RE.sub(replace, markdown)


def stale_sections(markdown: str) -> list[str]:
    """The generated sections whose committed text differs from what the code generates now."""
    _check_closed(markdown)
    stale = []
    for match in SECTION_RE.finditer(markdown):
        if match.group("body") != generated(match.group("name"), match.group("arg"), match.group("indent")):
            stale.append(f"gen:{match.group('name')}{':' + match.group('arg') if match.group('arg') else ''}")
    return stale


def _check_closed(markdown: str) -> None:
    opened = len(OPENING_RE.findall(markdown))
    if opened != len(SECTION_RE.findall(markdown)):
        raise PluginError("a <!-- gen:NAME --> marker has no <!-- /gen:NAME --> closing it")


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    try:
        stale = stale_sections(markdown)
    except PluginError as err:
        raise PluginError(f"{page.file.src_path}: {err}") from None
    if stale:
        raise PluginError(
            f"docs/{page.file.src_path}: generated sections out of date with the code: {', '.join(stale)}; "
            "run `python docs/hooks/c5names_docs.py` and commit the result"
        )
    return markdown


def main() -> None:
    """Rewrite the generated sections of every page of docs/ (run from the repository root)."""
    from pathlib import Path

    for page in sorted(Path("docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        if OPENING_RE.search(text):
            new = regenerate(text)
            if new != text:
                page.write_text(new, encoding="utf-8")
                print(f"{page}: regenerated")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, ".")
    main()
