"""Schema of ``speakers.toml``: the words around speakers (roles, pronouns, groups)."""

from __future__ import annotations

from typing import Any

import attrs

from quotes.schema._base import Words, one_of

_GENDER = one_of("m", "f", "n")


def _gender_keys(instance: Any, attribute: attrs.Attribute[Any], value: dict[str, str]) -> None:
    """An attrs validator: every key of the table is a gender ("m", "f", "n")."""
    _GENDER(instance, attribute, tuple(value))


@attrs.frozen
class Surface:
    """``[surface]``: closed word classes of the surface speaker search."""

    intro_tails: Words = ()
    focus_particles: Words = ()
    affiliation_prepositions: Words = ()
    name_abbreviations: Words = ()
    oblique_articles: Words = ()
    source_links: Words = ()
    source_link_articles: Words = ()
    object_pronouns: Words = ()
    nominative_pronouns: Words = ()
    plural_noun_endings: Words = ()
    umlauts: dict[str, str] = attrs.field(factory=dict)
    plural_verb_endings: Words = ()
    singular_determiners: Words = ()
    coordinators: Words = ()
    adjective_endings: Words = ()
    subject_determiners_before_verb: Words = ()
    subject_determiners_after_verb: Words = ()
    headline_openers: Words = ()


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
    demonyms: dict[str, str] = attrs.field(factory=dict)  # Lette → Lettin: whole words only
    organization_suffixes: Words = ()
    organization_classes: Words = ()
    organization_openers: Words = ()  # "FC": opens an organisation's name ("FC Bayern")
    organization_complements: Words = ()
    organization_names: Words = ()
    organization_name_words: Words = ()  # "AG", "International": a name with one is an org's
    organization_adjective_heads: Words = ()  # "Kreuz": an org's after an adjective ("Rotes")
    organization_aliases: dict[str, str] = attrs.field(factory=dict)
    capital_governments: dict[str, str] = attrs.field(factory=dict)  # Washington → US-Regierung
    place_names: Words = ()  # "China erklärte": a country speaks for its government
    place_prepositions: Words = ()  # "in Mombasa": the name after one is a place's
    common_noun_endings: Words = ()  # "-ung": no organisation's name ("die Nennung")
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
    indefinite_articles: Words = ()  # "ein ukrainischer Diplomat" keeps its adjective
    genitive_articles: Words = ()  # "des", "eines": only genitive ("des Bundesamtes")
    role_genitive_articles: Words = ()  # "der", "einer": genitive after a role noun
    # the nominative ending of an adjective without article, by gender ("m" → "er")
    strong_adjective_endings: dict[str, str] = attrs.field(factory=dict, validator=_gender_keys)
    initial_adjective_endings: Words = ()  # "Russische Soldaten" at a sentence's start
    surface: Surface = attrs.field(factory=Surface)
