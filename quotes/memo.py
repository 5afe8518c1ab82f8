"""A bounded memo for the pipeline's pure per-word lookups."""

from __future__ import annotations

from typing import TypeVar

__all__ = ["BoundedMemo"]

K = TypeVar("K")
V = TypeVar("V")


class BoundedMemo(dict[K, V]):
    """The answers of a pure lookup by key, never more than ``limit`` of them.

    Read it as a dict (``memo.get(word)``: the hot path stays a plain dict lookup) and add
    an answer with :meth:`keep`. Once full it starts empty again: arbitrary input (a
    stream of new names, a hostile text) must not grow it, and since the lookups are pure
    the answers stay the same, only their cost changes.
    """

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def keep(self, key: K, value: V) -> V:
        """Remember ``value`` for ``key`` and return it."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value

    def __reduce__(self) -> tuple[type[BoundedMemo[K, V]], tuple[int]]:
        # A copy or a pickle (a worker process) starts empty: a memo is no state.
        return (type(self), (self.limit,))
