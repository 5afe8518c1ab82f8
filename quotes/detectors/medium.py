"""The medium of a quotation from who speaks: reports and papers write.

The cue gives most quotations their medium ("sagte" Speech, "schrieb" Writing); source
prepositions ("laut", "nach", "zufolge") and cue-less continuations give none that
fits, and the detectors fall back to "SW" or "Speech". The speaker settles many of
them: "laut einem Bericht der Zeitung", "dem Gutachten zufolge" quote something
written. A frame whose speaker mention ends in a noun of writing (``writing_nouns`` in
``rules/<lang>/quotations.toml``: "Bericht", "Studie", compounds such as
"Zeitungsbericht" included), gets the medium "Writing" unless its cue already said
Writing or Thought. Constant work per frame.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from quotes.pipeline.speakers import Frame
from quotes.rules import RuleData

__all__ = ["MediumRules", "refine_medium"]

# Media the speaker does not override: the cue said so already, or it is not speech.
_KEEP = frozenset({"Writing", "Thought", "ST", "TW", "SWT"})
_WRITING = "Writing"


@attrs.frozen
class MediumRules:
    """Nouns of writing, lower case, matched as the end of the speaker's last word."""

    writing_nouns: tuple[str, ...]

    @classmethod
    def from_rules(cls, rules: RuleData) -> MediumRules:
        section: Mapping[str, Any] = rules.get("quotations", {})
        values = section.get("writing_nouns", ())
        words = tuple(
            sorted({v.lower() for v in values if isinstance(v, str) and v}, key=len, reverse=True)
        )
        return cls(words)

    def writes(self, frame: Frame) -> bool:
        speaker = frame.speaker
        if speaker is None:
            return False
        if speaker.mention is None or not self.writing_nouns:
            return False
        words = speaker.mention.text.split()
        if not words:
            return False
        head = words[-1].strip("„“”\"'»«()").lower()
        return head.endswith(self.writing_nouns)


def refine_medium(frames: Sequence[Frame], rules: MediumRules) -> tuple[Frame, ...]:
    """``frames`` with the medium "Writing" where the speaker is something written."""
    return tuple(
        attrs.evolve(f, medium=_WRITING) if f.medium not in _KEEP and rules.writes(f) else f
        for f in frames
    )
