"""The syntax the attribution patterns read: a small interface over a parse.

Patterns ask a :class:`Syntax` for a cue's verb, a verb's dependents, whether it is
passive, and the noun phrase a head word spans; they never index the parser's tokens
themselves. :class:`ParseSyntax` answers from a :class:`~quotes.parse.ParsedDoc` (UD
labels; TIGER parses arrive normalised to UD by :mod:`quotes.parse.labels`). Token ranges
are ``(first, end)`` with ``end`` exclusive.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Sequence
from typing import Protocol

from quotes.attribution.phrases import speaker_phrase
from quotes.parse import ParsedDoc, ParsedToken
from quotes.records import Span

__all__ = ["ParseSyntax", "Syntax", "TokenRange"]

TokenRange = tuple[int, int]

_VERBAL = frozenset({"VERB", "AUX"})


class Syntax(Protocol):
    """What a pattern may ask about the words around a quotation."""

    def __len__(self) -> int: ...
    def text(self, i: int) -> str: ...
    def token(self, i: int) -> ParsedToken: ...
    def children(self, i: int, *deps: str) -> tuple[ParsedToken, ...]: ...
    def in_quote(self, i: int) -> bool: ...
    def is_parsed(self, i: int) -> bool: ...
    def range_of(self, start: int, end: int) -> TokenRange: ...
    def sentence_of(self, i: int) -> TokenRange: ...
    def verb_of(self, i: int) -> int | None: ...
    def is_passive(self, verb: int) -> bool: ...
    def phrase(self, head: int, lo: int, hi: int) -> TokenRange | None: ...
    def span(self, first: int, end: int) -> Span: ...


class ParseSyntax:
    """:class:`Syntax` over a dependency parse; ``quotes`` are the direct quotations (their
    words are never cues, speakers or parts of a speaker's phrase)."""

    def __init__(
        self,
        parsed: ParsedDoc,
        quotes: Sequence[Span],
        phrase_prepositions: frozenset[str] = frozenset(),
        sentences: Sequence[Span] = (),
        given_names: Collection[str] = frozenset(),
        origin_prepositions: frozenset[str] = frozenset(),
        passive_auxiliary: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ()),
        adjuncts: Collection[str] = frozenset(),
        is_role: Callable[[str], bool] = lambda _w: False,
    ) -> None:
        self.parsed = parsed
        self._adjuncts = adjuncts
        self._is_role = is_role
        # The lemmas of the passive auxiliary, and the starts of its forms ("wurde").
        self._passive_lemmas, self._passive_forms = passive_auxiliary
        self._origin = origin_prepositions
        self._given_names = given_names
        self._prepositions = phrase_prepositions
        self._starts = [t.start for t in parsed]
        # Words a phrase never takes in: a quotation's, and the line breaks the parser
        # keeps as tokens.
        self._quoted = [not t.text.strip() for t in parsed]
        for quote in quotes:
            first, end = self.range_of(quote.start, quote.end)
            for i in range(first, end):
                self._quoted[i] = True
        # Sentences: the Document's (the parser's may run over a paragraph break).
        self._sentence_starts = [self.range_of(s.start, s.end)[0] for s in sentences]
        self._sentence_ends = [self.range_of(s.start, s.end)[1] for s in sentences]

    def __len__(self) -> int:
        return len(self.parsed)

    def text(self, i: int) -> str:
        return self.parsed[i].text

    def token(self, i: int) -> ParsedToken:
        return self.parsed[i]

    def children(self, i: int, *deps: str) -> tuple[ParsedToken, ...]:
        return self.parsed.children(i, *deps)

    def in_quote(self, i: int) -> bool:
        return self._quoted[i]

    def is_parsed(self, i: int) -> bool:
        """Whether the parser read token ``i`` (parse on demand leaves some sentences as
        bare tokens: no tags, every token its own root)."""
        return bool(self.parsed[i].dep)

    def range_of(self, start: int, end: int) -> TokenRange:
        """The tokens that overlap the characters ``start:end``."""
        first = bisect.bisect_right(self._starts, start) - 1
        if first < 0 or self.parsed[first].end <= start:
            first += 1
        last = bisect.bisect_left(self._starts, end)
        return max(first, 0), max(last, first, 0)

    def sentence_of(self, i: int) -> TokenRange:
        k = bisect.bisect_right(self._sentence_starts, i) - 1
        if k >= 0 and i < self._sentence_ends[k]:
            return self._sentence_starts[k], self._sentence_ends[k]
        sentence = self.parsed.sentence_of(i)
        return sentence.start, sentence.end

    def span(self, first: int, end: int) -> Span:
        return self.parsed.span(first, end)

    def verb_of(self, i: int) -> int | None:
        """The verb a cue word belongs to: the word itself, or the nearest verb above it
        ("mit den Worten" → "kommentierte"); an auxiliary gives way to its main verb."""
        parsed = self.parsed
        k = i
        for _ in range(6):
            token = parsed[k]
            if token.upos in _VERBAL or token.tag.startswith("V"):
                if token.upos == "AUX" and token.dep in ("aux", "aux:pass", "cop"):
                    head = parsed[token.head]
                    if head.upos in _VERBAL or head.tag.startswith("V"):
                        return head.i
                return k
            if token.head == k:
                return None
            k = token.head
        return None

    def is_passive(self, verb: int) -> bool:
        parsed = self.parsed
        if parsed.children(verb, "aux:pass") or parsed.children(verb, "nsubj:pass"):
            return True
        token = parsed[verb]
        if token.morph.verbform != "Part" and token.tag != "VVPP":
            return False
        for child in parsed.children(verb, "aux"):
            if self._is_passive_auxiliary(child):
                return True
        # The tree often hangs the auxiliary elsewhere: "wurde der Plan als „…“
        # bezeichnet" — a form of "werden" earlier in the clause, no participle between.
        first, _ = self.sentence_of(verb)
        for k in range(verb - 1, max(first - 1, verb - 25), -1):
            other = parsed[k]
            if other.text in (",", ";", ":") and not self._quoted[k]:
                return False
            if other.upos == "AUX" and self._is_passive_auxiliary(other):
                return True
            if other.tag == "VVPP" and not self._quoted[k]:
                return False
        return False

    def _is_passive_auxiliary(self, token: ParsedToken) -> bool:
        """A form of "werden" (``passive_auxiliary_*`` in attribution.toml)."""
        return token.lemma in self._passive_lemmas or token.text.lower().startswith(
            self._passive_forms
        )

    def _bare_dative(self, i: int) -> bool:
        """Whether word ``i`` is a role noun in the dative plural, without article, right
        after a role noun: the addressee, never part of the speaker's phrase ("sagte der
        Präsident | Reportern", "Journalisten"); the parser may call it an apposition."""
        parsed = self.parsed
        word, before = parsed[i].text, parsed[i - 1]
        return (
            word[:1].isupper()
            and word.endswith("n")
            and before.upos == "NOUN"
            and self._is_role(before.text)
            and any(self._is_role(word[:-k]) for k in (1, 2) if len(word) > k + 2)
        )

    def phrase(self, head: int, lo: int, hi: int) -> TokenRange | None:
        """The speaker phrase headed by ``head`` inside ``lo:hi``
        (:func:`~quotes.attribution.phrases.speaker_phrase`); a quotation's words are never
        part of it unless the head itself is quoted (die „Berliner Zeitung“)."""
        quoted = self._quoted
        if head > lo and self._bare_dative(head):
            head -= 1  # "der Minister | Reportern", the parser's head the addressee
        inside = quoted[head]
        return speaker_phrase(
            self.parsed,
            head,
            lo,
            hi,
            self._prepositions,
            lambda i: (quoted[i] and not inside) or (i > head and self._bare_dative(i)),
            self._given_names,
            self._origin,
            self._adjuncts,
        )
