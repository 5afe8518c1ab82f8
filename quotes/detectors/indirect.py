"""Indirect, reported and free indirect speech, read off a parse.

One pass over the sentences of the Document finds, per sentence, the candidates a cue
licenses, keeps the best ones that do not overlap, and then a second walk in text order
turns them into :class:`~quotes.pipeline.speakers.Frame` records, resolving speakers as it
goes and carrying speech on into following Konjunktiv sentences.

What counts as what follows the Wikinews quotation corpus (Petersen-Frey & Biemann 2024):

* **indirect**: a content clause after (or before) a cue: "Der Minister sagte, | er sei
  überzeugt …", "Laut Polizei | wurde niemand verletzt", "…, | so der Sprecher". The quote
  is the content clause without the final full stop; the frame is the rest of the sentence
  (the reporting clause, with its comma); the cue the verb with its particle and auxiliaries
  ("hat … angekündigt", "teilte … mit"), the preposition ("laut", "zufolge", "nach"), "so"
  or "wie … mitteilte"; the speaker the cue verb's subject (the agent in the passive) or the
  preposition's noun phrase ("nach Angaben der Polizei" → "Angaben der Polizei").
* **reported**: a speech act with an object and no content clause ("Die Opposition
  kritisierte den Plan."). The corpus marks the whole sentence as the quote, with a speaker
  and no cue or frame.
* **indirect_free_indirect**: Konjunktiv sentences that go on with what the speaker of the
  speech before said, without a cue of their own; consecutive ones form one quote. The
  speaker is the mention the speech before had. A Konjunktiv I sentence with no speech
  shortly before is taken as the same (speech whose cue was missed; ``[continuation]``
  in the rules says what to do with it).
* **free_indirect**: hearsay "sollen" with a perfect infinitive ("Er soll geholfen
  haben"), a claim with no cue and no Konjunktiv; whole sentence, no cue.
* **direct** quotations come from the rules pipeline: their marks are never cues or
  subjects here, content that is all quotation is theirs, and a partly quoted content
  ("er sei „sehr zufrieden“") stays indirect speech with the direct quote nested inside.

The corpus cuts a quote around a frame in its middle ("Ein Tatverdacht bestehe | nach
Angaben der Bundesanwaltschaft | nicht mehr") into two parts; an Attribution has one quote
span, so such quotes include the frame.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from quotes.detectors.lexicon import DetectorRules, VerbEntry
from quotes.detectors.syntax import (
    Clause,
    SentenceView,
    mention_of,
    noun_phrase_after,
    noun_phrase_before,
    phrase_range,
    trim,
)
from quotes.document import Document
from quotes.parse import ParsedDoc, ParsedToken
from quotes.pipeline.cues import CueLexicon
from quotes.pipeline.entities import EntityResolver, Lexicon
from quotes.pipeline.speakers import Frame
from quotes.records import Cue, Kind, Span, Speaker
from quotes.rules import RuleData, compiled

__all__ = ["IndirectDetector", "detect"]

TokenRange = tuple[int, int]

# How far (in tokens) a verb's particle may follow it; clause scans read at most three times
# this many tokens.
_REACH: Final = 25
_PARTICLE_TAGS: Final = frozenset({"PTKVZ"})
_SEPARABLE: Final = frozenset(
    {
        "ab", "an", "auf", "aus", "bei", "dar", "ein", "fest", "fort", "her", "heraus", "hervor",
        "hin", "hinzu", "klar", "los", "mit", "nach", "vor", "weg", "weiter", "zu", "zurück",
        "zusammen", "bekannt", "kund", "offen", "vorbei", "entgegen", "zuvor", "nahe",
    }
)  # fmt: skip
_AGENT_CASES: Final = frozenset({"von", "vom", "durch"})
_ADDRESSEE_CASES: Final = frozenset({"gegenüber"})
_RELATIVE: Final = frozenset(
    {"der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welcher", "welche",
     "welches", "welchem", "welchen"}
)  # fmt: skip
_SUBJECT_UPOS: Final = frozenset({"NOUN", "PROPN", "PRON", "X"})
_WEAK_SUBJECTS: Final = frozenset({"es", "man", "das", "dies", "was", "wer"})
# Words tagged as separable particles that leave the verb as it is ("sagte weiter").
_NEUTRAL_PARTICLES: Final = frozenset({"weiter", "erneut", "dazu", "noch", "ebenfalls"})
# Words that open adverbial clauses but are prepositions too ("bis zur Wahl").
_AMBIGUOUS_OPENERS: Final = frozenset(
    {"bis", "seit", "während", "um", "ohne", "statt", "anstatt", "als", "da"}
)


@attrs.frozen
class _Candidate:
    """One attribution found in a sentence, in token terms, before speakers are resolved."""

    kind: Kind
    content: TokenRange
    cue: tuple[int, ...]
    frame: TokenRange | None
    speaker: TokenRange | None
    addressee: TokenRange | None
    medium: str | None
    confidence: float
    sentence: SentenceView
    #: The content is the sentence before and the first word of this one ("… . Das
    #: bestätigte der Sprecher."): the sentence before has no attribution of its own.
    absorbs_previous: bool = False
    #: The speaker mention is an anaphoric adverb ("Demnach"): its entity is the speaker
    #: of the speech before, not something the resolver can name from the word.
    speaker_points_back: bool = False


class IndirectDetector:
    """Finds indirect, reported and free indirect speech in a parsed document.

    Build it once (``from_rules``) and call :meth:`detect` per document; it holds no
    per-document state.
    """

    def __init__(self, rules: DetectorRules) -> None:
        self.rules = rules

    @classmethod
    def from_rules(cls, rules: RuleData, cues: CueLexicon) -> IndirectDetector:
        return cls(DetectorRules.from_rules(rules, cues))

    # -- the document -----------------------------------------------------------------------
    def detect(
        self,
        parsed: ParsedDoc,
        doc: Document,
        direct_frames: Sequence[Frame],
        resolver: EntityResolver,
    ) -> tuple[Frame, ...]:
        """Frames of the indirect, reported and free indirect speech in ``doc``.

        ``parsed`` must be a parse of ``doc.text``; ``direct_frames`` are the direct
        quotations already found (their quotes are never cues, and a candidate that is
        mostly a direct quote is left to it); ``resolver`` names the speakers.
        """
        if parsed.text != doc.text:
            raise ValueError("the parse is of another text than the document")
        if not len(parsed):
            return ()
        run = _Run(self.rules, parsed, doc, direct_frames, resolver.lexicon)
        candidates = [run.sentence_candidates(s) for s in run.sentences]
        for found in candidates:
            if found and found[0].absorbs_previous:
                candidates[found[0].sentence.index - 1] = []
        return run.frames(candidates, resolver)


def detect(
    parsed: ParsedDoc,
    doc: Document,
    direct_frames: Sequence[Frame],
    cues: CueLexicon,
    resolver: EntityResolver,
    rules: RuleData,
) -> tuple[Frame, ...]:
    """Frames of the indirect, reported and free indirect speech in ``doc``.

    A convenience over :class:`IndirectDetector`: the detector is compiled once per rule
    set and kept with it (:meth:`quotes.rules.Rules.compiled`) when ``cues`` is the rules'
    own cue lexicon; other cues get a detector of their own.
    """
    ruled = compiled(rules, _rules_detector)
    if ruled[0] == cues:
        return ruled[1].detect(parsed, doc, direct_frames, resolver)
    return IndirectDetector.from_rules(rules, cues).detect(parsed, doc, direct_frames, resolver)


def _rules_detector(rules: RuleData) -> tuple[CueLexicon, IndirectDetector]:
    cues = compiled(rules, CueLexicon.from_rules)
    return cues, IndirectDetector.from_rules(rules, cues)


class _Run:
    """The work on one document."""

    def __init__(
        self,
        rules: DetectorRules,
        parsed: ParsedDoc,
        doc: Document,
        direct_frames: Sequence[Frame],
        lexicon: Lexicon,
    ) -> None:
        self.rules = rules
        self.lexicon = lexicon
        self.parsed = parsed
        self.doc = doc
        self.direct = sorted(direct_frames, key=lambda f: (f.quote.start, f.quote.end))
        starts = [t.start for t in parsed]
        self.sentences = _sentence_views(parsed, doc, starts)
        # Which tokens lie inside a direct quotation: never cues, subjects or Konjunktiv.
        self.in_direct = [False] * len(parsed)
        for frame in self.direct:
            first = bisect.bisect_left(starts, frame.quote.start)
            last = bisect.bisect_left(starts, frame.quote.end)
            for i in range(first, last):
                self.in_direct[i] = True
        self.direct_starts = [f.quote.start for f in self.direct]
        self._addressee_words = [
            i for i, t in enumerate(parsed) if t.text.lower() in _ADDRESSEE_CASES
        ]
        self._cuts: dict[int, list[int]] = {}

    # -- candidates of one sentence -----------------------------------------------------------
    def sentence_candidates(self, s: SentenceView) -> list[_Candidate]:
        back = self._back_reference(s)
        if back is not None:
            return [back]
        found: list[_Candidate] = []
        for i in range(s.first, s.end):
            if self.in_direct[i]:
                continue
            token = self.parsed[i]
            low = token.text.lower()
            if low in self.rules.source_prepositions or low in self.rules.source_postpositions:
                found.extend(self._source_preposition(s, i))
            elif low == "nach":
                found.extend(self._nach(s, i))
            elif low == "so" and i > s.first and self.parsed[i - 1].text == ",":
                found.extend(self._so(s, i))
            elif low in self.rules.source_adverbs or low in self.rules.source_adverbs_konjunktiv:
                found.extend(self._adverb(s, i))
            elif token.text in self.rules.reporting_nouns:
                found.extend(self._noun(s, i))
            elif (
                _is_verb(token)
                or token.tag.startswith("V")
                or token.text in self.rules.cue_forms
                or token.text in self.rules.irregular
            ):
                found.extend(self._verb(s, i))
        chosen = self._choose(s, found)
        if not chosen:
            reported = self._reported(s)
            if reported is not None:
                chosen = [reported]
        return chosen

    def _back_reference(self, s: SentenceView) -> _Candidate | None:
        """ "… . Das bestätigte ein Sprecher." / "Dies geht aus einer Mitteilung hervor.":
        the sentence before is the content (the corpus adds "Das" to it)."""
        parsed = self.parsed
        if s.index == 0 or s.end - s.first < 3:
            return None
        if parsed[s.first].text.lower() not in ("das", "dies", "dieses") or any(
            parsed[j].text == "," for j in range(s.first, s.content_end)
        ):
            return None
        previous = self.sentences[s.index - 1]
        if previous.paragraph != s.paragraph or self._mostly_direct(
            (previous.first, previous.content_end)
        ):
            return None
        verb = s.first + 1
        token = parsed[verb]
        if not (token.is_finite_verb or token.tag.endswith("FIN")):
            return None
        found = self._verb_entry(s, verb)
        if found is None or not (found[0].say or found[0].reported):
            return None
        entry, particle = found
        clause = Clause(s.first, s.content_end, None)
        if entry.needs and not self._has_needed_word(s, clause, entry):
            return None
        cue = (verb, particle) if particle is not None else (verb,)
        speaker = self._verb_speaker(s, verb, verb + 1, s.content_end, entry)
        if speaker is None and entry.lemma == "hervorgehen":
            # "Dies geht aus einer Mitteilung des Konzerns hervor": the source.
            for j in range(verb + 1, s.content_end - 1):
                if parsed[j].text.lower() == "aus":
                    speaker = noun_phrase_after(parsed, j + 1, s.content_end)
                    break
        return _Candidate(
            "indirect", (previous.first, s.first + 1), cue, (verb, s.content_end), speaker,
            None, self.rules.medium_of(entry.lemma), 0.7, s, absorbs_previous=True,
        )  # fmt: skip

    def _choose(self, s: SentenceView, found: list[_Candidate]) -> list[_Candidate]:
        chosen: list[_Candidate] = []
        for candidate in sorted(found, key=lambda c: (-c.confidence, c.content[0] - c.content[1])):
            if self._mostly_direct(candidate.content):
                continue
            if any(_overlaps(candidate.content, c.content) for c in chosen):
                continue
            if any(c.content[0] <= k < c.content[1] for c in chosen for k in candidate.cue):
                continue
            chosen.append(candidate)
        return sorted(chosen, key=lambda c: c.content)

    def _mostly_direct(self, content: TokenRange) -> bool:
        """Whether the content is a direct quotation (at most one word outside quotes).

        Content that is partly quoted ("er sei „sehr zufrieden“") stays indirect speech:
        the corpus marks the partial quote as a direct quote nested inside it.
        """
        first, end = content
        outside = 0
        for i in range(first, end):
            if not self.in_direct[i] and self.parsed[i].text[:1].isalnum():
                outside += 1
                if outside > 1:
                    return False
        return True

    # -- verbs ----------------------------------------------------------------------------
    def _verb(self, s: SentenceView, i: int) -> list[_Candidate]:
        found = self._verb_entry(s, i)
        if found is None:
            return []
        entry, particle = found
        parsed = self.parsed
        clause = s.clause_of(i)
        lead = parsed[clause.first].text.lower() if i == clause.first + 1 else ""
        # A parenthetical "…, so zeigen Studien, …" needs no "dass" after "zeigen".
        if entry.needs and lead != "so" and not self._has_needed_word(s, clause, entry):
            return []
        cue = [i]
        if particle is not None:
            cue.append(particle)
        cue.extend(self._auxiliaries(s, i, clause))
        cue.sort()
        cue_last = max(cue)
        verb = parsed[i]
        medium = self.rules.medium_of(entry.lemma)
        impersonal = entry.lemma in self.rules.impersonal
        # (A) "Wie X mitteilte, …" / "…, wie X mitteilte": the wie-clause is the frame.
        wie = self._wie_start(s, i)
        if wie is not None:
            frame_clause = Clause(wie, clause.end, s.clause_of(wie).boundary_before)
            content = _outside(s, frame_clause)
            if content is None:
                return []
            frame = _with_boundaries(s, frame_clause)
            speaker = self._subject_after_wie(s, wie, i, entry)
            return [
                _Candidate(
                    "indirect", content, (wie, *cue), frame, speaker,
                    self._addressee(s, i, entry, frame_clause), medium, 0.85, s,
                )
            ]  # fmt: skip
        # (B) The content comes first: "…, sagte X." (the verb opens its clause), "…, das
        # teilte X mit", "…, so schätzen die Forscher, …".
        if lead == "so":
            cue.insert(0, clause.first)
        if (
            clause.boundary_before is not None
            and parsed[clause.boundary_before].text == ","
            and (i == clause.first or lead in ("das", "dies", "so"))
            and (verb.is_finite_verb or verb.tag.endswith("FIN"))
            and (entry.say or entry.think)
        ):
            content = self._content_before(s, clause)
            if content is not None:
                frame_end = self._frame_end_after(s, clause)
                frame = (clause.boundary_before, frame_end)
                speaker = self._verb_speaker(s, i, i, frame_end, entry, after_only=True)
                if speaker is not None or impersonal:
                    return [
                        _Candidate(
                            "indirect", content, tuple(cue), frame, speaker,
                            self._addressee(s, i, entry, clause), medium, 0.8, s,
                        )
                    ]  # fmt: skip
        # (C) The content follows: "X sagte, (dass) …". A cue inside a subordinate clause
        # takes only a dass/ob/w-clause: "Nachdem er … erklärt hatte, | ging er" is not.
        subordinate = self._is_subordinate(clause)
        after = self._content_after(s, i, cue_last, entry, openers_only=subordinate)
        if after is not None:
            content, confidence = after
            frame = trim_frame(self.parsed, s.first, content[0])
            speaker = self._verb_speaker(s, i, s.first, content[0], entry)
            return [
                _Candidate(
                    "indirect", content, tuple(cue), frame, speaker,
                    self._addressee(s, i, entry, Clause(s.first, content[0], None)),
                    medium, confidence, s,
                )
            ]  # fmt: skip
        return []

    def _subject_after_wie(
        self, s: SentenceView, wie: int, verb: int, entry: VerbEntry
    ) -> TokenRange | None:
        """ "wie der Sprecher des Amtes, Max Muster, mitteilte": the phrase after "wie"
        with its apposition (the tree is often wrong inside such frames)."""
        if entry.lemma in self.rules.impersonal or self._is_passive(verb):
            return self._verb_speaker(s, verb, wie + 1, verb, entry)
        parsed = self.parsed
        phrase = noun_phrase_after(parsed, wie + 1, verb)
        if phrase is None:
            return self._verb_speaker(s, verb, wie + 1, verb, entry)
        end = phrase[1]
        if end + 1 < verb and parsed[end].text == ",":
            apposition = noun_phrase_after(parsed, end + 1, verb)
            if (
                apposition is not None
                and apposition[1] < verb
                and parsed[apposition[1]].text == ","
            ):
                end = apposition[1]
        return phrase[0], end

    def _wie_start(self, s: SentenceView, verb: int) -> int | None:
        """The "wie" that opens the verb-final clause of ``verb`` ("Wie X, Sprecher von Y,
        in Z mitteilte,"), looking back over commas of appositions; None if there is none."""
        parsed = self.parsed
        clause = s.clause_of(verb)
        # The verb must close its clause (verb-final), maybe followed by an auxiliary.
        for j in range(verb + 1, min(clause.end, s.content_end)):
            if parsed[j].upos not in ("AUX", "VERB") and parsed[j].tag != "PTKVZ":
                return None
        for j in range(verb - 1, max(s.first - 1, verb - 40), -1):
            token = parsed[j]
            if token.text.lower() == "wie" and (j == s.first or parsed[j - 1].text in (",", "(")):
                # No other finite verb between "wie" and the cue verb.
                if any(
                    parsed[k].is_finite_verb and parsed[k].upos != "AUX"
                    for k in range(j + 1, verb)
                    if k not in (verb,)
                ):
                    return None
                return j
            if token.text in (".", ";", ":") or (token.is_finite_verb and j < clause.first):
                return None
        return None

    def _verb_entry(self, s: SentenceView, i: int) -> tuple[VerbEntry, int | None] | None:
        """The lexicon entry of the verb at ``i`` and the index of its separated particle."""
        parsed = self.parsed
        token = parsed[i]
        if not token.text[:1].islower() and not (i == s.first and token.text[:1].isupper()):
            return None
        previous = parsed[i - 1] if i > s.first else None
        if token.tag in ("NN", "NE") or (
            previous is not None
            and not token.tag.endswith("FIN")
            and (previous.upos in ("DET", "ADP") or previous.tag in ("ADJA", "PPOSAT"))
        ):
            return None  # "die geforderte Summe", "zur angekündigten Zeit"
        verbs = self.rules.verbs
        particle = self._particle(s, i)
        lemma = token.lemma.lower() if token.lemma else ""
        lemmas = [lemma] if lemma in verbs or not lemma else []
        if not lemmas or (
            particle is not None and parsed[particle].text.lower() + lemma not in verbs
        ):
            lemmas += self.rules.lemma_guesses(token.text)
            if lemma and lemma not in lemmas:
                lemmas.append(lemma)
        if particle is not None:
            prefix = parsed[particle].text.lower()
            for candidate in [*lemmas, *self.rules.lemma_bases(token.text)]:
                if prefix + candidate in verbs:
                    return verbs[prefix + candidate], particle
        for cue_lemma, needed_particle in self.rules.cue_forms.get(token.text, ()):
            if needed_particle:
                if particle is not None and parsed[particle].text == needed_particle:
                    return verbs[cue_lemma], particle
                # "hat … klargemacht" / "klar … gemacht": the particle before the participle.
                if i > s.first and parsed[i - 1].text == needed_particle:
                    return verbs[cue_lemma], i - 1
        if particle is not None and parsed[particle].text.lower() not in _NEUTRAL_PARTICLES:
            # "forderte … an" is "anfordern", "rief … aus" is "ausrufen": a particle the
            # lexicon does not know with this verb makes another verb.
            return None
        for candidate in lemmas:
            if candidate in verbs and (
                _is_verb(token) or token.tag.startswith("V") or token.text in self.rules.irregular
            ):
                # "teilte" without "mit" is not "mitteilen"; the bare lemma is the verb.
                return verbs[candidate], None
        for cue_lemma, needed_particle in self.rules.cue_forms.get(token.text, ()):
            if not needed_particle and cue_lemma in verbs:
                return verbs[cue_lemma], None
        return None

    def _particle(self, s: SentenceView, i: int) -> int | None:
        parsed = self.parsed
        for child in parsed.children(i, "compound:prt"):
            if s.first <= child.i < s.end and child.i > i:
                return child.i
        token = parsed[i]
        if not token.is_finite_verb and token.tag not in ("VVFIN", ""):
            return None
        # The particle closes the verb's clause: "teilte das Ministerium am Montag mit".
        clause = s.clause_of(i)
        for j in range(i + 1, min(clause.end, i + 1 + _REACH)):
            candidate = parsed[j]
            if _is_verb(candidate) and candidate.is_finite_verb:
                break
            last_of_clause = j + 1 >= clause.end or not parsed[j + 1].text[:1].isalnum()
            if candidate.tag in _PARTICLE_TAGS or (candidate.text in _SEPARABLE and last_of_clause):
                return j
        return None

    def _auxiliaries(self, s: SentenceView, i: int, clause: Clause) -> list[int]:
        """Auxiliaries and modals of the cue verb in its clause ("hat … angekündigt")."""
        parsed = self.parsed
        found = []
        for child in parsed.children(i, "aux", "aux:pass"):
            if clause.first <= child.i < clause.end and child.text.lower() != "zu":
                found.append(child.i)
        return found

    def _has_needed_word(self, s: SentenceView, clause: Clause, entry: VerbEntry) -> bool:
        stop = clause.end
        # "geht davon aus, dass": the correlate may stand right after the comma too.
        if stop < s.end - 1:
            stop += 2
        for j in range(clause.first, min(stop, s.end, clause.first + _REACH * 3)):
            text = self.parsed[j].text
            if text in entry.needs or text.lower() in entry.needs:
                return True
        return False

    def _is_subordinate(self, clause: Clause) -> bool:
        opener = self.parsed[clause.first].text.lower()
        if self._is_adverbial(clause) or opener in self.rules.content_openers:
            return True
        return clause.boundary_before is not None and self._is_relative(
            clause, clause.boundary_before
        )

    def _content_after(
        self,
        s: SentenceView,
        verb: int,
        cue_last: int,
        entry: VerbEntry,
        *,
        openers_only: bool = False,
    ) -> tuple[TokenRange, float] | None:
        parsed = self.parsed
        skipped = 0
        for clause in s.clauses_after(cue_last):
            boundary = clause.boundary_before
            if boundary is None or boundary < cue_last:
                continue
            boundary_text = parsed[boundary].text
            if boundary_text not in (",", ":"):
                return None
            first = parsed[clause.first]
            word = first.text.lower()
            if first.text in ("„", "»", "«", '"'):
                return None  # a direct quotation: the rules pipeline has it
            if self._is_adverbial(clause) or self._is_relative(clause, boundary):
                skipped += 1
                if skipped > 2:
                    return None
                continue
            if openers_only and word not in self.rules.content_openers:
                return None
            kind = self._content_kind(s, clause, verb, entry)
            if kind is None:
                return None
            end = self._content_end(s, clause)
            first_index = clause.first
            return (first_index, end), kind
        return None

    def _content_kind(
        self, s: SentenceView, clause: Clause, verb: int, entry: VerbEntry
    ) -> float | None:
        """The confidence that ``clause`` is the content of the verb, or None."""
        parsed = self.parsed
        word = parsed[clause.first].text.lower()
        if word in self.rules.content_openers:
            if word in ("wie", "was", "wer", "wo", "wann", "warum") and not (
                entry.say or entry.think
            ):
                return None
            return 0.9 if word in ("dass", "daß", "ob") else 0.75
        if self._is_zu_infinitive(clause):
            return 0.8 if entry.infinitive else None
        finite = self._finite_in(clause)
        if finite is None:
            # "meldet, Giuliana Sgrena, die … befunden hatte, habe …": a subject with a
            # relative clause before the content's own verb.
            if any(parsed[j].is_verb for j in range(clause.first, _capped(clause))):
                return None
            for later in s.clauses_after(clause.first):
                if later.boundary_before is not None and self._is_relative(
                    later, later.boundary_before
                ):
                    continue
                later_finite = self._finite_in(later)
                if later_finite is not None and (
                    self.rules.konjunktiv.strength(parsed, parsed[later_finite]) == "strong"
                ):
                    return 0.8
                return None
            return None
        strength = self.rules.konjunktiv.strength(parsed, parsed[finite])
        linked = self._linked(verb, clause)
        if strength == "strong":
            return 0.9
        if entry.think and not linked and strength != "weak":
            return None
        if strength == "weak":
            return 0.75
        if entry.say and (linked or finite - clause.first <= 3):
            return 0.6
        return None

    def _linked(self, verb: int, clause: Clause) -> bool:
        """Whether the parse makes something in ``clause`` a clausal dependent of ``verb``."""
        for child in self.parsed.children(verb, "ccomp", "parataxis", "xcomp"):
            if clause.first <= child.i < clause.end:
                return True
        return False

    def _finite_in(self, clause: Clause) -> int | None:
        parsed = self.parsed
        end = _capped(clause)
        for j in range(clause.first, end):
            token = parsed[j]
            if token.is_finite_verb and not self.in_direct[j]:
                return j
        for j in range(clause.first, end):
            token = parsed[j]
            if (
                token.text.lower() in self.rules.konjunktiv.unambiguous
                or token.text.lower() in self.rules.konjunktiv.third_singular
            ):
                return j
        return None

    def _is_zu_infinitive(self, clause: Clause) -> bool:
        parsed = self.parsed
        for j in range(clause.first, _capped(clause)):
            token = parsed[j]
            if token.is_finite_verb and token.upos in ("VERB", "AUX") and not self.in_direct[j]:
                return False
            if token.tag == "VVIZU" or (
                token.tag.startswith("V") and self._zu_infix(token.text.lower())
            ):
                return True
            if token.text == "zu" and j + 1 < clause.end and _is_verb(parsed[j + 1]):
                nxt = parsed[j + 1]
                if nxt.morph.verbform == "Inf" or nxt.tag.endswith("INF"):
                    return True
        return False

    def _zu_infix(self, word: str) -> bool:
        """ "niederzulegen", "aufzunehmen": a separable particle, "zu", an infinitive."""
        return word.endswith("en") and any(
            word.startswith(p + "zu") and len(word) > len(p) + 5 for p in self.rules.particles
        )

    def _is_relative(self, clause: Clause, boundary: int) -> bool:
        """A relative clause on the noun before the comma ("die Regierung, die …")."""
        parsed = self.parsed
        if self._is_zu_infinitive(clause):
            return False  # "…, der Klage stattzugeben": an infinitive, whatever opens it
        first = parsed[clause.first]
        word = first.text.lower()
        nxt = parsed[clause.first + 1] if clause.first + 1 < clause.end else None
        if (
            word in _RELATIVE
            and nxt is not None
            and (nxt.text[:1].isupper() or nxt.upos in ("ADJ", "NUM") or nxt.tag == "ADJA")
        ):
            # "…, die Gespräche seien …": an article before a noun opens a main clause.
            return word in ("deren", "dessen")
        if first.tag in ("PRELS", "PRELAT"):
            return True
        if word not in _RELATIVE:
            # "…, mit dem …", "…, in der …": a preposition and a relative pronoun.
            if first.upos == "ADP" and nxt is not None:
                after = parsed[clause.first + 2] if clause.first + 2 < clause.end else None
                return nxt.text.lower() in _RELATIVE and (
                    after is None or not after.text[:1].isupper()
                )
            return False
        before = parsed[boundary - 1] if boundary > 0 else None
        return before is not None and (
            before.upos in ("NOUN", "PROPN", "PRON") or before.text[:1].isupper()
        )

    def _is_adverbial(self, clause: Clause) -> bool:
        """A clause opened by a subordinating conjunction that does not open content
        ("als", "weil", "nachdem"); "bis", "seit", "um" only when tagged as conjunctions."""
        token = self.parsed[clause.first]
        word = token.text.lower()
        if word not in self.rules.adverbial_openers:
            return False
        if word == "so":  # "so dass" / "sodass"; "So sei …" opens a main clause
            nxt = self.parsed[clause.first + 1] if clause.first + 1 < clause.end else None
            return nxt is not None and nxt.text.lower() in ("dass", "daß")
        if word in _AMBIGUOUS_OPENERS:
            # "Als Begründung gab er an" is no clause; "als er ankam" is.
            if token.upos == "SCONJ" or token.tag in ("KOUS", "KOUI"):
                return True
            if word == "als" and token.tag in ("KOKOM", "APPR"):
                return False
            nxt = self.parsed[clause.first + 1] if clause.first + 1 < clause.end else None
            return (
                word in ("als", "da")
                and nxt is not None
                and (nxt.upos in ("PRON", "DET") and not nxt.text[:1].isupper())
            )
        return True

    def _content_end(self, s: SentenceView, clause: Clause) -> int:
        """Where content that starts in ``clause`` ends: the sentence's end, or before a
        clause that goes back to the frame's subject ("…, und weigerte sich …", "…,
        erkannte die Autorität … nicht an", "… und fügte hinzu: …")."""
        cuts = self._cuts.get(s.index)
        if cuts is None:
            cuts = self._cut_points(s)
            self._cuts[s.index] = cuts
        # The first cut after the clause's first word (found once per sentence: a long
        # sentence with many cues is not scanned once per cue).
        k = bisect.bisect_right(cuts, clause.first)
        return cuts[k] if k < len(cuts) else s.content_end

    def _cut_points(self, s: SentenceView) -> list[int]:
        parsed = self.parsed
        cuts: list[int] = []
        # "…, Europa brauche die Engländer und fügte hinzu": a coordinated verb of saying,
        # or a verb in the indicative past, goes back to the frame's subject.
        for j in range(s.first + 1, s.content_end - 1):
            if parsed[j].text.lower() not in ("und", "sowie") or self.in_direct[j]:
                continue
            verb = parsed[j + 1]
            if not verb.is_finite_verb or not verb.text[:1].islower():
                continue
            if self.rules.konjunktiv.strength(parsed, verb):
                continue
            if verb.morph.tense == "Past" or self._verb_entry(s, verb.i) is not None:
                cuts.append(j)
        for later in s.clauses:
            if later.boundary_before is None or parsed[later.boundary_before].text != ",":
                continue
            first = parsed[later.first]
            verb = first
            if first.text.lower() in self.rules.coordinators and later.first + 1 < later.end:
                verb = parsed[later.first + 1]
            if (
                verb.is_finite_verb
                and verb.text[:1].islower()
                and self.rules.konjunktiv.strength(parsed, verb) == ""
                and not self.in_direct[verb.i]
            ):
                cuts.append(later.boundary_before)
        return sorted(set(cuts))

    def _content_before(self, s: SentenceView, clause: Clause) -> TokenRange | None:
        """The content before a "…, sagte X" frame: the sentence up to its comma.

        It must hold a main clause with a finite verb, and the clause right before the
        comma must not be a relative or adverbial clause (then the verb is the main
        clause's own: "Primus, der … verantwortlich ist, wies … zurück").
        """
        assert clause.boundary_before is not None
        parsed = self.parsed
        first, end = trim(parsed, s.first, clause.boundary_before)
        if end <= first or parsed[first].text in ("„", "»"):
            return None
        before = [c for c in s.clauses if c.end <= clause.boundary_before and c.first >= first]
        if not before:
            return None
        last = before[-1]
        opener = parsed[last.first].text.lower()
        if last.boundary_before is not None and (
            self._is_relative(last, last.boundary_before)
            or self._is_adverbial(last)
            or opener in self.rules.content_openers
        ):
            return None
        if not any(self._is_main(c) and self._finite_in(c) is not None for c in before):
            return None
        return first, end

    def _is_main(self, clause: Clause) -> bool:
        opener = self.parsed[clause.first].text.lower()
        if self._is_adverbial(clause) or opener in self.rules.content_openers:
            return False
        return clause.boundary_before is None or not self._is_relative(
            clause, clause.boundary_before
        )

    def _frame_end_after(self, s: SentenceView, clause: Clause) -> int:
        """The end of a frame that follows its content: the sentence's end unless more
        content follows after a comma ("…, sagte er, …")."""
        return s.content_end if clause.end >= s.content_end else clause.end

    # -- speakers and addressees --------------------------------------------------------------
    def _verb_speaker(
        self,
        s: SentenceView,
        verb: int,
        lo: int,
        hi: int,
        entry: VerbEntry,
        *,
        after_only: bool = False,
    ) -> TokenRange | None:
        parsed = self.parsed
        token = parsed[verb]
        if entry.lemma in self.rules.impersonal:
            # "In der Mitteilung des WWF heißt es": the document is the source.
            for child in parsed.children(verb, "obl"):
                cases = [c.text.lower() for c in parsed.children(child.i, "case")]
                if lo <= child.i < hi and any(c in ("in", "im", "aus") for c in cases):
                    return self._phrase(child.i, lo, hi)
            return None
        if self._is_passive(verb):
            for child in parsed.children(verb, "obl"):
                if not lo <= child.i < hi:
                    continue
                cases = [c.text.lower() for c in parsed.children(child.i, "case")]
                if child.dep == "obl:agent" or any(c in _AGENT_CASES for c in cases):
                    return self._phrase(child.i, lo, hi)
            # Surface: "von X" between the auxiliary and the participle.
            for j in range(lo, hi):
                if parsed[j].text.lower() in _AGENT_CASES and j + 1 < hi:
                    phrase = noun_phrase_after(parsed, j + 1, hi)
                    if phrase is not None:
                        return phrase
            return None
        for child in parsed.children(verb, "nsubj"):
            if not lo <= child.i < hi or self.in_direct[child.i]:
                continue
            if child.text.lower() in _RELATIVE and token.dep in ("acl", "acl:relcl"):
                antecedent = parsed[token.head]
                if s.first <= antecedent.i < hi and not after_only:
                    return self._phrase(antecedent.i, s.first, hi)
            if child.text.lower() in _WEAK_SUBJECTS:
                return None
            return self._phrase(child.i, lo, hi)
        # A coordinated verb shares the subject: "X kam und sagte, …".
        if token.dep == "conj" and not after_only:
            head = parsed[token.head]
            for child in parsed.children(head.i, "nsubj"):
                if s.first <= child.i < hi and child.text.lower() not in _WEAK_SUBJECTS:
                    return self._phrase(child.i, s.first, hi)
        return self._surface_subject(s, verb, lo, hi, after_only=after_only)

    def _is_passive(self, verb: int) -> bool:
        parsed = self.parsed
        if parsed.children(verb, "aux:pass") or parsed.children(verb, "nsubj:pass"):
            return True
        token = parsed[verb]
        if token.morph.verbform == "Part" or token.tag == "VVPP":
            for child in parsed.children(verb, "aux"):
                if child.lemma == "werden" or child.text.lower().startswith(
                    ("wurde", "wird", "werde")
                ):
                    return True
        return False

    def _surface_subject(
        self, s: SentenceView, verb: int, lo: int, hi: int, *, after_only: bool = False
    ) -> TokenRange | None:
        """A nominative noun phrase of the verb's clause, nearest the verb, when the
        tree gives no subject. ``after_only``: right after the verb ("…, sagte er")."""
        parsed = self.parsed
        clause = s.clause_of(verb)
        regions = [(max(lo, clause.first), min(hi, clause.end))]
        if after_only:
            regions = [(verb + 1, min(hi, clause.end, verb + 6))]
        elif verb == clause.first and clause.boundary_before is not None:
            # "Deiss, der sich … entschlossen hatte, sagte …": the subject opens the sentence.
            first_clause = s.clauses[0]
            if parsed[first_clause.first].text.lower() not in self.rules.adverbial_openers:
                regions.append((max(lo, first_clause.first), min(hi, first_clause.end)))
        for start, end in regions:
            best = self._nominative_nearest(verb, start, end)
            if best is not None:
                return self._phrase(best, start, end)
        return None

    def _nominative_nearest(self, verb: int, start: int, end: int) -> int | None:
        parsed = self.parsed
        best: int | None = None
        for j in range(start, end):
            token = parsed[j]
            if self.in_direct[j] or token.upos not in _SUBJECT_UPOS:
                continue
            if token.text in self.rules.not_speakers or token.text.lower() in _WEAK_SUBJECTS:
                continue
            case = token.morph.case
            if case and case != "Nom":
                continue
            if parsed.children(j, "case") or token.dep in (
                "nmod",
                "nmod:poss",
                "flat",
                "flat:name",
                "appos",
                "det",
                "compound",
            ):
                continue
            if token.upos == "PRON" and token.text.lower() not in self.rules.pronouns:
                continue
            if j > start and parsed[j - 1].upos == "ADP":
                continue
            if best is None or abs(j - verb) < abs(best - verb):
                best = j
        return best

    def _phrase(self, head: int, lo: int, hi: int) -> TokenRange | None:
        first, end = phrase_range(self.parsed, head, lo, hi)
        if end <= first:
            return None
        return first, end

    def _addressee(
        self, s: SentenceView, verb: int, entry: VerbEntry, clause: Clause
    ) -> TokenRange | None:
        parsed = self.parsed
        lo, hi = clause.first, clause.end
        for child in parsed.children(verb):
            if not lo <= child.i < hi or self.in_direct[child.i]:
                continue
            cases = [c.text.lower() for c in parsed.children(child.i, "case")]
            if child.dep_base == "obl" and any(c in _ADDRESSEE_CASES for c in cases):
                return self._phrase(child.i, lo, hi)
            if child.dep == "iobj":
                return self._phrase(child.i, lo, hi)
            if (
                entry.addressee_object
                and (child.dep == "obj" or (child.dep == "nsubj:pass"))
                and child.upos in _SUBJECT_UPOS
            ):
                return self._phrase(child.i, lo, hi)
            if child.dep == "obj" and child.morph.case == "Dat" and child.upos in _SUBJECT_UPOS:
                return self._phrase(child.i, lo, hi)
        # Surface: "gegenüber der Zeitung". The positions of such words are indexed once
        # per document: scanning the clause once per verb is quadratic in a long clause.
        at = self._addressee_words
        for k in range(bisect.bisect_left(at, lo), len(at)):
            j = at[k]
            if j + 1 >= hi:
                break
            phrase = noun_phrase_after(parsed, j + 1, hi)
            if phrase is not None:
                return phrase
        return None

    # -- prepositions, "so", adverbs and nouns ---------------------------------------------
    def _source_preposition(self, s: SentenceView, i: int) -> list[_Candidate]:
        parsed = self.parsed
        token = parsed[i]
        clause = s.clause_of(i)
        low = token.text.lower()
        if low in self.rules.source_postpositions:
            phrase = noun_phrase_before(parsed, i, clause.first)
            if phrase is None:
                head = token.head if token.dep == "case" and token.head < i else None
                if head is not None and clause.first <= head:
                    phrase = phrase_range(parsed, head, clause.first, i)
                    if phrase[1] != i:
                        phrase = None
            if phrase is None:
                return []
            frame = (phrase[0], i + 1)
        else:
            # "laut" the adverb ("laut rufen") is lower case before a verb: not a cue.
            if i + 1 >= clause.end:
                return []
            nxt = parsed[i + 1]
            if not (nxt.text[:1].isupper() or nxt.upos in ("DET", "PRON", "ADJ", "NUM")):
                return []
            # The surface reading first: the tree often hangs the clause's words on the
            # source ("laut Behördenangaben 7.000 Menschen").
            phrase = noun_phrase_after(parsed, i + 1, clause.end)
            if phrase is None:
                head = token.head if token.dep == "case" and token.head > i else None
                if head is not None and head < clause.end:
                    phrase = phrase_range(parsed, head, i + 1, clause.end)
                    if phrase[0] != i + 1 or phrase[1] <= phrase[0]:
                        phrase = None
            if phrase is None:
                return []
            frame = (i, phrase[1])
        return self._source_candidate(s, i, frame, phrase)

    def _source_candidate(
        self, s: SentenceView, i: int, frame: TokenRange, phrase: TokenRange
    ) -> list[_Candidate]:
        """The indirect quotation around a source phrase ("laut X", "nach Angaben X")."""
        content = self._content_around(s, frame)
        if content is None:
            return []
        return [
            _Candidate(
                "indirect", content, (i,), frame, phrase, None,
                self.rules.default_source_medium, 0.8, s,
            )
        ]  # fmt: skip

    def _nach(self, s: SentenceView, i: int) -> list[_Candidate]:
        """ "nach Angaben der Polizei", "seiner Meinung nach"."""
        parsed = self.parsed
        clause = s.clause_of(i)
        j = i + 1
        while j < clause.end and (parsed[j].upos in ("ADJ", "DET") or parsed[j].tag == "ADJA"):
            j += 1
        phrase: TokenRange | None = None
        if j < clause.end and self.rules.is_nach_noun(parsed[j].text):
            phrase = noun_phrase_after(parsed, i + 1, clause.end)
            if phrase is not None:
                end = phrase[1]
                # "nach Angaben von X" / "nach Angaben aus Regierungskreisen".
                if end < clause.end and parsed[end].text.lower() in ("von", "vom", "aus"):
                    more = noun_phrase_after(parsed, end + 1, clause.end)
                    if more is not None:
                        end = more[1]
                phrase = (phrase[0], end)
                frame = (i, phrase[1])
        elif i > clause.first and self.rules.is_nach_noun(parsed[i - 1].text):
            # A postposition: "Seiner Meinung nach hätte …".
            phrase = noun_phrase_before(parsed, i, clause.first)
            if phrase is None:
                return []
            frame = (phrase[0], i + 1)
        if phrase is None:
            return []
        return self._source_candidate(s, i, frame, phrase)

    def _so(self, s: SentenceView, i: int) -> list[_Candidate]:
        """ "…, so der Sprecher." — "so" after a comma, a noun phrase, no finite verb."""
        parsed = self.parsed
        if i + 1 >= s.content_end:
            return []
        nxt = parsed[i + 1]
        if not (
            nxt.text[:1].isupper() or nxt.text.lower() in self.rules.pronouns or nxt.upos == "DET"
        ):
            return []
        if nxt.upos in ("VERB", "AUX", "ADV", "SCONJ", "CCONJ"):
            return []
        # The frame runs to the sentence's end, or to a comma after which the content
        # goes on with a finite verb: "Sein Rivale, so Obama weiter, würde …".
        frame_end = s.content_end
        for later in s.clauses_after(i):
            if later.boundary_before is not None and self._finite_in(later) is not None:
                frame_end = later.boundary_before
                break
        for j in range(i + 1, frame_end):
            if parsed[j].is_finite_verb and not self.in_direct[j]:
                return []
        phrase = self._so_speaker(s, i, frame_end)
        if phrase is None:
            return []
        if frame_end < s.content_end:
            frame = (i - 1, frame_end + 1)
            content = trim(parsed, s.first, s.content_end)
        else:
            frame = (i - 1, s.content_end)
            content = trim(parsed, s.first, i - 1)
        if content[1] <= content[0]:
            return []
        return [
            _Candidate(
                "indirect", content, (i,), frame, phrase, None,
                self.rules.default_source_medium, 0.85, s,
            )
        ]  # fmt: skip

    def _so_speaker(self, s: SentenceView, i: int, end: int) -> TokenRange | None:
        parsed = self.parsed
        for j in range(i + 1, end):
            token = parsed[j]
            if token.upos in ("NOUN", "PROPN", "PRON") or token.text[:1].isupper():
                if token.upos == "DET":
                    continue
                # The head of the phrase: climb while the head stays inside the frame.
                head = j
                for _ in range(4):
                    up = parsed[head].head
                    if (
                        up == head
                        or not i < up < end
                        or parsed[head].dep
                        not in (
                            "flat",
                            "flat:name",
                            "compound",
                            "appos",
                        )
                    ):
                        break
                    head = up
                first, last = phrase_range(parsed, head, i + 1, end)
                if last > first:
                    return first, last
                return noun_phrase_after(parsed, i + 1, end)
        return None

    def _adverb(self, s: SentenceView, i: int) -> list[_Candidate]:
        """ "Demnach hat …" (and "Danach sei …" with a Konjunktiv)."""
        parsed = self.parsed
        low = parsed[i].text.lower()
        clause = s.clause_of(i)
        if low in self.rules.source_adverbs_konjunktiv:
            finite = self._finite_in(clause)
            if finite is None or self.rules.konjunktiv.strength(parsed, parsed[finite]) != "strong":
                return []
        if parsed[i].upos not in ("ADV", "") and parsed[i].tag not in ("PAV", "PROAV", "ADV"):
            return []
        frame = (i, i + 1)
        content = self._content_around(s, frame)
        if content is None:
            return []
        # The corpus marks the adverb itself as the speaker mention; it points back to the
        # source named before, whose name the frame takes (see ``_frame``).
        return [
            _Candidate(
                "indirect", content, (i,), frame, (i, i + 1), None,
                self.rules.default_source_medium, 0.6, s, speaker_points_back=True,
            )
        ]  # fmt: skip

    def _noun(self, s: SentenceView, i: int) -> list[_Candidate]:
        """ "die Forderung, …", "der Vorwurf, dass …", "ein Bericht, wonach …"."""
        parsed = self.parsed
        if i + 2 >= s.end or parsed[i + 1].text != ",":
            return []
        clause = s.clause_of(i + 2)
        word = parsed[i + 2].text.lower()
        cue: tuple[int, ...]
        if word in self.rules.relative_openers:
            content_first = i + 3
            cue = (i + 2,)
            speaker = noun_phrase_before(parsed, i + 1, s.clause_of(i).first)
        elif (
            word in ("dass", "daß", "ob")
            or (parsed[i].text in self.rules.infinitive_nouns and self._is_zu_infinitive(clause))
            or (
                self._finite_in(clause) is not None
                and self.rules.konjunktiv.strength(parsed, parsed[self._finite_in(clause) or 0])
                == "strong"
                and word not in _RELATIVE
            )
        ):
            content_first = i + 2
            cue = (i - 1, i) if i > s.first and parsed[i - 1].upos == "DET" else (i,)
            speaker = None
            for child in parsed.children(i, "nmod", "nmod:poss"):
                if child.i > i + 1:
                    continue
                speaker = self._phrase(child.i, s.first, i + 1)
        else:
            return []
        end = self._relative_content_end(s, clause)
        if end <= content_first:
            return []
        content = trim(parsed, content_first, end)
        frame = trim_frame(parsed, s.first, content[0])
        return [
            _Candidate(
                "indirect", content, cue, frame, speaker, None,
                self.rules.default_source_medium, 0.55, s,
            )
        ]  # fmt: skip

    def _relative_content_end(self, s: SentenceView, clause: Clause) -> int:
        """A clause inside the sentence ends where the main clause goes on with its finite
        verb (", wurde dementiert")."""
        parsed = self.parsed
        for later in s.clauses_after(clause.first):
            if parsed[later.first].is_finite_verb and later.boundary_before is not None:
                return later.boundary_before
        return s.content_end

    def _content_around(self, s: SentenceView, frame: TokenRange) -> TokenRange | None:
        """The content of a frame that stands inside its clause ("Laut Polizei …").

        A frame inside a subordinate clause reports that clause; otherwise the sentence
        without the frame (a frame in the middle stays inside: one span).
        """
        parsed = self.parsed
        clause = s.clause_of(frame[0])
        opener = parsed[clause.first].text.lower()
        if clause.boundary_before is not None and (
            self._is_adverbial(clause)
            or opener in self.rules.content_openers
            or self._is_relative(clause, clause.boundary_before)
        ):
            first, end = clause.first, self._relative_content_end(s, clause)
        else:
            first, end = s.first, s.content_end
        if frame[0] <= first + 1 and all(
            not parsed[j].text[:1].isalnum() for j in range(first, frame[0])
        ):
            first = frame[1]
        elif frame[1] >= end:
            end = frame[0]
        first, end = trim(parsed, first, end)
        if end - first < 2:
            return None
        if not any(parsed[j].is_verb for j in range(first, end)):
            return None
        return first, end

    # -- reported speech -----------------------------------------------------------------------
    def _reported(self, s: SentenceView) -> _Candidate | None:
        parsed = self.parsed
        quoted = sum(1 for i in range(s.first, s.end) if self.in_direct[i])
        if quoted > 0.25 * (s.end - s.first) or self.in_direct[s.content_end - 1]:
            return None  # the direct quotation is the speech here
        for clause in s.clauses:
            opener = parsed[clause.first].text.lower()
            if self._is_adverbial(clause) or opener in self.rules.content_openers:
                continue
            if clause.boundary_before is not None and self._is_relative(
                clause, clause.boundary_before
            ):
                continue
            for i in range(clause.first, clause.end):
                token = parsed[i]
                if self.in_direct[i] or not _is_verb(token) or not token.text[:1].islower():
                    continue
                found = self._verb_entry(s, i)
                if found is None or not found[0].reported:
                    continue
                entry = found[0]
                if entry.needs and not self._has_needed_word(s, clause, entry):
                    continue
                if entry.lemma in self.rules.not_reflexive and self._reflexive(s, i):
                    continue  # "versprechen sich", "nennt sich": no speech act
                if self._main_konjunktiv(s) == "strong":
                    return None
                speaker = self._verb_speaker(s, i, s.first, s.end, entry)
                if speaker is None or not self._plausible_speaker(speaker):
                    continue
                return _Candidate(
                    "reported", (s.first, s.end), (), None, speaker, None,
                    self.rules.medium_of(entry.lemma), 0.5, s,
                )  # fmt: skip
        return None

    def _reflexive(self, s: SentenceView, verb: int) -> bool:
        clause = s.clause_of(verb)
        return any(
            self.parsed[j].text == "sich" for j in range(max(clause.first, verb - 3), clause.end)
        )

    def _plausible_speaker(self, phrase: TokenRange) -> bool:
        """Whether a noun phrase can name someone who speaks: a name, a person or group
        by role, an organisation, an outlet or a personal pronoun ("er", "sie")."""
        parsed = self.parsed
        lexicon = self.lexicon
        for j in range(*phrase):
            token = parsed[j]
            word = token.text
            if word.lower() in self.rules.pronouns and token.upos == "PRON":
                return word.lower() not in ("es", "ihm", "ihn")
            entity = parsed.entity_at(j)
            if entity is not None and entity.label in ("PER", "ORG"):
                return True
            if not word[:1].isupper() or word in self.rules.not_speakers:
                continue
            if (
                word in lexicon.given_names
                or lexicon.role_of(word)
                or lexicon.is_organization_word(word)
                or word in lexicon.group_words
                or word in lexicon.known_persons
            ):
                return True
            if token.upos == "PROPN" and j == phrase[0] + (
                1 if parsed[phrase[0]].upos == "DET" else 0
            ):
                return True
        return False

    # -- Konjunktiv and continuation ---------------------------------------------------------
    def _main_konjunktiv(self, s: SentenceView) -> str:
        """ "strong"/"weak" when a main clause of ``s`` has its finite verb in the
        Konjunktiv; "" otherwise.

        Main clauses are read off the punctuation (a clause that no subordinator or
        relative pronoun opens) and off the tree (the finite verb of a root), whichever
        finds one: commas alone miss "X, von dem …, seien …".
        """
        parsed = self.parsed
        best = ""
        for clause in s.clauses:
            if not self._is_main(clause):
                continue
            finite = self._finite_in(clause)
            if finite is None:
                continue
            strength = self.rules.konjunktiv.strength(parsed, parsed[finite])
            if strength == "strong":
                return "strong"
            if strength == "weak":
                best = "weak"
            elif clause is s.clauses[0]:
                return ""  # the sentence's first main clause is indicative
        if best:
            return best
        for i in range(s.first, s.end):
            token = parsed[i]
            if token.head != i or self.in_direct[i]:
                continue
            for verb in (token, *parsed.children(i, "aux", "cop", "aux:pass")):
                if verb.is_finite_verb or verb.tag.endswith("FIN"):
                    strength = self.rules.konjunktiv.strength(parsed, verb)
                    if strength:
                        return strength
        return ""

    def frames(
        self, candidates: Sequence[list[_Candidate]], resolver: EntityResolver
    ) -> tuple[Frame, ...]:
        """Frames in text order, speakers resolved, speech carried into Konjunktiv
        sentences that follow it."""
        rules = self.rules
        out: list[Frame] = []
        context: tuple[Speaker | None, str | None] | None = None
        last_speech = -10  # index of the last sentence with attributed speech
        last_paragraph = -1
        open_continuation: Frame | None = None  # the IFI frame the next sentence may extend
        direct_index = 0
        absorbed = {
            c.sentence.index - 1 for found in candidates for c in found if c.absorbs_previous
        }
        for s, found in zip(self.sentences, candidates, strict=True):
            if s.index in absorbed:
                open_continuation = None
                continue
            # Direct quotations that start in this sentence give speech context too.
            direct_here: list[Frame] = []
            while (
                direct_index < len(self.direct)
                and self.direct[direct_index].quote.start < s.end_char
            ):
                if self.direct[direct_index].quote.start >= s.start_char:
                    direct_here.append(self.direct[direct_index])
                direct_index += 1
            if found:
                open_continuation = None
                for candidate in found:
                    frame = self._frame(candidate, resolver, context[0] if context else None)
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
                if self._mostly_direct((s.first, s.end)):
                    continue
            strength = self._main_konjunktiv(s)
            if not strength:
                open_continuation = None
                if self._reportive(s):
                    out.append(self._free_indirect(s, context, last_speech))
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
                merged = _extend(open_continuation, self.parsed, s)
                out[-1] = merged
                open_continuation = merged
            else:
                span = self.parsed.span(s.first, s.end)
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
        return tuple(out)

    def _reportive(self, s: SentenceView) -> bool:
        """Hearsay "sollen" with a perfect infinitive: "Er soll geholfen haben"."""
        parsed = self.parsed
        rules = self.rules
        for clause in s.clauses:
            if not self._is_main(clause):
                continue
            end = _capped(clause)
            words = [parsed[j].text.lower() for j in range(clause.first, end)]
            if any(w in rules.reportive_modals for w in words) and any(
                w in rules.perfect_auxiliaries for w in words[-3:]
            ):
                return not any(self.in_direct[j] for j in range(clause.first, end))
        return False

    def _free_indirect(
        self,
        s: SentenceView,
        context: tuple[Speaker | None, str | None] | None,
        last_speech: int,
    ) -> Frame:
        span = self.parsed.span(s.first, s.end)
        near = context is not None and s.index - last_speech <= self.rules.max_sentences
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
            medium=self.rules.default_source_medium,
        )

    def _frame(
        self,
        candidate: _Candidate,
        resolver: EntityResolver,
        context: Speaker | None = None,
    ) -> Frame:
        parsed = self.parsed
        s = candidate.sentence
        quote = parsed.span(*candidate.content)
        speaker = None
        if candidate.speaker is not None and candidate.speaker_points_back:
            span = parsed.span(*candidate.speaker)
            name, type_ = (context.name, context.type) if context else (span.text, "unknown")
            speaker = Speaker(span, name, type_)
        elif candidate.speaker is not None:
            first, end = candidate.speaker
            mention = mention_of(parsed, first, end, tuple(self.rules.pronouns))
            entity = resolver.resolve(mention)
            speaker = Speaker(parsed.span(first, end), entity.name, entity.type)
        cue = Cue(_cue_parts(parsed, candidate.cue)) if candidate.cue else None
        frame_span = parsed.span(*candidate.frame) if candidate.frame else None
        addressee = parsed.span(*candidate.addressee) if candidate.addressee else None
        return Frame(
            kind=candidate.kind,
            quote=quote,
            content=quote,
            speaker=speaker,
            cue=cue,
            frame=frame_span,
            addressee=addressee,
            confidence=candidate.confidence,
            region_start=s.start_char,
            region_end=s.end_char,
            medium=candidate.medium,
        )


