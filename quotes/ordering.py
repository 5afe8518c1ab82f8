"""Whether records already stand in text order, so that sorting them can be skipped."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Protocol

__all__ = ["in_offset_order"]


class _Offsets(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def in_offset_order(items: Iterable[_Offsets], *, longest_first: bool = False) -> bool:
    """Whether ``items`` are sorted by ``(start, end)`` already, or by ``(start, -end)``
    with ``longest_first``. Most passes produce their records in order; testing that first
    spares the sort's key tuple a record (issue 9 §2, dense input)."""
    for left, right in itertools.pairwise(items):
        if left.start != right.start:
            if left.start > right.start:
                return False
        elif (left.end < right.end) if longest_first else (left.end > right.end):
            return False
    return True
