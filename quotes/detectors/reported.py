"""Reported speech that is no speech act: what ``rules/<lang>/reported.toml`` rules out.

A verb of the reported lexicon with a subject that can speak is taken for a speech act
("Die Opposition kritisierte den Plan."). Two kinds of sentence look like that and are not:

* a cross-reference whose speaker stands in parentheses: "Die Wahl wurde verschoben
  (Wikinews berichtete)." (no data: the parentheses say it);
* a "speaker" whose words are all tagged adverbs: "Gleichzeitig empfahl der Minister …"
  with "Gleichzeitig" the parser's subject (no data: the tags say it);
* a "speaker" that is one bare singular common noun after the verb (tagged ``NN``,
  singular, no article, no person or organisation by the entity tagger) with a name right
  before the verb: the parser took the object of a headline for its subject ("Habeck
  verteidigt Kompromiss"); the name is the subject (no data: the tags say it);
* a word that is no use of the verb: a participle right before another participle is an
  adverb ("Er hatte sie wiederholt geschlagen"), and "zu" before an infinitive is no
  separable particle ("Es scheint noch Sympathisanten zu geben" is not "zugeben");
* a verb that reports speech only with a content clause (``not_reported``): "Die
  Opposition reagierte mit Spott", "Er äußerte sich zu den Plänen", "Die Polizei
  bestätigte den Vorfall" are no quotation in the corpus; "…, bestätigte die Polizei" is;
* a verb that is speech only with one of its words in the clause (``needs``): "Die
  Regierung drohte mit Sanktionen" is a threat made, "Den Verkehrsbetrieben droht ein
  Streik" none;
* a verb whose bare use the corpus never marks but whose subject speaks the Konjunktiv
  sentences after it (``context_only``): "Die Ministerin verteidigte den Entwurf. Er sei
  ausgewogen." gives the second sentence its speaker and is no quotation itself; so is a
  decision taken, the perfect or past passive of a ``decisions`` verb ("Der Bundestag hat
  den Antrag abgelehnt"; the present "lehnt … ab" stays reported speech);
* a verb in another sense, told by its object: "Der Sturm forderte zwölf Todesopfer",
  "Die Läuferin verteidigte ihren Titel" (``not_speech_objects``: per lemma, the nouns;
  a noun matches a word of the clause, the speaker's included, exactly or as the last
  part of a compound, "Weltmeistertitel" for "Titel"; so no listed noun may name someone
  who speaks: "Todesopfer", not "Opfer").

The parser takes the fronted object of a verb-second sentence for its subject ("Die Tat
bezeichnete er als sinnlos", "Eine Verschiebung der Wahl bezeichnete Conze als fatal":
"Die Tat", "Eine Verschiebung" the subject). When that subject stands before the verb and
cannot speak, :func:`subject_after_finite` gives the speaker: a personal pronoun in the
nominative, or a name, right after the finite verb (no data: the tags say it).

Constant work per candidate verb (a scan of its clause).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from quotes.detectors.syntax import NounPhraseWords, noun_phrase_after
from quotes.parse import ParsedDoc

__all__ = ["NotSpeech", "subject_after_finite"]

# A listed noun matches as the last part of a longer word from this length on ("Todesopfer"
# for "Opfer"; "Rang" also matches "Vorrang", which these verbs hardly take).
_MIN_COMPOUND_PART = 4


@attrs.frozen
class NotSpeech:
    """The compiled ``reported.toml``."""

    objects: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)  # lemma → lower nouns
    lemmas: frozenset[str] = frozenset()  # verbs that are no reported speech
    nominative: frozenset[str] = frozenset()  # pronouns that are only ever a subject
    needs: Mapping[str, frozenset[str]] = attrs.field(factory=dict)  # lemma → lower words
    context_only: frozenset[str] = frozenset()  # verbs whose sentence is speech context only
    decisions: frozenset[str] = frozenset()  # verbs whose perfect or past passive is an act
    negations: frozenset[str] = frozenset()  # "nicht": a speech act not made
    negation_keeps: frozenset[str] = frozenset()  # "schloss nicht aus": a view stated
    negation_focus: frozenset[str] = frozenset()  # "nicht nur": no negation of the verb
    agentless: Mapping[str, frozenset[str]] = attrs.field(factory=dict)  # lemma → words

    @classmethod
    def from_rules(cls, rules: Mapping[str, Any]) -> NotSpeech:
        section = rules.get("reported", {})
        table = section.get("not_speech_objects", {})
        return cls(
            {str(k): tuple(str(w).lower() for w in v) for k, v in table.items()},
            frozenset(str(w) for w in section.get("not_reported", ())),
            frozenset(str(w).lower() for w in section.get("nominative_pronouns", ())),
            {
                str(k): frozenset(str(w).lower() for w in v)
                for k, v in section.get("needs", {}).items()
            },
            frozenset(str(w) for w in section.get("context_only", ())),
            frozenset(str(w) for w in section.get("decisions", ())),
            frozenset(str(w).lower() for w in section.get("negations", ())),
            frozenset(str(w) for w in section.get("negation_keeps", ())),
            frozenset(str(w).lower() for w in section.get("negation_focus", ())),
            {
                str(k): frozenset(str(w).lower() for w in v)
                for k, v in section.get("agentless", {}).items()
            },
        )

    def agentless_use(self, parsed: ParsedDoc, first: int, end: int, lemma: str) -> bool:
        """Whether the passive of ``lemma`` without an agent is reported speech in the
        clause ``first:end``: it holds one of the lemma's ``agentless`` words ("Als
        Ursache wurde ein Defekt angegeben"; not "So wird der Pass auch genannt")."""
        words = self.agentless.get(lemma)
        return bool(words) and any(parsed[j].text.lower() in words for j in range(first, end))

    def negated(
        self, parsed: ParsedDoc, first: int, end: int, verb: int, lemma: str,
        auxiliaries: Sequence[int] = (),
    ) -> bool:  # fmt: skip
        """Whether the speech act of ``verb`` (clause ``first:end``) is negated: a word of
        ``negations`` hangs on it or on one of its ``auxiliaries``, directly or through
        one adverb ("spricht bislang nicht"), and no ``negation_focus`` word follows it;
        never for a ``negation_keeps`` lemma. By the tree."""
        if lemma in self.negation_keeps:
            return False
        heads = {verb, *auxiliaries}
        for j in range(first, end):
            if parsed[j].text.lower() not in self.negations or j in heads:
                continue
            if j + 1 < end and parsed[j + 1].text.lower() in self.negation_focus:
                continue  # "nicht nur": a focus particle
            head = parsed[j].head
            if head in heads or (
                head != j and parsed[head].upos == "ADV" and parsed[head].head in heads
            ):
                return True
        return False

    def context_only_use(
        self, parsed: ParsedDoc, verb: int, lemma: str, auxiliaries: Sequence[int]
    ) -> bool:
        """Whether the reported candidate of ``verb`` is speech context, no quotation:
        a ``context_only`` lemma, or a ``decisions`` lemma as a participle without a
        present passive auxiliary ("hat … abgelehnt", "wurde … abgelehnt"; not "wird …
        abgelehnt"), by the tags and the auxiliaries' tense."""
        if lemma in self.context_only:
            return True
        if lemma not in self.decisions or parsed[verb].tag != "VVPP":
            return False
        return not any(
            parsed[j].dep == "aux:pass" and parsed[j].tense == "Pres" for j in auxiliaries
        )

    def speaker_after_fronted(
        self, parsed: ParsedDoc, first: int, end: int, verb: int,
        subject: tuple[int, int] | None, plausible: bool, pronouns: frozenset[str],
        phrases: NounPhraseWords | None = None,
    ) -> tuple[int, int] | None:  # fmt: skip
        """The speaker of ``verb`` where the parser took a fronted object for its
        ``subject`` (or found none): :func:`subject_after_finite` where that subject cannot
        speak (``plausible`` False) or is None; where it can, only a pronoun that is always
        a subject (``nominative_pronouns``: "Die Kanzlerin kritisierte er scharf")."""
        if not plausible or _adverbial(parsed, subject):
            return subject_after_finite(parsed, first, end, verb, subject, pronouns, phrases)
        found = subject_after_finite(parsed, first, end, verb, subject, self.nominative)
        if found is not None and parsed[found[0]].text.lower() in self.nominative:
            return found
        return None

    def rules_out(
        self, parsed: ParsedDoc, first: int, end: int, verb: int, lemma: str,
        speaker: tuple[int, int],
    ) -> bool:  # fmt: skip
        """Whether the reported candidate of ``verb`` (lemma ``lemma``, clause
        ``first:end``, speaker tokens ``speaker``) is no speech act."""
        if _in_parentheses(parsed, first, end, speaker) or _in_parentheses(
            parsed, first, end, (verb, verb + 1)
        ):
            return True  # "(Wikinews berichtete)", whatever the parser took for its subject
        if _adverbial(parsed, speaker):
            return True  # "Gleichzeitig empfahl …": the parser's subject is an adverb
        if _bare_object(parsed, verb, speaker):
            return True  # "Habeck verteidigt Kompromiss": the object, not a speaker
        if _not_a_verb_here(parsed, verb, lemma):
            return True  # "wiederholt geschlagen", "scheint es … zu geben"
        if lemma in self.lemmas:
            return True
        needed = self.needs.get(lemma)
        if needed and not any(parsed[j].text.lower() in needed for j in range(first, end)):
            return True  # "Den Verkehrsbetrieben droht ein Streik": no threat is made
        nouns = self.objects.get(lemma)
        if not nouns:
            return False
        # The speaker's words count too: the parser takes "Zwölf Todesopfer forderte der
        # Sturm" for a subject; the lists hold no noun that can speak ("Opfer" is not one).
        # The speaker may stand before the clause ("Mindestens 9.000 Menschenleben, nach
        # anderen Quellen bis zu 35.000 Opfer, forderte ein Erdbeben").
        for j in itertools.chain(range(first, end), range(*speaker)):
            if j == verb:
                continue
            word = parsed[j].text.lower()
            for noun in nouns:
                if word == noun or (
                    len(noun) >= _MIN_COMPOUND_PART
                    and len(word) > len(noun)
                    and word.endswith(noun)
                ):
                    return True
        return False


