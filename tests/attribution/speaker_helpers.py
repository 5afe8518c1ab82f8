"""Helpers shared by the end-to-end speaker tests (``test_speaker_round*.py``)."""

from __future__ import annotations

import quotes


def quotation(
    extractor: quotes.Extractor, text: str, words: str, kind: str = ""
) -> quotes.Attribution:
    """The first quotation of ``text`` whose content holds ``words`` (of ``kind`` if given)."""
    for a in extractor.extract(text):
        if words in a.content.text and (not kind or a.kind == kind):
            return a
    raise AssertionError(f"no quotation with {words!r}")
