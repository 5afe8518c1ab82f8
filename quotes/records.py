"""Immutable result records.

Every record is a frozen attrs class that checks its invariants when it is built, so a
record that exists is a record that is consistent: spans are ordered and non-negative,
a span's text has the span's length, a quote's content lies inside the quote, and
vocabularies are closed.

Offsets are character offsets into the original ``str`` given to the extractor
(Python string indices), so ``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from typing import Any, Final, Literal

import attrs

__all__ = [
    "KINDS",
    "SOURCE_TYPES",
    "SPEAKER_TYPES",
    "Attribution",
    "Chain",
    "Cue",
    "Source",
    "Span",
    "Speaker",
]

Kind = Literal["direct", "indirect", "free_indirect", "indirect_free_indirect", "reported"]
#: The quotation types, in the vocabulary of the German Wikinews quotation corpus.
KINDS: Final = ("direct", "indirect", "free_indirect", "indirect_free_indirect", "reported")
SpeakerType = Literal["person", "organization", "outlet", "group", "unknown"]
SPEAKER_TYPES: Final = ("person", "organization", "outlet", "group", "unknown")
SourceType = Literal["outlet", "agency", "broadcaster", "platform", "publisher", "organization"]
SOURCE_TYPES: Final = ("outlet", "agency", "broadcaster", "platform", "publisher", "organization")
#: The medium of a quotation, as the Wikinews corpus annotates it (S = speech, W = writing,
#: T = thought, and their combinations); ``None`` where the extractor cannot tell.
MEDIA: Final = ("Speech", "Writing", "Thought", "SW", "ST", "TW", "none")


_new = object.__new__
_set = object.__setattr__  # frozen attrs records are set this way in their own __init__
_intern = sys.intern
#: Span texts and speaker names up to this long are shared (``sys.intern``: one string per
#: distinct text while any record holds it): the same words, names and marks recur in every
#: quotation of a text ("sagte", "er", „Ja“), and a text of many short quotations is mostly
#: its records (issue 9 §2: a dateline line with a quotation holds six Spans, each with its
#: own string). Longer texts rarely recur, and hashing them costs time.
_SHARED_CHARS = 40


def _shared(text: Any) -> Any:
    """``text`` itself, or the one shared copy of it when it is a short ``str``."""
    if type(text) is str and len(text) <= _SHARED_CHARS:
        return _intern(text)
    return text


def _one_of(values: tuple[str, ...]) -> Any:
    return attrs.validators.in_(values)


@attrs.frozen(init=False, repr=False, order=False, weakref_slot=False)
class Span:
    """A stretch of the original text: ``text == original[start:end]``.

    ``Span(start, end, text)``; ``end`` is ``start + len(text)``, so a span stores only
    ``start`` and ``text`` (its attrs fields): one int object and 48 bytes instead of two
    ints and 64 bytes. A text of many short quotations is mostly its Spans (issue 9 §2:
    six a quotation), and their ``end`` is read rarely (about one read per 10 characters of
    news on the rules path). Equality and hashing over ``(start, text)`` are those over
    ``(start, end, text)``; order is by ``(start, end)`` as before; no weak references.
    """

    start: int = attrs.field(validator=attrs.validators.instance_of(int))
    text: str = attrs.field(validator=attrs.validators.instance_of(str))

    __match_args__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        for name, value in (("start", start), ("end", end)):
            if not isinstance(value, int):
                raise TypeError(f"'{name}' must be <class 'int'> (got {value!r})")
        if not isinstance(text, str):
            raise TypeError(f"'text' must be <class 'str'> (got {text!r})")
        if not 0 <= start <= end:
            raise ValueError(f"span offsets must satisfy 0 <= start <= end, got {start}, {end}")
        if len(text) != end - start:
            raise ValueError(
                f"span text has length {len(text)} but offsets {start}:{end} "
                f"cover {end - start} characters"
            )
        _set(self, "start", start)
        _set(self, "text", _shared(text))

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def __repr__(self) -> str:
        return f"Span(start={self.start!r}, end={self.end!r}, text={self.text!r})"

    def _key(self) -> tuple[int, int]:
        return (self.start, self.start + len(self.text))

    def __lt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() < other._key()  # type: ignore[attr-defined]

    def __le__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() <= other._key()  # type: ignore[attr-defined]

    def __gt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() > other._key()  # type: ignore[attr-defined]

    def __ge__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() >= other._key()  # type: ignore[attr-defined]

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """The span ``start:end`` of ``source``, with its text taken from ``source``."""
        if not 0 <= start <= end <= len(source):
            raise ValueError(f"span {start}:{end} lies outside a text of length {len(source)}")
        if type(start) is int and type(end) is int and type(source) is str:
            return cls._slice(source, start, end)
        return cls(start, end, source[start:end])

    @classmethod
    def _slice(cls, source: str, start: int, end: int) -> Span:
        """``Span(start, end, source[start:end])`` without the checks (a third of the
        cost), for the pipeline's own spans: ``source`` a ``str`` and ``start``, ``end``
        ints with ``0 <= start <= end <= len(source)``, by construction of the caller."""
        span = _new(cls)
        _set(span, "start", start)
        text = source[start:end]
        _set(span, "text", _intern(text) if end - start <= _SHARED_CHARS else text)
        return span

    def __len__(self) -> int:
        return len(self.text)

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies within this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


def _span_or_none(value: Span | None) -> None:
    if value is not None and not isinstance(value, Span):
        raise TypeError(f"expected a Span or None, got {type(value).__name__}")


@attrs.frozen
class Speaker:
    """Who said it: the mention as written and the resolved, canonical entity.

    ``mention`` is where the speaker is named for this quotation ("er", "Sacharowa",
    "die Sprecherin des russischen Außenministeriums, Maria Sacharowa"); ``name`` is the
    entity it refers to, written out in full ("Maria Sacharowa"). ``mention`` is None
    when the speaker is only implied (for example a headline "Merz: „…“" resolved
    through the document, or a speaker carried over from an earlier paragraph).
    """

    mention: Span | None = attrs.field(validator=lambda _i, _a, v: _span_or_none(v))
    name: str = attrs.field(converter=_shared, validator=attrs.validators.instance_of(str))
    type: SpeakerType = attrs.field(default="unknown", validator=_one_of(SPEAKER_TYPES))

    def __str__(self) -> str:
        return self.name


def _cue_parts(_inst: Any, _attr: Any, parts: tuple[Span, ...]) -> None:
    if not parts:
        raise ValueError("a cue has at least one part")
    for part in parts:
        if not isinstance(part, Span):
            raise TypeError(f"cue parts must be Spans, got {type(part).__name__}")
    for left, right in itertools.pairwise(parts):
        if left.end > right.start:
            raise ValueError("cue parts must be ordered and must not overlap")


@attrs.frozen
class Cue:
    """The words that introduce the quotation ("sagte", "fügte … hinzu", "laut").

    A discontinuous cue has several parts, in text order.
    """

    parts: tuple[Span, ...] = attrs.field(converter=tuple, validator=_cue_parts)

    @property
    def text(self) -> str:
        """The parts' texts, joined by " … " where they are apart."""
        out = [self.parts[0].text]
        for left, right in zip(self.parts, self.parts[1:], strict=False):
            out.append(" " if left.end == right.start else " … ")
            out.append(right.text)
        return "".join(out).replace("  ", " ")

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end

    def __str__(self) -> str:
        return self.text


