"""Parse-based detectors: indirect, reported and free indirect speech.

They read a :class:`~quotes.parse.ParsedDoc` (whatever parser made it) beside the
:class:`~quotes.document.Document` and the direct quotations the rules pipeline found, and
return :class:`~quotes.pipeline.speakers.Frame` records like the ones of direct quotes::

    from quotes.detectors import IndirectDetector
    detector = IndirectDetector.from_rules(rules, cues)       # once
    # per document: resolver is a MentionResolver, resolution = resolver.start(doc) or
    # what the stages before handed on (the speakers already resolved)
    frames, resolution = detector.detect(parsed, doc, direct_frames, resolver, resolution)

or, in one call, :func:`detect`. The data (Konjunktiv forms, source prepositions, reporting
nouns) is in ``rules/<lang>/indirect.toml``; the verbs are the one verb lexicon,
``rules/<lang>/cues.toml`` ``[[verb]]``.
"""

from __future__ import annotations

from quotes.detectors.indirect import IndirectDetector, detect
from quotes.detectors.konjunktiv import KonjunktivRules
from quotes.detectors.lexicon import DetectorRules, VerbEntry

__all__ = ["DetectorRules", "IndirectDetector", "KonjunktivRules", "VerbEntry", "detect"]
