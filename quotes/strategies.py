"""Hypothesis strategies for property tests of code that uses ``quotes`` (``quotes[testing]``).

* :func:`texts` — German-like text that exercises the input handling: every quotation-mark
  style, paired and unpaired, paragraphs, colons, control and zero-width characters, and very
  long lines.
* :func:`quoted_documents` — a German news paragraph with planted quotations, returned with
  what a careful reader expects: each quotation's offsets, kind, speaker name and mention, cue
  and outlet chain (a :class:`PlantedDocument`). It covers direct quotations after and before
  their frame (colon intros), interrupted quotations, "laut X" (an outlet, or a person with
  indirect speech), "sagte X der Zeitung Y" and indirect speech in the Konjunktiv.
* :func:`attributions` — valid :class:`quotes.Attribution` records on a text, for
  serialisation tests.

The vocabulary lives in ``quotes/strategies.toml``; outlets come from the shipped gazetteer,
so their canonical names are the library's. See README.md, "Property tests", for an example
test file.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "quotes.strategies needs hypothesis: pip install 'quotes[testing]'"
    ) from error

from quotes.records import (
    KINDS,
    MEDIA,
    SOURCE_TYPES,
    SPEAKER_TYPES,
    Attribution,
    Cue,
    Source,
    Span,
    Speaker,
)

__all__ = [
    "PATTERNS",
    "PlantedDocument",
    "PlantedQuotation",
    "attributions",
    "quoted_documents",
    "texts",
]

VOCABULARY_PATH = Path(__file__).with_name("strategies.toml")
#: Quotation-mark pairs the direct quotations are planted in.
MARK_PAIRS: tuple[tuple[str, str], ...] = (("„", "“"), ("»", "«"), ("«", "»"), ('"', '"'))
#: Every mark the text strategy scatters, paired or not.
MARKS = "„“‚‘»«›‹\"'”’"
#: Characters that turn up in scraped text and must not derail the library.
ODD_CHARACTERS = (
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\r", "\t",
    "\u200b", "\u200d", "\ufeff", "\u00ad", "\u00a0",
)  # fmt: skip
#: The kinds of planted quotation :func:`quoted_documents` can build.
PATTERNS = (
    "direct_frame_after",
    "direct_colon_intro",
    "direct_interrupted",
    "direct_laut_outlet",
    "direct_outlet_dative",
    "indirect_laut_person",
    "indirect_konjunktiv",
)


@functools.cache
def _vocabulary() -> dict[str, Any]:
    with VOCABULARY_PATH.open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    return data


@functools.cache
def _outlets() -> dict[str, tuple[tuple[str, str], ...]]:
    """``(alias as written, canonical name)`` by outlet type, unambiguous aliases only."""
    from quotes.rules import rules_dir

    with (rules_dir() / "de" / "outlets.toml").open("rb") as handle:
        data = tomllib.load(handle)
    by_type: dict[str, list[tuple[str, str]]] = {}
    for outlet in data.get("outlet", ()):
        ambiguous = set(outlet.get("ambiguous", ()))
        for alias in outlet.get("aliases", ()):
            if alias in ambiguous or "." in alias or not alias[:1].isalpha():
                continue
            by_type.setdefault(outlet["type"], []).append((alias, outlet["name"]))
    return {kind: tuple(pairs) for kind, pairs in by_type.items()}


# -- records of what was planted ---------------------------------------------------------
@dataclass(frozen=True)
class PlantedQuotation:
    """One planted quotation and what the library should report for it.

    ``start``/``end`` delimit the quote as the library reports it (a direct quotation with
    its marks; an indirect one as its content clause, without the final punctuation).
    ``mention`` is the speaker's span as written (descriptor included), ``cue`` the cue's
    text as :attr:`quotes.Cue.text` gives it, ``via`` the canonical outlet names, speaker
    outward.
    """

    kind: str
    start: int
    end: int
    text: str
    speaker: str
    mention: tuple[int, int]
    cue: str
    cue_parts: tuple[tuple[int, int], ...]
    via: tuple[str, ...]
    pattern: str


@dataclass(frozen=True)
class PlantedDocument:
    """A generated text and the quotations planted in it (in text order)."""

    text: str
    quotations: tuple[PlantedQuotation, ...] = field(default_factory=tuple)

    @property
    def direct(self) -> tuple[PlantedQuotation, ...]:
        return tuple(q for q in self.quotations if q.kind == "direct")

    def to_gold(self, document: str = "planted") -> dict[str, Any]:
        """The document as one line of the gold format (see :mod:`quotes.evaluate.gold`)."""

        def span(start: int, end: int) -> dict[str, Any]:
            return {"start": start, "end": end, "text": self.text[start:end]}

        return {
            "document": document,
            "text": self.text,
            "quotations": [
                {
                    "kind": q.kind,
                    **span(q.start, q.end),
                    "speaker": {"mention": span(*q.mention), "name": q.speaker, "type": "person"},
                    "cue": {"text": q.cue, "parts": [span(s, e) for s, e in q.cue_parts]},
                    "via": [
                        {"name": name, "type": _outlet_type(name), "relation": "laut", "hop": 1}
                        for name in q.via
                    ],
                    "nested_in": None,
                }
                for q in self.quotations
            ],
        }


def _outlet_type(name: str) -> str:
    for kind, pairs in _outlets().items():
        if any(canonical == name for _, canonical in pairs):
            return kind
    return "outlet"


# -- building sentences with offsets -----------------------------------------------------
class _Builder:
    """Text built piece by piece, remembering where the pieces landed."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass(frozen=True)
