"""The speaker search of the rules pipeline: where, around each quote, its frame stands.

The places are tried in order (see :meth:`SpeakerFinder._find_one`); the noun phrases and
subjects are read by :mod:`~quotes.pipeline.speakers.noun_phrases` and
:mod:`~quotes.pipeline.speakers.subjects`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from quotes.document import Document, Token
from quotes.pipeline.cues import CueLexicon, CueMatch
from quotes.pipeline.entities import Lexicon, Mention
from quotes.pipeline.quotations import Quoted
from quotes.pipeline.quotations.records import CATEGORIES, recategorized, top_level
from quotes.pipeline.speaker_words import SurfaceWords
from quotes.pipeline.speakers.frame import Frame, carries_across
from quotes.pipeline.speakers.noun_phrases import NounPhrase, NounPhrases
from quotes.pipeline.speakers.subjects import SubjectFinder, clause_start
from quotes.records import Cue, Span, Speaker
from quotes.rules import RuleData

__all__ = ["SpeakerFinder"]

# Quotes of at most this many words with no cue and no speaker are terms.
_TERM_MAX_WORDS = 4
# How many characters around a partial quote its sentence is read for a cue.
_REACH_CHARS = 400


@attrs.frozen
class _Found:
    """A speaker found for one quote, with its evidence."""

    phrase: NounPhrase | None
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
    phrases: NounPhrases = attrs.field(
        init=False,
        default=attrs.Factory(lambda self: NounPhrases(self.lexicon, self.words), takes_self=True),
    )
    subjects: SubjectFinder = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda self: SubjectFinder(self.cues, self.lexicon, self.words, self.phrases),
            takes_self=True,
        ),
    )

    @classmethod
    def from_rules(cls, rules: RuleData, cues: CueLexicon) -> SpeakerFinder:
        return cls(cues, Lexicon.from_rules(rules), SurfaceWords.from_rules(rules))

    def find(
        self,
        doc: Document,
        quoted: Sequence[Quoted],
    ) -> tuple[tuple[Frame, ...], Sequence[Quoted]]:
        """Frames for the speech quotations, and the quoted spans with final categories.

        Speakers are not resolved here: each frame's ``speaker.name`` is the mention as
        written and ``mention`` holds its parts for the resolver.
        """
        frames: list[Frame] = []
        # The new category of each quote, if it changes (records.recategorized): one byte
        # per quote, as the stage's output may be nothing but quotes.
        changes = bytearray(len(quoted))
        previous: tuple[Quoted, _Found] | None = None
        # What a neighbouring sentence gives, read once per sentence however many quotes
        # ask for it.
        memo: dict[tuple[str, int], _Found | None] = {}
        for index, prev_q, q, next_q in _neighbours(quoted, top_level(quoted)):
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
            if found is None or (
                found.cue is None and found.speaker is None and found.phrase is None and short
            ):
                # (A headline's "Scholz: „Wir bleiben dabei“" has its speaker: no term.)
                if q.category == "speech" and short:
                    changes[index] = _TO_TERM
                    continue
                if q.category == "term":
                    continue
                found = found or _Found(None, None, 0.2, q.quote.start)
            elif q.category == "term" and (
                "marked_term" in q.flags  # kurz: „…“, Kreuzungen („…“)
                or found.cue is None
                or found.cue.kind != "verb"
                or found.confidence < 0.75
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
                changes[index] = _TO_SPEECH
            previous = (q, attrs.evolve(found, speaker=speaker, mention=mention))
        return tuple(frames), recategorized(quoted, changes)

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
            if (
                intro.region_start == pre_start > first_sentence.start
                and prev_q is not None
                and prev_q.category == "title"
                and prev_q.quote.start >= first_sentence.start
            ):
                # "Gegenüber dem „Tagesspiegel“ sagte sie: „…“": the title is no one's
                # words, and the outlet it names is in this quotation's region.
                intro = attrs.evolve(intro, region_start=first_sentence.start)
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
            if (
                gap.count("\n") <= 2
                and len(gap) < 400
                and carries_across(gap, self.lexicon)
                and not self._has_person_between(gap)
            ):
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
            phrase = self.subjects.subject_after(window, cue.first_token + 1, len(window), cue)
            if phrase is None and cue.side == "verb":
                return None
            return self._found(window, cue, phrase, 0.9, q.quote.end)
        if window[0].text.lower() == "wie" and cue.kind == "verb":
            phrase = self.phrases.parse(window, 1, cue.first_token)
            if phrase is not None:
                return self._found(window, cue, phrase, 0.85, q.quote.end)
        if cue.side == "context" and cue.first_token <= 1:
            phrase = self.subjects.subject_after(window, cue.last_token + 1, len(window), cue)
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
        # Headline style: "Merz: „…“", "Koppelin wörtlich:", "Zitat von Schröder:"; not a
        # quoted term ("Zur so genannten „Reichensteuer“:").
        if len(body) <= 5 and not self._holds_a_term(body):
            words = [t.text.lower() for t in body]
            first = 2 if tuple(words[:2]) in self.words.headline_openers else 0
            last = len(body) - 1 - (words[-1] in self.words.intro_tails)
            phrase = self.phrases.parse(body, first, last + 1)
            if phrase is not None and phrase.last == last:
                return _Found(phrase, None, 0.8, start, (body[0].start, tokens[-1].end))
        first_field = clause_start(body, len(body))
        cues = self.cues.find_in_tokens(text, body)
        verb_cues = [c for c in cues if c.kind == "verb"]
        context = [c for c in cues if c.side == "context"]
        frame = (body[0].start, tokens[-1].end)
        if context and not verb_cues:
            phrase = self.phrases.source_of(body, context[-1])
            if phrase is None:
                # "X versuchte mit den Worten zu beruhigen: „…“": no source after the
                # phrase; the intro's subject speaks.
                verb = self.subjects.finite_verb(body, 0)
                if verb is not None and verb < context[-1].first_token:
                    phrase = self.subjects.subject(body, verb, None)
                else:
                    # The finite verb may look like an adjective ("versuchte"): a noun
                    # phrase in the nominative that opens the intro is its subject.
                    phrase = self.phrases.parse(body, 0, context[-1].first_token)
                    if phrase is not None and (
                        phrase.mention.determiner in self.lexicon.determiners_oblique
                        or phrase.last + 1 >= context[-1].first_token
                    ):
                        phrase = None
            return _Found(phrase, context[-1], 0.75, start, frame)
        if verb_cues:
            cue = verb_cues[0] if verb_cues[0].first_token < 3 else verb_cues[-1]
            phrase = self.subjects.subject(body, cue.first_token, cue)
            return self._found(body, cue, phrase, 0.85, start, frame)
        # No cue word: the intro's subject speaks ("Trump schloss … aus:"); its finite
        # verb and closing particle are the cue.
        verb = self.subjects.finite_verb(body, first_field)
        if verb is None:
            return None
        phrase = self.subjects.subject(body, verb, None)
        if phrase is None and body[verb].text.lower() not in self.words.written_cue_words:
            return None
        # "Auf dem Schild stand: „…“": words that stand written have no speaker; the
        # verb is their cue all the same (its medium is Writing).
        parts = [Span(body[verb].start, body[verb].end, body[verb].text)]
        last = body[-1]
        if last.text in self.lexicon.particles and len(body) - 1 > verb:
            parts.append(Span(last.start, last.end, last.text))
        cue = CueMatch(tuple(parts), body[verb].text, "verb", None, "verb", verb, verb)
        return _Found(phrase, cue, 0.7, start, frame)

    def _holds_a_term(self, body: Sequence[Token]) -> bool:
        """Whether a term marker stands right before a quotation mark in ``body``."""
        for k, token in enumerate(body):
            if k and token.text in ("„", "»", '"'):
                before = " ".join(t.text for t in body[max(0, k - 2) : k]).lower()
                if any(m in before for m in self.words.term_markers):
                    return True
        return False

    def _in_sentence(self, doc: Document, start: int, end: int, q: Quoted) -> _Found | None:
        text = doc.text
        outside = doc.tokens_outside(start, end, q.quote.start, q.quote.end)
        found_cues = self.cues.find_in_tokens(text, outside)
        cues = [c for c in found_cues if c.side != "context"]
        if not cues:
            return self._context_before(doc, outside, found_cues, q)
        # The cue nearest to the quote, preferring one before it.
        before = [c for c in cues if outside[c.first_token].end <= q.quote.start]
        cue = before[-1] if before else cues[0]
        if cue.side == "after":
            phrase = self.phrases.parse(outside, cue.last_token + 1, len(outside), oblique=True)
        elif cue.side == "before":
            phrase = self.phrases.ending_at(outside, cue.first_token)
        else:
            phrase = self.subjects.subject(outside, cue.first_token, cue)
        if phrase is None:
            return None
        frame = (outside[0].start, _clause_frame_end(outside, cue, phrase, q))
        first: int | None = outside[0].start
        if outside[0].end > q.quote.start:  # none before the quote: the quote's first token
            first = doc.first_token_start(start, end)
        assert first is not None  # there are tokens
        return self._found(outside, cue, phrase, 0.75, first, frame)

    def _context_before(
        self, doc: Document, outside: Sequence[Token], cues: Sequence[CueMatch], q: Quoted
    ) -> _Found | None:
        """ "Mit den Worten „…“ wandte er sich an …": a context cue right before the opener
        and the clause's finite verb right after the closer; its subject speaks."""
        text = doc.text
        for cue in cues:
            last = outside[cue.last_token]
            if last.end <= q.quote.start and not text[last.end : q.quote.start].strip():
                break
        else:
            return None
        if cue.first_token == 0:
            # The cue and the quote are the first field: the finite verb follows the
            # closer, then the subject.
            after = next((k for k, t in enumerate(outside) if t.start >= q.quote.end), None)
            if after is not None and outside[after].text == ",":
                after += 1
            if after is None or after >= len(outside):
                return None
            word = outside[after].text
            if not (word.isalpha() and word.islower()):
                return None
            phrase = self.subjects.subject_after(outside, after + 1, len(outside), None)
        else:
            # "Sie eröffnete die Sitzung mit den Worten „…“": the clause's own subject.
            verb = self.subjects.finite_verb(outside, 0)
            if verb is None or verb >= cue.first_token:
                return None
            phrase = self.subjects.subject(outside, verb, None)
        if phrase is None:
            return None
        frame = (outside[0].start, outside[-1].end)
        return self._found(outside, cue, phrase, 0.75, outside[0].start, frame)

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
        phrase = self.subjects.subject_after(tokens, cue.first_token + 1, len(tokens), cue)
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
        phrase = self.subjects.subject(tokens, cue.first_token, cue)
        if phrase is None:
            return None
        return self._found(tokens, cue, phrase, 0.55, before.start, (before.start, before.end))

    # -- results ----------------------------------------------------------------------
    def _found(
        self,
        tokens: Sequence[Token],
        cue: CueMatch,
        phrase: NounPhrase | None,
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
        self, doc: Document, phrase: NounPhrase | None
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
# Codes of records.recategorized: one more than the category's code.
_TO_TERM = CATEGORIES.index("term") + 1
_TO_SPEECH = CATEGORIES.index("speech") + 1


def _clause_frame_end(
    outside: Sequence[Token], cue: CueMatch, phrase: NounPhrase, q: Quoted
) -> int:
    """Where the frame of a partial quote ends: after the cue's clause and its comma where
    a reported clause follows before the quote ("Der Mann habe darin geschrieben, | er
    müsse „…“ nehmen": the reported clause is the quote's context, not its frame), else
    at the window's end."""
    last = max(cue.last_token, phrase.last)
    if outside[last].end > q.quote.start:
        return outside[-1].end
    comma = last + 1
    if (
        comma + 1 < len(outside)
        and outside[comma].text == ","
        and outside[comma + 1].end <= q.quote.start
    ):
        return outside[comma].end
    return outside[-1].end


def _neighbours(
    quoted: Sequence[Quoted], indices: Sequence[int]
) -> Iterator[tuple[int, Quoted | None, Quoted, Quoted | None]]:
    """``(index, previous, quote, next)`` for the quotes at ``indices``: each record read
    once (a long output makes its records as they are read), so a quote is the same object
    as ``previous`` when it comes round again."""
    if not indices:
        return
    previous: Quoted | None = None
    current = quoted[indices[0]]
    for position, index in enumerate(indices):
        following = quoted[indices[position + 1]] if position + 1 < len(indices) else None
        yield index, previous, current, following
        if following is None:
            return
        previous, current = current, following


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
