"""Clause grammar: what kind of clause a punctuation segment is.

In: a :class:`~.scan.DocumentScan` and a :class:`~quotes.detectors.syntax.Clause` of a
sentence. Out: whether it is subordinate, relative, adverbial, a main clause or a
zu-infinitive; its finite verb; whether a main clause of the sentence is in the
Konjunktiv; and the token ranges around a clause (the sentence without it, the clause with
its comma, a frame before its content).
"""

from __future__ import annotations

from quotes.detectors.indirect.scan import DocumentScan, TokenRange, capped, is_unparsed, is_verb
from quotes.detectors.syntax import Clause, SentenceView
from quotes.parse import ParsedDoc

__all__ = [
    "finite_in",
    "has_zu_infix",
    "is_adverbial",
    "is_linked",
    "is_main",
    "is_reflexive",
    "is_relative",
    "is_subordinate",
    "is_zu_infinitive",
    "main_konjunktiv",
    "opens_as_preposition",
    "outside",
    "trim_frame",
    "with_boundaries",
]


def is_subordinate(scan: DocumentScan, clause: Clause) -> bool:
    opener = scan.parsed[clause.first].text.lower()
    if is_adverbial(scan, clause) or opener in scan.rules.content_openers:
        return True
    return clause.boundary_before is not None and is_relative(scan, clause, clause.boundary_before)


def is_linked(scan: DocumentScan, verb: int, clause: Clause) -> bool:
    """Whether the parse makes something in ``clause`` a clausal dependent of ``verb``."""
    for child in scan.parsed.children(verb, "ccomp", "parataxis", "xcomp"):
        if clause.first <= child.i < clause.end:
            return True
    return False


def finite_in(scan: DocumentScan, clause: Clause) -> int | None:
    parsed = scan.parsed
    end = capped(clause)
    for j in range(clause.first, end):
        token = parsed[j]
        if token.is_finite_verb and not scan.in_direct[j]:
            return j
    lexicon = scan.rules.konjunktiv.lexicon
    for j in range(clause.first, end):
        token = parsed[j]
        if (
            token.text.lower() in scan.rules.konjunktiv.unambiguous
            or token.text.lower() in scan.rules.konjunktiv.third_singular
        ):
            return j
        if _mistagged_konjunktiv(scan, j, clause.first) and lexicon.mood(token) == "konjunktiv1":
            return j  # "Die Union fordere …": the tagger called the verb an adverb
    return None


def _mistagged_konjunktiv(scan: DocumentScan, j: int, first: int) -> bool:
    """Whether the token at ``j`` may be a finite verb the tagger took for an adverb or an
    adjective: lower case, outside quotations, and an adjective only right after a noun
    or pronoun (its subject: "Die Union fordere"; "die bessere Lösung" has an article)."""
    token = scan.parsed[j]
    if not token.text[:1].islower() or scan.in_direct[j]:
        return False
    if token.upos == "ADV":
        return True
    return (
        token.upos == "ADJ" and j > first and scan.parsed[j - 1].upos in ("NOUN", "PROPN", "PRON")
    )


def is_zu_infinitive(scan: DocumentScan, clause: Clause) -> bool:
    parsed = scan.parsed
    for j in range(clause.first, capped(clause)):
        token = parsed[j]
        if token.is_finite_verb and token.upos in ("VERB", "AUX") and not scan.in_direct[j]:
            return False
        if token.tag == "VVIZU" or (
            token.tag.startswith("V") and has_zu_infix(scan, token.text.lower())
        ):
            return True
        if token.text == "zu" and j + 1 < clause.end and is_verb(parsed[j + 1]):
            nxt = parsed[j + 1]
            if nxt.morph.verbform == "Inf" or nxt.tag.endswith("INF"):
                return True
    return False


def has_zu_infix(scan: DocumentScan, word: str) -> bool:
    """ "niederzulegen", "aufzunehmen": a separable particle, "zu", an infinitive."""
    return word.endswith("en") and any(
        word.startswith(p + "zu") and len(word) > len(p) + 5 for p in scan.rules.particles
    )


def is_relative(scan: DocumentScan, clause: Clause, boundary: int) -> bool:
    """A relative clause on the noun before the comma ("die Regierung, die …")."""
    parsed = scan.parsed
    if is_zu_infinitive(scan, clause):
        return False  # "…, der Klage stattzugeben": an infinitive, whatever opens it
    first = parsed[clause.first]
    word = first.text.lower()
    nxt = parsed[clause.first + 1] if clause.first + 1 < clause.end else None
    if (
        word in scan.rules.relative_pronouns
        and nxt is not None
        and (nxt.text[:1].isupper() or nxt.upos in ("ADJ", "NUM") or nxt.tag == "ADJA")
    ):
        # "…, die Gespräche seien …": an article before a noun opens a main clause.
        return word in scan.rules.genitive_relatives
    before = parsed[boundary - 1] if boundary > 0 else None
    if before is not None and before.upos == "PRON" and before.morph.get("PronType") == "Prs":
        # "Im Bundestag sagte er, das sei falsch" (the tagger may still say PRELS): a
        # personal pronoun takes a relative clause only in its own gender ("sie, die …").
        gender = before.morph.get("Gender", "")
        return word in scan.rules.relative_pronouns and gender == first.morph.get("Gender", "-")
    if first.tag in ("PRELS", "PRELAT"):
        return True
    if word not in scan.rules.relative_pronouns:
        # "…, mit dem …", "…, in der …": a preposition and a relative pronoun.
        if first.upos == "ADP" and nxt is not None:
            after = parsed[clause.first + 2] if clause.first + 2 < clause.end else None
            return nxt.text.lower() in scan.rules.relative_pronouns and (
                after is None or not after.text[:1].isupper()
            )
        return False
    if before is None:
        return False
    return before.upos in ("NOUN", "PROPN", "PRON") or before.text[:1].isupper()


