"""A gazetteer for the `suggest` tests: the shipped countries, and a few persons written here, so
that who counts as known does not change when the shipped data grows (issue 15 adds the very people
these passages name as unknown)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path

import c5names
from c5names.linker import Linker
from c5names.match.offices import OfficeReader
from c5names.match.spellings import Suggestion
from c5names.match.suggest import Spotter
from c5names.match.tally import Tally

REPO = Path(__file__).resolve().parent.parent.parent
COUNTRIES = (REPO / "data" / "countries.yaml", REPO / "data" / "countries-cldr.yaml")
SOURCE = "https://example.org/source"
PERSONS = textwrap.dedent(
    f"""\
    version: 1
    entities:
      - id: tokayev-kassym-jomart
        type: person
        name: Kassym-Jomart Tokayev
        gender: male
        names:
          - {{given: Kassym-Jomart, surname: Tokayev, lang: en, source: "{SOURCE}"}}
          - {{given: Касым-Жомарт, surname: Токаев, lang: ru, source: "{SOURCE}"}}
          - {{given: Қасым-Жомарт, surname: Тоқаев, lang: kk, source: "{SOURCE}"}}
          - {{given: 卡瑟姆若马尔特, surname: 托卡耶夫, lang: zh, kind: exonym, source: "{SOURCE}"}}
        offices:
          - {{role: President of Kazakhstan, kind: head_of_state, country: kazakhstan, start: "2019-03-20",
              source: "{SOURCE}"}}
          - {{role: Minister of Foreign Affairs of Kazakhstan, kind: foreign_minister, country: kazakhstan,
              start: "1994-10-13", end: "1999-10-12", source: "{SOURCE}"}}
      - id: mirziyoyev-shavkat
        type: person
        name: Shavkat Mirziyoyev
        gender: male
        names:
          - {{given: Shavkat, surname: Mirziyoyev, lang: en, source: "{SOURCE}"}}
          - {{given: Шавкат, surname: Мирзиёев, lang: ru, source: "{SOURCE}"}}
        offices:
          - {{role: President of Uzbekistan, kind: head_of_state, country: uzbekistan, start: "2016-09-08",
              source: "{SOURCE}"}}
      - id: lavrov-sergey
        type: person
        name: Sergey Lavrov
        gender: male
        names:
          - {{given: Sergey, surname: Lavrov, lang: en, source: "{SOURCE}"}}
          - {{given: Сергей, surname: Лавров, lang: ru, source: "{SOURCE}"}}
        offices:
          - {{role: Minister of Foreign Affairs of Russia, kind: foreign_minister, country: russia,
              start: "2004-03-09", source: "{SOURCE}"}}
      - id: bektenov-olzhas
        type: person
        name: Olzhas Bektenov
        gender: male
        names:
          - {{given: Olzhas, surname: Bektenov, lang: en, source: "{SOURCE}"}}
        offices:
          - {{role: Prime Minister of Kazakhstan, kind: head_of_government, country: kazakhstan,
              start: "2024-02-06", source: "{SOURCE}"}}
      - id: emomali-rustam
        type: person
        name: Rustam Emomali
        gender: male
        names:
          - {{given: Rustam, surname: Emomali, lang: en, source: "{SOURCE}"}}
          - {{given: Рустами, surname: Эмомали, lang: tg, source: "{SOURCE}"}}
          - {{given: Рустам, surname: Эмомали, lang: ru, source: "{SOURCE}"}}
        offices:
          - {{role: Chairman of the National Assembly of Tajikistan, kind: legislature_chair, country: tajikistan,
              start: "2020-04-17", source: "{SOURCE}"}}
    """
)


def write_gazetteer(folder: Path) -> Path:
    """The persons file, written into `folder` (the countries are read from the shipped data)."""
    path = folder / "persons.yaml"
    path.write_text(PERSONS, encoding="utf-8")
    return path


class Suggester:
    """The pipeline of `c5names suggest` without the command line: link, spot, tally."""

    def __init__(self, persons: Path, countries: Sequence[Path] = COUNTRIES) -> None:
        self.gazetteer = c5names.load(*countries, persons, default=False)
        self.linker = Linker(self.gazetteer)
        countries = [e for e in self.gazetteer if e.type == "country"]
        self.reader = OfficeReader({e.id: [e.name, *(a.form for a in e.aliases)] for e in countries})
        self.spotter = Spotter(self.linker.index, self.reader)

    def sightings(self, text: str, lang: str, date: str | None = None) -> list:
        mentions = self.linker.link(text, lang=lang, date=date)
        return self.spotter.sightings(text, mentions, lang, date)

    def suggestions(self, passages: Sequence[tuple[str, str, str | None]]) -> list[Suggestion]:
        """Suggestions for passages (text, lang, date), each its own document."""
        tally = Tally(self.linker.index, self.reader.table)
        for n, (text, lang, date) in enumerate(passages):
            tally.add(f"doc-{n}", text, lang, date, self.sightings(text, lang, date))
        return tally.suggestions()
