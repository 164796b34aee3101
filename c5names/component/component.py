"""The spaCy component: `nlp.add_pipe("c5names")` on any pipeline, blank ones included.

Registered as the factory "c5names" (also through the `spacy_factories` entry point, so it works
after `pip install` without importing c5names). Each linked mention becomes an entity in
`doc.ents` with `Span.kb_id_` set to its id, and `Span._.c5names` explains the link (display name,
score, method, matched form, alternatives). The document's date, which decides who held an office,
is read from `Doc._.c5names_date` (or the component's `default_date`).

The component works on `doc.text` through the same `Linker` as the library and the CLI, so the three
give the same answers; it only splits a token when a name ends inside it (Turkish Tokayev'in).
"""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, filter_spans

from c5names.component.sparse import RelevanceCache, sparse_text
from c5names.dates import normalise_date
from c5names.gazetteer import expand_paths
from c5names.index import load
from c5names.linker import ALL_TYPES, Linker
from c5names.model import Mention

ENGLISH_LABELS = {"person": "PERSON", "country": "GPE", "place": "GPE", "organisation": "ORG"}
OTHER_LABELS = {"person": "PER", "country": "LOC", "place": "LOC", "organisation": "ORG"}

DEFAULT_CONFIG: dict[str, Any] = {
    "gazetteer_files": [],
    "include_default": True,
    "types": list(ALL_TYPES),
    "labels": {},
    "overwrite_ents": True,
    "threshold": 0.5,
    "default_date": None,
    "split_tokens": True,
    "lang": None,
}


def _register_extensions() -> None:
    if not Doc.has_extension("c5names_date"):
        Doc.set_extension("c5names_date", default=None)
    if not Doc.has_extension("c5names"):
        Doc.set_extension("c5names", default=None)
    if not Span.has_extension("c5names"):
        Span.set_extension("c5names", default=None)


_register_extensions()


@Language.factory("c5names", default_config=DEFAULT_CONFIG)
def make_c5names(
    nlp: Language,
    name: str,
    gazetteer_files: list[str],
    include_default: bool,
    types: list[str],
    labels: dict[str, str],
    overwrite_ents: bool,
    threshold: float,
    default_date: str | None,
    split_tokens: bool,
    lang: str | None,
) -> C5NamesComponent:
    """Create the c5names component (see DEFAULT_CONFIG for the options)."""
    return C5NamesComponent(
        nlp,
        name,
        gazetteer_files=gazetteer_files,
        include_default=include_default,
        types=types,
        labels=labels,
        overwrite_ents=overwrite_ents,
        threshold=threshold,
        default_date=default_date,
        split_tokens=split_tokens,
        lang=lang,
    )


