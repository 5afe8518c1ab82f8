"""Source phrases as cues: "laut X", "X zufolge", "nach Angaben X", "so X".

The speaker is X, as a whole noun phrase; for "nach Angaben der Polizei" the corpus takes
the noun of saying into the mention ("Angaben der Polizei"). "„…“, so charakterisierte
ihn der Funktionär" has a verb after "so": its subject speaks.
"""

from __future__ import annotations

from quotes.attribution.candidate import Candidate, Finding
from quotes.attribution.lexicon import AttributionRules
from quotes.attribution.patterns import subject
from quotes.attribution.syntax import Syntax
from quotes.attribution.valid import is_speaker_word

__all__ = ["SO", "find", "is_source_word"]

SO = "so"


def is_source_word(rules: AttributionRules, word: str) -> bool:
    low = word.lower()
    detector = rules.detector
    return (
        low == SO
        or low == "nach"
        or low in detector.source_prepositions
        or low in detector.source_postpositions
    )


def find(syn: Syntax, rules: AttributionRules, cand: Candidate, cue: int) -> Finding | None:
    lo, hi = cand.sentence
    low = syn.text(cue).lower()
    if low in rules.detector.source_postpositions:
        # "Dem Bericht zufolge": the noun the postposition is the case of, before it.
        token = syn.token(cue)
        head = token.head if token.dep == "case" and lo <= token.head < cue else None
        if head is None and cue - 1 >= lo:
            head = cue - 1
        return _phrase(syn, rules, cand, head, "source")
    k = cue + 1
    while k < hi and syn.token(k).upos in ("DET", "ADJ", "NUM") and not syn.in_quote(k):
        k += 1
    if k >= hi or syn.in_quote(k):
        return None
    if low == SO:
        verb = syn.token(k)
        if verb.upos in ("VERB", "AUX") or verb.tag.startswith("V"):
            return subject.find(syn, rules, cand, k)
    if low == "nach" and syn.text(k) not in rules.source_nouns:
        return None
    head = _head_from(syn, k, lo, hi)
    return _phrase(syn, rules, cand, head, "source")


def _head_from(syn: Syntax, k: int, lo: int, hi: int) -> int:
    """The head of the phrase that starts at ``k``: up from a determiner or adjective to
    its noun, but not past a noun ("Angaben der Polizei" stays at "Angaben")."""
    token = syn.token(k)
    if token.upos in ("NOUN", "PROPN", "PRON", "X"):
        # A name of several words may have its head on the right: "New | York Times".
        while (
            token.upos in ("PROPN", "X")
            and k < token.head < min(hi, k + 4)
            and syn.token(token.head).upos in ("PROPN", "NOUN", "X")
            and all(syn.token(j).text[:1].isupper() for j in range(k, token.head + 1))
        ):
            k = token.head
            token = syn.token(k)
        return k
    if lo <= token.head < hi and token.head > k:
        return token.head
    return k


def _phrase(
    syn: Syntax, rules: AttributionRules, cand: Candidate, head: int | None, pattern: str
) -> Finding | None:
    if head is None or not is_speaker_word(syn, rules, head):
        return None
    phrase = syn.phrase(head, *cand.sentence)
    if phrase is None:
        return None
    return Finding(pattern, phrase, 0.85, oblique=True)
