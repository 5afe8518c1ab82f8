"""A speaker mention as the attribution stages find it: the input of entity resolution
(:mod:`quotes.pipeline.entities`)."""

from __future__ import annotations

import attrs

from quotes.records import _shared

__all__ = ["Mention"]


# Short texts are shared (one string per distinct text, as in the records): every frame
# holds a Mention, and its words recur ("er", "sagte"); no weak references (issue 9 §2).
@attrs.frozen(weakref_slot=False)
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
    text: str = attrs.field(converter=_shared)
    head: tuple[str, ...] = ()
    determiner: str = ""
    pronoun: str = attrs.field(default="", converter=_shared)
    apposition: tuple[str, ...] = ()
    genitive: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    plural: bool = False
    subject: bool = True
    #: For a pronoun: the noun phrase the sentence itself gives as its antecedent ("Der
    #: Verband schlug …, indem er …" → "Der Verband"), read off the parse.
    antecedent: Mention | None = None
