"""Schema of ``parse.toml``: which sentences the parse backend parses (on demand)."""

from __future__ import annotations

from typing import Any

import attrs

from quotes.schema._base import BadValue, Words, one_of

#: The trigger groups of quotes.parse.demand (kept in step with its GROUPS).
GROUPS = (
    "cue_verbs",
    "sources",
    "nach_nouns",
    "reporting_nouns",
    "konjunktiv",
    "konjunktiv_second",
    "konjunktiv_ending",
    "reportive",
    "words",
    "marks",
)


def _neighbours(_instance: Any, attribute: Any, value: int | None) -> None:
    if value is not None and not 0 <= value <= 5:
        raise BadValue(attribute, f"must be a whole number 0 to 5, not {value}")


@attrs.frozen
class Triggers:
    """``[triggers]``: the groups of words that make a sentence a candidate."""

    groups: Words | None = attrs.field(default=None, validator=one_of(*GROUPS))
    words: Words = ()
    marks: Words = ()
    lower_case: Words = attrs.field(default=(), validator=one_of(*GROUPS))
    with_context: Words = attrs.field(
        default=(),
        validator=one_of("cue_verbs", "sources", "nach_nouns", "reporting_nouns", "reportive"),
    )
    not_words: Words = ()
    clause_marks: Words = ()
    after_candidate: Words = attrs.field(default=(), validator=one_of(*GROUPS))
    not_after_marks: Words = ()


@attrs.frozen
class Context:
    """``[context]``: how many neighbouring sentences a candidate brings along."""

    before: int | None = attrs.field(default=None, validator=_neighbours)
    after: int | None = attrs.field(default=None, validator=_neighbours)


@attrs.frozen
class ParseRules:
    """``parse.toml``."""

    triggers: Triggers = attrs.field(factory=Triggers)
    context: Context = attrs.field(factory=Context)
