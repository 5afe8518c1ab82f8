"""The ``quotes`` spaCy pipeline component.

::

    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("quotes")  # found through the spacy_factories entry point, no import needed
    doc = nlp("„Wir sind bereit“, sagte Olaf Scholz.")
    doc._.quotes[0].speaker.name  # 'Olaf Scholz'
    doc.spans["quotes"][0].label_  # 'direct'

Settings (``[components.quotes]`` in a pipeline config), all optional:

* ``backend`` (``"auto"``): what parses a Doc that arrives without a parse. ``"auto"``, the
  same default as :func:`quotes.extract`: the shipped German model where it is installed
  (:func:`quotes.default_backend`), else ``"rules"`` (direct quotations only); or any
  :class:`quotes.Extractor` backend by name. A Doc parsed by an earlier component is never
  parsed again: its own parse goes to the detectors of indirect speech, whatever the backend;
* ``rules`` (``[]``): user rule files or folders added to the shipped rules, as strings
  (see :mod:`quotes.rules`);
* ``publisher`` (``null``): the outlet that published every text, the last link of each chain;
* ``spans_key`` (``"quotes"``): the ``doc.spans`` group to write;
* ``overwrite`` (``true``): replace that group and ``doc._.quotes``; ``false`` adds to them;
* ``alignment`` (``"retokenize"``): how quotations whose edges fall inside a token get their
  span (see below); ``"strict"`` or ``"expand"`` instead;
* ``scorer`` (``{"@scorers": "quotes.scorer.v1"}``): see :func:`score_quotes`.

What it assigns (see :mod:`quotes.extensions`): ``doc._.quotes``, the
:class:`~quotes.records.Attribution` records with character offsets into ``doc.text``;
``doc.spans[spans_key]``, one Span per quotation, labelled with its kind (``"direct"``,
``"indirect"``, …); and ``span._.attribution`` on those spans. The component needs no tagger
or parser before it and works on ``spacy.blank("de")``.

Spans and records agree: a span's ``start_char``/``end_char`` are its record's quote offsets
whenever the quote's edges fall on token boundaries. Where an edge falls inside a token (a
mark glued to a word, ``sagte:„Wir`` or ``bereit.“Danach``, which spaCy's tokenizer keeps
as one token), ``alignment`` decides:

* ``"retokenize"`` (default): on a Doc without a dependency parse, the token is split at the
  edge (``sagte:`` + ``„Wir``), so every span is exact; the other span groups are moved to
  the new tokens by their characters. A Doc parsed by an earlier component keeps its tokens
  (splitting would invent a parse for the pieces), and there ``"strict"`` applies;
* ``"strict"``: such a quotation gets no span; it stays in ``doc._.quotes``, and
  ``[q for q in doc._.quotes if q not in {s._.attribution for s in doc.spans["quotes"]}]``
  lists the quotations without one;
* ``"expand"``: the span takes the whole tokens (``sagte:„Wir … bereit.“Danach``), wider
  than its record.

Both parse paths read the same text: the parse backends drop the CR of a CRLF before
parsing (:mod:`quotes.backends`), and for a Doc parsed by an earlier component whose text
holds CRLF line ends, the component parses the text without those CRs once more with the
pipeline's components before it, so the detectors see what
``Extractor("parse", nlp=..., parse_on_demand=False)`` would give them (a Doc parsed by the
pipeline is parsed in full; a Doc without a parse is parsed by the component's backend on
demand, as ``quotes.extract`` does). In ``nlp.pipe(n_process=...)`` workers, which receive
the component without its pipeline, such a Doc's own parse is used.

Rules are data. The component reads its rule files when it first needs them (the first
Doc, ``nlp.initialize()`` or ``nlp.to_disk()``), not when it is created: ``spacy.load``
creates it from the saved config, whose ``rules`` may name files that are gone, and then
loads the saved rules. ``to_disk`` writes the merged rule data the component runs with
(:func:`quotes.rules.load_rules`), one JSON file per rule set (``rules/cues.json``, …), and
``from_disk`` runs exactly that data, so a saved pipeline needs none of the user's rule
files. (Until the Extractor accepts merged rule data directly, the saved data runs as an
extension of the installed shipped rules, so it loads where those are the rules it was
saved with; elsewhere loading fails with a RulesError that says so.)
"""

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import SimpleFrozenList, registry

