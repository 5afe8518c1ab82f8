"""The compiled word lists of the attribution engine (``rules/<lang>/attribution.toml``).

Compiled once per Extractor (:meth:`AttributionRules.from_rules`) and passed to every
pattern; nothing here is cached by object identity.
"""

from __future__ import annotations

import attrs

from quotes.detectors.lexicon import DetectorRules
from quotes.pipeline.entities import Lexicon
from quotes.rules import RuleData

__all__ = ["AttributionRules"]


def _words(table: dict[str, object], key: str, *, lower: bool = True) -> frozenset[str]:
    values = table.get(key, ())
    if not isinstance(values, list | tuple):
        return frozenset()
    return frozenset(str(v).lower() if lower else str(v) for v in values)


@attrs.frozen
class AttributionRules:
    """What the patterns read: closed-class words and labels, plus the detectors' data
    (pronouns, source prepositions, verbs) so that there is one lexicon of verbs."""

    detector: DetectorRules
    expletives: frozenset[str]
    agent_prepositions: frozenset[str]
    object_speaker_verbs: frozenset[str]
    #: Object pronouns that a quoting verb's object may be ("zitierte ihn").
    quoted_object_pronouns: frozenset[str]
    source_nouns: frozenset[str]
    never_speaker_deps: frozenset[str]
    never_subject_cases: frozenset[str]
    sentence_adverbs: frozenset[str]
    relative_pronouns: frozenset[str]
    subject_pronouns: frozenset[str]
    document_prepositions: frozenset[str]
    phrase_prepositions: frozenset[str]
    feminine_suffixes: tuple[str, ...]
    masculine_nominative_determiners: frozenset[str]
    never_nominative_determiners: frozenset[str]
    ambiguous_pronouns: frozenset[str]
    comparison_words: frozenset[str]
    direct_case_determiners: frozenset[str]
    nominal_tags: frozenset[str]
    origin_prepositions: frozenset[str]
    #: Words that make the quoted span after them a term (quotations.toml), which no
    #: speaker's phrase holds ("die sogenannte „Reichensteuer“").
    term_markers: tuple[str, ...]
    #: Fixed words of a cue verb: the expletive ("heißt es") and the nouns of "mit den
    #: Worten" (attribution.toml).
    cue_expletives: frozenset[str]
    cue_obliques: frozenset[str]
    #: The passive auxiliary: its lemmas, and the starts of its forms ("wurde", "wird")
    #: for an auxiliary the parser left without its lemma (attribution.toml).
    passive_auxiliary_lemmas: frozenset[str]
    passive_auxiliary_forms: tuple[str, ...]
    #: Adverbial subordinators whose clause's subject pronoun takes the main clause's
    #: subject as antecedent ("indem er", "weil sie").
    antecedent_subordinators: frozenset[str]
    #: The speakers stage's lexicon: role nouns and given names (who can be a person).
    lexicon: Lexicon
    #: Pronouns of the nominative only ("er", "wir"; speakers.toml [surface]): one right
    #: after the finite verb is its subject, and the first field its object.
    nominative_pronouns: frozenset[str] = frozenset()
    #: Endings of a plural finite verb (speakers.toml [surface]): "wiesen", "erinnern".
    plural_verb_endings: tuple[str, ...] = ()

    @classmethod
    def from_rules(
        cls, rules: RuleData, detector: DetectorRules, lexicon: Lexicon
    ) -> AttributionRules:
        data = dict(rules.get("attribution", {}))
        surface = dict(rules.get("speakers", {}).get("surface", {}))
        adverbs = _words(data, "sentence_adverbs") | _words(
            dict(rules.get("speakers", {})), "skip_after_verb"
        )
        return cls(
            detector=detector,
            expletives=_words(data, "expletives"),
            agent_prepositions=_words(data, "agent_prepositions"),
            object_speaker_verbs=_words(data, "object_speaker_verbs"),
            quoted_object_pronouns=_words(data, "quoted_object_pronouns"),
            source_nouns=_words(data, "source_nouns", lower=False),
            never_speaker_deps=_words(data, "never_speaker_deps"),
            never_subject_cases=_words(data, "never_subject_cases", lower=False),
            sentence_adverbs=adverbs,
            relative_pronouns=_words(data, "relative_pronouns"),
            subject_pronouns=_words(data, "subject_pronouns"),
            document_prepositions=_words(data, "document_prepositions"),
            phrase_prepositions=_words(data, "phrase_prepositions"),
            feminine_suffixes=tuple(sorted(_words(data, "feminine_suffixes"))),
            masculine_nominative_determiners=_words(data, "masculine_nominative_determiners"),
            never_nominative_determiners=_words(data, "never_nominative_determiners"),
            ambiguous_pronouns=_words(data, "ambiguous_pronouns"),
            comparison_words=_words(data, "comparison_words"),
            direct_case_determiners=_words(data, "direct_case_determiners"),
            nominal_tags=_words(data, "nominal_tags", lower=False),
            cue_expletives=_words(data, "cue_expletives"),
            cue_obliques=_words(data, "cue_obliques", lower=False),
            passive_auxiliary_lemmas=_words(data, "passive_auxiliary_lemmas"),
            passive_auxiliary_forms=tuple(sorted(_words(data, "passive_auxiliary_forms"))),
            antecedent_subordinators=_words(data, "antecedent_subordinators"),
            term_markers=tuple(sorted(_words(dict(rules.get("quotations", {})), "term_markers"))),
            origin_prepositions=_words(data, "origin_prepositions"),
            lexicon=lexicon,
            nominative_pronouns=_words(surface, "nominative_pronouns"),
            plural_verb_endings=tuple(sorted(_words(surface, "plural_verb_endings"))),
        )
