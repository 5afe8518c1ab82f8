"""A built Document keeps its paragraphs and sentences as offsets (``Spans``): each Span is
made when read, equal to the one a tuple of Spans would hold (issue 9 §2)."""

from __future__ import annotations

import pickle

import pytest

from quotes import Extractor
from quotes.document import Document, Spans
from quotes.records import Span

TEXT = "Berlin (dpa) – „Ja“, sagte er.\n\nDr. Lange kam. Er ging.\r\n  \nEnde"


@pytest.fixture(scope="module")
def splitter():  # type: ignore[no-untyped-def]
    return Extractor("rules")._splitter


def _as_tuples(doc: Document) -> Document:
    """The same document with its paragraphs as a tuple of Spans, as made by hand."""
    return Document(TEXT, tuple(doc.paragraphs), splitter=doc._splitter)


def test_spans_read_as_the_tuple_of_the_same_spans(splitter) -> None:  # type: ignore[no-untyped-def]
    doc = Document.build(TEXT, splitter)
    assert isinstance(doc.paragraphs, Spans)
    expected = (
        Span(0, 30, "Berlin (dpa) – „Ja“, sagte er."),
        Span(32, 55, "Dr. Lange kam. Er ging."),
        Span(60, 64, "Ende"),
    )
    assert doc.paragraphs == expected and tuple(doc.paragraphs) == expected
    assert list(doc.paragraphs) == [doc.paragraphs[i] for i in range(3)]
    assert doc.paragraphs[-1] == expected[-1] and doc.paragraphs[1:] == expected[1:]
    assert hash(doc.paragraphs) == hash(expected)
    with pytest.raises(IndexError):
        doc.paragraphs[3]
    for span in doc.paragraphs:
        assert TEXT[span.start : span.end] == span.text


def test_sentences_are_those_of_hand_made_paragraphs(splitter) -> None:  # type: ignore[no-untyped-def]
    doc = Document.build(TEXT, splitter)
    hand_made = _as_tuples(doc)
    assert isinstance(hand_made.sentences, tuple)
    assert doc.sentences == hand_made.sentences
    assert [s.text for s in doc.sentences] == [
        "Berlin (dpa) – „Ja“, sagte er.",
        "Dr. Lange kam.",
        "Er ging.",
        "Ende",
    ]
    for offset in range(len(TEXT)):
        assert doc.sentence_at(offset) == hand_made.sentence_at(offset)
        assert doc.paragraph_at(offset) == hand_made.paragraph_at(offset)
    assert list(doc.sentences_between(10, 50)) == list(hand_made.sentences_between(10, 50))
    assert list(doc.paragraph_bounds()) == list(hand_made.paragraph_bounds())
    assert doc == hand_made


def test_one_sentence_lines_share_the_paragraphs(splitter) -> None:  # type: ignore[no-untyped-def]
    doc = Document.build("„Ja“, sagte er.\n" * 5, splitter)
    assert doc.sentences is doc.paragraphs and len(doc.sentences) == 5


def test_spans_pickle_and_empty_text(splitter) -> None:  # type: ignore[no-untyped-def]
    doc = Document.build(TEXT, splitter)
    assert doc.sentences  # split before pickling, as the stages do
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and again.paragraphs == doc.paragraphs
    assert again.sentences == doc.sentences
    empty = Document.build("", splitter)
    assert len(empty.paragraphs) == 0 and empty.paragraphs == () and not empty.sentences
    assert empty.sentence_at(0) is None and empty.paragraph_at(0) is None
