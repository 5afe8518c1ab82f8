"""The immutable document model every pipeline stage reads.

A :class:`Document` holds the original text untouched, with its paragraphs (lines) and
sentences as spans. Tokens are produced on demand for a stretch of text: the rules path
only ever looks at the neighbourhood of quotation marks and cue words, and tokenising a
whole ten-megabyte archive file just to look at a few hundred places would dominate
the cost.

Everything here runs in time linear in the length of the text: paragraphs and sentences
come from single regex passes, and lookups are binary searches.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, overload

import attrs
import regex

from quotes.mirrored import Mirrored, in_bmp
from quotes.records import Span

if TYPE_CHECKING:
    from quotes.parse import ParsedDoc

__all__ = ["Document", "SentenceSplitter", "Spans", "Token", "tokenize"]


class Token(NamedTuple):
    """A word or punctuation mark, with offsets into the document text."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_title(self) -> bool:
        """Starts with an upper-case letter (German nouns and names)."""
        return self.text[:1].isupper()


# Words keep inner hyphens, apostrophes and dots ("US-Außenministerium", "geht's",
# "n-tv.de"); every other non-space character is a token of its own. Possessive
# bounded repetition keeps this linear on any input.
_TOKEN = Mirrored(r"\w+(?:[-'’.&]\w+)*+|[^\w\s]")
# What a token of more than one character is made of.
_IN_WORD = regex.compile(r"[\w\-'’.&]", regex.V1)
#: In a sentence longer than this, :meth:`Document.tokens` tokenises stretches of
#: ``_MEMO_CHARS`` (about a thousand tokens) and slices what it is asked for out of them.
_LONG_SENTENCE = 1024
_MEMO_CHARS = 4096
#: How many short stretches :meth:`Document.tokens` keeps the tokens of.
_RECENT_STRETCHES = 16
_new_tuple = tuple.__new__
_new_object = object.__new__
#: Spans of :class:`Spans` up to this long are made each time they are read; longer ones
#: once (their text is a copy worth keeping).
_MADE_CHARS = 64
_set_attribute = object.__setattr__  # how the frozen Span is built without its checks
#: How far back :meth:`SentenceSplitter._is_false_boundary` reads for the word before a
#: dot in one slice (a longer word is read character by character).
_WORD_REACH = 64
# Sentence-final punctuation, then optional closing marks/brackets, then space, then
# something that can start a sentence. Lookahead only: linear. The match starts at the
# punctuation (a scan for it is fast; a lookbehind is tried at every character) and the
# sentence ends after it.
_BOUNDARY = Mirrored(
    r"[.!?…](?:[\"'“”»«›‹’)\]]*+[ \t\u00a0]++(?=[\"„“»«‚›‹(\[]?[\p{Lu}\d])"
    # a closing mark glued to the next sentence: „Wir sind bereit.“Danach ging er.
    r"|[\"“”»«›‹]++(?=\p{Lu}\p{Ll}))"
)
_LINE_BREAK = regex.compile(r"[\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]")
#: The characters of :data:`_LINE_BREAK` (a set test per line is cheaper than a match).
_LINE_BREAK_CHARS = frozenset("\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")


def tokenize(
    text: str, start: int = 0, end: int | None = None, *, bmp: bool | None = None
) -> tuple[Token, ...]:
    """Tokens of ``text[start:end]``, with offsets into ``text``; ``bmp``: whether
    ``text`` is all BMP (:func:`quotes.mirrored.in_bmp`), found out here when not given."""
    stop = len(text) if end is None else end
    if bmp is None:
        bmp = in_bmp(text, start, stop)
    # tuple.__new__ with the fields is what Token(start, end, text) does, at half the cost.
    return tuple(
        [
            _new_tuple(Token, (*m.span(), m.group()))
            for m in _TOKEN.on(bmp, start, stop).finditer(text, start, stop)
        ]
    )


