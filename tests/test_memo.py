"""quotes.memo.BoundedMemo: a memo that never holds more than its limit."""

from __future__ import annotations

import copy
import pickle

from quotes.memo import BoundedMemo


def test_keep_returns_the_value_and_remembers_it() -> None:
    memo: BoundedMemo[str, int] = BoundedMemo(4)
    assert memo.keep("Bahn", 1) == 1
    assert memo.get("Bahn") == 1


def test_a_full_memo_starts_empty_and_never_passes_its_limit() -> None:
    memo: BoundedMemo[int, int] = BoundedMemo(3)
    for k in range(10):
        memo.keep(k, k * k)
        assert len(memo) <= 3
        assert memo[k] == k * k


def test_a_copy_or_a_pickle_starts_empty_with_the_same_limit() -> None:
    memo: BoundedMemo[str, bool] = BoundedMemo(5)
    memo.keep("Kammer", True)
    for other in (copy.deepcopy(memo), copy.copy(memo), pickle.loads(pickle.dumps(memo))):
        assert isinstance(other, BoundedMemo)
        assert (len(other), other.limit) == (0, 5)
