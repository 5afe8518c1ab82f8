"""The speaker of a frame as the patterns found it: a token range of the parse turned into
the speaker's span and the :class:`~quotes.pipeline.mention.Mention` the resolver reads
(:func:`~quotes.detectors.syntax.mention_of`), with a name's particles kept in its head
("Von der Leyen betonte") and a subject pronoun of an adverbial clause given the main
clause's subject as antecedent ("Der Verband …, indem er … aufforderte")."""

from __future__ import annotations

import attrs

from quotes.attribution.lexicon import AttributionRules
from quotes.attribution.syntax import ParseSyntax, TokenRange
from quotes.attribution.tree import agrees, overlaps
from quotes.attribution.valid import is_name_particle
from quotes.detectors.indirect.scan import after_dateline
from quotes.detectors.syntax import mention_of
from quotes.pipeline.mention import Mention
from quotes.pipeline.speakers import Frame
from quotes.records import Span, Speaker

__all__ = ["with_antecedent", "with_speaker"]


def with_antecedent(syn: ParseSyntax, rules: AttributionRules, mention: Mention, i: int) -> Mention:
    """A subject pronoun of an adverbial clause ("indem er", "weil sie") with the
    subject of the clause it depends on as antecedent, where the two agree in gender
    and number: "Der Verband schlug in die gleiche Kerbe, indem er … aufforderte"."""
    token = syn.token(i)
    verb = token.head
    if not token.dep.startswith("nsubj") or verb == i:
        return mention
    marks = [c.text.lower() for c in syn.children(verb, "mark")]
    if not marks or not all(m in rules.antecedent_subordinators for m in marks):
        return mention
    main = syn.token(verb).head
    if main == verb or syn.token(main).upos not in ("VERB", "AUX"):
        return mention
    lo, hi = syn.sentence_of(i)
    subjects = [
        c
        for c in syn.children(main, "nsubj")
        if lo <= c.i < i and c.upos in ("NOUN", "PROPN") and not syn.in_quote(c.i)
    ]
    if len(subjects) != 1 or not agrees(token, subjects[0]):
        return mention
    phrase = syn.phrase(subjects[0].i, lo, hi)
    if phrase is None:
        return mention
    antecedent = mention_of(
        syn.parsed,
        *phrase,
        tuple(rules.detector.pronouns),
        rules.detector.noun_phrases,
    )
    return attrs.evolve(mention, antecedent=antecedent)


def _after_dateline(syn: ParseSyntax, first: int, end: int) -> TokenRange:
    """The phrase without the dateline that opens its paragraph: the parser takes the
    place for the head of the subject ("Hamburg – Innensenator Andy Grote sagte"), the
    speaker is named after the dash."""
    if first != syn.sentence_of(first)[0]:
        return first, end
    text = syn.parsed.text
    before = text[: syn.token(first).start].rstrip(" \t")
    if before and not before.endswith("\n"):
        return first, end
    cut = after_dateline(syn.parsed, first, end)
    return (cut, end) if first < cut < end else (first, end)


def with_speaker(
    syn: ParseSyntax, rules: AttributionRules, frame: Frame, phrase: TokenRange
) -> Frame:
    """``frame`` with the noun phrase ``phrase`` as its speaker: the span, the
    :class:`Mention` the resolver reads (a pronoun with its antecedent, where the clause
    gives one), and the frame widened over the speaker."""
    parsed = syn.parsed
    first, end = _after_dateline(syn, *phrase)
    span = parsed.span(first, end)
    mention = mention_of(
        parsed,
        first,
        end,
        tuple(rules.detector.pronouns),
        rules.detector.noun_phrases,
    )
    if first + 1 < end and is_name_particle(syn, rules, first):
        # "Von der Leyen betonte": the particles open the name, they are no genitive.
        words = [t.text for t in parsed[first:end]]
        cut = next((k for k, w in enumerate(words) if not w[:1].isalpha()), len(words))
        head = tuple(words[:cut])
        mention = attrs.evolve(mention, head=head, genitive=(), determiner="")
    if mention.pronoun:
        mention = with_antecedent(syn, rules, mention, first)
    frame_span = frame.frame
    if frame_span is not None and not overlaps(span, frame.quote):
        start = min(frame_span.start, span.start)
        stop = max(frame_span.end, span.end)
        if not (start < frame.quote.start < stop):
            frame_span = Span(start, stop, parsed.text[start:stop])
    return attrs.evolve(
        frame,
        speaker=Speaker(span, span.text, "unknown"),
        mention=mention,
        frame=frame_span,
    )
