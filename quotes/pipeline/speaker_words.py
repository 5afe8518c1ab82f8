"""The words the rules pipeline's speaker search reads besides the entity
:class:`~quotes.pipeline.entities.Lexicon`: ``speakers.toml`` ``[surface]``, compiled once
per rule set."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["SurfaceWords"]


@attrs.frozen
class SurfaceWords:
    """Closed word classes of the surface speaker search (see ``[surface]``)."""

    #: Words that may close a headline-style intro: "Koppelin wörtlich:".
    intro_tails: frozenset[str] = frozenset()
    #: Focus particles before a speaker: "auch der Minister sagte".
    focus_particles: frozenset[str] = frozenset()
    #: Prepositions of a named speaker's organisation after the verb ("… Aubin von der
    #: CFTC.").
    affiliation_prepositions: frozenset[str] = frozenset()
    #: Abbreviations that stand inside names with their dot ("Prof.", "Dr.").
    name_abbreviations: frozenset[str] = frozenset()
    #: Articles that open the noun phrase inside a speaker phrase ("Sprecher des Amtes").
    oblique_articles: frozenset[str] = frozenset()
    #: Words that link a source noun to its author ("Mitteilung des Weißen Hauses").
    source_links: frozenset[str] = frozenset()
    #: Of those, the articles that belong to the author's phrase ("des Weißen Hauses").
    source_link_articles: frozenset[str] = frozenset()
    #: Object pronouns that are a speaker only as an oblique ("ihm", "ihn").
    object_pronouns: frozenset[str] = frozenset()
    #: Pronouns of the nominative only ("er", "wir"): after the verb, its subject.
    nominative_pronouns: frozenset[str] = frozenset()
    #: Endings of a plural finite verb ("wiesen"): any other form is singular.
    plural_verb_endings: tuple[str, ...] = ()
    #: Determiners of the singular: a group word after one is no plural.
    singular_determiners: frozenset[str] = frozenset()
    #: Conjunctions that join speakers ("X und Y sagten").
    coordinators: frozenset[str] = frozenset()
    #: Of ``determiners_oblique``, those that may open a subject before its verb.
    subject_determiners_before_verb: frozenset[str] = frozenset()
    #: Of ``determiners_oblique``, those that may open a subject after its verb.
    subject_determiners_after_verb: frozenset[str] = frozenset()
    #: Lower-case word pairs before a headline-style speaker ("Zitat von Schröder:").
    headline_openers: tuple[tuple[str, ...], ...] = ()
    #: Words that make the quoted span after them a term (``term_markers`` of
    #: quotations.toml): "Zur so genannten „Reichensteuer“:" is a heading, no speaker.
    term_markers: tuple[str, ...] = ()
    #: Verbs of text that stands written (``written_cue_words`` of quotations.toml, whole,
    #: lower case): "Auf dem Schild stand: „…“" has no speaker, but the verb is its cue.
    written_cue_words: frozenset[str] = frozenset()

    @classmethod
    def from_rules(cls, rules: Mapping[str, Any]) -> SurfaceWords:
        table = rules.get("speakers", {}).get("surface", {})

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w) for w in table.get(key, ()))

        return cls(
            intro_tails=words("intro_tails"),
            focus_particles=words("focus_particles"),
            affiliation_prepositions=words("affiliation_prepositions"),
            name_abbreviations=words("name_abbreviations"),
            oblique_articles=words("oblique_articles"),
            source_links=words("source_links"),
            source_link_articles=words("source_link_articles"),
            object_pronouns=words("object_pronouns"),
            nominative_pronouns=words("nominative_pronouns"),
            plural_verb_endings=tuple(str(w) for w in table.get("plural_verb_endings", ())),
            singular_determiners=words("singular_determiners"),
            coordinators=words("coordinators"),
            subject_determiners_before_verb=words("subject_determiners_before_verb"),
            subject_determiners_after_verb=words("subject_determiners_after_verb"),
            headline_openers=tuple(
                tuple(str(w).split()) for w in table.get("headline_openers", ())
            ),
            term_markers=tuple(
                str(w).lower() for w in rules.get("quotations", {}).get("term_markers", ())
            ),
            written_cue_words=frozenset(
                str(w).lower() for w in rules.get("quotations", {}).get("written_cue_words", ())
            ),
        )
