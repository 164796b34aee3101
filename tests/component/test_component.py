"""The spaCy component links on blank pipelines of many languages, with several processes, beside
existing entities. (Saving and loading: test_serialisation; options: test_settings.)"""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import DocBin

import c5names
from c5names.component import blank, with_dates

TEXTS = {
    "fr": (
        "Le président de l’Ouzbékistan, Chavkat Mirzioïev, a reçu Sergio Gore. M. Gore a remis une lettre.",
        [
            ("Ouzbékistan", "uzbekistan"),
            ("Chavkat Mirzioïev", "mirziyoyev-shavkat"),
            ("Sergio Gore", "gor-sergio"),
            ("Gore", "gor-sergio"),
        ],
    ),
    "en": (
        "Kazakh President Kassym-Jomart Tokayev met Donald Trump. Trump praised Tokayev's reforms.",
        [
            ("Kassym-Jomart Tokayev", "tokayev-kassym-jomart"),
            ("Donald Trump", "trump-donald"),
            ("Trump", "trump-donald"),
            ("Tokayev", "tokayev-kassym-jomart"),
        ],
    ),
    "de": (
        "Präsident Mirsijojew empfing Sadyr Dschaparow. Tokajews Delegation kam aus Kasachstan.",
        [
            ("Mirsijojew", "mirziyoyev-shavkat"),
            ("Sadyr Dschaparow", "japarov-sadyr"),
            ("Tokajews", "tokayev-kassym-jomart"),
            ("Kasachstan", "kazakhstan"),
        ],
    ),
    "ru": (
        "Шавкат Мирзиёев встретился с Касым-Жомартом Токаевым. Мирзиёеву позвонил Путин.",
        [
            ("Шавкат Мирзиёев", "mirziyoyev-shavkat"),
            ("Касым-Жомартом Токаевым", "tokayev-kassym-jomart"),
            ("Мирзиёеву", "mirziyoyev-shavkat"),
            ("Путин", "putin-vladimir"),
        ],
    ),
    "xx": (
        "Qozog‘iston Prezidenti Qosim-Jomart Toqayev Shavkat Mirziyoyevni tabrikladi.",
        [
            ("Qozog‘iston", "kazakhstan"),
            ("Qosim-Jomart Toqayev", "tokayev-kassym-jomart"),
            ("Shavkat Mirziyoyevni", "mirziyoyev-shavkat"),
        ],
    ),
}


def _ents(doc: spacy.tokens.Doc) -> list[tuple[str, str]]:
    return [(e.text, e.kb_id_) for e in doc.ents]


@pytest.fixture(scope="module")
def pipelines() -> dict[str, spacy.language.Language]:
    out = {}
    for lang in TEXTS:
        nlp = spacy.blank(lang)
        nlp.add_pipe("c5names", config={"default_date": "2025-11-06"})
        out[lang] = nlp
    return out


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_blank_pipelines_link_every_mention(pipelines: dict, lang: str) -> None:
    text, expected = TEXTS[lang]
    doc = pipelines[lang](text)
    assert _ents(doc) == expected
    for ent in doc.ents:
        info = ent._.c5names
        assert info["id"] == ent.kb_id_ and 0 < info["score"] <= 1
        assert info["method"] in {"exact", "translit", "inflected", "fuzzy", "coreference", "initial"}
        assert info["name"] and info["form"]


def test_labels_follow_the_language_and_config() -> None:
    en = spacy.blank("en")
    en.add_pipe("c5names")
    assert {e.label_ for e in en("President Tokayev visited Uzbekistan.").ents} == {"PERSON", "GPE"}
    fr = spacy.blank("fr")
    fr.add_pipe("c5names", config={"labels": {"person": "PERSONNE"}})
    assert {e.label_ for e in fr("Le président Tokaïev a visité l’Ouzbékistan.").ents} == {"PERSONNE", "LOC"}


def test_types_restrict_what_is_linked() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("c5names", config={"types": ["country"]})
    assert _ents(nlp("Tokayev visited Uzbekistan.")) == [("Uzbekistan", "uzbekistan")]


def test_document_date_decides_the_office_holder() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("c5names")
    texts = [("President Berdimuhamedov spoke.", "2021-08-15"), ("President Berdimuhamedov spoke.", "2023-11-10")]
    ids = [[e.kb_id_ for e in doc.ents] for doc in nlp.pipe(with_dates(nlp, texts))]
    assert ids == [["berdimuhamedov-gurbanguly"], ["berdimuhamedov-serdar"]]