# -- helpers ---------------------------------------------------------------------------------
def _is_verb(token: ParsedToken) -> bool:
    return token.upos in ("VERB", "AUX") or (token.upos == "" and token.tag.startswith("V"))


def _capped(clause: Clause) -> int:
    """The end of ``clause`` for scans that look for its verb: a "clause" of hundreds of
    words (a list, a text without commas) is not read to its end for every cue in it."""
    return min(clause.end, clause.first + _REACH * 3)


def _overlaps(a: TokenRange, b: TokenRange) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _outside(s: SentenceView, clause: Clause) -> TokenRange | None:
    """The sentence without ``clause`` (and its commas), as one range."""
    if clause.first == s.first or clause.boundary_before is None:
        after = [c for c in s.clauses if c.first > clause.end]
        if not after:
            return None
        first, end = after[0].first, s.content_end
    elif clause.end >= s.content_end:
        first, end = s.first, clause.boundary_before
    else:
        first, end = s.first, s.content_end
    return (first, end) if end > first else None


def _with_boundaries(s: SentenceView, clause: Clause) -> TokenRange:
    """A clause with the comma that separates it from the content."""
    if clause.first == s.first or clause.boundary_before is None:
        end = clause.end + 1 if clause.end < s.content_end else clause.end
        return clause.first, min(end, s.end)
    return clause.boundary_before, min(clause.end, s.content_end)


