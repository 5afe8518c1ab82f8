"""The compact output of the quotation stage (issue 9 §2): a long output is a
``QuotedSpans`` whose records equal the ones a tuple would hold, and every stage after it
gives the same results whichever form it reads."""

from __future__ import annotations

import attrs
import pytest
from fuzz_helpers import fuzz, mutated_articles, seed_texts
from hypothesis import given

from quotes import Extractor
from quotes.document import Document
from quotes.pipeline.marks import Mark, find_marks
from quotes.pipeline.quotations import find_quotations, records
from quotes.pipeline.quotations.records import (
    QuotedBuilder,
    QuotedSpans,
    recategorized,
    top_level,
)

EXTRACTOR = Extractor("rules")
RULES = EXTRACTOR.rules


def _quoted(text: str) -> tuple[Document, object]:
    doc = Document.build(text, EXTRACTOR._splitter)
    return doc, find_quotations(doc, find_marks(doc, RULES), RULES)


def _compact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "COMPACT_AT", 0)


def _texts() -> list[str]:
    pieces = ["„Titel“, ", '"key": "value", ', "Berlin (dpa) – „Ja“, sagte er.\n"]
    return [*seed_texts(), *(piece * 40 for piece in pieces), "„a „b ‚c‘ d“ e“ „f"]


@pytest.mark.parametrize("index", range(len(_texts())))
def test_compact_records_equal_the_tuple_records(
    monkeypatch: pytest.MonkeyPatch, index: int
) -> None:
    text = _texts()[index]
    _, plain = _quoted(text)
    assert isinstance(plain, tuple)
    _compact(monkeypatch)
    _, compact = _quoted(text)
    assert isinstance(compact, QuotedSpans) or not plain
    assert compact == plain and plain == compact
    assert list(compact) == list(plain)
    assert [compact[i] for i in range(-len(plain), len(plain))] == [*plain, *plain]
    assert compact[1:4] == plain[1:4]
    assert list(top_level(compact)) == top_level(plain)


@pytest.mark.parametrize("index", range(len(_texts())))
def test_every_stage_gives_the_same_results_from_the_compact_form(
    monkeypatch: pytest.MonkeyPatch, index: int
) -> None:
    text = _texts()[index]
    before = EXTRACTOR.analyze(text)
    _compact(monkeypatch)
    after = EXTRACTOR.analyze(text)
    assert after.attributions == before.attributions
    assert after.frames == before.frames
    assert list(after.quoted) == list(before.quoted)


@fuzz(60)
@given(mutated_articles(max_chars=3_000))
def test_mutated_articles_give_the_same_results_compact(mutated: object) -> None:
    text = mutated.text  # type: ignore[attr-defined]
    before = EXTRACTOR.analyze(text)
    saved = records.COMPACT_AT
    records.COMPACT_AT = 0
    try:
        after = EXTRACTOR.analyze(text)
    finally:
        records.COMPACT_AT = saved
    assert after.attributions == before.attributions
    assert list(after.quoted) == list(before.quoted)


def test_recategorized_changes_only_the_categories_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "„eins“ „zwei“ „drei“"
    _, plain = _quoted(text)
    changes = bytearray([0, 3, 1])  # keep, term, speech
    expected = (
        plain[0],
        attrs.evolve(plain[1], category="term"),
        attrs.evolve(plain[2], category="speech"),
    )
    assert recategorized(plain, changes) == expected
    _compact(monkeypatch)
    _, compact = _quoted(text)
    assert recategorized(compact, changes) == expected
    assert compact == plain  # not changed in place
    with pytest.raises(ValueError):
        recategorized(compact, bytearray(2))


def test_the_builder_keeps_every_field(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "„Wir“ sagte er ‚x‘"
    _, plain = _quoted(text)
    assert isinstance(plain, tuple) and plain
    odd = attrs.evolve(
        plain[0],
        open_mark=Mark(0, "„", "open", "low9", weak=True),
        close_mark=None,
        depth=3,
        parent=7,
        category="title",
        flags=frozenset({"unclosed", "marked_term"}),
        family="other",
    )
    _compact(monkeypatch)
    builder = QuotedBuilder(text)
    for record in (*plain, odd):
        builder.add(record)
    built = builder.build()
    assert isinstance(built, QuotedSpans)
    assert list(built) == [*plain, odd]
    with pytest.raises(IndexError):
        built[len(plain) + 1]
