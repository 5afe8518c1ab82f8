"""Outlet names in the text: the gazetteer, web domains, quoted titles and type nouns.

:class:`Gazetteer` finds the candidates of :meth:`OutletFinder.find
<quotes.pipeline.outlets.OutletFinder.find>` (step 1, a few single regex passes over the
whole text) and answers lookups: canonical names for written ones, the publisher named in
a text's header.
"""

from __future__ import annotations

import heapq
import re
import sys
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Final

import attrs
import regex

from quotes.document import Document
from quotes.ordering import in_offset_order
from quotes.pipeline.outlets.base import CLOSERS, OPENERS, Candidate
from quotes.pipeline.outlets.compiled import Alias, Compiled, Entry
from quotes.records import Source, SourceType, Span

__all__ = ["Gazetteer"]

# A web domain: labels joined by dots, ending in a known top-level domain. Possessive
# repetition keeps it linear on "a.a.a.a…" input; the lookbehind makes matches start only
# at the beginning of a dotted chain (not inside an e-mail address or another domain).
_TLDS: Final = frozenset(
    {
        *("de", "com", "at", "ch", "net", "org", "ru", "eu", "info", "io", "uk", "fr", "it"),
        *("es", "nl", "be", "pl", "ua", "us", "tv", "news", "online", "cz", "se", "dk", "no"),
        *("fi", "tr", "il", "cn", "jp", "kr", "au", "ca", "gov", "edu", "int", "media", "app"),
        *("social", "press", "li", "lu", "hu", "gr", "pt", "ro", "by", "va", "me", "cc", "ir"),
        *("in", "ge", "kz"),
    }
)

_TLD_RE: Final = "|".join(sorted(_TLDS, key=len, reverse=True))

# Found from its end: a dot and a top-level domain that ends the dotted chain. Dots are far
# rarer than word starts, so this is much cheaper than trying a host at every word; the
# host is then read backwards from the dot (at most _HOST_MAX characters).
_TLD_END: Final = re.compile(rf"\.(?:{_TLD_RE})(?![\w\-]|\.[\w\-])")

_HOST_CHARS: Final = frozenset("-.")

_HOST_MAX: Final = 253

# A header line that is a domain or URL (the publisher's masthead: "RENEWZ.de").
_HEADER_URL: Final = regex.compile(
    r"(?:https?://)?(?:www\.)?(?P<host>[\p{L}\d][\p{L}\d\-]*+(?:\.[\p{L}\d\-]++)*+)"
    rf"(?<=\.(?:{_TLD_RE}))(?:[/?#]\S*)?",
    regex.V1,
)

# Two-level public suffixes, so that "bbc.co.uk" is named by "bbc", not by "co".
_SECOND_LEVEL: Final = frozenset({"co", "com", "org", "net", "gov", "ac", "ne", "or"})

# A short quoted title: „Berliner Zeitung“, »Spiegel«, ''Le Monde''. Lazy and bounded.
# The opening mark first, the look-behind after it: the engine scans for the marks instead
# of trying the look-behind at every position (same matches as "(?<!\w)(?:''|[…])"). One
# class of the first characters ("'" among them), so that the scan skips to them (an
# alternation of "''" and a class is tried at every position); a "'" then needs its second.
_TITLE: Final = re.compile(
    r"['„“”\"»«‚‘›‹](?<!\w.)(?:(?<=')'|(?<!'))"
    r"(?P<title>[^\W_][^„“”\"»«‚‘’›‹\n]{0,58}?)"
    r"(?:''|[“”\"«»‘’‹›])(?!\w)"
)

_WORD_BEFORE: Final = regex.compile(r"(?r)(?<![\w\-])(?P<word>[\w\-]+)[ \t\u00a0]+")

_NON_SPACE: Final = re.compile(r"\S+")

_CLAUSE_PUNCTUATION: Final = re.compile(r"[,;:!?]|\.\s")

_COMPOUND_TAIL: Final = re.compile(r"-(\w+)")

_LEADING_ARTICLE: Final = re.compile(r"^(?i:die|der|das|dem|den|des|the)\s+")

