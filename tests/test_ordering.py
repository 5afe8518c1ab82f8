"""quotes.ordering.in_offset_order: the test that lets a sort be skipped."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotes.ordering import in_offset_order
from quotes.records import Span

pairs = st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)).map(sorted), max_size=8)


def spans(offsets: list[list[int]]) -> list[Span]:
    text = "x" * 21
    return [Span(a, b, text[a:b]) for a, b in offsets]


@given(pairs)
def test_it_says_whether_sorting_by_start_and_end_would_change_the_order(
    offsets: list[list[int]],
) -> None:
    items = spans(offsets)
    by_end = sorted(items, key=lambda s: (s.start, s.end))
    longest = sorted(items, key=lambda s: (s.start, -s.end))
    keys = [(s.start, s.end) for s in items]
    assert in_offset_order(items) == (keys == [(s.start, s.end) for s in by_end])
    assert in_offset_order(items, longest_first=True) == (
        keys == [(s.start, s.end) for s in longest]
    )


def test_equal_starts_follow_the_end_order_asked_for() -> None:
    text = "abcdef"
    short, long = Span(0, 2, text[0:2]), Span(0, 5, text[0:5])
    assert in_offset_order([short, long])
    assert not in_offset_order([long, short])
    assert in_offset_order([long, short], longest_first=True)
    assert not in_offset_order([short, long], longest_first=True)
