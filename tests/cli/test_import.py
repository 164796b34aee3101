"""`c5names import wikidata|ftm` end to end: fixtures in the real formats → a file `validate` accepts
→ `normalise --gazetteer OUT` links sentences in three languages to the imported ids.

The fixtures (tests/gazetteer/data) hold real facts, taken from the pages the shipped data and the
research notes cite: Dariga Nazarbayeva (Q376532; en/kk/ru/zh/de names, born 1963-05-07: en.wikipedia
and the EveryPolitician Wikidata extract of the Mazhilis), Alikhan Smailov (Q56825894, prime
minister of Kazakhstan (Q2416315) acting from 2022-01-05, then 2022-01-11 to 2024-02-05: SpocWiki's
Kazakhstan sheet, kun.uz, itta.info), Kassym-Jomart Tokayev (Q200881, president (Q5256775) since
2019-03-20), Donald Trump (Q22686) and his son Donald Trump Jr. (Q3713655), Kazakhstan (Q232, a
country: SpocWiki), and one malformed line each.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from c5names.cli import main

DATA = Path(__file__).resolve().parents[1] / "gazetteer" / "data"
REPO = Path(__file__).resolve().parents[2]
# The fixtures' people are shipped too (issue 15): the importer is tested against the countries alone,
# so that what it writes does not depend on what data/ holds; one test imports against data/.
ALONE = ["--no-default-gazetteer"]
COUNTRIES = [str(REPO / "data" / "countries.yaml"), str(REPO / "data" / "countries-cldr.yaml")]


def valid(capsys: pytest.CaptureFixture[str], path: Path) -> bool:
    return run(capsys, "validate", *ALONE, *COUNTRIES, str(path))[0] == 0


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def linked(capsys: pytest.CaptureFixture[str], gazetteer: Path, text: str, lang: str, tmp_path: Path) -> set[str]:
    doc = tmp_path / f"doc-{lang}.jsonl"
    doc.write_text(json.dumps({"id": "d", "lang": lang, "date": "2023-06-01", "text": text}, ensure_ascii=False) + "\n")
    files = [arg for path in (*COUNTRIES, str(gazetteer)) for arg in ("--gazetteer", path)]
    code, out, err = run(capsys, "normalise", str(doc), *ALONE, *files, "--format", "jsonl")
    assert code == 0, err
    return {m["id"] for m in json.loads(out)["mentions"]}


def test_wikidata_dump_imports_validates_and_links(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "wd.yaml"
    code, _, err = run(capsys, *ALONE, "import", "wikidata", str(DATA / "wikidata-dump.json"), "-o", str(out))
    assert code == 1, err  # one bad line, the rest written
    assert "wikidata-dump.json:8: not valid JSON" in err
    assert "5 entities imported" in err
    assert "skipped 2: not a human" in err
    assert valid(capsys, out)
    assert linked(capsys, out, "Prime Minister Alikhan Smailov met Dariga Nazarbayeva.", "en", tmp_path) >= {
        "smailov-alikhan",
        "nazarbayeva-dariga",
    }
    assert "smailov-alikhan" in linked(capsys, out, "Премьер-министр Алихан Смаилов провёл совещание.", "ru", tmp_path)
    assert "nazarbayeva-dariga" in linked(capsys, out, "达莉佳·纳扎尔巴耶娃会见了代表团。", "zh", tmp_path)
    assert "nazarbayeva-dariga" in linked(capsys, out, "Дарига Назарбаева выступила в сенате.", "ru", tmp_path)


def test_wikidata_offices_keep_dates_and_kinds(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "wd.yaml"
    run(capsys, *ALONE, "import", "wikidata", str(DATA / "Q56825894.json"), "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "kind: head_of_government" in text and "country: kazakhstan" in text
    assert "start: '2022-01-11'" in text and "end: '2024-02-05'" in text
    assert "birth_date: '1972'" in text  # year precision stays a year
    assert "source: https://www.wikidata.org/wiki/Q56825894" in text


def test_ftm_flat_and_nested(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    flat, nested = tmp_path / "flat.yaml", tmp_path / "nested.yaml"
    code, _, err = run(capsys, *ALONE, "import", "ftm", str(DATA / "entities.ftm.json"), "-o", str(flat))
    assert code == 1 and "entities.ftm.json:6: not valid JSON" in err
    assert run(capsys, *ALONE, "import", "ftm", str(DATA / "targets.nested.json"), "-o", str(nested))[0] == 0
    for path in (flat, nested):
        assert valid(capsys, path)
        text = path.read_text(encoding="utf-8")
        assert "id: smailov-alikhan" in text and "start: '2022-01-11'" in text
        assert "https://www.opensanctions.org/entities/" in text
    assert "smailov-alikhan" in linked(capsys, flat, "Алихан Смаилов провёл совещание.", "ru", tmp_path)
    assert "nazarbayeva-dariga" in linked(capsys, flat, "La sénatrice Dariga Nazarbayeva a parlé.", "fr", tmp_path)
    assert "nazarbayeva-dariga" in linked(capsys, flat, "达莉佳·纳扎尔巴耶娃会见了代表团。", "zh", tmp_path)


def test_filters_and_nothing_usable(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "none.yaml"
    code, _, err = run(capsys, "import", "ftm", str(DATA / "entities.ftm.json"), "--country", "fr", "-o", str(out))
    assert code == 2 and "nothing to write" in err and not out.exists()
    dump = str(DATA / "wikidata-dump.json")
    code, _, err = run(capsys, "import", "wikidata", dump, "--country", "Q30", "-o", str(out))
    assert "neither a citizen of nor in office in a --country" in err
    assert run(capsys, "import", "wikidata", "x.json", "--country", "Kazakhstan", "-o", str(out))[0] == 2


def test_folder_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "people"
    run(capsys, *ALONE, "import", "wikidata", str(DATA / "wikidata-dump.json"), "-o", str(folder))
    assert sorted(p.name for p in folder.iterdir()) == ["kazakhstan.yaml", "united-states.yaml"]
    assert valid(capsys, folder)


def test_people_the_gazetteer_has_are_not_imported_again(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Against the shipped gazetteer (which now holds every person of the fixture, with the same
    Wikidata ids) nothing is new: each is named as skipped, and no file is written."""
    out = tmp_path / "again.yaml"
    code, _, err = run(capsys, "import", "wikidata", str(DATA / "wikidata-dump.json"), "-o", str(out))
    assert code == 2 and "skipped 5: already in the shipped gazetteer, nothing new" in err
    assert "nothing to write" in err and not out.exists()