class C5NamesComponent:
    """Find and link mentions of the gazetteer's persons, countries and places."""

    def __init__(
        self,
        nlp: Language,
        name: str = "c5names",
        *,
        gazetteer_files: Iterable[str] = (),
        include_default: bool = True,
        types: Iterable[str] = ALL_TYPES,
        labels: dict[str, str] | None = None,
        overwrite_ents: bool = True,
        threshold: float = 0.5,
        default_date: str | None = None,
        split_tokens: bool = True,
        lang: str | None = None,
    ) -> None:
        self.name = name
        # The language of the texts (its case endings): the pipeline's own unless given, which matters
        # for Uzbek, Kazakh, Kyrgyz, Tajik and Turkmen, whose pipelines are the multi-language "xx".
        self.lang = lang or nlp.lang
        self.gazetteer_files = [str(p) for p in gazetteer_files]
        self.include_default = include_default
        self.types = list(types)
        base = ENGLISH_LABELS if nlp.lang == "en" else OTHER_LABELS
        self.labels = {**base, **(labels or {})}
        self.overwrite_ents = overwrite_ents
        self.threshold = threshold
        self.default_date = normalise_date(default_date)
        self.split_tokens = split_tokens
        unknown = set(self.types) - set(ALL_TYPES)
        if unknown:
            raise ValueError(f"c5names: unknown entity types {sorted(unknown)}; choose from {list(ALL_TYPES)}")
        self._linker: Linker | None = None
        self._relevant: RelevanceCache | None = None

    # -- the linker is built lazily, so spacy.load can restore files before it is needed -----
    @property
    def linker(self) -> Linker:
        if self._linker is None:
            gazetteer = load(*self.gazetteer_files, default=self.include_default)
            self._linker = Linker(gazetteer, types=self.types, threshold=self.threshold, default_date=self.default_date)
        return self._linker

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Load and compile the gazetteer now rather than on the first document."""
        _ = self.linker

    def __call__(self, doc: Doc) -> Doc:
        date = doc._.c5names_date or self.default_date
        if self._relevant is None:
            self._relevant = RelevanceCache(self.linker.index, self.lang)
        sparse = sparse_text(doc, self._relevant)
        mentions = [] if sparse is None else self.linker.link(sparse[0], self.lang, date, regions=sparse[1])
        doc, placed = self._place(doc, mentions)
        spans: list[Span] = []
        explained: list[dict[str, Any]] = []
        for mention, span in placed:
            explained.append(_explain(mention))
            span._.c5names = explained[-1]
            spans.append(span)
        doc._.c5names = explained
        existing = list(doc.ents) if doc.to_array("ENT_IOB").any() else []
        if self.overwrite_ents:
            merged = filter_spans(spans + [e for e in existing if not _overlaps_any(e, spans)])
        else:
            merged = filter_spans(existing + [s for s in spans if not _overlaps_any(s, existing)])
        doc.set_ents(sorted(merged, key=lambda s: s.start))
        return doc

    def _place(self, doc: Doc, mentions: list[Mention]) -> tuple[Doc, list[tuple[Mention, Span]]]:
        """Each mention's span. Nearly every mention is aligned with tokens, and spaCy's strict
        `char_span` (a binary search) finds it at once; only the rest need a token split (or, with
        `split_tokens` off, an expanded span)."""
        labels = [self.labels.get(mention.type, "MISC") for mention in mentions]
        pairs = list(zip(mentions, labels, strict=True))
        strict = [doc.char_span(m.start, m.end, label=label, kb_id=m.id) for m, label in pairs]
        if self.split_tokens and None in strict:
            doc = _split_at_boundaries(doc, [m for m, span in zip(mentions, strict, strict=True) if span is None])
            strict = [doc.char_span(m.start, m.end, label=label, kb_id=m.id) for m, label in pairs]
        placed = []
        for (mention, label), span in zip(pairs, strict, strict=True):
            span = span or doc.char_span(mention.start, mention.end, label, kb_id=mention.id, alignment_mode="expand")
            if span is not None:
                placed.append((mention, span))
        return doc, placed

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    # -- serialisation ----------------------------------------------------------------------
    def _cfg(self) -> dict[str, Any]:
        return {
            "include_default": self.include_default,
            "types": self.types,
            "labels": self.labels,
            "overwrite_ents": self.overwrite_ents,
            "threshold": self.threshold,
            "default_date": self.default_date,
            "split_tokens": self.split_tokens,
            "lang": self.lang,
        }

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the config and copies of the user's gazetteer files (the default ships with c5names)."""
        path = ensure_path(path)
        gazetteer_dir = path / "gazetteer"
        if gazetteer_dir.exists():
            shutil.rmtree(gazetteer_dir)
        gazetteer_dir.mkdir(parents=True)
        names = []
        for n, source in enumerate(expand_paths(self.gazetteer_files)):
            target = gazetteer_dir / f"{n:03d}-{Path(source).name}"
            shutil.copyfile(source, target)
            names.append(target.name)
        (path / "cfg.json").write_text(json.dumps({**self._cfg(), "files": names}, indent=2), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> C5NamesComponent:
        path = ensure_path(path)
        cfg = json.loads((path / "cfg.json").read_text(encoding="utf-8"))
        self.include_default = cfg["include_default"]
        self.types = cfg["types"]
        self.labels = cfg["labels"]
        self.overwrite_ents = cfg["overwrite_ents"]
        self.threshold = cfg["threshold"]
        self.default_date = cfg["default_date"]
        self.split_tokens = cfg["split_tokens"]
        self.lang = cfg.get("lang") or self.lang
        self.gazetteer_files = [str(path / "gazetteer" / name) for name in cfg["files"]]
        self._linker = None
        self._relevant = None
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        files = {Path(p).name: Path(p).read_text(encoding="utf-8") for p in expand_paths(self.gazetteer_files)}
        return json.dumps({**self._cfg(), "inline_files": files}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> C5NamesComponent:
        import tempfile

        cfg = json.loads(data.decode("utf-8"))
        folder = Path(tempfile.mkdtemp(prefix="c5names-"))
        files = []
        for n, (name, text) in enumerate(cfg.pop("inline_files").items()):
            target = folder / f"{n:03d}-{name}"
            target.write_text(text, encoding="utf-8")
            files.append(target.name)
        (folder / "gazetteer").mkdir()
        for name in files:
            (folder / name).rename(folder / "gazetteer" / name)
        (folder / "cfg.json").write_text(json.dumps({**cfg, "files": files}), encoding="utf-8")
        return self.from_disk(folder)


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
            heads = [(token, 0)] * len(orths)
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
    import spacy

    try:
        return spacy.blank(lang or "xx")
    except (ImportError, KeyError, OSError):
        return spacy.blank("xx")
    except Exception as err:  # spaCy raises its own error class (E048) for unknown languages
        if "E048" in str(err) or "E002" in str(err):
            return spacy.blank("xx")
        raise
