"""The chain through which one quotation reached the reader.

:class:`ChainBuilder` turns the outlet mentions around a quotation into ordered sources
with hops (speaker hop 0, the first outlet hop 1, …).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from quotes.document import Document
from quotes.pipeline.outlets.base import (
    CLASS_ORDER,
    MENTION,
    WINDOW,
    OutletMention,
    RelationClass,
)
from quotes.pipeline.outlets.compiled import Compiled
from quotes.records import Source, Span

__all__ = ["ChainBuilder", "MentionIndex", "OutletMentions", "index_mentions"]


@attrs.frozen
class MentionIndex:
    """Mentions sorted by start, for the bisect lookups in :meth:`OutletFinder.via`."""

    mentions: tuple[OutletMention, ...]  # linked ones only: plain mentions never count
    starts: tuple[int, ...]
    extents: tuple[tuple[int, int], ...]  # name and linking words together
    datelines: tuple[OutletMention, ...]
    dateline_starts: tuple[int, ...]
    # The members of each dateline's group ("(AFP/dpa)"), looked up per quotation: scanning
    # every dateline for every quotation made "Berlin (dpa) –" line after line quadratic.
    # Groups of one are left out: a dateline alone in its group is its own group.
    dateline_groups: Mapping[int, tuple[OutletMention, ...]]
    every: tuple[OutletMention, ...] = ()  # all mentions, plain ones too
    every_starts: tuple[int, ...] = ()
    # The members of each coordination group ("Reuters und AFP"), in text order; groups of
    # one are left out (see group_of).
    groups: Mapping[int, tuple[OutletMention, ...]] = attrs.field(factory=dict)

    def group_of(self, mention: OutletMention) -> tuple[OutletMention, ...]:
        """The mentions coordinated with ``mention`` (itself included), in text order."""
        return self.groups.get(mention.group, (mention,))

    def mention_in(self, span: Span) -> OutletMention | None:
        """The first mention (of any relation) whose name overlaps ``span``."""
        at = max(bisect_left(self.every_starts, span.start) - 1, 0)
        for i in range(at, len(self.every)):
            mention = self.every[i]
            if mention.span.start >= span.end:
                return None
            if _overlaps(mention.span, span):
                return mention
        return None

    def before(self, start: int, reach: int, *, plain: bool = False) -> Iterator[OutletMention]:
        """The mentions that start before ``start``, nearest first, while the gap from a
        mention's end to ``start`` is at most ``reach``; linked ones only unless ``plain``."""
        mentions = self.every if plain else self.mentions
        starts = self.every_starts if plain else self.starts
        for k in range(bisect_left(starts, start) - 1, -1, -1):
            mention = mentions[k]
            if start - mention.span.end > reach:
                return
            yield mention

    def linked_between(self, start: int, end: int) -> bool:
        """Whether a linked mention or a dateline starts in ``start:end``."""
        for starts in (self.starts, self.dateline_starts):
            if bisect_left(starts, start) < bisect_left(starts, end):
                return True
        return False


def index_mentions(mentions: Sequence[OutletMention]) -> MentionIndex:
    """The mentions sorted by start and grouped, for :meth:`ChainBuilder.via_indexed`."""
    ordered = tuple(mentions)
    if any(a.span.start > b.span.start for a, b in itertools.pairwise(ordered)):
        ordered = tuple(sorted(ordered, key=lambda m: (m.span.start, m.span.end)))
    linked = tuple(m for m in ordered if m.relation not in (MENTION, "dateline"))
    datelines = tuple(m for m in ordered if m.relation == "dateline")
    every_starts = tuple(m.span.start for m in ordered)
    if len(datelines) == len(ordered):
        # Every mention a dateline (issue 9 §2: a text of dateline lines): one tuple of
        # them and of their starts, not two equal ones.
        datelines, dateline_starts = ordered, every_starts
    else:
        dateline_starts = tuple(m.span.start for m in datelines)
    groups = _shared_groups(ordered)
    index = MentionIndex(
        linked,
        tuple(m.span.start for m in linked),
        tuple((m.start, m.end) for m in linked),
        datelines,
        dateline_starts,
        groups if datelines is ordered else _shared_groups(datelines),
        ordered,
        every_starts,
        groups,
    )
    return index


def _shared_groups(mentions: Sequence[OutletMention]) -> dict[int, tuple[OutletMention, ...]]:
    """The groups of two or more of ``mentions``, each in their order. A mention alone in
    its group is left out (:meth:`MentionIndex.group_of` gives it alone): a text of many
    dateline lines has one group per line, and a tuple and a list per group cost a third
    of the index (issue 9 §2)."""
    sizes: dict[int, int] = {}
    for mention in mentions:
        sizes[mention.group] = sizes.get(mention.group, 0) + 1
    members: dict[int, list[OutletMention]] = {}
    for mention in mentions:
        if sizes[mention.group] > 1:
            members.setdefault(mention.group, []).append(mention)
    return {group: tuple(found) for group, found in members.items()}


