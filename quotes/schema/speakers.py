"""Schema of ``speakers.toml``: the words around speakers (roles, pronouns, groups)."""

from __future__ import annotations

import attrs

from quotes.schema._base import Words


@attrs.frozen
class Surface:
    """``[surface]``: closed word classes of the surface speaker search."""

    intro_tails: Words = ()
    focus_particles: Words = ()
    name_abbreviations: Words = ()
    oblique_articles: Words = ()
    source_links: Words = ()
    source_link_articles: Words = ()
    object_pronouns: Words = ()
    singular_determiners: Words = ()
    coordinators: Words = ()
    adjective_endings: Words = ()


@attrs.frozen
class SpeakersRules:
    """``speakers.toml``."""

    determiners_nominative: Words = ()
    determiners_oblique: Words = ()
    pronouns: dict[str, str] = attrs.field(factory=dict)
    skip_after_verb: Words = ()
    prepositions: Words = ()
    particles: Words = ()
    not_speakers: Words = ()
    role_suffixes_masculine: Words = ()
    role_feminine_irregular: dict[str, str] = attrs.field(factory=dict)
    organization_suffixes: Words = ()
    organization_classes: Words = ()
    organization_complements: Words = ()
    organization_names: Words = ()
    organization_aliases: dict[str, str] = attrs.field(factory=dict)
    capital_governments: dict[str, str] = attrs.field(factory=dict)  # Washington → US-Regierung
    group_words: Words = ()
    group_heads: Words = ()  # group words whose description keeps its adjectives
    finite_verbs: Words = ()
    subordinators: Words = ()
    relative_pronouns: Words = ()
    source_nouns: Words = ()
    back_references: Words = ()
    definite_articles: Words = ()  # der, die, das, … ("des Bundesamtes")
    role_articles: Words = ()  # the definite articles of a person's role ("die Kanzlerin")
    oblique_case_articles: Words = ()  # dative and genitive articles ("dem", "eines")
    name_links: Words = ()  # prepositions inside a name ("Bundesamt für Migration")
    attribute_links: Words = ()  # words that make a following name an attribute
    article_genders: dict[str, str] = attrs.field(factory=dict)  # "die" → f ("die Vorsitzende")
    surface: Surface = attrs.field(factory=Surface)
