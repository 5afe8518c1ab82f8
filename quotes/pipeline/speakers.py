"""Stage 4: the frame of each speech quotation: cue, speaker mention, addressee.

Without a parser, the speaker is found from German word order and closed-class words:

* after the quote: „…“, sagte Außenministerin Annalena Baerbock / „…“, so der Beamte /
  „…“, fügte er hinzu (the subject follows the verb);
* in an intro that ends in a colon, in the same sentence or the one before: "Trump
  schloss zudem … aus: „…“" (subject before the finite verb) or "Auf X schrieb Costa:"
  (an adverbial first, the subject right after the finite verb);
* in the sentence around a partial quote: "lobte ihren „Pragmatismus“", "Laut ihm …",
  "da russische Führer betonen, dass … die „Grundursachen“ …" (subordinate clause: the
  subject follows the conjunction);
* in the next sentence: „…“ Mit diesen Worten reagierte Finanzminister X …;
* an interrupted quote („…“, sagte X, „…“) gives both parts to X;
* headline style: "Merz: „…“".

Partial quotes with no cue and no speaker anywhere near are terms, not speech: this
stage gives them their final category.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotes.document import Document, Token
from quotes.pipeline.cues import CueLexicon, CueMatch
from quotes.pipeline.entities import Lexicon, Mention
from quotes.pipeline.quotations import Quoted
from quotes.pipeline.speaker_words import SurfaceWords
from quotes.records import Attribution, Cue, Kind, Source, Span, Speaker
from quotes.rules import RuleData

__all__ = ["Frame", "SpeakerFinder"]

# Quotes of at most this many words with no cue and no speaker are terms.
_TERM_MAX_WORDS = 4
# How many tokens a subject may lie from its verb.
_REACH = 40
# How many characters around a partial quote its sentence is read for a cue.
_REACH_CHARS = 400


@attrs.frozen
class Frame:
    """What the pipeline knows about one quotation before its outlet chain is added.

    ``region_start:region_end`` is the stretch of text (frame plus quote) in which the
    outlet stage looks for the chain.
    """

    kind: Kind
    quote: Span
    content: Span
    speaker: Speaker | None
    cue: Cue | None
    frame: Span | None
    addressee: Span | None
    confidence: float
    region_start: int
    region_end: int
    medium: str | None = None
    #: The speaker's mention split into its parts, for the entity resolver: frames leave
    #: the speaker stages with ``speaker.name`` provisional (the mention as written) and
    #: the Extractor resolves all mentions at the end.
    mention: Mention | None = None
    # Set when a frame interrupts the quote (see Attribution.quote_parts).
    quote_parts: tuple[Span, ...] = ()

    def to_attribution(self, via: tuple[Source, ...]) -> Attribution:
        return Attribution(
            kind=self.kind,
            quote=self.quote,
            content=self.content,
            speaker=self.speaker,
            cue=self.cue,
            via=via,
            frame=self.frame,
            addressee=self.addressee,
            confidence=self.confidence,
            medium=self.medium,
            quote_parts=self.quote_parts,
        )


@attrs.frozen
class _NounPhrase:
    """A noun phrase over a token window: token range and its parts."""

    first: int
    last: int
    mention: Mention


@attrs.frozen
class _Found:
    """A speaker found for one quote, with its evidence."""

    phrase: _NounPhrase | None
    cue: CueMatch | None
    confidence: float
    region_start: int
    frame: tuple[int, int] | None = None
    speaker: Speaker | None = None  # set when carried over from another quote
    mention: Mention | None = None  # the carried speaker's mention


@attrs.frozen
class SpeakerFinder:
    """Finds the frame of each speech quotation with token-level rules."""

    cues: CueLexicon
    lexicon: Lexicon
    words: SurfaceWords

    @classmethod
    def from_rules(cls, rules: RuleData, cues: CueLexicon) -> SpeakerFinder:
        return cls(cues, Lexicon.from_rules(rules), SurfaceWords.from_rules(rules))

    def find(
        self,
        doc: Document,
        quoted: tuple[Quoted, ...],
    ) -> tuple[tuple[Frame, ...], tuple[Quoted, ...]]:
        """Frames for the speech quotations, and the quoted spans with final categories.

        Speakers are not resolved here: each frame's ``speaker.name`` is the mention as
        written and ``mention`` holds its parts for the resolver.
        """
        frames: list[Frame] = []
        final: list[Quoted] = []
        previous: tuple[Quoted, _Found] | None = None
        # What a neighbouring sentence gives, read once per sentence however many quotes
        # ask for it.
        memo: dict[tuple[str, int], _Found | None] = {}
        top_level = [i for i, q in enumerate(quoted) if q.parent is None]
        for position, index in enumerate(top_level):
            q = quoted[index]
            prev_q = quoted[top_level[position - 1]] if position > 0 else None
            next_q = quoted[top_level[position + 1]] if position + 1 < len(top_level) else None
            if q.category == "title":
                continue
            found = self._find_one(doc, q, prev_q, next_q, previous, memo)
            # The first few words are all the tests below read (a quote can be megabytes).
            words = q.content.text.split(maxsplit=_TERM_MAX_WORDS)
            short = len(words) <= _TERM_MAX_WORDS and not _ends_sentence(q.content.text)
            speakerless = found is not None and found.phrase is None and found.speaker is None
            if speakerless and (found.cue is None or short):
                # Neither cue nor speaker: in news text such a span is a title, a motto
                # or a term far more often than anyone's words.
                found = None
            if found is not None and _name_shaped(words) and not _same_sentence_verb(found):
                # "„France Football“", „Bild“: capitalised names are speech only when a
                # verb of saying in their own sentence governs them.
                found = None
            if found is None or (found.cue is None and found.speaker is None and short):
                if q.category == "speech" and short:
                    quoted_final = attrs.evolve(q, category="term")
                    final.append(quoted_final)
                    continue
                if q.category == "term":
                    continue
                found = found or _Found(None, None, 0.2, q.quote.start)
            elif q.category == "term" and (
                found.cue is None or found.cue.kind != "verb" or found.confidence < 0.75
            ):
                continue
            if found.speaker is not None:
                speaker, mention = found.speaker, found.mention
            else:
                speaker, mention = self._speaker(doc, found.phrase)
            cue = Cue(found.cue.parts) if found.cue is not None else None
            frame_span = doc.span(*found.frame) if found.frame else None
            frames.append(
                Frame(
                    kind="direct",
                    quote=q.quote,
                    content=q.content,
                    speaker=speaker,
                    cue=cue,
                    frame=frame_span,
                    addressee=None,
                    confidence=found.confidence,
                    region_start=min(found.region_start, q.quote.start),
                    region_end=self._region_end(doc, q),
                    # Quoted words are spoken unless the cue says otherwise: Speech is
                    # the medium of two thirds of the corpus's direct quotes.
                    medium=(found.cue.medium if found.cue else None) or _DEFAULT_DIRECT_MEDIUM,
                    mention=mention,
                )
            )
            if q.category != "speech":
                final.append(attrs.evolve(q, category="speech"))
            previous = (q, attrs.evolve(found, speaker=speaker, mention=mention))
        replaced = {(q.quote.start, q.quote.end): q for q in final}
        categories = tuple(replaced.get((q.quote.start, q.quote.end), q) for q in quoted)
        return tuple(frames), categories

    # -- one quote --------------------------------------------------------------------
    def _find_one(
        self,
        doc: Document,
        q: Quoted,
        prev_q: Quoted | None,
        next_q: Quoted | None,
        previous: tuple[Quoted, _Found] | None,
        memo: dict[tuple[str, int], _Found | None],
    ) -> _Found | None:
        text = doc.text
        first_sentence = doc.sentence_at(q.quote.start)
        last_sentence = doc.sentence_at(max(q.quote.end - 1, q.quote.start))
        if first_sentence is None or last_sentence is None:
            return None
        pre_start = first_sentence.start
        if prev_q is not None and prev_q.quote.end > pre_start:
            pre_start = prev_q.quote.end
        pre_start = min(pre_start, q.quote.start)
        post_end = max(last_sentence.end, q.quote.end)
        if next_q is not None and next_q.quote.start < post_end:
            post_end = next_q.quote.start
        pre = doc.tokens(pre_start, q.quote.start)
        post = doc.tokens(q.quote.end, post_end)

        # 1. „…“, sagte X / „…“, so X / „…“, wie X sagte.
        found = self._after_quote(text, post, q)
        if found is not None:
            return found
        # 2. An interrupted quote: „…“, sagte X, „…“ — the part before this one had X.
        if (
            previous is not None
            and prev_q is not None
            and previous[0] is prev_q
            and prev_q.quote.end >= first_sentence.start
            and _only_frame_between(pre)
            and previous[1].cue is not None
        ):
            return attrs.evolve(previous[1], confidence=min(previous[1].confidence, 0.85))
        # 3. An intro ending in a colon, in this sentence or the one before.
        intro = self._intro(doc, q, pre, pre_start)
        if intro is not None:
            return intro
        # 4. A partial quote inside a sentence with a cue: the words within reach of the
        #    quote, not the whole sentence (a sentence of thousands of quoted items would
        #    cost its length once per quote).
        window_start, window_end = _reach(text, q, first_sentence.start, last_sentence.end)
        found = self._in_sentence(doc, window_start, window_end, q)
        if found is not None:
            return found
        # 5. The next sentence points back: „…“ Mit diesen Worten reagierte X.
        found = self._next_sentence(doc, q, memo)
        if found is not None:
            return found
        # 6. The sentence before has a cue and a speaker (partial quotes and short quotes).
        found = self._previous_sentence(doc, q, first_sentence, memo)
        if found is not None:
            return found
        # 7. A quote that continues the previous speaker's words in the same paragraph or
        #    right after it.
        sentence_like = _ends_sentence(q.content.text) or len(q.content.text.split(maxsplit=5)) >= 6
        if (
            sentence_like
            and previous is not None
            and previous[1].speaker is not None
            and prev_q is not None
        ):
            # The previous quote's own frame ("„…“, so X.") names no one else.
            said = previous[1].speaker.mention
            gap_start = prev_q.quote.end
            if said is not None and prev_q.quote.end <= said.start < q.quote.start:
                gap_start = max(gap_start, said.end)
            gap = text[gap_start : q.quote.start]
            if gap.count("\n") <= 2 and len(gap) < 400 and not self._has_person_between(gap):
                return _Found(
                    None,
                    None,
                    0.4,
                    q.quote.start,
                    speaker=previous[1].speaker,
                    mention=previous[1].mention,
                )
        return None

    def _after_quote(self, text: str, post: Sequence[Token], q: Quoted) -> _Found | None:
        i = 0
        while i < len(post) and post[i].text in {",", "–", "-", "—", "(", ")"}:
            i += 1
        if i >= len(post) or (i == 0 and post and post[0].text in {".", "!", "?"}):
            return None
        window = post[i : i + 25]
        cues = self.cues.find_in_tokens(text, window)
        if not cues:
            return None
        cue = cues[0]
        if cue.first_token == 0 and cue.side in ("verb", "after"):
            phrase = self._subject_after(window, cue.first_token + 1, len(window), cue)
            if phrase is None and cue.side == "verb":
                return None
            return self._found(window, cue, phrase, 0.9, q.quote.end)
        if window[0].text.lower() == "wie" and cue.kind == "verb":
            phrase = self._parse_np(window, 1, cue.first_token)
            if phrase is not None:
                return self._found(window, cue, phrase, 0.85, q.quote.end)
        if cue.side == "context" and cue.first_token <= 1:
            phrase = self._subject_after(window, cue.last_token + 1, len(window), cue)
            return self._found(window, cue, phrase, 0.6, q.quote.end)
        return None

    def _intro(
        self, doc: Document, q: Quoted, pre: Sequence[Token], pre_start: int
    ) -> _Found | None:
        text = doc.text
        tokens = pre
        start = pre_start
        if not pre or all(not t.text[:1].isalnum() for t in pre):
            # The quote opens its sentence: look at the sentence before.
            index = doc.sentence_index(q.quote.start)
            if index == 0 or doc.sentences[index].start < q.quote.start - 2:
                return None
            before = doc.sentences[index - 1]
            if not before.text.rstrip().endswith(":"):
                return None
            if doc.paragraph_index(before.start) < doc.paragraph_index(q.quote.start) - 1:
                return None
            tokens = doc.tokens(before.start, before.end)
            start = before.start
        if not tokens or tokens[-1].text != ":":
            return None
        body = tokens[:-1]
        if not body:
            return None
        # Headline style: "Merz: „…“", "Koppelin wörtlich:", "Zitat von Schröder:".
        if len(body) <= 5:
            words = [t.text.lower() for t in body]
            first = 2 if words[:2] in (["zitat", "von"], ["worte", "von"]) else 0
            last = len(body) - 1 - (words[-1] in self.words.intro_tails)
            phrase = self._parse_np(body, first, last + 1)
            if phrase is not None and phrase.last == last:
                return _Found(phrase, None, 0.8, start, (body[0].start, tokens[-1].end))
        clause_start = _clause_start(body, len(body))
        cues = self.cues.find_in_tokens(text, body)
        verb_cues = [c for c in cues if c.kind == "verb"]
        context = [c for c in cues if c.side == "context"]
        frame = (body[0].start, tokens[-1].end)
        if context and not verb_cues:
            phrase = self._source_of(body, context[-1])
            return _Found(phrase, context[-1], 0.75, start, frame)
        if verb_cues:
            cue = verb_cues[0] if verb_cues[0].first_token < 3 else verb_cues[-1]
            phrase = self._subject(body, cue.first_token, cue)
            return self._found(body, cue, phrase, 0.85, start, frame)
        # No cue word: the intro's subject speaks ("Trump schloss … aus:"); its finite
        # verb and closing particle are the cue.
        verb = self._finite_verb(body, clause_start)
        if verb is None:
            return None
        phrase = self._subject(body, verb, None)
        if phrase is None:
            return None
        parts = [Span(body[verb].start, body[verb].end, body[verb].text)]
        last = body[-1]
        if last.text in self.lexicon.particles and len(body) - 1 > verb:
            parts.append(Span(last.start, last.end, last.text))
        cue = CueMatch(tuple(parts), body[verb].text, "verb", None, "verb", verb, verb)
        return _Found(phrase, cue, 0.7, start, frame)

    def _in_sentence(self, doc: Document, start: int, end: int, q: Quoted) -> _Found | None:
        text = doc.text
        outside = doc.tokens_outside(start, end, q.quote.start, q.quote.end)
        cues = [c for c in self.cues.find_in_tokens(text, outside) if c.side != "context"]
        if not cues:
            return None
        # The cue nearest to the quote, preferring one before it.
        before = [c for c in cues if outside[c.first_token].end <= q.quote.start]
        cue = before[-1] if before else cues[0]
        if cue.side == "after":
            phrase = self._parse_np(outside, cue.last_token + 1, len(outside), oblique=True)
        elif cue.side == "before":
            phrase = self._np_ending_at(outside, cue.first_token)
        else:
            phrase = self._subject(outside, cue.first_token, cue)
        if phrase is None:
            return None
        frame = (outside[0].start, outside[-1].end)
        first: int | None = outside[0].start
        if outside[0].end > q.quote.start:  # none before the quote: the quote's first token
            first = doc.first_token_start(start, end)
        assert first is not None  # there are tokens
        return self._found(outside, cue, phrase, 0.75, first, frame)

    def _next_sentence(
        self, doc: Document, q: Quoted, memo: dict[tuple[str, int], _Found | None]
    ) -> _Found | None:
        index = doc.sentence_index(max(q.quote.end - 1, 0))
        if index + 1 >= len(doc.sentences):
            return None
        sentence = doc.sentences[index + 1]
        if sentence.start < q.quote.end or sentence.start - q.quote.end > 3:
            return None
        key = ("next", index + 1)
        if key not in memo:
            memo[key] = self._pointing_back(doc, sentence)
        found = memo[key]
        return None if found is None else attrs.evolve(found, region_start=q.quote.start)

    def _pointing_back(self, doc: Document, sentence: Span) -> _Found | None:
        """ "Mit diesen Worten reagierte X": the speaker of the quote before."""
        tokens = doc.tokens(sentence.start, sentence.end)
        if not tokens or tokens[0].text.lower() not in self.lexicon.back_references:
            return None
        cues = [c for c in self.cues.find_in_tokens(doc.text, tokens[:8]) if c.kind == "verb"]
        if not cues:
            return None
        cue = cues[0]
        phrase = self._subject_after(tokens, cue.first_token + 1, len(tokens), cue)
        if phrase is None:
            return None
        frame = (tokens[0].start, tokens[-1].end)
        return self._found(tokens, cue, phrase, 0.7, sentence.start, frame)

    def _previous_sentence(
        self,
        doc: Document,
        q: Quoted,
        sentence: Span,
        memo: dict[tuple[str, int], _Found | None],
    ) -> _Found | None:
        index = doc.sentence_index(sentence.start)
        if index == 0:
            return None
        before = doc.sentences[index - 1]
        if doc.paragraph_index(before.start) != doc.paragraph_index(q.quote.start):
            return None
        key = ("previous", index - 1)
        if key not in memo:
            memo[key] = self._cue_and_speaker(doc, before)
        return memo[key]

    def _cue_and_speaker(self, doc: Document, before: Span) -> _Found | None:
        """The cue and speaker of a whole sentence, for the quotes of the next one."""
        tokens = doc.tokens(before.start, before.end)
        cues = [c for c in self.cues.find_in_tokens(doc.text, tokens) if c.kind == "verb"]
        if not cues:
            return None
        cue = cues[0]
        phrase = self._subject(tokens, cue.first_token, cue)
        if phrase is None:
            return None
        return self._found(tokens, cue, phrase, 0.55, before.start, (before.start, before.end))

    # -- noun phrases -----------------------------------------------------------------
    def _subject(
        self, tokens: Sequence[Token], verb: int, cue: CueMatch | None
    ) -> _NounPhrase | None:
        """The subject of the verb at ``verb``: German main or subordinate clause."""
        start = _clause_start(tokens, verb)
        after_comma = verb > 0 and tokens[verb - 1].text == ","
        if start < verb:
            first = tokens[start].text
            if (
                first.lower() in self.lexicon.subordinators
                and not after_comma
                and _verb_ends_clause(tokens, verb, cue)
            ):
                return self._parse_np(tokens, start + 1, verb)
            if (
                first.lower() in self.lexicon.relative_pronouns
                and start > 0
                and tokens[start - 1].text == ","
            ):
                # "Putin, der sich … äußerte": the relative pronoun's antecedent speaks.
                return self._np_ending_at(tokens, start - 1)
            phrase = self._vorfeld_subject(tokens, start, verb)
            if phrase is not None:
                return phrase
            if after_comma:
                # A subordinate clause or adverbial first field: the subject follows.
                end = cue.last_token + 1 if cue is not None else verb + 1
                return self._subject_after(tokens, verb + 1, min(len(tokens), end + _REACH), cue)
            # An adverbial first: the finite verb, then the subject.
            finite = self._finite_verb(tokens, start)
            if finite is not None and finite < verb:
                after = self._subject_after(tokens, finite + 1, verb + 1, cue)
                if after is not None:
                    return after
        end = cue.last_token + 1 if cue is not None else verb + 1
        return self._subject_after(tokens, verb + 1, min(len(tokens), end + _REACH), cue)

    def _vorfeld_subject(
        self, tokens: Sequence[Token], start: int, verb: int
    ) -> _NounPhrase | None:
        # Focus particles may precede the subject: "Auch der russische Präsident Putin …".
        while start < verb - 1 and tokens[start].text.lower() in self.words.focus_particles:
            start += 1
        phrase = self._parse_np(tokens, start, verb)
        if phrase is None or phrase.mention.determiner in self.lexicon.determiners_oblique - {
            "dieser",
            "ihrer",
        }:
            return None
        after = phrase.last + 1
        if after == verb or (after < verb and tokens[after].text in self.lexicon.finite_verbs):
            return phrase
        modified = self._modifiers_until(tokens, after, verb)
        if modified is not None:
            # "Theo Kitz vom Bankhaus Merck Finck sagte", "Renate Schmidt (SPD) äußerte":
            # the whole first field is the subject.
            end_char = tokens[modified].end
            mention = attrs.evolve(phrase.mention, end=end_char)
            return _NounPhrase(phrase.first, modified, mention)
        if after < verb and tokens[after].text == "," and tokens[verb - 1].text == ",":
            # A relative clause or apposition between subject and verb, closed by a comma
            # right before the verb: "Putin, der sich … äußerte, lobte".
            return phrase
        if after < verb and tokens[after].text == "und":
            # "Trump und Putin kündigten … an": a coordinated subject; keep the first.
            return phrase
        return None

    def _modifiers_until(self, tokens: Sequence[Token], i: int, verb: int) -> int | None:
        """Last token of prepositional or bracketed modifiers from ``i`` up to ``verb``.

        None when anything else (a verb, a clause) stands between the noun phrase and
        the finite verb.
        """
        lex = self.lexicon
        last = None
        while i < verb:
            word = tokens[i].text
            if word == "(":
                close = next((k for k in range(i, verb) if tokens[k].text == ")"), None)
                if close is None:
                    return None
                last, i = close, close + 1
                continue
            if word.lower() in lex.prepositions or word in self.words.oblique_articles:
                inner = self._parse_np(tokens, i + 1, verb, oblique=True)
                if inner is None:
                    return None
                last, i = inner.last, inner.last + 1
                continue
            if word in {",", "–"} and i + 1 == verb:
                return last
            return None
        return last

    def _subject_after(
        self, tokens: Sequence[Token], i: int, end: int, cue: CueMatch | None
    ) -> _NounPhrase | None:
        """The first noun phrase after a verb, skipping adverbs and prepositional phrases."""
        lex = self.lexicon
        end = min(end, len(tokens))
        steps = 0
        while i < end and steps < 12:
            steps += 1
            word = tokens[i].text
            if word in {",", "."} or word in _CLOSERS:
                return None
            if cue is not None and cue.last_token == i and len(cue.parts) > 1:
                return None
            low = word.lower()
            if low in lex.prepositions:
                # Skip the prepositional phrase: "am Donnerstag", "laut der Agentur".
                inner = self._parse_np(tokens, i + 1, end, oblique=True)
                i = (inner.last + 1) if inner is not None else i + 1
                continue
            phrase = self._parse_np(tokens, i, end)
            if phrase is not None:
                if phrase.mention.determiner in lex.determiners_oblique - {"der", "dieser"}:
                    i = phrase.last + 1
                    continue
                return phrase
            if low in lex.skip_after_verb or not word[:1].isalnum() or word.islower():
                i += 1
                continue
            return None
        return None

    def _np_ending_at(self, tokens: Sequence[Token], end: int) -> _NounPhrase | None:
        """The noun phrase that ends right before ``end`` ("… Putin, der …")."""
        for start in range(max(0, end - 12), end):
            phrase = self._parse_np(tokens, start, end, oblique=True)
            if phrase is not None and phrase.last == end - 1:
                return phrase
        return None

    def _source_of(self, tokens: Sequence[Token], cue: CueMatch) -> _NounPhrase | None:
        """The author of "In einer Mitteilung des Weißen Hauses heißt es:"."""
        for i, token in enumerate(tokens[:-1]):
            link = tokens[i + 1].text
            if token.text in self.lexicon.source_nouns and link in self.words.source_links:
                # "des Weißen Hauses" is parsed with its article; "von X" without "von".
                start = i + 1 if link in self.words.source_link_articles else i + 2
                phrase = self._parse_np(tokens, start, len(tokens), oblique=True)
                if phrase is not None:
                    return phrase
        return None

    def _parse_np(
        self, tokens: Sequence[Token], i: int, end: int, *, oblique: bool = False
    ) -> _NounPhrase | None:
        lex = self.lexicon
        end = min(end, len(tokens))
        if i >= end:
            return None
        word = tokens[i].text
        low = word.lower()
        if low in lex.pronouns and (word.islower() or i == 0 or low != "sie"):
            if low in self.words.object_pronouns and not oblique:
                return None
            mention = Mention(tokens[i].start, tokens[i].end, word, pronoun=word)
            return _NounPhrase(i, i, mention)
        if low in lex.skip_after_verb or low in self.lexicon.subordinators:
            return None  # "Gleichzeitig", "Zudem" open sentences capitalised
        j = i
        determiner = ""
        if low in lex.determiners_nominative or low in lex.determiners_oblique:
            determiner = low
            j += 1
        adjectives: list[str] = []
        while (
            j < end
            and len(adjectives) < 4
            and _is_adjective(tokens[j].text, lex, self.words.adjective_endings)
        ):
            adjectives.append(tokens[j].text)
            j += 1
        head: list[int] = []
        quoted_name = False
        if j + 2 < end and tokens[j].text == "„" and _is_noun(tokens[j + 1].text):
            # A name in quotation marks: die „Computerwoche“, „Die Zeit“.
            close = next((k for k in range(j + 1, min(end, j + 6)) if tokens[k].text == "“"), None)
            if close is not None and all(_is_noun(t.text) for t in tokens[j + 1 : close]):
                head = list(range(j + 1, close))
                quoted_name, j = True, close + 1
        while not quoted_name and j < end and len(head) < 6 and _is_noun(tokens[j].text):
            if tokens[j].text in lex.not_speakers and not (determiner or head):
                break
            if head and tokens[j].text in lex.not_speakers:
                break
            head.append(j)
            j += 1
            # Titles and initials keep their dot: "Prof. Dr. Matthias W. Beckmann".
            if (
                j + 1 < end
                and tokens[j].text == "."
                and (
                    tokens[j - 1].text in self.words.name_abbreviations
                    or len(tokens[j - 1].text) == 1
                )
                and tokens[j].start == tokens[j - 1].end
                and _is_noun(tokens[j + 1].text)
            ):
                j += 1
        if not head:
            return None
        last = j - 1 if quoted_name or tokens[j - 1].text == "." else head[-1]
        head_words = tuple(tokens[k].text for k in head)
        genitive: list[str] = []
        role_or_org = any(lex.role_of(w) or lex.is_organization_word(w) for w in head_words)
        for _ in range(2):
            if j >= end:
                break
            gen = tokens[j].text
            if gen in {"des", "eines"} or (gen in {"der", "einer"} and role_or_org):
                k = j + 1
                while k < end and _is_adjective(tokens[k].text, lex, self.words.adjective_endings):
                    k += 1
                nouns = 0
                while k < end and _is_noun(tokens[k].text) and nouns < 4:
                    k += 1
                    nouns += 1
                if nouns:
                    genitive.extend(tokens[m].text for m in range(j, k))
                    last = k - 1
                    j = k
                    continue
            break
        apposition: list[str] = []
        if j + 1 < end and tokens[j].text == ",":
            appo = self._apposition(tokens, j + 1, end, head_words)
            if appo is not None:
                apposition = [tokens[m].text for m in range(j + 1, appo + 1)]
                last = appo
        plural = (
            bool(head_words)
            and head_words[-1] in lex.group_words
            and determiner not in self.words.singular_determiners
        )
        start_char = tokens[i].start
        end_char = tokens[last].end
        mention = Mention(
            start_char,
            end_char,
            "",
            head=head_words,
            determiner=determiner,
            apposition=tuple(
                w for w in apposition if w[:1].isupper() and w not in lex.determiners_nominative
            ),
            genitive=tuple(genitive),
            adjectives=tuple(adjectives),
            plural=plural,
        )
        return _NounPhrase(i, last, mention)

    def _apposition(
        self, tokens: Sequence[Token], i: int, end: int, head: tuple[str, ...]
    ) -> int | None:
        """Last token of an apposition in commas: ", Maria Sacharowa," / ", die Sprecherin …,"."""
        lex = self.lexicon
        k = i
        names = 0
        while k < end and _is_noun(tokens[k].text) and names < 4:
            k += 1
            names += 1
        closes = k >= end or tokens[k].text in _APPOSITION_END
        if names and closes:
            words = [tokens[m].text for m in range(i, k)]
            if (
                words[0] in lex.given_names
                or (names >= 2 and not lex.role_of(words[-1]))
                or (any(lex.role_of(w) for w in head) and names >= 1 and not lex.role_of(words[0]))
            ):
                return k - 1
        # A role phrase after a name, with or without article: "Bill Graham, Parteichef
        # der Liberalen", "Ursula Castrup, die Leiterin der Fachstelle".
        inner = self._parse_np(tokens, i, end)
        closing = None
        if inner is not None:
            # Prepositional modifiers may follow: "die Leiterin der Fachstelle für Sucht".
            after = inner.last + 1
            closing = inner.last
            if after < end and tokens[after].text not in _APPOSITION_END:
                stop = next(
                    (
                        k
                        for k in range(after, min(end, after + 12))
                        if tokens[k].text in _APPOSITION_END
                    ),
                    end if end - after <= 12 else None,
                )
                closing = None if stop is None else self._modifiers_until(tokens, after, stop)
        if (
            inner is not None
            and closing is not None
            and not inner.mention.pronoun
            and lex.role_of(inner.mention.head[0])
            and (
                not inner.mention.determiner
                or inner.mention.determiner in lex.determiners_nominative
            )
            and not any(lex.role_of(w) for w in head)
        ):
            return closing
        return None

    def _finite_verb(self, tokens: Sequence[Token], start: int) -> int | None:
        """The finite verb of a main clause: the first lower-case non-function word."""
        lex = self.lexicon
        depth = 0
        for k in range(start, min(len(tokens), start + _REACH)):
            word = tokens[k].text
            if word in _OPENERS:
                depth += 1
            elif word in _CLOSERS:
                depth = max(0, depth - 1)
            if depth:
                continue
            if word in self.lexicon.finite_verbs or self.cues.is_verb_form(word):
                return k
            if k == start:
                continue
            if (
                word.islower()
                and word.isalpha()
                and word not in lex.prepositions
                and word not in lex.determiners_nominative
                and word not in lex.determiners_oblique
                and word not in lex.skip_after_verb
                and word not in self.words.coordinators
                and not _is_adjective(word, lex, self.words.adjective_endings)
            ):
                return k
        return None

    # -- results ----------------------------------------------------------------------
    def _found(
        self,
        tokens: Sequence[Token],
        cue: CueMatch,
        phrase: _NounPhrase | None,
        confidence: float,
        region_start: int,
        frame: tuple[int, int] | None = None,
    ) -> _Found:
        if frame is None and tokens:
            last = max(cue.last_token, phrase.last if phrase else 0)
            frame = (tokens[0].start, tokens[min(last, len(tokens) - 1)].end)
        if phrase is None:
            confidence = min(confidence, 0.5)
        return _Found(phrase, cue, confidence, region_start, frame)

    def _speaker(
        self, doc: Document, phrase: _NounPhrase | None
    ) -> tuple[Speaker | None, Mention | None]:
        """The provisional speaker (named as written) and its mention."""
        if phrase is None:
            return None, None
        text = doc.text
        mention = attrs.evolve(phrase.mention, text=text[phrase.mention.start : phrase.mention.end])
        span = Span(mention.start, mention.end, mention.text)
        return Speaker(span, mention.text, "unknown"), mention

    def _region_end(self, doc: Document, q: Quoted) -> int:
        sentence = doc.sentence_at(max(q.quote.end - 1, 0))
        return max(q.quote.end, sentence.end if sentence else q.quote.end)

    def _has_person_between(self, gap: str) -> bool:
        return self.lexicon.full_name_pattern.search(gap) is not None


_DEFAULT_DIRECT_MEDIUM = "Speech"
# What may follow an apposition: ", Maria Sacharowa, betonte" / "sagte X, Chef von Y."
_APPOSITION_END = frozenset({",", ".", ":", ";", "!", "?", "(", "–"})
_OPENERS = frozenset("„»«‚›‹“\"'(")
_CLOSERS = frozenset("“”«»‘’›‹\"')")


def _reach(text: str, q: Quoted, start: int, end: int) -> tuple[int, int]:
    """The characters of the sentence ``start:end`` within reach of the quote: at most
    ``_REACH_CHARS`` on either side, widened to the nearest space so no word is cut."""
    lo = max(start, q.quote.start - _REACH_CHARS)
    if lo > start:
        space = text.rfind(" ", max(start, lo - 40), lo)
        lo = space + 1 if space >= 0 else lo
    hi = min(end, q.quote.end + _REACH_CHARS)
    if hi < end:
        space = text.find(" ", hi, min(end, hi + 40))
        hi = space if space >= 0 else hi
    return lo, hi


def _clause_start(tokens: Sequence[Token], verb: int) -> int:
    """Start of the clause whose verb is at ``verb``.

    A verb right after a comma is the finite verb of a main clause whose first field is
    everything before it ("Putin, der sich … äußerte, lobte"; "Obwohl …, berichtete"), so
    the clause starts at the sentence (or colon, semicolon, dash) boundary. Otherwise the
    clause starts after the nearest comma: a subordinate clause ("…, da russische Führer
    betonen") or a coordinated main clause.
    """
    hard = 0
    for k in range(verb - 1, -1, -1):
        if tokens[k].text in {";", ":", "–", "—", "(", ")"}:
            hard = k + 1
            break
    if verb > hard and tokens[verb - 1].text == ",":
        return hard
    for k in range(verb - 1, hard - 1, -1):
        if tokens[k].text == ",":
            return k + 1
    return hard


def _verb_ends_clause(tokens: Sequence[Token], verb: int, cue: CueMatch | None) -> bool:
    """Whether the verb closes its clause, as in a subordinate clause ("…, da X betonen")."""
    last = cue.last_token if cue is not None else verb
    return last + 1 >= len(tokens) or not tokens[last + 1].text[:1].isalnum()


def _name_shaped(words: Sequence[str]) -> bool:
    """One to three words, all capitalised: "Bild", "France Football", "Goldene Ball"."""
    return 0 < len(words) <= 3 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def _same_sentence_verb(found: _Found) -> bool:
    return found.cue is not None and found.cue.kind == "verb" and found.confidence >= 0.75


def _only_frame_between(tokens: Sequence[Token]) -> bool:
    """The text between two quotes is a frame like ", sagte er, "."""
    return 0 < len(tokens) <= 15 and tokens[-1].text in {",", ":", "–"}


def _ends_sentence(content: str) -> bool:
    return content.rstrip().endswith((".", "!", "?", "…"))


def _is_noun(word: str) -> bool:
    if not word[:1].isupper():
        return False
    # "US-amerikanischen" is an adjective despite its capital.
    if "-" in word and word.rsplit("-", 1)[1][:1].islower():
        return False
    return word[:1].isalpha()


def _is_adjective(word: str, lex: Lexicon, endings: tuple[str, ...]) -> bool:
    """A lower-case inflected word that can stand between determiner and noun."""
    if "-" in word and word.rsplit("-", 1)[1][:1].islower():
        tail = word.rsplit("-", 1)[1]
        return tail.endswith(endings)
    if not word.islower() or not word.isalpha():
        return False
    if (
        word in lex.prepositions
        or word in lex.determiners_nominative
        or word in lex.determiners_oblique
        or word in lex.pronouns
        or word in lex.finite_verbs
    ):
        return False
    return word.endswith(endings) and len(word) > 3
