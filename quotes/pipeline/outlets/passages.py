"""Chains for all quotations of a document: the real source first, each source once.

:meth:`PassageChains.chains` runs after attribution, once per document, over the frames
in text order. For each one it asks :class:`~quotes.pipeline.outlets.chains.ChainBuilder`
for the sources around the quotation and then:

* **cited source:** when the speaker is an outlet that cites someone ("Wie die „New York
  Times“ unter Berufung auf Diplomaten berichtet, …"), the cited noun phrase becomes the
  speaker and the outlet the first hop; when the outlet cites other outlets or
  organisations ("Laut RENEWZ unter Berufung auf CNN und …"), the speaker is unknown and
  the outlet stands after them in the chain;
* **addressee:** an outlet that the attribution stage found as the addressee ("sagte X
  der Nachrichtenagentur Reuters") is the first hop even where no link pattern tied it;
* **interviews carry through:** after "In einem Interview mit dem ZDF sagte Wüst, …" the
  speaker's further statements carry the same outlet until another source is named,
  another speaker is quoted, or a heading or a dateline starts a new passage; after "sagte
  er der dpa" (relations in ``carry_in_paragraph``) only to the end of the paragraph;
* **each source once:** no source twice, never the speaker in its own chain, the
  publisher last and only once.

Each frame costs what its own region holds (bisect lookups in the mention index), so a
document costs linear time in its frames and mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

import attrs
import regex

from quotes.document import Document
from quotes.ordering import in_offset_order
from quotes.pipeline.outlets.base import OutletMention
from quotes.pipeline.outlets.chains import ChainBuilder, MentionIndex
from quotes.pipeline.outlets.compiled import Compiled
from quotes.pipeline.outlets.corrections import name_after_cue, without_addressee
from quotes.pipeline.outlets.outlet_speakers import reported_before, typed_outlet
from quotes.records import Source, Span, Speaker, SpeakerType

__all__ = ["ChainRequest", "Chained", "PassageChains"]

# A paragraph this short that does not end like a sentence is a heading.
_HEADING_MAX = 120
_SENTENCE_ENDS = frozenset(".!?:;…“”\"»«’'")
# An article and a noun right after a cue: "sagte | der Zeitung,"; no name after the noun.
_ARTICLE_NOUN = regex.compile(r"\s+(\w+)\s+(\w[\w-]*)(?=\s*[,.;:!?]|\s+\p{Ll})")
# The relation given to an outlet that was the speaker and moves into the chain without
# linking words of its own.
_REPORTED = "berichtet"
_WORD = regex.compile(r"\w+")
# How far around a quotation, and between two, words that name another occasion are read.
_OCCASION_REACH = 400


class ChainRequest(Protocol):
    """What the outlet stage reads from a frame of the attribution stage."""

    @property
    def region_start(self) -> int: ...
    @property
    def region_end(self) -> int: ...
    @property
    def quote(self) -> Span: ...
    @property
    def speaker(self) -> Speaker | None: ...
    @property
    def addressee(self) -> Span | None: ...


@attrs.frozen
class Chained:
    """The speaker and the sources for one quotation, as the outlet stage settles them.

    ``speaker`` is the frame's own speaker unless the outlet stage found the real source
    behind an outlet ("Diplomaten" for a speaker "New York Times"), or found that the
    outlet only passes on the words of the sources it cites (then ``None``).
    """

    speaker: Speaker | None
    via: tuple[Source, ...] = ()


@attrs.frozen
class _Carry:
    """An interview that the speaker's further statements carry."""

    name: str
    sources: tuple[Source, ...]
    position: int  # where the last quotation that carried it ends
    paragraph: int | None = None  # the one paragraph it holds for, or None: the passage


