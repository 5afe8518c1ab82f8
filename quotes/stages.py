"""The compiled stages of the pipeline: the one place where the rules are compiled.

Every stage compiles its part of the rules into frozen lexicons and patterns once per rule
set: :func:`compiled_stages` builds them all and keeps them with the rules
(:meth:`quotes.rules.Rules.compiled`), so two Extractors over the same rules share one set,
and no stage keeps a cache of its own keyed by object identity. The stage functions that
take the rules themselves (``find_marks``, ``find_quotations``, ``detect``) compile through
the same :meth:`~quotes.rules.Rules.compiled`.
"""

from __future__ import annotations

import attrs

from quotes.attribution import Attributor
from quotes.detectors import IndirectDetector
from quotes.detectors.medium import MediumRules
from quotes.document import SentenceSplitter
from quotes.parse.demand import ParseTriggers
from quotes.pipeline.cues import CueLexicon
from quotes.pipeline.entities import MentionResolver
from quotes.pipeline.outlets import OutletFinder
from quotes.pipeline.speakers import SpeakerFinder
from quotes.rules import RuleData, compiled

__all__ = ["Stages", "compiled_stages"]


@attrs.frozen
class Stages:
    """The compiled stages, in the order the Extractor runs them."""

    splitter: SentenceSplitter
    cues: CueLexicon
    speakers: SpeakerFinder
    #: The detectors of indirect speech are compiled even for the rules backend: a spaCy
    #: component may hand any Extractor a parse (``analyze(parsed=...)``).
    indirect: IndirectDetector
    attributor: Attributor
    mentions: MentionResolver
    medium: MediumRules
    outlets: OutletFinder
    #: Parse on demand: which sentences the parse backend parses (``parse.toml``).
    triggers: ParseTriggers

    @classmethod
    def from_rules(cls, rules: RuleData) -> Stages:
        """Compile every stage of ``rules`` (uncached: see :func:`compiled_stages`)."""
        doc_rules = rules.get("document", {})
        splitter = SentenceSplitter(
            doc_rules.get("abbreviations", ()), doc_rules.get("no_split_after_ordinal", ())
        )
        cues = CueLexicon.from_rules(rules)
        outlets = OutletFinder.from_rules(rules)
        speakers = SpeakerFinder.from_rules(rules, cues)
        indirect = IndirectDetector.from_rules(rules, cues)
        return cls(
            splitter=splitter,
            cues=cues,
            speakers=speakers,
            indirect=indirect,
            attributor=Attributor.from_rules(rules, indirect.rules, speakers.lexicon),
            mentions=MentionResolver(speakers.lexicon, outlets),
            medium=MediumRules.from_rules(rules),
            outlets=outlets,
            triggers=ParseTriggers.from_rules(rules, indirect.rules),
        )


def compiled_stages(rules: RuleData) -> Stages:
    """The stages of ``rules``, compiled once per rule set and kept with it."""
    return compiled(rules, _build)


def _build(rules: RuleData) -> Stages:
    return Stages.from_rules(rules)
