"""Schema of ``cues.toml``: verbs and phrases of saying, writing and thinking."""

from __future__ import annotations

import attrs

from quotes.records import MEDIA
from quotes.schema._base import Words, one_of

KINDS = ("verb", "noun", "preposition", "phrase")
ROLES = ("verb", "after", "before", "context")


@attrs.frozen
class Verb:
    """One ``[[verb]]``: a lemma and how its forms are found (see the file's header)."""

    lemma: str
    stem: str | None = None
    forms: Words = ()
    participle: str | None = None
    particle: str = ""
    inseparable: bool = False
    medium: str | None = attrs.field(default=None, validator=one_of(*MEDIA))
    reflexive: bool = False


@attrs.frozen
class Phrase:
    """One ``[[phrase]]``: words that frame a quotation ("nach Angaben von")."""

    words: str
    role: str = attrs.field(default="context", validator=one_of(*ROLES))
    kind: str = attrs.field(default="phrase", validator=one_of(*KINDS))
    medium: str | None = attrs.field(default=None, validator=one_of(*MEDIA))


@attrs.frozen
class CuesRules:
    """``cues.toml``."""

    verb: tuple[Verb, ...] = ()
    phrase: tuple[Phrase, ...] = ()
