"""The attribution engine: cue, speaker mention and frame of every direct quotation, read
off the parse whenever there is one.

The surface stage (:mod:`quotes.pipeline.speakers`) finds each direct quotation's cue from
the marks and the cue lexicon. Over a parse, this engine builds one :class:`Candidate` per
quotation and asks the patterns, in this order, who the speaker is:

1. a source word as cue ("so X", "laut X", "X zufolge", "nach Angaben X"):
   :mod:`.patterns.source`;
2. a verb (or a cue noun whose verb is found above it): impersonal verbs
   (:mod:`.patterns.intro`), the passive's agent and quoting verbs
   (:mod:`.patterns.agent`), then the subject (:mod:`.patterns.subject`).

A finding replaces the surface speaker. Where the patterns find nothing, the surface
speaker stays only if the parse agrees it can be one (:mod:`.checks`); otherwise the
quotation keeps its cue, loses the speaker and its confidence drops: a wrong speaker is
worse than none.

Nothing is resolved here: each frame carries the :class:`~quotes.pipeline.entities.Mention`
of its speaker, and the Extractor resolves all mentions afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import attrs

from quotes.attribution.candidate import Candidate, Finding
from quotes.attribution.checks import (
    NO_SPEAKER_CONFIDENCE,
    checked,
    names_a_quote,
    never_subject,
    title_in_phrase,
)
from quotes.attribution.cue_words import completed_cue, token_parts
from quotes.attribution.lexicon import AttributionRules
from quotes.attribution.mentions import with_speaker
from quotes.attribution.patterns import agent, colon, intro, source, subject
from quotes.attribution.syntax import ParseSyntax, Syntax
from quotes.attribution.tree import (
    ENCLOSING_REACH,
    in_other_clause,
    root_of,
    sentence_like,
    verb_above,
)
from quotes.attribution.valid import (
    inside_prepositional_phrase,
    is_speaker_word,
)
from quotes.detectors.lexicon import DetectorRules
from quotes.document import Document, window_sentences
from quotes.parse import ParsedDoc
from quotes.pipeline.entities import Lexicon, MentionResolver, Resolution
from quotes.pipeline.speakers import Frame, carries_across
from quotes.records import Cue, Span, Speaker
from quotes.rules import RuleData

__all__ = ["VERB_PATTERNS", "Attributor"]

VerbPattern = Callable[[Syntax, AttributionRules, Candidate, int], Finding | None]

#: The patterns tried for a verb cue, in order; the first finding wins.
VERB_PATTERNS: tuple[VerbPattern, ...] = (intro.impersonal, agent.find, subject.find)

# A speaker carried to the next quotation: how far, across how many line breaks, and
# with what confidence (as the surface stage carries its own).
_CARRY_REACH = 400
_CARRY_LINE_BREAKS = 2
_CARRIED_CONFIDENCE = 0.4


# How many words before its colon an intro's verb of saying may stand.
_INTRO_REACH = 30


@attrs.frozen
class Attributor:
    """Attributes direct quotations over a parse; compiled once per Extractor."""

    rules: AttributionRules

    @classmethod
    def from_rules(cls, rules: RuleData, detector: DetectorRules, lexicon: Lexicon) -> Attributor:
        return cls(AttributionRules.from_rules(rules, detector, lexicon))

    def _syntax(self, parsed: ParsedDoc, doc: Document, quotes: Sequence[Span]) -> ParseSyntax:
        """The syntax interface over ``parsed``; ``quotes`` are the direct quotations."""
        rules = self.rules
        return ParseSyntax(
            parsed,
            quotes,
            rules.phrase_prepositions,
            window_sentences(doc, parsed),
            rules.lexicon.given_names,
            rules.origin_prepositions,
            (rules.passive_auxiliary_lemmas, rules.passive_auxiliary_forms),
            rules.detector.not_speakers,
            lambda word: rules.lexicon.role_of(word) is not None,
        )

    def direct(
        self, parsed: ParsedDoc, doc: Document, frames: Sequence[Frame]
    ) -> tuple[Frame, ...]:
        """``frames`` with the speakers of their direct quotations read off the parse
        (``parsed`` is a parse of ``doc.text``; its sentences are the Document's)."""
        if not len(parsed):
            return tuple(frames)
        syn = self._syntax(parsed, doc, [f.quote for f in frames if f.kind == "direct"])
        found = [self._one(syn, parsed, f) if f.kind == "direct" else f for f in frames]
        return tuple(
            completed_cue(syn, self.rules, f) if f.kind == "direct" else f
            for f in self._carried(doc, frames, found)
        )

    def _carried(
        self, doc: Document, before: Sequence[Frame], after: Sequence[Frame]
    ) -> Iterator[Frame]:
        """A direct quotation with neither cue nor speaker that continues the words of the
        quotation before it, whose speaker the parse found ("Von der Leyen betonte, …
        „…“ Sie seien „…“"): the same speaker, with low confidence (the surface stage
        carries the speakers it found itself)."""
        text = doc.text
        previous: Frame | None = None
        for old, frame in zip(before, after, strict=True):
            if frame.kind != "direct":
                yield frame
                continue
            if (
                frame.cue is None
                and frame.speaker is None
                and previous is not None
                and previous.speaker is not None
                and previous.speaker.mention is not None
                and old.speaker is None
                and sentence_like(frame.content.text)
            ):
                said = previous.speaker.mention
                gap_start = previous.quote.end
                if previous.quote.end <= said.start < frame.quote.start:
                    gap_start = said.end
                gap = text[gap_start : frame.quote.start]
                if (
                    gap.count("\n") <= _CARRY_LINE_BREAKS
                    and len(gap) < _CARRY_REACH
                    and carries_across(gap, self.rules.lexicon)
                    and not self.rules.lexicon.full_name_pattern.search(gap)
                ):
                    frame = attrs.evolve(
                        frame,
                        speaker=previous.speaker,
                        mention=previous.mention,
                        confidence=min(previous.confidence, _CARRIED_CONFIDENCE),
                    )
            yield frame
            previous = frame

    def indirect(
        self,
        parsed: ParsedDoc,
        doc: Document,
        frames: Sequence[Frame],
        direct: Sequence[Frame],
        resolver: MentionResolver,
        resolution: Resolution,
    ) -> tuple[tuple[Frame, ...], Resolution]:
        """The indirect quotations among ``frames`` with speakers checked by the same
        patterns: a speaker the valid-speaker rule rejects ("Gleichzeitig", an object)
        gives way to the pattern's, or to none; one the pattern agrees with takes the
        pattern's whole phrase ("die US-Botschaft in Ankara"). Changed speakers are
        resolved in turn after ``resolution``; the resolution after them is returned."""
        if not len(parsed) or not frames:
            return tuple(frames), resolution
        syn = self._syntax(parsed, doc, [f.quote for f in direct])
        out = []
        # The speaker the last frame had from the detector, and the one it has now: a
        # Konjunktiv sentence that goes on with its words carried the detector's.
        carried: tuple[Speaker | None, Speaker | None] | None = None
        for frame in frames:
            if frame.kind == "indirect" and frame.cue is not None:
                updated, resolution = self._indirect_one(syn, parsed, frame, resolver, resolution)
                carried = (frame.speaker, updated.speaker)
                frame = updated
            elif frame.kind == "indirect_free_indirect" and frame.cue is None:
                if carried is not None and frame.speaker == carried[0] != carried[1]:
                    frame = attrs.evolve(frame, speaker=carried[1])
            else:
                carried = None
            out.append(completed_cue(syn, self.rules, frame) if frame.kind == "indirect" else frame)
        return tuple(out), resolution

    def _indirect_one(
        self,
        syn: ParseSyntax,
        parsed: ParsedDoc,
        frame: Frame,
        resolver: MentionResolver,
        resolution: Resolution,
    ) -> tuple[Frame, Resolution]:
        assert frame.cue is not None
        cue_tokens = tuple(
            i for part in frame.cue.parts for i in range(*syn.range_of(part.start, part.end))
        )
        if not cue_tokens or not syn.is_parsed(cue_tokens[0]):
            return frame, resolution
        first_word = syn.text(cue_tokens[0]).lower()
        if source.is_source_word(self.rules, first_word) or first_word in (
            self.rules.detector.source_adverbs | self.rules.detector.source_adverbs_konjunktiv
        ):
            # "laut X", "nach Angaben X", "demnach": the detector's reading, without the
            # words of a direct quotation it ran into.
            return self._without_quoted(syn, frame, resolver, resolution)
        content = syn.range_of(frame.quote.start, frame.quote.end)
        cand = Candidate(frame.kind, content, cue_tokens, syn.sentence_of(cue_tokens[0]))
        finding = self._find(syn, cand)
        found = finding.speaker if finding is not None else None
        if found is not None and (found[0] < content[1] and content[0] < found[1]):
            found = None  # the content's own words
        current = frame.speaker.mention if frame.speaker is not None else None
        if current is not None:
            first, end = syn.range_of(current.start, current.end)
            # Only a word that can never speak is overruled: the parser's labels are too
            # noisy to reject the detector's subject by its dependency alone.
            root = root_of(syn, first, end)
            verb = syn.verb_of(cue_tokens[0])
            if end > first and (
                not is_speaker_word(syn, self.rules, root)
                or never_subject(syn, self.rules, root, verb)
                or (
                    found is not None
                    and (
                        inside_prepositional_phrase(syn, self.rules, root, verb)
                        or in_other_clause(syn, root, verb)
                    )
                )
            ):
                current = None
                if found is None:
                    return attrs.evolve(
                        frame,
                        speaker=None,
                        confidence=min(frame.confidence, NO_SPEAKER_CONFIDENCE),
                    ), resolution
            elif (
                found is not None
                and not (first < found[1] and found[0] < end)
                and not (finding is not None and finding.pattern == "quoted-object")
            ):
                # Two readings: the detector's stands, unless the cue quotes its object
                # ("…, zitierte ihn die Agentur": the agency carries his words).
                return frame, resolution
        if found is None:
            return frame, resolution
        updated = with_speaker(syn, self.rules, frame, found)
        if updated.speaker == frame.speaker or updated.mention is None:
            return frame, resolution
        assert updated.speaker is not None and updated.speaker.mention is not None
        (entity,), resolution = resolver.extend(resolution, (updated.mention,))
        speaker = Speaker(updated.speaker.mention, entity.name, entity.type)
        return attrs.evolve(updated, speaker=speaker), resolution

    def _without_quoted(
        self, syn: ParseSyntax, frame: Frame, resolver: MentionResolver, resolution: Resolution
    ) -> tuple[Frame, Resolution]:
        """``frame`` with its speaker's phrase cut before a direct quotation inside it
        ("nach Auffassung eines Gerichtes des „Aufrufs zu Subversion“")."""
        current = frame.speaker.mention if frame.speaker is not None else None
        if current is None:
            return frame, resolution
        first, end = syn.range_of(current.start, current.end)
        quoted = next((k for k in range(first, end) if syn.in_quote(k)), None)
        if quoted is None or quoted == first or not syn.is_parsed(first):
            return frame, resolution
        cut = quoted
        while cut > first and (
            syn.token(cut - 1).upos in ("DET", "ADP", "PUNCT", "CCONJ")
            or not syn.text(cut - 1).strip()
        ):
            cut -= 1
        if cut <= first:
            return frame, resolution
        updated = with_speaker(syn, self.rules, frame, (first, cut))
        if updated.mention is None or updated.speaker is None:
            return frame, resolution
        (entity,), resolution = resolver.extend(resolution, (updated.mention,))
        speaker = Speaker(updated.speaker.mention, entity.name, entity.type)
        return attrs.evolve(updated, speaker=speaker, frame=frame.frame), resolution

    # -- one quotation --------------------------------------------------------------------
    def _one(self, syn: ParseSyntax, parsed: ParsedDoc, frame: Frame) -> Frame:
        colon = self._colon_intro(syn, frame) or self._with_words(syn, frame)
        if colon is not None:
            return colon
        if frame.cue is None:
            enclosing = self._enclosing(syn, parsed, frame)
            if enclosing is None and frame.speaker is None:
                enclosing = self._colon_subject(syn, frame)
            return enclosing if enclosing is not None else checked(syn, self.rules, frame, None)
        cue_tokens = tuple(
            i for part in frame.cue.parts for i in range(*syn.range_of(part.start, part.end))
        )
        if not cue_tokens or not syn.is_parsed(cue_tokens[0]):
            return frame  # outside this window, or a sentence the parser did not read
        quote = syn.range_of(frame.quote.start, frame.quote.end)
        first_cue = cue_tokens[0]
        sentence = syn.sentence_of(first_cue)
        cand = Candidate(frame.kind, quote, cue_tokens, sentence)
        if self._reported_clause(syn, first_cue):
            # "Weber kritisiert, die Ausstellung erinnere „…“": the cue is the verb of
            # the reported clause; the quotation is the words of whoever says it above.
            enclosing = self._enclosing(syn, parsed, frame) or self._above_cue(
                syn, frame, quote, first_cue
            )
            if enclosing is not None:
                return enclosing
        finding = self._find(syn, cand)
        if (
            finding is not None
            and finding.speaker
            and (
                names_a_quote(syn, self.rules, finding.speaker[1])
                or title_in_phrase(syn, finding.speaker[0])
            )
        ):
            finding = None
        if finding is None:
            # "Hatzius kritisiert, die Aktion erinnere „fatal an …“": the cue's verb has no
            # speaker; a verb of saying above it may.
            return checked(syn, self.rules, frame, cand)
        if finding.speaker is None:
            return attrs.evolve(
                frame,
                speaker=None,
                mention=None,
                confidence=min(frame.confidence, NO_SPEAKER_CONFIDENCE),
            )
        return with_speaker(syn, self.rules, frame, finding.speaker)

    def _colon_intro(self, syn: ParseSyntax, frame: Frame) -> Frame | None:
        """A quotation right after a colon whose clause has a verb of saying that the
        surface cues missed ("…, indem er den Aufsichtsrat zum Handeln aufforderte: „…“"):
        that verb is the cue and its subject the speaker. Only where the surface cue lies
        outside the intro (none, or one in another sentence)."""
        first, end = syn.range_of(frame.quote.start, frame.quote.end)
        if end <= first or first < 2 or not syn.is_parsed(first - 1):
            return None
        colon = first - 1
        if syn.text(colon) != ":" or syn.in_quote(colon):
            return None
        lo, _ = syn.sentence_of(colon)
        if frame.cue is not None and any(
            syn.span(lo, colon + 1).start <= p.start < frame.quote.start for p in frame.cue.parts
        ):
            return None  # the surface cue stands in the intro
        verbs = self.rules.detector.verbs
        for k in range(colon - 1, max(lo - 1, colon - _INTRO_REACH), -1):
            token = syn.token(k)
            if syn.in_quote(k) or token.text in (";", ":"):
                return None
            if token.upos != "VERB":
                continue
            particles = [c for c in syn.children(k, "compound:prt") if not syn.in_quote(c.i)]
            lemma = token.lemma.lower()
            if particles:
                lemma = particles[0].text.lower() + lemma
            entry = verbs.get(lemma)
            if entry is None or not entry.say:
                continue
            cue = (k, *(c.i for c in particles))
            cand = Candidate(frame.kind, (first, end), cue, syn.sentence_of(k))
            finding = self._find(syn, cand)
            if finding is None or finding.speaker is None:
                return None
            parts = tuple(syn.span(i, i + 1) for i in sorted(cue))
            found = with_speaker(syn, self.rules, frame, finding.speaker)
            intro = syn.span(lo, colon + 1)
            # The chain is looked for around this intro, not the surface stage's sentence.
            conf = max(frame.confidence, 0.75)
            return attrs.evolve(
                found, cue=Cue(parts), frame=intro, confidence=conf, region_start=intro.start
            )
        return None

    def _colon_subject(self, syn: ParseSyntax, frame: Frame) -> Frame | None:
        """The subject of a colon intro without a verb of saying (:mod:`.patterns.colon`)."""
        found = colon.subject(syn, self.rules, syn.range_of(frame.quote.start, frame.quote.end))
        if found is None:
            return None
        phrase, intro = found
        return attrs.evolve(
            with_speaker(syn, self.rules, frame, phrase),
            frame=intro,
            confidence=colon.CONFIDENCE,
            region_start=intro.start,
        )

    def _with_words(self, syn: ParseSyntax, frame: Frame) -> Frame | None:
        """A quotation right after "mit den Worten" in its own sentence ("Mit den Worten
        „…“ richtete er seinen Blick nach vorn"): the verb of that phrase is the cue and
        its subject the speaker, where the surface cue lies in another sentence."""
        first, end = syn.range_of(frame.quote.start, frame.quote.end)
        if end <= first or first < 1 or not syn.is_parsed(first - 1):
            return None
        noun = first - 1
        if syn.text(noun) not in self.rules.cue_obliques or syn.in_quote(noun):
            return None
        lo, hi = syn.sentence_of(noun)
        sentence = syn.span(lo, hi)
        cases = syn.children(noun, "case")
        if len(cases) != 1 or not lo <= cases[0].i < noun:
            return None
        phrase = syn.span(cases[0].i, noun + 1)
        if frame.cue is not None and all(
            sentence.start <= p.start < sentence.end
            and not phrase.start <= p.start < phrase.end  # the surface cue is the phrase
            for p in frame.cue.parts
        ):
            return None  # the surface cue is in this sentence
        verb = verb_above(syn, noun)
        if verb is None or not lo <= verb < hi:
            return None
        cue = (verb, *range(cases[0].i, noun + 1))
        cand = Candidate(frame.kind, (first, end), cue, (lo, hi))
        finding = None
        for pattern in VERB_PATTERNS:
            finding = pattern(syn, self.rules, cand, verb)
            if finding is not None:
                break
        if finding is None or finding.speaker is None:
            return None
        found = with_speaker(syn, self.rules, frame, finding.speaker)
        side = syn.span(end, hi - 1) if verb >= end else syn.span(lo, first)
        return attrs.evolve(
            found,
            cue=Cue(token_parts(syn, sorted(cue))),
            frame=side if side.text.strip() else None,
            confidence=max(frame.confidence, 0.7),
            region_start=min(sentence.start, frame.quote.start),
        )

    def _reported_clause(self, syn: ParseSyntax, cue: int) -> bool:
        """Whether the cue word is the Konjunktiv verb of a clause that a verb of saying
        before it governs ("kritisiert, die Aktion erinnere …")."""
        return self._saying_above(syn, cue) is not None

    def _saying_above(self, syn: ParseSyntax, cue: int) -> int | None:
        """The verb of saying before a Konjunktiv cue verb that governs its clause: its
        head, or, where the parser hung the clause elsewhere, the root of the sentence
        when that comes first ("Brehm bemängelt …, die Schau erinnere „…“")."""
        verb = syn.verb_of(cue)
        if verb is None:
            return None
        token = syn.token(verb)
        if token.morph.mood != "Sub":
            return None
        lo, _ = syn.sentence_of(verb)
        heads = [token.head]
        root = next((k for k in range(lo, verb) if syn.token(k).is_root), None)
        if root is not None and root != token.head:
            heads.append(root)
        for head in heads:
            if head == verb or head > verb or syn.in_quote(head):
                continue
            above = syn.token(head)
            if above.upos != "VERB":
                continue
            entry = self.rules.detector.verbs.get(above.lemma.lower())
            if entry is not None and (entry.say or entry.think):
                return head
        return None

    def _above_cue(
        self, syn: ParseSyntax, frame: Frame, quote: tuple[int, int], cue: int
    ) -> Frame | None:
        """The verb of saying that governs a reported clause's cue, and its subject, where
        the quotation is no dependent of it ("Hatzius kritisiert …, die Aktion erinnere
        „fatal an …“" with the quoted words parsed as a sentence of their own)."""
        head = self._saying_above(syn, cue)
        if head is None:
            return None
        particles = [c for c in syn.children(head, "compound:prt") if not syn.in_quote(c.i)]
        said = (head, *(c.i for c in particles))
        cand = Candidate(frame.kind, quote, said, syn.sentence_of(head))
        finding = self._find(syn, cand)
        if finding is None or finding.speaker is None:
            return None
        parts = tuple(syn.span(i, i + 1) for i in sorted(said))
        found = with_speaker(syn, self.rules, frame, finding.speaker)
        return attrs.evolve(found, cue=Cue(parts), confidence=max(frame.confidence, 0.7))

    def _enclosing(self, syn: ParseSyntax, parsed: ParsedDoc, frame: Frame) -> Frame | None:
        """A quote without a cue of its own inside the content of a verb of saying:
        "Von der Leyen betonte, unter den Verkäuferinnen seien „viele Frauen …“"."""
        first, end = syn.range_of(frame.quote.start, frame.quote.end)
        if end <= first or not syn.is_parsed(first):
            return None
        k = root_of(syn, first, end)
        verbs = self.rules.detector.verbs
        for _ in range(ENCLOSING_REACH):
            head = syn.token(k).head
            if head == k:
                return None
            k = head
            if syn.in_quote(k):
                continue
            token = syn.token(k)
            if token.upos != "VERB":
                continue
            particles = [c for c in syn.children(k, "compound:prt") if not syn.in_quote(c.i)]
            lemma = token.lemma.lower()
            if particles:
                lemma = particles[0].text.lower() + lemma
            entry = verbs.get(lemma)
            if entry is None or not (entry.say or entry.think) or self._reported_clause(syn, k):
                continue
            cue = (k, *(c.i for c in particles))
            cand = Candidate(frame.kind, (first, end), cue, syn.sentence_of(k))
            finding = self._find(syn, cand)
            if finding is None:
                continue  # no subject here: the verb above may have one ("kritisiert, …")
            if finding.speaker is None:
                return None
            parts = tuple(syn.span(i, i + 1) for i in sorted(cue))
            found = with_speaker(syn, self.rules, frame, finding.speaker)
            return attrs.evolve(found, cue=Cue(parts), confidence=max(frame.confidence, 0.7))
        return None

    def _find(self, syn: Syntax, cand: Candidate) -> Finding | None:
        first = cand.cue[0]
        if source.is_source_word(self.rules, syn.text(first)):
            return source.find(syn, self.rules, cand, first)
        verbs = [i for i in cand.cue if syn.token(i).upos == "VERB"] or list(cand.cue)
        verb = syn.verb_of(verbs[0])
        if verb is None:
            # "Der Bürgermeister ist der Meinung, …": a noun cue that is the predicate of
            # a copula; the copula's subject holds the opinion (the tree hangs it on the
            # noun or on the copula).
            noun = next((i for i in cand.cue if syn.token(i).upos == "NOUN"), None)
            copulas = syn.children(noun, "cop") if noun is not None else []
            if noun is None or not copulas:
                return None
            return subject.find(syn, self.rules, cand, noun) or subject.find(
                syn, self.rules, cand, copulas[0].i
            )
        for pattern in VERB_PATTERNS:
            finding = pattern(syn, self.rules, cand, verb)
            if finding is not None:
                return finding
        return None
