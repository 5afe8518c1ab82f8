"""Stage 6: outlets and the chain through which a quotation reached the reader.

STUB: the interface is fixed; the implementation is being written.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotes.document import Document
from quotes.records import Source, SourceType, Span
from quotes.rules import RuleData


@attrs.frozen
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


@attrs.frozen
class OutletFinder:
    """Compiled outlet gazetteer and link patterns."""

    rules: RuleData

    @classmethod
    def from_rules(cls, rules: RuleData) -> OutletFinder:
        return cls(rules)

    def find(self, doc: Document, titles: Sequence[Span] = ()) -> tuple[OutletMention, ...]:
        """Every outlet mention in ``doc``; ``titles`` are quoted titles (Zeitung „…“)."""
        return ()

    def via(
        self,
        doc: Document,
        mentions: Sequence[OutletMention],
        start: int,
        end: int,
        speaker: Span | None = None,
    ) -> tuple[Source, ...]:
        """The sources that carried a quotation whose frame spans ``start:end``.

        Ordered from the speaker outward with hops set; the mention that is the speaker
        itself is left out.
        """
        return ()

    def publisher(self, doc: Document) -> Source | None:
        """The publisher named in a header at the top of the text ("RENEWZ.de"), if any."""
        return None

    def lookup(self, text: str) -> tuple[str, SourceType] | None:
        """Canonical name and type when ``text`` names a known outlet."""
        return None
