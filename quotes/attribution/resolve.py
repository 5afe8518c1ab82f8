"""Naming the speakers: the one step that turns each frame's speaker mention into an
entity, after every stage that finds speakers has run.

The stages before leave ``speaker.name`` as the mention is written and the mention's parts
in ``Frame.mention``; this step asks the resolver once per frame, in text order, and
returns new frames (nothing is changed in place).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from quotes.pipeline.entities import Entity, Mention
from quotes.pipeline.speakers import Frame
from quotes.records import Speaker

__all__ = ["resolve_speakers"]


def resolve_speakers(
    frames: Sequence[Frame], resolve: Callable[[Mention], Entity]
) -> tuple[Frame, ...]:
    """``frames`` with resolved speakers; frames without a mention keep theirs."""
    order = sorted(range(len(frames)), key=lambda k: frames[k].quote.start)
    out = list(frames)
    for k in order:
        frame = frames[k]
        if frame.speaker is None or frame.mention is None:
            continue
        entity = resolve(frame.mention)
        out[k] = attrs.evolve(
            frame, speaker=Speaker(frame.speaker.mention, entity.name, entity.type)
        )
    return tuple(out)
