"""How a stage's cost grows with its input: one measurement for every scaling test.

A scaling test runs the same work on a small and a large input and bounds the ratio of
their costs. On a shared machine (the suite's own workers, other jobs) a single timing can
be slowed by half or more, and a burst that falls on one side only moves the ratio. So:

- CPU time of this process, not wall time: waits for a core do not count;
- the garbage collector paused, as ``timeit`` does: collector pauses are not the work's;
- small and large measured in alternating rounds, and the best of each taken: noise only
  ever adds time, and a burst of contention then falls on both sides, not on one.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

#: A floor for the small side: a tiny timing is mostly clock resolution and noise.
FLOOR_SECONDS = 0.01


def cpu_seconds(work: Callable[[], object], runs: int = 3) -> float:
    """The best of ``runs`` CPU timings of ``work``, with the collector paused."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(runs):
            began = time.process_time()
            work()
            best = min(best, time.process_time() - began)
    finally:
        if enabled:
            gc.enable()
    return best


def growth(
    small: Callable[[], object],
    large: Callable[[], object],
    *,
    rounds: int = 3,
    floor: float = FLOOR_SECONDS,
) -> float:
    """How many times the cost of ``small`` the work ``large`` costs.

    Each round times ``small`` (best of two) and then ``large`` once; the ratio is of the
    best timings over all rounds.
    """
    best_small = best_large = float("inf")
    for _ in range(rounds):
        best_small = min(best_small, cpu_seconds(small, runs=2))
        best_large = min(best_large, cpu_seconds(large, runs=1))
    return best_large / max(best_small, floor)