def is_adverbial(scan: DocumentScan, clause: Clause) -> bool:
    """A clause opened by a subordinating conjunction that does not open content
    ("als", "weil", "nachdem"); "bis", "seit", "um" only when tagged as conjunctions."""
    token = scan.parsed[clause.first]
    word = token.text.lower()
    if word not in scan.rules.adverbial_openers:
        return False
    if word == "so":  # "so dass" / "sodass"; "So sei …" opens a main clause
        nxt = scan.parsed[clause.first + 1] if clause.first + 1 < clause.end else None
        return nxt is not None and nxt.text.lower() in scan.rules.consecutive_conjunctions
    if word in scan.rules.verb_second_openers and clause.first + 1 < clause.end:
        nxt = scan.parsed[clause.first + 1]
        if nxt.is_finite_verb or scan.rules.konjunktiv.strength(scan.parsed, nxt) == "strong":
            return False  # "damit solle …", "da gebe es …": an adverb, then the verb
    if word in scan.rules.ambiguous_openers:
        # "Als Begründung gab er an" is no clause; "als er ankam" is. Where the tagger
        # gives "Als" KOKOM and SCONJ at once, the verb decides: second in a main clause
        # ("Als Grund wurden die Kosten genannt"), last in a subordinate one.
        if word == "als" and token.tag in ("KOKOM", "APPR"):
            return token.upos == "SCONJ" and _verb_final(scan, clause)
        if token.upos == "SCONJ" or token.tag in ("KOUS", "KOUI"):
            return True
        nxt = scan.parsed[clause.first + 1] if clause.first + 1 < clause.end else None
        return (
            word in scan.rules.pronoun_subject_openers
            and nxt is not None
            and (nxt.upos in ("PRON", "DET") and not nxt.text[:1].isupper())
        )
    return True


def _verb_final(scan: DocumentScan, clause: Clause) -> bool:
    """Whether the clause's finite verb is its last word but punctuation (a subordinate
    clause); False where it has none."""
    finite = finite_in(scan, clause)
    if finite is None:
        return False
    return all(scan.parsed[j].is_punct for j in range(finite + 1, capped(clause)))


def opens_as_preposition(scan: DocumentScan, clause: Clause) -> bool:
    """Whether a clause opened by "ohne", "um", "statt" has neither "dass" nor a
    zu-infinitive but a finite verb: the word is a preposition of a main clause ("sagte,
    ohne die Beratung drohten lange Wartezeiten"), whatever the tagger calls it."""
    parsed = scan.parsed
    if parsed[clause.first].text.lower() not in scan.rules.infinitive_openers:
        return False
    if clause.first + 1 < clause.end and (
        parsed[clause.first + 1].text.lower() in scan.rules.conjunction_openers
    ):
        return False
    return finite_in(scan, clause) is not None and not is_zu_infinitive(scan, clause)


def is_main(scan: DocumentScan, clause: Clause) -> bool:
    opener = scan.parsed[clause.first].text.lower()
    if is_adverbial(scan, clause) or opener in scan.rules.content_openers:
        return False
    return clause.boundary_before is None or not is_relative(scan, clause, clause.boundary_before)


def is_reflexive(scan: DocumentScan, s: SentenceView, verb: int) -> bool:
    clause = s.clause_of(verb)
    return any(
        scan.parsed[j].text == "sich" for j in range(max(clause.first, verb - 3), clause.end)
    )


def main_konjunktiv(scan: DocumentScan, s: SentenceView) -> str:
    """ "strong"/"weak" when a main clause of ``s`` has its finite verb in the
    Konjunktiv; "" otherwise.

    Main clauses are read off the punctuation (a clause that no subordinator or
    relative pronoun opens) and off the tree (the finite verb of a root), whichever
    finds one: commas alone miss "X, von dem …, seien …".
    """
    parsed = scan.parsed
    if is_unparsed(parsed, s):
        return ""  # filler tokens are no Konjunktiv (KonjunktivRules.strength)
    best = ""
    for clause in s.clauses:
        if not is_main(scan, clause):
            continue
        finite = finite_in(scan, clause)
        if finite == s.first:
            # A verb first in its sentence is an imperative or a stray word, not reported
            # speech: "Finde, was zählt.", "date 2025-02 Am Donnerstag trafen …" (detect).
            finite = finite_in(scan, Clause(s.first + 1, clause.end, clause.boundary_before))
        if finite is None:
            continue
        strength = scan.rules.konjunktiv.strength(parsed, parsed[finite])
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
        if token.head != i or scan.in_direct[i]:
            continue
        for verb in (token, *parsed.children(i, "aux", "cop", "aux:pass")):
            if verb.i == s.first:
                continue
            if verb.is_finite_verb or verb.tag.endswith("FIN"):
                strength = scan.rules.konjunktiv.strength(parsed, verb)
                if strength:
                    return strength
    return ""


def outside(s: SentenceView, clause: Clause) -> TokenRange | None:
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


def with_boundaries(s: SentenceView, clause: Clause) -> TokenRange:
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
