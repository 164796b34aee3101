"""Ministers' portfolios: which ministry a title names, and which ministries an office's role is of.

Every minister's office has the kind `minister`, so "Energy Minister Saparov" in 2025 names an office
that Turkmenistan's energy minister and Kazakhstan's agriculture minister, both called Saparov, hold.
The title names a portfolio, and so does the role the gazetteer gives each office ("Minister of Energy
of Turkmenistan"): resolution keeps the holder whose role names the title's portfolio
(`match.evidence`). The words are data (`data/portfolios.yaml`: portfolio → beginnings of the words
that name it, in their `plain` reading), checked when read: an entry not in its plain reading, or
listed twice, is an error naming the file and line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from c5names.lexicon.reading import DATA, check_plain, plain
from c5names.text.tables import Table

Portfolios = dict[str, tuple[tuple[str, ...], ...]]  # portfolio → its entries, each as its words


@lru_cache(maxsize=1)
def portfolios() -> Portfolios:
    """The shipped portfolios, read and checked once per process."""
    return read_portfolios(DATA / "portfolios.yaml")


def read_portfolios(path: Path) -> Portfolios:
    """Read and check the table of portfolios; a `TableError` names the file, line and entry of each
    mistake (an entry not in its plain reading, an entry listed twice, in one portfolio or two)."""
    out: Portfolios = {}
    owner: dict[str, str] = {}
    with Table(path) as table:
        for name, node in table.mapping(table.root, "").values():
            entries: list[tuple[str, ...]] = []
            for entry in table.unique(table.texts(node, name.field), "entry"):
                if not check_plain(table, entry, one_word=False):
                    continue
                if entry.text in owner:
                    table.reject(entry, f"already an entry of {owner[entry.text]}")
                    continue
                owner[entry.text] = name.text
                entries.append(tuple(entry.text.split()))
            out[name.text] = tuple(entries)
    return out


@lru_cache(maxsize=4096)
def portfolios_named(text: str) -> frozenset[str]:
    """The portfolios a text names (a title, an office's role): those with an entry whose words begin
    consecutive words of the text's plain reading."""
    words = plain(text).split()
    return frozenset(
        portfolio for portfolio, entries in portfolios().items() if any(_begins(words, entry) for entry in entries)
    )


def _begins(words: list[str], entry: tuple[str, ...]) -> bool:
    """Do the entry's words begin consecutive words of `words`?"""
    n = len(entry)
    return any(all(words[i + k].startswith(entry[k]) for k in range(n)) for i in range(len(words) - n + 1))