@attrs.frozen
class Source:
    """An outlet or organisation through which a quotation reached the reader.

    ``relation`` says how the text links it ("laut", "unter Berufung auf", "berichtet",
    "schreibt", "gegenüber", "interview", "domain", "publisher", …).

    ``hop`` is the distance from the speaker: the speaker is hop 0, the outlet that
    carried the words first is hop 1, whoever cites that outlet hop 2, and so on, the
    publisher last. Several sources at the same hop are branches: the text cites them
    together ("unter Berufung auf CNN und offizielle Berichte des US-Außenministeriums").
    A source at hop 0 stands beside the speaker as a co-origin of the words.
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    type: SourceType = attrs.field(validator=_one_of(SOURCE_TYPES))
    relation: str = attrs.field(validator=attrs.validators.instance_of(str))
    mention: Span | None = attrs.field(default=None, validator=lambda _i, _a, v: _span_or_none(v))
    hop: int = attrs.field(default=1, validator=attrs.validators.ge(0))

    def __str__(self) -> str:
        return self.name


def _via(_inst: Any, _attr: Any, via: tuple[Source, ...]) -> None:
    for source in via:
        if not isinstance(source, Source):
            raise TypeError(f"via holds Sources, got {type(source).__name__}")
    for left, right in itertools.pairwise(via):
        if left.hop > right.hop:
            raise ValueError("via must be ordered from the speaker outward (hop never decreases)")


@attrs.frozen
class Chain:
    """The speaker followed by the sources that carried the words, speaker first.

    ``str(chain)`` reads "Wladimir Putin via Tass via Epoch Times"; branches at the
    same hop are joined with " & " ("CNN & US-Außenministerium via RENEWZ").
    """

    speaker: Speaker | None
    via: tuple[Source, ...] = ()

    @property
    def links(self) -> tuple[Speaker | Source, ...]:
        head: tuple[Speaker | Source, ...] = (self.speaker,) if self.speaker is not None else ()
        return head + self.via

    def __iter__(self) -> Iterator[Speaker | Source]:
        return iter(self.links)

    def __len__(self) -> int:
        return len(self.links)

    def __getitem__(self, index: int) -> Speaker | Source:
        return self.links[index]

    def hops(self) -> list[list[str]]:
        """The names grouped by hop: ``[["Wladimir Putin"], ["Tass"], ["Epoch Times"]]``."""
        groups: list[list[str]] = [[self.speaker.name if self.speaker else "?"]]
        last_hop = 0
        for source in self.via:
            if source.hop != last_hop:
                groups.append([])
                last_hop = source.hop
            groups[-1].append(source.name)
        return groups

    def __str__(self) -> str:
        return " via ".join(" & ".join(group) for group in self.hops())


def _check_confidence(_inst: Any, _attr: Any, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"confidence must lie in [0, 1], got {value}")


@attrs.frozen
class Attribution:
    """One quotation with its speaker, cue and the chain of outlets that carried it.

    ``quote`` covers the quotation as the Wikinews corpus marks it (for direct quotes,
    with the quotation marks); ``content`` is the same without the marks.

    ``quote_parts`` is set when a frame interrupts the quotation ("Ein Verdacht bestehe
    nach Angaben der Polizei nicht"): one span per part ("Ein Verdacht bestehe" …
    "nicht"), in text order, inside ``quote``; ``quote`` still spans the whole stretch.
    It is empty for a quotation in one piece; :attr:`parts` gives the parts either way.
    """

    kind: Kind = attrs.field(validator=_one_of(KINDS))
    quote: Span = attrs.field(validator=attrs.validators.instance_of(Span))
    content: Span = attrs.field(validator=attrs.validators.instance_of(Span))
    speaker: Speaker | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Speaker))
    )
    cue: Cue | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Cue))
    )
    via: tuple[Source, ...] = attrs.field(default=(), converter=tuple, validator=_via)
    frame: Span | None = attrs.field(default=None, validator=lambda _i, _a, v: _span_or_none(v))
    addressee: Span | None = attrs.field(default=None, validator=lambda _i, _a, v: _span_or_none(v))
    confidence: float = attrs.field(default=1.0, converter=float, validator=_check_confidence)
    medium: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_one_of(MEDIA))
    )
    quote_parts: tuple[Span, ...] = attrs.field(default=(), converter=tuple)

    def __attrs_post_init__(self) -> None:
        if not self.quote.contains(self.content):
            raise ValueError(
                f"content {self.content.start}:{self.content.end} must lie inside "
                f"quote {self.quote.start}:{self.quote.end}"
            )
        previous_end = self.quote.start
        for part in self.quote_parts:
            if not isinstance(part, Span):
                raise TypeError(f"quote_parts holds Spans, got {type(part).__name__}")
            if part.start < previous_end or not self.quote.contains(part):
                raise ValueError(
                    "quote_parts must lie inside the quote, in text order, without overlap"
                )
            previous_end = part.end

    @property
    def parts(self) -> tuple[Span, ...]:
        """The stretches of text quoted: ``quote_parts``, or ``(quote,)`` if it is empty."""
        return self.quote_parts or (self.quote,)

    @property
    def chain(self) -> Chain:
        """The speaker followed by ``via``."""
        return Chain(self.speaker, self.via)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: spans as ``{start, end, text}``, plus ``chain`` as text."""
        from quotes.serialize import attribution_to_dict

        return attribution_to_dict(self)