class OutletMentions(tuple[OutletMention, ...]):
    """The outlet mentions of one document in text order (a tuple), with the index that
    :meth:`ChainBuilder.via` reads: built once with the mentions, so each quotation's chain
    costs what its region holds, not what the document holds."""

    mention_index: MentionIndex

    def __new__(cls, mentions: Iterable[OutletMention] = ()) -> OutletMentions:
        self = super().__new__(cls, mentions)
        self.mention_index = index_mentions(self)
        return self


@attrs.frozen
class ChainBuilder:
    """Orders the mentions around a quotation into its chain."""

    _compiled: Compiled

    # -- via --------------------------------------------------------------------------------
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

        A mention counts when its name or linking words lie in ``start:end``; so does one
        in the rest of the region's last sentence ("…, wie suedkurier.de berichtet.",
        "… n-tv.de."), unless the speaker spoke to or on it, and the latest dateline before
        the region. Mentions without linking words never count.

        Order: sources the speaker spoke to or on ("gegenüber", "interview", "auf") first,
        then the outlets that passed the words on, nearest to the speaker first, each
        preceded by the sources it cites ("laut A unter Berufung auf B": B, then A), then
        the sources of the whole sentence or text. Coordinated sources share a hop. When
        the speaker is one of several coordinated sources, the others stand beside it at
        hop 0. Organisations count only in a chain that has an outlet.

        Indexes ``mentions`` on each call: a caller with many quotations indexes them once
        (:meth:`index`) and calls :meth:`via_indexed`.
        """
        if not mentions or end < start:
            return ()
        return self.via_indexed(doc, self.index(mentions), start, end, speaker)

    def via_indexed(
        self,
        doc: Document,
        index: MentionIndex,
        start: int,
        end: int,
        speaker: Span | None = None,
    ) -> tuple[Source, ...]:
        """:meth:`via` over mentions already indexed with :meth:`index`."""
        if end < start:
            return ()
        text = doc.text
        if not index.mentions and not index.datelines:
            return ()
        last_sentence = doc.sentence_at(max(start, end - 1)) if doc.sentences else None
        # Bounded: a "sentence" without punctuation may run for megabytes.
        reach_end = max(end, min(last_sentence.end, end + WINDOW) if last_sentence else end)
        lo = bisect_left(index.starts, start - WINDOW)
        hi = bisect_right(index.starts, reach_end + WINDOW)
        chosen: list[OutletMention] = []
        for position in range(lo, hi):
            mention = index.mentions[position]
            first, last = index.extents[position]
            in_region = first < end and last > start
            if not in_region and self._class(mention.relation) != "direct":
                # The rest of the last sentence: "…, wie suedkurier.de berichtet.",
                # "… könne n-tv.de." A direct link ("sagte … der dpa") belongs to its own
                # verb, which lies in the region when it is this quotation's.
                in_region = (
                    last_sentence is not None
                    and first >= start
                    and last_sentence.start <= first
                    and last <= min(last_sentence.end, reach_end)
                )
            if in_region:
                chosen.append(mention)
        chosen.extend(self._citers(doc, index, chosen, lo))
        dateline_at = bisect_left(index.dateline_starts, start) - 1
        if dateline_at >= 0:
            dateline = index.datelines[dateline_at]
            chosen.extend(index.dateline_groups.get(dateline.group, (dateline,)))
        if not chosen:
            return ()
        return self._order(text, doc, chosen, speaker)

    def _citers(
        self, doc: Document, index: MentionIndex, chosen: list[OutletMention], lo: int
    ) -> list[OutletMention]:
        """Outlets outside the region that cite a source inside it: in "Laut „Spiegel“ unter
        Berufung auf Reuters sagte Merz" the frame may start after „Spiegel“."""
        taken = {id(m) for m in chosen}
        out: list[OutletMention] = []
        for mention in chosen:
            if self._class(mention.relation) != "cited" or mention.link is None:
                continue
            anchor = mention.link.start
            sentence = doc.sentence_index(anchor)
            at = bisect_left(index.starts, anchor) - 1
            while at >= lo:
                other = index.mentions[at]
                if doc.sentence_index(other.span.start) != sentence or other.span.end > anchor:
                    break
                if self._class(other.relation) in ("direct", "relay"):
                    if id(other) not in taken:
                        taken.add(id(other))
                        out.append(other)
                    break
                at -= 1
        return out

    def index(self, mentions: Sequence[OutletMention]) -> MentionIndex:
        """The mentions of a document sorted and grouped for :meth:`via_indexed`: the
        index :meth:`OutletFinder.find` returned them with, else built now."""
        if isinstance(mentions, OutletMentions):
            return mentions.mention_index
        return index_mentions(mentions)

    def relation_class(self, relation: str) -> RelationClass:
        """How close to the speaker a relation puts an outlet (see [relations])."""
        return self._class(relation)

    def _class(self, relation: str) -> RelationClass:
        return self._compiled.classes.get(relation, "relay")

    def _order(
        self,
        text: str,
        doc: Document,
        chosen: list[OutletMention],
        speaker: Span | None,
    ) -> tuple[Source, ...]:
        groups: dict[int, list[OutletMention]] = {}
        for mention in sorted(chosen, key=lambda m: (m.span.start, m.span.end)):
            groups.setdefault(mention.group, []).append(mention)
        beside_speaker: list[OutletMention] = []
        for key in list(groups):
            members = groups[key]
            if speaker is not None and any(_overlaps(m.span, speaker) for m in members):
                beside_speaker.extend(m for m in members if not _overlaps(m.span, speaker))
                groups[key] = []  # the speaker's own group: what is left stands beside it
        spoken_in = -1 if speaker is None else doc.sentence_index(speaker.start)

        by_class: dict[RelationClass, list[list[OutletMention]]] = {k: [] for k in CLASS_ORDER}
        for members in groups.values():
            if members:
                by_class[self._class(members[0].relation)].append(members)
        # Attach each cited group to the group that cites it: the nearest before it in the
        # same sentence. A citation without one (its citer is the speaker) is a relay.
        hosts: list[list[OutletMention]] = by_class["direct"] + by_class["relay"]
        cited_by: dict[int, list[list[OutletMention]]] = {}
        for members in by_class["cited"]:
            host = _citer(doc, members, hosts + by_class["cited"])
            if host is None:
                by_class["relay"].append(members)
            else:
                cited_by.setdefault(id(host), []).append(members)

        def distance(members: list[OutletMention]) -> tuple[int, int]:
            first = min(m.span.start for m in members)
            if speaker is None:
                return (0, first)
            gap = min(
                max(speaker.start - m.span.end, m.span.start - speaker.end, 0) for m in members
            )
            same_sentence = doc.sentence_index(first) == spoken_in
            return (gap if same_sentence else gap + len(text), first)

        sequence: list[list[OutletMention]] = []
        for members in sorted(by_class["direct"], key=lambda g: g[0].span.start):
            _emit(members, cited_by, sequence)
        for members in sorted(by_class["relay"], key=distance):
            _emit(members, cited_by, sequence)
        outer = sorted(
            by_class["outer"], key=lambda g: (g[0].relation == "dateline", g[0].span.start)
        )
        sequence.extend(outer)

        sources: list[Source] = []
        seen: set[str] = set()
        for m in beside_speaker:
            if m.name not in seen:
                seen.add(m.name)
                sources.append(Source(m.name, m.type, m.relation, m.span, hop=0))
        hop = 0
        for members in sequence:
            fresh = [m for m in members if m.name not in seen]
            if not fresh:
                continue
            hop += 1
            for m in fresh:
                seen.add(m.name)
                sources.append(Source(m.name, m.type, m.relation, m.span, hop=hop))
        if not any(s.type != "organization" for s in sources):
            return ()
        return tuple(sources)


