"""Quotations inside direct quotations, with their own speaker.

„Die Ministerin sagte uns: ‚Das wird geprüft.‘ Mehr wissen wir nicht“: the outer speaker
quotes the minister, and the inner quote is the minister's words. The speakers stage
attributes top-level quotes only; here each quote nested in a direct quotation is given
to the same stage as if it stood alone, and kept when the speaker and the cue it finds lie
inside the enclosing quotation, that is, when the quoted speaker names the inner one. A
nested quote whose speaker is not named inside ("Wir lehnen diese ‚Reform‘ ab") stays a
part of its enclosing quote: its words are the outer speaker's, quoted.

The German Wikinews corpus annotates nested Direct quotations. Work: one pass of the
speakers stage over the nested quotes, which are few.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotes.attribution.resolve import resolve_speakers
from quotes.document import Document, SentenceSplitter
from quotes.pipeline.entities import MentionResolver, Resolution
from quotes.pipeline.quotations import Quoted
from quotes.pipeline.speakers import Frame, SpeakerFinder
from quotes.records import Cue, Span

__all__ = ["nested_direct"]

# Typewriter single marks inside a quote mark terms and metaphors ("sich als 'Wolf im
# Schafspelz' zu verkaufen") far more often than somebody's quoted words.
_NOT_NESTED_FAMILIES = frozenset({"straight_single"})


def nested_direct(
    doc: Document,
    classified: Sequence[Quoted],
    frames: Sequence[Frame],
    speakers: SpeakerFinder,
    splitter: SentenceSplitter,
    resolver: MentionResolver,
    resolution: Resolution,
) -> tuple[tuple[Frame, ...], Resolution]:
    """Direct frames for speech quotes nested in a direct quotation that names their
    speaker inside it, and the resolution after their speakers."""
    inner = [
        q
        for q in classified
        if q.parent is not None
        and q.category == "speech"
        and q.family not in _NOT_NESTED_FAMILIES
        # Not an opener never closed, nor a closer whose opener was lost: no quote.
        and q.close_mark is not None
        and q.open_mark is not None
    ]
    if not inner:
        # No index of the frames (a key and an entry each: issue 9 §2, a text of many
        # quotations none of which holds another).
        return (), resolution
    enclosing = {(f.quote.start, f.quote.end): f for f in frames if f.kind == "direct"}
    if not enclosing:
        return (), resolution
    nested: list[Quoted] = []
    parents: list[Frame] = []
    for q in inner:
        parent_quote = classified[q.parent].quote
        parent = enclosing.get((parent_quote.start, parent_quote.end))
        if parent is None or (q.quote.start, q.quote.end) in enclosing:
            continue
        nested.append(attrs.evolve(q, parent=None, depth=0))
        parents.append(parent)
    if not nested:
        return (), resolution
    # The speakers stage reads a view of the text in which everything outside the
    # enclosing quotes' content is blanked (same length, line breaks kept, so offsets and
    # paragraphs hold): "Die Ministerin sagte uns:" is then the intro it is inside the
    # quote, and no frame outside it can be taken for the inner quote's.
    text = doc.text
    masked = ["\n" if c == "\n" else " " for c in text]
    for content in {(p.content.start, p.content.end) for p in parents}:
        masked[content[0] : content[1]] = text[content[0] : content[1]]
    view = Document.build("".join(masked), splitter, doc.publisher)
    found, _ = speakers.find(view, tuple(nested))
    # Mentions lie inside the enclosing quotes, where the view is the text itself.
    found, resolution = resolve_speakers(found, resolver, resolution)
    by_span = {(f.quote.start, f.quote.end): f for f in found}
    out: list[Frame] = []
    for q, parent in zip(nested, parents, strict=True):
        frame = by_span.get((q.quote.start, q.quote.end))
        if frame is None or not _named_inside(frame, parent.content):
            continue
        out.append(_in_text(text, frame, min(frame.confidence, parent.confidence)))
    return tuple(out), resolution


def _span(text: str, span: Span | None) -> Span | None:
    return None if span is None else Span(span.start, span.end, text[span.start : span.end])


def _in_text(text: str, frame: Frame, confidence: float) -> Frame:
    """``frame`` with every span read from the original text (not the masked view)."""
    speaker = frame.speaker
    if speaker is not None and speaker.mention is not None:
        speaker = attrs.evolve(speaker, mention=_span(text, speaker.mention))
    cue = frame.cue
    if cue is not None:
        cue = Cue(tuple(Span(p.start, p.end, text[p.start : p.end]) for p in cue.parts))
    quote = _span(text, frame.quote)
    content = _span(text, frame.content)
    assert quote is not None and content is not None
    return attrs.evolve(
        frame,
        quote=quote,
        content=content,
        speaker=speaker,
        cue=cue,
        frame=_span(text, frame.frame),
        addressee=_span(text, frame.addressee),
        confidence=confidence,
    )


def _named_inside(frame: Frame, content: Span) -> bool:
    """Whether the frame's speaker mention and cue lie inside the enclosing quote."""
    speaker = frame.speaker
    if speaker is None or speaker.mention is None or frame.cue is None:
        return False
    if not content.contains(speaker.mention):
        return False
    return all(content.contains(part) for part in frame.cue.parts)
