"""The seeds gold scores speakers and chains of non-direct quotations too."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import quotes

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import seeds_scoring


@pytest.fixture(scope="module")
def other() -> seeds_scoring.OtherMatch:
    pytest.importorskip("spacy")
    gold = seeds_scoring.load_gold()
    predictions = seeds_scoring.extract_all(quotes.Extractor("parse"), gold)
    return seeds_scoring.match_other(gold, predictions)


def test_other_kinds_are_matched_and_scored(other: seeds_scoring.OtherMatch) -> None:
    assert len(other.matched) + len(other.missed) == 71
    speakers = seeds_scoring.score_other_speakers(other)
    via = seeds_scoring.score_other_via(other)
    assert speakers.total > 30
    # Measured at the commit that added this test: 31/42 and 40/43 (issue 7's target for
    # the speakers is 0.9, not met yet); these floors keep what has been reached.
    assert speakers.accuracy >= 0.73, speakers.report()
    assert via.accuracy >= 0.9, via.report()
