"""The work on one document: the parse, its sentences, where the direct quotations are.

:class:`DocumentScan` is built once per document by the detector and read (never changed,
except its per-sentence cache of content cut points) by the pattern modules. A
:class:`Candidate` is one attribution a pattern found, in token terms, before its speaker
is resolved.

In: a :class:`~quotes.parse.ParsedDoc`, the :class:`~quotes.document.Document`, the
direct quotations' frames and the compiled :class:`~quotes.detectors.lexicon.DetectorRules`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Final

import attrs

from quotes.detectors.lexicon import DetectorRules
from quotes.detectors.syntax import Clause, SentenceView
from quotes.document import Document, window_sentences
from quotes.parse import ParsedDoc, ParsedToken
from quotes.pipeline.entities import Lexicon
from quotes.pipeline.speakers import Frame
from quotes.records import Kind

__all__ = [
    "REACH",
    "Candidate",
    "DocumentScan",
    "TokenRange",
    "capped",
    "is_unparsed",
    "is_verb",
    "mostly_direct",
    "overlaps",
    "sentence_views",
]

TokenRange = tuple[int, int]

# How far (in tokens) a verb's particle may follow it; clause scans read at most three times
# this many tokens.
REACH: Final = 25


@attrs.frozen
class Candidate:
    """One attribution found in a sentence, in token terms, before speakers are resolved."""

    kind: Kind
    content: TokenRange
    cue: tuple[int, ...]
    frame: TokenRange | None
    speaker: TokenRange | None
    addressee: TokenRange | None
    medium: str | None
    confidence: float
    sentence: SentenceView
    #: The content is the sentence before and the first word of this one ("… . Das
    #: bestätigte der Sprecher."): the sentence before has no attribution of its own.
    absorbs_previous: bool = False
    #: The speaker mention is an anaphoric adverb ("Demnach"): its entity is the speaker
    #: of the speech before, not something the resolver can name from the word.
    speaker_points_back: bool = False
    #: The cue is a source word ("laut X", "nach Angaben X", "X zufolge"): such a quotation
    #: may nest with the verb of saying inside or around it (:func:`~.detector.choose`).
    source: bool = False
    #: The sentence is no quotation ("Die Ministerin verteidigte den Entwurf."), but its
    #: speaker is the speech context of the sentences after it (reported.toml context_only).
    context_only: bool = False


class DocumentScan:
    """The work on one document."""

    def __init__(
        self,
        rules: DetectorRules,
        parsed: ParsedDoc,
        doc: Document,
        direct_frames: Sequence[Frame],
        lexicon: Lexicon,
    ) -> None:
        self.rules = rules
        self.lexicon = lexicon
        self.parsed = parsed
        self.doc = doc
        self.direct = sorted(direct_frames, key=lambda f: (f.quote.start, f.quote.end))
        starts = [t.start for t in parsed]
        self.sentences = sentence_views(parsed, doc, starts)
        # Which tokens lie inside a direct quotation: never cues, subjects or Konjunktiv.
        self.in_direct = [False] * len(parsed)
        for frame in self.direct:
            first = bisect.bisect_left(starts, frame.quote.start)
            last = bisect.bisect_left(starts, frame.quote.end)
            for i in range(first, last):
                self.in_direct[i] = True
        self.direct_starts = [f.quote.start for f in self.direct]
        #: Positions of the addressee prepositions, indexed once per document.
        self.addressee_words = [
            i for i, t in enumerate(parsed) if t.text.lower() in rules.addressee_prepositions
        ]
        #: Content cut points per sentence index (:func:`~.content.content_end`).
        self.cuts: dict[int, list[int]] = {}


# A dateline: up to this many words of place, a parenthesis of up to this many tokens.
_DATELINE_PLACE: Final = 4
_DATELINE_PARENTHESIS: Final = 5
_DASHES: Final = frozenset({"-", "–", "—"})


def mostly_direct(scan: DocumentScan, content: TokenRange) -> bool:
    """Whether the content is a direct quotation (at most one word outside quotes).

    Content that is partly quoted ("er sei „sehr zufrieden“") stays indirect speech:
    the corpus marks the partial quote as a direct quote nested inside it.
    """
    first, end = content
    outside = 0
    for i in range(first, end):
        if not scan.in_direct[i] and scan.parsed[i].text[:1].isalnum():
            outside += 1
            if outside > 1:
                return False
    return True


def is_unparsed(parsed: ParsedDoc, s: SentenceView) -> bool:
    """Whether ``s`` is filler of parse on demand (:func:`quotes.parse.assembly.filler`: no
    trigger word, so not parsed): every token untagged, with upos "X". Its tokens are no
    verbs and no Konjunktiv (:meth:`~quotes.detectors.konjunktiv.KonjunktivRules.strength`),
    each its own root."""
    tokens = parsed.tokens
    return all(tokens[i].upos == "X" and not tokens[i].tag for i in range(s.first, s.end))


def is_verb(token: ParsedToken) -> bool:
    return token.upos in ("VERB", "AUX") or (token.upos == "" and token.tag.startswith("V"))


def capped(clause: Clause) -> int:
    """The end of ``clause`` for scans that look for its verb: a "clause" of hundreds of
    words (a list, a text without commas) is not read to its end for every cue in it."""
    return min(clause.end, clause.first + REACH * 3)


def overlaps(a: TokenRange, b: TokenRange) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def sentence_views(parsed: ParsedDoc, doc: Document, starts: list[int]) -> list[SentenceView]:
    """The Document's sentences (the rules splitter's, better than the small parser's) as
    token ranges of the parse."""
    views: list[SentenceView] = []
    n = len(parsed)
    previous_end = 0
    for span in window_sentences(doc, parsed):
        first = max(bisect.bisect_left(starts, span.start), previous_end)
        end = bisect.bisect_left(starts, span.end)
        if end <= first:
            continue
        paragraph = doc.paragraph_index(span.start)
        if not views or views[-1].paragraph != paragraph:
            first = after_dateline(parsed, first, min(end, n))
        views.append(SentenceView(parsed, first, min(end, n), len(views), paragraph))
        previous_end = end
    return views


def after_dateline(parsed: ParsedDoc, first: int, end: int) -> int:
    """The first token after a dateline that opens a paragraph ("Berlin (dpa) - …",
    "(AFP) – …"), else ``first``: the dateline names the agency that carried the text,
    it is no part of what anyone said (the outlet stage reads it for the chain).

    By punctuation alone: at most a few capitalised words (places joined by "/" too:
    "Kiew/Moskau"), a short parenthesis, a dash; or the place and the dash alone when a
    capitalised word follows ("München – Der Ministerpräsident …": the parser takes the
    place for the subject of the sentence's verb of saying).
    """
    j = first
    while (
        j < end
        and j - first < _DATELINE_PLACE
        and (parsed[j].text[:1].isupper() or (j > first and parsed[j].text == "/"))
    ):
        j += 1
    if j > first and j + 1 < end and parsed[j].text in _DASHES and parsed[j + 1].text[:1].isupper():
        return j + 1
    if j >= end or parsed[j].text != "(":
        return first
    close = next(
        (k for k in range(j + 1, min(end, j + 2 + _DATELINE_PARENTHESIS)) if parsed[k].text == ")"),
        None,
    )
    if close is None or close == j + 1 or close + 2 >= end or parsed[close + 1].text not in _DASHES:
        return first
    return close + 2
