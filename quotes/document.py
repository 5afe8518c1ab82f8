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

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

import attrs
import regex

from quotes.records import Span

if TYPE_CHECKING:
    from quotes.parse import ParsedDoc

__all__ = ["Document", "SentenceSplitter", "Token", "tokenize"]


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
_TOKEN = regex.compile(r"\w+(?:[-'’.&]\w+)*+|[^\w\s]", regex.V1)
# What a token of more than one character is made of.
_IN_WORD = regex.compile(r"[\w\-'’.&]", regex.V1)
#: In a sentence longer than this, :meth:`Document.tokens` tokenises stretches of
#: ``_MEMO_CHARS`` (about a thousand tokens) and slices what it is asked for out of them.
_LONG_SENTENCE = 1024
_MEMO_CHARS = 4096
#: How many short stretches :meth:`Document.tokens` keeps the tokens of.
_RECENT_STRETCHES = 16
_new_tuple = tuple.__new__
#: How far back :meth:`SentenceSplitter._is_false_boundary` reads for the word before a
#: dot in one slice (a longer word is read character by character).
_WORD_REACH = 64
_LINE_BREAK = regex.compile(r"[\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]")
#: The characters of :data:`_LINE_BREAK` (a set test per line is cheaper than a match).
_LINE_BREAK_CHARS = frozenset("\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Tokens of ``text[start:end]``, with offsets into ``text``."""
    stop = len(text) if end is None else end
    # tuple.__new__ with the fields is what Token(start, end, text) does, at half the cost.
    return tuple(
        [_new_tuple(Token, (*m.span(), m.group())) for m in _TOKEN.finditer(text, start, stop)]
    )


@attrs.frozen
class SentenceSplitter:
    """Splits a paragraph into sentences at ., ! or ? followed by a capital or a quote.

    Abbreviations ("Dr.", "z. B.") and ordinals before month names ("27. Februar") do not
    end a sentence. The lists come from ``rules/<lang>/document.toml``.
    """

    abbreviations: frozenset[str] = attrs.field(converter=frozenset)
    no_split_after_ordinal: frozenset[str] = attrs.field(converter=frozenset, factory=frozenset)
    _boundary: regex.Pattern[str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        # Sentence-final punctuation, then optional closing marks/brackets, then space,
        # then something that can start a sentence. Lookahead only: linear. The match
        # starts at the punctuation (a scan for it is fast; a lookbehind is tried at every
        # character) and the sentence ends after it.
        pattern = regex.compile(
            r"[.!?…](?:[\"'“”»«›‹’)\]]*+[ \t\u00a0]++(?=[\"„“»«‚›‹(\[]?[\p{Lu}\d])"
            # a closing mark glued to the next sentence: „Wir sind bereit.“Danach ging er.
            r"|[\"“”»«›‹]++(?=\p{Lu}\p{Ll}))",
            regex.V1,
        )
        object.__setattr__(self, "_boundary", pattern)

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Sentence offsets within ``text[start:end]``."""
        bounds: list[tuple[int, int]] = []
        sentence_start = start
        # Punctuation right before ``start`` ends a sentence there, as it always has.
        scan = start - 1 if start and text[start - 1] in ".!?…" else start
        for m in self._boundary.finditer(text, scan, end):
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
    paragraphs: tuple[Span, ...]
    _sentences: tuple[Span, ...] | None = attrs.field(
        default=None, alias="sentences", eq=False, repr=False
    )
    publisher: str | None = None
    _splitter: SentenceSplitter | None = attrs.field(
        default=None, alias="splitter", eq=False, repr=False
    )
    _sentence_starts: tuple[int, ...] | None = attrs.field(
        init=False, default=None, repr=False, eq=False
    )
    _paragraph_starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    # The tokens of the stretch read last (see :meth:`tokens`): start, end, the tokens,
    # their starts and ends. A memo only; never part of what the document is.
    _token_memo: tuple[int, int, tuple[Token, ...], list[int], list[int]] | None = attrs.field(
        init=False, default=None, repr=False, eq=False
    )
    # The tokens of the last few short stretches read (see :meth:`tokens`), also a memo.
    _recent_tokens: dict[tuple[int, int], tuple[Token, ...]] = attrs.field(
        init=False, factory=dict, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_paragraph_starts", tuple(p.start for p in self.paragraphs))

    @classmethod
    def build(cls, text: str, splitter: SentenceSplitter, publisher: str | None = None) -> Document:
        return cls(text, _paragraphs(text), publisher=publisher, splitter=splitter)

    @property
    def sentences(self) -> tuple[Span, ...]:
        if self._sentences is None:
            text = self.text
            if self._splitter is None:
                sentences = self.paragraphs
            else:
                # A sentence that is its whole paragraph is the paragraph's Span (one
                # string, not two: a text of short lines is mostly such sentences).
                sentences = tuple(
                    p if (s, e) == (p.start, p.end) else Span._slice(text, s, e)
                    for p in self.paragraphs
                    for s, e in self._splitter.split(text, *_strip(text, p.start, p.end))
                )
            object.__setattr__(self, "_sentences", sentences)
        return self._sentences  # type: ignore[return-value]

    # -- lookups ---------------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that contains ``offset``, or the last one before it."""
        if self._sentence_starts is None:
            object.__setattr__(self, "_sentence_starts", tuple(s.start for s in self.sentences))
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
                return tokenize(text, start, end)
            # The speaker stages read the same stretch again (the sentence around a quote,
            # without it): the last few stretches' tokens are kept.
            recent = self._recent_tokens
            key = (start, end)
            found = recent.get(key)
            if found is None:
                if len(recent) >= _RECENT_STRETCHES:
                    recent.clear()
                found = recent[key] = tokenize(text, start, end)
            return found
        if memo is None or not memo[0] <= start <= end <= memo[1]:
            # A stretch of a long sentence; the stages read forwards, with windows
            # reaching back a few hundred characters.
            first = max(0, start - _MEMO_CHARS // 4)
            stop = min(len(text), max(end, first + _MEMO_CHARS))
            tokens = tokenize(text, first, stop)
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
        m = _TOKEN.search(self.text, start, end)
        return None if m is None else m.start()

    def sentences_between(self, start: int, end: int) -> Iterable[Span]:
        """Sentences that overlap ``start:end``."""
        first = self.sentence_index(start)
        for sentence in self.sentences[first:]:
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


def _paragraphs(text: str) -> tuple[Span, ...]:
    """The lines of ``text`` that hold more than whitespace: the runs of characters other
    than :data:`_LINE_BREAK`, found by ``str.splitlines``, which breaks at exactly those
    characters (and at "\r\n"), in C."""
    paragraphs = []
    at = 0
    for line in text.splitlines(keepends=True):
        size = len(line)
        body = size - (2 if line.endswith("\r\n") else 1 if line[-1] in _LINE_BREAK_CHARS else 0)
        if body and not line[:body].isspace():
            paragraphs.append(Span._slice(text, at, at + body))
        at += size
    return tuple(paragraphs)


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