# The STTS tag of a common noun (the parse backends give STTS tags for German).
_COMMON_NOUN = "NN"
_NAME_TAGS = frozenset({"NE"})  # STTS proper noun


def _bare_object(parsed: ParsedDoc, verb: int, speaker: tuple[int, int]) -> bool:
    """Whether ``speaker`` is one singular common noun without an article right after
    ``verb``, that the entity tagger calls no person or organisation, while a name stands
    right before the verb (its subject: "Habeck verteidigt Kompromiss")."""
    first, end = speaker
    if end - first != 1 or first <= verb or verb == 0:
        return False
    before = parsed[verb - 1]
    if before.tag not in _NAME_TAGS and before.upos != "PROPN":
        return False  # "Zudem lobte Putin …": the parser's NN may be a name
    token = parsed[first]
    if token.tag != _COMMON_NOUN or token.number != "Sing":
        return False
    entity = parsed.entity_at(first)
    return entity is None or entity.label not in ("PER", "ORG")


# STTS tags: the infinitive marker "zu", a full verb's participle.
_INFINITIVE_ZU = "PTKZU"
_PARTICIPLE = "VVPP"


def _not_a_verb_here(parsed: ParsedDoc, verb: int, lemma: str) -> bool:
    """Whether ``verb`` is no use of ``lemma`` as a verb: a participle right before another
    full verb's participle, or a word that modifies it, is an adverb ("hatte sie
    wiederholt geschlagen"), and the infinitive marker "zu" is no separable particle
    ("scheint es … zu geben" is no form of "zugeben")."""
    token = parsed[verb]
    if (
        verb + 1 < len(parsed)
        and parsed[verb + 1].tag == _PARTICIPLE
        and (token.tag == _PARTICIPLE or token.head == verb + 1)
    ):
        return True  # the tagger may call it finite; the parser hangs it on the participle
    if verb == 0:
        return False
    before = parsed[verb - 1]
    return (
        before.tag == _INFINITIVE_ZU
        and lemma.startswith(before.text.lower())
        and not token.text.lower().startswith(before.text.lower())
    )