# No ``from __future__ import annotations`` here: spaCy validates the factory's settings
# against its signature's annotations, which must therefore be real types.
from quotes import __version__
from quotes.errors import BackendError, RulesError, check_text
from quotes.extensions import get_quotes, set_extensions, set_quotes
from quotes.extractor import BACKENDS, Extractor
from quotes.records import KINDS, Attribution
from quotes.rules import rules_dir
from quotes.spacy_align import PipelineBefore, same_span, split_at

__all__ = [
    "DEFAULT_SPANS_KEY",
    "QuotesComponent",
    "make_quotes_component",
    "make_quotes_scorer",
    "score_quotes",
]

DEFAULT_SPANS_KEY = "quotes"
#: ``backend="auto"``: :func:`quotes.default_backend` for Docs that come without a parse.
AUTO = "auto"
ALIGNMENTS = ("retokenize", "strict", "expand")
Scores = dict[str, Any]


# -- scorer ----------------------------------------------------------------------------------
def score_quotes(
    examples: Iterable[Example], *, spans_key: str = DEFAULT_SPANS_KEY, **_settings: Any
) -> Scores:
    """Precision, recall and F-score of the quotation spans in ``doc.spans[spans_key]``.

    Examples whose reference Doc has no ``spans_key`` group are skipped. The keys:

    * ``{spans_key}_p``, ``_r``, ``_f``: exact match, start, end and label (kind) alike, and
      ``{spans_key}_per_type``: the same per kind (spaCy's ``Scorer.score_spans``);
    * ``{spans_key}_overlap_p``, ``_r``, ``_f``: unlabelled and lenient, a predicted span is
      right when it shares a character with some reference span, a reference span is found
      when some predicted span shares a character with it.

    Every value is ``None`` when no example holds a span.
    """
    examples = list(examples)

    def spans_of(doc: Doc, _attr: str) -> Sequence[Span]:
        return doc.spans.get(spans_key, [])

    def has_spans(doc: Doc) -> bool:
        return spans_key in doc.spans

    scores = Scorer.score_spans(
        examples,
        spans_key,
        getter=spans_of,
        has_annotation=has_spans,
        labeled=True,
        allow_overlap=True,  # quotations nest (a quote inside a quote)
    )
    scores.update(_overlap_scores(examples, spans_key))
    return scores


def _overlap_scores(examples: Sequence[Example], spans_key: str) -> Scores:
    right_predicted = all_predicted = found_reference = all_reference = 0
    for example in examples:
        if spans_key not in example.reference.spans:
            continue
        # Character offsets: the reference and the predicted Doc share one text, while their
        # tokens may differ.
        reference = [(s.start_char, s.end_char) for s in example.reference.spans[spans_key]]
        predicted = [(s.start_char, s.end_char) for s in example.predicted.spans.get(spans_key, [])]
        all_predicted += len(predicted)
        all_reference += len(reference)
        right_predicted += sum(any(_overlap(p, r) for r in reference) for p in predicted)
        found_reference += sum(any(_overlap(r, p) for p in predicted) for r in reference)
    keys = [f"{spans_key}_overlap_{measure}" for measure in "prf"]
    if all_predicted + all_reference == 0:
        return dict.fromkeys(keys)
    precision = right_predicted / all_predicted if all_predicted else 0.0
    recall = found_reference / all_reference if all_reference else 0.0
    fscore = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return dict(zip(keys, (precision, recall, fscore), strict=True))


def _overlap(left: tuple[int, int], right: tuple[int, int]) -> bool:
    return left[0] < right[1] and right[0] < left[1]


@registry.scorers("quotes.scorer.v1")
def make_quotes_scorer() -> Callable[..., Scores]:
    """The default scorer of the ``quotes`` component: :func:`score_quotes`."""
    return score_quotes


