"""Naming the speakers: the one step that turns each frame's speaker mention into an
entity, after every stage that finds speakers has run.

The stages before leave ``speaker.name`` as the mention is written and the mention's parts
in ``Frame.mention``; this step resolves the frames' mentions in text order, after those
already in the document's :class:`~quotes.pipeline.entities.Resolution`, and returns new
frames and the resolution that includes them (nothing is changed in place).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

import attrs

from quotes.pipeline.entities import Mention, MentionResolver, Resolution
from quotes.pipeline.speakers import Frame
from quotes.records import Speaker

__all__ = ["resolve_in_place", "resolve_speakers"]


def resolve_speakers(
    frames: Sequence[Frame], resolver: MentionResolver, resolution: Resolution
) -> tuple[tuple[Frame, ...], Resolution]:
    """``frames`` with resolved speakers (frames without a mention keep theirs), and the
    resolution after them."""
    out = list(frames)
    resolution = resolve_in_place(out, 0, len(out), resolver, resolution)
    return tuple(out), resolution


def resolve_in_place(
    frames: list[Frame],
    start: int,
    stop: int,
    resolver: MentionResolver,
    resolution: Resolution,
    *,
    keep_mentions: bool = True,
) -> Resolution:
    """:func:`resolve_speakers` on ``frames[start:stop]``, each frame replaced in the list
    (the old one goes at once: a text of many short quotations is mostly its frames); the
    resolution after them. With ``keep_mentions`` false a resolved frame lets its Mention
    go (for the last resolution of a document, where nothing reads it again)."""
    order: Iterable[int] = range(start, stop)
    if any(frames[k].quote.start > frames[k + 1].quote.start for k in range(start, stop - 1)):
        order = sorted(order, key=lambda k: frames[k].quote.start)
    # Frames in text order (the usual case) are read off the range: no list of index ints,
    # one a frame (issue 9 §2). Each frame is tested before it is replaced below.
    speaking = (k for k in order if frames[k].speaker is not None and frames[k].mention is not None)
    mentions = [cast(Mention, frames[k].mention) for k in speaking]
    entities, resolution = resolver.extend(resolution, mentions)
    del mentions
    speaking = (k for k in order if frames[k].speaker is not None and frames[k].mention is not None)
    for k, entity in zip(speaking, entities, strict=True):
        frame = frames[k]
        assert frame.speaker is not None
        speaker = Speaker(frame.speaker.mention, entity.name, entity.type)
        if keep_mentions:
            frames[k] = attrs.evolve(frame, speaker=speaker)
        else:
            frames[k] = attrs.evolve(frame, speaker=speaker, mention=None)
    return resolution
