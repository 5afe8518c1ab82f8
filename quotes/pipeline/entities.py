"""Stage 5: resolve speaker mentions to entities within one document.

STUB: being written.
"""

from __future__ import annotations

import attrs

from quotes.document import Document
from quotes.pipeline.outlets import OutletFinder
from quotes.records import Span, SpeakerType
from quotes.rules import RuleData


@attrs.frozen
class EntityResolver:
    doc: Document

    @classmethod
    def build(cls, doc: Document, rules: RuleData, outlets: OutletFinder) -> EntityResolver:
        return cls(doc)

    def resolve(self, mention: Span) -> tuple[str, SpeakerType]:
        return mention.text, "unknown"
