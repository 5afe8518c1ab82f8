"""The whole cue as the German Wikinews corpus marks it: the verb with the fixed words
that belong to it.

* the expletive of an impersonal cue: "heißt es", "Es wird befürchtet" (the corpus takes
  the "es" into the cue);
* the noun phrase that names the words as words: "kommentierte … mit den Worten",
  "wird mit folgenden Worten zitiert" (``cue_obliques`` in attribution.toml).

Both are read off the parse: the "es" must be the verb's expletive or subject next to
the verb or its auxiliary, the oblique a child of the verb with its preposition.
"""

from __future__ import annotations

import attrs

from quotes.attribution.lexicon import AttributionRules
from quotes.attribution.syntax import ParseSyntax
from quotes.pipeline.speakers import Frame
from quotes.records import Cue, Span

__all__ = ["completed_cue", "token_parts"]


def completed_cue(syn: ParseSyntax, rules: AttributionRules, frame: Frame) -> Frame:
    """``frame`` with the fixed words of its cue verb added to its cue."""
    cue = frame.cue
    if cue is None:
        return frame
    tokens: set[int] = set()
    for part in cue.parts:
        first, end = syn.range_of(part.start, part.end)
        tokens.update(range(first, end))
    if not tokens or not all(syn.is_parsed(i) for i in tokens):
        return frame
    verbs = {i for i in tokens if syn.token(i).upos in ("VERB", "AUX")}
    extra: set[int] = set()
    for verb in verbs:
        extra |= _expletive(syn, rules, verb, tokens, frame)
        extra |= _oblique(syn, rules, verb, frame)
    extra -= tokens
    if not extra:
        return frame
    return attrs.evolve(frame, cue=Cue(token_parts(syn, sorted(tokens | extra))))


def _expletive(
    syn: ParseSyntax, rules: AttributionRules, verb: int, cue: set[int], frame: Frame
) -> set[int]:
    """The "es" of "heißt es" / "Es wird befürchtet": next to the verb or its auxiliary."""
    heads = {verb, *(c.i for c in syn.children(verb, "aux", "aux:pass"))}
    for child in syn.children(verb, "expl", "nsubj", "nsubj:pass"):
        if child.text.lower() not in rules.cue_expletives or _in_quote(syn, child.i, frame):
            continue
        if any(abs(child.i - h) == 1 for h in heads | cue):
            return {child.i}
    return set()


def _oblique(syn: ParseSyntax, rules: AttributionRules, verb: int, frame: Frame) -> set[int]:
    """ "mit den Worten", "mit folgenden Worten": the phrase, preposition first."""
    hosts = [verb, *(c.i for c in syn.children(verb, "obj"))]  # "den Beschluss mit den Worten"
    candidates = [c for h in hosts for c in syn.children(h, "obl", "obl:arg", "nmod")]
    for child in candidates:
        if child.text not in rules.cue_obliques or _in_quote(syn, child.i, frame):
            continue
        cases = syn.children(child.i, "case")
        if len(cases) != 1 or cases[0].i > child.i:
            continue
        words = set(range(cases[0].i, child.i + 1))
        if any(syn.token(k).upos in ("VERB", "AUX", "PUNCT") for k in words):
            continue
        return words
    return set()


def _in_quote(syn: ParseSyntax, i: int, frame: Frame) -> bool:
    span = syn.span(i, i + 1)
    return syn.in_quote(i) or (frame.quote.start <= span.start < frame.quote.end)


def token_parts(syn: ParseSyntax, tokens: list[int]) -> tuple[Span, ...]:
    """Runs of adjacent tokens as one span each."""
    parts: list[Span] = []
    run_start = prev = tokens[0]
    for i in tokens[1:]:
        if i != prev + 1:
            parts.append(syn.span(run_start, prev + 1))
            run_start = i
        prev = i
    parts.append(syn.span(run_start, prev + 1))
    return tuple(parts)
