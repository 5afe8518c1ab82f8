"""Naming the speakers: the one step that turns each frame's speaker mention into an
entity, after every stage that finds speakers has run.

The stages before leave ``speaker.name`` as the mention is written and the mention's parts
in ``Frame.mention``; this step resolves the frames' mentions in text order, after those
already in the document's :class:`~quotes.pipeline.entities.Resolution`, and returns new
frames and the resolution that includes them (nothing is changed in place).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotes.pipeline.entities import MentionResolver, Resolution
from quotes.pipeline.speakers import Frame
from quotes.records import Speaker

__all__ = ["resolve_speakers"]


def resolve_speakers(
    frames: Sequence[Frame], resolver: MentionResolver, resolution: Resolution
) -> tuple[tuple[Frame, ...], Resolution]:
    """``frames`` with resolved speakers (frames without a mention keep theirs), and the
    resolution after them."""
    order = [
        k
        for k in sorted(range(len(frames)), key=lambda k: frames[k].quote.start)
        if frames[k].speaker is not None and frames[k].mention is not None
    ]
    mentions = [frames[k].mention for k in order]
    entities, resolution = resolver.extend(resolution, [m for m in mentions if m is not None])
    out = list(frames)
    for k, entity in zip(order, entities, strict=True):
        frame = frames[k]
        assert frame.speaker is not None
        out[k] = attrs.evolve(
            frame, speaker=Speaker(frame.speaker.mention, entity.name, entity.type)
        )
    return tuple(out), resolution