def test_the_document_date_is_read_through_a_getter_of_the_extension() -> None:
    """The component reads `doc._.c5names_date` where Underscore keeps it; an extension re-registered
    with a getter (a user's own date logic) is read through that getter."""
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    nlp.add_pipe("c5names")
    doc = nlp.make_doc("President Berdimuhamedov spoke.")
    doc._.c5names_date = "2021-08-15"
    assert [e.kb_id_ for e in nlp.get_pipe("c5names")(doc).ents] == ["berdimuhamedov-gurbanguly"]
    saved = Doc.get_extension("c5names_date")
    try:
        Doc.set_extension("c5names_date", getter=lambda _doc: "2023-11-10", force=True)
        doc = nlp.make_doc("President Berdimuhamedov spoke.")
        assert [e.kb_id_ for e in nlp.get_pipe("c5names")(doc).ents] == ["berdimuhamedov-serdar"]
    finally:
        default, method, getter, setter = saved
        Doc.set_extension("c5names_date", default=default, method=method, getter=getter, setter=setter, force=True)


def test_languages_without_a_spacy_class_fall_back_to_xx() -> None:
    for lang in ("kk", "uz", "tg", "tk", "ky"):
        nlp = blank(lang)
        assert nlp.lang in {lang, "xx"}
        nlp.add_pipe("c5names")
        assert [e.kb_id_ for e in nlp("Shavkat Mirziyoyev").ents] == ["mirziyoyev-shavkat"]


def test_turkish_suffix_is_split_off_the_name() -> None:
    nlp = spacy.blank("xx")
    nlp.add_pipe("c5names")
    doc = nlp("Cumhurbaşkanı Tokayev'in ziyareti")
    assert [t.text for t in doc][1:3] == ["Tokayev", "'in"]
    assert _ents(doc) == [("Tokayev", "tokayev-kassym-jomart")]


def test_existing_entities_are_kept_or_replaced_as_configured() -> None:
    for overwrite, expected_label in ((True, "PERSON"), (False, "CUSTOM")):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": "CUSTOM", "pattern": "Tokayev"}, {"label": "ORG", "pattern": "NATO"}])
        nlp.add_pipe("c5names", config={"overwrite_ents": overwrite})
        doc = nlp("President Tokayev met NATO officials.")
        labels = {e.text: e.label_ for e in doc.ents}
        assert labels == {"Tokayev": expected_label, "NATO": "ORG"}


