"""How the text links each outlet to what is reported, and which outlets it coordinates.

Steps 2 and 3 of :meth:`OutletFinder.find <quotes.pipeline.outlets.OutletFinder.find>`:
link patterns matched in a bounded window around each candidate, relations that come from
a name's place (a dateline, a trailing domain), and coordination into groups.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any, Final, cast

import attrs
import regex

from quotes.document import Document
from quotes.ordering import in_offset_order
from quotes.pipeline.outlets.base import CLOSERS, MENTION, WINDOW, Candidate, OutletMention
from quotes.pipeline.outlets.compiled import Compiled, LinkRule
from quotes.records import Span

__all__ = ["Link", "Linker"]

# How far after a mention an organisation may be coordinated with it.
_ORG_WINDOW: Final = 200

# A dateline at the start of a paragraph: "Berlin (dpa) - …", "(AFP/dpa) –".
# The dash may be missing ("(epd) „…“", "Hamburg (AFP). Die …") after a place of capitalised
# (or short) words; only an outlet in the parentheses makes it a dateline.
_DATELINE: Final = regex.compile(
    r"[ \t]*(?:"
    r"(?:\p{Lu}[\p{L}.\-/ ]{0,40}?[ \t]*)?\((?P<inner>[^()\n]{1,60})\)[ \t]*[\-–—:]"
    r"|(?:\p{Lu}[\p{L}.\-/]*(?:[ \t]+(?:\p{Lu}[\p{L}.\-/]*|\p{Ll}{1,3})){0,3}[ \t]*)?"
    r"\((?P<inner>[^()\n]{1,60})\)\.?(?=[ \t]+[\p{Lu}„“\"»]))",
    regex.V1,
)

# What may follow a name that ends a sentence as its source: "… könne n-tv.de."
_TRAILING: Final = regex.compile(r"[ \t]*[)\]]?[ \t]*[.!?…]*[ \t]*(?=$|[\r\n]|[\p{Lu}„“\"»«(])")

_COORDINATOR: Final = regex.compile(r"\s*(?:(?P<comma>,)|/|&|und|sowie|oder|bzw\.)\s*")

_CREDIT_OPEN: Final = regex.compile(r"\((?:\s*[Qq]uellen?\s*:)?\s*$")

_CLAUSE_START: Final = regex.compile(
    r"(?r)(?:^|[.!?:;,–—(]\s*|[„“\"»«]\s*|(?<![\w-])[Ww]ie\s+)(?:(?:so|auch|jetzt|nun)\s+)?"
)


# No weak references: one a candidate while the mentions are built (issue 9 §2).
@attrs.frozen(weakref_slot=False)
class Link:
    relation: str
    link: tuple[int, int] | None
    np_start: int  # where the outlet's noun phrase (articles, adjectives, type noun) begins
    close_end: int  # after the name and its closing quotation mark
    has_type_noun: bool
    licenses: bool = False  # whether the link makes an ambiguous alias an outlet
    before: bool = False  # found by a "before" pattern
    type_noun: str | None = None  # the type noun of the noun phrase ("Fernsehsender")


@attrs.frozen
class Linker:
    """Link patterns, sentence sources and coordination over the candidates."""

    _compiled: Compiled

    # -- links ----------------------------------------------------------------------------
    def link(self, doc: Document, candidate: Candidate) -> Link:
        """How the text links one candidate: the first link pattern that fits."""
        text = doc.text
        c = self._compiled
        paragraph = doc.paragraph_at(candidate.start)
        para_start = paragraph.start if paragraph is not None else 0
        para_end = max(paragraph.end if paragraph is not None else len(text), candidate.end)
        lo = max(para_start, candidate.start - WINDOW)
        hi = min(para_end, candidate.end + WINDOW)
        close_end = candidate.end
        if text[close_end : close_end + 2] == "''":
            close_end += 2
        elif text[close_end : close_end + 1] in CLOSERS:
            close_end += 1
        phrase = c.noun_phrase.match(text, lo, candidate.start)
        np_start = phrase.start() if phrase is not None else candidate.start
        has_type = phrase is not None and phrase.group("type") is not None
        type_noun = phrase.group("type") if has_type and phrase is not None else None
        det = phrase.group("det") if phrase is not None else None
        carrier = phrase is not None and phrase.group("carrier") is not None

        # The noun phrase is matched once, greedily; a rule may need it shorter (its own
        # last word looking like an adjective), so rules are tried at each word start
        # inside it as well, longest phrase first.
        starts = [np_start] + [
            p
            for p in range(np_start + 1, candidate.start + 1)
            if text[p - 1].isspace() and not text[p].isspace()
        ]
        phrases: dict[int, Any] = {np_start: phrase}
        for at in starts:
            if at not in phrases:
                phrases[at] = c.noun_phrase_full.fullmatch(text, at, candidate.start)
            found = phrases[at]
            if found is None and at != candidate.start:
                continue  # no noun phrase starts here

            def accept(rule: LinkRule, _m: Any, found: Any = found) -> bool:
                if not _fits(rule, candidate):
                    return False
                found_det = found.group("det") if found is not None else None
                if rule.dets is not None and found_det not in rule.dets:
                    return False
                return not rule.carrier or (found is not None and found.group("carrier"))

            hit = c.before.first(text, lo, at, hi, accept)
            if hit is not None:
                rule, matched = hit
                typed = found is not None and found.group("type") is not None
                return Link(
                    rule.relation,
                    matched.link(),
                    at,
                    close_end,
                    has_type or typed,
                    rule.licenses,
                    before=True,
                    type_noun=type_noun or (found.group("type") if typed else None),
                )

        def accept_after(rule: LinkRule, _m: Any) -> bool:
            if not _fits(rule, candidate):
                return False
            if rule.dets is not None and det not in rule.dets:
                return False
            return not rule.carrier or carrier

        hit = c.after.first(text, lo, close_end, hi, accept_after)
        if hit is not None:
            rule, matched = hit
            licenses = rule.licenses and _clause_start(text, lo, np_start)
            return Link(
                rule.relation,
                matched.link(),
                np_start,
                close_end,
                has_type,
                licenses,
                type_noun=type_noun,
            )
        return Link(MENTION, None, np_start, close_end, has_type, type_noun=type_noun)

    def mark_sentence_sources(
        self, doc: Document, candidates: list[Candidate], links: list[Link]
    ) -> None:
        """Relations that come from a name's place rather than from words around it.

        A bare domain at the end of a sentence ("… abgeben könne n-tv.de.") names the
        source of that sentence ("domain"); so does an outlet in parentheses there
        ("… (dpa).", relation "quelle"); an outlet in a dateline at the start of a
        paragraph ("Berlin (dpa) - …") names the source of what follows ("dateline").
        """
        if all(link.relation != MENTION for link in links):
            return  # only mere mentions take a relation from their place
        text = doc.text
        # Where each dateline's parentheses hold their words: two arrays of offsets, not a
        # pair of int objects a line (issue 9 §2: a text of dateline lines).
        dateline_starts, dateline_ends = array("q"), array("q")
        for start, end in doc.paragraph_bounds():
            stop = min(end, start + 160)
            if text.find("(", start, stop) < 0:
                continue  # every dateline holds its parentheses: no match here
            m = _DATELINE.match(text, start, stop)
            if m is not None:
                dateline_starts.append(m.start("inner"))
                dateline_ends.append(m.end("inner"))
        for index, (candidate, link) in enumerate(zip(candidates, links, strict=True)):
            if link.relation != MENTION:
                continue
            at = bisect_right(dateline_starts, candidate.start) - 1
            if at >= 0 and candidate.end <= dateline_ends[at]:
                links[index] = attrs.evolve(link, relation="dateline")
                continue
            paragraph = doc.paragraph_at(candidate.start)
            if paragraph is None or not _TRAILING.match(text, link.close_end, paragraph.end):
                continue
            # Bounded look back: a long paragraph must not make this quadratic.
            before = text[max(paragraph.start, candidate.start - WINDOW) : candidate.start]
            if not any(ch.isalpha() for ch in before):
                continue  # a heading or a masthead, not the end of a sentence
            stripped = before.rstrip()
            if candidate.domain and (before[-1:].isspace() or stripped.endswith(("(", "–", "-"))):
                links[index] = attrs.evolve(link, relation="domain")
            elif _CREDIT_OPEN.search(before[-40:]) and text[
                link.close_end : link.close_end + 1
            ] in (")", "/", ","):
                links[index] = attrs.evolve(link, relation="quelle")

    # -- coordination -----------------------------------------------------------------------
    def coordinate(
        self, doc: Document, candidates: list[Candidate], links: list[Link | None]
    ) -> tuple[OutletMention, ...]:
        """Group coordinated mentions, share their relation, add coordinated organisations.

        Each link and candidate is let go (set to None in ``links`` and ``candidates``)
        once the mentions of its group are made: in a text of dateline lines there is one
        of each a line (issue 9 §2)."""
        text = doc.text
        n = len(candidates)
        # Which neighbours are coordinated: "und"-like joins count at once, commas only
        # inside a list that an "und"-like join closes ("Tass, RIA Nowosti und Interfax").
        joins: list[str | None] = [None] * max(n - 1, 0)
        for i in range(n - 1):
            left, right = cast(Link, links[i]), cast(Link, links[i + 1])
            if (
                left.relation != MENTION
                and right.relation != MENTION
                and left.relation != right.relation
            ):
                continue
            if right.np_start < left.close_end or right.np_start - left.close_end > 20:
                continue
            m = _COORDINATOR.fullmatch(text, left.close_end, right.np_start)
            if m is not None:
                joins[i] = "comma" if m.group("comma") else "and"
        closing = False
        for i in range(len(joins) - 1, -1, -1):
            if joins[i] == "and":
                closing = True
            elif joins[i] == "comma":
                if not closing:
                    joins[i] = None
            else:
                closing = False
        # The groups: runs of coordinated neighbours. A group is named by where its first
        # candidate starts (the int its mention's span holds: no int object of its own a
        # group), and each candidate goes once its mention is made, its offsets kept for
        # the cited organisations below (issue 9 §2: one a dateline line).
        mentions: list[OutletMention] = []
        bounds_starts, bounds_ends = array("q"), array("q")
        first = 0
        while first < n:
            end = first + 1
            while end < n and joins[end - 1] is not None:
                end += 1
            members = cast(list[Link], links[first:end])
            shared = next((link for link in members if link.relation != MENTION), None)
            group_id = candidates[first].start
            for i, link in enumerate(members, first):
                own = link if link.relation != MENTION or shared is None else shared
                candidate = candidates[i]
                mentions.append(self._mention(text, candidate, own, group_id))
                bounds_starts.append(candidate.start)
                bounds_ends.append(candidate.end)
            if shared is not None:
                next_start = candidates[end].start if end < n else None
                mentions.extend(
                    self._coordinated_organisations(text, members[-1], shared, group_id, next_start)
                )
            del members, shared, candidate
            links[first:end] = [None] * (end - first)
            candidates[first:end] = [None] * (end - first)  # type: ignore[list-item]
            first = end
        bounds = zip(bounds_starts, bounds_ends, strict=True)
        mentions.extend(self._cited_organisations(text, mentions, bounds))
        # Sorted where the organisations put them out of order (a key is a tuple and an
        # int a mention).
        if not in_offset_order(m.span for m in mentions):
            mentions.sort(key=lambda m: (m.span.start, m.span.end))
        return tuple(mentions)

    def _mention(self, text: str, candidate: Candidate, link: Link, group: int) -> OutletMention:
        link_span = None if link.link is None else Span.of(text, *link.link)
        return OutletMention(
            Span.of(text, candidate.start, candidate.end),
            candidate.name,
            candidate.type,
            link.relation,
            link_span,
            group,
        )

    def _coordinated_organisations(
        self, text: str, last: Link, shared: Link, group: int, next_start: int | None
    ) -> list[OutletMention]:
        """Organisations coordinated after a linked outlet ("CNN und … des Ministeriums")."""
        out: list[OutletMention] = []
        comma_only: list[bool] = []
        position = last.close_end
        for _ in range(3):
            hi = min(len(text), position + _ORG_WINDOW)
            m = self._compiled.org_after_coordinator.match(text, position, hi)
            if m is None or (next_start is not None and m.end("org") > next_start):
                break
            out.append(self._organisation(text, m, shared.relation, shared.link, group))
            comma_only.append(m.group("join").strip() == ",")
            position = m.end("org")
        # A comma alone joins only inside a list that an "und"-like join closes, as between
        # outlets: in "schrieb auf seiner Plattform X, die Regierung lüge" the comma opens
        # the content, and the Regierung is no second platform.
        while comma_only and comma_only[-1]:
            comma_only.pop()
            out.pop()
        return out

    def _cited_organisations(
        self,
        text: str,
        mentions: list[OutletMention],
        candidates: Iterable[tuple[int, int]],
    ) -> list[OutletMention]:
        """Organisations that an outlet cites ("berichtet CNN unter Berufung auf das Pentagon").

        Only near outlets: an organisation without one never enters a chain. The windows
        are scanned once each, in order, so the cost stays linear.
        """
        # Where the mentions start, in order (a pair of offsets each cost an int and a tuple
        # a mention, and only the starts are read).
        starts = sorted(m.span.start for m in mentions)
        out: list[OutletMention] = []
        # Each organisation is a group of its own: negative numbers, apart from the groups
        # of the candidates, named by their offsets.
        group = -1
        scanned = 0
        pattern = self._compiled.org_after_citation
        for candidate_start, candidate_end in candidates:
            lo = max(scanned, candidate_start - WINDOW)
            hi = min(len(text), candidate_end + WINDOW)
            if lo >= hi:
                continue
            for m in pattern.finditer(text, lo, min(len(text), hi + _ORG_WINDOW)):
                if m.start() >= hi:
                    break  # the next window reads it
                # Skip where an outlet (or an organisation already found) sits in the phrase.
                at = bisect_left(starts, m.start())
                if at < len(starts) and starts[at] < m.end("org"):
                    continue
                if self._is_type_noun(m.group("org")):
                    continue  # "die Nachrichtenagentur Reuters": the outlet's type noun
                link = m.span("cite")
                out.append(self._organisation(text, m, "unter Berufung auf", link, group))
                group -= 1
            scanned = hi
        return out

    def _organisation(
        self, text: str, m: Any, relation: str, link: tuple[int, int] | None, group: int
    ) -> OutletMention:
        start, end = m.span("org")
        return OutletMention(
            Span.of(text, start, end),
            self._organisation_name(text[start:end]),
            "organization",
            relation,
            None if link is None else Span.of(text, *link),
            group,
        )

    def _is_type_noun(self, word: str) -> bool:
        return self._compiled.type_noun_kind(word) is not None

    def _organisation_name(self, written: str) -> str:
        """The organisation's name: known names from the rules, else without genitive -s.

        "US-Außenministeriums" → "US-Außenministerium", "Weißen Hauses" → "Weißes Haus".
        """
        c = self._compiled
        if written in c.org_names:
            return c.org_names[written]
        lowered = written.lower()
        for head in c.org_heads:
            for suffix in c.org_genitive_endings:
                if lowered.endswith(head + suffix):
                    return written[: -len(suffix)]
        return written


def _fits(rule: LinkRule, candidate: Candidate) -> bool:
    if rule.types is not None and candidate.type not in rule.types:
        return False
    if rule.known and candidate.unknown:
        return False
    return rule.domain is None or rule.domain == candidate.domain


def _clause_start(text: str, lo: int, at: int) -> bool:
    """Whether a noun phrase at ``at`` starts a sentence or clause, or follows "wie"."""
    return _CLAUSE_START.match(text, lo, at) is not None
