"""Saving and loading the component: nothing the user gave is lost, nothing is left behind.

Each test is one way a saved pipeline used to lose or misplace data (issue 12, items 2-4; issue 13).
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy

from c5names.component import C5NamesComponent
from tests.component.gazetteers import JANE, RICHARD, TEXT, links, pipeline, write

BOTH = [("Jane Doe", "doe-jane"), ("Richard Roe", "roe-richard"), ("Shavkat Mirziyoyev", "mirziyoyev-shavkat")]
JANE_ONLY = [("Jane Doe", "doe-jane"), ("Shavkat Mirziyoyev", "mirziyoyev-shavkat")]
NEITHER = [("Shavkat Mirziyoyev", "mirziyoyev-shavkat")]


@pytest.fixture
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The system temp directory, made private to the test so that what is left in it can be seen."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


def _component(nlp: spacy.language.Language) -> C5NamesComponent:
    return nlp.get_pipe("c5names")


def test_disk_round_trip_without_the_users_file(tmp_path: Path) -> None:
    jane = write(tmp_path / "people.yaml", JANE)
    nlp = pipeline(jane, threshold=0.6)
    assert links(nlp) == JANE_ONLY
    nlp.to_disk(tmp_path / "model")
    jane.unlink()  # the saved pipeline carries its own copy of the user's gazetteer
    loaded = spacy.load(tmp_path / "model")
    assert links(loaded) == JANE_ONLY
    assert _component(loaded).settings.threshold == 0.6


def test_saving_back_where_it_was_loaded_from(tmp_path: Path) -> None:
    # issue 12.2: spacy.load(P); nlp.to_disk(P) emptied P/c5names/gazetteer/ before copying from it.
    write(tmp_path / "a" / "people.yaml", JANE)
    write(tmp_path / "b" / "people.yaml", RICHARD)
    pipeline(tmp_path / "a", tmp_path / "b").to_disk(tmp_path / "model")
    for _ in range(2):
        nlp = spacy.load(tmp_path / "model")
        nlp.to_disk(tmp_path / "model")
    assert links(spacy.load(tmp_path / "model")) == BOTH


def test_saving_over_a_pipeline_with_more_files_leaves_none_of_them(tmp_path: Path) -> None:
    pipeline(write(tmp_path / "a.yaml", JANE), write(tmp_path / "b.yaml", RICHARD)).to_disk(tmp_path / "model")
    pipeline(tmp_path / "a.yaml").to_disk(tmp_path / "model")
    assert links(spacy.load(tmp_path / "model")) == JANE_ONLY
    assert not [p.name for p in (tmp_path / "model" / "c5names").iterdir() if p.name.startswith(".")]


def test_two_files_of_one_base_name_survive_bytes(tmp_path: Path) -> None:
    # issue 12.3: to_bytes keyed the files by base name, so one people.yaml replaced the other.
    nlp = pipeline(write(tmp_path / "a" / "people.yaml", JANE), write(tmp_path / "b" / "people.yaml", RICHARD))
    assert links(nlp) == BOTH
    restored = spacy.blank("en")
    restored.add_pipe("c5names")
    restored.from_bytes(nlp.to_bytes())
    assert links(restored) == BOTH


def test_two_files_of_one_base_name_survive_disk(tmp_path: Path) -> None:
    nlp = pipeline(write(tmp_path / "a" / "people.yaml", JANE), write(tmp_path / "b" / "people.yaml", RICHARD))
    nlp.to_disk(tmp_path / "model")
    assert links(spacy.load(tmp_path / "model")) == BOTH


def test_the_saved_copy_is_what_the_pipeline_runs_with(tmp_path: Path) -> None:
    # issue 12.4: saving re-read the user's file, so an edit made after loading went into the copy.
    people = write(tmp_path / "people.yaml", JANE)
    nlp = pipeline(people)
    write(people, RICHARD)
    assert links(nlp) == JANE_ONLY
    nlp.to_disk(tmp_path / "model")
    assert links(spacy.load(tmp_path / "model")) == JANE_ONLY
    restored = spacy.blank("en")
    restored.add_pipe("c5names").from_bytes(_component(nlp).to_bytes())
    assert links(restored) == JANE_ONLY


def test_saving_after_the_users_file_moved(tmp_path: Path) -> None:
    # issue 12.4: saving re-read the user's file from its original path: a moved file was a traceback.
    people = write(tmp_path / "people.yaml", JANE)
    nlp = pipeline(people)
    people.rename(tmp_path / "moved.yaml")
    nlp.to_disk(tmp_path / "model")
    assert links(spacy.load(tmp_path / "model")) == JANE_ONLY
    assert links(pickle.loads(pickle.dumps(nlp))) == JANE_ONLY


def test_from_bytes_leaves_nothing_in_the_temp_directory(tmp_path: Path, system_temp: Path) -> None:
    # issue 12.4: every from_bytes left a c5names-* folder in the system temp directory.
    nlp = pipeline(write(tmp_path / "people.yaml", JANE))
    restored = spacy.blank("en")
    restored.add_pipe("c5names")
    restored.from_bytes(nlp.to_bytes())
    assert links(restored) == JANE_ONLY
    nlp.to_disk(tmp_path / "model")
    assert links(spacy.load(tmp_path / "model")) == JANE_ONLY
    assert list(system_temp.iterdir()) == []


def test_the_saved_config_names_no_file_of_the_user(tmp_path: Path) -> None:
    # issue 12.4: config.cfg kept the absolute path of the user's gazetteer.
    nlp = pipeline(write(tmp_path / "mine" / "people.yaml", JANE))
    nlp.to_disk(tmp_path / "model")
    config = (tmp_path / "model" / "config.cfg").read_text(encoding="utf-8")
    assert "[components.c5names]" in config
    assert str(tmp_path / "mine") not in config and "people.yaml" not in config


@pytest.mark.parametrize("route", ["bytes", "disk"])
def test_exclude_is_honoured_when_saving(tmp_path: Path, route: str) -> None:
    source = _component(pipeline(write(tmp_path / "people.yaml", JANE), threshold=0.6))
    for exclude, threshold, expected in ((["gazetteer"], 0.6, NEITHER), (["cfg"], 0.5, JANE_ONLY)):
        nlp = spacy.blank("en")
        target: C5NamesComponent = nlp.add_pipe("c5names")
        if route == "bytes":
            target.from_bytes(source.to_bytes(exclude=exclude))
        else:
            folder = tmp_path / "-".join(exclude)
            source.to_disk(folder, exclude=exclude)
            assert not (folder / exclude[0]).exists()
            target.from_disk(folder, exclude=exclude)
        assert (target.settings.threshold, links(nlp)) == (threshold, expected)


@pytest.mark.parametrize("route", ["bytes", "disk"])
def test_exclude_is_honoured_when_loading(tmp_path: Path, route: str) -> None:
    source = _component(pipeline(write(tmp_path / "people.yaml", JANE), threshold=0.6))
    source.to_disk(tmp_path / "saved")
    data = source.to_bytes()
    for exclude, threshold, expected in ((["gazetteer"], 0.6, NEITHER), (["cfg"], 0.7, JANE_ONLY)):
        nlp = spacy.blank("en")
        target: C5NamesComponent = nlp.add_pipe("c5names", config={"threshold": 0.7})
        if route == "bytes":
            target.from_bytes(data, exclude=exclude)
        else:
            target.from_disk(tmp_path / "saved", exclude=exclude)
        assert (target.settings.threshold, links(nlp)) == (threshold, expected)


def test_the_saved_settings_are_restored_with_the_gazetteer(tmp_path: Path) -> None:
    nlp = pipeline(
        write(tmp_path / "people.yaml", JANE),
        lang="fr",
        types=["person"],
        labels={"person": "PERSONNE"},
        default_date="2025-11",
        include_default=True,
    )
    nlp.to_disk(tmp_path / "model")
    restored = _component(spacy.load(tmp_path / "model"))
    assert restored.settings == _component(nlp).settings
    assert restored.label_of["person"] == "PERSONNE" and restored.labels == ("PERSONNE",)
    assert links(spacy.load(tmp_path / "model"), "Jane Doe et Chavkat Mirzioïev au Kazakhstan.") == [
        ("Jane Doe", "doe-jane"),
        ("Chavkat Mirzioïev", "mirziyoyev-shavkat"),
    ]


def test_a_pipeline_from_a_config_reads_its_gazetteer_when_initialised(tmp_path: Path) -> None:
    # The config-file route (spacy assemble / train): the files are named in [initialize], as spaCy's
    # span_ruler names its patterns, read by nlp.initialize() and then saved as component data.
    people = write(tmp_path / "people.yaml", JANE)
    config = spacy.util.load_config_from_str(
        '[nlp]\nlang = "en"\npipeline = ["c5names"]\n\n'
        '[components]\n\n[components.c5names]\nfactory = "c5names"\nthreshold = 0.6\n\n'
        f"[initialize]\n\n[initialize.components]\n\n[initialize.components.c5names]\n"
        f'gazetteer_files = ["{people}"]\n'
    )
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    assert links(nlp, "Jane Doe") == []
    nlp.initialize()
    assert links(nlp) == JANE_ONLY
    nlp.to_disk(tmp_path / "model")
    people.unlink()
    assert links(spacy.load(tmp_path / "model")) == JANE_ONLY


def test_the_shipped_gazetteer_alone_round_trips() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("c5names", config={"types": ["person"]})
    restored = spacy.blank("en")
    restored.add_pipe("c5names")
    restored.from_bytes(nlp.to_bytes())
    text = "President Tokayev visited Uzbekistan."
    assert links(restored, text) == links(nlp, text) == [("Tokayev", "tokayev-kassym-jomart")]
    assert links(pickle.loads(pickle.dumps(nlp)), text) == links(nlp, text)


def test_pickle_carries_the_gazetteer(tmp_path: Path) -> None:
    nlp = pipeline(write(tmp_path / "people.yaml", JANE))
    assert links(pickle.loads(pickle.dumps(nlp))) == JANE_ONLY


def test_two_processes_use_the_users_gazetteer(tmp_path: Path) -> None:
    nlp = pipeline(write(tmp_path / "people.yaml", JANE))
    texts = [TEXT, "Nothing here.", "Jane Doe again."] * 3
    one = [[(e.text, e.kb_id_) for e in doc.ents] for doc in nlp.pipe(texts)]
    two = [[(e.text, e.kb_id_) for e in doc.ents] for doc in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert one == two and one[0] == JANE_ONLY
