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
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, Literal, cast

import attrs
import regex

from quotes.document import Document
from quotes.errors import RulesError
from quotes.records import SOURCE_TYPES, Source, SourceType, Span
from quotes.rules import RuleData

__all__ = ["OutletFinder", "OutletMention"]

#: The relation of a mention without linking words. Such mentions never enter a chain.
MENTION: Final = "mention"

RelationClass = Literal["direct", "cited", "relay", "outer"]
_CLASS_ORDER: Final[tuple[RelationClass, ...]] = ("direct", "cited", "relay", "outer")

# Quotation marks that may open or close a title around an outlet's name.
_OPENERS: Final = frozenset("„“”\"»«‚‘›‹'")
_CLOSERS: Final = frozenset("“”\"«»‘’‹›'")
_OPEN_RE: Final = r"(?:''|[„“”\"»«‚‘›‹'])"

# How far (in characters) link patterns may reach from a name. Bounding the window keeps
# the cost per candidate constant whatever the input looks like.
_WINDOW: Final = 300
# How far after a mention an organisation may be coordinated with it.
_ORG_WINDOW: Final = 200

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
_TITLE: Final = re.compile(
    r"(?<!\w)(?:''|[„“”\"»«‚‘›‹])"
    r"(?P<title>[^\W_][^„“”\"»«‚‘’›‹\n]{0,58}?)"
    r"(?:''|[“”\"«»‘’‹›])(?!\w)"
)

# A dateline at the start of a paragraph: "Berlin (dpa) - …", "(AFP/dpa) –".
_DATELINE: Final = regex.compile(
    r"[ \t]*(?:\p{Lu}[\p{L}.\-/ ]{0,40}?[ \t]*)?\((?P<inner>[^()\n]{1,60})\)[ \t]*[\-–—:]",
    regex.V1,
)
# What may follow a name that ends a sentence as its source: "… könne n-tv.de."
_TRAILING: Final = regex.compile(r"[ \t]*[)\]]?[ \t]*[.!?…]*[ \t]*(?=$|[\r\n]|[\p{Lu}„“\"»«(])")
_COORDINATOR: Final = regex.compile(r"\s*(?:(?P<comma>,)|/|&|und|sowie|oder|bzw\.)\s*")
_WORD_BEFORE: Final = regex.compile(r"(?r)(?<![\w\-])(?P<word>[\w\-]+)[ \t\u00a0]+")
_CREDIT_OPEN: Final = regex.compile(r"\((?:\s*[Qq]uellen?\s*:)?\s*$")
_CLAUSE_START: Final = regex.compile(
    r"(?r)(?:^|[.!?:;,–—(]\s*|[„“\"»«]\s*|(?<![\w-])[Ww]ie\s+)(?:(?:so|auch|jetzt|nun)\s+)?"
)
_NON_SPACE: Final = re.compile(r"\S+")
_CLAUSE_PUNCTUATION: Final = re.compile(r"[,;:!?]|\.\s")
_COMPOUND_TAIL: Final = re.compile(r"-(\w+)")
_LEADING_ARTICLE: Final = re.compile(r"^(?i:die|der|das|dem|den|des|the)\s+")
_ARTICLE_START: Final = regex.compile(r"(?:Die|Der|Das|DIE|DER|DAS) ")


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

    @property
    def start(self) -> int:
        """Where the mention and its linking words begin."""
        return self.span.start if self.link is None else min(self.span.start, self.link.start)

    @property
    def end(self) -> int:
        """Where the mention and its linking words end."""
        return self.span.end if self.link is None else max(self.span.end, self.link.end)


# -- compiled rules ---------------------------------------------------------------------------
@attrs.frozen
class _Entry:
    """A gazetteer outlet: its canonical name and type."""

    name: str
    type: SourceType


@attrs.frozen
class _Alias:
    entry: _Entry
    ambiguous: bool = False
    contexts: frozenset[str] = frozenset()
    strict: bool = False  # link words alone do not license it


@attrs.frozen
class _LinkRule:
    """One [[link]] pattern, compiled: reversed and anchored at the name for "before"."""

    relation: str
    before: bool
    pattern: Any  # regex.Pattern[str]
    types: frozenset[str] | None
    dets: frozenset[str] | None
    carrier: bool
    domain: bool | None
    licenses: bool = True


@attrs.frozen
class _RuleSet:
    """Link rules in priority order, plus one alternation of them all.

    One regex call per anchor instead of one per rule: the alternation's first matching
    branch is the rule that wins. Only when that rule's constraints (types, article,
    carrier) reject the candidate are the rules after it tried one by one.
    """

    rules: tuple[_LinkRule, ...]
    combined: Any  # regex.Pattern[str] | None
    markers: tuple[int, ...] = ()  # the group number of each rule's branch in `combined`

    def first(
        self, text: str, lo: int, at: int, hi: int, accept: Any
    ) -> tuple[_LinkRule, Any] | None:
        """The first rule that matches at ``at`` (before it, for reversed rules) and that
        ``accept(rule, match)`` admits."""
        if self.combined is None:
            return None
        m = (
            self.combined.match(text, lo, at)
            if self.rules[0].before
            else self.combined.match(text, at, hi)
        )
        if m is None:
            return None
        groups = m.groups()
        winner = next(i for i, g in enumerate(self.markers) if groups[g - 1] is not None)
        if accept(self.rules[winner], m):
            return self.rules[winner], _Hit(m, f"r{winner}")
        for rule in self.rules[winner + 1 :]:
            single = (
                rule.pattern.match(text, lo, at)
                if rule.before
                else rule.pattern.match(text, at, hi)
            )
            if single is not None and accept(rule, single):
                return rule, _Hit(single, "rule_")
        return None


