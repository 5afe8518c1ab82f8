"""Cut a text into the segments an HTML view marks up.

An article view shows several kinds of span at once: each quotation (by kind), its cue,
its speaker mention, its addressee, the outlet mentions of its chain, and the quoted
spans that were *not* taken as speech (titles, terms). These spans nest and may overlap
("laut Tass" can lie inside an indirect quotation), so they cannot all become nested
HTML elements. Instead the text is cut at every span boundary into atomic segments; each
segment knows every span that covers it. Joining the segments' texts gives back the
original text exactly, and every segment keeps its start offset into it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

import attrs

__all__ = ["Layer", "Segment", "segment"]

#: What a layer marks, in the order the view's CSS stacks them.
ROLES = ("quote", "rejected", "cue", "speaker", "addressee", "outlet")


@attrs.frozen
class Layer:
    """One marked span: ``role`` (one of ``ROLES``), ``label`` (a kind, category or
    source type, for CSS) and ``index``, the quotation it belongs to (None for spans that
    belong to no quotation, such as a rejected title)."""

    start: int
    end: int
    role: str = attrs.field(validator=attrs.validators.in_(ROLES))
    label: str = ""
    index: int | None = None

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"layer offsets must satisfy 0 <= start <= end: {self}")


@attrs.frozen
class Segment:
    """The text ``start:end`` and the layers covering all of it (outermost first)."""

    start: int
    end: int
    text: str
    layers: tuple[Layer, ...] = ()

    @property
    def quotes(self) -> tuple[int, ...]:
        """The quotations whose quote span covers this segment, outermost first."""
        return tuple(
            layer.index
            for layer in self.layers
            if layer.role == "quote" and layer.index is not None
        )


def segment(text: str, layers: Iterable[Layer]) -> list[Segment]:
    """The segments of ``text`` under ``layers``; their texts join to ``text``.

    Empty layers and layers reaching past the text are dropped (a view never invents
    text). The sweep costs O((n + b) log b) for b boundaries, so a long article with many
    quotations stays cheap.
    """
    kept = [layer for layer in layers if layer.start < layer.end and layer.end <= len(text)]
    bounds = sorted({0, len(text), *(x for layer in kept for x in (layer.start, layer.end))})
    starting: dict[int, list[Layer]] = {}
    for layer in kept:
        starting.setdefault(layer.start, []).append(layer)
    active: list[Layer] = []
    segments: list[Segment] = []
    for left, right in itertools.pairwise(bounds):
        active = [layer for layer in active if layer.end > left]
        active.extend(starting.get(left, ()))
        # Outermost (longest, earliest) first, so nesting reads naturally in the markup.
        ordered = tuple(sorted(active, key=_outer_first))
        segments.append(Segment(left, right, text[left:right], ordered))
    return segments


def _outer_first(layer: Layer) -> tuple[int, int, int]:
    return (layer.start, -layer.end, ROLES.index(layer.role))


def covering(segments: Sequence[Segment], index: int) -> list[Segment]:
    """The segments of quotation ``index`` (for tests and the side list)."""
    return [seg for seg in segments if index in seg.quotes]
