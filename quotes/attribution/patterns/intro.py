"""Frames whose cue is not a verb of saying with a subject.

* impersonal verbs: "heißt es in dem Schreiben wörtlich:" — the document speaks (the
  in/aus-phrase of the verb), and "Darin steht:" has no speaker of its own;
* cue nouns: "kommentierte X den Sachverhalt mit den Worten:" — the cue's verb is found
  above the noun (:meth:`Syntax.verb_of`), and its subject speaks.
"""

from __future__ import annotations

from quotes.attribution.candidate import Candidate, Finding
from quotes.attribution.lexicon import AttributionRules
from quotes.attribution.syntax import Syntax
from quotes.attribution.valid import is_speaker_word

__all__ = ["impersonal"]


def impersonal(syn: Syntax, rules: AttributionRules, cand: Candidate, verb: int) -> Finding | None:
    lemma = syn.token(verb).lemma.lower()
    if lemma not in rules.detector.impersonal:
        return None
    lo, hi = cand.sentence
    for child in syn.children(verb, "obl"):
        if not lo <= child.i < hi or syn.in_quote(child.i):
            continue
        cases = [c.text.lower() for c in syn.children(child.i, "case")]
        if any(c in rules.document_prepositions for c in cases) and is_speaker_word(
            syn, rules, child.i
        ):
            phrase = syn.phrase(child.i, lo, hi)
            if phrase is not None:
                return Finding("impersonal", phrase, 0.75, oblique=True)
    return None  # the surface reading stands, if the valid-speaker rule lets it
