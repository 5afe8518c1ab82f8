"""A direct quotation inside indirect speech: "Von der Leyen betonte, unter den
Verkäuferinnen seien „viele Frauen …“" — the partial quote is von der Leyen's, as the
indirect speech around it is. Only a direct quote without a speaker of its own, or with
one that lies outside the indirect speech's sentence, takes it over.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotes.pipeline.speakers import Frame
from quotes.records import Cue

__all__ = ["inherit"]

_CARRIERS = ("indirect", "indirect_free_indirect", "free_indirect", "reported")


def inherit(direct: Sequence[Frame], others: Sequence[Frame]) -> tuple[Frame, ...]:
    """``direct`` with speakers carried over from the speech they are nested in."""
    carriers = sorted(
        (f for f in others if f.kind in _CARRIERS and f.speaker is not None),
        key=lambda f: f.quote.start,
    )
    out: list[Frame] = []
    k = 0
    for frame in direct:
        while k < len(carriers) and carriers[k].quote.end <= frame.quote.start:
            k += 1
        outer = next(
            (
                c
                for c in carriers[k : k + 3]
                if c.quote.start <= frame.quote.start and frame.quote.end <= c.quote.end
            ),
            None,
        )
        if outer is not None and _belongs_to(frame, outer):
            # The words of saying are the speech's around it: its cue and its frame
            # ("Der Staatsanwalt sagte, der Sohn habe sich „…“": frame "Der Staatsanwalt
            # sagte,"), not a word of the speech ("die Aktion erinnere „fatal …“").
            own_cue = (
                frame.cue is not None
                and not _inside(frame.cue, outer)
                and not _carried_before(frame, outer)
                and not _in_outer_frame(frame, outer)
            )
            frame = attrs.evolve(
                frame,
                speaker=outer.speaker,
                mention=outer.mention,
                cue=frame.cue if own_cue or outer.cue is None else outer.cue,
                frame=outer.frame if outer.frame is not None else frame.frame,
                addressee=frame.addressee or outer.addressee,
                confidence=max(min(outer.confidence, 0.8), frame.confidence),
            )
        elif (
            outer is not None
            and outer.frame is not None
            and frame.cue is not None
            and outer.cue is not None
            and frame.cue.parts == outer.cue.parts
        ):
            # "Der Staatsanwalt sagte, der Sohn habe sich „…“": the same cue as the
            # speech around it, so the same frame, without the speech's words.
            frame = attrs.evolve(frame, frame=outer.frame)
        out.append(frame)
    return tuple(out)


def _inside(cue: Cue, outer: Frame) -> bool:
    quote = outer.quote
    return all(quote.start <= p.start and p.end <= quote.end for p in cue.parts)


def _belongs_to(frame: Frame, outer: Frame) -> bool:
    """Whether the direct quote's own attribution, if any, lies inside the speech around
    it (its "cue" is a word of that speech: "die Aktion erinnere „fatal …“")."""
    if frame.speaker is None or frame.cue is None:
        return True
    quote = outer.quote
    inside = [p for p in frame.cue.parts if quote.start <= p.start and p.end <= quote.end]
    mention = frame.speaker.mention
    if _carried_before(frame, outer) or _in_outer_frame(frame, outer):
        return True
    return len(inside) == len(frame.cue.parts) or (
        mention is not None and quote.start <= mention.start and mention.end <= quote.end
    )


def _carried_before(frame: Frame, outer: Frame) -> bool:
    """Whether the direct quote's cue and speaker stand before the speech around it while
    the speech's own cue follows its start ("Peskow sagte, … . Russland sei aber
    „jederzeit bereit“, …, fügte er hinzu"): carried from an earlier quotation, so the
    speech's cue and speaker are the quote's."""
    quote = outer.quote
    if frame.cue is None or outer.cue is None:
        return False
    mention = frame.speaker.mention if frame.speaker is not None else None
    return (
        all(p.end <= quote.start for p in frame.cue.parts)
        and all(p.start >= quote.start for p in outer.cue.parts)
        and (mention is None or mention.end <= quote.start)
    )


def _in_outer_frame(frame: Frame, outer: Frame) -> bool:
    """Whether the direct quote's cue and speaker are words of the frame of the speech
    around it: "Gulyás erklärte laut Tass, das Land lasse sich „nicht einschüchtern“"
    ("laut Tass" is the chain of Gulyás's words, so the partial quote is his too). The
    speaker phrase need only start there: it may run on into the speech ("nach Angaben
    der Agentur Interfax, Russland")."""
    if frame.cue is None or outer.frame is None:
        return False
    mention = frame.speaker.mention if frame.speaker is not None else None
    around = outer.frame
    return all(around.contains(p) for p in frame.cue.parts) and (
        mention is None or around.start <= mention.start < around.end
    )
