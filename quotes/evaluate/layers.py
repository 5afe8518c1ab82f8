"""Relayed quotations in the Wikinews corpus's convention: one annotation per relaying link.

The library gives a relayed quotation once, with its chain ("der Minister via BBC News" for
"Laut BBC News sagte der Minister, dass …"; ``indirect.toml`` ``[sources]``
``layer_around_speech = false``). The corpus annotates such a quotation once per link: one
annotation whose speaker is the person, and one more, over the same words, whose speaker is
the outlet that relays them. Measured on the train split (all 700 articles, parse backend,
see ``benchmarks/RESULTS.md``): where the outlet is linked by a relaying word in the
quotation's own sentence ("laut", "zitiert", "berichtet", "nach Angaben", the ``relay`` class
of ``outlets.toml`` ``[relations]``), the gold has the outlet's layer beside the person's;
where the outlet is the addressee or the interview partner ("sagte X der Zeitung Y", "im
Interview mit Y", the ``direct`` class), it has none.

:func:`relay_layers` gives those outlet layers for one record, for the export of predictions
to the corpus's format (:func:`quotes.evaluate.corpus.attributions_to_annotations` with
``relay_layers=True``). The records themselves do not change.

An outlet layer repeats the record's quoted words, type, cue and frame (the record keeps no
span for the linking word; for "X wird von Y mit den Worten zitiert" the corpus gives both
layers the same cue and frame), without the addressee; its speaker is the outlet's noun
phrase as the corpus marks speakers (article, adjectives, type noun and the quotation marks
around a title: "der Nachrichtenagentur Reuters", "der „Netzeitung“"); its medium is the
outlet's report's (:func:`layer_medium`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

import regex

from quotes.pipeline.outlets.base import CLOSERS, OPENERS, WINDOW
from quotes.pipeline.outlets.compiled import Compiled, compile_rules
from quotes.records import Attribution, Source, Span
from quotes.rules import RuleData, compiled, load_rules

__all__ = ["RELAY_CLASS", "layer_medium", "layered", "relay_layers"]

#: The class of ``outlets.toml`` ``[relations]`` whose links the corpus annotates as a layer.
RELAY_CLASS: Final = "relay"

# Between an outlet named before or after the quotation and the quotation itself: a sentence
# ends there (a full stop, question or exclamation mark before a space, or a line break).
_SENTENCE_END: Final = regex.compile(r"[.!?](?=\s)|\n")
# A web address as the outlet's name ("ndr.de", "news.bbc.co.uk"), and the media of layers.
_WEB_ADDRESS: Final = regex.compile(r"[\w-]+(?:\.[\w-]+)+")
_MARKS: Final = "".join(sorted(OPENERS | CLOSERS))
_WRITING: Final = "Writing"
_BOTH: Final = "SW"


def _outlets(rules: RuleData | None) -> Compiled:
    return compiled(rules if rules is not None else load_rules(), compile_rules)


def _same_sentence(text: str, attribution: Attribution, mention: Span) -> bool:
    """Whether ``mention`` stands in the sentence of the quotation (or inside it)."""
    if mention.end <= attribution.quote.start:
        gap = text[mention.end : attribution.quote.start]
    elif mention.start >= attribution.quote.end:
        gap = text[attribution.quote.end : mention.start]
    else:
        return True
    return _SENTENCE_END.search(gap) is None


def _phrase(text: str, mention: Span, outlets: Compiled) -> Span:
    """The outlet's noun phrase around its name: article, adjectives, type noun, marks."""
    low = max(0, mention.start - WINDOW)
    found = outlets.noun_phrase.match(text, low, mention.start)
    start = found.start() if found is not None else mention.start
    end = mention.end
    opened = start < mention.start and text[mention.start - 1] in OPENERS
    if opened and text[end : end + 1] in CLOSERS:
        end += 1
    return Span.of(text, start, end)


def _is_speaker(source: Source, attribution: Attribution) -> bool:
    speaker = attribution.speaker
    if speaker is None:
        return False
    if source.name == speaker.name:
        return True
    mention, own = source.mention, speaker.mention
    return mention is not None and own is not None and mention.overlaps(own)


def layer_medium(source: Source, rules: RuleData | None = None) -> str:
    """The medium of an outlet's layer: what the outlet's report was, not the person's words.

    A web address is a written page ("laut ndr.de"); otherwise the outlet's type decides as
    in ``outlets.toml`` ``[media]`` ``by_type`` (papers write, broadcasters speak), and an
    agency, whose reports the corpus marks as both, is ``SW``. Measured on the train split's
    outlet layers (parse backend, all 700 articles): papers 12 of 12 Writing, broadcasters 3
    of 4 Speech, broadcasters' web addresses 2 of 3 Writing, agencies 3 of 5 SW.
    """
    mention = source.mention.text if source.mention is not None else source.name
    if _WEB_ADDRESS.fullmatch(mention.strip(_MARKS)):
        return _WRITING
    data = rules if rules is not None else load_rules()
    media = data.get("outlets", {}).get("media", {})
    by_type = media.get("by_type", {}) if isinstance(media, Mapping) else {}
    return str(by_type.get(source.type) or _BOTH)


def relay_layers(
    attribution: Attribution, text: str, rules: RuleData | None = None
) -> list[tuple[Span, Source]]:
    """The speaker spans of the outlet layers the corpus gives this record (maybe none).

    One per source in ``via`` that a relaying word links in the quotation's own sentence,
    when the record has a speaker mention of its own that is not that outlet. A record
    without a speaker already is the outlet's layer where the outlet is its speaker.
    """
    if attribution.speaker is None or attribution.speaker.mention is None:
        return []
    outlets = _outlets(rules)
    layers: list[tuple[Span, Source]] = []
    for source in attribution.via:
        mention = source.mention
        if mention is None or source.hop < 1:
            continue
        if outlets.classes.get(source.relation) != RELAY_CLASS:
            continue
        if _is_speaker(source, attribution) or not _same_sentence(text, attribution, mention):
            continue
        phrase = _phrase(text, mention, outlets)
        if all(not phrase.overlaps(other) for other, _ in layers):
            layers.append((phrase, source))
    return layers


def layered(
    attributions: Sequence[Attribution], text: str, rules: RuleData | None = None
) -> list[tuple[Attribution, Span | None, str | None]]:
    """Each record's outlet layers (speaker span, medium; the outermost first), then the
    record itself (``None``, ``None``).

    Of two annotations over the same words the later counts as nested in the earlier
    (:func:`quotes.evaluate.corpus.mark_nesting`): the outlet's layer is the outer one, as
    in the corpus, where it reports the person's words.
    """
    out: list[tuple[Attribution, Span | None, str | None]] = []
    for attribution in attributions:
        for span, source in reversed(relay_layers(attribution, text, rules)):
            out.append((attribution, span, layer_medium(source, rules)))
        out.append((attribution, None, None))
    return out
