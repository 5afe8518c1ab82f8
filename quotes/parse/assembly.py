"""Parse on demand's pieces: which character ranges of a text go to the parser, and the one
parse of the whole text built from their parses and *filler* for the sentences left
unparsed (see :mod:`quotes.parse.demand` for which sentences those are).

Filler tokens are the rules tokenizer's tokens, every one its own root, with no tags, lemma
or morphology, so the detectors see them as what they are: sentences without speech.
Offsets map back exactly: each piece's offsets are moved by its start.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import chain, pairwise, repeat, starmap
from typing import TYPE_CHECKING

import regex

from quotes.parse.conversion import gc_paused
from quotes.parse.model import (
    EMPTY_MORPH,
    Entity,
    Layers,
    Multiword,
    ParsedDoc,
    ParsedToken,
    Sentence,
    checked_by_construction,
)

if TYPE_CHECKING:
    from quotes.document import Document

__all__ = ["assemble", "filler", "runs", "windows"]

_FILLER_TOKEN = regex.compile(r"\w+(?:[-'’.&]\w+)*+|[^\w\s]", regex.V1)
_new_tuple = tuple.__new__  # ParsedToken rows without a Python call each


def windows(doc: Document, size: int) -> list[tuple[int, int]]:
    """Sentence ranges ``(first, end)`` of about ``size`` characters each, in order.

    Long texts are analysed one window at a time so that only one window's parse is held
    at once; a window ends at a sentence end (a sentence longer than ``size`` is a window
    of its own). A text of at most ``size`` characters is one window.
    """
    sentences = doc.sentences
    if len(doc.text) <= size or not sentences:
        return [(0, len(sentences))]
    out: list[tuple[int, int]] = []
    first = 0
    for i in range(1, len(sentences)):
        if sentences[i].end - sentences[first].start > size:
            out.append((first, i))
            first = i
    out.append((first, len(sentences)))
    return out


def runs(
    doc: Document, parse: Sequence[bool], first: int = 0, end: int | None = None
) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """The character range of sentences ``first:end`` and the ranges of its runs of
    consecutive sentences to parse (``parse`` is indexed by sentence).

    The window starts at 0 when it holds the first sentence and ends at the end of the text
    when it holds the last, so a document whose every sentence is parsed is parsed as one
    piece, exactly as without parse on demand.
    """
    sentences = doc.sentences
    n = len(sentences) if end is None else end
    lo = 0 if first == 0 else sentences[first].start
    hi = len(doc.text) if n >= len(sentences) else sentences[n - 1].end
    out: list[tuple[int, int]] = []
    i = first
    while i < n:
        if not parse[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and parse[j + 1]:
            j += 1
        out.append(
            (lo if i == first else sentences[i].start, hi if j == n - 1 else sentences[j].end)
        )
        i = j + 1
    return (lo, hi), out


def assemble(
    doc: Document,
    window: tuple[int, int],
    ranges: Sequence[tuple[int, int]],
    parses: Sequence[ParsedDoc],
) -> ParsedDoc:
    """One parse of ``doc.text``: ``parses`` of the ``ranges`` (parsed pieces), filler for
    the rest of ``window``, nothing outside it. Offsets are exact: each piece's offsets are
    moved by its start.

    The same document as :func:`~quotes.backends.join_parses` of the pieces and their
    :func:`filler`, built in one pass: the tokens made column by column in C (a piece's
    columns moved by its offsets, filler's constant), with the collector paused (as
    :func:`~quotes.parse.from_spacy` does), and checked once."""
    text = doc.text
    lo, hi = window
    if len(ranges) == 1 and ranges[0] == (0, len(text)):
        return parses[0]
    # The starts of the window's sentences only: a long text has many windows.
    sentence_starts = [
        s.start for s in doc.sentences[doc.sentence_index(lo) : doc.sentence_index(hi) + 1]
    ]
    tokens: list[ParsedToken] = []
    firsts: list[int] = []  # the token index where each sentence starts
    entities: list[Entity] = []
    multiwords: list[Multiword] = []

    def gap(start: int, end: int) -> None:
        spans = [m.span() for m in _FILLER_TOKEN.finditer(text, start, end)]
        if not spans:
            return
        base, n = len(tokens), len(spans)
        starts, ends = zip(*spans, strict=True)
        forms = list(map(text.__getitem__, map(slice, starts, ends)))
        cuts = [0]  # where the gap's sentences start, in its tokens
        k = 0
        inside = sentence_starts[
            bisect_left(sentence_starts, start) : bisect_left(sentence_starts, end)
        ]
        for boundary in inside:
            while k < n and starts[k] < boundary:
                k += 1
            if 0 < k < n and k != cuts[-1]:
                cuts.append(k)
        sentence = len(firsts)
        firsts.extend(base + k for k in cuts)
        sents = chain.from_iterable(
            repeat(sentence + j, b - a) for j, (a, b) in enumerate(pairwise([*cuts, n]))
        )
        rows = zip(
            range(base, base + n), forms, starts, ends, forms, repeat(""), repeat("X"),
            repeat(""), repeat(EMPTY_MORPH), range(base, base + n), repeat(""), repeat(""),
            sents, repeat(False),
        )  # fmt: skip
        tokens.extend(map(_new_tuple, repeat(ParsedToken), rows))

    def parsed_piece(offset: int, parsed: ParsedDoc) -> None:
        if not parsed.tokens:
            return
        base, sentence = len(tokens), len(firsts)
        _i, te, st, en, fo, le, up, ta, mo, he, de, dr, se, mw = zip(*parsed.tokens, strict=True)
        rows = zip(
            range(base, base + len(te)), te, map(offset.__add__, st), map(offset.__add__, en),
            fo, le, up, ta, mo, map(base.__add__, he), de, dr, map(sentence.__add__, se), mw,
            strict=True,
        )  # fmt: skip
        tokens.extend(map(_new_tuple, repeat(ParsedToken), rows))
        firsts.extend(s.start + base for s in parsed.sentences)
        entities.extend(e._replace(start=e.start + base, end=e.end + base) for e in parsed.entities)
        multiwords.extend(
            m._replace(start=m.start + base, end=m.end + base) for m in parsed.multiwords
        )

    with gc_paused():  # tuples only, no cycles
        at = lo
        for (start, end), parsed in zip(ranges, parses, strict=True):
            if parsed.text != text[start:end]:
                # What the check below would have found in the joined tokens.
                raise ValueError(f"the parse of {start}:{end} is of another text")
            if start > at:
                gap(at, start)
            parsed_piece(start, parsed)
            at = end
        if hi > at:
            gap(at, hi)
        # Filler names no scheme or source: take the first real parse's.
        first = next((p for p in parses if p.source), None)
        if first is None and parses and ranges[0][0] <= lo:
            first = parses[0]
        layers = Layers.common(parses)
        # Not checked again: every piece was when it was built (its tokens in order, heads
        # inside its sentences, no cycles), and moving all of a piece's offsets by its start
        # and its indices by its first token keeps that; filler tokens are their own roots;
        # pieces and gaps follow each other in text order, and each sentence starts where
        # a piece's or a gap's does (tests/test_assemble.py checks the result). The check
        # was about a third of assemble's time, a document of every token of the window.
        with checked_by_construction():
            return ParsedDoc(
                text,
                tuple(tokens),
                tuple(starmap(Sentence, pairwise([*firsts, len(tokens)]))),
                tuple(entities),
                tuple(multiwords),
                scheme=first.scheme if first else None,
                source=first.source if first else "",
                has_parse=layers.parse,
                has_tags=layers.tags,
                has_morph=layers.morph,
                has_lemmas=layers.lemmas,
                has_entities=layers.entities,
            )


def filler(text: str, start: int, end: int, sentence_starts: Sequence[int] = ()) -> ParsedDoc:
    """Unparsed tokens for ``text[start:end]`` with offsets relative to ``start``: every token
    its own root, no tags, lemmas, morphology or entities; a sentence starts at each of
    ``sentence_starts`` (absolute character offsets).

    Its ``has_*`` flags are True so that joining it to real parses keeps theirs: filler
    stands for sentences whose layers were skipped on purpose, as ones without speech.
    """
    piece = text[start:end]
    matches = list(_FILLER_TOKEN.finditer(piece))
    starts = [m.start() for m in matches]
    ends = [m.end() for m in matches]
    firsts = []
    k = 0
    inside = sentence_starts[
        bisect_left(sentence_starts, start) : bisect_left(sentence_starts, end)
    ]
    for boundary in inside:
        while k < len(starts) and starts[k] + start < boundary:
            k += 1
        if 0 < k < len(starts):
            firsts.append(k)
    return ParsedDoc.from_columns(
        piece,
        starts=starts,
        ends=ends,
        upos=["X"] * len(starts),
        sentence_starts=[0, *firsts],
        has_parse=True,
        has_tags=True,
        has_morph=True,
        has_lemmas=True,
        has_entities=True,
    )
