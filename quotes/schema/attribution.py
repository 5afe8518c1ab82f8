"""Schema of ``attribution.toml``: the words the attribution engine reads in a parse."""

from __future__ import annotations

import attrs

from quotes.schema._base import Words


@attrs.frozen
class AttributionRules:
    """``attribution.toml`` (see the file's header for what each list does)."""

    expletives: Words = ()
    agent_prepositions: Words = ()
    object_speaker_verbs: Words = ()
    quoted_object_pronouns: Words = ()
    source_nouns: Words = ()
    never_speaker_deps: Words = ()
    never_subject_cases: Words = ()
    sentence_adverbs: Words = ()
    relative_pronouns: Words = ()
    subject_pronouns: Words = ()
    document_prepositions: Words = ()
    phrase_prepositions: Words = ()
    feminine_suffixes: Words = ()
    masculine_nominative_determiners: Words = ()
    never_nominative_determiners: Words = ()
    ambiguous_pronouns: Words = ()
    comparison_words: Words = ()
    direct_case_determiners: Words = ()
    nominal_tags: Words = ()
    origin_prepositions: Words = ()
    cue_expletives: Words = ()  # "heißt es": the expletive belongs to the cue
    cue_obliques: Words = ()  # "mit den Worten": the phrase belongs to the cue
    passive_auxiliary_lemmas: Words = ()  # "werden": a participle with it is passive
    passive_auxiliary_forms: Words = ()  # "wurde", "wird": its forms, where not lemmatised
    antecedent_subordinators: Words = ()  # "indem er": er is the main clause's subject
