"""Speakers that are outlets: the outlet a speaker mention names by its type noun or
its name ("Der Fernsehsender „Silverbird“", "die „Bild“-Zeitung"), and the outlet whose
report a bare "der Bericht" refers back to. Both run first for each quotation in
:class:`~quotes.pipeline.outlets.passages.PassageChains`, before its chain is built.
"""

from __future__ import annotations

import regex

from quotes.document import Document
from quotes.pipeline.outlets.base import OutletMention
from quotes.pipeline.outlets.chains import MentionIndex
from quotes.pipeline.outlets.compiled import Compiled
from quotes.records import Span, Speaker

__all__ = ["reported_before", "typed_outlet"]

# Sets, not strings: ``text[end : end + 1]`` is "" at the end of the text, and "" is in every
# string.
_OPEN = frozenset('„“"»«‚')
_CLOSE = frozenset('“”"«»‘')
_WORD = regex.compile(r"\w+")


def typed_outlet(
    c: Compiled, doc: Document, index: MentionIndex, speaker: Speaker, span: Span
) -> Speaker:
    """The outlet that a speaker mention names by its type noun: "Der Fernsehsender
    „Silverbird“", or a mention cut short before the name ("die Staatsagentur" before
    "Tass"): the words before the name are the outlet's own noun phrase (article,
    adjectives, type noun: "Der israelische Fernsehsender „Channel 10“"), or a type noun
    joined to the name ("die „Bild“-Zeitung"), or a mention that is the name with no
    more than article, adjectives and marks ("die „Bild“"), or the outlet's report
    ("dem Bericht der „Bild“"), or one named for it already; "Ein Reporter des Senders
    n-tv" and "Peskow von der Agentur Interfax" are persons. Else ``speaker`` as it
    is."""
    if speaker.type == "outlet":
        return speaker
    text = doc.text
    at = span.end
    while at < min(len(text), span.end + 3) and (text[at].isspace() or text[at] in _OPEN):
        at += 1
    outlet = index.mention_in(span) or index.mention_in(Span.of(text, at, min(len(text), at + 1)))
    if outlet is None or outlet.type == "organization" or outlet.span.start < span.start:
        return speaker
    if speaker.name == outlet.name and outlet.span.end <= span.end:
        # "Die Deutsche Presse-Agentur (dpa)": named the outlet, typed otherwise.
        return Speaker(span, outlet.name, "outlet")
    phrase = c.noun_phrase_full.fullmatch(text, span.start, outlet.span.start)
    if phrase is None:
        return speaker
    # "die „Bild“-Zeitung": the type noun joined to the name's end.
    tail = c.type_tail.match(text, outlet.span.end) if c.type_tail is not None else None
    # Or the mention is the outlet's name with no more than its article, adjectives
    # and marks ("die „Bild“").
    named = outlet.span.start < span.end and (
        span.end == outlet.span.end
        or (span.end == outlet.span.end + 1 and text[outlet.span.end] in _CLOSE)
    )
    carrier = phrase.group("carrier")
    if carrier:
        # "in dem Bericht der „Bild“": the report is the outlet's; "Ein Reporter des
        # Senders n-tv" is a person.
        if not named or carrier.rsplit("-", 1)[-1] not in c.report_nouns:
            return speaker
        return Speaker(span, outlet.name, "outlet")
    if phrase.group("type") is None and tail is None and not named:
        return speaker
    close = max(span.end, outlet.span.end)
    if tail is not None:
        close = max(close, tail.end())
    elif close == outlet.span.end and text[close : close + 1] in _CLOSE:
        close += 1
    return Speaker(Span.of(text, span.start, close), outlet.name, "outlet")


def reported_before(
    c: Compiled, doc: Document, index: MentionIndex, speaker: Speaker, span: Span
) -> Speaker:
    """The outlet whose report a speaker of article and report noun refers back to
    ("Wie die „Bild“ berichtet, … . …, heißt es in dem Bericht."): the last outlet
    linked before it, within reach, where the noun itself does not stand between them
    (a report someone else made) and no outlet follows ("dem Bericht der „Zeit“").
    An outlet named without linking words counts where the report was named as its
    own: "Ein Bericht der „Süddeutschen Zeitung“ …", or the outlet opens a sentence
    that names a report ("Die „New York Times“ hat einen Bericht veröffentlicht.");
    then the report noun may stand in that sentence. Else ``speaker`` as it is."""
    if speaker.type == "outlet" or not c.report_nouns:
        return speaker
    text = doc.text
    words = span.text.split()
    if len(words) == 1:
        # "heißt es im Bericht": the article is in the word before the mention.
        before = text[max(0, span.start - 8) : span.start].split()
        if not before or before[-1].lower() not in c.report_contractions:
            return speaker
    elif len(words) != 2 or words[0].lower() not in c.back_reference_articles:
        return speaker
    noun = words[-1]
    if noun not in c.report_nouns:
        return speaker
    after = Span.of(text, span.end, min(len(text), span.end + 12))
    if index.mention_in(span) is not None or (after.text and index.mention_in(after)):
        return speaker
    linked = {id(m) for m in index.before(span.start, c.back_reference_reach)}
    for mention in index.before(span.start, c.back_reference_reach, plain=True):
        if mention.type == "organization" or mention.span.end > span.start:
            continue
        between = mention.span.end
        if _report_of(c, doc, mention):
            sentence = doc.sentence_at(mention.span.start)
            between = max(between, sentence.end if sentence is not None else between)
        elif id(mention) not in linked:
            continue  # a plain mention that names no report of its own
        if between < span.start and regex.search(
            rf"\b{regex.escape(noun)}\b", text[between : span.start]
        ):
            return speaker
        return Speaker(span, mention.name, "outlet")
    return speaker


def _report_of(c: Compiled, doc: Document, mention: OutletMention) -> bool:
    """Whether the text names a report as the outlet's own where it names the outlet:
    "Ein Bericht der „SZ“", or the outlet opens a sentence that names a report ("Die
    „New York Times“ hat einen Bericht veröffentlicht")."""
    text = doc.text
    sentence = doc.sentence_at(mention.span.start)
    if sentence is None:
        return False
    phrase = c.noun_phrase.match(text, sentence.start, mention.span.start)
    if phrase is None:
        return False
    carrier = phrase.group("carrier")
    if carrier:
        return carrier.rsplit("-", 1)[-1] in c.report_nouns
    if text[sentence.start : phrase.start()].strip():
        return False  # "Laut „Spiegel“ legte die Kommission einen Bericht vor"
    rest = text[mention.span.end : sentence.end]
    return any(word in c.report_nouns for word in _WORD.findall(rest))