def _in_parentheses(parsed: ParsedDoc, first: int, end: int, speaker: tuple[int, int]) -> bool:
    """Whether an opening parenthesis before ``speaker`` (a token range) is closed only
    after it."""
    depth = 0
    for j in range(first, speaker[0]):
        text = parsed[j].text
        if text == "(":
            depth += 1
        elif text == ")" and depth:
            depth -= 1
    if not depth:
        return False
    return any(parsed[j].text == ")" for j in range(speaker[1], end))


# STTS: a personal pronoun; a coordinating conjunction.
_PERSONAL_PRONOUN = "PPER"
_CONJUNCTION = "KON"


def subject_after_finite(
    parsed: ParsedDoc, first: int, end: int, verb: int, subject: tuple[int, int] | None,
    pronouns: frozenset[str], phrases: NounPhraseWords | None = None,
) -> tuple[int, int] | None:  # fmt: skip
    """The speaker of a verb-second clause ``first:end`` whose fronted object the parser
    took for the ``subject`` of ``verb`` ("Die Tat bezeichnete er als sinnlos") or for no
    subject at all (None: "Den Vorschlag kritisierte Merkel scharf", "Merkel" an object):
    the personal pronoun of ``pronouns`` (lower case; nominative where the parse gives a
    case), the name (tagged ``NE``/``PROPN``, its following parts and a coordinated name
    included: "kündigten Trump und Putin … an") or, with ``phrases``, the noun phrase
    whose determiner or first noun is nominative ("Gleichzeitig empfahl der frühere
    Minister …", "Gegenwärtig wirft Bundesfinanzminister Schäuble … vor") right
    after the clause's finite verb. Where the parser's subject stands after that word, a
    name there is the speaker too ("Nun fordert Zapatero finanzielle Entschädigungen":
    the object taken for the subject). None where the finite verb does not follow the
    fronted phrase in one clause or no such word follows it."""
    if subject is not None and subject[0] > verb:
        # The parser's subject follows the verb: a name between them is the speaker.
        if not parsed[verb].is_finite_verb or subject[0] <= verb + 1:
            return None
        return _name_at(parsed, verb, end) if _named(parsed, verb + 1) else None
    fronted = subject[0] if subject is not None else first
    after = subject[1] if subject is not None else first + 1
    if not first <= fronted < after <= verb:
        return None
    # The finite verb: the verb, or the auxiliary before it ("Die Tat hat er … bezeichnet");
    # the tagger may miss a finite form right after the fronted phrase ("bezeichnete" ADJA).
    finite = next((j for j in range(after, verb + 1) if parsed[j].is_finite_verb), None)
    if finite is None and after == verb:
        finite = verb
    if finite is None or finite + 1 >= end:
        return None
    if any(parsed[j].text in (",", ";", ":") or parsed[j].is_verb for j in range(after, finite)):
        return None  # another clause or verb stands between: not one verb-second clause
    token = parsed[finite + 1]
    if token.tag == _PERSONAL_PRONOUN or token.upos == "PRON":
        if token.text.lower() in pronouns and token.morph.case in ("", "Nom"):
            return finite + 1, finite + 2
        return None
    if phrases is not None and (token.upos == "DET" or token.tag == _COMMON_NOUN):
        phrase = noun_phrase_after(parsed, finite + 1, end, phrases)
        # Nominative by its first word, or the parser's subject of the verb inside it (the
        # tagger may give the article another case: "Gleichzeitig forderte der
        # CDU-Vorsitzende …", "der" Dat but "CDU-Vorsitzende" the second subject).
        if phrase is not None and (
            token.morph.case == "Nom"
            or any(
                parsed[j].dep == "nsubj" and parsed[j].head in (verb, finite)
                for j in range(*phrase)
            )
        ):
            return phrase
    if not _named(parsed, finite + 1):
        return None
    return _name_at(parsed, finite, end)


