"""Partial quotes inside reported words: the speaker's own words, quoted.

A short quoted stretch inside indirect speech is somebody's words, not a term: in
"Das Schicksal des Landes stehe „auf Messers Schneide“, sagte er" or "es gebe „erste
Erfolge“, so die Ministerin" the marks say that the speaker of the indirect quotation
used exactly these words. The speakers stage, which sees no parse, files such a span as
a term when it finds no cue and no speaker right around it; here, once the parse-based
detectors have found the indirect quotation around it, it becomes a direct quotation of
its own, with the speaker, cue and frame of the quotation that holds it. The German
Wikinews corpus annotates these partial quotes as nested Direct quotations.

Only spans the quotations stage classified as speech are taken: titles ("der Film
„…“") and terms with positive evidence ("sogenannte „…“", "unter dem Motto „…“") stay
what they are, wherever they stand; so do spans in typewriter single marks ('…'), which
label list items far more often than they quote. A single capitalised word (in German a
noun or a name: die Atmosphäre des „Kriegsrechtes“, eine „Anschlussverwendung“) is no
partial quote unless ``partial_min_noun_words`` in ``quotations.toml`` is 1: the corpus
marks such words inside indirect and reported speech as terms more often than as
quotations, lower-case single words („randvoll“, „kritisch“) mostly as quotations; right
after an indefinite article (``partial_noun_determiners``: "sei nur ein „Papiertiger“") the
word is an evaluative label, a partial quote after all. (A
span the speakers stage already gave a frame, from a cue in its own sentence, stays:
"Er nannte den Plan einen „Wortbruch“" quotes somebody.)

One pass: the host quotations are sorted once and each quoted span looks at a bounded
number of them, so the work is linear in the number of spans.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from quotes.pipeline.quotations import Quoted
from quotes.pipeline.speakers import Frame
from quotes.rules import RuleData

__all__ = ["partial_quotes"]

# The kinds of quotation whose partial quotes are the same speaker's words. Not hearsay
# (free_indirect, "Er soll „geholfen“ haben"): the train split annotates 3 of the 12
# quoted spans inside FreeIndirect quotations as Direct (detect).
_HOST_KINDS = frozenset({"indirect", "indirect_free_indirect", "reported"})
# Typewriter single marks ('…') label list items and table cells ("'Börse': Manager …")
# far more often than they quote anyone inside indirect speech.
_NOT_PARTIAL_FAMILIES = frozenset({"straight_single"})
# A partial quote is less certain than the quotation that holds it.
_CONFIDENCE_FACTOR = 0.8
# How many hosts that start at or before a span are looked at (hosts rarely nest).
_LOOK_BACK = 3


def partial_quotes(
    classified: Sequence[Quoted],
    final: Sequence[Quoted],
    frames: Sequence[Frame],
    rules: RuleData | None = None,
) -> tuple[tuple[Frame, ...], tuple[Quoted, ...]]:
    """Direct frames for speech spans inside indirect quotations, and the final spans.

    ``classified`` are the quoted spans as the quotations stage classified them,
    ``final`` the same spans with the categories the speakers stage gave them (one for
    one, in the same order), ``frames`` every frame found so far; ``rules`` give
    ``partial_min_noun_words`` (default 1: every word counts). Returns the new frames (to
    add to ``frames``) and ``final`` with the promoted spans back to "speech".
    """
    min_noun_words = _min_noun_words(rules)
    determiners = _determiners(rules)
    if len(classified) != len(final):
        raise ValueError("classified and final must list the same quoted spans")
    hosts = sorted(
        (f for f in frames if f.kind in _HOST_KINDS), key=lambda f: (f.quote.start, -f.quote.end)
    )
    if not hosts:
        return (), tuple(final)
    starts = [h.quote.start for h in hosts]
    taken = {(f.quote.start, f.quote.end) for f in frames if f.kind == "direct"}
    added: list[Frame] = []
    out = list(final)
    for index, (before, after) in enumerate(zip(classified, final, strict=True)):
        if before.category != "speech" or after.category == "title":
            continue
        if after.family in _NOT_PARTIAL_FAMILIES:
            continue
        span = (after.quote.start, after.quote.end)
        if span in taken:
            continue
        host = _host(hosts, starts, after)
        if host is None:
            continue
        if _noun_words(after.content.text, min_noun_words) and not _after_determiner(
            host, after, determiners
        ):
            continue
        # The host's cue, unless it is the quoted word itself (reported speech whose verb
        # is the partial quote: "haben die Schließung „angekündigt“").
        cue = host.cue
        if cue is not None and any(part.overlaps(after.quote) for part in cue.parts):
            cue = None
        added.append(
            Frame(
                kind="direct",
                quote=after.quote,
                content=after.content,
                speaker=host.speaker,
                cue=cue,
                frame=host.frame,
                addressee=host.addressee,
                confidence=round(host.confidence * _CONFIDENCE_FACTOR, 3),
                region_start=min(host.region_start, after.quote.start),
                region_end=max(host.region_end, after.quote.end),
                medium=host.medium,
            )
        )
        taken.add(span)
        if after.category != "speech":
            out[index] = attrs.evolve(after, category="speech")
    return tuple(added), tuple(out)


def _min_noun_words(rules: RuleData | None) -> int:
    section = rules.get("quotations", {}) if rules is not None else {}
    return int(section.get("partial_min_noun_words") or 1)


def _determiners(rules: RuleData | None) -> frozenset[str]:
    section = rules.get("quotations", {}) if rules is not None else {}
    return frozenset(str(w) for w in section.get("partial_noun_determiners", ()))


def _after_determiner(host: Frame, q: Quoted, determiners: frozenset[str]) -> bool:
    """Whether the word right before ``q``'s opening mark, inside ``host``'s quote, is one
    of ``determiners`` ("nur ein „Papiertiger“", "in einen „Bunker“")."""
    if not determiners:
        return False
    before = host.quote.text[: q.quote.start - host.quote.start]
    if not before[-1:].isspace():
        return False
    words = before.split()
    return bool(words) and words[-1] in determiners


def _noun_words(content: str, limit: int) -> bool:
    """Whether ``content`` is fewer than ``limit`` words, the first one capitalised."""
    if limit <= 1:
        return False
    words = content.split(maxsplit=limit)
    return 0 < len(words) < limit and words[0][:1].isupper()


def _host(hosts: list[Frame], starts: list[int], q: Quoted) -> Frame | None:
    """The innermost host quotation whose quote holds ``q`` (and is longer than it)."""
    position = bisect.bisect_right(starts, q.quote.start) - 1
    best: Frame | None = None
    for candidate in hosts[max(0, position - _LOOK_BACK + 1) : position + 1]:
        quote = candidate.quote
        if quote.start <= q.quote.start and q.quote.end <= quote.end:
            if (quote.start, quote.end) == (q.quote.start, q.quote.end):
                continue
            if best is None or quote.end - quote.start < best.quote.end - best.quote.start:
                best = candidate
    return best
