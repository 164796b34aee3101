"""The spaCy component: `nlp.add_pipe("c5names")` on any pipeline, blank ones included.

Registered as the factory "c5names" (also through the `spacy_factories` entry point, so it works
after `pip install` without importing c5names). Each linked mention becomes an entity in
`doc.ents` with `Span.kb_id_` set to its id, and `Span._.c5names` explains the link (display name,
score, method, matched form, alternatives). The document's date, which decides who held an office,
is read from `Doc._.c5names_date` (or the `default_date` setting).

The options are `Settings`; the user's gazetteer files are component data, read once into memory
(`add_gazetteer`, or `initialize` from a config) and saved from there with spaCy's serialisation
helpers, as spaCy's span_ruler keeps its patterns. The component works on `doc.text` through the same
`Linker` as the library and the CLI, so the three give the same answers; it only splits a token when
a name ends inside it (Turkish Tokayev'in).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, cast

import numpy
import spacy
from spacy import util
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token
from spacy.training import Example

from c5names.component import native, serialise
from c5names.component.lexbits import LexemeBits
from c5names.component.scorer import SCORE_WEIGHTS, score_c5names
from c5names.component.settings import Settings, default_config, factory_signature
from c5names.component.sparse import (
    RelevanceCache,
    cut_apostrophes,
    likely_referred,
    may_read,
    planned,
    referred_entities,
    repeated_words,
    sparse_text,
    whole_text,
    written_in_lowercase,
)
from c5names.dates import normalise_date
from c5names.gazetteer import InMemoryFile, read_files
from c5names.index import load
from c5names.linker import Linker
from c5names.model import Mention

_IOB = [ENT_IOB]
_IOB_AND_TYPE = [ENT_IOB, ENT_TYPE]
_OUTSIDE = 2  # ENT_IOB of a token outside every entity ("O")

# What the component writes (spaCy's pipeline analysis reads it: `nlp.analyze_pipes()`).
ASSIGNS = [
    "doc.ents",
    "token.ent_type",
    "token.ent_iob",
    "token.ent_kb_id",
    "span._.c5names",
    "doc._.c5names",
]


def _register_extensions() -> None:
    if not Doc.has_extension("c5names_date"):
        Doc.set_extension("c5names_date", default=None)
    if not Doc.has_extension("c5names"):
        Doc.set_extension("c5names", default=None)
    if not Span.has_extension("c5names"):
        Span.set_extension("c5names", default=None)


_register_extensions()

# Where `doc._.c5names` and `span._.c5names` keep their values: spaCy's `Underscore` stores an
# extension without a setter in `doc.user_data` under ("._.", name, start, end) (the span's character
# offsets; None for the document). The component writes there directly: `doc._.c5names = []` builds
# an Underscore object first, 4 µs on a fresh document, a fifth of all it costs on text naming nobody.
_DOC_KEY = ("._.", "c5names", None, None)


def _span_key(span: Span) -> tuple[str, str, int, int]:
    return ("._.", "c5names", span.start_char, span.end_char)


def _user_data(doc: Doc) -> dict[Any, Any]:
    """`doc.user_data`, whose keys spaCy's stub types as strings (Underscore's are tuples)."""
    return doc.user_data


def _date_of(doc: Doc) -> Any:
    """`doc._.c5names_date`, read where Underscore keeps it (`doc.user_data`) when the extension has
    no getter, as `with_dates` and the component register it; through an Underscore object (4 µs on a
    fresh document) otherwise."""
    default, method, getter, _setter = Doc.get_extension("c5names_date")
    if getter is not None or method is not None:
        return doc._.c5names_date
    return _user_data(doc).get(("._.", "c5names_date", None, None), default)


def _memoised(function: Callable[[int], frozenset[int]]) -> Callable[[int], frozenset[int]]:
    """`function`, remembering its answers for the call (`functools.cache` costs more to make than
    the few calls a document makes of it)."""
    memo: dict[int, frozenset[int]] = {}

    def memoised(word: int) -> frozenset[int]:
        found = memo.get(word)
        if found is None:
            found = memo[word] = function(word)
        return found

    return memoised


class C5NamesComponent(Pipe):
    """Find and link mentions of the gazetteer's persons, countries and places.

    `settings` holds the options, `files` the user's gazetteer files as read (the shipped gazetteer
    comes with the package and is not copied).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "c5names",
        *,
        scorer: Callable[..., dict[str, Any]] | None = score_c5names,
        **settings: Any,
    ) -> None:
        self.name = name
        self.pipeline_lang: str | None = nlp.lang
        self.scorer = scorer
        self._settings = Settings(**settings)
        self._files: list[InMemoryFile] = []
        self._linker: Linker | None = None
        self._relevant: RelevanceCache | None = None
        self._bits = LexemeBits()  # kept when the index changes: the new cache clears it (`lexbits`)
        # The apostrophes the pipeline's tokenizer cuts words at, which the scan puts together again
        # (German cuts "Yo‘ldoshev" into three tokens): the tokenizer of the pipeline at `add_pipe`.
        self._glue = cut_apostrophes(nlp.tokenizer)

    @property
    def settings(self) -> Settings:
        """The options (frozen: to change one, assign new settings, which takes effect at once)."""
        return self._settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self._settings = settings
        self._linker = self._relevant = None

    @property
    def lang(self) -> str | None:
        """The language of the texts (its case endings): the pipeline's own unless set, which matters
        for Uzbek, Kazakh, Kyrgyz, Tajik and Turkmen, whose pipelines are the multi-language "xx"."""
        return self.settings.lang or self.pipeline_lang

    @property
    def label_of(self) -> dict[str, str]:
        """The entity label of each entity type."""
        return self.settings.labels_for(self.pipeline_lang)

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels the component sets (what `nlp.pipe_labels` and the pipeline's meta list)."""
        return tuple(dict.fromkeys(self.label_of[kind] for kind in self.settings.types))

    # -- the gazetteer: read now, loaded and compiled when first needed -------------------------
    def add_gazetteer(self, *paths: str | Path) -> None:
        """Read these gazetteer files (directories: their YAML files) into the component. They are
        validated and compiled when the first document arrives, or by `nlp.initialize()`."""
        self.files = [*self._files, *read_files(*paths)]

    @property
    def files(self) -> list[InMemoryFile]:
        """The user's gazetteer files as read, in order (what the component links with and saves)."""
        return list(self._files)

    @files.setter
    def files(self, files: list[InMemoryFile]) -> None:
        self._use_files(files)

    def _use_files(self, files: list[InMemoryFile]) -> None:
        self._files = list(files)
        self._linker = self._relevant = None

    def _set_settings(self, cfg: dict[str, Any]) -> None:
        self.settings = Settings.model_validate(cfg)

    @property
    def linker(self) -> Linker:
        if self._linker is None:
            settings = self.settings
            gazetteer = load(*self._files, default=settings.include_default)
            self._linker = Linker(
                gazetteer, types=settings.types, threshold=settings.threshold, default_date=settings.default_date
            )
        return self._linker

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        gazetteer_files: list[str] | None = None,
    ) -> None:
        """Load and compile the gazetteer now rather than on the first document. `gazetteer_files`
        (from `[initialize.components.c5names]` in a config) replaces the files read so far."""
        if gazetteer_files is not None:
            self.files = read_files(*gazetteer_files)
        _ = self.linker

    # -- linking ------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if self._relevant is None:
            self._relevant = RelevanceCache(self.linker.index, self.lang, self._bits, self._glue)
        relevant = self._relevant
        scanned = relevant.scan(doc, mark=True)  # (the tokens marked outside in the same loop, if it can)
        orths, annotated = scanned.orths, scanned.annotated
        strings = doc.vocab.strings
        at_once: list[int] = []
        lone: list[int] = []
        entities: Callable[[int], frozenset[int]] | None = None
        if may_read(scanned.union, scanned.close):  # (else `plan` reads nothing: no Python per token)
            at_once, lone = planned(scanned.positions, scanned.kinds, *relevant.questions(doc, orths))
            if lone:
                # (word types' entity sets, asked of the same lone words before linking and after it;
                # made only for a document with lone words: most documents read have none)
                entities = _memoised(lambda word: relevant.entities(word, strings))
                few = lambda word, most: relevant.few_entities(word, strings, most)  # noqa: E731
                early = likely_referred(lone, at_once, orths, entities, few)
                if early:  # (read now, rather than link every window again for them)
                    at_once = sorted(at_once + early)
                    lone = sorted(set(lone).difference(early))
        if scanned.glued:  # words the tokenizer cut at an apostrophe ("Yo", "‘", "ldoshev"), which the index knows
            at_once = sorted({*at_once, *scanned.glued})
        sparse = sparse_text(doc, relevant, orths, at_once) if at_once else None
        if sparse is not None:
            date = _date_of(doc) or self.settings.default_date
            whole = lambda: whole_text(doc, relevant)  # noqa: E731  (only if a title anywhere in it is asked for)
            mentions = self.linker.link(sparse[0], self.lang, date, regions=sparse[1], document=whole)
            if mentions:
                also: list[int] = []
                if lone:
                    # A lone given name may be a person's named here in full, or a relative's: read those too.
                    assert entities is not None
                    referred = referred_entities(self.linker.index, mentions)
                    named = {o for o in set(orths[lone].tolist()) if not entities(o).isdisjoint(referred)}
                    also = [p for p in lone if int(orths[p]) in named]
                # A word repeating a person's mention anywhere is linked too (the linker's "same word as a
                # full name here").
                also += repeated_words(relevant, doc, orths, mentions, at_once + also)
                if also:
                    sparse = sparse_text(doc, relevant, orths, sorted(at_once + also))
                    assert sparse is not None
                    mentions = self.linker.link(sparse[0], self.lang, date, regions=sparse[1], document=whole)
        elif written_in_lowercase(doc, relevant, scanned.capitals):
            mentions = self.linker.link(doc.text, self.lang, _date_of(doc) or self.settings.default_date)
        else:
            mentions = []
        # `annotated`: entities set before this component (read by the scan's loop). Tokens merely
        # marked outside or blocked end outside either way.
        if not mentions and not annotated:
            _user_data(doc)[_DOC_KEY] = []  # (doc._.c5names = [])
            if not scanned.outside:
                _mark_outside(doc)
            return doc
        doc, placed = self._place(doc, mentions)
        spans: list[Span] = []
        explained: list[dict[str, Any]] = []
        for mention, span in placed:
            explained.append(_explain(mention))
            _user_data(doc)[_span_key(span)] = explained[-1]  # (span._.c5names = ...)
            spans.append(span)
        _user_data(doc)[_DOC_KEY] = explained  # (doc._.c5names = explained)
        if not annotated:
            if not (scanned.outside and len(doc) == len(orths)):  # (marked by the scan, and no token split since)
                _mark_outside(doc)
            doc.set_ents(sorted(util.filter_spans(spans), key=lambda s: s.start), default="unmodified")
            return doc
        existing = list(doc.ents)
        if self.settings.overwrite_ents:
            merged = util.filter_spans(spans + [e for e in existing if not _overlaps_any(e, spans)])
        else:
            merged = util.filter_spans(existing + [s for s in spans if not _overlaps_any(s, existing)])
        _mark_outside(doc, untyped=True)  # (as Doc.set_ents(merged) leaves the other tokens, 5 times faster)
        doc.set_ents(sorted(merged, key=lambda s: s.start), default="unmodified")
        return doc

    def _place(self, doc: Doc, mentions: list[Mention]) -> tuple[Doc, list[tuple[Mention, Span]]]:
        """Each mention's span. Nearly every mention is aligned with tokens, and spaCy's strict
        `char_span` (a binary search) finds it at once; only the rest need a token split (or, with
        `split_tokens` off, an expanded span)."""
        label_of = self.label_of
        labels = [label_of.get(mention.type, "MISC") for mention in mentions]
        pairs = list(zip(mentions, labels, strict=True))
        strict = [doc.char_span(m.start, m.end, label=label, kb_id=m.id) for m, label in pairs]
        if self.settings.split_tokens and None in strict:
            doc = _split_at_boundaries(doc, [m for m, span in zip(mentions, strict, strict=True) if span is None])
            strict = [doc.char_span(m.start, m.end, label=label, kb_id=m.id) for m, label in pairs]
        placed = []
        for (mention, label), span in zip(pairs, strict, strict=True):
            span = span or doc.char_span(mention.start, mention.end, label, kb_id=mention.id, alignment_mode="expand")
            if span is not None:
                placed.append((mention, span))
        return doc, placed

    # -- serialisation: "cfg" (the settings) and "gazetteer" (the user's files), each excludable ---
    def to_bytes(self, *, exclude: Iterable[str] = util.SimpleFrozenList()) -> bytes:
        serializers = {
            "cfg": lambda: serialise.cfg_to_json(self.settings.to_cfg()),
            "gazetteer": lambda: serialise.to_bytes(self._files),
        }
        return util.to_bytes(serializers, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = util.SimpleFrozenList()) -> C5NamesComponent:
        deserializers = {
            "cfg": lambda b: self._set_settings(serialise.cfg_from_json(b)),
            "gazetteer": lambda b: self._use_files(serialise.from_bytes(b)),
        }
        util.from_bytes(bytes_data, deserializers, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = util.SimpleFrozenList()) -> None:
        serializers = {
            "cfg": lambda p: p.write_bytes(serialise.cfg_to_json(self.settings.to_cfg())),
            "gazetteer": lambda p: serialise.write_folder(p, self._files),
        }
        util.to_disk(path, serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = util.SimpleFrozenList()) -> C5NamesComponent:
        deserializers = {
            "cfg": lambda p: self._set_settings(serialise.cfg_from_json(p.read_bytes())),
            "gazetteer": lambda p: self._use_files(serialise.read_folder(p)),
        }
        util.from_disk(path, deserializers, exclude)
        return self


