"""Stage 4: the frame of each speech quotation: cue, speaker mention, addressee.

STUB: being written.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotes.document import Document
from quotes.pipeline.cues import CueLexicon
from quotes.pipeline.entities import EntityResolver
from quotes.pipeline.outlets import OutletFinder, OutletMention
from quotes.pipeline.quotations import Quoted
from quotes.records import Attribution, Cue, Kind, Source, Span, Speaker
from quotes.rules import RuleData


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

    def to_attribution(self, via: tuple[Source, ...]) -> Attribution:
        return Attribution(
            kind=self.kind,
            quote=self.quote,
            content=self.content,
            speaker=self.speaker,
            cue=self.cue,
            via=via,
            frame=self.frame,
            addressee=self.addressee,
            confidence=self.confidence,
            medium=self.medium,
        )


@attrs.frozen
class SpeakerFinder:
    rules: RuleData
    cues: CueLexicon
    outlets: OutletFinder

    @classmethod
    def from_rules(cls, rules: RuleData, cues: CueLexicon, outlets: OutletFinder) -> SpeakerFinder:
        return cls(rules, cues, outlets)

    def find(
        self,
        doc: Document,
        quoted: tuple[Quoted, ...],
        outlet_mentions: Sequence[OutletMention],
        resolver: EntityResolver,
    ) -> tuple[tuple[Frame, ...], tuple[Quoted, ...]]:
        """Frames for the speech quotations, and the quoted spans with final categories."""
        frames = tuple(
            Frame(
                "direct",
                q.quote,
                q.content,
                None,
                None,
                None,
                None,
                0.5,
                q.quote.start,
                q.quote.end,
            )
            for q in quoted
            if q.category == "speech"
        )
        return frames, quoted
