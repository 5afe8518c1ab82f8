"""From candidates to frames, in text order, with speech carried on.

In: a :class:`~.scan.DocumentScan`, the chosen candidates of each sentence and the
resolver with the document's resolution so far. Out: the
:class:`~quotes.pipeline.speakers.Frame` records, speakers resolved (and the resolution after them),
with Konjunktiv sentences that follow speech made its continuation
(``indirect_free_indirect``) and hearsay "soll … haben" sentences ``free_indirect`` (also
"soll …" with any infinitive right after speech; such sentences in a row are one quote).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import attrs

from quotes.detectors.indirect.clauses import is_main, main_konjunktiv
from quotes.detectors.indirect.scan import Candidate, DocumentScan, capped, mostly_direct
from quotes.detectors.indirect.subjects import head_phrase
from quotes.detectors.syntax import SentenceView, mention_of
from quotes.parse import ParsedDoc
from quotes.pipeline.entities import MentionResolver, Resolution
from quotes.pipeline.mention import Mention
from quotes.pipeline.speakers import Frame
from quotes.records import Cue, Kind, Span, Speaker

__all__ = [
    "close_quotation",
    "cue_parts",
    "extend_frame",
    "frames",
    "free_indirect_frame",
    "is_reportive",
    "to_frame",
]


def frames(
    scan: DocumentScan,
    candidates: Sequence[list[Candidate]],
    resolver: MentionResolver,
    resolution: Resolution,
) -> tuple[tuple[Frame, ...], Resolution]:
    """Frames in text order, speakers resolved, speech carried into Konjunktiv
    sentences that follow it."""
    rules = scan.rules
    out: list[Frame] = []
    context: tuple[Speaker | None, str | None] | None = None
    last_speech = -10  # index of the last sentence with attributed speech
    last_paragraph = -1
    open_continuation: Frame | None = None  # the IFI frame the next sentence may extend
    last_free, free_paragraph = -10, -1  # the last sentence of free indirect speech
    direct_index = 0
    absorbed = {c.sentence.index - 1 for found in candidates for c in found if c.absorbs_previous}
    for s, found in zip(scan.sentences, candidates, strict=True):
        if s.index in absorbed:
            open_continuation = None
            continue
        # Direct quotations that start in this sentence give speech context too.
        direct_here: list[Frame] = []
        while (
            direct_index < len(scan.direct) and scan.direct[direct_index].quote.start < s.end_char
        ):
            if scan.direct[direct_index].quote.start >= s.start_char:
                direct_here.append(scan.direct[direct_index])
            direct_index += 1
        if found:
            open_continuation = None
            for candidate in found:
                frame, resolution = to_frame(
                    scan, candidate, resolver, resolution, context[0] if context else None
                )
                if not candidate.context_only:
                    out.append(frame)
                context = (frame.speaker, frame.medium)
            last_speech, last_paragraph = s.index, s.paragraph
            open_continuation = None
            continue
        if direct_here:
            last = direct_here[-1]
            context = (last.speaker, last.medium) if last.speaker else context
            last_speech, last_paragraph = s.index, s.paragraph
            open_continuation = None
            if mostly_direct(scan, (s.first, s.end)):
                continue
        strength = main_konjunktiv(scan, s)
        if not strength:
            hearsay = is_reportive(scan, s)
            breaks = rules.max_paragraph_breaks
            if not hearsay and (
                (s.index - last_speech == 1 and s.paragraph - last_paragraph <= breaks)
                or (s.index - last_free == 1 and s.paragraph - free_paragraph <= breaks)
            ):
                # Present hearsay or plans right after speech: "Die Stellen sollen vor
                # allem die Verwaltung treffen" after "…, die Sanierung werde … kosten";
                # also at the start of the next paragraph, as a Konjunktiv continuation
                # may be (evidence: indirect.toml [free_indirect]).
                hearsay = is_reportive(scan, s, perfect=False)
            if not hearsay:
                open_continuation = None
                continue
            if (
                open_continuation is not None
                and out
                and out[-1] is open_continuation
                and open_continuation.kind == "free_indirect"
                and last_free == s.index - 1
                and free_paragraph == s.paragraph
            ):
                merged = extend_frame(open_continuation, scan.parsed, s)
            else:
                merged = free_indirect_frame(scan, s, context, last_speech)
                out.append(merged)
            out[-1] = open_continuation = merged
            last_free, free_paragraph = s.index, s.paragraph
            continue
        near = (
            context is not None
            and s.index - last_speech <= rules.max_sentences
            and s.paragraph - last_paragraph <= rules.max_paragraph_breaks
        )
        kind: Kind | None = None
        if near and (strength == "strong" or s.index - last_speech == 1):
            kind = "indirect_free_indirect"
        elif strength == "strong" and rules.without_context:
            kind = rules.without_context
        if kind is None:
            open_continuation = None
            continue
        speaker, medium = context if context is not None else (None, None)
        if kind == "free_indirect" or not near:
            speaker = None
        if (
            open_continuation is not None
            and out
            and out[-1] is open_continuation
            and open_continuation.kind == kind
        ):
            merged = extend_frame(open_continuation, scan.parsed, s)
            out[-1] = merged
            open_continuation = merged
        else:
            span = scan.parsed.span(s.first, s.end)
            frame = Frame(
                kind=kind,
                quote=span,
                content=span,
                speaker=speaker,
                cue=None,
                frame=None,
                addressee=None,
                confidence=(0.6 if strength == "strong" else 0.45) if near else 0.35,
                region_start=s.start_char,
                region_end=s.end_char,
                medium=medium,
            )
            out.append(frame)
            open_continuation = frame
        if near:
            last_speech, last_paragraph = s.index, s.paragraph
    return tuple(close_quotation(scan, frame) for frame in out), resolution


# At most this many characters (closing marks and punctuation only) between the end of a
# quote and the end of the direct quotation it stops inside.
_CLOSING_REACH = 3


def close_quotation(scan: DocumentScan, frame: Frame) -> Frame:
    """``frame`` with its quote taken to the end of a direct quotation it stops just
    inside of: in "Sie betonte, unter ihnen seien „viele Frauen, die Erfahrung haben.“"
    the sentence ends at the full stop inside the marks, so the quote would stop before
    the closing mark and cross the partial quote it holds (the corpus ends it after the
    mark, the partial quote nested inside)."""
    end = frame.quote.end
    k = bisect.bisect_left(scan.direct_starts, end) - 1
    # Direct quotes are sorted by start; a nested one may start after the one around it.
    enclosing = [
        d.quote for d in scan.direct[max(0, k - 2) : k + 1] if d.quote.start < end < d.quote.end
    ]
    if not enclosing:
        return frame
    direct = enclosing[-1]
    if direct.start <= frame.quote.start:
        return frame
    tail = scan.parsed.text[end : direct.end]
    if len(tail) > _CLOSING_REACH or any(c.isalnum() or c.isspace() for c in tail):
        return frame
    quote = Span.of(scan.parsed.text, frame.quote.start, direct.end)
    return attrs.evolve(
        frame, quote=quote, content=quote, region_end=max(frame.region_end, direct.end)
    )


def is_reportive(scan: DocumentScan, s: SentenceView, *, perfect: bool = True) -> bool:
    """Hearsay "sollen" in a main clause, with a perfect infinitive ("Er soll geholfen
    haben") or, when ``perfect`` is false, with any ("Die Stellen sollen … wegfallen")."""
    parsed = scan.parsed
    rules = scan.rules
    tokens = parsed.tokens
    if not any(tokens[j].text.lower() in rules.reportive_modals for j in range(s.first, s.end)):
        # No "sollen" anywhere in the sentence, so in none of its clauses (they lie inside
        # it): most sentences, which need no clauses then, nor a main-clause test each.
        return False
    clauses = s.clauses
    for index, clause in enumerate(clauses):
        if not is_main(scan, clause):
            continue
        end = capped(clause)
        words = [parsed[j].text.lower() for j in range(clause.first, end)]
        if not any(w in rules.reportive_modals for w in words):
            continue
        # The infinitive may close a later main clause of the coordination: "Er soll sie
        # gepackt, ihr in die Augen geschaut und sie geschlagen haben."
        tails = [words[-3:]]
        for later in clauses[index + 1 :]:
            if not is_main(scan, later):
                break
            last = capped(later)
            tails.append([parsed[j].text.lower() for j in range(max(later.first, last - 3), last)])
        if not perfect or any(w in rules.perfect_auxiliaries for tail in tails for w in tail):
            return not any(scan.in_direct[j] for j in range(clause.first, end))
    return False


def free_indirect_frame(
    scan: DocumentScan,
    s: SentenceView,
    context: tuple[Speaker | None, str | None] | None,
    last_speech: int,
) -> Frame:
    span = scan.parsed.span(s.first, s.end)
    near = context is not None and s.index - last_speech <= scan.rules.max_sentences
    return Frame(
        kind="free_indirect",
        quote=span,
        content=span,
        speaker=context[0] if near and context else None,
        cue=None,
        frame=None,
        addressee=None,
        confidence=0.45,
        region_start=s.start_char,
        region_end=s.end_char,
        medium=scan.rules.default_source_medium,
    )


def to_frame(
    scan: DocumentScan,
    candidate: Candidate,
    resolver: MentionResolver,
    resolution: Resolution,
    context: Speaker | None = None,
) -> tuple[Frame, Resolution]:
    parsed = scan.parsed
    s = candidate.sentence
    quote = parsed.span(*candidate.content)
    content = quote
    if candidate.absorbs_previous:
        # "… getrennt. Das teilte der Verein mit.": the corpus's quote ends with "Das", but
        # the words reported are the sentence before alone.
        content = parsed.span(candidate.content[0], candidate.content[1] - 1)
    speaker = None
    if candidate.speaker is not None and candidate.speaker_points_back:
        span = parsed.span(*candidate.speaker)
        name, type_ = (context.name, context.type) if context else (span.text, "unknown")
        speaker = Speaker(span, name, type_)
    elif candidate.speaker is not None:
        first, end = candidate.speaker
        mention = mention_of(
            parsed, first, end, tuple(scan.rules.pronouns), scan.rules.noun_phrases
        )
        author = own_author(scan, s, first, end)
        if author is not None:
            mention = attrs.evolve(mention, antecedent=author)
        (entity,), resolution = resolver.extend(resolution, (mention,))
        speaker = Speaker(parsed.span(first, end), entity.name, entity.type)
    cue = Cue(cue_parts(parsed, candidate.cue)) if candidate.cue else None
    frame_span = parsed.span(*candidate.frame) if candidate.frame else None
    addressee = parsed.span(*candidate.addressee) if candidate.addressee else None
    frame = Frame(
        kind=candidate.kind,
        quote=quote,
        content=content,
        speaker=speaker,
        cue=cue,
        frame=frame_span,
        addressee=addressee,
        confidence=candidate.confidence,
        region_start=s.start_char,
        region_end=s.end_char,
        medium=candidate.medium,
    )
    return frame, resolution


def own_author(scan: DocumentScan, s: SentenceView, first: int, end: int) -> Mention | None:
    """The subject of the clause a source phrase with an "own" adjective stands in, its
    author ("Nach eigenen Angaben hat der Hafenbetreiber Eurogate … umgeschlagen" →
    "der Hafenbetreiber Eurogate"; indirect.toml ``own_adjectives``): the one subject
    of the verb the phrase depends on, outside the phrase. None elsewhere."""
    parsed = scan.parsed
    if not any(parsed[k].text.lower() in scan.rules.own_adjectives for k in range(first, end)):
        return None
    heads = [k for k in range(first, end) if not first <= parsed[k].head < end]
    if len(heads) != 1:
        return None
    verb = parsed[heads[0]].head
    # The parser may hang the subject on the auxiliary ("Die Feuerwehr hat | … gerettet").
    verbs = (verb, *(a.i for a in parsed.children(verb, "aux")))
    subjects = [
        c
        for v in verbs
        for c in parsed.children(v, "nsubj")
        if not first <= c.i < end and s.first <= c.i < s.content_end and not scan.in_direct[c.i]
    ]
    if len(subjects) != 1:
        return None
    phrase = head_phrase(scan, subjects[0].i, s.first, s.content_end)
    if phrase is None or phrase[0] < end <= phrase[1] or phrase[0] < first < phrase[1]:
        return None
    last = phrase[1]
    if last < s.content_end and parsed[last - 1].upos == "NOUN" and _unknown_name(scan, last):
        # "der Hafenbetreiber | Eurogate" (the parser's object): the name after the noun.
        phrase = (phrase[0], last + 1)
    return mention_of(parsed, *phrase, tuple(scan.rules.pronouns), scan.rules.noun_phrases)


def _unknown_name(scan: DocumentScan, i: int) -> bool:
    """Whether token ``i`` is a capitalised word that no dictionary knows (no common
    word, role, organisation word or non-speaker) and that opens no phrase of its own."""
    token = scan.parsed[i]
    lexicon = scan.lexicon
    text = token.text
    return (
        token.upos in ("PROPN", "NOUN", "X")
        and text[:1].isupper()
        and text.isalpha()
        and not scan.in_direct[i]
        and not lexicon.is_common_word(text)
        and not lexicon.role_of(text)
        and not lexicon.is_organization_word(text)
        and text not in scan.rules.not_speakers
        and not scan.parsed.children(i, "case")
        and not scan.parsed.children(i, "det")
    )


def cue_parts(parsed: ParsedDoc, indices: Iterable[int]) -> list[Span]:
    """Spans of the cue tokens, adjacent tokens joined, multi-word duplicates dropped."""
    parts: list[Span] = []
    text = parsed.text
    for i in sorted(set(indices)):
        token = parsed[i]
        if parts and token.start < parts[-1].end:
            continue  # a word of the same multi-word token
        if parts and text[parts[-1].end : token.start].isspace():
            parts[-1] = Span.of(text, parts[-1].start, token.end)
            continue
        parts.append(Span(token.start, token.end, token.text))
    return parts


def extend_frame(frame: Frame, parsed: ParsedDoc, s: SentenceView) -> Frame:
    quote = Span.of(parsed.text, frame.quote.start, s.end_char)
    return attrs.evolve(frame, quote=quote, content=quote, region_end=s.end_char)
