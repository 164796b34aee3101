"""The rules together: `validate` shows every problem of an entry in one run, `load` does not
stop on them, the shipped data passes, and the rules' own table is validated."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from c5names.errors import GazetteerError
from c5names.gazetteer import default_files, load
from c5names.gazetteer.checks import check
from c5names.gazetteer.rules import RULES_FILE, rules

from ..test_cli_support import assert_clean_failure, call

PROBLEM_RE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): \[(?P<field>\S+)\] (?P<message>.+)$")

ENTRY = """\
version: 1
entities:
  - id: doe-jane
    type: person
    name: Jane Doe
    birth_date: "1960-02-30"
    wikidata: Q4115189
    names:
      - given: Jane
        surname: Doe
    offices:
      - role: President of Kazakhstan
        kind: head_of_state
        country: kazakhstan
        start: "2019-06"
        source: https://www.google.com/search?q=Jane+Doe
      - role: Acting Mayor of Almaty
        kind: mayor
        country: kazakhstan
        start: "2015"
        end: "2014"
        source: https://en.wikipedia.org/wiki/Almaty
    relations:
      - type: child_of
        id: tokayev-kassym-jomart
        source: https://en.wikipedia.org/wiki/Jane_Doe
"""


@pytest.fixture
def entry(tmp_path: Path) -> Path:
    path = tmp_path / "jane.yaml"
    path.write_text(ENTRY, encoding="utf-8")
    return path


def test_every_problem_of_an_entry_in_one_run(capsys: pytest.CaptureFixture[str], entry: Path) -> None:
    result = call(capsys, "validate", entry)
    assert result.code == 2 and result.out == ""
    lines = [line for line in result.err.splitlines() if line.startswith(str(entry))]
    assert all(PROBLEM_RE.match(line) for line in lines), lines
    fields = {PROBLEM_RE.match(line)["field"]: line for line in lines}  # type: ignore[index]
    assert set(fields) == {
        "entities[0].birth_date",  # not a calendar date (schema)
        "entities[0].offices[1]",  # ends before it starts (schema)
        "entities[0].names[0].source",  # rule 1
        "entities[0].sources",  # rule 1: wikidata without a source
        "entities[0].offices[0].source",  # rule 2: a search
        "entities[0].offices[0]",  # rule 3: Tokayev is president
        "entities[0].relations[0]",  # rule 5: no parent_of on Tokayev
    }, result.err
    assert "c5names: 7 problem(s) in the gazetteer" in result.err  # none in the shipped files
    assert re.search(r"overlaps tokayev-kassym-jomart's President of Kazakhstan \([0-9-]+ to now\)", result.err)


def test_load_does_not_stop_on_the_rules(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        textwrap.dedent("""\
            version: 1
            entities:
              - id: doe-jane
                type: person
                name: Jane Doe
                names:
                  - {given: Jane, surname: Doe}
                relations:
                  - {type: child_of, id: tokayev-kassym-jomart}
            """),
        encoding="utf-8",
    )
    assert "doe-jane" in load(path)  # unsourced and one-sided, yet linkable
    mine = [problem for problem in check([*default_files(), path]) if problem.path == str(path)]
    assert [problem.field for problem in mine] == [
        "entities[0].names[0].source",
        "entities[0].relations[0].source",
        "entities[0].relations[0]",
    ]


def test_the_shipped_data_passes_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert check(default_files()) == []
    shipped = default_files()[0].parent
    assert call(capsys, "validate", shipped, "--no-default-gazetteer").code == 0


def test_the_rules_table_is_validated(tmp_path: Path) -> None:
    table = tmp_path / "checks.yaml"
    table.write_text(
        RULES_FILE.read_text(encoding="utf-8").replace("  vice_president: country", "  vice_presidnet: country")
    )
    with pytest.raises(GazetteerError) as info:
        rules(table)
    problem = info.value.problems[0]
    assert problem.field.startswith("single_holder") and problem.line is not None
    assert RULES_FILE.read_text(encoding="utf-8").splitlines()[problem.line - 1].strip() == "vice_president: country"
    table.write_text(RULES_FILE.read_text(encoding="utf-8").replace("  parent_of: child_of", "  parent_of: spouse_of"))
    with pytest.raises(GazetteerError, match="the inverse of"):
        rules(table)


def test_validate_reports_a_missing_file_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert_clean_failure(call(capsys, "validate", tmp_path / "none.yaml"), 2, "none.yaml", "cannot read")
