"""The Extractor: runs the pipeline stages and assembles Attribution records."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any, Literal, cast, overload

import attrs

from quotes.attribution.frames import settle_frames
from quotes.attribution.patterns.nested import inherit
from quotes.attribution.resolve import resolve_in_place
from quotes.backends import ParseBackend, make_backend, window_pieces
from quotes.detectors.medium import refine_medium
from quotes.detectors.nested import nested_direct
from quotes.detectors.partial import partial_quotes
from quotes.detectors.parts import split_interrupted
from quotes.document import Document
from quotes.errors import BackendError, check_text
from quotes.ordering import in_offset_order
from quotes.parse import ParsedDoc
from quotes.parse.assembly import assemble, runs, windows
from quotes.pipe_batches import Failure, ItemError, Output, batches, outputs_in_processes, result
from quotes.pipeline.agreement import DirectIndex, agrees_with_direct
from quotes.pipeline.marks import find_marks
from quotes.pipeline.outlets import OutletMention
from quotes.pipeline.quotations import Quoted, find_quotations
from quotes.pipeline.speakers import Frame
from quotes.records import Attribution, Source
from quotes.rules import RuleData, Rules, load_rules
from quotes.stages import compiled_stages

__all__ = ["Analysis", "Extractor", "ItemError", "default_backend", "extract"]

Backend = Literal["rules", "parse", "stanza"]
#: rules: tokens, lexicons and punctuation, no model (direct quotations only).
#: parse: a spaCy German pipeline (the shipped one, or ``nlp=``) adds indirect, reported
#:        and free indirect speech. stanza: the same with a stanza pipeline (``pipeline=``).
BACKENDS: tuple[str, ...] = ("rules", "parse", "stanza")
# Longer texts are analysed by the parse-based detectors one window of about this many
# characters at a time (at sentence ends), so only one window's parse is held at once.
_WINDOW_CHARS = 200_000


@attrs.frozen
class Analysis:
    """Everything the pipeline found in one text, for inspection and evaluation.

    ``quoted`` holds every quoted span with its final category (speech, title, term);
    ``frames`` the attribution frame of each speech span; ``attributions`` the result.
    """

    document: Document
    quoted: Sequence[Quoted]  # a tuple, or compact for a long output (QuotedSpans)
    frames: tuple[Frame, ...]
    attributions: tuple[Attribution, ...]
    publisher: Source | None


class Extractor:
    """Finds quotations in German news text and attributes them.

    ``backend`` chooses how text is analysed: ``"rules"`` (tokens, lexicons and
    punctuation; fast, no model). ``rules`` adds user rule files or folders on top of the
    shipped ones (see :mod:`quotes.rules`). One Extractor is safe to reuse for any number
    of texts; it holds no per-document state.

    ``parse_on_demand`` (parse backends): parse only the sentences that can hold indirect
    or reported speech, those with a trigger word of ``rules/<lang>/parse.toml`` (verbs of
    saying, Konjunktiv forms, "laut", "zufolge", "nach Angaben" …), as one batch; the
    others get unparsed tokens. ``False`` parses every sentence (for comparison: on the
    Wikinews dev split the two differ by 0.2 points of Messages and Roles F1).
    """

    def __init__(
        self,
        backend: str = "rules",
        *,
        lang: str = "de",
        rules: Sequence[str | Path] = (),
        nlp: Any = None,
        pipeline: Any = None,
        parse_on_demand: bool = True,
    ) -> None:
        _check_backend(backend)
        if isinstance(rules, str | Path):
            rules = (rules,)
        self.backend = backend
        self.lang = lang
        self._rule_paths = tuple(str(p) for p in rules)
        self._rule_data: RuleData | None = None
        self.parse_on_demand = _check_switch(parse_on_demand)
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
        parse_on_demand: bool = True,
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
        extractor.parse_on_demand = _check_switch(parse_on_demand)
        # Validated like rules files: saved data from another version fails here, by key.
        extractor._rule_data = extractor.rules = Rules.from_data(rule_data)
        extractor._parser = make_backend(backend, nlp=nlp, pipeline=pipeline)
        extractor._compile()
        return extractor

    def _compile(self) -> None:
        # The compiled stages are shared by every Extractor over the same rules.
        stages = compiled_stages(self.rules)
        self._splitter = stages.splitter
        self._cues = stages.cues
        self._outlets = stages.outlets
        self._speakers = stages.speakers
        self._mentions = stages.mentions
        self._indirect = stages.indirect
        self._medium = stages.medium
        self._triggers = stages.triggers
        self._attributor = stages.attributor
        # The Document pipe() built for a text's parse, handed to that text's extract() in
        # this thread while it runs (see _extract_batch); never kept past it.
        self._prepared = _Prepared()

    def __repr__(self) -> str:
        return (
            f"Extractor(backend={self.backend!r}, lang={self.lang!r}, rules={self._rule_paths!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuild from configuration in worker processes; compiled rules are cached there.
        parser, on_demand = self._parser, self.parse_on_demand
        if self._rule_data is not None:
            data = dict(self._rule_data)
            return (_rebuild_from_data, (data, self.backend, self.lang, parser, on_demand))
        return (_rebuild, (self.backend, self.lang, self._rule_paths, parser, on_demand))

    # -- public API --------------------------------------------------------------------
    def extract(
        self, text: str, publisher: str | None = None, *, parsed: ParsedDoc | None = None
    ) -> list[Attribution]:
        """All quotations in ``text``, in text order (``parsed``: see :meth:`analyze`)."""
        doc, publisher = self._document(text, publisher, parsed)
        return list(self._analyze(doc, publisher, parsed, keep=False).attributions)

    def analyze(
        self, text: str, publisher: str | None = None, *, parsed: ParsedDoc | None = None
    ) -> Analysis:
        """Run the whole pipeline and keep the intermediate results.

        ``parsed`` is a parse of exactly ``text`` made elsewhere (the spaCy component passes
        the Doc's own parse); without it the parse backend, if any, parses the text.
        """
        doc, publisher = self._document(text, publisher, parsed)
        return self._analyze(doc, publisher, parsed)

    def _document(
        self, text: str, publisher: str | None, parsed: ParsedDoc | None
    ) -> tuple[Document, str | None]:
        """The Document of the checked ``text`` and the checked ``publisher``."""
        text = check_text(text)
        if publisher is not None:
            publisher = check_text(publisher, name="publisher")
        if parsed is not None and parsed.text != text:
            raise BackendError("the parse given to analyze() is of another text")
        prepared = self._prepared.doc
        if prepared is not None and prepared.text is text and prepared.publisher == publisher:
            return prepared, publisher  # pipe() built it for the parse: the same Document
        return Document.build(text, self._splitter, publisher), publisher

    def _analyze(
        self, doc: Document, publisher: str | None, parsed: ParsedDoc | None, *, keep: bool = True
    ) -> Analysis:
        """:meth:`analyze` on ``doc`` (of the checked text and publisher); with ``keep``
        false (:meth:`extract`) the Analysis holds the attributions only, and each stage's
        results go as soon as no later stage reads them."""
        text = doc.text
        classified = find_quotations(doc, find_marks(doc, self.rules), self.rules)
        mentions = self._mentions
        # What the stages have resolved so far, handed from one to the next.
        resolution = mentions.start(doc)
        # Direct quotations: cues and candidate speakers from the surface; over each parse
        # (one per window of the text), the speakers the syntax gives (quotes.attribution).
        # Names are resolved in text order once a window's direct quotations are settled,
        # before the detectors of indirect speech read them as context.
        # Each stage's output is kept only until the next one has replaced it (a text of
        # short quoted lines is mostly its frames: issue 9's dateline lines).
        found_direct, quoted = self._speakers.find(doc, classified)
        direct = list(found_direct)
        del found_direct
        resolved = 0
        indirect: list[Frame] = []
        for part in (parsed,) if parsed is not None else self._parses(doc):
            # The stages of a window read only the direct quotations near it: each window
            # over all of them made long documents quadratic (windows x quotations).
            near = _near_window(direct, part, len(text))
            for i, frame in zip(
                near, self._attributor.direct(part, doc, [direct[i] for i in near]), strict=True
            ):
                direct[i] = frame
            window_end = part[len(part) - 1].end if len(part) else 0
            upto = resolved
            while upto < len(direct) and direct[upto].quote.start < window_end:
                upto += 1
            resolution = resolve_in_place(direct, resolved, upto, mentions, resolution)
            resolved = upto
            context = [direct[i] for i in near]  # as resolved just now
            # The resolution so far: "er" in indirect speech can refer to someone quoted
            # earlier.
            found, resolution = self._indirect.detect(part, doc, context, mentions, resolution)
            found, resolution = self._attributor.indirect(
                part, doc, found, context, mentions, resolution
            )
            index = DirectIndex(context)
            indirect.extend(f for f in found if agrees_with_direct(f, index))
        # The last resolution: extract() lets each frame's Mention go (only the resolution
        # reads them, and inherit() those of the indirect frames, resolved before).
        resolution = resolve_in_place(
            direct, resolved, len(direct), mentions, resolution, keep_mentions=keep
        )
        frames = inherit(direct, indirect) + tuple(indirect)
        del direct
        if indirect:
            # Partial quotes inside indirect speech are its speaker's words, and a frame
            # inside an indirect quote splits it into parts (detect hooks).
            partial, quoted = partial_quotes(classified, quoted, frames, self.rules)
            frames = split_interrupted(text, frames) + partial
        # Quotes nested in a direct quote that names their own speaker (detect hook).
        nested, resolution = nested_direct(
            doc, classified, frames, self._speakers, self._splitter, mentions, resolution
        )
        frames += nested
        titles = [q.content for q in quoted if q.category == "title"]
        if not keep:
            # Read by no later stage; the resolution holds every speaker's Mention.
            del classified, resolution, nested
            quoted = ()
        # A frame is the words beside its quotation, with the comma that joins them.
        frames = settle_frames(text, frames)
        # Reports and papers write (detect hook).
        frames = refine_medium(frames, self._medium)
        publisher_source = self._publisher(doc, publisher)
        # Outlets matter only for chains: a document that quotes nobody is not read for them.
        outlet_mentions = self._outlets.find(doc, titles) if frames else ()
        del titles
        if keep:
            attributions = self._attributions(doc, frames, outlet_mentions, publisher_source)
            return Analysis(doc, quoted, frames, attributions, publisher_source)
        # Each frame goes once its attribution is made (issue 9 §2: a text of many short
        # quotations is mostly its frames, then mostly its attributions).
        left: list[Frame | None] = list(frames)
        del frames
        attributions = self._attributions(doc, left, outlet_mentions, publisher_source)
        return Analysis(doc, (), (), attributions, publisher_source)

    def _attributions(
        self,
        doc: Document,
        frames: Sequence[Frame] | list[Frame | None],
        outlet_mentions: Sequence[OutletMention],
        publisher_source: Source | None,
    ) -> tuple[Attribution, ...]:
        """The attributions of ``frames``, in text order; where ``frames`` is a list, each
        of its frames is let go (set to None) once its attribution is made."""
        release = isinstance(frames, list)
        outlets, medium = self._outlets, self._medium
        attributions: list[Attribution] = []
        # The outlet stage settles speaker and chain together: "Wie die NYT unter Berufung
        # auf Diplomaten berichtet" is Diplomaten via New York Times.
        requests = cast(Sequence[Frame], frames)
        for i, c in outlets.each_chain(doc, outlet_mentions, requests, publisher_source):
            frame = requests[i]
            # A speaker that is an outlet gives the medium of its type (papers write).
            source = outlets.speaker_source(outlet_mentions, c.speaker)
            kind = medium.of_outlet(frame.medium, source, frame)
            attributions.append(frame.to_attribution(c.via, c.speaker, kind))
            if release:
                frames[i] = None
        if release:
            cast(list, frames).clear()  # all None now: the list's own array goes too
        # In text order; quotations with the same offsets keep the order of their frames,
        # as the chains come in order of (start, -end), frames of equal offsets by index.
        # Sorted only where they are not in order already (a key is a tuple and an int a
        # quotation).
        if not in_offset_order(a.quote for a in attributions):
            attributions.sort(key=lambda a: (a.quote.start, a.quote.end))
        return tuple(attributions)

    @overload
    def pipe(
        self,
        texts: Iterable[str],
        *,
        publisher: str | None = ...,
        as_tuples: Literal[False] = ...,
        n_process: int = ...,
        batch_size: int = ...,
        errors: Literal["raise"] = ...,
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
        errors: Literal["raise"] = ...,
    ) -> Iterator[tuple[list[Attribution], Any]]: ...
    @overload
    def pipe(
        self,
        texts: Iterable[Any],
        *,
        publisher: str | None = ...,
        as_tuples: bool = ...,
        n_process: int = ...,
        batch_size: int = ...,
        errors: Literal["return"],
    ) -> Iterator[Any]: ...

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        publisher: str | None = None,
        as_tuples: bool = False,
        n_process: int = 1,
        batch_size: int = 64,
        errors: Literal["raise", "return"] = "raise",
    ) -> Iterator[Any]:
        """Stream results for many texts, lazily and in input order.

        With ``as_tuples=True`` each item is ``(text, context)`` and each result
        ``(attributions, context)``, as in spaCy's ``nlp.pipe``.

        The parse backend parses ``batch_size`` documents at a time with one ``nlp.pipe``
        call (only their candidate sentences, see ``parse_on_demand``), in bounded batches
        and in a spaCy memory zone, so memory stays flat over any number of documents.
        ``n_process > 1`` spreads the batches over that many processes; each loads the
        model once (the shipped model is loaded there, not sent) and keeps it.

        A bad item (not a ``str``, a malformed pair, a document that fails) never costs the
        other items of its batch: the batch is parsed again one document at a time, and
        the item gets its own result. With ``errors="raise"`` (the default) every result
        before the bad item is delivered first, in order, and then its error is raised
        (``TypeError`` for a wrong type), in serial mode and with processes alike. With
        ``errors="return"`` the bad item's result is an :class:`ItemError` (its position,
        the error's type and message) and the stream goes on.
        """
        # Checked here, not in the generator, so a wrong call fails where it is made.
        if isinstance(texts, str | bytes):
            raise TypeError("pipe() takes an iterable of texts; for one text use extract()")
        if not isinstance(n_process, int) or n_process < 1:
            raise ValueError("n_process must be a whole number of at least 1")
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError("batch_size must be a whole number of at least 1")
        if errors not in ("raise", "return"):
            raise ValueError('errors must be "raise" or "return"')
        if publisher is not None:
            check_text(publisher, name="publisher")
        return self._pipe(texts, publisher, as_tuples, n_process, batch_size, errors)

    def _pipe(
        self,
        texts: Iterable[Any],
        publisher: str | None,
        as_tuples: bool,
        n_process: int,
        batch_size: int,
        errors: str,
    ) -> Iterator[Any]:
        items = batches(texts, as_tuples, batch_size)
        index = 0
        if n_process == 1:
            for batch in items:
                outs = self._extract_batch([text for text, _, _ in batch], publisher)
                for (_, context, bad), out in zip(batch, outs, strict=True):
                    found = result(bad or out, index, errors)
                    index += 1
                    yield (found, context) if as_tuples else found
            return
        # Closed with this generator, so leaving it terminates the pool at once.
        with closing(outputs_in_processes(self, items, publisher, n_process)) as outputs:
            for batch, outs in outputs:
                for (_, context, bad), out in zip(batch, outs, strict=True):
                    found = result(bad or out, index, errors)
                    index += 1
                    yield (found, context) if as_tuples else found

    def _extract_batch(self, texts: Sequence[Any], publisher: str | None) -> list[Output]:
        """Results of ``texts`` (or the failure of each bad one), the parse batched."""
        parsed: dict[int, ParsedDoc] = {}
        built: dict[int, Document] = {}  # the Document of each text planned for the parse
        if self._parser is not None:
            plans = []
            for k, text in enumerate(texts):
                if isinstance(text, str) and text.strip() and len(text) <= _WINDOW_CHARS:
                    doc = Document.build(text, self._splitter, publisher)
                    window, ranges = runs(doc, self._to_parse(doc))
                    plans.append((k, doc, window, ranges))
                    built[k] = doc
            pieces = [texts[k][a:b] for k, _, _, ranges in plans for a, b in ranges]
            try:
                parses = iter(list(self._parser.parse_texts(pieces)))
            except Exception:
                parses = None  # each document is parsed alone below, failing alone
            if parses is not None:
                for k, doc, window, ranges in plans:
                    mine = [next(parses) for _ in ranges]
                    if mine:
                        parsed[k] = assemble(doc, window, ranges, mine)
        out: list[Output] = []
        for k, text in enumerate(texts):
            # Through extract() itself, so pipe() is extract() per document, also for a
            # subclass or a test that replaces extract(); the Document built above for the
            # parse is handed over (by identity of the text: a text changed on the way
            # gets its own), not built and split into sentences again.
            self._prepared.doc = built.pop(k, None)
            try:
                out.append(self.extract(text, publisher, parsed=parsed.get(k)))
            except Exception as error:
                out.append(Failure.of(error))
            finally:
                self._prepared.doc = None
        return out

    def _to_parse(self, doc: Document) -> list[bool]:
        if self.parse_on_demand:
            return self._triggers.candidates(doc)
        return [True] * len(doc.sentences)

    def _parses(self, doc: Document) -> Iterator[ParsedDoc]:
        """The parse of ``doc`` for the detectors, one window of the text at a time (texts
        up to 200k characters are one window): only the candidate sentences of each window
        are parsed (all of them with ``parse_on_demand=False``)."""
        if self._parser is None or not doc.text.strip():
            return
        to_parse = self._to_parse(doc)
        for first, end in windows(doc, _WINDOW_CHARS):
            whole, whole_ranges = runs(doc, to_parse, first, end)
            # One sentence longer than a window is parsed in windows of its own.
            size = _WINDOW_CHARS if end - first == 1 else len(doc.text)
            for window, ranges in window_pieces(doc.text, whole, whole_ranges, size):
                pieces = self._parser.parse_texts(doc.text[a:b] for a, b in ranges)
                yield assemble(doc, window, ranges, list(pieces))

    # -- helpers -----------------------------------------------------------------------
    def _publisher(self, doc: Document, publisher: str | None) -> Source | None:
        if publisher:
            found = self._outlets.lookup(publisher)
            name = found[0] if found else publisher
            return Source(name=name, type="publisher", relation="publisher")
        return self._outlets.publisher(doc)


class _Prepared(threading.local):
    """Per thread: the Document that pipe() hands to extract() (see _extract_batch). The
    class attribute is every thread's default: a missing attribute of a thread-local would
    cost an AttributeError on each extract() of the rules path."""

    doc: Document | None = None


def _check_backend(backend: object) -> None:
    if not isinstance(backend, str):
        raise TypeError(f"backend must be str, not {type(backend).__name__}")
    if backend not in BACKENDS:
        raise BackendError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")


def _check_switch(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"parse_on_demand must be True or False, not {type(value).__name__}")
    return value


def _rebuild(
    backend: str,
    lang: str,
    rules: tuple[str, ...],
    parser: ParseBackend | None = None,
    parse_on_demand: bool = True,
) -> Extractor:
    extractor = Extractor("rules", lang=lang, rules=rules, parse_on_demand=parse_on_demand)
    extractor.backend, extractor._parser = backend, parser
    return extractor


def _rebuild_from_data(
    rule_data: RuleData,
    backend: str,
    lang: str,
    parser: ParseBackend | None = None,
    parse_on_demand: bool = True,
) -> Extractor:
    extractor = Extractor.from_rule_data(
        rule_data, "rules", lang=lang, parse_on_demand=parse_on_demand
    )
    extractor.backend, extractor._parser = backend, parser
    return extractor


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


# How far (characters) beyond a parse window the direct quotations its stages read may
# lie: a cue, a speaker or a carried speaker is at most a sentence or two away.
_WINDOW_MARGIN = 5_000


def _near_window(direct: Sequence[Frame], part: ParsedDoc, text_length: int) -> list[int]:
    """The indexes of the direct quotations whose quotation lies within the parse window
    ``part`` widened by ``_WINDOW_MARGIN``; all of them when the text is one window."""
    if text_length <= _WINDOW_CHARS or not len(part):
        return list(range(len(direct)))
    low = part[0].start - _WINDOW_MARGIN
    high = part[len(part) - 1].end + _WINDOW_MARGIN
    return [i for i, f in enumerate(direct) if f.quote.end > low and f.quote.start < high]
