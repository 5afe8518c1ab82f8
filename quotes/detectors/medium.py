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
_THOUGHT_OR_SPEECH = "ST"


@attrs.frozen
class MediumRules:
    """Nouns of writing, lower case, matched as the end of the speaker's last word; nouns
    of opinion, matched among its first words; the medium a person's words get."""

    writing_nouns: tuple[str, ...]
    thought_nouns: frozenset[str] = frozenset()
    person_medium_from: str = ""
    person_medium: str = ""

    @classmethod
    def from_rules(cls, rules: RuleData) -> MediumRules:
        section: Mapping[str, Any] = rules.get("quotations", {})
        values = section.get("writing_nouns", ())
        words = tuple(
            sorted({v.lower() for v in values if isinstance(v, str) and v}, key=len, reverse=True)
        )
        thought = frozenset(str(v).lower() for v in section.get("thought_nouns", ()))
        return cls(
            words,
            thought,
            str(section.get("person_medium_from", "")),
            str(section.get("person_medium", "")),
        )

    def thinks(self, frame: Frame) -> bool:
        """Whether the speaker mention opens with a noun of opinion ("Ansicht der …",
        "seiner Meinung nach": its first three words)."""
        speaker = frame.speaker
        if not self.thought_nouns or speaker is None or speaker.mention is None:
            return False
        words = speaker.mention.text.split()[:3]
        return any(w.strip("„“”\"'»«()").lower() in self.thought_nouns for w in words)

    def medium_of(self, frame: Frame) -> str | None:
        """The refined medium of ``frame`` (its own where no rule applies)."""
        if frame.medium in _KEEP:
            return frame.medium
        if self.writes(frame):
            return _WRITING
        if self.thinks(frame):
            return _THOUGHT_OR_SPEECH
        speaker = frame.speaker
        if (
            self.person_medium
            and frame.kind != "direct"
            and frame.medium == self.person_medium_from
            and speaker is not None
            and speaker.type == "person"
        ):
            return self.person_medium
        return frame.medium

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
    """``frames`` with the medium their speaker gives (see the module notes)."""
    out = []
    for f in frames:
        medium = rules.medium_of(f)
        out.append(attrs.evolve(f, medium=medium) if medium != f.medium else f)
    return tuple(out)