@attrs.frozen
class PassageChains:
    """The document-level pass over all frames (see the module docstring)."""

    _compiled: Compiled
    _builder: ChainBuilder

    def chains(
        self,
        doc: Document,
        mentions: Sequence[OutletMention],
        frames: Sequence[ChainRequest],
        publisher: Source | None = None,
    ) -> tuple[Chained, ...]:
        """One :class:`Chained` per frame, in the order the frames are given."""
        out: list[Chained | None] = [None] * len(frames)
        for i, chained in self.each(doc, mentions, frames, publisher):
            out[i] = chained
        return tuple(c for c in out if c is not None)

    def each(
        self,
        doc: Document,
        mentions: Sequence[OutletMention],
        frames: Sequence[ChainRequest],
        publisher: Source | None = None,
    ) -> Iterator[tuple[int, Chained]]:
        """``(i, chained)`` for every frame ``frames[i]``, in text order of the quotations:
        frame ``i`` is not read again once its pair is given, so a caller may let it go
        (the Extractor does: a text of many short quotations is mostly its frames)."""
        index = self._builder.index(mentions) if mentions else None
        carry: _Carry | None = None
        for i in _text_order(frames):
            frame = frames[i]
            chained = Chained(frame.speaker)
            if index is not None:
                chained = self._one(doc, index, frame)
                chained, carry = self._carry(doc, index, frame, chained, carry)
            del frame
            yield i, _finish(chained, publisher)

    # -- one quotation ---------------------------------------------------------------------
    def _one(
        self,
        doc: Document,
        index: MentionIndex,
        frame: ChainRequest,
    ) -> Chained:
        start, end = frame.region_start, frame.region_end
        speaker = frame.speaker
        span = speaker.mention if speaker is not None else None
        if speaker is not None and span is not None:
            speaker = typed_outlet(self._compiled, doc, index, speaker, span)
            speaker = reported_before(self._compiled, doc, index, speaker, span)
            speaker = without_addressee(doc, index, speaker, speaker.mention or span)
            span = speaker.mention
        if speaker is not None and span is not None and speaker.type == "outlet":
            channel = index.mention_in(span)
            if channel is not None and self._builder.relation_class(channel.relation) == "direct":
                # "Auf seiner Plattform Truth Social schrieb Trump": where the words were
                # said is no speaker.
                speaker = name_after_cue(doc, index, frame, self._compiled.not_names)
                span = speaker.mention if speaker is not None else None
        if speaker is not None and span is not None:
            outlet = index.mention_in(span)
            if outlet is not None or speaker.type == "outlet":
                moved = self._behind_outlet(doc, index, frame, speaker, span, outlet)
                if moved is not None:
                    return moved
        if speaker is not None and span is not None:
            together = _coordinated_speakers(doc, index, speaker, span, self._compiled.carriers)
            if together is not None:
                speaker, beside = together
                via = self._builder.via_indexed(doc, index, start, end, speaker.mention)
                via = (*beside, *(s for s in via if s.name not in {b.name for b in beside}))
                return Chained(speaker, self._with_addressee(index, frame.addressee, via))
        via = self._builder.via_indexed(doc, index, start, end, _own_words(index, speaker, span))
        if speaker is None:
            return self._outlet_speaks(doc, index, via)
        referred = self._named_before(doc, index, frame)
        via = self._with_addressee(index, frame.addressee, via, referred)
        return Chained(speaker, self._reported_thereby(doc, index, frame, speaker, via))

    def _outlet_speaks(
        self, doc: Document, index: MentionIndex, via: tuple[Source, ...]
    ) -> Chained:
        """A quotation without a speaker that one outlet relays and nobody else carries
        ("…, wie suedkurier.de berichtete", "Laut „Spiegel“ soll …"): the outlet is its
        source, so it is the speaker (the corpus annotates it so); where the outlet cites
        someone ("Das berichtete die „Bild“-Zeitung unter Berufung auf Sicherheitskreise"),
        they are the speaker and the outlet the first hop. Not where several outlets or
        other sources stand at its hop."""
        relayed = [s for s in via if self._builder.relation_class(s.relation) == "relay"]
        first = [s for s in via if s.hop == 1]
        if (
            len(relayed) != 1
            or first != relayed
            or relayed[0].mention is None
            or relayed[0].type == "organization"
            or any(self._builder.relation_class(s.relation) != "outer" for s in via[1:])
        ):
            return Chained(None, via)
        outlet = relayed[0]
        assert outlet.mention is not None
        cited = self._cited_speaker(doc, index, outlet.mention)
        if cited is not None:
            return Chained(cited, via)
        speaker = Speaker(outlet.mention, outlet.name, "outlet")
        return Chained(speaker, _shifted_down([s for s in via if s is not outlet]))

    def _behind_outlet(
        self,
        doc: Document,
        index: MentionIndex,
        frame: ChainRequest,
        speaker: Speaker,
        span: Span,
        outlet: OutletMention | None,
    ) -> Chained | None:
        """The real source when the speaker is an outlet that cites one, else None."""
        start, end = frame.region_start, frame.region_end
        cited = self._cited_speaker(doc, index, span)
        if cited is not None:
            via = self._builder.via_indexed(doc, index, start, end, cited.mention)
            if not any(s.mention is not None and _overlaps(s.mention, span) for s in via):
                kind = outlet.type if outlet is not None else "outlet"
                name = outlet.name if outlet is not None else speaker.name
                own = Source(name, kind, _REPORTED, span, hop=1)
                via = (own, *_shifted(via, 1))
            return Chained(cited, via)
        loose = self._builder.via_indexed(doc, index, start, end, None)
        own_hop = next(
            (s.hop for s in loose if s.mention is not None and _overlaps(s.mention, span)), None
        )
        # The sources it cites: after it, or fronted in its sentence ("Unter Berufung auf
        # die „Financial Times“ meldete Reuters, …").
        sentence = doc.sentence_at(span.start) if doc.sentences else None
        opens = sentence.start if sentence is not None else span.end
        cited_hops = [
            s.hop
            for s in loose
            if self._builder.relation_class(s.relation) == "cited"
            and s.mention is not None
            and (s.mention.start >= span.end or opens <= s.mention.start < span.start)
        ]
        if own_hop is not None and any(hop < own_hop for hop in cited_hops):
            return Chained(None, loose)  # "Laut RENEWZ unter Berufung auf CNN und …"
        if own_hop is None and cited_hops:
            # The speaker is an outlet that cites sources ("Wie Reuters unter Berufung auf
            # die „Financial Times“ berichtet"), or one no pattern found (the attribution
            # stage knew it): it stands right after the sources it cites.
            hop = max(cited_hops) + 1
            kind = outlet.type if outlet is not None else "outlet"
            name = outlet.name if outlet is not None else speaker.name
            own = Source(name, kind, _REPORTED, span, hop=hop)
            return Chained(
                None,
                (
                    *[s for s in loose if s.hop < hop],
                    own,
                    *_shifted([s for s in loose if s.hop >= hop], 1),
                ),
            )
        return None

    def _cited_speaker(self, doc: Document, index: MentionIndex, span: Span) -> Speaker | None:
        """Who an outlet named at ``span`` cites: "… unter Berufung auf Diplomaten"."""
        pattern = self._compiled.cited_speaker
        if pattern is None:
            return None
        text = doc.text
        sentence = doc.sentence_at(span.start) if doc.sentences else None
        hi = min(len(text), span.end + 300)
        if sentence is not None:
            hi = min(hi, max(sentence.end, span.end))
        m = pattern.match(text, span.end, hi)
        if m is None and sentence is not None and sentence.start < span.start:
            # Fronted: "Unter Berufung auf Regierungskreise meldete die Agentur AFP, …".
            m = pattern.match(text, sentence.start, span.start)
        if m is None:
            return None
        who = Span.of(text, *m.span("who"))
        if index.mention_in(who) is not None:
            return None  # an outlet or organisation: the chain itself names it
        words = who.text.split()
        # The kind from the phrase before a place ("Quellen" of "Quellen im Kreml").
        place = next(
            (i for i, w in enumerate(words) if i and w in self._compiled.cited_places), None
        )
        words = words[:place] if place else words
        kind: SpeakerType = "unknown"
        coordinated = "and" in m.re.groupindex and m.group("and") is not None
        quantities = self._compiled.cited_quantities
        counted = any(w.isdigit() or w in quantities for w in words[:2])
        if coordinated or counted or (words[0][:1].isupper() and len(words) == 1):
            kind = "group"  # "Diplomaten", "Diplomaten und Militärs", "zwei Beamte"
        elif all(word[:1].isupper() for word in words):
            kind = "person"  # "Regierungssprecher Steffen Hebestreit"
        elif words[0].casefold() in self._compiled.cited_singular:
            kind = "person"  # "einen Diplomaten"
        return Speaker(who, _bare(who.text, self._compiled.cited_quantities), kind)

    def _with_addressee(
        self,
        index: MentionIndex,
        addressee: Span | None,
        via: tuple[Source, ...],
        referred: OutletMention | None = None,
    ) -> tuple[Source, ...]:
        """An outlet the speaker spoke to is the first hop ("sagte X der dpa"; ``referred``:
        the outlet "der Zeitung" refers back to)."""
        if addressee is None and referred is None:
            return via
        # An addressee that names no outlet ("dem Magazin") refers back to one.
        outlet = (index.mention_in(addressee) if addressee is not None else None) or referred
        if outlet is None or outlet.type == "organization":
            return via
        if any(s.mention is not None and _overlaps(s.mention, outlet.span) for s in via):
            return via  # a link pattern placed it already
        first = Source(outlet.name, outlet.type, "gegenüber", outlet.span, hop=1)
        return (first, *_shifted([s for s in via if s.name != outlet.name], 1))

    def _named_before(
        self, doc: Document, index: MentionIndex, frame: ChainRequest
    ) -> OutletMention | None:
        """The outlet that an addressee of article and type noun right after the cue (and
        the speaker after it) refers back to ("Wie die „Washington Post“ berichtet, … . Ein
        Diplomat sagte der Zeitung, …"): the last one of that type named before it, within
        reach; None where the type has none or an outlet's name follows."""
        c = self._compiled
        cue = getattr(frame, "cue", None)
        if cue is None or not c.back_reference_articles:
            return None
        if frame.addressee is not None and index.mention_in(frame.addressee) is not None:
            return None  # "sagte dem Magazin „Spiegel“": the addressee names its outlet
        text = doc.text
        at = cue.parts[0].end
        mention = frame.speaker.mention if frame.speaker is not None else None
        if mention is not None and mention.start >= at and not text[at : mention.start].strip():
            at = mention.end
        m = _ARTICLE_NOUN.match(text, at, min(len(text), at + 60))
        if m is None or m.group(1).lower() not in c.back_reference_articles:
            return None
        if frame.quote.start <= m.start() < frame.quote.end:
            return None
        kind = c.type_noun_kind(m.group(2))
        if kind is None:
            return None
        addressee = Span.of(text, m.start(1), m.end(2))
        if index.mention_in(addressee) is not None:
            return None
        for mention in index.before(addressee.start, c.back_reference_reach, plain=True):
            if mention.type == kind:
                return mention
        return None

    def _reported_thereby(
        self,
        doc: Document,
        index: MentionIndex,
        frame: ChainRequest,
        speaker: Speaker,
        via: tuple[Source, ...],
    ) -> tuple[Source, ...]:
        """The outlet that a back-reference adverb beside the quotation points to ("Das
        berichtete die Agentur RIA Nowosti. Lawrow sagte demnach, …"): the last outlet
        that relays before the quotation in its paragraph, within reach, as the first hop
        ([chains] report_adverbs). Only where the chain names no source of its own and the
        speaker is no outlet; else ``via`` as it is."""
        c = self._compiled
        if not c.report_adverbs or speaker.type in ("outlet", "organization"):
            return via
        if any(self._builder.relation_class(s.relation) != "outer" for s in via):
            return via
        text = doc.text
        quote = frame.quote
        start = frame.region_start
        own = (
            text[max(start, quote.start - _OCCASION_REACH) : quote.start]
            + " "
            + text[quote.end : min(frame.region_end, quote.end + _OCCASION_REACH)]
        )
        if not any(word in c.report_adverbs for word in _WORD.findall(own)):
            return via
        paragraph = doc.paragraph_index(quote.start)
        for mention in index.before(start, c.back_reference_reach):
            if doc.paragraph_index(mention.span.start) != paragraph:
                return via
            if mention.type == "organization":
                continue
            if self._builder.relation_class(mention.relation) != "relay":
                return via  # the nearest source spoke to the speaker or cites: not a report
            first = Source(mention.name, mention.type, mention.relation, mention.span, hop=1)
            return (first, *_shifted([s for s in via if s.name != mention.name], 1))
        return via

    # -- interviews carry through ------------------------------------------------------------
    def _carry(
        self,
        doc: Document,
        index: MentionIndex,
        frame: ChainRequest,
        chained: Chained,
        carry: _Carry | None,
    ) -> tuple[Chained, _Carry | None]:
        speaker = chained.speaker
        own = [s for s in chained.via if self._builder.relation_class(s.relation) != "outer"]
        if carry is not None and not self._passage_goes_on(doc, index, carry, frame):
            carry = None
        if carry is not None and speaker is not None and speaker.name == carry.name and not own:
            outer = chained.via
            via = (*carry.sources, *_shifted(outer, max(s.hop for s in carry.sources)))
            return Chained(speaker, via), attrs.evolve(
                carry, position=max(carry.position, frame.region_end)
            )
        if speaker is not None and (own or (carry is not None and speaker.name != carry.name)):
            carry = None  # another source is named, or another speaker speaks
        first = tuple(s for s in chained.via if s.hop == 1)
        c = self._compiled
        if (
            speaker is not None
            and first
            and all(s.relation in c.carry or s.relation in c.carry_in_paragraph for s in first)
            and all(s.hop >= 1 for s in chained.via)
        ):
            # "im Interview mit dem ZDF" holds for the passage; "sagte er der dpa" only for
            # the rest of its paragraph.
            passage = all(s.relation in c.carry for s in first)
            paragraph = None if passage else doc.paragraph_index(frame.quote.start)
            carry = _Carry(speaker.name, first, frame.region_end, paragraph)
        elif carry is not None:
            carry = attrs.evolve(carry, position=max(carry.position, frame.region_end))
        return chained, carry

    def _passage_goes_on(
        self, doc: Document, index: MentionIndex, carry: _Carry, frame: ChainRequest
    ) -> bool:
        """No source, dateline or heading between the carrying quotation and this one, and
        no word that names another occasion ([chains] carry_ends) in this one's own words
        ("Später, auf einer Pressekonferenz, betonte sie: …") or between ("Am Abend sprach
        sie im Parlament.")."""
        start = frame.region_start
        if (
            carry.paragraph is not None
            and doc.paragraph_index(frame.quote.start) != carry.paragraph
        ):
            return False
        text = doc.text
        quote = frame.quote
        # Bounded: a region may run over a long sentence.
        own = (
            text[max(start, quote.start - _OCCASION_REACH) : quote.start],
            text[quote.end : min(frame.region_end, quote.end + _OCCASION_REACH)],
        )
        if any(self._another_occasion(words) for words in own):
            return False
        if start <= carry.position:
            return True
        if index.linked_between(carry.position, start):
            return False
        if start - carry.position <= _OCCASION_REACH and self._another_occasion(
            text[carry.position : start]
        ):
            return False
        first = doc.paragraph_index(carry.position)
        last = doc.paragraph_index(start)
        text = doc.text
        for at in range(first + 1, last + 1):
            paragraph = doc.paragraphs[at]
            line = text[paragraph.start : paragraph.end].strip()
            if line and len(line) <= _HEADING_MAX and line[-1] not in _SENTENCE_ENDS:
                return False
        return True

    def _another_occasion(self, words: str) -> bool:
        """Whether ``words`` name another occasion ([chains] carry_ends: "Später",
        "Pressekonferenz")."""
        ends = self._compiled.carry_ends
        return bool(ends) and any(word in ends for word in _WORD.findall(words))


