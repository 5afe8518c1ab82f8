"""The check of parse-based quotations against the direct ones (quotes.pipeline.agreement):
through the index by extent it refuses and accepts exactly what the check against every
direct quotation does, in linear time on a long document's tens of thousands."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.pipeline.agreement import DirectIndex, agrees_with_direct
from quotes.pipeline.speakers import Frame
from quotes.records import Cue, Span

TEXT = "x" * 400


def _span(start: int, length: int) -> Span:
    start = min(start, len(TEXT))
    return Span.of(TEXT, start, min(start + length, len(TEXT)))


@st.composite
def frames(draw: st.DrawFn) -> Frame:
    quote = _span(draw(st.integers(0, 400)), draw(st.integers(0, 120)))
    cue = None
    if draw(st.booleans()):
        at = draw(st.integers(0, 400))
        parts = []
        for _ in range(draw(st.integers(1, 3))):
            parts.append(_span(at, draw(st.integers(0, 12))))
            at = parts[-1].end + draw(st.integers(0, 30))
        cue = Cue(tuple(parts))
    return Frame("direct", quote, quote, None, cue, None, None, 0.9, quote.start, quote.end)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(frames(), max_size=30), st.lists(frames(), min_size=1, max_size=5))
def test_the_index_decides_as_the_full_check(direct: list[Frame], found: list[Frame]) -> None:
    index = DirectIndex(direct)
    for frame in found:
        assert agrees_with_direct(frame, index) == agrees_with_direct(frame, direct)


def test_the_index_reads_only_the_frames_near_the_quotation() -> None:
    text = "„Ja“, sagte er. " * 50_000
    direct = []
    for k in range(50_000):
        quote = Span.of(text, 16 * k, 16 * k + 4)
        cue = Cue((Span.of(text, 16 * k + 6, 16 * k + 11),))
        direct.append(
            Frame("direct", quote, quote, None, cue, None, None, 0.9, quote.start, quote.end)
        )
    index = DirectIndex(direct)
    began = time.process_time()
    for k in range(0, 50_000, 10):
        quote = Span.of(text, 16 * k + 12, 16 * k + 15)  # "er." between two quotations
        probe = Frame("indirect", quote, quote, None, None, None, None, 0.5, 0, 0)
        assert agrees_with_direct(probe, index)
    # 5,000 checks among 50,000 quotations: against every one that is 250 M comparisons
    # (minutes); through the index a few each.
    assert time.process_time() - began < 5
