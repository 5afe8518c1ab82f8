"""The paired ratio of benchmarks.scale throughput (fake clocks, no parser)."""

from __future__ import annotations

import pytest

from benchmarks.scale import Round, paired_rounds, paired_summary


def test_paired_rounds_interleave_the_parts_and_sum_each_system() -> None:
    now = [0.0]
    calls: list[str] = []

    def work(name: str, seconds: float):  # type: ignore[no-untyped-def]
        def run() -> None:
            calls.append(name)
            now[0] += seconds

        return run

    first = [work("a0", 2.0), work("a1", 2.0)]
    second = [work("b0", 1.0), work("b1", 0.5)]
    rounds = paired_rounds(first, second, 2, cpu=lambda: now[0], wall=lambda: now[0])
    # Each part right after its pair, the order turning per part and per round.
    assert calls == ["a0", "b0", "b1", "a1", "b0", "a0", "a1", "b1"]
    assert [r.cpu for r in rounds] == [(4.0, 1.5), (4.0, 1.5)]
    assert rounds[0].wall == (4.0, 1.5)
    assert rounds[0].ratio == pytest.approx(4.0 / 1.5)


def test_paired_summary_median_spread_and_best() -> None:
    rounds = [
        Round(cpu=(4.0, 2.0), wall=(4.0, 2.0)),  # 2.0
        Round(cpu=(6.0, 2.0), wall=(6.0, 2.0)),  # 3.0 (a loaded round of the reference)
        Round(cpu=(4.4, 2.0), wall=(4.4, 2.0)),  # 2.2
    ]
    summary = paired_summary(rounds)
    assert summary["median"] == pytest.approx(2.2)
    assert (summary["low"], summary["high"]) == (pytest.approx(2.0), pytest.approx(3.0))
    assert summary["spread"] == pytest.approx(1.0 / 2.2)
    assert summary["best"] == pytest.approx(4.0 / 2.0)  # best of each, the old definition


def test_paired_rounds_need_matching_parts() -> None:
    with pytest.raises(ValueError, match="same parts"):
        paired_rounds([lambda: None], [], 1)
