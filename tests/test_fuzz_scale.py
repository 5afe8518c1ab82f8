"""Fuzzing for super-linear time (issue 9 §9): adversarial pieces repeated at two sizes.

A piece drawn from runs of marks, many quotations in one sentence, dateline lines, verbs
of saying in one clause (``fuzz_helpers.adversarial_pieces``) is repeated into a text of
n and of 10n copies, and ``extract()`` on the larger must take less than 30 times the CPU
time of the smaller (linear is 10x, quadratic 100x): a ratio, measured in CPU seconds of
a forked child, so a busy machine does not decide the outcome. The absolute limits only
stop a runaway. :func:`test_properties.assert_linear` does the measuring (one
implementation for every scaling test).
"""

from __future__ import annotations

import pytest
from fuzz_helpers import adversarial_pieces, fuzz
from hypothesis import given
from test_properties import assert_linear

import quotes
from quotes import Extractor

#: Characters of the smaller text: large enough that its CPU time is well above the noise
#: floor of ``assert_linear`` (0.02 s), so a quadratic stage shows as 100x, not hidden.
RULES_CHARS = 10_000
PARSE_CHARS = 2_000


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor("rules")


@pytest.fixture(scope="module")
def parse() -> Extractor:
    if quotes.default_backend() != "parse":
        pytest.skip("the shipped model is not installed")
    return Extractor("parse")


def _repeat(piece: str, chars: int) -> object:
    copies = max(1, chars // len(piece))
    return lambda k: piece * (k * copies)


@fuzz(3)
@given(adversarial_pieces())
def test_adversarial_pieces_cost_linear_time_on_the_rules_backend(
    rules: Extractor, piece: str
) -> None:
    assert_linear(_repeat(piece, RULES_CHARS // 10), 10, limit_s=120, extractor=rules)


@fuzz(1)
@given(adversarial_pieces())
def test_adversarial_pieces_cost_linear_time_on_the_parse_backend(
    parse: Extractor, piece: str
) -> None:
    assert_linear(_repeat(piece, PARSE_CHARS // 10), 10, limit_s=300, extractor=parse)
