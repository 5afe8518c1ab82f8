"""Records and constants shared by the outlet stage's modules."""

from __future__ import annotations

from typing import Final, Literal

import attrs

from quotes.records import SourceType, Span

__all__ = [
    "CLASS_ORDER",
    "CLOSERS",
    "MENTION",
    "OPENERS",
    "WINDOW",
    "Candidate",
    "OutletMention",
    "RelationClass",
]

#: The relation of a mention without linking words. Such mentions never enter a chain.
MENTION: Final = "mention"

RelationClass = Literal["direct", "cited", "relay", "outer"]

CLASS_ORDER: Final[tuple[RelationClass, ...]] = ("direct", "cited", "relay", "outer")

# Quotation marks that may open or close a title around an outlet's name.
# Quotation marks that may open or close a title around an outlet's name.
OPENERS: Final = frozenset("„“”\"»«‚‘›‹'")

CLOSERS: Final = frozenset("“”\"«»‘’‹›'")

# How far (in characters) link patterns may reach from a name. Bounding the window keeps
# the cost per candidate constant whatever the input looks like.
WINDOW: Final = 300


# No weak references: one a dateline in a text of dateline lines (issue 9 §2), 80 bytes not 96.
@attrs.frozen(weakref_slot=False)
class OutletMention:
    """An outlet named in the text, with the words that link it to what is reported.

    ``span`` is the outlet's name as written ("Tass", "Berliner Zeitung", "n-tv.de");
    ``name`` the canonical name from the gazetteer; ``relation`` how the text links it
    ("laut", "unter Berufung auf", "berichtet", "schreibt", "gegenüber", "interview",
    "nach Angaben", "domain", …; "mention" when no linking words were found);
    ``link`` the linking words as written; ``group`` is shared by mentions that the text
    coordinates into one link ("CNN und offizielle Berichte des US-Außenministeriums").
    """

    span: Span
    name: str
    type: SourceType
    relation: str
    link: Span | None = None
    group: int = 0

    @property
    def start(self) -> int:
        """Where the mention and its linking words begin."""
        return self.span.start if self.link is None else min(self.span.start, self.link.start)

    @property
    def end(self) -> int:
        """Where the mention and its linking words end."""
        return self.span.end if self.link is None else max(self.span.end, self.link.end)


@attrs.frozen
class Candidate:
    start: int
    end: int
    name: str
    type: SourceType
    domain: bool = False
    unknown: bool = False  # a quoted title the gazetteer does not know
    tentative: bool = False  # an ambiguous alias that only a licensing link can confirm
