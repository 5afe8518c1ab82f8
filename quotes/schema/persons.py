"""Schema of ``persons.toml``: well-known people."""

from __future__ import annotations

import attrs

from quotes.schema._base import Words, one_of

GENDERS = ("m", "f", "n", "pl", "")


@attrs.frozen
class Person:
    """One ``[[person]]``: canonical name, gender and other spellings."""

    name: str
    gender: str = attrs.field(default="", validator=one_of(*GENDERS))
    aliases: Words = ()
    parties: Words = ()  # parties or organisations the person is known by ("CDU")


@attrs.frozen
class PersonsRules:
    """``persons.toml``."""

    role_groups: tuple[Words, ...] = ()  # roles that may name the same person
    affiliation_roles: Words = ()  # roles that refer through a party ("CSU-Chef")
    role_tails: Words = ()  # "a. D.": between a role and its name
    nearest_person_roles: Words = ()  # "der 34-Jährige": the nearest person of its gender
    # "der Republikaner": a role noun of a party member (canonical role) and its party
    party_members: dict[str, str] = attrs.field(factory=dict)
    statement_nouns: Words = ()  # "Angaben", "Bericht": their genitive names the author
    study_nouns: Words = ()  # "Umfrage": an unknown name after "von" is an institute
    author_links: Words = ()  # "des", "von": open that genitive
    # "nach ihren Angaben": a possessive before such a noun (its stem) and the pronoun it
    # stands for, whose referent is the author
    possessive_authors: dict[str, str] = attrs.field(factory=dict)
    group_joints: Words = ()  # "und": joins two speakers into a group
    # "Frau Müller", "Herrn Müller": a form of address before a surname, its form in a
    # name, and the gender each canonical form gives
    honorifics: dict[str, str] = attrs.field(factory=dict)
    honorific_genders: dict[str, str] = attrs.field(factory=dict)
    titles: Words = ()  # "Dr.", "Prof.": an academic title before a name, not part of it
    person: tuple[Person, ...] = ()
