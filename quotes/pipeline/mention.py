"""A speaker mention as the attribution stages find it: the input of entity resolution
(:mod:`quotes.pipeline.entities`)."""

from __future__ import annotations

import attrs

__all__ = ["Mention"]


@attrs.frozen
class Mention:
    """A speaker mention as the attribution stage found it, split into its parts.

    ``words`` are the mention's tokens; ``head`` the capitalised core (role nouns and
    names, "US-Außenminister Marco Rubio"); ``apposition`` a name or role phrase in
    commas ("…, Maria Sacharowa,"); ``genitive`` the words of a genitive attribute
    ("des russischen Außenministeriums"). ``subject`` is False for a mention in an
    oblique slot; ``plural`` is True when the mention (or its verb) is plural.
    """

    start: int
    end: int
    text: str
    head: tuple[str, ...] = ()
    determiner: str = ""
    pronoun: str = ""
    apposition: tuple[str, ...] = ()
    genitive: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    plural: bool = False
    subject: bool = True
    #: For a pronoun: the noun phrase the sentence itself gives as its antecedent ("Der
    #: Verband schlug …, indem er …" → "Der Verband"), read off the parse.
    antecedent: Mention | None = None
