"""The gazetteer skeleton `c5names suggest` writes: one entity per candidate, for a person to check.

What the texts show is written as values (the names as spelt, the office kind the title gives, the
country the text names) and as comments (counts, titles, contexts with document ids). What only a
page can tell is a placeholder, and every placeholder is a value `c5names validate` rejects, so
nothing unverified can slip into a gazetteer: a source is `REPLACE-WITH-THE-PAGE-URL` (not an http(s)
address), a start or end `REPLACE-WITH-YYYY-MM-DD` (not a date), an unknown country
`REPLACE-WITH-A-COUNTRY-ID` (not a lowercase id), and a name whose word order the texts do not show
carries an `order:` line (not a field of the format) until someone splits it and deletes the line.
Once each is replaced by what a page says, or its line deleted, the file validates.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

import yaml

from c5names.match.spellings import OfficeSeen, Spelling, Suggestion, script_of
from c5names.match.suggest_table import SuggestTable
from c5names.text.keys import ascii_fold

SOURCE = "REPLACE-WITH-THE-PAGE-URL"
DATE = "REPLACE-WITH-YYYY-MM-DD"
COUNTRY = "REPLACE-WITH-A-COUNTRY-ID"
ORDER = "REPLACE-CHECK-WHICH-WORD-IS-THE-SURNAME"
PLACEHOLDERS = (SOURCE, DATE, COUNTRY, ORDER)
MAX_INPUTS = 5  # input files named in the header
DEPUTY_KINDS = {"head_of_government": "deputy_head_of_government", "head_of_state": "vice_president"}

HEADER = """\
# Candidates for the gazetteer, found by `c5names suggest` in {documents}:
{inputs}
# People the texts name as office holders whom no entity of the gazetteer matches, the most often
# seen first.
#
# Nothing here is checked. Every REPLACE-... value must become what a page says (a source: the
# page's address; a start or an end: the date the page gives; a country: the id of a country
# entity), or its line must go; a name marked `order:` must be split into given name and surname
# and the `order:` line deleted. `c5names validate` rejects the file until then. Delete what no
# page confirms; never guess. The comments say what the texts said.
version: 1
"""


def slug(parts: tuple[str, ...]) -> str:
    """An id from name words: ASCII, lowercase, hyphens (Tileuberdi Mukhtar → tileuberdi-mukhtar)."""
    text = "-".join(ascii_fold(part) for part in parts)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "person"


# What a YAML comment cannot hold: line breaks (YAML's own: NEL, LS, PS too) and the characters YAML
# does not allow in a stream at all (C0 and C1 controls but tab, surrogates, U+FFFE, U+FFFF).
_NOT_IN_COMMENT = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _comment(text: str) -> str:
    """Text made fit for a YAML comment: one line, each character YAML refuses shown as U+FFFD."""
    return _NOT_IN_COMMENT.sub("\ufffd", text)


def _scalar(value: str) -> str:
    """A YAML scalar for a string, quoted only when it must be; double-quoted with escapes when
    PyYAML's own choice would not read back as the string (a line break of YAML's inside it)."""
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1_000_000)
    dumped = dumped.removesuffix("\n...\n").removesuffix("\n")
    if "\n" not in dumped and yaml.safe_load(dumped) == value:
        return dumped
    return '"' + _ESCAPE.sub(lambda m: _escaped(m.group()), value) + '"'


_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]')


def _escaped(char: str) -> str:
    if char in '"\\':
        return "\\" + char
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def render(
    suggestions: list[Suggestion],
    table: SuggestTable,
    countries: Mapping[str, str],
    taken: Collection[str],
    inputs: Sequence[str],
    documents: int,
) -> str:
    """The skeleton file: header, then one entity per suggestion (`countries`: id → display name;
    `taken`: the gazetteer's ids, which a new id must not repeat)."""
    shown = ["#   " + _comment(raw) for raw in inputs[:MAX_INPUTS]]
    if len(inputs) > MAX_INPUTS:
        shown.append(f"#   and {len(inputs) - MAX_INPUTS} more")
    counted = f"{documents} document{'s' if documents != 1 else ''}"
    lines = [HEADER.format(documents=counted, inputs="\n".join(shown)).rstrip("\n")]
    if not suggestions:
        lines.append("entities: []  # no candidate: the gazetteer knows every office holder the texts name")
        return "\n".join(lines) + "\n"
    lines.append("entities:")
    used: set[str] = set()
    for suggestion in suggestions:
        base = slug(suggestion.slug_parts)
        entity_id, n = base, 1
        while entity_id in used or entity_id in taken:
            n += 1
            entity_id = f"{base}-{n}"
        used.add(entity_id)
        lines.extend(_entity(suggestion, entity_id, base in taken, table, countries))
    return "\n".join(lines) + "\n"


def _entity(
    suggestion: Suggestion, entity_id: str, clash: bool, table: SuggestTable, countries: Mapping[str, str]
) -> list[str]:
    lines = ["", *_comments(suggestion)]
    if clash:
        lines.append(f"  # The gazetteer has an entity {slug(suggestion.slug_parts)} already: if it is this person,")
        lines.append("  # add these names to it with `extend:` instead of a new entity.")
    if suggestion.known:
        lines.append(f"  # The gazetteer has {', '.join(suggestion.known)} by this name, whom the linker did not")
        lines.append("  # link here: if it is the same person, add the office to that entity with `extend:`.")
    lines += [f"  - id: {entity_id}", "    type: person", f"    name: {_scalar(suggestion.name)}", "    names:"]
    for spelling in suggestion.spellings:
        lines.extend(_name(spelling))
    lines.append("    offices:")
    for office in suggestion.offices:
        lines.extend(_office(office, table, countries))
    lines.append("    # wikidata: Q... (only where a page confirms it)")
    return lines


def _comments(suggestion: Suggestion) -> list[str]:
    when = f", {' to '.join(suggestion.dates)}" if suggestion.dates else ""
    seen = f"{suggestion.count} time{'s' if suggestion.count != 1 else ''}"
    docs = f"{suggestion.documents} document{'s' if suggestion.documents != 1 else ''}"
    lines = [f"  # {_comment(suggestion.name)}: named as an office holder {seen} in {docs}{when}"]
    for office in suggestion.offices:
        where = f" of {office.country}" if office.country else ""
        deputy = "deputy " if office.deputy else ""
        titles = "; ".join(f'"{_comment(t)}"' for t in office.titles[:4])
        lines.append(f"  #   {deputy}{office.kind}{where} ({office.count}×): {titles}")
    lines.extend(f"  #   {_comment(doc)}: {_comment(line)}" for doc, line in suggestion.contexts)
    return lines


def _name(spelling: Spelling) -> list[str]:
    """One entry of `names`: the parts the texts show, or an assumed split marked for checking."""
    given, patronymic, surname = spelling.given, spelling.patronymic, spelling.surname
    order_known = surname is not None
    if not order_known:
        words = spelling.words
        if spelling.han:  # a Chinese name: surname first, one character
            given, surname = (words[0][1:] or None), words[0][:1]
        else:
            given, surname = " ".join(words[:-1]) or None, words[-1]
    parts = [("given", given), ("patronymic", patronymic), ("surname", surname)]
    lines: list[str] = []
    for key, value in parts:
        if value:
            lines.append(f"{'      - ' if not lines else '        '}{key}: {_scalar(value)}")
    if spelling.lang:
        lines.append(f"        lang: {_scalar(spelling.lang)}")
    script = script_of(spelling.text)
    if script:
        lines.append(f"        script: {script}")
    if spelling.han:
        transcribed = len(spelling.words) > 1 or order_known
        lines.append(f"        kind: {'exonym' if transcribed else 'native'}")
    seen = f"seen {spelling.count}×"
    if spelling.variants:
        seen += ", also as " + _comment(", ".join(spelling.variants[:3]))
    lines.append(f"        source: {SOURCE}  # {seen}")
    if not order_known:
        lines.append(f"        order: {ORDER}  # the texts do not show it: fix given/surname, then delete this line")
    return lines


def _office(office: OfficeSeen, table: SuggestTable, countries: Mapping[str, str]) -> list[str]:
    kind = office.kind
    role = table.roles[kind]
    if office.deputy:
        kind = DEPUTY_KINDS.get(kind, "official")
        role = table.roles[kind] if kind != "official" else f"Deputy {role}"
    lines = [f"      - role: {_scalar(role + (f' of {countries[office.country]}' if office.country else ''))}"]
    lines.append(f"        kind: {kind}")
    if office.country:
        lines.append(f"        country: {office.country}")
    else:
        lines.append(f"        country: {COUNTRY}  # the texts name none: an id from `c5names list --type country`")
    lines.append(f"        start: {DATE}")
    lines.append(f"        end: {DATE}  # delete the line if the office is still held")
    lines.append(f"        source: {SOURCE}")
    return lines