_ARTICLE_START: Final = regex.compile(r"(?:Die|Der|Das|DIE|DER|DAS) ")


@attrs.frozen
class Gazetteer:
    """Candidates for outlet names, and lookups of written names."""

    _compiled: Compiled

    def candidates(
        self,
        doc: Document,
        titles: Sequence[Span],
        dropped: Callable[[Candidate], bool] | None = None,
    ) -> list[Candidate]:
        """Outlet names, most certain first, without overlaps, in text order.

        Each pass yields candidates in text order; a later pass only fills the gaps the
        earlier ones left: domains, then the gazetteer, the publisher's name, quoted
        titles, and names after type nouns. ``dropped`` tells of an unknown quoted title
        that the caller would drop it: it still claims its place, but is left out.
        """
        text = doc.text
        claimed = _claim(
            [
                self._domain_candidates(text),
                self._gazetteer_candidates(text),
                self._publisher_candidates(doc),
            ]
        )
        # The quoted titles are claimed as they come, and those ``dropped`` names go at
        # once, keeping only their place (a quoted „Ja“ a line is one: issue 9 §2); the
        # names after type nouns are claimed after them, as in one _claim of all passes.
        gone_starts, gone_ends = array("q"), array("q")
        kept = _accept(
            claimed, self._title_candidates(text, titles), dropped, gone_starts, gone_ends
        )
        if kept:
            claimed = list(heapq.merge(claimed, kept, key=_start)) if claimed else kept
        del kept
        after_type_nouns = self._type_noun_candidates(text)
        if not in_offset_order(after_type_nouns, longest_first=True):
            after_type_nouns.sort(key=lambda c: (c.start, -c.end))
        accepted = _accept(claimed, after_type_nouns, None, gone_starts, gone_ends)
        if accepted:
            claimed = list(heapq.merge(claimed, accepted, key=_start)) if claimed else accepted
        return claimed

    def _domain_candidates(self, text: str) -> list[Candidate]:
        out = []
        for m in _TLD_END.finditer(text):
            end = m.end()
            start = m.start()
            floor = max(0, end - _HOST_MAX)
            while start > floor and (text[start - 1].isalnum() or text[start - 1] in _HOST_CHARS):
                start -= 1
            if start > 0 and (text[start - 1] in "@_" or text[start - 1].isalnum()):
                continue  # an e-mail address, or longer than any host
            host = text[start:end].lstrip(".-")
            start = end - len(host)
            if host.startswith("www."):
                host, start = host[4:], start + 4
            if "." not in host or ".." in host or not host[:1].isalnum():
                continue
            entry = self._domain_entry(host)
            out.append(Candidate(start, end, entry.name, entry.type, domain=True))
        return out

    def _gazetteer_candidates(self, text: str) -> list[Candidate]:
        c = self._compiled
        out: list[Candidate] = []
        if c.gazetteer is None:
            return out
        for m in c.gazetteer.finditer(text):
            alias = c.aliases.get(m.group())
            if alias is None:
                continue
            licence = self._licence(text, m, alias) if alias.ambiguous else "yes"
            if licence == "no" or (licence == "link" and alias.strict):
                continue
            entry = alias.entry
            tentative = licence == "link"
            out.append(Candidate(m.start(), m.end(), entry.name, entry.type, tentative=tentative))
        return out

    def _publisher_candidates(self, doc: Document) -> list[Candidate]:
        return [
            Candidate(m.start(), m.end(), name, "outlet")
            for name, pattern in self._publisher_names(doc)
            for m in pattern.finditer(doc.text)
        ]

    def _title_candidates(self, text: str, titles: Sequence[Span]) -> Iterator[Candidate]:
        """The quoted titles that may name outlets, in order of (start, -end)."""
        for start, end in self._titles(text, titles):
            title = text[start:end]
            known = self.lookup(title)
            if known is not None:
                yield Candidate(start, end, known[0], known[1])
            elif title == title.strip() and self._looks_like_a_name(title):
                # The one shared string of a short title (a quoted „Ja“ a line recurs).
                yield Candidate(start, end, sys.intern(title), "outlet", unknown=True)

    def _looks_like_a_name(self, title: str) -> bool:
        """Whether an unknown quoted title may name an outlet: short, and every word
        capitalised, a number or a connector ("Yemen Observer", "La Gazzetta dello Sport")."""
        c = self._compiled
        words = title.split()
        if not words or len(words) > c.title_max_words or _CLAUSE_PUNCTUATION.search(title):
            return False  # "‚Fragen, die die Arbeit‘" is quoted speech
        return all(
            word[:1].isupper() or word[:1].isdigit() or word in c.title_connectors for word in words
        )

    def _type_noun_candidates(self, text: str) -> list[Candidate]:
        c = self._compiled
        out = []
        for m in c.type_noun_scan.finditer(text):
            named = c.type_name.match(text, m.end(), min(len(text), m.end() + 200))
            span = None if named is None else self._type_named(named)
            if span is not None:
                start, end = span
                known = self.lookup(text[start:end])
                kind = self._type_of(m.group("type"))
                name, kind = known if known is not None else (text[start:end], kind)
                out.append(Candidate(start, end, name, kind))
        return out

    def _licence(self, text: str, m: re.Match[str], alias: Alias) -> str:
        """Whether the text marks an ambiguous alias ("Welt", "Bild", "X") as an outlet.

        "yes" when marks, a type noun, a licensing word, a capitalised article mid-sentence
        or a licensing compound tail say so; "no" in a compound with another tail
        ("Standard-Modell"); "link" when only a licensing link pattern could (decided later).
        """
        c = self._compiled
        start, end = m.start(), m.end()
        before = text[start - 1 : start]
        after = text[end : end + 1]
        if (before in OPENERS and after in CLOSERS) or (
            text[start - 2 : start] == "''" and text[end : end + 2] == "''"
        ):
            return "yes"
        if after == "-":
            tail = _COMPOUND_TAIL.match(text, end, min(len(text), end + 40))
            return "yes" if tail is not None and tail.group(1) in c.licence_tails else "no"
        lo = max(0, start - 60)
        if c.type_before.match(text, lo, start):
            return "yes"
        word = _WORD_BEFORE.match(text, lo, start)
        if word is not None and (
            word.group("word") in c.licence_words or word.group("word") in alias.contexts
        ):
            return "yes"
        if _ARTICLE_START.match(m.group()):
            j = start - 1
            while j >= 0 and text[j] in " \t\u00a0":
                j -= 1
            if j >= 0 and (text[j].islower() or text[j].isdigit()):
                return "yes"  # "berichtet Die Zeit": a capital article mid-sentence
        return "link"

    def _titles(self, text: str, titles: Sequence[Span]) -> Iterator[tuple[int, int]]:
        """Quoted titles: those the quotations stage found, and short ones found here, in
        order of (start, -end) (the order in which they are claimed), each once.

        The ones found here come in text order (the matches do not overlap), so the two
        are merged as they come: no set and list of every pair (issue 9 §2: a quoted
        „Ja“ a line is a title here)."""
        given = sorted(
            {(t.start, t.end) for t in titles if isinstance(t, Span) and t.end <= len(text)},
            key=_longest_first,
        )
        # A title starts with a capital or a digit ("„20 Minuten“"); the stdlib engine
        # has no \p{Lu}, so that is checked here.
        found = (
            m.span("title")
            for m in _TITLE.finditer(text)
            if m.group("title")[0].isupper() or m.group("title")[0].isdigit()
        )
        last = None
        for span in heapq.merge(given, found, key=_longest_first):
            if span != last:
                yield span
                last = span

    def _type_named(self, m: Any) -> tuple[int, int] | None:
        """The stretch of an unquoted name after a type noun, without stop words."""
        c = self._compiled
        words = list(_NON_SPACE.finditer(m.group("name")))
        base = m.start("name")
        kept: list[Any] = []
        for index, word in enumerate(words):
            token = word.group()
            if token in c.not_names:
                # An article may start a name ("Zeitung Die Welt") if more follows.
                is_article = token in c.name_articles and index == 0 and len(words) > 1
                if not is_article:
                    break
            kept.append(word)
        while kept and kept[-1].group() in c.not_last_words:
            kept.pop()
        if not kept:
            return None
        if len(kept) == 1 and kept[0].group().lower().endswith(c.not_name_endings):
            return None  # a common noun: "meldete der Radiosender Zustimmung"
        return base + kept[0].start(), base + kept[-1].end()

    def _type_of(self, word: str) -> SourceType:
        """The outlet type a type noun stands for ("Nachrichtenagentur" → agency)."""
        return self._compiled.type_noun_kind(word) or "outlet"

    def _publisher_names(self, doc: Document) -> list[tuple[str, re.Pattern[str]]]:
        """The publisher's own name, found in its header or given by the caller.

        A text often cites its own publisher ("Laut RENEWZ unter Berufung auf CNN …")
        under a name the gazetteer cannot know.
        """
        names: dict[str, str] = {}
        header = self.publisher(doc)
        if header is not None and header.mention is not None:
            names[header.name] = header.name
            names[header.mention.text] = header.name
        if doc.publisher:
            given = doc.publisher.strip()
            known = self.lookup(given)
            if given:
                names[given] = known[0] if known else given
        return [
            (name, re.compile(r"(?<![\w-])" + re.escape(written) + r"(?![\w])"))
            for written, name in names.items()
            if written and written not in self._compiled.aliases
        ]

    # -- publisher and lookup ------------------------------------------------------------------
    def publisher(self, doc: Document) -> Source | None:
        """The publisher named in a header at the top of the text ("RENEWZ.de"), if any.

        Conservative: only a first line that is nothing but a domain or URL, or nothing but
        an unambiguous alias of a known outlet that is not a platform ("SPIEGEL ONLINE").
        A slogan line may follow; it is not needed.
        """
        if not doc.paragraphs:
            return None
        first = doc.paragraphs[0]
        text = doc.text
        if text[: first.start].strip():
            return None
        start, end = first.start, first.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        line = text[start:end]
        if not line or len(line) > 60:
            return None
        url = _HEADER_URL.fullmatch(line)
        if url is not None:
            host_start, host_end = url.span("host")
            entry = self._domain_entry(url.group("host"))
            if entry.type == "platform":
                return None  # "x.com/…" is a post; whoever posted it is no outlet we know
            mention = Span.of(text, start + host_start, start + host_end)
            return Source(entry.name, "publisher", "publisher", mention)
        alias = self._compiled.aliases.get(line) or self._compiled.folded.get(line.casefold())
        if alias is None or alias.ambiguous or alias.entry.type in ("platform", "organization"):
            return None
        return Source(alias.entry.name, "publisher", "publisher", Span.of(text, start, end))

    def lookup(self, text: str, *, ambiguous: bool = True) -> tuple[str, SourceType] | None:
        """Canonical name and type when ``text`` names a known outlet.

        Exact aliases first, then case-insensitively, then without a leading article
        ("die Welt"), then canonical names, then as a domain or URL ("n-tv.de" → n-tv; an
        unknown domain names an outlet by its main label: "RENEWZ.de" → RENEWZ).

        With ``ambiguous=False``, aliases that are also ordinary words ("Welt", "Presse",
        "X") and canonical names that are not aliases ("Freitag") give None: for callers
        that look up arbitrary words, such as speaker names.
        """
        if not isinstance(text, str):
            return None
        name = text.strip().strip("„“”\"»«‚‘’›‹'").strip()
        if not name or len(name) > 200:
            return None
        c = self._compiled
        bare = _LEADING_ARTICLE.sub("", name)
        exact = c.aliases.get(name) or c.aliases.get(bare)
        if exact is not None and (ambiguous or not exact.ambiguous):
            return exact.entry.name, exact.entry.type
        for form in (name.casefold(), bare.casefold()):
            alias = c.folded.get(form)
            if alias is not None and (ambiguous or form not in c.ambiguous_folds):
                return alias.entry.name, alias.entry.type
        if ambiguous:
            alias = c.canonical.get(name.casefold()) or c.canonical.get(bare.casefold())
            if alias is not None:
                return alias.entry.name, alias.entry.type
        if exact is not None:
            return None  # an ambiguous alias, and the caller wants none
        if "." not in name:
            # A domain has a dot before its top-level domain (the look-behind of
            # _HEADER_URL), and lower-casing makes none: most names looked up are words,
            # and the two matches cost more than the rest of the lookup.
            return None
        url = _HEADER_URL.fullmatch(name)
        if url is None and len(name.lower()) == len(name):
            url = _HEADER_URL.fullmatch(name.lower())  # "SUEDKURIER.DE"
        if url is not None:
            entry = self._domain_entry(name[url.start("host") : url.end("host")])
            return entry.name, entry.type
        return None

    def _domain_entry(self, host: str) -> Entry:
        """The outlet a domain belongs to; an unknown domain by its main label."""
        c = self._compiled
        labels = host.split(".")
        lowered = [label.lower() for label in labels]
        for i in range(len(lowered) - 1):
            entry = c.domains.get(".".join(lowered[i:]))
            if entry is not None:
                return entry
        main = len(labels) - 2
        if main > 0 and lowered[main] in _SECOND_LEVEL:
            main -= 1
        while main > 0 and lowered[main] in ("www", "m", "amp", "mobil", "mobile"):
            main += 1
        label = labels[max(main, 0)]
        alias = c.folded.get(label.casefold())
        if alias is not None and not alias.ambiguous:
            return alias.entry
        return Entry(label, "outlet")


