"""Attribution costs time linear in the text (issue 9): many quotations in one sentence,
and one long clause with many verbs of saying.

Each test times one stage in CPU seconds on n and 4n copies of a piece: linear is 4x,
quadratic 16x; the bound of 10x leaves room for a busy machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import quotes
from quotes.document import Document
from quotes.pipeline.marks import find_marks
from quotes.pipeline.quotations import find_quotations

RATIO = 10


def _best_cpu_seconds(work: Callable[[], object], runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.process_time()
        work()
        best = min(best, time.process_time() - began)
    return max(best, 0.01)


@pytest.mark.slow
@pytest.mark.parametrize(
    "piece",
    ["„Titel“, ", '"key": "value", ', "“", '"'],
    ids=["titles", "json", "bare-closers", "straight"],
)
def test_many_quotations_in_one_sentence(piece: str) -> None:
    extractor = quotes.Extractor("rules")
    finder = extractor._speakers

    def seconds(copies: int) -> float:
        doc = Document.build(piece * copies, extractor._splitter)
        quoted = find_quotations(doc, find_marks(doc, extractor.rules), extractor.rules)
        return _best_cpu_seconds(lambda: finder.find(doc, quoted))

    seconds(50)  # warm up
    small, large = seconds(1_000), seconds(4_000)
    assert large / small < RATIO, f"1,000: {small:.2f} s, 4,000: {large:.2f} s"


@pytest.mark.slow
def test_one_clause_with_many_verbs_of_saying() -> None:
    pytest.importorskip("spacy")
    extractor = quotes.Extractor("parse")
    piece = "Er sagte, er sei bereit und "

    def seconds(copies: int) -> float:
        text = piece * copies + "das sei gut."
        doc = Document.build(text, extractor._splitter)
        parsed = extractor._parser.parse(text)
        mentions = extractor._mentions
        return _best_cpu_seconds(
            lambda: extractor._indirect.detect(parsed, doc, (), mentions, mentions.start(doc))
        )

    seconds(20)  # warm up
    small, large = seconds(300), seconds(1_200)
    assert large / small < RATIO, f"300: {small:.2f} s, 1,200: {large:.2f} s"