class _Speaker:
    role: str | None
    name: str

    @property
    def written(self) -> str:
        return f"{self.role} {self.name}" if self.role else self.name


@st.composite
def _speakers(draw: st.DrawFn) -> _Speaker:
    words = _vocabulary()
    female = draw(st.booleans())
    first = draw(st.sampled_from(words["first_names_female" if female else "first_names_male"]))
    last = draw(st.sampled_from(words["surnames"]))
    role = draw(st.none() | st.sampled_from(words["roles_female" if female else "roles_male"]))
    return _Speaker(role, f"{first} {last}")


def _plant(
    out: _Builder,
    found: list[PlantedQuotation],
    kind: str,
    quote: tuple[int, int],
    speaker: _Speaker,
    mention: tuple[int, int],
    cue: str,
    cue_parts: Sequence[tuple[int, int]],
    via: tuple[str, ...],
    pattern: str,
) -> None:
    found.append(
        PlantedQuotation(
            kind=kind,
            start=quote[0],
            end=quote[1],
            text="",  # filled in once the whole text is known
            speaker=speaker.name,
            mention=mention,
            cue=cue,
            cue_parts=tuple(cue_parts),
            via=via,
            pattern=pattern,
        )
    )


def _content(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(_vocabulary()["contents"]))


def _marks(draw: st.DrawFn) -> tuple[str, str]:
    return draw(st.sampled_from(MARK_PAIRS))


def _time(draw: st.DrawFn) -> str:
    time = draw(st.none() | st.sampled_from(_vocabulary()["times"]))
    return f" {time}" if time else ""


