"""What the converters from a parser's document share: offsets carried over to the
original text, the message for a text that is not the original, and a pause of the
cyclic garbage collector while the columns are built.

:mod:`quotes.parse.from_spacy` and :mod:`quotes.parse.from_stanza` use these; the
document model itself (:mod:`quotes.parse.model`) needs none of them.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from quotes.errors import BackendError

__all__ = ["apply_offset_map", "gc_paused", "text_mismatch"]


def apply_offset_map(
    starts: Sequence[int],
    ends: Sequence[int],
    offset_map: Sequence[int],
    parsed_text: str,
    text: str,
) -> tuple[list[int], list[int]]:
    """Carry offsets into ``parsed_text`` over to ``text`` through ``offset_map``.

    ``offset_map[k]`` is the offset in ``text`` of offset ``k`` in ``parsed_text``; the map
    has ``len(parsed_text) + 1`` entries, starts at or after 0, never decreases and ends
    at or before ``len(text)``. Raises BackendError otherwise.
    """
    if len(offset_map) != len(parsed_text) + 1:
        raise BackendError(
            f"offset_map has {len(offset_map)} entries; the parsed text needs "
            f"{len(parsed_text) + 1} (one per character, plus the end)"
        )
    if offset_map and (offset_map[0] < 0 or offset_map[-1] > len(text)):
        raise BackendError("offset_map points outside the original text")
    if any(a > b for a, b in itertools.pairwise(offset_map)):
        raise BackendError("offset_map must never decrease")
    return [offset_map[s] for s in starts], [offset_map[e] for e in ends]


def text_mismatch(what: str, parsed: str, text: str) -> str:
    """The message for a parser's text that is not the original: where they differ."""
    at = next(
        (k for k, (a, b) in enumerate(zip(parsed, text, strict=False)) if a != b),
        min(len(parsed), len(text)),
    )
    return (
        f"the {what}'s text differs from the original text at character {at} "
        f"({parsed[at : at + 20]!r} vs {text[at : at + 20]!r}); offsets must refer to the "
        f"original: parse the original text, or pass offset_map"
    )


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a document is built.

    Building allocates a few tuples per token. With a big heap (a loaded parser model)
    every automatic collection walks all tracked objects: measured on 10k tokens next to a
    spaCy pipeline, conversion ran three times slower with the collector on. Nothing built
    here forms reference cycles, so pausing loses nothing; nested use is fine.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
