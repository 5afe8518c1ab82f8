"""How :meth:`quotes.Extractor.pipe` streams many texts: its items in growing batches, the
batches in worker processes (``n_process > 1``), and a failed item as a result of its own.

The Extractor runs each batch (``Extractor._extract_batch``); this module only moves the
items and their results, in input order, and keeps one bad item from costing the others.
"""

from __future__ import annotations

import multiprocessing
import pickle
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from quotes.errors import QuotesError
from quotes.records import Attribution

if TYPE_CHECKING:
    from quotes.extractor import Extractor

__all__ = ["Failure", "Item", "ItemError", "Output", "batches", "outputs_in_processes", "result"]


@attrs.frozen
class ItemError:
    """The result of a bad item in ``Extractor.pipe(..., errors="return")``."""

    index: int  # its position in the input, from 0
    error_type: str  # the exception's class name ("TypeError")
    message: str


@attrs.frozen
class Failure:
    """Why one item of a batch failed; crosses process boundaries."""

    error_type: str
    message: str
    error: BaseException | None

    @classmethod
    def of(cls, error: BaseException) -> Failure:
        try:
            pickle.loads(pickle.dumps(error))
            kept: BaseException | None = error
        except Exception:
            kept = None
        return cls(type(error).__name__, str(error), kept)


#: One input item: (text, context, the failure of a malformed pair or None).
Item = tuple[Any, Any, "Failure | None"]
#: What a batch gives for one item: its attributions, or why it failed.
Output = list[Attribution] | Failure


def batches(texts: Iterable[Any], as_tuples: bool, size: int) -> Iterator[list[Item]]:
    """Items in lists of up to ``size``: (text, context, failure of a malformed pair or None).

    The first list holds one item and each next one twice as many, up to ``size``: the first
    result comes after one document has been read, and a long stream runs in full batches.
    """
    batch: list[Item] = []
    limit = 1
    for item in texts:
        if not as_tuples:
            batch.append((item, None, None))
        elif isinstance(item, tuple) and len(item) == 2:
            batch.append((item[0], item[1], None))
        else:
            error = TypeError("with as_tuples=True each item must be a (text, context) pair")
            batch.append((None, None, Failure.of(error)))
        if len(batch) >= limit:
            yield batch
            batch = []
            limit = min(2 * limit, size)
    if batch:
        yield batch


def result(out: Output, index: int, errors: str) -> Any:
    """The result ``pipe()`` gives for one item: its attributions, an :class:`ItemError`
    (``errors="return"``), or its error raised."""
    if not isinstance(out, Failure):
        return out
    if errors == "return":
        return ItemError(index, out.error_type, out.message)
    if out.error is not None:
        raise out.error
    if out.error_type == "TypeError":
        raise TypeError(out.message)
    raise QuotesError(f"item {index}: {out.error_type}: {out.message}")


def outputs_in_processes(
    extractor: Extractor,
    items: Iterator[list[Item]],
    publisher: str | None,
    n_process: int,
) -> Iterator[tuple[list[Item], list[Output]]]:
    """Each batch of ``items`` with its outputs, in input order, run by ``n_process``
    worker processes that each hold a copy of ``extractor``."""
    ctx = multiprocessing.get_context("spawn")
    # Ctrl-C goes to this process only: the workers ignore SIGINT (they inherit it while
    # they start), and leaving the generator terminates the pool.
    previous = _ignore_sigint()
    try:
        pool = ctx.Pool(n_process, initializer=_init_worker, initargs=(extractor,))
    finally:
        _restore_sigint(previous)
    with pool:
        # A few batches per process in flight: the input is read as the work goes, and
        # only the documents in flight are held, however long the stream.
        in_flight: deque[tuple[list[Item], Any]] = deque()

        def submit() -> None:
            batch = next(items, None)
            if batch is not None:
                job = ([text for text, _, _ in batch], publisher)
                in_flight.append((batch, pool.apply_async(_work, (job,))))

        for _ in range(2 * n_process):
            submit()
        while in_flight:
            batch, pending = in_flight.popleft()
            outs = pending.get()
            submit()
            yield batch, outs


_WORKER: Extractor | None = None


def _init_worker(extractor: Extractor) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = extractor


def _ignore_sigint() -> Any:
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGINT, signal.SIG_IGN)


def _restore_sigint(previous: Any) -> None:
    if previous is not None:
        signal.signal(signal.SIGINT, previous)


def _work(job: tuple[list[Any], str | None]) -> list[Output]:
    assert _WORKER is not None
    return _WORKER._extract_batch(job[0], job[1])
