"""The subject of a verb of saying, from German word order and closed-class words.

Main clause: the first field before the finite verb ("Der Minister sagte"), or right after
it when an adverbial comes first ("Am Montag sagte der Minister"); subordinate clause: right
after the conjunction ("…, da russische Führer betonen"); relative clause: the antecedent
("Putin, der sich … äußerte").
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotes.document import Token
from quotes.pipeline.cues import CueLexicon, CueMatch
from quotes.pipeline.entities import Lexicon
from quotes.pipeline.speaker_words import SurfaceWords
from quotes.pipeline.speakers.noun_phrases import NounPhrase, NounPhrases, is_adjective

__all__ = ["SubjectFinder", "clause_start"]

# How many tokens a subject may lie from its verb.
_REACH = 40


@attrs.frozen
class SubjectFinder:
    """Finds the subject noun phrase of a verb in a token window."""

    cues: CueLexicon
    lexicon: Lexicon
    words: SurfaceWords
    phrases: NounPhrases

    def subject(
        self, tokens: Sequence[Token], verb: int, cue: CueMatch | None
    ) -> NounPhrase | None:
        """The subject of the verb at ``verb``: German main or subordinate clause."""
        start = clause_start(tokens, verb)
        after_comma = verb > 0 and tokens[verb - 1].text == ","
        if start < verb:
            first = tokens[start].text
            if (
                first.lower() in self.lexicon.subordinators
                and not after_comma
                and _verb_ends_clause(tokens, verb, cue)
            ):
                return self.phrases.parse(tokens, start + 1, verb)
            if (
                first.lower() in self.lexicon.relative_pronouns
                and start > 0
                and tokens[start - 1].text == ","
            ):
                # "Putin, der sich … äußerte": the relative pronoun's antecedent speaks.
                return self.phrases.ending_at(tokens, start - 1)
            phrase = self._vorfeld_subject(tokens, start, verb)
            if phrase is not None:
                return self._subject_after_object(tokens, phrase, verb, cue) or phrase
            if after_comma:
                # A subordinate clause or adverbial first field: the subject follows.
                end = cue.last_token + 1 if cue is not None else verb + 1
                return self.subject_after(tokens, verb + 1, min(len(tokens), end + _REACH), cue)
            # An adverbial first: the finite verb, then the subject.
            finite = self.finite_verb(tokens, start)
            if finite is not None and finite < verb:
                after = self.subject_after(tokens, finite + 1, verb + 1, cue)
                if after is not None:
                    return after
        end = cue.last_token + 1 if cue is not None else verb + 1
        return self.subject_after(tokens, verb + 1, min(len(tokens), end + _REACH), cue)

    def _vorfeld_subject(self, tokens: Sequence[Token], start: int, verb: int) -> NounPhrase | None:
        # Focus particles may precede the subject: "Auch der russische Präsident Putin …".
        while start < verb - 1 and tokens[start].text.lower() in self.words.focus_particles:
            start += 1
        phrase = self.phrases.parse(tokens, start, verb)
        oblique = self.lexicon.determiners_oblique - self.words.subject_determiners_before_verb
        if phrase is None or phrase.mention.determiner in oblique:
            return None
        after = phrase.last + 1
        if after == verb or (after < verb and tokens[after].text in self.lexicon.finite_verbs):
            return phrase
        if self._only_adverbs(tokens, after, verb):
            return phrase  # "Die Opposition hingegen warnte:", "Petzold selbst zeigte sich"
        modified = self.phrases.modifiers_until(tokens, after, verb)
        if modified is not None:
            # "Theo Kitz vom Bankhaus Merck Finck sagte", "Renate Schmidt (SPD) äußerte":
            # the whole first field is the subject.
            end_char = tokens[modified].end
            mention = attrs.evolve(phrase.mention, end=end_char)
            return NounPhrase(phrase.first, modified, mention)
        if after < verb and tokens[after].text == "," and tokens[verb - 1].text == ",":
            # A relative clause or apposition between subject and verb, closed by a comma
            # right before the verb: "Putin, der sich … äußerte, lobte".
            return phrase
        if after < verb and tokens[after].text == "und":
            # "Trump und Putin kündigten … an": a coordinated subject; keep the first.
            return phrase
        return None

    def _only_adverbs(self, tokens: Sequence[Token], start: int, verb: int) -> bool:
        """Whether ``tokens[start:verb]`` are one or two adverbs of the surface list
        (``skip_after_verb``, prepositions aside) between a subject and its verb."""
        lex = self.lexicon
        words = [t.text.lower() for t in tokens[start:verb]]
        return 0 < len(words) <= 2 and all(
            w in lex.skip_after_verb and w not in lex.prepositions for w in words
        )

    def _subject_after_object(
        self, tokens: Sequence[Token], phrase: NounPhrase, verb: int, cue: CueMatch | None
    ) -> NounPhrase | None:
        """The subject after the finite verb where the first field is its object: German
        puts an object first as freely as a subject. Only with a witness that the first
        field is no subject: a pronoun of the nominative after the verb ("Die Pläne lobte
        er"), a first field in the plural before a singular verb ("Die Vorwürfe wies die
        Regierung zurück"), or a bare common noun that names no speaker before one that
        can speak ("Kritik an den Kosten wies sie zurück")."""
        first = phrase.mention
        if phrase.last + 1 != verb or first.pronoun or not first.head:
            return None
        after = self.subject_after(tokens, verb + 1, min(len(tokens), verb + 1 + _REACH), cue)
        if after is None:
            return None
        said = after.mention
        if said.pronoun and said.text.lower() in self.words.nominative_pronouns:
            return after
        lex = self.lexicon
        if tokens[phrase.first].text.lower() in lex.prepositions and (
            said.pronoun or (bool(said.head) and lex.names_a_speaker(said.head[-1]))
        ):
            return after  # a prepositional first field: "Zur Finanzlage führte X aus"
        if (
            first.determiner in lex.determiners_nominative
            and not first.plural
            and lex.is_plural_noun(first.head[-1])
            and not tokens[verb].text.lower().endswith(self.words.plural_verb_endings)
        ):
            return after
        if (
            # A bare noun with an attribute ("Kritik an den Kosten"): a bare noun alone
            # may be a surname ("Lenz warnte die Regierung").
            not first.determiner
            and phrase.last - phrase.first + 1 > len(first.head)
            and all(lex.is_common_word(w) and not lex.names_a_speaker(w) for w in first.head)
            and (said.pronoun or (bool(said.head) and lex.names_a_speaker(said.head[-1])))
        ):
            return after
        return None

    def subject_after(
        self, tokens: Sequence[Token], i: int, end: int, cue: CueMatch | None
    ) -> NounPhrase | None:
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
            if low in lex.prepositions and self.phrases.parse(tokens, i, end) is None:
                # Skip the prepositional phrase: "am Donnerstag", "laut der Agentur".
                inner = self.phrases.parse(tokens, i + 1, end, oblique=True)
                i = (inner.last + 1) if inner is not None else i + 1
                continue
            phrase = self.phrases.parse(tokens, i, end)
            if phrase is not None:
                oblique = lex.determiners_oblique - self.words.subject_determiners_after_verb
                if phrase.mention.determiner in oblique:
                    i = phrase.last + 1
                    continue
                return self._affiliated(tokens, phrase, end)
            if low in lex.skip_after_verb or not word[:1].isalnum() or word.islower():
                i += 1
                continue
            return None
        return None

    def _affiliated(self, tokens: Sequence[Token], phrase: NounPhrase, end: int) -> NounPhrase:
        """A named speaker with the organisation after it up to the sentence's end: "der
        Gewerkschaftsfunktionär Bernard Aubin | von der CFTC." (not "am Mittwoch")."""
        after = phrase.last + 1
        if (
            after + 1 >= end
            or tokens[after].text not in self.words.affiliation_prepositions
            or phrase.mention.pronoun
            or not self._named(phrase.mention.head)
        ):
            return phrase
        inner = self.phrases.parse(tokens, after + 1, end, oblique=True)
        close = inner.last + 1 if inner is not None else end
        if inner is None or close >= end or tokens[close].text not in {".", "!", "?"}:
            return phrase
        mention = attrs.evolve(phrase.mention, end=tokens[inner.last].end)
        return NounPhrase(phrase.first, inner.last, mention)

    def _named(self, head: Sequence[str]) -> bool:
        """Whether head words name a person: a given name, or two last words that are
        neither roles nor organisation words ("Bernard Aubin")."""
        lex = self.lexicon
        if any(w in lex.given_names for w in head):
            return True
        return len(head) >= 2 and not any(
            lex.role_of(w) or lex.is_organization_word(w) for w in head[-2:]
        )

    def finite_verb(self, tokens: Sequence[Token], start: int) -> int | None:
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
                and not is_adjective(word, lex, lex.adjective_endings)
            ):
                return k
        return None


_OPENERS = frozenset("„»«‚›‹“\"'(")
_CLOSERS = frozenset("“”«»‘’›‹\"')")


def clause_start(tokens: Sequence[Token], verb: int) -> int:
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
