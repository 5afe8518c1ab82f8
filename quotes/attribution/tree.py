"""Small readings of the parse tree the attribution engine shares: roots of a span,
clauses, the verb above a word."""

from __future__ import annotations

from quotes.attribution.syntax import Syntax
from quotes.parse import ParsedToken
from quotes.records import Span

__all__ = [
    "ENCLOSING_REACH",
    "agrees",
    "in_other_clause",
    "overlaps",
    "root_of",
    "sentence_like",
    "verb_above",
]

# How many heads up from a quotation the verb of saying that encloses it may stand.
ENCLOSING_REACH = 5


def sentence_like(content: str) -> bool:
    """A quotation that is a sentence of its own or long enough to be one (not a term)."""
    return content.rstrip().endswith((".", "!", "?", "…")) or len(content.split()) >= 6


def in_other_clause(syn: Syntax, i: int, verb: int | None) -> bool:
    """Whether the word at ``i`` belongs to a subordinate clause of another verb (the
    subject of "dass die Verhandlungen … seien" is not the subject of the cue after it)."""
    k = i
    for _ in range(6):
        head = syn.token(k).head
        if head == k:
            return False
        k = head
        if k == verb:
            return False
        token = syn.token(k)
        if token.upos in ("VERB", "AUX") and token.dep not in ("aux", "aux:pass", "cop"):
            return bool(syn.children(k, "mark"))
    return False


def verb_above(syn: Syntax, i: int) -> int | None:
    """The nearest verb above ``i`` outside the quotations (the parser may hang "mit den
    Worten" on a verb of the quotation that follows it)."""
    k = i
    for _ in range(ENCLOSING_REACH):
        head = syn.token(k).head
        if head == k:
            return None
        k = head
        if not syn.in_quote(k) and syn.token(k).upos == "VERB":
            return k
    return None


def root_of(syn: Syntax, first: int, end: int) -> int:
    """The word of ``first:end`` whose head lies outside it (the first such)."""
    for i in range(first, end):
        head = syn.token(i).head
        if head == i or not first <= head < end:
            return i
    return first


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def agrees(pronoun: ParsedToken, noun: ParsedToken) -> bool:
    """Gender and number of a pronoun and a noun agree (both known from the parse)."""
    p, n = pronoun.morph, noun.morph
    if not p.number or not n.number or p.number != n.number:
        return False
    if p.number == "Plur":
        return True
    return bool(p.get("Gender")) and p.get("Gender") == n.get("Gender")