def _name_at(parsed: ParsedDoc, finite: int, end: int) -> tuple[int, int]:
    """The name right after ``finite``, with its following parts and a coordinated name
    ("kündigten Trump und Putin … an": "Putin" the conjunct of "Trump")."""
    last = _name_end(parsed, finite + 2, end)
    while (
        last + 1 < end
        and parsed[last].tag == _CONJUNCTION
        and parsed[last + 1].text[:1].isupper()
        and (
            _named(parsed, last + 1)
            or (parsed[last + 1].dep == "conj" and finite + 1 <= parsed[last + 1].head < last)
        )
    ):
        last = _name_end(parsed, last + 2, end)
    return finite + 1, last


# STTS tags of adverbs and adverbial adjectives ("gleichzeitig", "zuvor", "darauf").
_ADVERB_TAGS = frozenset({"ADV", "ADJD", "PAV", "PWAV"})


def _adverbial(parsed: ParsedDoc, phrase: tuple[int, int] | None) -> bool:
    """Whether every word of ``phrase`` is tagged an adverb outside any entity (the tagger
    calls some names adverbs: "Suttner begründete …", a PER entity): the parser's subject of
    "Gleichzeitig empfahl der Minister …" is no speaker."""
    return phrase is not None and all(
        parsed[j].tag in _ADVERB_TAGS and parsed.entity_at(j) is None for j in range(*phrase)
    )


def _named(parsed: ParsedDoc, j: int) -> bool:
    """Whether token ``j`` is a name: tagged so, or inside an entity."""
    token = parsed[j]
    return token.tag in _NAME_TAGS or token.upos == "PROPN" or parsed.entity_at(j) is not None


def _name_end(parsed: ParsedDoc, j: int, end: int) -> int:
    """The end of the name whose first part stands before ``j``: its following parts."""
    while j < end and _named(parsed, j):
        j += 1
    return j