class Spans(Sequence[Span]):
    """Spans of one text kept as their offsets (two arrays of ints); each Span is made
    when it is read, and equal to the one a tuple would hold.

    A document's paragraphs and sentences: a text of short lines holds one of each per
    line, and a kept Span with its start int is 80 bytes and a slice of the text, against
    16 bytes here (issue 9 §2: a text of dateline lines is mostly what it holds per line).
    Compares equal to the tuple of the same Spans.
    """

    __slots__ = ("_long", "_text", "ends", "starts")

    def __init__(self, text: str, starts: array[int], ends: array[int]) -> None:
        self._text = text
        self.starts = starts
        self.ends = ends
        # The Spans longer than _MADE_CHARS, made once when first read: a long sentence
        # is read once per quotation in it, and slicing its text each time made a text
        # of one long sentence quadratic (issue 9: "titles in one sentence").
        self._long: dict[int, Span] = {}

    @classmethod
    def of(cls, text: str, bounds: Iterable[tuple[int, int]]) -> Spans:
        """The spans ``text[start:end]`` of ``bounds`` (ordered offsets within ``text``)."""
        starts: array[int] = array("q")
        ends: array[int] = array("q")
        for start, end in bounds:
            starts.append(start)
            ends.append(end)
        return cls(text, starts, ends)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Span: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Span, ...]: ...
    def __getitem__(self, index: int | slice) -> Span | tuple[Span, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self.starts))))
        start, end = self.starts[index], self.ends[index]
        if end - start <= _MADE_CHARS:
            return _span(self._text, start, end)
        key = index if index >= 0 else index + len(self.starts)
        found = self._long.get(key)
        if found is None:
            found = self._long[key] = _span(self._text, start, end)
        return found

    def __iter__(self) -> Iterator[Span]:
        for index in range(len(self.starts)):
            yield self[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Spans):
            return (self.starts, self.ends, self._text) == (other.starts, other.ends, other._text)
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Spans, (self._text, self.starts, self.ends))


def _span(text: str, start: int, end: int) -> Span:
    """``Span(start, end, text[start:end])`` without the checks and without interning the
    text: a Span read from :class:`Spans` is dropped soon, and interning its text each
    time would churn the interpreter's table of interned strings (which then grows: about
    a megabyte on a text of short lines read line by line)."""
    span = _new_object(Span)
    _set_attribute(span, "start", start)
    _set_attribute(span, "text", text[start:end])
    return span


def _starts(spans: Sequence[Span]) -> Sequence[int]:
    """The starts of ``spans``, for bisection."""
    if isinstance(spans, Spans):
        return spans.starts
    return tuple(s.start for s in spans)


@attrs.frozen
class SentenceSplitter:
    """Splits a paragraph into sentences at ., ! or ? followed by a capital or a quote.

    Abbreviations ("Dr.", "z. B.") and ordinals before month names ("27. Februar") do not
    end a sentence. The lists come from ``rules/<lang>/document.toml``.
    """

    abbreviations: frozenset[str] = attrs.field(converter=frozenset)
    no_split_after_ordinal: frozenset[str] = attrs.field(converter=frozenset, factory=frozenset)

    def split(
        self, text: str, start: int, end: int, *, bmp: bool | None = None
    ) -> list[tuple[int, int]]:
        """Sentence offsets within ``text[start:end]``; ``bmp``: whether ``text`` is all
        BMP (:func:`quotes.mirrored.in_bmp`), found out here when not given."""
        bounds: list[tuple[int, int]] = []
        sentence_start = start
        # Punctuation right before ``start`` ends a sentence there, as it always has.
        scan = start - 1 if start and text[start - 1] in ".!?…" else start
        if bmp is None:
            bmp = in_bmp(text, scan, end)
        for m in _BOUNDARY.on(bmp, scan, end).finditer(text, scan, end):
            cut = m.start() + 1  # after the punctuation
            if self._is_false_boundary(text, sentence_start, cut, m.end()):
                continue
            bounds.append((sentence_start, cut))
            sentence_start = m.end()
        bounds.append((sentence_start, end))
        return [(s, e) for s, e in bounds if e > s]

    def _is_false_boundary(self, text: str, sentence_start: int, cut: int, next_start: int) -> bool:
        # Look at the word that carries the final dot: what follows the last white space
        # (str.isspace) of the sentence so far, read off a short stretch before the cut.
        low = max(sentence_start, cut - _WORD_REACH)
        tail = text[low:cut].rsplit(maxsplit=1)
        if len(tail) == 2 or low == sentence_start or text[low].isspace():
            word = tail[-1] if tail else ""
        else:  # a word longer than the stretch
            j = low
            while j > sentence_start and not text[j - 1].isspace():
                j -= 1
            word = text[j:cut]
        if not word.endswith("."):
            return False
        if word in self.abbreviations or word.lower() in self.abbreviations:
            return True
        if len(word) == 2 and word[0].isalpha():  # initials: "J. R. Smith"
            return True
        if word[:-1].isdigit():
            following = text[next_start : next_start + 20].split(" ", 1)[0].strip(".,;:")
            return following in self.no_split_after_ordinal
        return False