@attrs.frozen
class _Hit:
    """A rule's match and the name of the group that spans the rule's own text."""

    match: Any
    group: str

    def link(self) -> tuple[int, int]:
        """The linking words: the group ``link`` if the rule has one, else the rule's text."""
        m = self.match
        if "link" in m.re.groupindex and m.group("link") is not None:
            return cast(tuple[int, int], m.span("link"))
        return cast(tuple[int, int], m.span(self.group))


@attrs.frozen
class _Candidate:
    start: int
    end: int
    name: str
    type: SourceType
    domain: bool = False
    unknown: bool = False  # a quoted title the gazetteer does not know
    tentative: bool = False  # an ambiguous alias that only a licensing link can confirm


@attrs.frozen
class _Link:
    relation: str
    link: tuple[int, int] | None
    np_start: int  # where the outlet's noun phrase (articles, adjectives, type noun) begins
    close_end: int  # after the name and its closing quotation mark
    has_type_noun: bool
    licenses: bool = False  # whether the link makes an ambiguous alias an outlet
    before: bool = False  # found by a "before" pattern


@attrs.frozen
class _Compiled:
    aliases: Mapping[str, _Alias]
    folded: Mapping[str, _Alias]
    canonical: Mapping[str, _Alias]  # case-folded canonical names, for lookup() only
    ambiguous_folds: frozenset[str]  # case-folded forms of ambiguous aliases
    domains: Mapping[str, _Entry]
    gazetteer: re.Pattern[str] | None
    licence_words: frozenset[str]
    licence_tails: frozenset[str]
    type_nouns: Mapping[str, SourceType]
    type_before: Any  # reversed: a type noun (and article) right before a name
    type_noun_scan: re.Pattern[str]  # a type noun followed by whitespace
    type_name: Any  # the unquoted capitalised name after it
    not_names: frozenset[str]
    not_name_endings: tuple[str, ...]
    title_max_words: int
    title_connectors: frozenset[str]
    noun_phrase: Any  # reversed: the outlet's noun phrase before its name
    noun_phrase_full: Any  # the same, forward, to check a shorter phrase
    before: _RuleSet
    after: _RuleSet
    classes: Mapping[str, RelationClass]
    org_after_coordinator: Any
    org_after_citation: Any
    org_heads: tuple[str, ...]
    org_names: Mapping[str, str]


@attrs.frozen
class _Index:
    """Mentions sorted by start, for the bisect lookups in :meth:`OutletFinder.via`."""

    mentions: tuple[OutletMention, ...]  # linked ones only: plain mentions never count
    starts: tuple[int, ...]
    extents: tuple[tuple[int, int], ...]  # name and linking words together
    datelines: tuple[OutletMention, ...]
    dateline_starts: tuple[int, ...]


