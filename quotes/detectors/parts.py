"""Interrupted quotations: a frame inside the quote splits it into parts.

"Ein Verdacht bestehe nach Angaben der Polizei nicht": the reported words are "Ein
Verdacht bestehe" and "nicht"; "nach Angaben der Polizei" is the frame that names the
source. The detectors give such a quotation one span from its first to its last word;
this step keeps that span as ``quote`` (users who read one span still get the whole
stretch) and adds the parts on either side of the frame as ``quote_parts``, as the
German Wikinews corpus annotates them.

Only indirect kinds are split: a direct quotation interrupted by its frame („…“, sagte
sie, „…“) is two quotations already, one per pair of marks, and reported speech is the
whole sentence, its cue inside ("Die Gewerkschaft lehnte den Plan ab": the corpus marks
the sentence, cue included). Constant work per frame.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotes.pipeline.speakers import Frame
from quotes.records import Span

__all__ = ["split_interrupted"]

# What is left off the ends of a part: space and the punctuation around an inserted frame
# ("Es gebe, so der Sprecher, keine Gefahr").
_TRIM = " \t\r\n\u00a0,;–—-"


# Kinds whose quote is never split around its cue (see above).
_WHOLE_KINDS = frozenset({"direct", "reported"})


def split_interrupted(text: str, frames: Sequence[Frame]) -> tuple[Frame, ...]:
    """``frames`` with ``quote_parts`` set where a frame lies strictly inside the quote."""
    return tuple(_split(text, frame) for frame in frames)


def _split(text: str, frame: Frame) -> Frame:
    if frame.kind in _WHOLE_KINDS or frame.quote_parts:
        return frame
    inner = _interruption(frame)
    if inner is None:
        return frame
    quote = frame.quote
    before = _trimmed(text, quote.start, inner[0])
    after = _trimmed(text, inner[1], quote.end)
    if before is None or after is None:
        return frame
    return attrs.evolve(frame, quote_parts=(before, after))


def _interruption(frame: Frame) -> tuple[int, int] | None:
    """The stretch of frame (or cue) that lies strictly inside the quote, if any."""
    quote = frame.quote
    spans: list[Span] = []
    if frame.frame is not None:
        spans.append(frame.frame)
    elif frame.cue is not None:
        spans.extend(frame.cue.parts)
    inside = [s for s in spans if quote.start < s.start and s.end < quote.end]
    if not inside or len(inside) != len(spans):
        return None  # no frame inside, or one that only partly is: leave it whole
    return min(s.start for s in inside), max(s.end for s in inside)


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return Span(start, end, text[start:end])
