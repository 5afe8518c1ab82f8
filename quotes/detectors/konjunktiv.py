"""Konjunktiv (subjunctive) detection: the grammatical mark of German reported speech.

The tagger's ``Mood=Sub`` alone is weak (F 0.74 for the shipped model), and most Konjunktiv I
forms look like other forms anyway: "sie sagen" is indicative and Konjunktiv I alike, "ich
habe" is indicative, "er habe" is not. So the decision is a lexicon and morphology rule
(``rules/<lang>/indirect.toml``, table ``[konjunktiv]``) beside the model's feature:

* forms that are Konjunktiv I whatever the subject: "sei", "seien", "seiest";
* third person singular present forms in -e ("er habe", "es gebe", "sie könne"): listed
  forms, and the rule *form = stem + e* where the lemma is *stem + (e)n* ("erwarte" of
  "erwarten", but not "sagte" of "sagen"); these are also first person singular indicative,
  so a clause with "ich" does not count;
* Konjunktiv II forms ("wäre", "hätte", "würden", "könnte"), which reported speech uses
  where Konjunktiv I looks indicative; they are also plain conditionals, so they are weak
  evidence, trusted only where speech is already under way;
* the model's ``Mood=Sub`` for anything else, also weak.

Before the last three rules comes the generated lexicon ``rules/<lang>/moods.toml``
(:class:`MoodLexicon`, from LanguageTool's german-pos-dict; card ``rules/de/MOODS.md``): a
lower-case form it lists as Konjunktiv I is strong (unless "ich" is the subject), as
Konjunktiv II weak, and as indicative no Konjunktiv, whatever the tagger's ``Mood`` says
("plant", "sagten"). Forms it does not list fall back to the rules above.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Literal

import attrs

from quotes.parse import ParsedDoc, ParsedToken

__all__ = ["KonjunktivRules", "Mood", "MoodLexicon", "Strength"]

#: "strong": Konjunktiv I by the lexicon; "weak": Konjunktiv II or only the model says so.
Strength = Literal["strong", "weak", ""]

#: The mood the lexicon gives a form; "" where it does not list it.
Mood = Literal["konjunktiv1", "konjunktiv2", "indicative", ""]

_FINITE_TAGS: Final = frozenset({"VVFIN", "VAFIN", "VMFIN"})
_MOODS: Final[tuple[Mood, ...]] = ("konjunktiv1", "konjunktiv2", "indicative")
# Parts of speech a listed form never has as a verb ("die", "nach" are no verb forms, but
# the tagger's word may be one that happens to be spelt like a rare verb form).
_NOT_VERBS: Final = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "PART", "NUM", "PUNCT"})


@attrs.frozen
class MoodLexicon:
    """``moods.toml`` compiled: lower-case third-person finite form → mood."""

    moods: Mapping[str, Mood] = attrs.field(factory=dict)

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> MoodLexicon:
        moods: dict[str, Mood] = {}
        for mood in _MOODS:
            for form in str(table.get(mood, "")).split():
                moods.setdefault(form.lower(), mood)
        return cls(moods)

    def __bool__(self) -> bool:
        return bool(self.moods)

    def forms(self, *moods: Mood) -> frozenset[str]:
        """Every listed form of the given moods."""
        return frozenset(f for f, m in self.moods.items() if m in moods)

    def mood(self, token: ParsedToken) -> Mood:
        """The mood of ``token`` if it is shaped like a finite verb the lexicon lists: lower
        case (a capitalised word is a noun or starts a sentence), not tagged as a
        closed-class word, and parsed."""
        text = token.text
        if not text[:1].islower() or token.upos in _NOT_VERBS:
            return ""
        if token.upos == "X" and not token.tag:
            return ""  # an unparsed sentence's token (quotes.parse.assembly.filler): no speech
        return self.moods.get(text.lower(), "")

    def is_finite(self, token: ParsedToken) -> bool:
        """Whether ``token`` is a finite verb by the lexicon (the tagger may call "plant" an
        adverb)."""
        return bool(self.mood(token))


@attrs.frozen
class KonjunktivRules:
    """The compiled ``[konjunktiv]`` table."""

    unambiguous: frozenset[str]
    third_singular: frozenset[str]
    second: frozenset[str]
    not_konjunktiv: frozenset[str]
    first_person: frozenset[str]
    stem_rule: bool = True
    ending_rule: bool = True
    #: Endings of a Konjunktiv II of a strong verb ("gäbe", "befänden").
    second_endings: tuple[str, ...] = ()
    lexicon: MoodLexicon = attrs.field(factory=MoodLexicon)

    @classmethod
    def from_table(
        cls, table: Mapping[str, Any], moods: Mapping[str, Any] | None = None
    ) -> KonjunktivRules:
        """``table``: the ``[konjunktiv]`` table of ``indirect.toml``; ``moods``: the
        contents of ``moods.toml`` (none: the rules alone)."""

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in table.get(key, ()))

        return cls(
            unambiguous=words("unambiguous"),
            third_singular=words("third_singular"),
            second=words("second"),
            not_konjunktiv=words("not_konjunktiv"),
            first_person=words("first_person") or frozenset({"ich"}),
            stem_rule=bool(table.get("stem_rule", True)),
            ending_rule=bool(table.get("ending_rule", True)),
            second_endings=tuple(str(e) for e in table.get("second_endings", ())),
            lexicon=MoodLexicon.from_table(moods or {}),
        )

    def strength(self, parsed: ParsedDoc, token: ParsedToken) -> Strength:
        """How surely ``token`` is a finite verb in the Konjunktiv."""
        if token.upos == "X" and not token.tag:
            return ""  # an unparsed sentence's token (quotes.parse.assembly.filler): no speech
        form = token.text.lower()
        if form in self.unambiguous:
            return "strong"
        finite = _is_finite(token)
        if form in self.second:
            return "weak" if finite or token.upos in ("", "AUX", "VERB") else ""
        if form in self.not_konjunktiv:
            return ""
        mood = self.lexicon.mood(token)
        if mood == "indicative":
            return ""
        if mood == "konjunktiv2":
            return "weak"
        if mood == "konjunktiv1":
            return "" if self._first_person_clause(parsed, token) else "strong"
        listed = form in self.third_singular
        if listed or (finite and (self._stem_rule(form, token.lemma) or self._ending_rule(form))):
            if self._first_person_clause(parsed, token):
                return ""
            return "strong"
        if finite and (
            (token.is_subjunctive and token.morph.tense != "Past")
            or _umlaut_preterite(form, token.lemma, self.second_endings)
        ):
            return "weak"
        return ""

    def _ending_rule(self, form: str) -> bool:
        """A finite form in -e that is not the weak preterite (-te): "benötige", "gebe".

        Used beside the lemma rule because the lemmatiser often fails on exactly these
        rare forms; "erwarte", "gelte" (stems in -t) are in the list instead.
        """
        return self.ending_rule and len(form) > 3 and form.endswith("e") and not form.endswith("te")

    def _stem_rule(self, form: str, lemma: str) -> bool:
        if not self.stem_rule or len(form) < 4 or not form.endswith("e") or not lemma:
            return False
        stem = form[:-1]
        lemma = lemma.lower()
        # "gebe" of "angeben" (separated particle), "ändere" of "ändern", "erwarte" of
        # "erwarten"; the preterite "sagte" fails, its stem "sagt" not being the lemma's.
        return lemma.endswith((stem + "en", stem + "n"))

    def _first_person_clause(self, parsed: ParsedDoc, token: ParsedToken) -> bool:
        """Whether "ich" is the subject: next to the verb or its subject in the tree."""
        for child in parsed.children(token.i, "nsubj"):
            if child.text.lower() in self.first_person:
                return True
        head = parsed[token.head]
        if token.dep in ("aux", "aux:pass", "cop"):
            for child in parsed.children(head.i, "nsubj"):
                if child.text.lower() in self.first_person:
                    return True
        sentence = parsed.sentence_of(token.i)
        for j in range(max(sentence.start, token.i - 2), min(sentence.end, token.i + 3)):
            if parsed[j].text.lower() in self.first_person:
                return True
        return False


def _is_finite(token: ParsedToken) -> bool:
    if token.tag in _FINITE_TAGS:
        return True
    return token.morph.verbform == "Fin" and token.upos in ("VERB", "AUX")


def _umlaut_preterite(form: str, lemma: str, endings: tuple[str, ...]) -> bool:
    """Konjunktiv II of a strong verb: an umlaut the infinitive lacks, and one of
    ``endings`` ("befänden" of "befinden", "gäbe" of "geben", "stünde" of "stehen")."""
    if not lemma or not form.endswith(endings):
        return False
    lemma = lemma.lower()
    return any(u in form for u in "äöü") and not any(u in lemma for u in "äöü")