# -- helpers -------------------------------------------------------------------------------
def _claim(passes: list[list[Candidate]]) -> list[Candidate]:
    """Candidates from all passes, without overlaps: earlier passes win, then earlier starts.

    A linear sweep per pass (the claimed list and each pass are in text order), so dense
    text costs no more per candidate than sparse text.
    """
    claimed: list[Candidate] = []
    for candidates in passes:
        if not in_offset_order(candidates, longest_first=True):
            candidates.sort(key=lambda c: (c.start, -c.end))
        accepted: list[Candidate] = []
        i = 0
        for candidate in candidates:
            if candidate.end <= candidate.start:
                continue
            while i < len(claimed) and claimed[i].end <= candidate.start:
                i += 1
            if i < len(claimed) and claimed[i].start < candidate.end:
                continue  # overlaps a claim of an earlier pass
            if accepted and accepted[-1].end > candidate.start:
                continue  # overlaps an earlier candidate of this pass
            accepted.append(candidate)
        # Two sorted runs, merged as a stable sort of both would (earlier passes first at
        # the same start), without a copy of both and a key a candidate.
        if accepted:
            claimed = list(heapq.merge(claimed, accepted, key=_start)) if claimed else accepted
    return claimed


def _start(candidate: Candidate) -> int:
    return candidate.start


