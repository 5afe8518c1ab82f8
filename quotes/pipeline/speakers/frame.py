"""The frame of one quotation as the speaker stages leave it (before its outlet chain)."""

from __future__ import annotations

import re

import attrs

from quotes.pipeline.antecedents import opens_with_speaker
from quotes.pipeline.entities import Lexicon, Mention
from quotes.records import Attribution, Cue, Kind, Source, Span, Speaker

__all__ = ["Frame", "carries_across"]

# The end of a sentence inside the text between two quotations.
_SENTENCE_END = re.compile(r"[.!?…](?=\s)")
# Where the text between two quotations splits into sentences and lines.
_SENTENCES = re.compile(r"[.!?…](?=\s)|\n")


@attrs.frozen
class Frame:
    """What the pipeline knows about one quotation before its outlet chain is added.

    ``region_start:region_end`` is the stretch of text (frame plus quote) in which the
    outlet stage looks for the chain.
    """

    kind: Kind
    quote: Span
    content: Span
    speaker: Speaker | None
    cue: Cue | None
    frame: Span | None
    addressee: Span | None
    confidence: float
    region_start: int
    region_end: int
    medium: str | None = None
    #: The speaker's mention split into its parts, for the entity resolver: frames leave
    #: the speaker stages with ``speaker.name`` provisional (the mention as written) and
    #: the Extractor resolves all mentions at the end.
    mention: Mention | None = None
    # Set when a frame interrupts the quote (see Attribution.quote_parts).
    quote_parts: tuple[Span, ...] = ()

    def to_attribution(
        self, via: tuple[Source, ...], speaker: Speaker | None, medium: str | None
    ) -> Attribution:
        """The record of this frame with the outlet stage's chain, speaker and medium."""
        return Attribution(
            kind=self.kind,
            quote=self.quote,
            content=self.content,
            speaker=speaker,
            cue=self.cue,
            via=via,
            frame=self.frame,
            addressee=self.addressee,
            confidence=self.confidence,
            medium=medium,
            quote_parts=self.quote_parts,
        )


def carries_across(gap: str, lexicon: Lexicon) -> bool:
    """Whether a quotation without cue or speaker may take the speaker of the quotation
    before it across ``gap``, the text between them (from the end of that quotation, or of
    its speaker's mention after it). Not across a line break past a sentence that opens
    with someone else who may speak ("„…“, sagte Fahimi. Der Verband reagierte
    gelassen.\n\n„…“") or that introduces the quotation with a colon of its own ("Auf dem
    Plakat stand:"): a wrong speaker is worse than none. A new paragraph that opens with
    the speaker's next words carries them ("„…“, sagte Fahimi.\n\n„…“")."""
    newline = gap.find("\n")
    if newline < 0:
        return True
    end = _SENTENCE_END.search(gap)
    cut = min(newline, end.end()) if end is not None else newline
    for sentence in _SENTENCES.split(gap[cut:]):
        sentence = sentence.strip()
        if sentence and (sentence.endswith(":") or opens_with_speaker(lexicon, sentence)):
            return False
    return True
