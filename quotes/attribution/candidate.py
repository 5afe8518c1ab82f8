"""The records the attribution engine passes between its steps.

A :class:`Candidate` is one quotation as the earlier stages leave it, in token terms; a
pattern returns a :class:`Finding` (or None). Both are frozen: no pattern changes what it
was given.
"""

from __future__ import annotations

import attrs

from quotes.attribution.syntax import TokenRange
from quotes.records import Kind

__all__ = ["Candidate", "Finding"]


@attrs.frozen
class Candidate:
    """One quotation to attribute.

    ``quote`` are its tokens (with the marks), ``cue`` the tokens of the cue the earlier
    stage found (empty when none), ``sentence`` the tokens of the sentence the frame is in
    (the quote's own, or the one before for a colon intro), ``colon_intro`` whether the
    quote follows a colon.
    """

    kind: Kind
    quote: TokenRange
    cue: tuple[int, ...]
    sentence: TokenRange
    colon_intro: bool = False


@attrs.frozen
class Finding:
    """A speaker found for a candidate: ``speaker`` the tokens of its noun phrase, or None
    when the frame has a cue but no valid speaker; ``pattern`` names the module."""

    pattern: str
    speaker: TokenRange | None
    confidence: float
    #: The speaker stands in a slot other than the subject (an agent, a laut-phrase).
    oblique: bool = False
