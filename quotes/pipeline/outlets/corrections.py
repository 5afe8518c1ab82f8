"""Speakers that the outlet stage corrects where the speaker stages took an outlet into a
speaker's mention, or an outlet for the speaker.

* :func:`without_addressee`: "sagte der CDU-Politiker der „Süddeutschen Zeitung“" is the
  politician, and the paper is the outlet he spoke to;
* :func:`name_after_cue`: "Auf seiner Plattform Truth Social schrieb Trump, …" is Trump's
  (the platform is where he wrote it).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import regex

from quotes.document import Document
from quotes.pipeline.outlets.chains import MentionIndex
from quotes.records import Span, Speaker

__all__ = ["name_after_cue", "without_addressee"]

# One capitalised word right after the cue, before a comma or colon: "schrieb Trump,".
_NAME_AFTER_CUE = regex.compile(r"[ \t]+(\p{Lu}[\p{Ll}]+(?:-\p{Lu}\p{Ll}+)?)(?=[ \t]*[,:])")


# The dative article of an outlet the speaker spoke to, at the end of the words before it
# ("der CDU-Politiker | der „"); a text position, not a German word list: the link rule
# that found the outlet checked the article (its `det`).
_BEFORE_NAME = regex.compile(r"(?r)\s+(\w+)\s*[„“\"»«‚]?\s*$")
_MARKS = regex.compile(r"[„“”\"»«‚‘’]")


def without_addressee(doc: Document, index: MentionIndex, speaker: Speaker, span: Span) -> Speaker:
    """The speaker's mention without the outlet it spoke to, where the mention swallowed
    it: "sagte der CDU-Politiker der „Süddeutschen Zeitung“" (a dative that a link rule
    after the verb of saying found, "gegenüber"; not "der Sprecher der Zeitung", a
    genitive the rule leaves). Else ``speaker`` as it is."""
    if speaker.type in ("outlet", "organization"):
        return speaker
    outlet = index.mention_in(span)
    if (
        outlet is None
        or outlet.relation != "gegenüber"
        or outlet.link is None
        or outlet.link.end > span.start
        or outlet.span.start <= span.start
    ):
        return speaker
    text = doc.text
    m = _BEFORE_NAME.search(text, span.start, outlet.span.start)
    if m is None or m.start() <= span.start:
        return speaker
    kept = Span.of(text, span.start, m.start())
    cut = text[m.start() : span.end].strip()
    # Names are written without the quotation marks of their mention ("der „Süddeutschen
    # Zeitung“" is "der Süddeutschen Zeitung" in the name).
    bare_cut = _MARKS.sub("", cut)
    name = speaker.name
    if not name.endswith(cut) and name.endswith(bare_cut):
        cut = bare_cut
    if name.endswith(cut):
        name = name[: len(name) - len(cut)].rstrip()
    elif outlet.span.text in name:
        return speaker  # the name is built some other way: leave it to its stage
    return Speaker(kept, name or speaker.name, speaker.type)


def name_after_cue(
    doc: Document, index: MentionIndex, frame: Any, not_names: Collection[str]
) -> Speaker | None:
    """The speaker named by one capitalised word right after the cue, for a frame whose
    speaker stage took the channel for the speaker ("Auf seiner Plattform Truth Social
    schrieb Trump, …"); None where no such word follows (a wrong speaker is worse than
    none). Not an outlet, not a word that names no one ("Montag")."""
    cue = getattr(frame, "cue", None)
    if cue is None or not cue.parts:
        return None
    text = doc.text
    end = cue.parts[-1].end
    m = _NAME_AFTER_CUE.match(text, end, min(len(text), end + 60))
    if m is None or m.group(1) in not_names:
        return None
    mention = Span.of(text, m.start(1), m.end(1))
    if index.mention_in(mention) is not None:
        return None
    return Speaker(mention, mention.text, "person")
