"""Validation at every door: language tags (gazetteer, --lang, the library), arguments of `link`,
`lookup --limit`. A wrong value is refused with a message that names it; a right one in another
spelling (RU, zh-hans) is accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

import c5names
from c5names.errors import GazetteerError
from c5names.gazetteer import load
from c5names.gazetteer.schema import language_tag

from .test_cli_support import EXAMPLE, assert_clean_failure, call


def _person_file(path: Path, lang: str) -> Path:
    path.write_text(
        "entities:\n"
        "  - id: doe-jane\n"
        "    type: person\n"
        "    name: Jane Doe\n"
        "    names:\n"
        f"      - {{given: Jane, surname: Doe, lang: {lang}}}\n"
        "    aliases:\n"
        f"      - {{form: Janey, lang: {lang}}}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("given", "standard"),
    [("RU", "ru"), ("ru-Latn", "ru-Latn"), ("zh-hans", "zh-Hans"), ("kk", "kk"), ("xx", "xx")],
)
def test_language_tags_are_bcp47_in_any_case(given: str, standard: str, tmp_path: Path) -> None:
    assert language_tag(given) == standard
    gazetteer = load(_person_file(tmp_path / "p.yaml", given), default=False)
    entity = gazetteer["doe-jane"]
    assert entity.names[0].lang == standard and entity.aliases[0].lang == standard


@pytest.mark.parametrize(
    ("given", "hint"),
    [("zz", "not a language code"), ("kz", "'kk'"), ("klingon", "'tlh'"), ("", "not a language code"), ("e n", "")],
)
def test_wrong_language_tags_are_refused_everywhere(
    given: str, hint: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ValueError, match="not a language code") as err:
        language_tag(given)
    assert hint in str(err.value)
    if given.strip():
        with pytest.raises(GazetteerError) as gaz:
            load(_person_file(tmp_path / "p.yaml", f"'{given}'"), default=False)
        assert len(gaz.value.problems) == 2 and all("lang" in p.field for p in gaz.value.problems)
    with pytest.raises(ValueError, match="not a language code"):
        c5names.link("Tokayev", lang=given)
    result = call(capsys, "normalise", EXAMPLE, "--lang", given)
    assert_clean_failure(result, 2, "argument --lang", "not a language code")
    assert result.out == ""
    assert_clean_failure(call(capsys, "lookup", "Tokayev", "--lang", given), 2, "argument --lang")


def test_kz_suggests_the_languages_of_kazakhstan() -> None:
    with pytest.raises(ValueError, match=r"country code .*Kazakhstan.*'kk'"):
        language_tag("kz")


def test_a_corpus_lang_is_checked_per_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": 1, "text": "Tokayev", "lang": "kz"}\n{"id": 2, "text": "Tokayev", "lang": "RU"}\n')
    result = call(capsys, "normalise", corpus, "--format", "jsonl")
    assert_clean_failure(result, 1, f"{corpus}:1: 'lang' 'kz' is not a language code")
    assert '"id": 2' in result.out and '"lang": "RU"' in result.out  # carried as given


@pytest.mark.parametrize("text", [None, b"Tokayev", 42, ["Tokayev"]])
def test_link_refuses_what_is_not_text(text: object) -> None:
    with pytest.raises(TypeError, match=r"text must be a str, got "):
        c5names.link(text)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"text must be a str"):
        c5names.Linker().link(text)  # type: ignore[arg-type]


def test_link_refuses_a_lang_that_is_not_text() -> None:
    with pytest.raises(TypeError, match=r"lang must be a str or None, got bytes"):
        c5names.link("Tokayev", lang=b"ru")  # type: ignore[arg-type]


@pytest.mark.parametrize("limit", ["0", "-3", "many"])
def test_lookup_limit_must_be_positive(limit: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = call(capsys, "lookup", "Tokayev", "--limit", limit)
    assert_clean_failure(result, 2, "argument --limit")
    assert result.out == ""


def test_lookup_limit_one_keeps_the_best(capsys: pytest.CaptureFixture[str]) -> None:
    result = call(capsys, "lookup", "Japarov", "--limit", "1")
    assert result.code == 0 and result.out.count("\n") == 2
