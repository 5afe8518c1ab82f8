"""Schema of ``outlets.toml``: outlets, organisations and the words that link them."""

from __future__ import annotations

import attrs

from quotes.records import MEDIA, SOURCE_TYPES
from quotes.schema._base import BadValue, Words, at_least, one_of


def _nonempty(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise BadValue(attribute, "must not be empty")


@attrs.frozen
class Outlet:
    """One ``[[outlet]]`` (see the file's header)."""

    name: str = attrs.field(validator=_nonempty)
    type: str = attrs.field(validator=one_of(*SOURCE_TYPES))
    aliases: Words = ()
    ambiguous: Words = ()
    contexts: Words = ()
    strict: bool = False
    domains: Words = ()


@attrs.frozen
class OutletNames:
    """``[names]``: outlets whose name is their only alias, by type."""

    outlet: Words = ()
    agency: Words = ()
    broadcaster: Words = ()
    platform: Words = ()
    publisher: Words = ()
    organization: Words = ()


@attrs.frozen
class Ambiguity:
    """``[ambiguity]``: words and compound tails that license ambiguous aliases."""

    words: Words = ()
    tails: Words = ()


@attrs.frozen
class TypeNoun:
    """One ``[[type_noun]]``: nouns that name an outlet's type ("Zeitung")."""

    type: str = attrs.field(validator=one_of(*SOURCE_TYPES))
    words: Words = ()


@attrs.frozen
class TypeNames:
    """``[type_names]``: what a type noun is not followed by."""

    stop_words: Words = ()
    stop_endings: Words = ()
    endings: Words = ()  # inflection endings of a type noun ("Magazins", "Zeitungen")
    not_last_words: Words = ()  # words a name after a type noun does not end with
    name_articles: Words = ()  # articles that may start such a name ("Zeitung Die Welt")


@attrs.frozen
class Titles:
    """``[titles]``: quoted titles after a type noun."""

    max_words: int | None = attrs.field(default=None, validator=at_least(1))
    connectors: Words = ()


@attrs.frozen
class Organizations:
    """``[organizations]``: heads and carriers of organisation names."""

    heads: Words = ()
    carriers: Words = ()
    genitive_endings: Words = ()


@attrs.frozen
class Organization:
    """One ``[[organization]]``."""

    name: str = attrs.field(validator=_nonempty)
    aliases: Words = ()


@attrs.frozen
class Relations:
    """``[relations]``: how close to the speaker each relation puts the outlet."""

    direct: Words = ()
    cited: Words = ()
    relay: Words = ()
    outer: Words = ()


@attrs.frozen
class Chains:
    """``[chains]``: which relations carry on and what a cited thing is."""

    carry: Words = ()
    carry_in_paragraph: Words = ()
    carry_ends: Words = ()
    back_reference_articles: Words = ()
    back_reference_reach: int = 0
    cited_things: Words = ()
    cited_through: Words = ()
    cited_and: Words = ()
    cited_genitive: Words = ()
    cited_singular: Words = ()
    cited_quantities: Words = ()
    cited_prepositions: Words = ()
    report_nouns: Words = ()
    report_contractions: Words = ()
    report_adverbs: Words = ()
    cited_end: str | None = None  # a pattern


def _media_by_type(_instance: object, attribute: attrs.Attribute[object], value: object) -> None:
    for kind, medium in dict(value).items():  # type: ignore[call-overload]
        if kind not in SOURCE_TYPES:
            raise BadValue(attribute, f"{kind!r} is not one of {', '.join(SOURCE_TYPES)}")
        if medium not in MEDIA:
            raise BadValue(attribute, f"{medium!r} is not one of {', '.join(MEDIA)}")


@attrs.frozen
class Media:
    """``[media]``: the medium of a quotation whose speaker is an outlet, by the outlet's
    type, where the cue gave only one of ``replaces``."""

    by_type: dict[str, str] = attrs.field(factory=dict, validator=_media_by_type)
    replaces: Words = attrs.field(default=(), validator=one_of(*MEDIA))
    speech_not_after: Words = ()  # "laut": "laut ZDF" keeps the cue's SW (medium.py)


@attrs.frozen
class Link:
    """One ``[[link]]`` pattern. ``pattern`` is a user regular expression: see
    :mod:`quotes.patterns` for how it is checked and bounded."""

    relation: str = attrs.field(validator=_nonempty)
    pattern: str
    position: str = attrs.field(default="before", validator=one_of("before", "after"))
    types: Words | None = attrs.field(default=None, validator=one_of(*SOURCE_TYPES))
    det: Words | None = None
    carrier: bool = False
    domain: bool | None = None
    licenses: bool = True
    known: bool = False  # only outlets the gazetteer knows, not unknown quoted titles


@attrs.frozen
class OutletsRules:
    """``outlets.toml``."""

    outlet: tuple[Outlet, ...] = ()
    names: OutletNames = attrs.field(factory=OutletNames)
    domains: dict[str, str] = attrs.field(factory=dict)
    ambiguity: Ambiguity = attrs.field(factory=Ambiguity)
    type_noun: tuple[TypeNoun, ...] = ()
    type_names: TypeNames = attrs.field(factory=TypeNames)
    titles: Titles = attrs.field(factory=Titles)
    organizations: Organizations = attrs.field(factory=Organizations)
    organization: tuple[Organization, ...] = ()
    relations: Relations = attrs.field(factory=Relations)
    macros: dict[str, str] = attrs.field(factory=dict)
    chains: Chains = attrs.field(factory=Chains)
    media: Media = attrs.field(factory=Media)
    link: tuple[Link, ...] = ()
