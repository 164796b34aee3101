"""`c5names normalise`: every output format and every kind of input, on real text."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from c5names.cli.corpus import Document
from c5names.cli.formats import TSV_COLUMNS, JsonlWriter, rewrite
from c5names.cli.progress import Progress
from c5names.linker import Linker
from c5names.match.resolve import Mention

from .conftest import read_jsonl, shared_file
from .test_cli_support import (
    EXAMPLE,
    LANGS,
    SENTENCES,
    assert_clean_failure,
    assert_offsets,
    call,
    example_corpus,
    jsonl,
    run_cli,
    write_corpus,
)


def _mentions(records: list[dict]) -> list[Mention]:
    fields = ("start", "end", "text", "id", "name", "type", "score", "method", "form", "wikidata")
    return [Mention(**{k: m[k] for k in fields}) for r in records for m in r["mentions"]]


# -- the seeds: the job the tool exists for --------------------------------------------------------


def test_seed_article_comes_out_annotated_and_replaced() -> None:
    seed = shared_file("seeds", "000_5b4353d7e2cec424.txt")
    result = run_cli("normalise", seed)
    assert result.code == 0, result.err
    assert result.err == ""  # no progress bar when standard error is not a terminal
    out = result.out
    assert "Le président de l’Ouzbékistan [Uzbekistan], Chavkat Mirzioïev [Shavkat Mirziyoyev], a rencontré" in out
    assert "==>" not in out  # one text file: no header
    replaced = run_cli("normalise", seed, "--style", "replace").out
    assert "Le président de l’Uzbekistan, Shavkat Mirziyoyev, a rencontré" in replaced
    assert "Sergio Gor" in replaced and "Christopher Landau" in replaced
    assert "Mirzioïev" not in replaced and "Chavkat" not in replaced


def _annotated(text: str, records: list[dict]) -> str:
    """What annotate should write, built from the JSONL mentions by hand."""
    out, done = [], 0
    for m in sorted(records[0]["mentions"], key=lambda m: m["start"]):
        span = text[m["start"] : m["end"]]
        out += [text[done : m["start"]], span if span == m["name"] else f"{span} [{m['name']}]"]
        done = m["end"]
    out.append(text[done:])
    return "".join(out)


def test_every_seed_is_annotated_and_rewritten_exactly_where_linked(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("000_5b4353d7e2cec424.txt", "003_7fedc5aa1242cc94.txt"):
        seed = shared_file("seeds", name)
        original = seed.read_text(encoding="utf-8")
        records = jsonl(call(capsys, "normalise", seed, "--format", "jsonl").out)
        assert [r["id"] for r in records] == [str(seed)]
        assert_offsets(records, {str(seed): original})
        annotated = call(capsys, "normalise", seed).out
        expected = _annotated(original, records)
        assert annotated == (expected if expected.endswith("\n") else expected + "\n")
        # annotate only adds: taking out every " [Name]" it wrote gives the original text back
        brackets = {f" [{m['name']}]" for m in records[0]["mentions"]}
        restored = annotated
        for bracket in brackets:
            restored = restored.replace(bracket, "")
        assert restored.rstrip("\n") == original.rstrip("\n")
        text = call(capsys, "normalise", seed, "--style", "replace").out
        expected = rewrite(original, _mentions(records))
        assert text == (expected if expected.endswith("\n") else expected + "\n")
        assert "Sergio Gore" not in text


# -- formats ---------------------------------------------------------------------------------------


def test_text_of_a_corpus_shows_where_each_document_starts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = example_corpus(tmp_path / "c.jsonl")
    result = call(capsys, "normalise", corpus, "--style", "replace")
    assert result.code == 0
    blocks = result.out.split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == ["==> s0 <==", "==> s1 <==", "==> s2 <==", "==> s3 <=="]
    lines = [b.splitlines()[1] for b in blocks]
    assert lines[0].startswith("Le 6 novembre, le président de l’Uzbekistan, Shavkat Mirziyoyev, et son homologue")
    assert "Kassym-Jomart Tokayev" in lines[0] and "Donald Trump" in lines[0]
    assert lines[1] == (
        "Die Präsidenten Shavkat Mirziyoyev und Kassym-Jomart Tokayev sprachen mit dem Sondergesandten "
        "Sergio Gor über Rohstoffe."
    )
    assert lines[2].startswith("Президент Shavkat Mirziyoyev встретился с Kassym-Jomart Tokayev и Sadyr Japarov")
    annotated = call(capsys, "normalise", corpus).out
    assert "Президент Мирзиёев [Shavkat Mirziyoyev] встретился с Токаевым [Kassym-Jomart Tokayev]" in annotated


def test_a_document_of_many_lines_stays_one_block(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [
        {"id": "first", "lang": "ru", "text": "Токаев прибыл.\n\nВторой абзац: Мирзиёев и Токаев.\n"},
        {"id": "line\nbreak", "lang": "en", "text": "Shavkat Mirziyoyev spoke."},
        {"id": 7, "text": ""},
    ]
    corpus = write_corpus(tmp_path / "c.jsonl", records)
    out = call(capsys, "normalise", corpus).out
    assert out == (
        "==> first <==\n"
        "Токаев [Kassym-Jomart Tokayev] прибыл.\n\nВторой абзац: Мирзиёев [Shavkat Mirziyoyev] и "
        "Токаев [Kassym-Jomart Tokayev].\n"
        "\n==> line\\nbreak <==\n"  # an id's line break is escaped: the header stays one line
        "Shavkat Mirziyoyev spoke.\n"
        "\n==> 7 <==\n"  # an empty document: its header alone
    )


def test_several_text_files_get_headers_one_does_not(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one, two = tmp_path / "a.txt", tmp_path / "b.txt"
    one.write_text("Президент Токаев прибыл.", encoding="utf-8")
    two.write_text("Sadyr Japarov spoke.\n", encoding="utf-8")
    assert call(capsys, "normalise", one, "--lang", "ru").out == "Президент Токаев [Kassym-Jomart Tokayev] прибыл.\n"
    both = call(capsys, "normalise", one, two, "--lang", "ru").out
    assert both == (
        f"==> {one} <==\nПрезидент Токаев [Kassym-Jomart Tokayev] прибыл.\n\n==> {two} <==\nSadyr Japarov spoke.\n"
    )


def test_style_is_for_the_text_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = example_corpus(tmp_path / "c.jsonl")
    assert_clean_failure(call(capsys, "normalise", corpus, "--format", "jsonl", "--style", "replace"), 2, "--style")


def test_jsonl_records_in_input_order_with_offsets_and_lang_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = example_corpus(tmp_path / "c.jsonl")
    records = jsonl(call(capsys, "normalise", corpus, "--format", "jsonl").out)
    assert [r["id"] for r in records] == ["s0", "s1", "s2", "s3"]
    assert all(r["lang"] and r["date"] == "2025-11-07" and "text" not in r for r in records)
    assert_offsets(records, {f"s{n}": s for n, s in enumerate(SENTENCES)})
    ids = [m["id"] for m in records[2]["mentions"]]
    assert ids == ["mirziyoyev-shavkat", "tokayev-kassym-jomart", "japarov-sadyr"]
    first = records[0]["mentions"][1]
    assert first["text"] == "Chavkat Mirzioïev" and first["name"] == "Shavkat Mirziyoyev"
    assert set(first) >= {"start", "end", "text", "id", "name", "type", "score", "method", "wikidata"}


def test_json_is_the_jsonl_records_as_one_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = example_corpus(tmp_path / "c.jsonl")
    as_jsonl = jsonl(call(capsys, "normalise", corpus, "--format", "jsonl").out)
    as_json = json.loads(call(capsys, "normalise", corpus, "--format", "json").out)
    assert as_json == as_jsonl
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert json.loads(call(capsys, "normalise", empty, "--format", "json").out) == []


def test_tsv_has_a_header_and_one_row_per_mention(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = example_corpus(tmp_path / "c.jsonl")
    records = jsonl(call(capsys, "normalise", corpus, "--format", "jsonl").out)
    rows = [line.split("\t") for line in call(capsys, "normalise", corpus, "--format", "tsv").out.splitlines()]
    assert rows[0] == list(TSV_COLUMNS)
    expected = [[r["id"], *(str(m[c]) for c in TSV_COLUMNS[1:])] for r in records for m in r["mentions"]]
    assert rows[1:] == expected


def test_tsv_escapes_a_name_across_a_line_break() -> None:
    result = run_cli("normalise", "-", "--format", "tsv", stdin=b"Donald\nTrump met Sergio Gore.")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) == 3
    assert lines[1].split("\t")[:5] == ["-", "0", "12", "Donald\\nTrump", "trump-donald"]
    assert lines[2].split("\t")[3:5] == ["Sergio Gore", "gor-sergio"]


class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marks = 0
        self.links: list[str] = []
        self.external: list[str] = []
        self.titles: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.marks += tag == "mark"
        if tag == "a":
            self.links.append(values.get("href") or "")
        if tag in {"script", "link", "img", "iframe"} or "src" in values:
            self.external.append(tag)
        self._in_title = tag == "h2"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.titles.append(data)
            self._in_title = False


def test_html_is_one_self_contained_displacy_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = example_corpus(tmp_path / "c.jsonl")
    records = jsonl(call(capsys, "normalise", corpus, "--format", "jsonl").out)
    tricky = write_corpus(tmp_path / "t.jsonl", [{"id": "<b>x</b>", "text": "Tokayev & Putin <met>."}])
    page = call(capsys, "normalise", corpus, tricky, "--format", "html").out
    assert page.startswith("<!DOCTYPE html>") and page.count("<html") == 1 and page.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in page
    assert 'class="entities"' in page  # displaCy's markup
    parser = _Marks()
    parser.feed(page)
    mentions = [m for r in records for m in r["mentions"]]
    assert parser.marks == len(mentions) + 2
    qids = [m["wikidata"] for m in mentions if m["wikidata"]]
    assert parser.links[: len(qids)] == [f"https://www.wikidata.org/wiki/{q}" for q in qids]
    assert parser.external == []
    assert parser.titles == ["s0", "s1", "s2", "s3", "<b>x</b>"]  # ids are escaped, not markup
    assert "&lt;met&gt;" in page and re.search(r"Shavkat Mirziyoyev · mirziyoyev-shavkat · [01]\.[0-9]{2}", page)


def test_html_of_nothing_is_still_a_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    page = call(capsys, "normalise", empty, "--format", "html").out
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page


# -- inputs ----------------------------------------------------------------------------------------


def test_text_file_id_is_the_path_as_given(capsys: pytest.CaptureFixture[str]) -> None:
    records = jsonl(call(capsys, "normalise", "examples/c5-summit.txt", "--format", "jsonl").out)
    assert [r["id"] for r in records] == ["examples/c5-summit.txt"]
    assert "lang" not in records[0] and "date" not in records[0]
    assert_offsets(records, {"examples/c5-summit.txt": EXAMPLE.read_text(encoding="utf-8")})


def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(SENTENCES[1], encoding="utf-8")
    (tmp_path / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    example_corpus(tmp_path / "b" / "c.jsonl")
    (tmp_path / "notes.md").write_text("Tokayev", encoding="utf-8")
    records = jsonl(call(capsys, "normalise", tmp_path, "--format", "jsonl").out)
    assert [r["id"] for r in records] == [
        str(tmp_path / "a.txt"),
        "s0",
        "s1",
        "s2",
        "s3",
        str(tmp_path / "b" / "z.txt"),
    ]


def test_standard_input_is_one_text_document() -> None:
    text = "Президент Мирзиёев встретился с Токаевым."
    result = run_cli("normalise", "-", "--lang", "ru", stdin=text.encode())
    assert result.code == 0, result.err
    assert result.out == "Президент Мирзиёев [Shavkat Mirziyoyev] встретился с Токаевым [Kassym-Jomart Tokayev].\n"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_encodings(tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str, bom: bytes) -> None:
    text = "\r\n".join(SENTENCES) + "\r\n"
    doc = tmp_path / "doc.txt"
    doc.write_bytes(bom + text.encode(encoding))
    records = jsonl(call(capsys, "normalise", doc, "--format", "jsonl").out)
    assert_offsets(records, {str(doc): text})
    assert len(records[0]["mentions"]) >= 12
    out = call(capsys, "normalise", doc).out
    assert out.count("\r\n") == 4 and "Shavkat Mirziyoyev" in out and "\ufeff" not in out
    corpus = tmp_path / "c.jsonl"
    lines = "".join(json.dumps({"id": n, "text": s}, ensure_ascii=False) + "\n" for n, s in enumerate(SENTENCES))
    corpus.write_bytes(bom + lines.encode(encoding))
    records = jsonl(call(capsys, "normalise", corpus, "--format", "jsonl").out)
    assert [r["id"] for r in records] == [0, 1, 2, 3]
    assert_offsets(records, dict(enumerate(SENTENCES)))


def test_corpus_fields_are_carried_and_override_the_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "President Berdimuhamedov received six new ambassadors in Ashgabat."
    corpus = write_corpus(
        tmp_path / "c.jsonl",
        [
            {"id": "old", "date": "2021-08-15", "text": text, "source": {"url": "https://x.test", "n": [1, 2]}},
            {"id": "new", "text": text, "mentions": ["the input's own, replaced"], "tag": None},
            {"text": text, "lang": "en", "date": "2021-08-15T10:00:00"},
        ],
    )
    result = call(capsys, "normalise", corpus, "--format", "jsonl", "--date", "2023-11-10", "--lang", "en")
    assert result.code == 0, result.err
    old, new, unnamed = jsonl(result.out)
    assert old["mentions"][0]["id"] == "berdimuhamedov-gurbanguly"  # the document's date wins
    assert new["mentions"][0]["id"] == "berdimuhamedov-serdar"  # --date where the document has none
    assert old["source"] == {"url": "https://x.test", "n": [1, 2]} and new["tag"] is None
    assert (old["date"], old["lang"]) == ("2021-08-15", "en")
    assert (new["date"], new["lang"]) == ("2023-11-10", "en")
    assert unnamed["id"] == f"{corpus}:3" and unnamed["date"] == "2021-08-15T10:00:00"  # carried untouched
    assert unnamed["mentions"][0]["id"] == "berdimuhamedov-gurbanguly"
    assert list(old) == ["id", "lang", "date", "mentions", "source"]


def test_min_score_drops_weaker_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = example_corpus(tmp_path / "c.jsonl")
    all_scores = [
        m["score"] for r in jsonl(call(capsys, "normalise", corpus, "--format", "jsonl").out) for m in r["mentions"]
    ]
    kept = [
        m["score"]
        for r in jsonl(call(capsys, "normalise", corpus, "--format", "jsonl", "--min-score", "0.9").out)
        for m in r["mentions"]
    ]
    assert min(all_scores) < 0.9 <= min(kept)
    assert kept == [s for s in all_scores if s >= 0.9]


def test_empty_files_are_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty_txt, empty_jsonl = tmp_path / "e.txt", tmp_path / "e.jsonl"
    empty_txt.write_bytes(b"")
    empty_jsonl.write_bytes(b"\n\n")
    result = call(capsys, "normalise", empty_txt, empty_jsonl)
    assert (result.code, result.out, result.err) == (0, f"==> {empty_txt} <==\n", "")  # a document, empty
    assert call(capsys, "normalise", empty_txt).out == ""
    records = jsonl(call(capsys, "normalise", empty_txt, empty_jsonl, "--format", "jsonl").out)
    assert records == [{"id": str(empty_txt), "mentions": []}]


def test_dev_set_through_the_cli_scores_perfectly(tmp_path: Path) -> None:
    gold_path = shared_file("eval", "dev.jsonl")
    pred_path = tmp_path / "pred.jsonl"
    result = run_cli("normalise", gold_path, "--format", "jsonl", "-o", pred_path)
    assert result.code == 0, result.err
    gold = read_jsonl(gold_path)
    preds = read_jsonl(pred_path)
    assert [p["id"] for p in preds] == [g["id"] for g in gold]
    assert_offsets(preds, {g["id"]: g["text"] for g in gold})
    score = subprocess.run(
        [sys.executable, str(shared_file("eval", "score.py")), str(gold_path), str(pred_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert re.search(r"^persons lenient +P=\S+ R=\S+ F1=1\.000", score.stdout, re.M), score.stdout


# -- output file, processes, progress --------------------------------------------------------------


def test_output_file_is_written_atomically(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old content\n", encoding="utf-8")
    out.chmod(0o640)
    result = call(capsys, "normalise", EXAMPLE, "--format", "jsonl", "-o", out)
    assert (result.code, result.out) == (0, "")
    assert jsonl(out.read_text(encoding="utf-8"))[0]["id"] == str(EXAMPLE)
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no temporary file left


def test_interrupted_run_leaves_the_old_output_intact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old content\n", encoding="utf-8")
    corpus = example_corpus(tmp_path / "c.jsonl")
    calls = []

    def crash_on_second(self: JsonlWriter, doc: Document, mentions: list[Mention]) -> None:
        calls.append(doc.id)
        if len(calls) == 2:
            raise KeyboardInterrupt
        self.out.write("partial\n")

    monkeypatch.setattr(JsonlWriter, "write", crash_on_second)
    result = call(capsys, "normalise", corpus, "--format", "jsonl", "-o", out)
    assert result.code == 130 and "interrupted" in result.err
    assert out.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "out.jsonl"]
    assert call(capsys, "normalise", EXAMPLE, tmp_path / "missing.txt", "-o", tmp_path / "new.txt").code == 2
    assert not (tmp_path / "new.txt").exists()


def test_jobs_keep_input_order_and_results(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records: list[dict] = [{"id": f"d{n}", "lang": LANGS[n % 4], "text": SENTENCES[n % 4]} for n in range(40)]
    records[7] = {"id": "d7"}  # a failed document in the middle keeps its place
    corpus = write_corpus(tmp_path / "c.jsonl", records)
    serial = call(capsys, "normalise", corpus, "--format", "jsonl")
    parallel = run_cli("normalise", corpus, "--format", "jsonl", "--jobs", "2")
    assert (serial.code, parallel.code) == (1, 1)
    assert parallel.out == serial.out
    assert [r["id"] for r in jsonl(parallel.out)] == [f"d{n}" for n in range(40) if n != 7]
    assert f"{corpus}:8: no 'text' field" in parallel.err


def test_progress_is_drawn_on_a_terminal_only() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    progress = Progress(screen, interval=0)
    for _ in range(3):
        progress.update()
    progress.close()
    assert "\r3 documents" in screen.getvalue() and "documents/s" in screen.getvalue()
    assert screen.getvalue().endswith("\n")
    pipe = io.StringIO()
    quiet = Progress(pipe, interval=0)
    quiet.update()
    quiet.close()
    assert pipe.getvalue() == ""


def test_the_language_detected_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [
        {"id": "ru", "text": "Президент Мирзиёев встретился с Токаевым в Вашингтоне на этой неделе."},
        {"id": "given", "lang": "de", "text": "Die Präsidenten Mirsijojew und Tokajew sprachen."},
        {"id": "short", "text": "Tokayev."},
    ]
    corpus = write_corpus(tmp_path / "c.jsonl", records)
    out = jsonl(call(capsys, "normalise", corpus, "--format", "jsonl").out)
    assert out[0]["lang_detected"] == "ru" and "lang" not in out[0]
    assert [m["id"] for m in out[0]["mentions"]] == ["mirziyoyev-shavkat", "tokayev-kassym-jomart"]
    assert "lang_detected" not in out[1] and out[1]["lang"] == "de"  # given: nothing to detect
    assert "lang_detected" not in out[2]  # too short to tell
    with_lang = jsonl(call(capsys, "normalise", corpus, "--format", "jsonl", "--lang", "ru").out)
    assert all("lang_detected" not in r for r in with_lang)
    # what the run links with the detected language is what the linker does when given none
    assert out[0]["mentions"] == [m.to_dict() for m in Linker().link(records[0]["text"])]
