"""Build tests/data/spellings.tsv from the shared reference sheet (run once; the TSV is committed).

    python tests/data/make_spellings.py [path/to/people.yaml]

Keeps every `variants` entry of the reference sheet's persons and countries whose form is NOT
written verbatim in any data/*.yaml file (both compared after Unicode NFC), so that each row tests
a rule of the engine rather than a string copied into the gazetteer. Entries listed in EXCLUDED are
not names of their entity and are left out, each with its reason. Duplicates (same form, language
and id) are kept once, with the first source.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference" / "people.yaml"
OUT = HERE / "spellings.tsv"
COLUMNS = ("form", "lang", "id", "source")

# (form, lang, id) -> why the variant is not a name of the entity.
EXCLUDED: dict[tuple[str, str, str], str] = {
    ("Государственный секретарь США Марко Рубио", "ru", "rubio-marco"): (
        "a whole phrase with a title ('Secretary of State of the USA'); the name in it, Марко Рубио, is a row"
    ),
    ("M. Tokaïev", "fr", "tokayev-kassym-jomart"): (
        "'M.' is the French honorific Monsieur, not an initial of the name; a title + surname phrase"
    ),
    ("Doctor Serdar Gurbangulyevich", "en", "berdimuhamedov-serdar"): (
        "a title + given name + patronymic phrase ('Doctor ...'), not a name form"
    ),
    ("Assistant Secretary Lu", "en", "lu-donald"): "a title + surname phrase, not a name form",
    ("@SergioGor", "en", "gor-sergio"): "a social-media handle (an account id), not a written name",
    ("@ChrisLandauUSA", "en", "landau-christopher"): (
        "a social-media handle (an account id with a country suffix), not a written name"
    ),
    ("Казакстандын", "ky", "kyrgyzstan"): (
        "Kyrgyz genitive of Казакстан (Kazakhstan), a different word, filed under kyrgyzstan by the sheet"
    ),
}


def gazetteer_text(repo: Path = REPO) -> str:
    """The text of every data/*.yaml file, NFC-normalised."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((repo / "data").glob("*.yaml"))]
    return unicodedata.normalize("NFC", "\n".join(parts))


def rows(reference: Path) -> list[tuple[str, str, str, str]]:
    sheet = yaml.safe_load(reference.read_text(encoding="utf-8"))
    text = gazetteer_text()
    out: list[tuple[str, str, str, str]] = []
    seen: set[tuple[str, str, str]] = set()
    for section in ("persons", "countries"):
        for entity in sheet[section]:
            for variant in entity.get("variants") or []:
                form = unicodedata.normalize("NFC", str(variant["form"])).strip()
                lang = str(variant.get("lang") or "")
                key = (form, lang, entity["id"])
                if form in text or key in seen or key in EXCLUDED:
                    continue
                if any(c in form for c in "\t\n"):
                    raise ValueError(f"form with a tab or newline: {form!r}")
                seen.add(key)
                out.append((form, lang, entity["id"], str(variant.get("source_url") or "")))
    return out


def main(argv: list[str]) -> int:
    reference = Path(argv[1]) if len(argv) > 1 else DEFAULT_REFERENCE
    table = rows(reference)
    lines = ["\t".join(COLUMNS)] + ["\t".join(row) for row in table]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} rows, {len({r[1] for r in table})} languages -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