# -- component -------------------------------------------------------------------------------
class QuotesComponent(Pipe):
    """Finds quotations in ``doc.text`` and attributes them; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str = "quotes",
        *,
        backend: str = AUTO,
        rules: Sequence[str | Path] = (),
        publisher: str | None = None,
        spans_key: str = DEFAULT_SPANS_KEY,
        overwrite: bool = True,
        alignment: str = "retokenize",
        scorer: Callable[..., Scores] | None = score_quotes,
    ) -> None:
        # Check every setting now: the rule files are read later (see the module docstring),
        # so this is where a wrong setting can still be reported at add_pipe.
        if not isinstance(backend, str):
            raise TypeError(f"backend must be str, not {type(backend).__name__}")
        if backend != AUTO and backend not in BACKENDS:
            choices = ", ".join((AUTO, *BACKENDS))
            raise BackendError(f"unknown backend {backend!r}; choose one of {choices}")
        if isinstance(rules, str | Path) or not all(isinstance(p, str | Path) for p in rules):
            raise TypeError('rules must be a list of paths, e.g. ["my_rules"]')
        if publisher is not None:
            check_text(publisher, name="publisher")
        if not isinstance(spans_key, str) or not spans_key:
            raise ValueError(f"spans_key must be a non-empty string, got {spans_key!r}")
        if not isinstance(overwrite, bool):
            raise TypeError(f"overwrite must be true or false, not {overwrite!r}")
        if alignment not in ALIGNMENTS:
            raise ValueError(f"alignment must be one of {', '.join(ALIGNMENTS)}, not {alignment!r}")
        if scorer is not None and not callable(scorer):
            raise TypeError(f"scorer must be callable or None, not {type(scorer).__name__}")
        self.name = name
        self.lang = _checked_lang(nlp.lang)
        self.backend = backend
        self.rule_paths = tuple(str(path) for path in rules)
        self.publisher = publisher
        self.spans_key = spans_key
        self.overwrite = overwrite
        self.alignment = alignment
        self.scorer = scorer
        # Merged rule data loaded by from_disk/from_bytes; None: read the rule_paths.
        self._rule_data: dict[str, Any] | None = None
        # By backend: "rules" for Docs that bring their own parse, self.backend's for others.
        self._extractors: dict[str, Extractor] = {}
        # The pipeline, to parse a CRLF text without its CRs (not pickled; see __reduce__).
        self._nlp: Language | None = nlp
        set_extensions()

    def __repr__(self) -> str:
        return (
            f"QuotesComponent(name={self.name!r}, backend={self.backend!r}, "
            f"rules={list(self.rule_paths)!r}, spans_key={self.spans_key!r})"
        )

    @property
    def labels(self) -> tuple[str, ...]:
        """The span labels this component can assign: the quotation kinds."""
        return KINDS

    @property
    def resolved_backend(self) -> str:
        """The backend that parses Docs without a parse (``"auto"`` resolved)."""
        if self.backend == AUTO:
            from quotes.extractor import default_backend

            return default_backend()
        return self.backend

    @property
    def extractor(self) -> Extractor:
        """The :class:`quotes.Extractor` for Docs without a parse, built on first use."""
        return self._extractor_for(self.resolved_backend)

    def _extractor_for(self, backend: str) -> Extractor:
        extractor = self._extractors.get(backend)
        if extractor is None:
            # One set of compiled rules for both: the rules Extractor is that of the
            # backend's where it is built already.
            if self._rule_data is None:
                extractor = Extractor(backend, lang=self.lang, rules=self.rule_paths)
            else:
                extractor = Extractor.from_rule_data(self._rule_data, backend, lang=self.lang)
            self._extractors[backend] = extractor
        return extractor

    @property
    def _text_extractor(self) -> Extractor:
        """An Extractor for Docs that bring their parse: no model of its own is loaded."""
        return self._extractor_for("rules")

    @property
    def rule_data(self) -> dict[str, Any]:
        """The merged rule data, by rule set: what to_disk writes."""
        return _plain(dict(self._text_extractor.rules))

    # -- processing ----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        """Find the quotations in ``doc`` and assign them."""
        error_handler = self.get_error_handler()
        try:
            self.set_annotations(doc, self._find([doc])[0])
            return doc
        except Exception as error:
            return error_handler(self.name, self, [doc], error)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of Docs in batches, through :meth:`quotes.Extractor.pipe`."""
        error_handler = self.get_error_handler()
        for docs in util.minibatch(stream, size=batch_size):
            try:
                for doc, found in zip(docs, self._find(docs), strict=True):
                    self.set_annotations(doc, found)
                yield from docs
            except Exception as error:
                error_handler(self.name, self, docs, error)

    def _find(self, docs: Sequence[Doc]) -> list[list[Attribution]]:
        # A Doc parsed by an earlier component (a German pipeline with a parser) lends its
        # parse to the detectors of indirect speech; otherwise the component's backend
        # parses it (the rules backend finds direct quotations from the text alone).
        found: list[list[Attribution] | None] = [None] * len(docs)
        unparsed = []
        for k, doc in enumerate(docs):
            if doc.has_annotation("DEP"):
                parsed = self._own_parse(doc)
                found[k] = self._text_extractor.extract(doc.text, self.publisher, parsed=parsed)
            else:
                unparsed.append(k)
        if unparsed:
            # One call for the batch: the parse backend parses the documents together.
            texts = [docs[k].text for k in unparsed]
            results = self.extractor.pipe(texts, publisher=self.publisher, batch_size=len(texts))
            for k, result in zip(unparsed, results, strict=True):
                found[k] = result
        return [result if result is not None else [] for result in found]

    def _own_parse(self, doc: Doc) -> Any:
        """The parse layer of a parsed Doc, of the text the parse backends would parse."""
        from quotes.parse import from_spacy

        if "\r\n" not in doc.text or self._nlp is None:
            return from_spacy(doc)
        # The parse backends drop the CR of each CRLF before parsing; the Doc's parse saw
        # them. Parse the text as they would, with this pipeline's components before us.
        from quotes.backends import SpacyBackend

        return SpacyBackend(PipelineBefore(self._nlp, self.name)).parse(doc.text)

    def set_annotations(self, doc: Doc, found: Iterable[Attribution]) -> None:
        """Write ``found`` to ``doc._.quotes``, ``doc.spans[spans_key]`` and the spans."""
        found = tuple(found)
        spans: list[Span] = []
        records = found
        if not self.overwrite:
            spans = list(doc.spans.get(self.spans_key, []))
            # Stable sort after dict.fromkeys: existing records first among equal offsets.
            records = tuple(
                sorted(
                    dict.fromkeys((*get_quotes(doc), *found)),
                    key=lambda record: (record.quote.start, record.quote.end),
                )
            )
        set_quotes(doc, records)
        mode = self.alignment
        if mode == "retokenize":
            if doc.has_annotation("DEP"):
                mode = "strict"
            else:
                edges = {edge for r in found for edge in (r.quote.start, r.quote.end)}
                if split_at(doc, edges):
                    # Token indices moved: rebuild the kept spans from their characters.
                    spans = [same_span(doc, span) for span in spans]
                mode = "strict"
        seen = {(span.start, span.end, span.label_) for span in spans}
        for record in found:
            span = doc.char_span(
                record.quote.start, record.quote.end, label=record.kind, alignment_mode=mode
            )
            # None: the quote covers no token (whitespace only), or, strict, an edge falls
            # inside a token; the record keeps it.
            if span is not None and (span.start, span.end, span.label_) not in seen:
                seen.add((span.start, span.end, span.label_))
                spans.append(span)
        doc.spans[self.spans_key] = spans

    def initialize(
        self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Any = None
    ) -> None:
        """Read the rules now (``nlp.initialize()``), so that a bad rule file shows here."""
        self._text_extractor  # noqa: B018 (built for its errors)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> Scores:
        """Score the quotation spans; ``nlp.evaluate`` calls this."""
        if self.scorer is None:
            return {}
        return self.scorer(examples, **{**kwargs, "spans_key": self.spans_key})

    # -- serialisation -------------------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """The merged rule data (and the version and language that wrote it) as bytes."""
        serializers = {
            "cfg": lambda: srsly.json_dumps(self._cfg()),
            "rules": lambda: srsly.json_dumps(self.rule_data),
        }
        return util.to_bytes(serializers, exclude)

    def from_bytes(
        self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()
    ) -> "QuotesComponent":
        """Run the rule data in ``bytes_data`` from now on."""
        loaded: dict[str, Any] = {}
        deserializers = {
            "cfg": lambda data: loaded.update(cfg=srsly.json_loads(data)),
            "rules": lambda data: loaded.update(rules=srsly.json_loads(data)),
        }
        util.from_bytes(bytes_data, deserializers, exclude)
        self._load(loaded.get("cfg", {}), loaded.get("rules"))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Write ``cfg`` and ``rules/<rule set>.json`` under ``path``."""

        def write_rules(folder: Path) -> None:
            folder.mkdir(parents=True, exist_ok=True)
            for stale in folder.glob("*.json"):
                stale.unlink()  # a rule set dropped since an earlier save must not come back
            for stem, data in self.rule_data.items():
                srsly.write_json(folder / f"{stem}.json", data)

        serializers = {
            "cfg": lambda p: srsly.write_json(p, self._cfg()),
            "rules": write_rules,
        }
        util.to_disk(path, serializers, exclude)

    def from_disk(
        self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()
    ) -> "QuotesComponent":
        """Run the rule data saved under ``path`` from now on."""
        loaded: dict[str, Any] = {}

        def read_cfg(file: Path) -> None:
            if file.exists():
                loaded["cfg"] = srsly.read_json(file)

        def read_rules(folder: Path) -> None:
            if folder.is_dir():
                loaded["rules"] = {
                    p.stem: srsly.read_json(p) for p in sorted(folder.glob("*.json"))
                }

        util.from_disk(path, {"cfg": read_cfg, "rules": read_rules}, exclude)
        self._load(loaded.get("cfg", {}), loaded.get("rules"))
        return self

    def _cfg(self) -> dict[str, str]:
        return {"lang": self.lang, "quotes_version": __version__}

    def _load(self, cfg: Mapping[str, Any], rule_data: dict[str, Any] | None) -> None:
        if rule_data is None:
            return  # saved without its rules (exclude=["rules"]): keep reading rule_paths
        saved_lang = cfg.get("lang", self.lang)
        if saved_lang != self.lang:
            raise RulesError(
                f"these rules were saved for language {saved_lang!r}, "
                f"but this pipeline is {self.lang!r}"
            )
        previous = (self._rule_data, self._extractors)
        self._rule_data, self._extractors = rule_data, {}
        # Built now, not on first use, so that rules this version cannot run fail at load,
        # and the component keeps the rules it had.
        try:
            self._text_extractor  # noqa: B018
        except RulesError as error:
            self._rule_data, self._extractors = previous
            saved_by = cfg.get("quotes_version", "an unknown version")
            raise RulesError(f"{error} (rules saved by quotes {saved_by})") from error

    def __reduce__(self) -> tuple[Any, ...]:
        # For nlp.pipe(n_process=...) where workers are spawned: the Extractor and its
        # compiled rules are rebuilt in the worker from the settings and the rule data.
        # ``name`` is a slot of spaCy's Pipe, not in __dict__.
        # The pipeline is not sent along (it is what is being pickled).
        skip = {"_extractors", "_nlp"}
        state = {key: value for key, value in self.__dict__.items() if key not in skip}
        return (_restore_component, (self.name, state))


def _restore_component(name: str, state: dict[str, Any]) -> QuotesComponent:
    component = QuotesComponent.__new__(QuotesComponent)
    component.name = name
    component.__dict__.update(state, _extractors={}, _nlp=None)
    return component


def _checked_lang(lang: str | None) -> str:
    available = sorted(p.name for p in rules_dir().iterdir() if p.is_dir())
    if lang not in available:
        raise RulesError(
            f"quotes has rules for {', '.join(available)}, not for this pipeline's language "
            f"{lang!r}; add the component to a pipeline of one of those, e.g. spacy.blank('de')"
        )
    return lang


@Language.factory(
    "quotes",
    assigns=["doc._.quotes", "doc.spans", "span._.attribution"],
    requires=[],
    default_config={
        "backend": AUTO,
        "rules": [],
        "publisher": None,
        "spans_key": DEFAULT_SPANS_KEY,
        "overwrite": True,
        "alignment": "retokenize",
        "scorer": {"@scorers": "quotes.scorer.v1"},
    },
    default_score_weights={
        f"{DEFAULT_SPANS_KEY}_f": 1.0,
        f"{DEFAULT_SPANS_KEY}_p": 0.0,
        f"{DEFAULT_SPANS_KEY}_r": 0.0,
        f"{DEFAULT_SPANS_KEY}_per_type": None,
        f"{DEFAULT_SPANS_KEY}_overlap_f": 0.0,
        f"{DEFAULT_SPANS_KEY}_overlap_p": None,
        f"{DEFAULT_SPANS_KEY}_overlap_r": None,
    },
)
def make_quotes_component(
    nlp: Language,
    name: str,
    backend: str,
    rules: list[str],
    publisher: str | None,
    spans_key: str,
    overwrite: bool,
    alignment: str,
    scorer: Callable[..., Scores] | None,
) -> QuotesComponent:
    """Create the ``quotes`` component (``nlp.add_pipe("quotes")``)."""
    return QuotesComponent(
        nlp,
        name,
        backend=backend,
        rules=rules,
        publisher=publisher,
        spans_key=spans_key,
        overwrite=overwrite,
        alignment=alignment,
        scorer=scorer,
    )


def _plain(data: Any) -> Any:
    """``data`` as JSON has it: mappings as dicts, sequences as lists (TOML gives both)."""
    return json.loads(json.dumps(data))
