"""Speakers that are not the subject of the cue: the agent of a passive ("wurde von
Innenminister X zitiert", "durch den Sprecher bestätigt") and the object of verbs that
quote someone ("Die Zeitung zitiert einen Augenzeugen mit den Worten: „…“").

A passive cue without an agent has no speaker here: its subject is what was said or who
was spoken about, never the speaker.
"""

from __future__ import annotations

from quotes.attribution.candidate import Candidate, Finding
from quotes.attribution.lexicon import AttributionRules
from quotes.attribution.syntax import Syntax
from quotes.attribution.valid import is_speaker_word

__all__ = ["find"]


def find(syn: Syntax, rules: AttributionRules, cand: Candidate, verb: int) -> Finding | None:
    lo, hi = cand.sentence
    lemma = syn.token(verb).lemma.lower()
    quoting = lemma in rules.object_speaker_verbs
    if syn.is_passive(verb):
        if quoting:
            # "Freiberg wird mit den Worten zitiert": the one quoted is the subject.
            for child in syn.children(verb, "nsubj"):
                if lo <= child.i < hi and is_speaker_word(syn, rules, child.i):
                    return _found(syn, cand, child.i, "agent", oblique=False)
        for child in syn.children(verb, "obl"):
            if not lo <= child.i < hi or syn.in_quote(child.i):
                continue
            cases = [c.text.lower() for c in syn.children(child.i, "case")]
            if (child.dep == "obl:agent" or any(c in rules.agent_prepositions for c in cases)) and (
                is_speaker_word(syn, rules, child.i)
            ):
                return _found(syn, cand, child.i, "agent", oblique=True)
        return Finding("agent", None, 0.4)
    if quoting:
        # An accusative pronoun is the one quoted whatever the parser took it for
        # ("„…“, zitierte ihn die Agentur", "ihn" parsed as the subject).
        for child in syn.children(verb, "obj", "nsubj"):
            low = child.text.lower()
            if (
                lo <= child.i < hi
                and not syn.in_quote(child.i)
                and low in rules.quoted_object_pronouns
                and (child.dep == "obj" or low not in rules.ambiguous_pronouns)
            ):
                return _found(syn, cand, child.i, "quoted-object", oblique=True)
        # A noun phrase whose article is never nominative is the object, whatever its
        # label ("zitierte die „Bild“ den Minister", "den Minister" parsed as xcomp).
        never = rules.never_nominative_determiners
        for child in syn.children(verb, "obj", "nsubj", "xcomp", "obl", "dep", "appos"):
            if (
                lo <= child.i < hi
                and not syn.children(child.i, "case")
                and any(d.text.lower() in never for d in syn.children(child.i, "det"))
                and is_speaker_word(syn, rules, child.i)
            ):
                return _found(syn, cand, child.i, "quoted-object", oblique=True)
        for child in syn.children(verb, "obj"):
            if lo <= child.i < hi and is_speaker_word(syn, rules, child.i):
                return _found(syn, cand, child.i, "quoted-object", oblique=True)
    return None


def _found(syn: Syntax, cand: Candidate, head: int, pattern: str, *, oblique: bool) -> Finding:
    phrase = syn.phrase(head, *cand.sentence)
    if phrase is not None and pattern == "quoted-object":
        # The one quoted, not the outlet before it ("zitierte die Zeitung einen Sprecher"):
        # the phrase starts with the object's own words.
        first, end = phrase
        while first < head and not _below(syn, first, head):
            first += 1
        phrase = (first, end)
    return Finding(pattern, phrase, 0.85 if phrase else 0.4, oblique=oblique)


def _below(syn: Syntax, k: int, head: int) -> bool:
    """Whether word ``k`` hangs (directly or through a few words) on ``head``."""
    for _ in range(_CLIMB):
        up = syn.token(k).head
        if up == head:
            return True
        if up == k:
            return False
        k = up
    return False


# How many steps up the tree a word of an object's phrase may stand from its head.
_CLIMB = 6