def make_c5names(nlp: Language, name: str, **options: Any) -> C5NamesComponent:
    """Create the c5names component. Its options are the fields of `Settings`, and `scorer`."""
    return C5NamesComponent(nlp, name, **options)


# The factory's signature and default config are the settings' own (see settings.py).
make_c5names.__signature__ = factory_signature(score_c5names)  # type: ignore[attr-defined]
make_c5names.__annotations__ = {
    **{p.name: p.annotation for p in make_c5names.__signature__.parameters.values()},  # type: ignore[attr-defined]
    "return": C5NamesComponent,
}
DEFAULT_CONFIG = default_config()
Language.factory(
    "c5names",
    default_config=DEFAULT_CONFIG,
    assigns=ASSIGNS,
    retokenizes=True,
    default_score_weights=SCORE_WEIGHTS,
    func=make_c5names,
)


def _mark_outside(doc: Doc, *, untyped: bool = False) -> None:
    """Every token outside an entity ("O"), as `Doc.set_ents` leaves the tokens of no span, in one
    C-level call (the compiled loop, else `Doc.from_array`): set_ents does it with Python work per
    token, which costs about as much as tokenising.
    `untyped`: also of no entity type, for tokens that may have had one (entities set before)."""
    if native.scan_module is not None:
        native.scan_module.mark_outside(doc, untyped)
    elif len(doc):
        columns = _IOB_AND_TYPE if untyped else _IOB
        values = numpy.zeros((len(doc), len(columns)), numpy.uint64)
        values[:, 0] = _OUTSIDE
        doc.from_array(columns, cast(Any, values))