def _longest_first(span: tuple[int, int]) -> tuple[int, int]:
    return (span[0], -span[1])


def _accept(
    claimed: list[Candidate],
    candidates: Iterable[Candidate],
    dropped: Callable[[Candidate], bool] | None,
    gone_starts: array[int],
    gone_ends: array[int],
) -> list[Candidate]:
    """One pass of :func:`_claim` over ``candidates`` (in order of (start, -end)), each
    read once: those that overlap neither ``claimed`` nor the places in ``gone_starts``
    and ``gone_ends`` (sorted, apart) nor the pass's last one. An unknown title that
    ``dropped`` tells of is not returned; its place is added to the gone ones."""
    accepted: list[Candidate] = []
    i = 0
    last_end = -1
    for candidate in candidates:
        start, end = candidate.start, candidate.end
        if end <= start:
            continue
        while i < len(claimed) and claimed[i].end <= start:
            i += 1
        if i < len(claimed) and claimed[i].start < end:
            continue  # overlaps a claim of an earlier pass
        at = bisect_right(gone_ends, start)
        if at < len(gone_starts) and gone_starts[at] < end:
            continue  # overlaps the place of a title gone
        if last_end > start:
            continue  # overlaps an earlier candidate of this pass
        last_end = end
        if dropped is not None and candidate.unknown and dropped(candidate):
            gone_starts.append(start)
            gone_ends.append(end)
            continue
        accepted.append(candidate)
    return accepted
