"""Schema of ``cues.toml``: verbs and phrases of saying, writing and thinking.

The ``[[verb]]`` table is the one verb lexicon: the rules backend's cue matching reads
its forms (:class:`~quotes.pipeline.cues.CueLexicon`), the parse backend's detectors and
attribution read what each verb takes (:class:`~quotes.detectors.lexicon.DetectorRules`).
"""

from __future__ import annotations

import attrs

from quotes.records import MEDIA
from quotes.schema._base import Words, one_of

KINDS = ("verb", "noun", "preposition", "phrase")
#: What content a verb takes in the detectors (see ``takes`` in the file's header).
TAKES = ("say", "think", "infinitive", "reported")
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
    takes: Words = attrs.field(default=(), validator=one_of(*TAKES))
    needs: Words = ()
    addressee_object: bool = False
    impersonal: bool = False
    not_reflexive: bool = False
    indirect_medium: str | None = attrs.field(default=None, validator=one_of(*MEDIA))


@attrs.frozen
class Phrase:
    """One ``[[phrase]]``: words that frame a quotation ("nach Angaben von")."""

    words: str
    role: str = attrs.field(default="context", validator=one_of(*ROLES))
    kind: str = attrs.field(default="phrase", validator=one_of(*KINDS))
    medium: str | None = attrs.field(default=None, validator=one_of(*MEDIA))


@attrs.frozen
class Particles:
    """``[particles]``: separable particles, for the detectors."""

    separable: Words = ()
    neutral: Words = ()
    lemma_split: Words = ()


@attrs.frozen
class Morphology:
    """``[morphology]``: verb endings and auxiliaries."""

    verb_endings: Words = ()
    e_before_t: Words = ()
    passive_auxiliaries: Words = ()
    not_verb_forms: Words = ()


@attrs.frozen
class CuesRules:
    """``cues.toml``."""

    verb: tuple[Verb, ...] = ()
    phrase: tuple[Phrase, ...] = ()
    particles: Particles = attrs.field(factory=Particles)
    morphology: Morphology = attrs.field(factory=Morphology)
    #: Strong and irregular verb forms → infinitive ("schlug" → "schlagen").
    irregular: dict[str, str] = attrs.field(factory=dict)