def _overlaps_any(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


def _explain(mention: Mention) -> dict[str, Any]:
    return mention.to_dict()


def _split_at_boundaries(doc: Doc, misaligned: list[Mention]) -> Doc:
    """Split tokens in which a name starts or ends (Tokayev'in → Tokayev + 'in): the mentions given
    are those spaCy's strict `char_span` did not find; their tokens are found through the token offsets.
    """
    starts = doc.to_array("IDX")
    cuts: dict[int, set[int]] = {}
    for mention in misaligned:
        for offset in (mention.start, mention.end):
            i = int(numpy.searchsorted(starts, offset, side="right")) - 1
            if i < 0:
                continue
            token = doc[i]
            if token.idx < offset < token.idx + len(token.text):
                cuts.setdefault(i, set()).add(offset - token.idx)
    if not cuts:
        return doc
    with doc.retokenize() as retokenizer:
        for i, offsets in cuts.items():
            token = doc[i]
            bounds = [0, *sorted(offsets), len(token.text)]
            orths = [token.text[a:b] for a, b in itertools.pairwise(bounds)]
            heads: list[Token | tuple[Token, int]] = [(token, 0)] * len(orths)
            retokenizer.split(token, orths, heads=heads)
    return doc


def with_dates(nlp: Language, items: Iterable[tuple[str, str | None]]) -> Iterator[Doc]:
    """Docs whose `_.c5names_date` is set, ready for `nlp.pipe`: `nlp.pipe(with_dates(nlp, pairs))`."""
    for text, date in items:
        doc = nlp.make_doc(text)
        doc._.c5names_date = normalise_date(date)
        yield doc


def blank(lang: str | None) -> Language:
    """A blank pipeline for a language; languages spaCy lacks (kk, uz, tg, tk, ky) fall back to xx."""
    try:
        return spacy.blank(lang or "xx")
    except (ImportError, KeyError, OSError):
        return spacy.blank("xx")
    except Exception as err:  # spaCy raises its own error class (E048) for unknown languages
        if "E048" in str(err) or "E002" in str(err):
            return spacy.blank("xx")
        raise