# -- helpers ---------------------------------------------------------------------------------
def _text_order(frames: Sequence[ChainRequest]) -> Iterable[int]:
    """The indexes of ``frames`` by quotation start, longer first at the same start (the
    order ``sorted`` gives, ties by index): ``range`` itself where the frames come in that
    order, as most do, without an int object a frame (issue 9 §2)."""
    if in_offset_order((f.quote for f in frames), longest_first=True):
        return range(len(frames))
    return sorted(range(len(frames)), key=lambda i: (frames[i].quote.start, -frames[i].quote.end))


def _finish(chained: Chained, publisher: Source | None) -> Chained:
    """Each source once, never the speaker, the publisher last; hops without gaps."""
    speaker = chained.speaker
    banned = {speaker.name} if speaker is not None else set()
    seen: set[str] = set()
    kept: list[Source] = []
    for source in chained.via:
        if source.name in banned or source.name in seen:
            continue
        seen.add(source.name)
        if publisher is not None and source.name == publisher.name:
            source = attrs.evolve(source, type="publisher")
        kept.append(source)
    if publisher is not None and publisher.name not in banned:
        # The publisher ends the chain, also where the text names it ("laut Epoch Times").
        named = next((s for s in kept if s.name == publisher.name), None)
        kept = [s for s in kept if s.name != publisher.name]
        last = publisher if named is None else named
        kept.append(attrs.evolve(last, hop=(max(s.hop for s in kept) + 1) if kept else 1))
    hops: dict[int, int] = {0: 0}
    for source in kept:
        hops.setdefault(source.hop, len(hops))
    via = tuple(attrs.evolve(s, hop=hops[s.hop]) for s in kept)
    return Chained(speaker, via)


