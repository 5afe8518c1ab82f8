"""Parse backends: where the toolkit-independent parse of a text comes from.

The rules pipeline needs no parse. The detectors of indirect and reported speech read a
:class:`~quotes.parse.ParsedDoc`; a backend makes one from text with

* our shipped compact German spaCy model (``backend="parse"``),
* the user's own spaCy German pipeline (``backend="parse", nlp=...``), with UD or the
  TIGER labels of spaCy's ``de_core_news_*`` models, or
* a stanza German pipeline (``backend="stanza", pipeline=...``).

Toolkits are imported here and nowhere in the pipeline stages.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from quotes.errors import BackendError
from quotes.parse import ParsedDoc
from quotes.parse.model import Entity, Multiword

__all__ = [
    "ParseBackend",
    "SpacyBackend",
    "StanzaBackend",
    "join_parses",
    "make_backend",
    "window_pieces",
]

# Texts longer than this are parsed in chunks that end at line breaks.
_CHUNK_CHARS = 20_000
# One call of nlp.pipe gets at most this many characters (and _BATCH_TEXTS texts): spaCy
# holds a whole batch at once, so this bounds the parser's memory whatever the input.
# The parser's memory goes with the tokens of a batch: 200k characters of dense text
# (dateline lines, 2.6 characters a token) took 1.6 GB over the loaded model, 40k take
# 0.3 GB, in less CPU time (issue 9 §2; measured with chunks of 100k and 20k characters).
_BATCH_CHARS = 40_000
_BATCH_TEXTS = 256
# The same bounds in tokens (estimated: see _token_estimate), for dense text: the parser's
# peak memory goes with the tokens of a batch, and faster than linearly (one JSON line
# '"key": "value", ' x n, 2 characters a token: 5k tokens in one batch took 64 MB over the
# loaded model, 10k 145 MB, 20k 470 MB). News text has about 5-6 characters a token, so its
# chunks (20k characters) stay as they are; its batches get a little shorter, in the same
# CPU time (batches of 10k, 40k or 100k characters parse the dev texts equally fast).
_CHUNK_TOKENS = 5_000
_BATCH_TOKENS = 5_000
# What the estimate counts besides whitespace: the characters spaCy's German tokenizer
# splits off as tokens of their own.
_PUNCTUATION = ".,;:!?\"'()[]{}<>/–—-„“”‚‘’»«›‹*&%§$€#+=|"
# spaCy's memory zones free the lexemes and strings that a batch adds, but the hash tables
# that index them (preshed) keep a tombstone where each entry was and grow when full of
# them (a table never shrinks), so a stream of new words grows the vocabulary's and the
# string store's tables for good: over benchmarks.memory's 100k documents the tokenizer
# alone went from 332 to 381 MB, in steps. The shipped pipeline is therefore loaded afresh
# once this many lexemes have been added to its vocabulary (each word of a batch that the
# vocabulary does not hold for good is added anew; news adds about 0.25-0.7 a word):
# about half a CPU second per 200k, and a fresh pipeline parses exactly as the old one.
_RENEW_AFTER_LEXEMES = 200_000
_SURROGATE = re.compile("[\ud800-\udfff]")
# Where a line's first word starts (after the line break and any blanks before it).
_LINE_START = re.compile(r"\n\s*(?=\S)")
_CR_BEFORE_LF = re.compile("\r(?=\n)")


def _for_parser(text: str) -> tuple[str, list[int] | None]:
    """The text a parser sees, and where each of its characters is in ``text``.

    Lone surrogates (which spaCy cannot encode) become U+FFFD, and the CR of a CRLF is
    dropped, so Windows line ends give the same tokens, hence the same parse, as Unix ones.
    The offsets are None when nothing was dropped.
    """
    text_for_parser = _SURROGATE.sub("\ufffd", text)
    if "\r\n" not in text_for_parser:
        unchanged = text_for_parser == text
        return text_for_parser, (None if unchanged else list(range(len(text) + 1)))
    kept = [i for i, char in enumerate(text) if not (char == "\r" and text[i + 1 : i + 2] == "\n")]
    return "".join(text_for_parser[i] for i in kept), [*kept, len(text)]


class ParseBackend(Protocol):
    """Turns text into the parse layer; ``name`` says which backend it is."""

    name: str

    def parse(self, text: str) -> ParsedDoc: ...

    def parse_texts(self, texts: Iterable[str]) -> Iterator[ParsedDoc]:
        """Parses of many texts, in order (batched where the toolkit can)."""
        ...


class SpacyBackend:
    """A spaCy German pipeline: ours (shipped) when ``nlp`` is None, else the user's."""

    name = "parse"

    def __init__(self, nlp: Any = None) -> None:
        if nlp is None:
            from quotes.models import load

            nlp = load(freeze=True, numpy_ops=True)
            self._shipped = True
        else:
            self._shipped = False
        if not callable(nlp) or not hasattr(nlp, "pipe_names"):
            raise BackendError(
                f"nlp must be a spaCy Language (a loaded pipeline), not {type(nlp).__name__}"
            )
        if not any("parser" in name for name in nlp.pipe_names):
            raise BackendError(
                "the spaCy pipeline has no dependency parser; the parse backend needs one "
                f"(pipeline components: {', '.join(nlp.pipe_names) or 'none'})"
            )
        self.nlp = nlp
        self._loaded_lexemes = len(nlp.vocab) if self._shipped else 0

    def parse(self, text: str) -> ParsedDoc:
        return next(self.parse_texts((text,)))

    def parse_texts(self, texts: Iterable[str]) -> Iterator[ParsedDoc]:
        """Parses of ``texts``, in order, lazily, with ``nlp.pipe`` over bounded batches.

        Long texts are cut into paragraph-aligned chunks of at most 20k characters (and
        about 5k tokens, for dense text) whose parses are joined; a batch never holds more
        than about 40k characters and 5k tokens, so the parser's memory stays bounded
        however long or dense a text or a stream is. Each batch runs
        in ``nlp.memory_zone()`` (spaCy >= 3.8): the strings it adds to the vocabulary are
        freed when the batch has been converted; the shipped pipeline is also loaded
        afresh between batches once its vocabulary's tables have taken 200k lexemes (see
        :data:`_RENEW_AFTER_LEXEMES`), so a long stream does not grow the process. A user's
        own ``nlp`` is never reloaded: over millions of new words its vocabulary's tables
        grow by some 16-32 bytes per word. ``nlp.pipe`` gives the same parses as
        ``nlp(text)``, one text at a time.

        The shipped pipeline is loaded with numpy's BLAS for its matrix products and parses
        each batch with one BLAS thread (:func:`quotes.models.single_blas_thread`; the
        process's limit is restored after each batch, between the parses this yields).
        """
        from quotes.parse import from_spacy

        # Texts wait in ``pending`` (original, clean text, offsets, number of chunks) until
        # every chunk of theirs is parsed; chunks go to the parser in bounded batches.
        pending: deque[tuple[str, str, list[int] | None, int]] = deque()
        parts: deque[list[tuple[int, ParsedDoc]]] = deque()  # parsed chunks, per pending text
        batch: list[tuple[int, int, int]] = []  # (place in pending, start, end)
        batch_chars = batch_tokens = 0

        def run_batch() -> None:
            with self._blas_threads(), self._memory_zone():
                # A Language always has pipe(); a bare callable parses text by text.
                pipe = getattr(self.nlp, "pipe", None) or (lambda texts: map(self.nlp, texts))
                docs = pipe(self._line_starts(pending[k][1][start:end]) for k, start, end in batch)
                for (k, start, end), doc in zip(batch, docs, strict=True):
                    parts[k].append((start, from_spacy(doc, pending[k][1][start:end])))
            self._renew_if_due()

        def finished() -> Iterator[ParsedDoc]:
            while pending and len(parts[0]) == pending[0][3]:
                original, _clean, offsets, _n = pending.popleft()
                done = parts.popleft()
                if offsets is None and len(done) == 1:
                    yield done[0][1]
                else:
                    yield join_parses(original, done, offsets)

        for text in texts:
            clean, offsets = _for_parser(text)
            chunks = list(_chunks(clean, _CHUNK_CHARS)) or [(0, 0)]
            pending.append((text, clean, offsets, len(chunks)))
            parts.append([])
            for start, end in chunks:
                tokens = _token_estimate(clean, start, end)
                if batch and (
                    batch_chars + end - start > _BATCH_CHARS
                    or batch_tokens + tokens > _BATCH_TOKENS
                    or len(batch) >= _BATCH_TEXTS
                ):
                    run_batch()
                    batch, batch_chars, batch_tokens = [], 0, 0
                    # Texts leave ``pending`` here, so the batch's places are counted anew.
                    yield from finished()
                batch.append((len(pending) - 1, start, end))
                batch_chars += end - start
                batch_tokens += tokens
        if batch:
            run_batch()
        yield from finished()

    def _line_starts(self, text: str) -> Any:
        """``text`` as a spaCy Doc whose lines each start a sentence, for ``nlp.pipe``.

        The document model ends a sentence at every line break (a headline, a dateline, a
        paragraph), and the parser respects sentence starts set before it runs. Without
        them it may join a headline to the next paragraph ("Selenskyj: „…“" + "Kiew – Der
        Präsident … hat … aufgerufen."), and the headline's quotation gets the next
        paragraph's subject and verb as speaker and cue."""
        make_doc = getattr(self.nlp, "make_doc", None)
        if make_doc is None or "\n" not in text:
            return text
        doc = make_doc(text)
        starts = doc.to_array("IDX")
        for line in _LINE_START.finditer(text):
            k = int(starts.searchsorted(line.end()))
            if 0 < k < len(doc) and starts[k] == line.end():
                doc[k].is_sent_start = True
        return doc

    def _renew_if_due(self) -> None:
        """Load the shipped pipeline afresh once its vocabulary has taken
        :data:`_RENEW_AFTER_LEXEMES` lexemes since it was loaded (outside a memory zone)."""
        if not self._shipped or len(self.nlp.vocab) - self._loaded_lexemes < _RENEW_AFTER_LEXEMES:
            return
        from quotes.models import load

        # The old pipeline goes first, so the new one takes its memory, not more.
        self.nlp = None
        gc.collect()
        self.nlp = load(freeze=True, numpy_ops=True)
        self._loaded_lexemes = len(self.nlp.vocab)

    def _blas_threads(self) -> contextlib.AbstractContextManager[Any]:
        """One BLAS thread while the shipped pipeline (loaded with numpy's BLAS: see
        :func:`quotes.models.load`) parses a batch; a user's own ``nlp`` runs as its owner
        set it up (ops and threads untouched)."""
        if not self._shipped:
            return contextlib.nullcontext()
        from quotes.models import single_blas_thread

        return single_blas_thread()

    def _memory_zone(self) -> contextlib.AbstractContextManager[Any]:
        zone = getattr(self.nlp, "memory_zone", None)
        return zone() if zone is not None else contextlib.nullcontext()

    def __reduce__(self) -> tuple[Any, ...]:
        # Worker processes load the shipped model themselves instead of unpickling it.
        return (SpacyBackend, (None if self._shipped else self.nlp,))


