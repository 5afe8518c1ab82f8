"""Stage 3: cue words (verbs, nouns and prepositions of saying) from the cue lexicon.

STUB: being written.
"""

from __future__ import annotations

from typing import Literal

import attrs

from quotes.document import Document
from quotes.records import Span
from quotes.rules import RuleData

CueKind = Literal["verb", "noun", "preposition", "phrase"]


@attrs.frozen
class CueMatch:
    """A cue in the text: one or more parts ("fügte" … "hinzu") and its lexicon entry."""

    parts: tuple[Span, ...]
    lemma: str
    kind: CueKind
    medium: str | None = None


@attrs.frozen
class CueLexicon:
    rules: RuleData

    @classmethod
    def from_rules(cls, rules: RuleData) -> CueLexicon:
        return cls(rules)

    def find(self, doc: Document, start: int, end: int) -> tuple[CueMatch, ...]:
        return ()