@st.composite
def _sentence(draw: st.DrawFn, out: _Builder, found: list[PlantedQuotation], pattern: str) -> None:
    words = _vocabulary()
    speaker = draw(_speakers())
    verb = draw(st.sampled_from(words["speech_verbs"]))
    if pattern in {"direct_frame_after", "direct_laut_outlet", "direct_outlet_dative"}:
        opening, closing = _marks(draw)
        quote = out.add(f"{opening}{_content(draw)}{closing}")
        out.add(", ")
        added = pattern == "direct_frame_after" and draw(st.booleans())
        cue_start = out.add("fügte" if added else verb)
        out.add(" ")
        mention = out.add(speaker.written)
        cue_parts = [cue_start]
        cue = "fügte … hinzu" if added else verb
        if added:
            out.add(f"{_time(draw)} ")
            cue_parts.append(out.add("hinzu"))
        via: tuple[str, ...] = ()
        if pattern == "direct_laut_outlet":
            alias, name = draw(st.sampled_from(_outlets()["agency"]))
            out.add(f" laut {alias}")
            via = (name,)
        elif pattern == "direct_outlet_dative":
            kind = draw(st.sampled_from(["outlet", "broadcaster", "agency"]))
            canonical = [(a, n) for a, n in _outlets()[kind] if a == n]
            alias, name = draw(st.sampled_from(canonical or list(_outlets()[kind])))
            noun = {"outlet": "papers", "broadcaster": "broadcasters", "agency": "agencies"}[kind]
            phrase = draw(st.sampled_from(words[noun]))
            written = f"„{alias}“" if kind == "outlet" else alias
            out.add(f" {phrase} {written}")
            via = (name,)
        elif not added:
            out.add(_time(draw))
        out.add(".")
        _plant(out, found, "direct", quote, speaker, mention, cue, cue_parts, via, pattern)
    elif pattern == "direct_colon_intro":
        mention = out.add(speaker.written)
        out.add(" ")
        cue_part = out.add(verb)
        out.add(f"{_time(draw)}: ")
        opening, closing = _marks(draw)
        quote = out.add(f"{opening}{_content(draw)}.{closing}")
        _plant(out, found, "direct", quote, speaker, mention, verb, [cue_part], (), pattern)
    elif pattern == "direct_interrupted":
        opening, closing = _marks(draw)
        said = _content(draw)
        first_half, second_half = (
            said.split(", ", 1) if ", " in said else (said, "so viel ist klar")
        )
        first = out.add(f"{opening}{first_half}{closing}")
        out.add(", ")
        cue_part = out.add(verb)
        out.add(" ")
        mention = out.add(speaker.written)
        out.add(", ")
        second = out.add(f"{opening}{second_half[:1].lower()}{second_half[1:]}.{closing}")
        for quote in (first, second):
            _plant(out, found, "direct", quote, speaker, mention, verb, [cue_part], (), pattern)
    elif pattern == "indirect_laut_person":
        subject, indicative, _, rest = draw(st.sampled_from(words["clauses"]))
        cue_part = out.add("Laut")
        out.add(" ")
        mention = out.add(speaker.written)
        out.add(" ")
        quote = out.add(f"{indicative} {subject} {rest}")
        out.add(".")
        _plant(out, found, "indirect", quote, speaker, mention, "Laut", [cue_part], (), pattern)
    elif pattern == "indirect_konjunktiv":
        subject, _, konjunktiv, rest = draw(st.sampled_from(words["clauses"]))
        mention = out.add(speaker.written)
        out.add(" ")
        cue_part = out.add(verb)
        out.add(f"{_time(draw)}, ")
        quote = out.add(f"{subject} {konjunktiv} {rest}")
        out.add(".")
        _plant(out, found, "indirect", quote, speaker, mention, verb, [cue_part], (), pattern)
    else:  # pragma: no cover - PATTERNS is closed
        raise ValueError(f"unknown pattern {pattern!r}")


@st.composite
def quoted_documents(
    draw: st.DrawFn,
    *,
    patterns: Sequence[str] = PATTERNS,
    min_quotations: int = 1,
    max_quotations: int = 4,
) -> PlantedDocument:
    """A German news paragraph (or two) with planted quotations and what to expect of them.

    ``patterns`` restricts the kinds of planted quotation (see :data:`PATTERNS`); between the
    planted sentences stand filler sentences without quotations. Every planted quotation has
    its own sentence and a named speaker.
    """
    unknown = set(patterns) - set(PATTERNS)
    if unknown:
        raise ValueError(f"unknown patterns {sorted(unknown)}; choose from {PATTERNS}")
    chosen = draw(
        st.lists(st.sampled_from(list(patterns)), min_size=min_quotations, max_size=max_quotations)
    )
    fillers = _vocabulary()["fillers"]
    out = _Builder()
    found: list[PlantedQuotation] = []
    if draw(st.booleans()):
        out.add(draw(st.sampled_from(fillers)))
    for pattern in chosen:
        if out.length:
            out.add(draw(st.sampled_from([" ", " ", "\n", "\n\n"])))
        draw(_sentence(out, found, pattern))
        if draw(st.booleans()):
            out.add(" " + draw(st.sampled_from(fillers)))
    text = out.text
    planted = tuple(PlantedQuotation(**{**vars(q), "text": text[q.start : q.end]}) for q in found)
    return PlantedDocument(text, tuple(sorted(planted, key=lambda q: (q.start, q.end))))


