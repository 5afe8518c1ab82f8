"""The Extractor: runs the pipeline stages and assembles Attribution records."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, overload

import attrs

from quotes.backends import ParseBackend, make_backend
from quotes.detectors import IndirectDetector
from quotes.document import Document, SentenceSplitter
from quotes.errors import BackendError, check_text
from quotes.parse import ParsedDoc
from quotes.pipeline.cues import CueLexicon
from quotes.pipeline.entities import EntityResolver
from quotes.pipeline.marks import find_marks
from quotes.pipeline.outlets import OutletFinder
from quotes.pipeline.quotations import Quoted, find_quotations
from quotes.pipeline.speakers import Frame, SpeakerFinder
from quotes.records import Attribution, Source
from quotes.rules import RuleData, load_rules

__all__ = ["Analysis", "Extractor", "default_backend", "extract"]

Backend = Literal["rules", "parse", "stanza"]
#: rules: tokens, lexicons and punctuation, no model (direct quotations only).
#: parse: a spaCy German pipeline (the shipped one, or ``nlp=``) adds indirect, reported
#:        and free indirect speech. stanza: the same with a stanza pipeline (``pipeline=``).
BACKENDS: tuple[str, ...] = ("rules", "parse", "stanza")


@attrs.frozen
class Analysis:
    """Everything the pipeline found in one text, for inspection and evaluation.

    ``quoted`` holds every quoted span with its final category (speech, title, term);
    ``frames`` the attribution frame of each speech span; ``attributions`` the result.
    """

    document: Document
    quoted: tuple[Quoted, ...]
    frames: tuple[Frame, ...]
    attributions: tuple[Attribution, ...]
    publisher: Source | None


class Extractor:
    """Finds quotations in German news text and attributes them.

    ``backend`` chooses how text is analysed: ``"rules"`` (tokens, lexicons and
    punctuation; fast, no model). ``rules`` adds user rule files or folders on top of the
    shipped ones (see :mod:`quotes.rules`). One Extractor is safe to reuse for any number
    of texts; it holds no per-document state.
    """

    def __init__(
        self,
        backend: str = "rules",
        *,
        lang: str = "de",
        rules: Sequence[str | Path] = (),
        nlp: Any = None,
        pipeline: Any = None,
    ) -> None:
        _check_backend(backend)
        if isinstance(rules, str | Path):
            rules = (rules,)
        self.backend = backend
        self.lang = lang
        self._rule_paths = tuple(str(p) for p in rules)
        self._rule_data: RuleData | None = None
        self.rules: RuleData = load_rules(lang, self._rule_paths)
        self._parser = make_backend(backend, nlp=nlp, pipeline=pipeline)
        self._compile()

    @classmethod
    def from_rule_data(
        cls,
        rule_data: RuleData,
        backend: str = "rules",
        *,
        lang: str = "de",
        nlp: Any = None,
        pipeline: Any = None,
    ) -> Extractor:
        """An Extractor running already merged rule data (as ``Extractor.rules`` holds it).

        For rules saved with a pipeline (the spaCy component's ``to_disk``): nothing is
        read from the rule files.
        """
        _check_backend(backend)
        extractor = cls.__new__(cls)
        extractor.backend = backend
        extractor.lang = lang
        extractor._rule_paths = ()
        extractor._rule_data = rule_data
        extractor.rules = rule_data
        extractor._parser = make_backend(backend, nlp=nlp, pipeline=pipeline)
        extractor._compile()
        return extractor

    def _compile(self) -> None:
        doc_rules = self.rules.get("document", {})
        self._splitter = SentenceSplitter(
            doc_rules.get("abbreviations", ()), doc_rules.get("no_split_after_ordinal", ())
        )
        self._cues = CueLexicon.from_rules(self.rules)
        self._outlets = OutletFinder.from_rules(self.rules)
        self._speakers = SpeakerFinder.from_rules(self.rules, self._cues)
        # The detectors of indirect speech compile their data even on the rules backend:
        # a spaCy component may hand any Extractor a parse (analyze(parsed=...)).
        self._indirect = IndirectDetector.from_rules(self.rules, self._cues)

    def __repr__(self) -> str:
        return (
            f"Extractor(backend={self.backend!r}, lang={self.lang!r}, rules={self._rule_paths!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuild from configuration in worker processes; compiled rules are cached there.
        parser = self._parser
        if self._rule_data is not None:
            return (_rebuild_from_data, (dict(self._rule_data), self.backend, self.lang, parser))
        return (_rebuild, (self.backend, self.lang, self._rule_paths, parser))

    # -- public API --------------------------------------------------------------------
    def extract(
        self, text: str, publisher: str | None = None, *, parsed: ParsedDoc | None = None
    ) -> list[Attribution]:
        """All quotations in ``text``, in text order (``parsed``: see :meth:`analyze`)."""
        return list(self.analyze(text, publisher, parsed=parsed).attributions)

    def analyze(
        self, text: str, publisher: str | None = None, *, parsed: ParsedDoc | None = None
    ) -> Analysis:
        """Run the whole pipeline and keep the intermediate results.

        ``parsed`` is a parse of exactly ``text`` made elsewhere (the spaCy component passes
        the Doc's own parse); without it the parse backend, if any, parses the text.
        """
        text = check_text(text)
        if publisher is not None:
            publisher = check_text(publisher, name="publisher")
        if parsed is not None and parsed.text != text:
            raise BackendError("the parse given to analyze() is of another text")
        if parsed is None and self._parser is not None and text.strip():
            parsed = self._parser.parse(text)
        doc = Document.build(text, self._splitter, publisher)
        marks = find_marks(doc, self.rules)
        quoted = find_quotations(doc, marks, self.rules)
        resolver = EntityResolver(doc, self._speakers.lexicon, self._outlets)
        frames, quoted = self._speakers.find(doc, quoted, resolver)
        if parsed is not None:
            # Same resolver: "er" in indirect speech can refer to someone quoted earlier.
            found = self._indirect.detect(parsed, doc, frames, resolver)
            frames += tuple(f for f in found if _agrees_with_direct(f, frames))
        publisher_source = self._publisher(doc, publisher)
        # Outlets matter only for chains: a document that quotes nobody is not read for them.
        titles = [q.content for q in quoted if q.category == "title"]
        outlet_mentions = self._outlets.find(doc, titles) if frames else ()
        attributions = []
        for frame in frames:
            via = self._outlets.via(
                doc,
                outlet_mentions,
                frame.region_start,
                frame.region_end,
                frame.speaker.mention if frame.speaker else None,
            )
            attributions.append(frame.to_attribution(_with_publisher(via, publisher_source)))
        attributions.sort(key=lambda a: (a.quote.start, a.quote.end))
        return Analysis(doc, quoted, frames, tuple(attributions), publisher_source)

    @overload
    def pipe(
        self,
        texts: Iterable[str],
        *,
        publisher: str | None = ...,
        as_tuples: Literal[False] = ...,
        n_process: int = ...,
        batch_size: int = ...,
    ) -> Iterator[list[Attribution]]: ...
    @overload
    def pipe(
        self,
        texts: Iterable[tuple[str, Any]],
        *,
        publisher: str | None = ...,
        as_tuples: Literal[True],
        n_process: int = ...,
        batch_size: int = ...,
    ) -> Iterator[tuple[list[Attribution], Any]]: ...

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        publisher: str | None = None,
        as_tuples: bool = False,
        n_process: int = 1,
        batch_size: int = 64,
    ) -> Iterator[Any]:
        """Stream results for many texts, lazily and in input order.

        With ``as_tuples=True`` each item is ``(text, context)`` and each result
        ``(attributions, context)``, as in spaCy's ``nlp.pipe``. ``n_process > 1`` spreads
        the work over that many processes.
        """
        # Checked here, not in the generator, so a wrong call fails where it is made.
        if isinstance(texts, str | bytes):
            raise TypeError("pipe() takes an iterable of texts; for one text use extract()")
        if not isinstance(n_process, int) or n_process < 1:
            raise ValueError("n_process must be a whole number of at least 1")
        if publisher is not None:
            check_text(publisher, name="publisher")
        return self._pipe(texts, publisher, as_tuples, n_process, batch_size)

    def _pipe(
        self,
        texts: Iterable[Any],
        publisher: str | None,
        as_tuples: bool,
        n_process: int,
        batch_size: int,
    ) -> Iterator[Any]:
        items = ((item, None) if not as_tuples else _as_tuple(item) for item in texts)
        if n_process == 1:
            for text, context in items:
                result = self.extract(text, publisher)
                yield (result, context) if as_tuples else result
            return
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(n_process, initializer=_init_worker, initargs=(self,)) as pool:
            # imap keeps input order, so contexts leave the queue in the order they came:
            # only the documents in flight are held, however long the stream.
            contexts: deque[Any] = deque()

            def texts_only() -> Iterator[tuple[str, str | None]]:
                for text, context in items:
                    contexts.append(context)
                    yield text, publisher

            for result in pool.imap(_work, texts_only(), chunksize=batch_size):
                context = contexts.popleft()
                yield (result, context) if as_tuples else result

    # -- helpers -----------------------------------------------------------------------
    def _publisher(self, doc: Document, publisher: str | None) -> Source | None:
        if publisher:
            found = self._outlets.lookup(publisher)
            name = found[0] if found else publisher
            return Source(name=name, type="publisher", relation="publisher")
        return self._outlets.publisher(doc)


def _agrees_with_direct(frame: Frame, direct: Sequence[Frame]) -> bool:
    """Whether a parse-based quotation fits the direct quotations found from the marks.

    It may contain a direct quote (a partial quote inside indirect speech) but must not
    cross one, nor take in a direct quote's own cue: in "Laut Tass sagte Putin: „…“" the
    "laut" belongs to the direct quote's chain, not to a second quotation.
    """
    quote = frame.quote
    for other in direct:
        if quote.overlaps(other.quote) and not (
            quote.contains(other.quote) or other.quote.contains(quote)
        ):
            return False
        if other.cue is not None and any(quote.contains(part) for part in other.cue.parts):
            return False
    return True


def _check_backend(backend: object) -> None:
    if not isinstance(backend, str):
        raise TypeError(f"backend must be str, not {type(backend).__name__}")
    if backend not in BACKENDS:
        raise BackendError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")


def _with_publisher(via: tuple[Source, ...], publisher: Source | None) -> tuple[Source, ...]:
    if publisher is None:
        return via
    if via and via[-1].name == publisher.name:
        return via  # the text names its own publisher as the last link already
    hop = (via[-1].hop + 1) if via else 1
    return (*via, attrs.evolve(publisher, hop=hop))


def _as_tuple(item: Any) -> tuple[str, Any]:
    if not (isinstance(item, tuple) and len(item) == 2):
        raise TypeError("with as_tuples=True each item must be a (text, context) pair")
    return item[0], item[1]


_WORKER: Extractor | None = None


def _rebuild(
    backend: str, lang: str, rules: tuple[str, ...], parser: ParseBackend | None = None
) -> Extractor:
    extractor = Extractor("rules", lang=lang, rules=rules)
    extractor.backend, extractor._parser = backend, parser
    return extractor


def _rebuild_from_data(
    rule_data: RuleData, backend: str, lang: str, parser: ParseBackend | None = None
) -> Extractor:
    extractor = Extractor.from_rule_data(rule_data, "rules", lang=lang)
    extractor.backend, extractor._parser = backend, parser
    return extractor


def _init_worker(extractor: Extractor) -> None:
    global _WORKER
    _WORKER = extractor


def _work(job: tuple[str, str | None]) -> list[Attribution]:
    assert _WORKER is not None
    return _WORKER.extract(job[0], job[1])


_DEFAULT: dict[str, Extractor] = {}


def default_backend() -> str:
    """The most accurate backend available offline: ``parse`` where the shipped model is
    installed, else ``rules``."""
    from quotes.models import model_path

    try:
        model_path()
    except FileNotFoundError:
        return "rules"
    return "parse"


def extract(text: str, *, publisher: str | None = None) -> list[Attribution]:
    """All quotations in ``text``, with the default extractor: :func:`default_backend`."""
    text = check_text(text)
    if "default" not in _DEFAULT:
        _DEFAULT["default"] = Extractor(default_backend())
    return _DEFAULT["default"].extract(text, publisher)
