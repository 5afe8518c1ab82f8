"""Schema of ``indirect.toml``: indirect, reported and free indirect speech."""

from __future__ import annotations

import attrs

from quotes.records import MEDIA
from quotes.schema._base import Words, at_least, one_of


@attrs.frozen
class Konjunktiv:
    """``[konjunktiv]``: verb forms that mark the subjunctive."""

    unambiguous: Words = ()
    third_singular: Words = ()
    second: Words = ()
    not_konjunktiv: Words = ()
    first_person: Words = ()
    stem_rule: bool = True
    ending_rule: bool = True
    second_endings: Words = ()


@attrs.frozen
class Medium:
    """``[medium]``: the medium of a cue whose verb (``cues.toml``) names none, and of
    source words."""

    default_verb: str | None = attrs.field(default=None, validator=one_of(*MEDIA))
    default_source: str | None = attrs.field(default=None, validator=one_of(*MEDIA))


@attrs.frozen
class Sources:
    """``[sources]``: words that introduce a source ("laut", "nach Angaben")."""

    prepositions: Words = ()
    postpositions: Words = ()
    nach_nouns: Words = ()
    nach_suffixes: Words = ()
    adverbs: Words = ()
    adverbs_konjunktiv: Words = ()
    nach_extensions: Words = ()
    name_complements: Words = ()  # "für": inside a source's name ("Institut für …")
    own_adjectives: Words = ()
    prefield_max_tokens: int | None = attrs.field(default=None, validator=at_least(1))
    layer_around_speech: bool = True


@attrs.frozen
class Nouns:
    """``[nouns]``: nouns of reporting."""

    reporting: Words = ()
    infinitive: Words = ()
    relative_openers: Words = ()


@attrs.frozen
class Clauses:
    """``[clauses]``: words that open or join clauses."""

    content_openers: Words = ()
    adverbial_openers: Words = ()
    coordinators: Words = ()
    conjunction_openers: Words = ()
    question_openers: Words = ()
    relative_pronouns: Words = ()
    subject_relative_pronouns: Words = ()
    ambiguous_openers: Words = ()
    verb_second_openers: Words = ()
    infinitive_openers: Words = ()
    back_references: Words = ()
    frame_leads: Words = ()
    frame_causatives: Words = ()
    genitive_relatives: Words = ()
    consecutive_conjunctions: Words = ()
    reason_openers: Words = ()
    pronoun_subject_openers: Words = ()
    frame_coordinators: Words = ()


@attrs.frozen
class Subjects:
    """``[subjects]``: words around the speakers and addressees of verb cues."""

    agent_prepositions: Words = ()
    addressee_prepositions: Words = ()
    document_prepositions: Words = ()
    weak: Words = ()
    not_speaker_pronouns: Words = ()


@attrs.frozen
class Continuation:
    """``[continuation]``: how far reported speech carries on."""

    max_sentences: int | None = attrs.field(default=None, validator=at_least(0))
    max_paragraph_breaks: int | None = attrs.field(default=None, validator=at_least(0))
    without_context: str | None = attrs.field(
        default=None, validator=one_of("indirect_free_indirect", "free_indirect", "none", "")
    )


@attrs.frozen
class FreeIndirect:
    """``[free_indirect]``."""

    reportive_modals: Words = ()
    perfect_auxiliaries: Words = ()


@attrs.frozen
class NounPhrases:
    """``[noun_phrases]``: the words of the surface noun-phrase reading."""

    name_particles: Words = ()
    genitive_prepositions: Words = ()


@attrs.frozen
class IndirectRules:
    """``indirect.toml``."""

    konjunktiv: Konjunktiv = attrs.field(factory=Konjunktiv)
    medium: Medium = attrs.field(factory=Medium)
    sources: Sources = attrs.field(factory=Sources)
    nouns: Nouns = attrs.field(factory=Nouns)
    clauses: Clauses = attrs.field(factory=Clauses)
    subjects: Subjects = attrs.field(factory=Subjects)
    noun_phrases: NounPhrases = attrs.field(factory=NounPhrases)
    continuation: Continuation = attrs.field(factory=Continuation)
    free_indirect: FreeIndirect = attrs.field(factory=FreeIndirect)
