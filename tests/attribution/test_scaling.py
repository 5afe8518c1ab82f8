"""Attribution costs time linear in the text (issue 9): many quotations in one sentence,
and one long clause with many verbs of saying.

Each test times one stage in CPU seconds on n and 4n copies of a piece: linear is 4x,
quadratic 16x; the bound of 10x leaves room for a busy machine.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from timing import growth

import quotes
from quotes.document import Document
from quotes.pipeline.marks import find_marks
from quotes.pipeline.quotations import find_quotations

RATIO = 10


@pytest.mark.slow
@pytest.mark.parametrize(
    "piece",
    ["„Titel“, ", '"key": "value", ', "“", '"'],
    ids=["titles", "json", "bare-closers", "straight"],
)
def test_many_quotations_in_one_sentence(piece: str) -> None:
    extractor = quotes.Extractor("rules")
    finder = extractor._speakers

    def work(copies: int) -> Callable[[], object]:
        doc = Document.build(piece * copies, extractor._splitter)
        quoted = find_quotations(doc, find_marks(doc, extractor.rules), extractor.rules)
        return lambda: finder.find(doc, quoted)

    work(50)()  # warm up
    ratio = growth(work(1_000), work(4_000))
    assert ratio < RATIO, f"4x the quotations took {ratio:.1f}x the CPU time"


@pytest.mark.slow
def test_one_clause_with_many_verbs_of_saying() -> None:
    pytest.importorskip("spacy")
    extractor = quotes.Extractor("parse")
    piece = "Er sagte, er sei bereit und "

    def work(copies: int) -> Callable[[], object]:
        text = piece * copies + "das sei gut."
        doc = Document.build(text, extractor._splitter)
        parsed = extractor._parser.parse(text)
        mentions = extractor._mentions
        return lambda: extractor._indirect.detect(parsed, doc, (), mentions, mentions.start(doc))

    work(20)()  # warm up
    ratio = growth(work(300), work(1_200))
    assert ratio < RATIO, f"4x the verbs took {ratio:.1f}x the CPU time"
