"""The invariants of a :class:`~quotes.parse.model.ParsedDoc`, checked when one is built:
offsets that cut the original text, tokens in text order, heads inside their sentence and
without cycles, sentences that tile the tokens, entities and multi-word tokens in range."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING

from quotes.parse.labels import ENTITY_LABELS

if TYPE_CHECKING:
    from quotes.parse.model import ParsedDoc

__all__ = ["check", "check_acyclic"]


def check(doc: ParsedDoc) -> None:
    """Raise ValueError unless the document is consistent (see :class:`ParsedDoc`).

    Column-wise and mostly in C: building a document must stay cheap next to parsing.
    """
    text = doc.text
    tokens = doc.tokens
    n = len(tokens)
    if n:
        indices, texts, starts, ends, *_, heads, _dep, _dep_raw, sents, _mwt = zip(
            *tokens, strict=True
        )
    else:
        indices = texts = starts = ends = heads = sents = ()
    if list(indices) != list(range(n)):
        first = next(k for k, i in enumerate(indices) if i != k)
        raise ValueError(f"token {first} says its index is {indices[first]}")
    if n and (
        min(starts) < 0
        or max(ends) > len(text)
        or not all(map(operator.le, starts, ends))
        or list(map(text.__getitem__, map(slice, starts, ends))) != list(texts)
    ):
        bad = next(
            k
            for k in range(n)
            if not 0 <= starts[k] <= ends[k] <= len(text) or text[starts[k] : ends[k]] != texts[k]
        )
        raise ValueError(
            f"token {bad} has offsets {starts[bad]}:{ends[bad]} but text {texts[bad]!r}; the "
            f"original has {text[starts[bad] : ends[bad]]!r} there"
        )
    # Tokens are in text order; only words of one multi-word token share a span.
    for k in [k for k in range(1, n) if starts[k] < ends[k - 1]]:
        if starts[k] != starts[k - 1] or ends[k] != ends[k - 1]:
            raise ValueError(f"token {k} ({starts[k]}:{ends[k]}) overlaps the token before it")
    if n and (min(heads) < 0 or max(heads) >= n):
        bad = next(k for k in range(n) if not 0 <= heads[k] < n)
        raise ValueError(f"token {bad} has head {heads[bad]} outside the document")
    expected_sents = [k for k, s in enumerate(doc.sentences) for _ in range(s.start, s.end)]
    if (
        [tuple(s) for s in doc.sentences]
        != list(itertools.pairwise([0, *(s.end for s in doc.sentences)]))
        or len(expected_sents) != n
        or any(s.start >= s.end for s in doc.sentences)
    ):
        raise ValueError("sentences must tile the tokens in order, each non-empty")
    if list(sents) != expected_sents:
        bad = next(k for k in range(n) if sents[k] != expected_sents[k])
        raise ValueError(
            f"token {bad} says it is in sentence {sents[bad]}, not {expected_sents[bad]}"
        )
    if [sents[h] for h in heads] != expected_sents:
        bad = next(k for k in range(n) if sents[heads[k]] != sents[k])
        raise ValueError(f"token {bad} has its head {heads[bad]} in another sentence")
    check_acyclic(heads)
    for entity in doc.entities:
        if not 0 <= entity.start < entity.end <= n:
            raise ValueError(f"entity {entity} lies outside the tokens")
        if entity.label not in ENTITY_LABELS:
            raise ValueError(f"entity label {entity.label!r} is not one of {ENTITY_LABELS}")
    for mwt in doc.multiwords:
        if not 0 <= mwt.start < mwt.end <= n:
            raise ValueError(f"multi-word token {mwt} lies outside the tokens")


def check_acyclic(heads: Sequence[int]) -> None:
    """Every token reaches a root (a token that is its own head): the tree has no cycles.

    Each token is walked once; a walk stops at a token already known to reach a root.
    """
    reaches_root = [h == i for i, h in enumerate(heads)]
    on_walk = bytearray(len(heads))
    for i in range(len(heads)):
        walked = []
        j = i
        while not reaches_root[j]:
            if on_walk[j]:
                raise ValueError(f"token {j} is its own ancestor: the heads form a cycle")
            on_walk[j] = 1
            walked.append(j)
            j = heads[j]
        for k in walked:
            reaches_root[k] = True
