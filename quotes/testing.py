"""Helpers for tests of code that uses ``quotes``.

:func:`check_invariants` asserts what the library promises about every result, so a property
test can call it on whatever :func:`quotes.extract` returns for generated input (see
:mod:`quotes.strategies`, and README.md, "Property tests").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quotes.records import KINDS, MEDIA, SOURCE_TYPES, SPEAKER_TYPES, Attribution, Span

__all__ = ["check_invariants"]


def _short(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 2] + " …")


def _spans(attribution: Attribution) -> Iterable[tuple[str, Span | None]]:
    yield "quote", attribution.quote
    yield "content", attribution.content
    if attribution.speaker is not None:
        yield "speaker mention", attribution.speaker.mention
    if attribution.cue is not None:
        for i, part in enumerate(attribution.cue.parts):
            yield f"cue part {i}", part
    for i, source in enumerate(attribution.via):
        yield f"via[{i}] ({source.name}) mention", source.mention
    yield "frame", attribution.frame
    yield "addressee", attribution.addressee


def _problems(text: str, index: int, attribution: object) -> Iterable[str]:
    if not isinstance(attribution, Attribution):
        yield f"is a {type(attribution).__name__}, not a quotes.Attribution"
        return
    a = attribution
    for name, span in _spans(a):
        if span is None:
            continue
        if not 0 <= span.start <= span.end <= len(text):
            yield f"{name} {span.start}:{span.end} lies outside the text (length {len(text)})"
        elif text[span.start : span.end] != span.text:
            yield (
                f"{name} {span.start}:{span.end} says {_short(span.text)} but the text there "
                f"is {_short(text[span.start : span.end])}"
            )
    if not a.quote.end > a.quote.start:
        yield f"quote {a.quote.start}:{a.quote.end} is empty"
    if not a.quote.contains(a.content):
        yield f"content {a.content.start}:{a.content.end} is not inside the quote"
    if a.kind not in KINDS:
        yield f"kind {a.kind!r} is not one of {KINDS}"
    if not 0.0 <= a.confidence <= 1.0:
        yield f"confidence {a.confidence} is not in [0, 1]"
    if a.medium is not None and a.medium not in MEDIA:
        yield f"medium {a.medium!r} is not one of {MEDIA}"
    if a.speaker is not None:
        if a.speaker.type not in SPEAKER_TYPES:
            yield f"speaker type {a.speaker.type!r} is not one of {SPEAKER_TYPES}"
        if not a.speaker.name.strip():
            yield "the speaker has an empty name"
    if a.cue is not None:
        for left, right in zip(a.cue.parts, a.cue.parts[1:], strict=False):
            if left.end > right.start:
                yield "cue parts overlap or are out of order"
    hops = [source.hop for source in a.via]
    if hops != sorted(hops):
        yield f"via hops {hops} are not ordered from the speaker outward"
    for source in a.via:
        if source.type not in SOURCE_TYPES:
            yield f"via source {source.name!r} has type {source.type!r}, not one of {SOURCE_TYPES}"
        if not source.name.strip():
            yield "a via source has an empty name"
    chain = str(a.chain)
    if a.speaker is not None and not chain.startswith(a.speaker.name):
        yield f"chain {chain!r} does not start with the speaker {a.speaker.name!r}"


def check_invariants(text: str, attributions: Sequence[Attribution]) -> None:
    """Assert the library's promises about ``attributions`` found in ``text``.

    Every span's text is ``text[start:end]`` and lies inside the text; each quote is
    non-empty and holds its content; kinds, speaker and source types and media come from
    the closed vocabularies; cue parts are ordered and apart; via is ordered from the
    speaker outward and the chain starts with the speaker; and the attributions are in text
    order. Raises :class:`AssertionError` listing every broken promise, each with the index
    and quote of the attribution it concerns.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    problems: list[str] = []
    records = list(attributions)
    for index, attribution in enumerate(records):
        quote = getattr(attribution, "quote", None)
        label = f"attribution {index}"
        if isinstance(quote, Span):
            label += f" ({getattr(attribution, 'kind', '?')} {quote.start}:{quote.end} "
            label += f"{_short(quote.text, 40)})"
        problems += [f"{label}: {problem}" for problem in _problems(text, index, attribution)]
    keys = [(a.quote.start, a.quote.end) for a in records if isinstance(a, Attribution)]
    if keys != sorted(keys):
        problems.append("the attributions are not in text order (by quote start, then end)")
    if problems:
        shown = problems[:20]
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise AssertionError(
            f"{len(problems)} broken invariant(s) in {len(records)} attribution(s):\n  "
            + "\n  ".join(shown)
            + more
        )