class StanzaBackend:
    """A stanza German pipeline with tokenize, pos, lemma and depparse (ner optional)."""

    name = "stanza"

    def __init__(self, pipeline: Any) -> None:
        if pipeline is None:
            raise BackendError(
                "backend='stanza' needs pipeline=stanza.Pipeline('de', ...): stanza's models "
                "are not shipped with quotes"
            )
        if not callable(pipeline):
            raise BackendError(f"pipeline must be a stanza.Pipeline, not {type(pipeline).__name__}")
        self.pipeline = pipeline

    def parse(self, text: str) -> ParsedDoc:
        from quotes.parse import from_stanza

        clean, offsets = _for_parser(text)
        parsed = from_stanza(self.pipeline(clean), clean)
        return parsed if offsets is None else join_parses(text, [(0, parsed)], offsets)

    def parse_texts(self, texts: Iterable[str]) -> Iterator[ParsedDoc]:
        """One text at a time: stanza batches the sentences of a text itself."""
        for text in texts:
            yield self.parse(text)


def make_backend(backend: str, *, nlp: Any = None, pipeline: Any = None) -> ParseBackend | None:
    """The parse backend for an Extractor's ``backend`` name (None for "rules")."""
    if backend == "rules":
        if nlp is not None or pipeline is not None:
            raise BackendError("backend='rules' takes neither nlp nor pipeline")
        return None
    if backend == "parse":
        if pipeline is not None:
            raise BackendError("backend='parse' takes nlp (a spaCy pipeline), not pipeline")
        return SpacyBackend(nlp)
    if backend == "stanza":
        if nlp is not None:
            raise BackendError("backend='stanza' takes pipeline (a stanza.Pipeline), not nlp")
        return StanzaBackend(pipeline)
    raise BackendError(f"unknown backend {backend!r}; choose one of rules, parse, stanza")


