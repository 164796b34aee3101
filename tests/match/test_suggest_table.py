"""The table `suggest` reads titles with (`match/data/suggest.yaml`): the shipped one is consistent,
and each mistake a broken copy holds is an error naming the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from c5names.lexicon import TITLES, plain
from c5names.match.suggest_table import DATA, SuggestTableError, offices_table
from c5names.model import OFFICE_KINDS


def test_the_shipped_table_reads_and_keeps_the_lexicons_titles() -> None:
    table = offices_table()
    for kind, titles in TITLES.items():
        for title in titles:
            assert table.titles[tuple(plain(title).split())] == kind
    assert set(table.roles) == set(OFFICE_KINDS)
    assert table.han_titles["外交部长"] == "foreign_minister"
    assert table.titles[("disisleri", "bakan")] == "foreign_minister"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    tr: [basbakan]", "    tr: [Başbakan]", "[titles.head_of_government.tr] 'Başbakan' is not in the plain"),
        ("  mayor:\n    zh: [市长]", "  mayors:\n    zh: [市长]", "[titles.mayors] unknown office kind"),
        ("    tr: [basbakan]", "    tr: [president]", "'president' is already a title of head_of_state in the lexicon"),
        ("    tr: [sozcu, disisleri", "    tr: [basbakan, disisleri", "'basbakan' is already a title of head_of_gov"),
        ("    zh: [总统, 国家主席]", "    zh: [zongtong]", "[titles.head_of_state.zh] 'zongtong' is not two or more"),
        ("  official: Official\n", "", "[roles] missing ['official']"),
        ("articles: [the, a, an,", "articles: [the, a, the,", "[articles] 'the' is listed twice"),
        ("han_stops: 在", "han_stops: 阿在", "[han_transcription] 阿 also stop a name"),
        ("version: 1", "version: 2", "expected a mapping with version: 1"),
        ("  before: [deputy,", "  before: [Deputy,", "[deputy.before] 'Deputy' is not in the plain"),
        ("blocked_endings: [ial,", "blocked_endings: [IAL,", "[blocked_endings] 'IAL' is not an ending"),
    ],
)
def test_a_broken_table_is_an_error_naming_the_entry(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = DATA.read_text(encoding="utf-8")
    assert old in text, "the test's anchor is gone from the shipped table"
    broken = tmp_path / "suggest.yaml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SuggestTableError) as caught:
        offices_table(broken)
    assert str(broken) in str(caught.value) and message in str(caught.value)