def trim_frame(parsed: ParsedDoc, first: int, end: int) -> TokenRange | None:
    """A frame before its content: ``first:end`` with the comma kept at its end."""
    while first < end and parsed[first].is_punct and parsed[first].text not in ("„", "»"):
        first += 1
    return (first, end) if end > first else None


def _cue_parts(parsed: ParsedDoc, indices: Iterable[int]) -> list[Span]:
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


def _extend(frame: Frame, parsed: ParsedDoc, s: SentenceView) -> Frame:
    quote = Span.of(parsed.text, frame.quote.start, s.end_char)
    return attrs.evolve(frame, quote=quote, content=quote, region_end=s.end_char)


def _sentence_views(parsed: ParsedDoc, doc: Document, starts: list[int]) -> list[SentenceView]:
    """The Document's sentences (the rules splitter's, better than the small parser's) as
    token ranges of the parse."""
    views: list[SentenceView] = []
    n = len(parsed)
    previous_end = 0
    for span in doc.sentences:
        first = max(bisect.bisect_left(starts, span.start), previous_end)
        end = bisect.bisect_left(starts, span.end)
        if end <= first:
            continue
        views.append(
            SentenceView(parsed, first, min(end, n), len(views), doc.paragraph_index(span.start))
        )
        previous_end = end
    return views