def _token_estimate(text: str, start: int = 0, end: int | None = None) -> int:
    """About how many tokens spaCy makes of ``text[start:end]``: its spaces and line breaks
    and its punctuation characters (each a token of its own), and one for the last word.
    Over-counts rather than under-counts (an abbreviation's full stop); C-speed counts."""
    end = len(text) if end is None else end
    if end <= start:
        return 0
    count = text.count(" ", start, end) + text.count("\n", start, end)
    for mark in _PUNCTUATION:
        count += text.count(mark, start, end)
    return count + 1


def _chunks(text: str, size: int, tokens: int | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` pieces of at most ``size`` characters and about ``tokens``
    estimated tokens (default :data:`_CHUNK_TOKENS`), cut after a line break where there
    is one, else after a space, else anywhere."""
    tokens = _CHUNK_TOKENS if tokens is None else tokens
    start = 0
    while len(text) - start > size or _token_estimate(text, start, start + size) > tokens:
        limit = start + size
        # Dense text (punctuation, short tokens): a shorter piece, in proportion.
        estimate = _token_estimate(text, start, limit)
        while estimate > tokens and limit - start > 1:
            limit = start + max(1, (limit - start) * tokens // estimate)
            estimate = _token_estimate(text, start, limit)
        if limit >= len(text):
            break
        cut = text.rfind("\n", start, limit)
        if cut <= start:
            cut = text.rfind(" ", start, limit)
        end = cut + 1 if cut > start else limit
        yield start, end
        start = end
    if start < len(text):
        yield start, len(text)


def window_pieces(
    text: str, window: tuple[int, int], ranges: Sequence[tuple[int, int]], size: int
) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """A parse window and the ranges in it to parse, as windows of at most ``size``
    characters each with its part of the ranges (the pieces without any left out).

    A window is longer than ``size`` only when one sentence is (a JSON line, a list of
    quoted titles, a run of marks: issue 9), and the parse of a window is held whole while
    its stages run (about 125 bytes per character of dense text), so such a sentence is
    parsed and analysed piece by piece. Pieces end after a whitespace character where there
    is one in their second half, else between two characters that are not both letters or
    digits (a token boundary of the parser's), else at ``size``. A window of at most
    ``size`` characters comes back as it is (news never gets further), one without ranges
    not at all.
    """
    lo, hi = window
    if hi - lo <= size or not ranges:
        return [(window, list(ranges))] if ranges else []
    out: list[tuple[tuple[int, int], list[tuple[int, int]]]] = []
    start = lo
    while start < hi:
        end = hi if hi - start <= size else _piece_end(text, start, start + size)
        inside = [(max(a, start), min(b, end)) for a, b in ranges if a < end and b > start]
        if inside:
            out.append(((start, end), inside))
        start = end
    return out


def _piece_end(text: str, start: int, limit: int) -> int:
    """Where a piece of ``text`` that starts at ``start`` ends, at most at ``limit``."""
    floor = start + (limit - start) // 2
    cut = max(text.rfind(" ", floor, limit), text.rfind("\n", floor, limit))
    if cut >= floor:
        return cut + 1
    at = limit
    # A bounded look back for a token boundary (a run of one mark has one at every char).
    while at > max(floor, limit - 1_000):
        if not (text[at - 1].isalnum() and text[at].isalnum()):
            return at
        at -= 1
    return limit


def join_parses(
    text: str, pieces: Sequence[tuple[int, ParsedDoc]], offsets: Sequence[int] | None = None
) -> ParsedDoc:
    """One parse of ``text`` from parses of its consecutive pieces (offset, parse).

    With ``offsets``, the pieces' offsets (plus each piece's offset) are positions in a
    text the parser saw, and ``offsets[i]`` is where position ``i`` lies in ``text``.
    """
    where = offsets if offsets is not None else range(len(text) + 1)
    starts: list[int] = []
    ends: list[int] = []
    columns: dict[str, list[Any]] = {
        name: [] for name in ("forms", "lemmas", "upos", "tags", "morphs", "deps", "deps_raw")
    }
    heads: list[int] = []
    sentence_starts: list[int] = []
    entities: list[Entity] = []
    multiwords: list[Multiword] = []
    for offset, piece in pieces:
        base = len(starts)
        for token in piece.tokens:
            starts.append(where[token.start + offset])
            ends.append(
                where[token.end - 1 + offset] + 1
                if token.end > token.start
                else where[token.end + offset]
            )
            heads.append(token.head + base)
            columns["forms"].append(token.form)
            columns["lemmas"].append(token.lemma)
            columns["upos"].append(token.upos)
            columns["tags"].append(token.tag)
            columns["morphs"].append(token.morph)
            columns["deps"].append(token.dep)
            columns["deps_raw"].append(token.dep_raw)
        sentence_starts.extend(sentence.start + base for sentence in piece.sentences)
        entities.extend(e._replace(start=e.start + base, end=e.end + base) for e in piece.entities)
        multiwords.extend(
            m._replace(start=m.start + base, end=m.end + base) for m in piece.multiwords
        )
    # Filler pieces (parse on demand) name no scheme or source: take the first real parse's.
    first = next((p for _, p in pieces if p.source), pieces[0][1] if pieces else None)
    return ParsedDoc.from_columns(
        text,
        starts=starts,
        ends=ends,
        heads=heads,
        sentence_starts=sentence_starts or (0,),
        entities=entities,
        multiwords=multiwords,
        scheme=first.scheme if first else None,
        source=first.source if first else "",
        has_parse=all(p.has_parse for _, p in pieces),
        has_tags=all(p.has_tags for _, p in pieces),
        has_morph=all(p.has_morph for _, p in pieces),
        has_lemmas=all(p.has_lemmas for _, p in pieces),
        has_entities=all(p.has_entities for _, p in pieces),
        **columns,
    )