@attrs.frozen
class OutletFinder:
    """Compiled outlet gazetteer and link patterns."""

    rules: RuleData
    _compiled: _Compiled = attrs.field(init=False, repr=False, eq=False)
    # The last mentions tuple given to via(), indexed; via() is called once per quotation
    # with the same tuple, and rebuilding the index each time would cost O(mentions).
    _index_cache: dict[int, tuple[tuple[OutletMention, ...], _Index]] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_compiled", _compile(self.rules))
        object.__setattr__(self, "_index_cache", {})

    @classmethod
    def from_rules(cls, rules: RuleData) -> OutletFinder:
        return cls(rules)

    # -- find -----------------------------------------------------------------------------
    def find(self, doc: Document, titles: Sequence[Span] = ()) -> tuple[OutletMention, ...]:
        """Every outlet mention in ``doc``; ``titles`` are quoted titles (Zeitung „…“).

        Mentions come in text order. Mentions without linking words have the relation
        "mention"; :meth:`via` never puts those into a chain.
        """
        text = doc.text
        if not text:
            return ()
        candidates = self._candidates(doc, titles)
        links: list[_Link] = []
        kept: list[_Candidate] = []
        for candidate in candidates:
            link = self._link(doc, candidate)
            if candidate.unknown and not (link.has_type_noun or link.before or link.licenses):
                # A quoted title in no outlet position: a film, a book, a slogan. Words
                # after it count only at the start of a clause ("Wie die „X“ berichtet"),
                # not in "… Enzyklika „Deus caritas est“ meldete der Radiosender".
                continue
            if candidate.tentative and not link.licenses:
                continue  # "auf Zeit", "ein Bild": the ordinary word
            kept.append(candidate)
            links.append(link)
        self._mark_sentence_sources(doc, kept, links)
        return self._coordinate(doc, kept, links)

    def _candidates(self, doc: Document, titles: Sequence[Span]) -> list[_Candidate]:
        """Outlet names, most certain first, without overlaps, in text order.

        Each pass yields candidates in text order; a later pass only fills the gaps the
        earlier ones left: domains, then the gazetteer, the publisher's name, quoted
        titles, and names after type nouns.
        """
        return _claim(
            [
                self._domain_candidates(doc.text),
                self._gazetteer_candidates(doc.text),
                self._publisher_candidates(doc),
                self._title_candidates(doc.text, titles),
                self._type_noun_candidates(doc.text),
            ]
        )

    def _domain_candidates(self, text: str) -> list[_Candidate]:
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
            out.append(_Candidate(start, end, entry.name, entry.type, domain=True))
        return out

    def _gazetteer_candidates(self, text: str) -> list[_Candidate]:
        c = self._compiled
        out: list[_Candidate] = []
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
            out.append(_Candidate(m.start(), m.end(), entry.name, entry.type, tentative=tentative))
        return out

    def _publisher_candidates(self, doc: Document) -> list[_Candidate]:
        return [
            _Candidate(m.start(), m.end(), name, "outlet")
            for name, pattern in self._publisher_names(doc)
            for m in pattern.finditer(doc.text)
        ]

    def _title_candidates(self, text: str, titles: Sequence[Span]) -> list[_Candidate]:
        out = []
        for start, end in self._titles(text, titles):
            title = text[start:end]
            known = self.lookup(title)
            if known is not None:
                out.append(_Candidate(start, end, known[0], known[1]))
            elif title == title.strip() and self._looks_like_a_name(title):
                out.append(_Candidate(start, end, title, "outlet", unknown=True))
        return out

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

    def _type_noun_candidates(self, text: str) -> list[_Candidate]:
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
                out.append(_Candidate(start, end, name, kind))
        return out

    def _licence(self, text: str, m: re.Match[str], alias: _Alias) -> str:
        """Whether the text marks an ambiguous alias ("Welt", "Bild", "X") as an outlet.

        "yes" when marks, a type noun, a licensing word, a capitalised article mid-sentence
        or a licensing compound tail say so; "no" in a compound with another tail
        ("Standard-Modell"); "link" when only a licensing link pattern could (decided later).
        """
        c = self._compiled
        start, end = m.start(), m.end()
        before = text[start - 1 : start]
        after = text[end : end + 1]
        if (before in _OPENERS and after in _CLOSERS) or (
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

    def _titles(self, text: str, titles: Sequence[Span]) -> list[tuple[int, int]]:
        """Quoted titles: those the quotations stage found, and short ones found here."""
        spans = {(t.start, t.end) for t in titles if isinstance(t, Span) and t.end <= len(text)}
        # A title starts with a capital or a digit ("„20 Minuten“"); the stdlib engine
        # has no \p{Lu}, so that is checked here.
        spans.update(
            m.span("title")
            for m in _TITLE.finditer(text)
            if m.group("title")[0].isupper() or m.group("title")[0].isdigit()
        )
        return sorted(spans)

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
                is_article = token in {"Die", "Der", "Das"} and index == 0 and len(words) > 1
                if not is_article:
                    break
            kept.append(word)
        while kept and kept[-1].group() in {"of", "the", "am", "Die", "Der", "Das"}:
            kept.pop()
        if not kept:
            return None
        if len(kept) == 1 and kept[0].group().lower().endswith(c.not_name_endings):
            return None  # a common noun: "meldete der Radiosender Zustimmung"
        return base + kept[0].start(), base + kept[-1].end()

    def _type_of(self, word: str) -> SourceType:
        """The outlet type a type noun stands for ("Nachrichtenagentur" → agency)."""
        types = self._compiled.type_nouns
        head = word.rsplit("-", 1)[-1]
        for suffix in ("", "es", "en", "s", "n"):
            if suffix and not head.endswith(suffix):
                continue
            stem = head[: len(head) - len(suffix)] if suffix else head
            if stem in types:
                return types[stem]
        return "outlet"

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

    # -- links ----------------------------------------------------------------------------
    def _link(self, doc: Document, candidate: _Candidate) -> _Link:
        """How the text links one candidate: the first link pattern that fits."""
        text = doc.text
        c = self._compiled
        paragraph = doc.paragraph_at(candidate.start)
        para_start = paragraph.start if paragraph is not None else 0
        para_end = max(paragraph.end if paragraph is not None else len(text), candidate.end)
        lo = max(para_start, candidate.start - _WINDOW)
        hi = min(para_end, candidate.end + _WINDOW)
        close_end = candidate.end
        if text[close_end : close_end + 2] == "''":
            close_end += 2
        elif text[close_end : close_end + 1] in _CLOSERS:
            close_end += 1
        phrase = c.noun_phrase.match(text, lo, candidate.start)
        np_start = phrase.start() if phrase is not None else candidate.start
        has_type = phrase is not None and phrase.group("type") is not None
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

            def accept(rule: _LinkRule, _m: Any, found: Any = found) -> bool:
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
                return _Link(
                    rule.relation,
                    matched.link(),
                    at,
                    close_end,
                    has_type or typed,
                    rule.licenses,
                    before=True,
                )

        def accept_after(rule: _LinkRule, _m: Any) -> bool:
            if not _fits(rule, candidate):
                return False
            if rule.dets is not None and det not in rule.dets:
                return False
            return not rule.carrier or carrier

        hit = c.after.first(text, lo, close_end, hi, accept_after)
        if hit is not None:
            rule, matched = hit
            licenses = rule.licenses and _clause_start(text, lo, np_start)
            return _Link(rule.relation, matched.link(), np_start, close_end, has_type, licenses)
        return _Link(MENTION, None, np_start, close_end, has_type)

    def _mark_sentence_sources(
        self, doc: Document, candidates: list[_Candidate], links: list[_Link]
    ) -> None:
        """Relations that come from a name's place rather than from words around it.

        A bare domain at the end of a sentence ("… abgeben könne n-tv.de.") names the
        source of that sentence ("domain"); so does an outlet in parentheses there
        ("… (dpa).", relation "quelle"); an outlet in a dateline at the start of a
        paragraph ("Berlin (dpa) - …") names the source of what follows ("dateline").
        """
        text = doc.text
        datelines: list[tuple[int, int]] = []
        for paragraph in doc.paragraphs:
            m = _DATELINE.match(text, paragraph.start, min(paragraph.end, paragraph.start + 160))
            if m is not None:
                datelines.append(m.span("inner"))
        dateline_starts = [start for start, _ in datelines]
        for index, (candidate, link) in enumerate(zip(candidates, links, strict=True)):
            if link.relation != MENTION:
                continue
            at = bisect_right(dateline_starts, candidate.start) - 1
            if at >= 0 and candidate.end <= datelines[at][1]:
                links[index] = attrs.evolve(link, relation="dateline")
                continue
            paragraph = doc.paragraph_at(candidate.start)
            if paragraph is None or not _TRAILING.match(text, link.close_end, paragraph.end):
                continue
            # Bounded look back: a long paragraph must not make this quadratic.
            before = text[max(paragraph.start, candidate.start - _WINDOW) : candidate.start]
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
    def _coordinate(
        self, doc: Document, candidates: list[_Candidate], links: list[_Link]
    ) -> tuple[OutletMention, ...]:
        """Group coordinated mentions, share their relation, add coordinated organisations."""
        text = doc.text
        n = len(candidates)
        # Which neighbours are coordinated: "und"-like joins count at once, commas only
        # inside a list that an "und"-like join closes ("Tass, RIA Nowosti und Interfax").
        joins: list[str | None] = [None] * max(n - 1, 0)
        for i in range(n - 1):
            left, right = links[i], links[i + 1]
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
        groups: list[list[int]] = []
        for i in range(n):
            if i > 0 and joins[i - 1] is not None:
                groups[-1].append(i)
            else:
                groups.append([i])

        mentions: list[OutletMention] = []
        for group_id, members in enumerate(groups):
            shared = next((links[i] for i in members if links[i].relation != MENTION), None)
            for i in members:
                own = links[i] if links[i].relation != MENTION or shared is None else shared
                mentions.append(self._mention(text, candidates[i], own, group_id))
            if shared is not None:
                last = links[members[-1]]
                next_start = candidates[members[-1] + 1].start if members[-1] + 1 < n else None
                mentions.extend(
                    self._coordinated_organisations(text, last, shared, group_id, next_start)
                )
        mentions.extend(self._cited_organisations(text, mentions, candidates, len(groups)))
        mentions.sort(key=lambda m: (m.span.start, m.span.end))
        return tuple(mentions)

    def _mention(self, text: str, candidate: _Candidate, link: _Link, group: int) -> OutletMention:
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
        self, text: str, last: _Link, shared: _Link, group: int, next_start: int | None
    ) -> list[OutletMention]:
        """Organisations coordinated after a linked outlet ("CNN und … des Ministeriums")."""
        out: list[OutletMention] = []
        position = last.close_end
        for _ in range(3):
            hi = min(len(text), position + _ORG_WINDOW)
            m = self._compiled.org_after_coordinator.match(text, position, hi)
            if m is None or (next_start is not None and m.end("org") > next_start):
                break
            out.append(self._organisation(text, m, shared.relation, shared.link, group))
            position = m.end("org")
        return out

    def _cited_organisations(
        self,
        text: str,
        mentions: list[OutletMention],
        candidates: list[_Candidate],
        first_group: int,
    ) -> list[OutletMention]:
        """Organisations that an outlet cites ("berichtet CNN unter Berufung auf das Pentagon").

        Only near outlets: an organisation without one never enters a chain. The windows
        are scanned once each, in order, so the cost stays linear.
        """
        taken = sorted((m.span.start, m.span.end) for m in mentions)
        starts = [start for start, _ in taken]
        out: list[OutletMention] = []
        group = first_group
        scanned = 0
        pattern = self._compiled.org_after_citation
        for candidate in candidates:
            lo = max(scanned, candidate.start - _WINDOW)
            hi = min(len(text), candidate.end + _WINDOW)
            if lo >= hi:
                continue
            for m in pattern.finditer(text, lo, min(len(text), hi + _ORG_WINDOW)):
                if m.start() >= hi:
                    break  # the next window reads it
                # Skip where an outlet (or an organisation already found) sits in the phrase.
                at = bisect_left(starts, m.start())
                if at < len(taken) and taken[at][0] < m.end("org"):
                    continue
                link = m.span("cite")
                out.append(self._organisation(text, m, "unter Berufung auf", link, group))
                group += 1
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

    def _organisation_name(self, written: str) -> str:
        """The organisation's name: known names from the rules, else without genitive -s.

        "US-Außenministeriums" → "US-Außenministerium", "Weißen Hauses" → "Weißes Haus".
        """
        c = self._compiled
        if written in c.org_names:
            return c.org_names[written]
        lowered = written.lower()
        for head in c.org_heads:
            for suffix in ("es", "s"):
                if lowered.endswith(head + suffix):
                    return written[: -len(suffix)]
        return written

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
        """
        if not mentions or end < start:
            return ()
        text = doc.text
        index = self._index(mentions)
        if not index.mentions and not index.datelines:
            return ()
        last_sentence = doc.sentence_at(max(start, end - 1)) if doc.sentences else None
        # Bounded: a "sentence" without punctuation may run for megabytes.
        reach_end = max(end, min(last_sentence.end, end + _WINDOW) if last_sentence else end)
        lo = bisect_left(index.starts, start - _WINDOW)
        hi = bisect_right(index.starts, reach_end + _WINDOW)
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
        dateline_at = bisect_left(index.dateline_starts, start) - 1
        if dateline_at >= 0:
            group = index.datelines[dateline_at].group
            chosen.extend(m for m in index.datelines if m.group == group)
        if not chosen:
            return ()
        return self._order(text, doc, chosen, speaker)

    def _index(self, mentions: Sequence[OutletMention]) -> _Index:
        key = id(mentions)
        cached = self._index_cache.get(key)
        if cached is not None and cached[0] is mentions:
            return cached[1]
        ordered = tuple(mentions)
        if any(a.span.start > b.span.start for a, b in itertools.pairwise(ordered)):
            ordered = tuple(sorted(ordered, key=lambda m: (m.span.start, m.span.end)))
        linked = tuple(m for m in ordered if m.relation not in (MENTION, "dateline"))
        datelines = tuple(m for m in ordered if m.relation == "dateline")
        index = _Index(
            linked,
            tuple(m.span.start for m in linked),
            tuple((m.start, m.end) for m in linked),
            datelines,
            tuple(m.span.start for m in datelines),
        )
        if isinstance(mentions, tuple):  # immutable: safe to keep (the entry pins its id)
            self._index_cache.clear()
            self._index_cache[key] = (mentions, index)
        return index

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

        by_class: dict[RelationClass, list[list[OutletMention]]] = {k: [] for k in _CLASS_ORDER}
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

        def emit(members: list[OutletMention], depth: int = 0) -> None:
            if depth < 8:  # citations of citations; bounded against cycles
                for cited in sorted(cited_by.get(id(members), []), key=lambda g: g[0].span.start):
                    emit(cited, depth + 1)
            sequence.append(members)

        for members in sorted(by_class["direct"], key=lambda g: g[0].span.start):
            emit(members)
        for members in sorted(by_class["relay"], key=distance):
            emit(members)
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
        url = _HEADER_URL.fullmatch(name)
        if url is None and len(name.lower()) == len(name):
            url = _HEADER_URL.fullmatch(name.lower())  # "SUEDKURIER.DE"
        if url is not None:
            entry = self._domain_entry(name[url.start("host") : url.end("host")])
            return entry.name, entry.type
        return None

    def _domain_entry(self, host: str) -> _Entry:
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
        return _Entry(label, "outlet")


# -- helpers -------------------------------------------------------------------------------
def _claim(passes: list[list[_Candidate]]) -> list[_Candidate]:
    """Candidates from all passes, without overlaps: earlier passes win, then earlier starts.

    A linear sweep per pass (the claimed list and each pass are in text order), so dense
    text costs no more per candidate than sparse text.
    """
    claimed: list[_Candidate] = []
    for candidates in passes:
        candidates.sort(key=lambda c: (c.start, -c.end))
        accepted: list[_Candidate] = []
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
        # Two sorted runs: Timsort merges them in linear time.
        claimed = sorted(claimed + accepted, key=lambda c: c.start)
    return claimed


def _fits(rule: _LinkRule, candidate: _Candidate) -> bool:
    if rule.types is not None and candidate.type not in rule.types:
        return False
    return rule.domain is None or rule.domain == candidate.domain


def _clause_start(text: str, lo: int, at: int) -> bool:
    """Whether a noun phrase at ``at`` starts a sentence or clause, or follows "wie"."""
    return _CLAUSE_START.match(text, lo, at) is not None


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


# -- compiling the rules -------------------------------------------------------------------------
_MACRO = re.compile(r"\{([a-z_]+)\}")


def _compile(rules: RuleData) -> _Compiled:
    data: Mapping[str, Any] = rules.get("outlets", {}) if isinstance(rules, Mapping) else {}
    macros = _macros(data)
    aliases, domains, names = _gazetteer(data)
    folded: dict[str, _Alias] = {}
    for written, alias in aliases.items():
        folded.setdefault(written.casefold(), alias)
    for written, alias in aliases.items():  # unambiguous spellings win a case-folded clash
        if not alias.ambiguous:
            folded[written.casefold()] = alias
    canonical = {name.casefold(): _Alias(entry) for name, entry in names.items()}

    type_nouns: dict[str, SourceType] = {}
    for item in _list(data, "type_noun"):
        kind = _source_type(item.get("type"), "type_noun")
        for word in _strings(item.get("words", ()), "type_noun.words"):
            type_nouns[word] = kind
    type_noun_re = _alternation(type_nouns) or "(?!)"
    macros.setdefault(
        "type_noun",
        rf"(?<![\w-])(?:[\p{{L}}\d]+-)?(?:{type_noun_re})(?:es|en|s|n)?(?![\w-])",
    )
    expand = _expander(macros)
    noun_phrase = (
        r"(?:(?:{det}\s+)?(?:{adj}\s+){0,3}(?P<carrier>{carrier})\s+(?:von\s+)?)?"
        r"(?:(?P<det>{det})\s+)?(?:{adj}\s+){0,3}(?:(?P<type>{type_noun})\s+)?"
    )
    np_expanded = expand(noun_phrase, "noun phrase")
    quote = rf"(?:{_OPEN_RE})?"

    before: list[_LinkRule] = []
    after: list[_LinkRule] = []
    bodies: dict[int, str] = {}
    for item in _list(data, "link"):
        relation = item.get("relation")
        position = item.get("position", "before")
        pattern = item.get("pattern")
        if not isinstance(relation, str) or not relation or not isinstance(pattern, str):
            raise RulesError(f"outlets.toml: a [[link]] needs a relation and a pattern: {item}")
        if position not in ("before", "after"):
            raise RulesError(f"outlets.toml: link position must be before or after: {item}")
        body = expand(pattern, f"link {relation!r}")
        # "before" rules are matched in reverse, anchored where the noun phrase begins.
        source = rf"(?r)(?P<rule_>{body})\s*" if position == "before" else rf"(?P<rule_>{body})"
        compiled = _regex(source, f"link {relation!r}")
        types = item.get("types")
        dets = item.get("det")
        rule = _LinkRule(
            relation,
            position == "before",
            compiled,
            None if types is None else frozenset(_strings(types, "link.types")),
            None if dets is None else frozenset(_strings(dets, "link.det")),
            bool(item.get("carrier", False)),
            None if item.get("domain") is None else bool(item.get("domain")),
            bool(item.get("licenses", True)),
        )
        (before if rule.before else after).append(rule)
        bodies[id(rule)] = body

    classes: dict[str, RelationClass] = {}
    relations = data.get("relations", {})
    if isinstance(relations, Mapping):
        for kind in _CLASS_ORDER:
            for relation in _strings(relations.get(kind, ()), f"relations.{kind}"):
                classes[relation] = kind

    organisations = data.get("organizations", {})
    if not isinstance(organisations, Mapping):
        organisations = {}
    heads = tuple(
        sorted(
            {h.lower() for h in _strings(organisations.get("heads", ()), "heads")},
            key=len,
            reverse=True,
        )
    )
    carriers = _strings(organisations.get("carriers", ()), "carriers")
    org_names: dict[str, str] = {}
    for item in _list(data, "organization"):
        name = item.get("name")
        if not isinstance(name, str) or not name:
            raise RulesError(f"outlets.toml: an [[organization]] needs a name: {item}")
        for written in [name, *_strings(item.get("aliases", ()), "organization.aliases")]:
            org_names[written] = name
    org_name_re = _org_name_pattern(heads, org_names)
    org_carrier = _alternation(carriers) or "(?!)"
    org_phrase = expand(
        r"(?:{det}\s+)?(?:{adj}\s+){0,3}"
        rf"(?:(?:{org_carrier})\s+(?:von\s+)?(?:{{det}}\s+)?(?:{{adj}}\s+){{0,3}})?"
        rf"(?P<org>{org_name_re})",
        "organisation phrase",
    )
    coordinator = r"\s*(?:,\s*(?:und|sowie)?|und|sowie|/|&)\s*"
    cite_patterns = [
        expand(item["pattern"], "cited link")
        for item in _list(data, "link")
        if item.get("position", "before") == "before"
        and classes.get(str(item.get("relation")), "relay") == "cited"
    ]
    cite_re = "|".join(f"(?:{p})" for p in cite_patterns) or "(?!)"

    ambiguity = data.get("ambiguity", {})
    if not isinstance(ambiguity, Mapping):
        ambiguity = {}
    type_names = data.get("type_names", {})
    if not isinstance(type_names, Mapping):
        raise RulesError("outlets.toml: [type_names] must be a table")
    not_names = frozenset(_strings(type_names.get("stop_words", ()), "type_names.stop_words"))
    not_endings = _strings(type_names.get("stop_endings", ()), "type_names.stop_endings")
    titles = data.get("titles", {})
    if not isinstance(titles, Mapping):
        raise RulesError("outlets.toml: [titles] must be a table")
    title_max_words = titles.get("max_words", 6)
    if not isinstance(title_max_words, int) or isinstance(title_max_words, bool):
        raise RulesError("outlets.toml: titles.max_words must be a whole number")
    return _Compiled(
        aliases=aliases,
        folded=folded,
        canonical=canonical,
        ambiguous_folds=frozenset(w.casefold() for w, a in aliases.items() if a.ambiguous),
        domains=domains,
        gazetteer=_gazetteer_pattern(aliases),
        licence_words=frozenset(_strings(ambiguity.get("words", ()), "ambiguity.words")),
        licence_tails=frozenset(_strings(ambiguity.get("tails", ()), "ambiguity.tails")),
        type_nouns=type_nouns,
        type_before=_regex(expand(r"(?r)(?<![\w-]){type_noun}\s+", "type noun"), "type noun"),
        # After a space or a hyphen ("US-Nachrichtenagentur"): matching the compound's
        # head only spares reading every word twice.
        type_noun_scan=re.compile(
            r"(?<!\w)(?P<type>(?:"
            + _trie_regex(_trie(type_nouns))
            + r")(?:es|en|s|n)?)(?![\w-])[ \t]+(?=\S)"
        )
        if type_nouns
        else re.compile(r"(?!)"),
        type_name=_regex(
            r"(?P<name>(?:[Aa]l-|[Ee]l-)?[\p{Lu}\d][\p{L}\d&'’+\-]*+"
            r"(?:[ \t]+(?:[\p{Lu}\d][\p{L}\d&'’+\-]*+|am[ \t]+Sonntag|of(?:[ \t]+the)?)){0,3})",
            "type noun name",
        ),
        not_names=not_names,
        not_name_endings=tuple(ending.lower() for ending in not_endings),
        title_max_words=title_max_words,
        title_connectors=frozenset(_strings(titles.get("connectors", ()), "titles.connectors")),
        noun_phrase=_regex(rf"(?r)(?P<np>{np_expanded}){quote}", "noun phrase"),
        noun_phrase_full=_regex(rf"(?P<np>{np_expanded}){quote}", "noun phrase"),
        before=_rule_set(before, bodies),
        after=_rule_set(after, bodies),
        classes=classes,
        org_after_coordinator=_regex(rf"{coordinator}{org_phrase}", "organisation"),
        org_after_citation=_regex(rf"(?P<cite>{cite_re})\s+{org_phrase}", "organisation"),
        org_heads=heads,
        org_names=org_names,
    )


def _rule_set(rules: list[_LinkRule], bodies: Mapping[int, str]) -> _RuleSet:
    if not rules:
        return _RuleSet((), None)
    branches = "|".join(f"(?P<r{i}>{bodies[id(rule)]})" for i, rule in enumerate(rules))
    source = rf"(?r)(?:{branches})\s*" if rules[0].before else f"(?:{branches})"
    combined = _regex(source, "link rules")
    markers = tuple(combined.groupindex[f"r{i}"] for i in range(len(rules)))
    return _RuleSet(tuple(rules), combined, markers)


def _gazetteer(
    data: Mapping[str, Any],
) -> tuple[dict[str, _Alias], dict[str, _Entry], dict[str, _Entry]]:
    """Aliases, domains and canonical names: [names] first, then [[outlet]], then [domains].

    A canonical name is matched in text only when it is also listed as an alias: "Freitag"
    names the weekly in lookups, but in running text it is mostly a day.
    """
    aliases: dict[str, _Alias] = {}
    domains: dict[str, _Entry] = {}
    by_name: dict[str, _Entry] = {}
    names = data.get("names", {})
    if isinstance(names, Mapping):
        for kind, listed in names.items():
            source_type = _source_type(kind, "names")
            for name in _strings(listed, f"names.{kind}"):
                entry = _Entry(name, source_type)
                by_name[name] = entry
                for written in _inflected(name):
                    aliases[written] = _Alias(entry)
    for item in _list(data, "outlet"):
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RulesError(f"outlets.toml: an [[outlet]] needs a name: {item}")
        entry = _Entry(name, _source_type(item.get("type"), f"outlet {name!r}"))
        by_name[name] = entry
        contexts = frozenset(_strings(item.get("contexts", ()), f"outlet {name!r} contexts"))
        strict = bool(item.get("strict", False))
        plain = _strings(item.get("aliases", ()), f"outlet {name!r} aliases")
        ambiguous = _strings(item.get("ambiguous", ()), f"outlet {name!r} ambiguous")
        for written in ambiguous:
            for form in _inflected(written):
                aliases[form] = _Alias(entry, True, contexts, strict)
        for written in plain:
            for form in _inflected(written):
                aliases[form] = _Alias(entry, False, contexts)
        for domain in _strings(item.get("domains", ()), f"outlet {name!r} domains"):
            domains[domain.lower().removeprefix("www.")] = entry
    table = data.get("domains", {})
    if isinstance(table, Mapping):
        for domain, name in table.items():
            if not isinstance(name, str):
                raise RulesError(f"outlets.toml: [domains] maps to names, got {name!r}")
            domains[str(domain).lower().removeprefix("www.")] = by_name.get(
                name, _Entry(name, "outlet")
            )
    return aliases, domains, by_name


def _inflected(alias: str) -> list[str]:
    """The alias and, for multi-word names, its weak adjective form.

    German declines the adjectives in a name ("die Süddeutsche Zeitung", "der
    Süddeutschen Zeitung"); every capitalised non-final word of four or more letters that
    ends in -e gets an -n. Forms that never occur cost nothing.
    """
    words = alias.split(" ")
    if len(words) < 2:
        return [alias]
    declined = [
        word + "n"
        if index < len(words) - 1 and len(word) >= 4 and word[0].isupper() and word.endswith("e")
        else word
        for index, word in enumerate(words)
    ]
    other = " ".join(declined)
    return [alias] if other == alias else [alias, other]


def _gazetteer_pattern(aliases: Mapping[str, _Alias]) -> re.Pattern[str] | None:
    """One regex for all aliases: a character trie, so each position costs O(alias length)."""
    if not aliases:
        return None
    body = _trie_regex(_trie(aliases))
    # Not inside a word or after a hyphen; a hyphen may follow ("dpa-Meldung").
    return re.compile(r"(?<![\w-])(?:" + body + r")(?!\w)")


def _trie(words: Iterable[str]) -> dict[str, Any]:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def _trie_regex(node: Mapping[str, Any]) -> str:
    # Iterative on purpose: an alias of a few hundred characters must not hit the recursion
    # limit. Children are rendered after their own children, bottom-up.
    rendered: dict[int, str] = {}
    stack: list[tuple[Mapping[str, Any], bool]] = [(node, False)]
    while stack:
        current, ready = stack.pop()
        keys = sorted(k for k in current if k)
        if not ready:
            stack.append((current, True))
            stack.extend((current[k], False) for k in keys)
            continue
        alternatives = [re.escape(k) + rendered[id(current[k])] for k in keys]
        if not alternatives:
            rendered[id(current)] = ""
            continue
        singles = [a for a in alternatives if len(a) == 1 or (len(a) == 2 and a[0] == "\\")]
        multi = [a for a in alternatives if a not in singles]
        parts = multi + (
            [f"[{''.join(singles)}]" if len(singles) > 1 else singles[0]] if singles else []
        )
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if "" in current:
            body = f"(?:{body})?"
        rendered[id(current)] = body
    return rendered[id(node)]


def _org_name_pattern(heads: Sequence[str], names: Mapping[str, str]) -> str:
    known = _alternation(names)
    parts = []
    if known:
        parts.append(rf"(?:{known})(?![\w-])")
    if heads:
        lower = "|".join(regex.escape(h) for h in heads)
        upper = "|".join(regex.escape(h[:1].upper() + h[1:]) for h in heads)
        parts.append(
            rf"(?:[\p{{Lu}}\d][\p{{L}}\d]*-)*(?:\p{{Lu}}\p{{Ll}}*?(?:{lower})|(?:{upper}))"
            r"(?:es|s)?(?![\w-])"
        )
    return "|".join(parts) or "(?!)"


def _macros(data: Mapping[str, Any]) -> dict[str, str]:
    table = data.get("macros", {})
    if not isinstance(table, Mapping):
        raise RulesError("outlets.toml: [macros] must be a table of patterns")
    out: dict[str, str] = {}
    for name, value in table.items():
        if not isinstance(value, str):
            raise RulesError(f"outlets.toml: macro {name!r} must be a string")
        out[str(name)] = value
    for required in ("det", "adj", "carrier"):
        out.setdefault(required, "(?!)")
    return out


def _expander(macros: Mapping[str, str]) -> Any:
    def expand(pattern: str, what: str, depth: int = 0) -> str:
        if depth > 8:
            raise RulesError(f"outlets.toml: macros nest too deeply in {what}")

        def replace(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in macros:
                raise RulesError(f"outlets.toml: unknown macro {{{name}}} in {what}")
            return "(?:" + expand(macros[name], what, depth + 1) + ")"

        return _MACRO.sub(replace, pattern)

    return expand


def _regex(source: str, what: str) -> Any:
    try:
        return regex.compile(source, regex.V1)
    except (regex.error, ValueError, TypeError) as error:
        raise RulesError(f"outlets.toml: bad pattern in {what}: {error}") from error


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _list(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise RulesError(f"outlets.toml: [[{key}]] must be an array of tables")
    return value


def _strings(value: Any, what: str) -> list[str]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise RulesError(f"outlets.toml: {what} must be a list of strings")
    if not all(isinstance(v, str) for v in value):
        raise RulesError(f"outlets.toml: {what} must be a list of strings")
    return [v for v in value if v]


def _source_type(value: Any, what: str) -> SourceType:
    if value not in SOURCE_TYPES:
        raise RulesError(
            f"outlets.toml: {what} has type {value!r}; choose one of {', '.join(SOURCE_TYPES)}"
        )
    return cast(SourceType, value)