# -- arbitrary German-like text ----------------------------------------------------------
@st.composite
def texts(draw: st.DrawFn, *, max_pieces: int = 40, long_lines: bool = True) -> str:
    """German-like text: quotations in every mark style (paired and not), names, cues,
    paragraphs, colons, control and zero-width characters, and now and then a very long line.
    """
    words = _vocabulary()
    fragments = st.one_of(
        st.sampled_from(words["fillers"]),
        st.sampled_from(words["contents"]),
        st.sampled_from(words["speech_verbs"]),
        st.sampled_from(words["surnames"]),
        st.sampled_from(list(MARKS)),
        st.sampled_from(ODD_CHARACTERS),
        st.sampled_from([":", ": ", ", ", ".", "\n", "\n\n", "\r\n", " – ", "laut", "so"]),
        st.tuples(st.sampled_from(MARK_PAIRS), st.sampled_from(words["contents"])).map(
            lambda pair: f"{pair[0][0]}{pair[1]}{pair[0][1]}"
        ),
        quoted_documents(max_quotations=2).map(lambda d: d.text),
    )
    pieces = draw(st.lists(fragments, max_size=max_pieces))
    if long_lines and draw(st.integers(0, 9)) == 0:
        repeat = draw(st.integers(200, 2_000))
        pieces.insert(draw(st.integers(0, len(pieces))), " ".join([words["contents"][0]] * repeat))
    separators = draw(
        st.lists(st.sampled_from([" ", "", "\n"]), min_size=len(pieces), max_size=len(pieces))
    )
    return "".join(p + s for p, s in zip(pieces, separators, strict=True))


# -- records ------------------------------------------------------------------------------
_NAMES = st.text(min_size=1, max_size=30)
_SPEAKER_TYPES = st.sampled_from(SPEAKER_TYPES)
_SOURCE_TYPES = st.sampled_from(SOURCE_TYPES)
_KINDS = st.sampled_from(KINDS)
_MEDIA = st.none() | st.sampled_from(MEDIA)
_CONFIDENCE = st.floats(0.0, 1.0)


def _offsets(draw: st.DrawFn, low: int, high: int) -> tuple[int, int]:
    start = draw(st.integers(low, high))
    return start, draw(st.integers(start, high))


def _maybe_span(draw: st.DrawFn, text: str) -> Span | None:
    if not draw(st.booleans()):
        return None
    return Span.of(text, *_offsets(draw, 0, len(text)))


@functools.cache
def _default_texts() -> st.SearchStrategy[str]:
    words = _vocabulary()
    pieces = st.sampled_from([*words["fillers"], *words["contents"], *MARKS, *ODD_CHARACTERS])
    return st.lists(pieces, min_size=1, max_size=6).map(" ".join)


@st.composite
def attributions(draw: st.DrawFn, text: str | None = None) -> Attribution:
    """A valid :class:`quotes.Attribution` on ``text`` (German-like text if None).

    Every field is exercised: optional parts absent or present, several cue parts, via
    chains with branches, every kind, speaker type, source type and medium.
    """
    if text is None:
        text = draw(_default_texts())
    quote = Span.of(text, *_offsets(draw, 0, len(text)))
    content = Span.of(text, *_offsets(draw, quote.start, quote.end))
    speaker = None
    if draw(st.booleans()):
        mention = _maybe_span(draw, text)
        speaker = Speaker(mention=mention, name=draw(_NAMES), type=draw(_SPEAKER_TYPES))
    cue = None
    if draw(st.booleans()):
        cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=6)))
        pairs = list(zip(cuts[0::2], cuts[1::2], strict=False))
        cue = Cue(tuple(Span.of(text, s, e) for s, e in pairs))
    relations = _vocabulary()["relations"]
    hops = sorted(draw(st.lists(st.integers(1, 4), max_size=4)))
    via = tuple(
        Source(
            name=draw(_NAMES),
            type=draw(_SOURCE_TYPES),
            relation=draw(st.sampled_from(relations)),
            mention=_maybe_span(draw, text),
            hop=hop,
        )
        for hop in hops
    )
    return Attribution(
        kind=draw(_KINDS),
        quote=quote,
        content=content,
        speaker=speaker,
        cue=cue,
        via=via,
        frame=_maybe_span(draw, text),
        addressee=_maybe_span(draw, text),
        confidence=draw(_CONFIDENCE),
        medium=draw(_MEDIA),
    )
