"""Fuzzing the parse backend's long-document paths (issue 9 §9): no hang, every promise kept.

A text longer than one parse window (``quotes.extractor._WINDOW_CHARS``) is analysed one
window at a time, each window's candidate sentences cut into chunks
(``quotes.backends._CHUNK_CHARS``) that go to the parser in bounded batches
(``_BATCH_CHARS``), and the parses joined back. A hang on those paths (the speaker phrase's
climb through a sentence root, fixed in 63e0c8b) was only ever seen on a 1 MB document,
which none of the short fuzz tests reaches. Here generated and mutated long documents
(:func:`fuzz_helpers.long_documents`) go through ``extract()`` on the parse backend in a
forked child with a CPU-time limit, so a hang fails the test (with the document's recipe)
instead of blocking the run.

* CI profile: documents of 15-40k characters with the window, chunk and batch sizes shrunk
  (to 4,000 / 1,500 / 3,000 characters) in the child, so each document crosses several
  windows, chunks and batches for a few CPU seconds of parsing.
* ``QUOTES_FUZZ=long``: a hundred times as many, half of them at the shipped sizes on
  documents of up to 450k characters (several real windows and chunks each).

Checked in the child: :func:`quotes.testing.check_invariants` (exact offsets and the rest),
and, for every document, that ``pipe()`` gives what ``extract()`` gives.
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
import traceback
from collections.abc import Callable
from typing import Any

import pytest
from fuzz_helpers import PROFILE, LongDocument, fuzz, long_documents
from hypothesis import given
from hypothesis import strategies as st

import quotes
import quotes.backends as backends
import quotes.extractor as extractor_module
from quotes import Extractor
from quotes.testing import check_invariants

#: Window, chunk and batch characters in the child when ``shrunk``: every CI document
#: crosses several of each.
SHRUNK = {"window": 4_000, "chunk": 1_500, "batch": 3_000}
#: CPU seconds a child may use: a fixed part plus this many per character of the text
#: (~0.06 ms per character is the parse path's measured rate, 56 CPU s per MB; five times
#: that leaves room for a slow machine and the pipe() check, and still stops a hang).
CPU_FIXED_S = 30
CPU_PER_CHAR_S = 6e-4


@pytest.fixture(scope="module")
def parse() -> Extractor:
    if quotes.default_backend() != "parse":
        pytest.skip("the shipped model is not installed")
    extractor = Extractor("parse")
    extractor.extract("„Ja“, sagte sie. Er sagte, es sei gut.")  # loaded before forking
    return extractor


def _check(extractor: Extractor, text: str, shrunk: bool) -> int:
    """What the child does: extract, check, pipe; the number of quotations."""
    if shrunk:
        extractor_module._WINDOW_CHARS = SHRUNK["window"]
        backends._CHUNK_CHARS = SHRUNK["chunk"]
        backends._BATCH_CHARS = SHRUNK["batch"]
    found = extractor.extract(text)
    check_invariants(text, found)
    # pipe() gives what extract() gives: a short document batched next to the long one.
    short = "„Wir sind bereit“, sagte Olaf Scholz. Er sagte, er sei müde."
    expected = [extractor.extract(short), found, extractor.extract(short)]
    assert list(extractor.pipe([short, text, short], batch_size=3)) == expected
    return len(found)


Work = Callable[[Extractor, str, bool], int]


def _child(
    send: Any, work: Work, extractor: Extractor, text: str, shrunk: bool, cpu_s: int
) -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    limit = int(usage.ru_utime + usage.ru_stime) + 1 + cpu_s
    resource.setrlimit(resource.RLIMIT_CPU, (limit if hard < 0 else min(limit, hard), hard))
    try:
        send.send(("ok", work(extractor, text, shrunk)))
    except BaseException:  # every failure goes back to the parent, with its traceback
        send.send(("failed", traceback.format_exc()))


def run_bounded(
    extractor: Extractor,
    document: LongDocument,
    shrunk: bool,
    cpu_s: int | None = None,
    work: Work = _check,
) -> int:
    """``work`` (``_check``) on the document in a forked child limited to ``cpu_s`` CPU
    seconds (``CPU_FIXED_S + CPU_PER_CHAR_S * len(text)``); fails with the document's
    recipe when the child fails, dies or runs out. The CPU limit stops a hang that computes
    whatever the load; the wall clock (ten times that, at least five minutes: on a shared
    machine a child can wait long for a core) only one that blocks."""
    text = document.text
    if cpu_s is None:
        cpu_s = int(CPU_FIXED_S + CPU_PER_CHAR_S * len(text))
    wall_s = max(10 * cpu_s, 300)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(send, work, extractor, text, shrunk, cpu_s), daemon=True
    )
    child.start()
    send.close()
    try:
        if not receive.poll(wall_s):
            pytest.fail(f"still running after {wall_s} s of wall time: {document!r}")
        try:
            status, value = receive.recv()
        except EOFError:
            child.join(10)
            if child.exitcode == -signal.SIGXCPU:
                pytest.fail(f"used its {cpu_s} CPU s without finishing (a hang?): {document!r}")
            pytest.fail(f"the child died (exit code {child.exitcode}): {document!r}")
    finally:
        child.kill()
        child.join()
    if status != "ok":
        pytest.fail(f"{document!r}\n{value}")
    return int(value)


def _spin(extractor: Extractor, text: str, shrunk: bool) -> int:
    while True:
        pass


def test_a_hang_in_the_child_fails_in_bounded_time(parse: Extractor) -> None:
    """The harness itself: a child that loops is stopped by its CPU limit and reported."""
    with pytest.raises(pytest.fail.Exception, match="without finishing"):
        run_bounded(parse, LongDocument(("a loop",), "x"), shrunk=True, cpu_s=1, work=_spin)


@fuzz(3)
@given(st.integers(15_000, 40_000).flatmap(long_documents))
def test_long_documents_through_small_windows(parse: Extractor, document: LongDocument) -> None:
    run_bounded(parse, document, shrunk=True)


@pytest.mark.skipif(PROFILE != "long", reason="QUOTES_FUZZ=long only (minutes per document)")
@fuzz(1)
@given(st.integers(210_000, 450_000).flatmap(long_documents))
def test_long_documents_at_the_shipped_sizes(parse: Extractor, document: LongDocument) -> None:
    run_bounded(parse, document, shrunk=False)
