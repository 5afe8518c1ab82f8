"""A colon intro without a verb of saying: "Er schließt sich dem Verdacht der Kritiker an:
„…“", "Den Unmut brachte die Sprecherin der Fraktion, Anna Weber, zum Ausdruck: „…“".

The colon hands the words to the subject of the clause before it, where that subject
names or describes a person (a name, a role noun, a subject pronoun); a thing is no
speaker ("Seine Zuversicht gründet sich auf …:", "Auf dem Plakat stand:"). The finding
has no cue and a low confidence.
"""

from __future__ import annotations

from quotes.attribution.candidate import Candidate
from quotes.attribution.lexicon import AttributionRules
from quotes.attribution.patterns import subject as subject_pattern
from quotes.attribution.syntax import ParseSyntax, TokenRange
from quotes.attribution.tree import root_of
from quotes.records import Span

__all__ = ["CONFIDENCE", "subject"]

#: Confidence of a quotation whose speaker this pattern found.
CONFIDENCE = 0.55


def subject(
    syn: ParseSyntax, rules: AttributionRules, quote: TokenRange
) -> tuple[TokenRange, Span] | None:
    """The speaker's phrase and the intro (up to its colon) of the quotation whose tokens
    are ``quote``, when it follows a colon of such an intro; None otherwise."""
    first, end = quote
    if end <= first or first < 2 or not syn.is_parsed(first - 1):
        return None
    colon = first - 1
    if syn.text(colon) != ":" or syn.in_quote(colon):
        return None
    lo, _ = syn.sentence_of(colon)
    if colon - lo < 2:
        return None
    verb = root_of(syn, lo, colon)
    if syn.token(verb).upos not in ("VERB", "AUX") or syn.in_quote(verb):
        return None
    cand = Candidate("direct", quote, (verb,), syn.sentence_of(verb))
    finding = subject_pattern.find(syn, rules, cand, verb)
    if finding is None or finding.speaker is None:
        return None
    head, stop = finding.speaker
    if stop > colon:
        return None
    if not _names_someone(syn, rules, head, stop):
        return None
    return finding.speaker, syn.span(lo, colon + 1)


def _names_someone(syn: ParseSyntax, rules: AttributionRules, first: int, end: int) -> bool:
    """Whether the phrase is a subject pronoun, holds a given name, or has a role noun,
    an organisation or a name (not a common noun of ``genders.toml``) as its head."""
    lexicon = rules.lexicon
    if end - first == 1 and syn.text(first).lower() in rules.subject_pronouns:
        return True
    if any(syn.text(k) in lexicon.given_names for k in range(first, end)):
        return True
    token = syn.token(root_of(syn, first, end))
    word = token.text
    if not word[:1].isupper():
        return False
    if lexicon.role_of(word) or lexicon.is_organization_word(word):
        return True
    return token.upos == "PROPN" and not lexicon.noun_gender(word)
