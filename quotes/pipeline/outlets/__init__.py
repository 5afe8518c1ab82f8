"""Stage 6: outlets and the chain through which a quotation reached the reader.

Everything here is driven by ``rules/<lang>/outlets.toml``: the gazetteer (outlets,
aliases, domains), the type nouns ("Nachrichtenagentur", "Sender"), the organisations
that may stand beside an outlet, and the link patterns ("laut", "unter Berufung auf",
"wie … berichtet", "sagte … der …"). See the comments in that file for its format.

:meth:`OutletFinder.find` works in three steps, each linear in the length of the text:

1. Candidates, from a few single regex passes over the whole text: the gazetteer (one
   compiled trie of every alias, run with the stdlib ``re`` engine), web domains (found
   from their ".de", ".com" … ends), quoted titles, names after type nouns ("der Sender
   RTVE"), and the publisher's own name. On news text the whole of ``find`` runs at
   about the speed of spaCy's German tokenizer.
2. Links: for each candidate, the link patterns are matched in a bounded window around
   it, anchored at the name (``regex`` reverse matching for the words before it), so the
   cost per candidate does not grow with the text.
3. Coordination: candidates joined by "und", "sowie", "/" or a list ("Tass, RIA Nowosti
   und Interfax") share a ``group`` and a relation; an organisation coordinated with a
   linked outlet ("CNN und offizielle Berichte des US-Außenministeriums") joins the
   group as a source of type "organization".

:meth:`OutletFinder.via` turns the mentions around one quotation into an ordered chain.

The stage is split along these seams: :mod:`.compiled` (the rules, compiled once),
:mod:`.gazetteer` (step 1 and lookups), :mod:`.links` (steps 2 and 3) and :mod:`.chains`
(:meth:`OutletFinder.via`, one quotation) and :mod:`.passages` (:meth:`OutletFinder.chains`,
all quotations of a document: the real source first, interviews carried through).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import cast

import attrs

from quotes.document import Document
from quotes.pipeline.outlets.base import MENTION, Candidate, OutletMention
from quotes.pipeline.outlets.chains import ChainBuilder, OutletMentions
from quotes.pipeline.outlets.compiled import Compiled, compile_rules
from quotes.pipeline.outlets.gazetteer import Gazetteer
from quotes.pipeline.outlets.links import Link, Linker
from quotes.pipeline.outlets.passages import Chained, ChainRequest, PassageChains
from quotes.records import Source, SourceType, Span, Speaker
from quotes.rules import RuleData, compiled

__all__ = ["MENTION", "ChainRequest", "Chained", "OutletFinder", "OutletMention", "OutletMentions"]


def _no_outlet_position(link: Link) -> bool:
    """Whether an unknown quoted title with this link stands in no outlet position: a
    film, a book, a slogan. Words after it count only at the start of a clause ("Wie die
    „X“ berichtet"), not in "… Enzyklika „Deus caritas est“ meldete der Radiosender"."""
    return not (link.has_type_noun or link.before or link.licenses)


@attrs.frozen
class OutletFinder:
    """Compiled outlet gazetteer and link patterns."""

    rules: RuleData
    _compiled: Compiled = attrs.field(init=False, repr=False, eq=False)
    _gazetteer: Gazetteer = attrs.field(init=False, repr=False, eq=False)
    _linker: Linker = attrs.field(init=False, repr=False, eq=False)
    _chains: ChainBuilder = attrs.field(init=False, repr=False, eq=False)
    _passages: PassageChains = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # Compiled once per rule set and shared (the quotation classifier reads the
        # gazetteer too).
        rules = compiled(self.rules, compile_rules)
        object.__setattr__(self, "_compiled", rules)
        object.__setattr__(self, "_gazetteer", Gazetteer(rules))
        object.__setattr__(self, "_linker", Linker(rules))
        builder = ChainBuilder(rules)
        object.__setattr__(self, "_chains", builder)
        object.__setattr__(self, "_passages", PassageChains(rules, builder))

    @classmethod
    def from_rules(cls, rules: RuleData) -> OutletFinder:
        return cls(rules)

    def find(self, doc: Document, titles: Sequence[Span] = ()) -> OutletMentions:
        """Every outlet mention in ``doc``; ``titles`` are quoted titles (Zeitung „…“).

        Mentions come in text order. Mentions without linking words have the relation
        "mention"; :meth:`via` never puts those into a chain. The tuple comes indexed for
        :meth:`via` and :meth:`chains`.
        """
        if not doc.text:
            return OutletMentions()
        links: list[Link | None] = []
        kept: list[Candidate] = []
        # Taken from the end of a reversed list, so each candidate the loop drops goes at
        # once (a quoted „Ja“ a line is a candidate title: issue 9's dateline lines).
        linker = self._linker

        # The links of the unknown titles kept, by candidate: each is linked once.
        linked: dict[int, tuple[Candidate, Link]] = {}

        def dropped(candidate: Candidate) -> bool:
            link = linker.link(doc, candidate)
            if _no_outlet_position(link):
                return True
            linked[id(candidate)] = (candidate, link)
            return False

        # The unknown titles dropped here go as the candidates are made (a quoted „Ja“ a
        # line is one: issue 9 §2); the others keep the link made for them here.
        candidates = self._gazetteer.candidates(doc, titles, dropped)
        candidates.reverse()
        while candidates:
            candidate = candidates.pop()
            made = linked.pop(id(candidate), None)
            if made is not None and made[0] is candidate:
                link = made[1]
            else:
                link = linker.link(doc, candidate)
            if candidate.unknown and _no_outlet_position(link):
                continue
            if candidate.tentative and not link.licenses:
                continue  # "auf Zeit", "ein Bild": the ordinary word
            if candidate.unknown and link.type_noun is not None:
                # "Der Fernsehsender „Silverbird“": the type noun says what it is.
                kind = self._compiled.type_noun_kind(link.type_noun)
                candidate = attrs.evolve(candidate, type=kind or candidate.type)
            kept.append(candidate)
            links.append(link)
        self._linker.mark_sentence_sources(doc, kept, cast(list[Link], links))
        # Each link goes once its group's mentions are made; the candidates go before the
        # index is built: in a text of many short quotations (issue 9's dateline lines)
        # they are a fifth of the peak.
        mentions = self._linker.coordinate(doc, kept, links)
        del kept, links
        return OutletMentions(mentions)

    def via(
        self,
        doc: Document,
        mentions: Sequence[OutletMention],
        start: int,
        end: int,
        speaker: Span | None = None,
    ) -> tuple[Source, ...]:
        """The sources that carried a quotation whose frame spans ``start:end``.

        See :meth:`ChainBuilder.via <quotes.pipeline.outlets.chains.ChainBuilder.via>`.
        """
        return self._chains.via(doc, mentions, start, end, speaker)

    def chains(
        self,
        doc: Document,
        mentions: Sequence[OutletMention],
        frames: Sequence[ChainRequest],
        publisher: Source | None = None,
    ) -> tuple[Chained, ...]:
        """Speaker and chain for every frame of a document, in the order given.

        The real source first (the speaker may change: see
        :mod:`quotes.pipeline.outlets.passages`), each source once, the publisher last.
        """
        return self._passages.chains(doc, mentions, frames, publisher)

    def each_chain(
        self,
        doc: Document,
        mentions: Sequence[OutletMention],
        frames: Sequence[ChainRequest],
        publisher: Source | None = None,
    ) -> Iterator[tuple[int, Chained]]:
        """:meth:`chains` one frame at a time: ``(i, chained)`` for each ``frames[i]``, in
        text order; ``frames[i]`` is not read again once its pair is given."""
        return self._passages.each(doc, mentions, frames, publisher)

    def speaker_source(
        self, mentions: Sequence[OutletMention], speaker: Speaker | None
    ) -> SourceType | None:
        """The outlet type of a speaker that is an outlet ("agency", "broadcaster", …):
        from the outlet named in its mention, else from the gazetteer; None for a speaker
        that is no outlet, or an outlet of unknown type."""
        if speaker is None or speaker.type != "outlet":
            return None
        if speaker.mention is not None and mentions:
            mention = self._chains.index(mentions).mention_in(speaker.mention)
            if mention is not None and mention.type != "organization":
                return mention.type
        known = self.lookup(speaker.name)
        return known[1] if known is not None else None

    def publisher(self, doc: Document) -> Source | None:
        """The publisher named in a header at the top of the text ("RENEWZ.de"), if any.

        See :meth:`Gazetteer.publisher <quotes.pipeline.outlets.gazetteer.Gazetteer.publisher>`.
        """
        return self._gazetteer.publisher(doc)

    def lookup(self, text: str, *, ambiguous: bool = True) -> tuple[str, SourceType] | None:
        """Canonical name and type when ``text`` names a known outlet.

        See :meth:`Gazetteer.lookup <quotes.pipeline.outlets.gazetteer.Gazetteer.lookup>`.
        """
        return self._gazetteer.lookup(text, ambiguous=ambiguous)
