"""Checks of a speaker found elsewhere against the parse (issue 7 §2): the surface
stage's speaker of a direct quotation, or a detector's of an indirect one, stays only if
the parse lets it be one. Not a phrase that names a quotation ("Sprüche wie „…“") or holds
a quoted term ("die so genannte „Reichensteuer“"), not a quoted paper's name inside a
prepositional phrase ("in der Tageszeitung „Neues Deutschland“"), not an object or oblique
of the cue verb ("nannte die Aussage", "sagte der Zeitung"), not a form that is never a
subject ("den USA"). Where a check fails the quotation loses its speaker and its
confidence drops: a wrong speaker is worse than none.
"""

from __future__ import annotations

import attrs

from quotes.attribution.candidate import Candidate
from quotes.attribution.lexicon import AttributionRules
from quotes.attribution.patterns import source
from quotes.attribution.syntax import ParseSyntax
from quotes.attribution.tree import root_of
from quotes.attribution.valid import is_name_particle, is_speaker_word
from quotes.pipeline.speakers import Frame

__all__ = [
    "NO_SPEAKER_CONFIDENCE",
    "can_speak",
    "checked",
    "holds_a_term",
    "names_a_quote",
    "never_subject",
    "title_in_phrase",
]

#: Confidence of a quotation whose cue has no valid speaker.
NO_SPEAKER_CONFIDENCE = 0.4

# Marks that open a quoted span.
_OPENING_MARKS = frozenset({"„", "»", '"', "“"})


def checked(
    syn: ParseSyntax, rules: AttributionRules, frame: Frame, cand: Candidate | None
) -> Frame:
    """The surface speaker, if the parse lets it be one; else no speaker."""
    speaker = frame.speaker
    if speaker is None or speaker.mention is None:
        return frame
    first, end = syn.range_of(speaker.mention.start, speaker.mention.end)
    if end <= first or not syn.is_parsed(first) or can_speak(syn, rules, first, end, cand):
        return frame
    return attrs.evolve(
        frame,
        speaker=None,
        mention=None,
        confidence=min(frame.confidence, NO_SPEAKER_CONFIDENCE),
    )


def can_speak(
    syn: ParseSyntax, rules: AttributionRules, first: int, end: int, cand: Candidate | None
) -> bool:
    """Whether the phrase ``first:end`` may be the speaker of ``cand`` (of a quotation
    without a cue, where ``cand`` is None)."""
    head = root_of(syn, first, end)
    token = syn.token(head)
    if not is_speaker_word(syn, rules, head) or names_a_quote(syn, rules, end):
        return False
    if holds_a_term(syn, rules, first, end) or title_in_phrase(syn, first):
        return False
    if cand is None or source.is_source_word(rules, syn.text(cand.cue[0])):
        return True  # the X of "laut X" is an oblique, as it should be
    # An object or an oblique of the cue verb itself is no speaker ("nannte die
    # Aussage", "sagte der Zeitung").
    verbs = {syn.verb_of(i) for i in cand.cue}
    if is_name_particle(syn, rules, first):
        return True  # "sagte von der Leyen": the parser's oblique is a name
    return not (token.head in verbs and token.dep in rules.never_speaker_deps)


def never_subject(syn: ParseSyntax, rules: AttributionRules, i: int, verb: int | None) -> bool:
    """A detector's speaker of an active verb of saying in a form that is never the
    subject ("den USA" in "zwischen Russland und den USA hat Putin … geäußert")."""
    if verb is None or syn.is_passive(verb) or syn.children(i, "case"):
        return False
    if syn.token(verb).lemma.lower() in rules.object_speaker_verbs:
        return False
    # Only the determiner is trusted: the parser's cases are too noisy ("schreibt der
    # AK" with "AK" tagged dative).
    determiners = syn.children(i, "det", "det:poss")
    never = rules.never_nominative_determiners
    return any(d.text.lower() in never for d in determiners)


def holds_a_term(syn: ParseSyntax, rules: AttributionRules, first: int, end: int) -> bool:
    """Whether the phrase holds a quoted term ("so genannte „Reichensteuer“"): a term
    marker right before a quotation mark inside it."""
    for k in range(first + 1, end):
        if syn.text(k) not in _OPENING_MARKS:
            continue
        before = " ".join(syn.text(j) for j in range(max(first - 1, k - 2), k)).lower()
        if any(m in before for m in rules.term_markers):
            return True
    return False


def names_a_quote(syn: ParseSyntax, rules: AttributionRules, end: int) -> bool:
    """Whether the phrase ending before ``end`` names a quotation ("Sprüche wie „…“"):
    what was said, not who said it."""
    return (
        end + 1 < len(syn)
        and syn.text(end).lower() in rules.comparison_words
        and syn.in_quote(end + 1)
    )


def title_in_phrase(syn: ParseSyntax, first: int) -> bool:
    """Whether the phrase starting at ``first`` is a quoted name right after the noun it
    names, inside that noun's prepositional phrase ("kritisiert in der Tageszeitung „Neues
    Deutschland“"): the paper is where the words stand, not who says them."""
    if first < 1 or syn.text(first) not in _OPENING_MARKS or syn.in_quote(first - 1):
        return False
    noun = syn.token(first - 1)
    return noun.upos == "NOUN" and any(c.upos == "ADP" for c in syn.children(noun.i, "case"))
