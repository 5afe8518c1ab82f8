"""One attribution engine: cue, speaker mention and frame of a quotation (issue 7).

* :mod:`.syntax`: the small syntax interface the patterns read (:class:`ParseSyntax`);
* :mod:`.candidate`: the records passed between steps (:class:`Candidate`,
  :class:`Finding`);
* :mod:`.valid`: the valid-speaker rule;
* :mod:`.patterns`: one module per pattern;
* :mod:`.checks`: a speaker found elsewhere (the surface stage's, a detector's) checked
  against the parse;
* :mod:`.mentions`: a found phrase as the frame's speaker and its resolver mention;
* :mod:`.engine`: :class:`Attributor`, which runs them.

Hook for new detectors: a detector that produces :class:`~quotes.pipeline.speakers.Frame`
records with a cue can have their speakers read by the same patterns by calling
:meth:`Attributor.direct`-style code with a :class:`Candidate`; a new pattern is one module
in :mod:`.patterns` plus one entry in :data:`~quotes.attribution.engine.VERB_PATTERNS`.
"""

from __future__ import annotations

from quotes.attribution.candidate import Candidate, Finding
from quotes.attribution.engine import VERB_PATTERNS, Attributor
from quotes.attribution.lexicon import AttributionRules
from quotes.attribution.syntax import ParseSyntax, Syntax

__all__ = [
    "VERB_PATTERNS",
    "AttributionRules",
    "Attributor",
    "Candidate",
    "Finding",
    "ParseSyntax",
    "Syntax",
]