def _emit(
    members: list[OutletMention],
    cited_by: dict[int, list[list[OutletMention]]],
    sequence: list[list[OutletMention]],
    depth: int = 0,
) -> None:
    """Append ``members`` to ``sequence``, after the groups it cites (and theirs).

    A function of the module, not a closure: a closure that calls itself is a reference
    cycle, and each quotation's chain then stayed alive until the cyclic garbage collector
    ran (10 bytes per character of a text of dateline lines, issue 9 §2)."""
    if depth < 8:  # citations of citations; bounded against cycles
        for cited in sorted(cited_by.get(id(members), []), key=lambda g: g[0].span.start):
            _emit(cited, cited_by, sequence, depth + 1)
    sequence.append(members)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _citer(
    doc: Document, cited: list[OutletMention], candidates: list[list[OutletMention]]
) -> list[OutletMention] | None:
    """The group that cites ``cited``: the nearest one ending before its link words."""
    anchor = cited[0].link.start if cited[0].link is not None else cited[0].span.start
    sentence = doc.sentence_index(anchor)
    best: list[OutletMention] | None = None
    best_end = -1
    for members in candidates:
        if members is cited:
            continue
        end = max(m.span.end for m in members)
        if end <= anchor and end > best_end and doc.sentence_index(end - 1) == sentence:
            best, best_end = members, end
    return best