@pytest.mark.parametrize("overwrite", [True, False])
def test_merged_entities_leave_every_token_as_set_ents_would(overwrite: bool) -> None:
    """With entities set before the component, each token ends as `Doc.set_ents` of the final
    entities leaves it: the entities set, every other token outside with no type (a token of a
    replaced entity too: "President" of "President Tokayev")."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "CUSTOM", "pattern": "President Tokayev"}, {"label": "ORG", "pattern": "NATO"}])
    nlp.add_pipe("c5names", config={"overwrite_ents": overwrite})
    text = "President Tokayev met NATO officials and Shavkat Mirziyoyev in a village."
    doc = nlp(text)
    expected = ruler(nlp.make_doc(text))
    expected.set_ents([expected.char_span(e.start_char, e.end_char, e.label_, kb_id=e.kb_id_) for e in doc.ents])
    assert [(t.ent_iob_, t.ent_type_, t.ent_kb_id_) for t in doc] == [
        (t.ent_iob_, t.ent_type_, t.ent_kb_id_) for t in expected
    ]
    assert ("President" in [t.text for e in doc.ents for t in e]) != overwrite


def test_two_processes_give_exactly_the_results_of_one() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("c5names", config={"default_date": "2025-11-06"})
    texts = [TEXTS["en"][0], "Sergio Gor met Shavkat Mirziyoyev.", "Nothing here.", TEXTS["fr"][0]] * 5
    one = [[(e.start_char, e.end_char, e.kb_id_, e._.c5names["score"]) for e in d.ents] for d in nlp.pipe(texts)]
    two = [
        [(e.start_char, e.end_char, e.kb_id_, e._.c5names["score"]) for e in d.ents]
        for d in nlp.pipe(texts, n_process=2, batch_size=4)
    ]
    assert one == two
    assert any(one)


_NAMEY = st.sampled_from(
    [
        "Mirziyoyev",
        "Tokayev's",
        "Gor",
        "Gore-Tex",
        "Мирзиёева",
        "Japarov",
        "XI",
        "Oʻzbekiston",
        "d’Emomali",
        "J. D. Vance",
        "Landau",
        "Trump Jr.",
        "\n",
        " ",
        ", ",
        "Президент ",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.text(max_size=12), _NAMEY), max_size=12).map("".join))
def test_any_text_gives_valid_non_overlapping_deterministic_spans(pipelines: dict, text: str) -> None:
    nlp = pipelines["en"]
    doc = nlp(text)
    ents = [(e.start_char, e.end_char, e.kb_id_) for e in doc.ents]
    assert ents == [(e.start_char, e.end_char, e.kb_id_) for e in nlp(text).ents]
    previous_end = 0
    for start, end, _ in ents:
        assert 0 <= start < end <= len(text)
        assert start >= previous_end
        previous_end = end
    for info in doc._.c5names:
        assert text[info["start"] : info["end"]] == info["text"]


def test_the_texts_language_can_be_given_for_xx_pipelines() -> None:
    nlp = blank("uz")
    nlp.add_pipe("c5names", config={"lang": "uz", "default_date": "2025-10-28"})
    doc = nlp("Shavkat Mirziyoyev AQSH prezidentining maxsus vakili Sergio Gorni qabul qildi.")
    assert ("Sergio Gorni", "gor-sergio") in [(e.text, e.kb_id_) for e in doc.ents]
    assert nlp.get_pipe("c5names").lang == "uz"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("hi", "जो बाइडेन ने कहा।", [("जो बाइडेन", "biden-joe")]),
        ("ka", "სერდარ ბერდიმუჰამედოვი ჩავიდა.", [("სერდარ ბერდიმუჰამედოვი", "berdimuhamedov-serdar")]),
        # spaCy's Chinese default cuts every character: a name spans several tokens.
        ("zh", "习近平会见哈萨克斯坦总统。", [("习近平", "xi-jinping"), ("哈萨克斯坦", "kazakhstan")]),
    ],
)
def test_alphabets_without_letter_case_in_the_component(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    # Georgian has no spaCy class (an xx pipeline told the language); Hindi has one.
    nlp = blank(lang)
    nlp.add_pipe("c5names", config={"lang": lang, "default_date": "2024-01-01"})
    assert _ents(nlp(text)) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "вчера шавкат мирзиёев приехал в ташкент и встретился с токаевым"),
        ("tg", "имрӯз эмомалӣ раҳмон дар душанбе суханронӣ кард"),
        ("ru", "Вчера шавкат мирзиёев приехал."),  # a capital: edited text, read as such
    ],
)
def test_a_document_written_in_lowercase_is_read_as_the_library_reads_it(lang: str, text: str) -> None:
    nlp = blank(lang)
    nlp.add_pipe("c5names", config={"default_date": "2025-01-01"})
    expected = [(m.text, m.id) for m in c5names.link(text, lang=lang, date="2025-01-01")]
    assert [(e.text, e.kb_id_) for e in nlp(text).ents] == expected
    if text.islower():
        assert expected  # the lowercase posts do name someone


def test_the_explanations_are_read_back_through_spacy_extensions() -> None:
    """The component stores `doc._.c5names` and `span._.c5names` straight into `doc.user_data`, under
    the keys spaCy's Underscore uses: read back the usual way, through a DocBin too, they are there."""
    nlp = spacy.blank("en")
    nlp.add_pipe("c5names")
    doc = nlp("President Tokayev met Shavkat Mirziyoyev in Uzbekistan.")
    explained = doc._.c5names
    assert [e["id"] for e in explained] == ["tokayev-kassym-jomart", "mirziyoyev-shavkat", "uzbekistan"]
    assert [ent._.c5names for ent in doc.ents] == explained
    assert doc[1:2]._.c5names is explained[0] and doc[0:1]._.c5names is None
    nothing = nlp("The weather was fine.")
    assert nothing._.c5names == [] and nlp.make_doc("The weather was fine.")._.c5names is None
    again = next(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))
    ids = [e["id"] for e in explained]  # (msgpack gives the lists inside back as tuples)
    assert [e["id"] for e in again._.c5names] == [ent._.c5names["id"] for ent in again.ents] == ids