def _own_words(index: MentionIndex, speaker: Speaker | None, span: Span | None) -> Span | None:
    """The part of a speaker's mention that is the speaker's own, for the chain: a mention
    that runs on into an outlet that carried the words ("Peskow von der Agentur Interfax"
    before "zitiert") ends before that outlet, so the outlet stays in the chain. Only for
    a speaker that is not an outlet itself, and only outlets linked outside the mention."""
    if speaker is None or span is None or speaker.type in ("outlet", "organization"):
        return span
    outlet = index.mention_in(span)
    if (
        outlet is None
        or outlet.name == speaker.name
        or outlet.link is None
        or outlet.link.start < span.end
        or outlet.span.start <= span.start
    ):
        return span
    return Span(span.start, outlet.span.start, span.text[: outlet.span.start - span.start])


def _coordinated_speakers(
    doc: Document, index: MentionIndex, speaker: Speaker, span: Span, carriers: frozenset[str]
) -> tuple[Speaker, tuple[Source, ...]] | None:
    """Coordinated outlets that are the speaker together ("Den Angaben von Reuters und AFP
    zufolge", "Laut Reuters und AFP"): parallel sources, not a chain. The first in the text
    names the speaker, whose mention is widened over them all; the others stand beside it
    at hop 0 ("Reuters & AFP"). None unless the speaker's mention names an outlet that the
    text coordinates with at least one other outlet, and the speaker is that outlet or a
    group whose mention names nobody before it but a carrier ("Angaben von Reuters und
    AFP"; "ein Sprecher von ARD und ZDF" is a person)."""
    first = index.mention_in(span)
    if first is None:
        return None
    members = index.group_of(first)
    lead = members[0] if members else first
    if sum(m.type != "organization" for m in members) < 2 or lead.type == "organization":
        return None
    if speaker.type != "outlet" and speaker.name not in {m.name for m in members}:
        before = doc.text[span.start : max(span.start, lead.span.start)]
        named = [w for w in before.split() if w[:1].isupper() and w not in carriers]
        if speaker.type not in ("group", "unknown") or named:
            return None
    start = min(span.start, lead.span.start)
    end = max(span.end, max(m.span.end for m in members))
    beside = tuple(
        Source(m.name, m.type, m.relation, m.span, hop=0)
        for m in members[1:]
        if m.name != lead.name
    )
    return Speaker(Span.of(doc.text, start, end), lead.name, "outlet"), beside


def _shifted_down(via: Sequence[Source]) -> tuple[Source, ...]:
    """``via`` one hop nearer the speaker (its first hop became the speaker)."""
    return tuple(attrs.evolve(s, hop=max(s.hop - 1, 1)) for s in via)


def _shifted(via: Sequence[Source], by: int) -> tuple[Source, ...]:
    return tuple(attrs.evolve(s, hop=s.hop + by) if s.hop > 0 else s for s in via)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _bare(text: str, quantities: frozenset[str] = frozenset()) -> str:
    """The cited phrase without a leading article: "den Diplomaten" → "Diplomaten"; a
    numeral stays ("zwei Regierungsbeamte", "die drei Beamten" → "drei Beamten")."""
    first, _, rest = text.partition(" ")
    if rest and first[:1].islower() and first not in quantities:
        return rest
    return text
