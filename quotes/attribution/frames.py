"""The frame of a quotation as the German Wikinews corpus marks it: the words of the
sentence that introduce the quotation, never the quotation itself, with the comma that
joins them to it.

* A frame never holds its own quotation. Where the surface stage took the whole sentence
  around a partial quote ("Die Firma nannte sie „reine Spekulation“."), the frame keeps
  the side of the quotation that holds the cue ("Die Firma nannte sie").
* A frame after its quotation starts with the comma between them ("„…“, so Murtha"),
  and one before it ends with the comma ("Er sagte, …").

One pass over the frames; nothing else about a frame changes.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotes.pipeline.speakers import Frame
from quotes.records import Span

__all__ = ["settle_frames"]

#: What may stand between a frame and the comma that joins it to its quotation.
_SPACE = " \t\u00a0"


def settle_frames(text: str, frames: Sequence[Frame]) -> tuple[Frame, ...]:
    """``frames`` with each frame beside its quotation and with its joining comma."""
    return tuple(_settled(text, f) for f in frames)


def _settled(text: str, frame: Frame) -> Frame:
    span = frame.frame
    if span is None:
        return frame
    quote = frame.quote
    if span.start <= quote.start and quote.end <= span.end:
        span = _beside(text, frame, span)
    if span is not None:
        span = _with_comma(text, span, quote)
    if span == frame.frame:
        return frame
    return attrs.evolve(frame, frame=span)


def _beside(text: str, frame: Frame, span: Span) -> Span | None:
    """The part of ``span`` before or after the quotation: the part with the cue, else
    the longer one; None where neither has a word."""
    quote = frame.quote
    before = _trimmed(text, span.start, quote.start)
    after = _trimmed(text, quote.end, span.end)
    if frame.cue is not None and frame.cue.parts:
        cue = frame.cue.parts[0]
        if before is not None and before.start <= cue.start < before.end:
            return before
        if after is not None and after.start <= cue.start < after.end:
            return after
    sides = [s for s in (before, after) if s is not None]
    if not sides:
        return None
    return max(sides, key=lambda s: len(s.text.strip(".,;:!?– ")))


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """``start:end`` without whitespace and closing sentence marks at either end; None
    where nothing but punctuation is left."""
    while start < end and (text[start].isspace() or text[start] in ".;!?"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;!?"):
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return Span.of(text, start, end)


def _with_comma(text: str, span: Span, quote: Span) -> Span:
    """``span`` with the comma between it and its quotation: "„…“, so X" and "X sagte, „…“"."""
    start, end = span.start, span.end
    if quote.end <= start:
        k = start
        while k > quote.end and text[k - 1] in _SPACE:
            k -= 1
        if k > quote.end and text[k - 1] == ",":
            start = k - 1
    elif end <= quote.start:
        k = end
        while k < quote.start and text[k] in _SPACE:
            k += 1
        if k < quote.start and text[k] == ",":
            end = k + 1
    if (start, end) == (span.start, span.end):
        return span
    return Span.of(text, start, end)
