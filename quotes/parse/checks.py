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

# Columns of ParsedToken (a NamedTuple): index, text, start, end, head, sentence.
_INDEX = operator.itemgetter(0)
_TEXT = operator.itemgetter(1)
_START = operator.itemgetter(2)
_END = operator.itemgetter(3)
_HEAD = operator.itemgetter(9)
_SENT = operator.itemgetter(12)


def check(doc: ParsedDoc) -> None:
    """Raise ValueError unless the document is consistent (see :class:`ParsedDoc`).

    Column-wise and in C where it can be: building a document must stay cheap next to
    parsing. Each invariant is tested on whole columns first; only a document that fails
    one is walked token by token, to name the first offending token.
    """
    text = doc.text
    tokens = doc.tokens
    n = len(tokens)
    indices = list(map(_INDEX, tokens))
    starts = list(map(_START, tokens))
    ends = list(map(_END, tokens))
    heads = list(map(_HEAD, tokens))
    sents = list(map(_SENT, tokens))
    if indices != list(range(n)):
        first = next(k for k, i in enumerate(indices) if i != k)
        raise ValueError(f"token {first} says its index is {indices[first]}")
    if n and (
        min(starts) < 0
        or max(ends) > len(text)
        or not all(map(operator.le, starts, ends))
        or list(map(text.__getitem__, map(slice, starts, ends))) != list(map(_TEXT, tokens))
    ):
        bad = next(
            k
            for k in range(n)
            if not 0 <= starts[k] <= ends[k] <= len(text)
            or text[starts[k] : ends[k]] != tokens[k].text
        )
        raise ValueError(
            f"token {bad} has offsets {starts[bad]}:{ends[bad]} but text {tokens[bad].text!r}; "
            f"the original has {text[starts[bad] : ends[bad]]!r} there"
        )
    # Tokens are in text order; only words of one multi-word token share a span.
    if not all(map(operator.ge, starts[1:], ends)):
        for k in [k for k in range(1, n) if starts[k] < ends[k - 1]]:
            if starts[k] != starts[k - 1] or ends[k] != ends[k - 1]:
                raise ValueError(f"token {k} ({starts[k]}:{ends[k]}) overlaps the token before it")
    if n and (min(heads) < 0 or max(heads) >= n):
        bad = next(k for k in range(n) if not 0 <= heads[k] < n)
        raise ValueError(f"token {bad} has head {heads[bad]} outside the document")
    sentences = doc.sentences
    if (
        [tuple(s) for s in sentences] != list(itertools.pairwise([0, *(s.end for s in sentences)]))
        or (sentences[-1].end if sentences else 0) != n
        or any(s.start >= s.end for s in sentences)
    ):
        raise ValueError("sentences must tile the tokens in order, each non-empty")
    expected_sents = list(
        itertools.chain.from_iterable(
            itertools.repeat(k, s.end - s.start) for k, s in enumerate(sentences)
        )
    )
    if sents != expected_sents:
        bad = next(k for k in range(n) if sents[k] != expected_sents[k])
        raise ValueError(
            f"token {bad} says it is in sentence {sents[bad]}, not {expected_sents[bad]}"
        )
    if list(map(sents.__getitem__, heads)) != expected_sents:
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

    First in C: each token's pointer jumps to its head's pointer, doubling the distance it
    covers each round, so after ``log2(n) + 1`` rounds every token of a tree points to its
    root. Only where some token then points to no root is each token walked once (a walk
    stops at a token already known to reach a root), to name a token of the cycle.
    """
    up = list(heads)
    for _ in range(len(up).bit_length() + 1):
        jumped = list(map(up.__getitem__, up))
        if jumped == up:
            break
        up = jumped
    if all(map(operator.eq, map(heads.__getitem__, up), up)):
        return
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