@attrs.frozen
class Document:
    """The original text with its paragraphs and sentences. Never modifies the text.

    Sentences are split on first use: a document with no quotation mark never needs them.
    """

    text: str
    #: A tuple of Spans, or (from :meth:`build`) the same as :class:`Spans`.
    paragraphs: Sequence[Span]
    _sentences: Sequence[Span] | None = attrs.field(
        default=None, alias="sentences", eq=False, repr=False
    )
    publisher: str | None = None
    _splitter: SentenceSplitter | None = attrs.field(
        default=None, alias="splitter", eq=False, repr=False
    )
    _sentence_starts: Sequence[int] | None = attrs.field(
        init=False, default=None, repr=False, eq=False
    )
    _paragraph_starts: Sequence[int] = attrs.field(init=False, repr=False, eq=False)
    # The tokens of the stretch read last (see :meth:`tokens`): start, end, the tokens,
    # their starts and ends. A memo only; never part of what the document is.
    _token_memo: tuple[int, int, tuple[Token, ...], list[int], list[int]] | None = attrs.field(
        init=False, default=None, repr=False, eq=False
    )
    # The tokens of the last few short stretches read (see :meth:`tokens`), also a memo.
    _recent_tokens: dict[tuple[int, int], tuple[Token, ...]] = attrs.field(
        init=False, factory=dict, repr=False, eq=False
    )
    # Whether the text is all BMP (see :attr:`in_bmp`), once known. A memo too.
    _in_bmp: bool | None = attrs.field(init=False, default=None, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_paragraph_starts", _starts(self.paragraphs))

    @classmethod
    def build(cls, text: str, splitter: SentenceSplitter, publisher: str | None = None) -> Document:
        return cls(text, _paragraphs(text), publisher=publisher, splitter=splitter)

    @property
    def sentences(self) -> Sequence[Span]:
        """The sentences, in text order: a tuple of Spans, or the same as :class:`Spans`."""
        if self._sentences is None:
            text = self.text
            paragraphs = self.paragraphs
            sentences: Sequence[Span]
            if self._splitter is None:
                sentences = paragraphs
            else:
                split = self._splitter.split
                bmp = self.in_bmp
                sentences = Spans.of(
                    text,
                    (
                        b
                        for s, e in self.paragraph_bounds()
                        for b in split(text, *_strip(text, s, e), bmp=bmp)
                    ),
                )
                if sentences == paragraphs and isinstance(paragraphs, Spans):
                    sentences = paragraphs  # a text of one-sentence lines: one copy
                elif not isinstance(paragraphs, Spans):
                    sentences = tuple(sentences)  # as the hand-made paragraphs are
            object.__setattr__(self, "_sentences", sentences)
        return self._sentences  # type: ignore[return-value]

    @property
    def in_bmp(self) -> bool:
        """Whether every character of the text is in the Basic Multilingual Plane: the
        scans of :mod:`quotes.mirrored` then run in the stdlib engine."""
        if self._in_bmp is None:
            object.__setattr__(self, "_in_bmp", in_bmp(self.text))
        return self._in_bmp  # type: ignore[return-value]

    def paragraph_bounds(self) -> Iterable[tuple[int, int]]:
        """``(p.start, p.end)`` for each paragraph ``p``, without making its Span."""
        paragraphs = self.paragraphs
        if isinstance(paragraphs, Spans):
            return zip(paragraphs.starts, paragraphs.ends, strict=True)
        return ((p.start, p.end) for p in paragraphs)

    # -- lookups ---------------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that contains ``offset``, or the last one before it."""
        if self._sentence_starts is None:
            object.__setattr__(self, "_sentence_starts", _starts(self.sentences))
        return max(bisect_right(self._sentence_starts, offset) - 1, 0)

    def paragraph_index(self, offset: int) -> int:
        return max(bisect_right(self._paragraph_starts, offset) - 1, 0)

    def sentence_at(self, offset: int) -> Span | None:
        if not self.sentences:
            return None
        return self.sentences[self.sentence_index(offset)]

    def paragraph_at(self, offset: int) -> Span | None:
        if not self.paragraphs:
            return None
        return self.paragraphs[self.paragraph_index(offset)]

    def tokens(self, start: int, end: int) -> tuple[Token, ...]:
        """``tokenize(text, start, end)``.

        The stages ask for several overlapping stretches of the sentence around each
        quote; in a sentence of thousands of quoted items that is ±400 characters for each
        item. So in a sentence longer than ``_LONG_SENTENCE``, a stretch of
        ``_MEMO_CHARS`` is tokenised once and the tokens of the stretches inside it are
        sliced out of it. That gives the same tokens whenever neither edge of the stretch
        asked for cuts a token, that is, unless the characters on both sides of an edge
        can be inside a word (:data:`_IN_WORD`): otherwise the tokenisation restarted at
        the edge is the one running past it, and the one stopped at it the one that goes
        on.
        """
        text = self.text
        sentences = self._sentences
        memo = self._token_memo
        if (
            sentences is None
            or not 0 <= start < end <= len(text)
            or end - start > _MEMO_CHARS
            or (
                (memo is None or not memo[0] <= start <= end <= memo[1])
                # A short sentence: cheaper than a memo.
                and len(sentences[self.sentence_index(start)]) <= _LONG_SENTENCE
            )
            or not (_clean_edge(text, start) and _clean_edge(text, end))
        ):
            if not 0 <= end - start <= _MEMO_CHARS:
                return tokenize(text, start, end, bmp=self.in_bmp)
            # The speaker stages read the same stretch again (the sentence around a quote,
            # without it): the last few stretches' tokens are kept.
            recent = self._recent_tokens
            key = (start, end)
            found = recent.get(key)
            if found is None:
                if len(recent) >= _RECENT_STRETCHES:
                    recent.clear()
                found = recent[key] = tokenize(text, start, end, bmp=self.in_bmp)
            return found
        if memo is None or not memo[0] <= start <= end <= memo[1]:
            # A stretch of a long sentence; the stages read forwards, with windows
            # reaching back a few hundred characters.
            first = max(0, start - _MEMO_CHARS // 4)
            stop = min(len(text), max(end, first + _MEMO_CHARS))
            tokens = tokenize(text, first, stop, bmp=self.in_bmp)
            memo = (first, stop, tokens, [t.start for t in tokens], [t.end for t in tokens])
            object.__setattr__(self, "_token_memo", memo)
        _, _, tokens, starts, ends = memo
        return tokens[bisect_left(starts, start) : bisect_right(ends, end)]

    def tokens_outside(
        self, start: int, end: int, hole_start: int, hole_end: int
    ) -> tuple[Token, ...]:
        """The tokens of ``start:end`` that do not overlap ``hole_start:hole_end``, as
        ``tokens(start, end)`` gives them, without tokenising the hole: a quotation of a
        megabyte inside the stretch costs nothing here."""
        text = self.text
        if not start <= hole_start < hole_end <= end or any(
            0 < edge < len(text) and _IN_WORD.match(text, edge - 1) and _IN_WORD.match(text, edge)
            for edge in (hole_start, hole_end)
        ):
            # A token may run across an edge of the hole (word characters on both sides of
            # it): tokenise it all.
            return tuple(
                t for t in self.tokens(start, end) if t.end <= hole_start or t.start >= hole_end
            )
        return self.tokens(start, hole_start) + self.tokens(hole_end, end)

    def first_token_start(self, start: int, end: int) -> int | None:
        """Where the first of ``tokens(start, end)`` starts (None if there is none)."""
        m = _TOKEN.on(self.in_bmp, start, end).search(self.text, start, end)
        return None if m is None else m.start()

    def sentences_between(self, start: int, end: int) -> Iterable[Span]:
        """Sentences that overlap ``start:end``."""
        sentences = self.sentences
        for k in range(self.sentence_index(start), len(sentences)):
            sentence = sentences[k]
            if sentence.start >= end:
                break
            if sentence.end > start:
                yield sentence


def window_sentences(doc: Document, parsed: ParsedDoc) -> list[Span]:
    """The sentences of ``doc`` that overlap ``parsed`` (a parse of one window of a long
    text): the stages of a window map only these, not every sentence of the text."""
    if not len(parsed):
        return []
    return list(doc.sentences_between(parsed[0].start, parsed[len(parsed) - 1].end))


def _paragraphs(text: str) -> Spans:
    """The lines of ``text`` that hold more than whitespace: the runs of characters other
    than :data:`_LINE_BREAK`, found by ``str.splitlines``, which breaks at exactly those
    characters (and at "\r\n"), in C."""
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    at = 0
    for line in text.splitlines(keepends=True):
        size = len(line)
        body = size - (2 if line.endswith("\r\n") else 1 if line[-1] in _LINE_BREAK_CHARS else 0)
        if body and not line[:body].isspace():
            starts.append(at)
            ends.append(at + body)
        at += size
    return Spans(text, starts, ends)


def _clean_edge(text: str, offset: int) -> bool:
    """Whether no token of ``text`` can run across ``offset``."""
    return not (
        0 < offset < len(text) and _IN_WORD.match(text, offset - 1) and _IN_WORD.match(text, offset)
    )


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
