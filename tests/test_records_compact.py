"""A Span stores ``start`` and ``text`` only (issue 9 §2: a text of short quotations is
mostly its Spans); everything it shows is as when it stored ``end`` too."""

from __future__ import annotations

import copy
import pickle
import sys

import attrs
import cattrs
import pytest

from quotes.records import Attribution, Span
from quotes.serialize import from_dict

TEXT = "Berlin (dpa) – „Ja“, sagte er."


def test_a_span_keeps_its_public_shape() -> None:
    span = Span(21, 26, "sagte")
    assert (span.start, span.end, span.text, len(span)) == (21, 26, "sagte", 5)
    assert repr(span) == "Span(start=21, end=26, text='sagte')"
    assert span == Span.of(TEXT, 21, 26) == Span(start=21, end=26, text="sagte")
    assert hash(span) == hash(Span.of(TEXT, 21, 26))
    assert span != Span(21, 26, "Sagte")
    assert pickle.loads(pickle.dumps(span)) == span
    assert copy.deepcopy(span) == span
    match span:
        case Span(start, end, text):
            assert (start, end, text) == (21, 26, "sagte")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 3  # type: ignore[misc]


def test_spans_order_by_start_then_end_not_by_text() -> None:
    spans = [Span(3, 5, "zz"), Span(3, 4, "z"), Span(0, 2, "bb"), Span(0, 2, "aa")]
    assert [(s.start, s.end) for s in sorted(spans)] == [(0, 2), (0, 2), (3, 4), (3, 5)]
    assert Span(0, 2, "bb") <= Span(0, 2, "aa") and Span(0, 2, "aa") >= Span(0, 2, "bb")
    assert Span(3, 4, "z") < Span(3, 5, "zz") and Span(3, 5, "zz") > Span(3, 4, "z")
    with pytest.raises(TypeError):
        _ = Span(0, 1, "a") < (0, 1)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("start", "end", "text", "error"),
    [
        (0, 2, "a", ValueError),
        (3, 2, "", ValueError),
        (-1, 0, "", ValueError),
        ("0", 1, "a", TypeError),
        (0, 1.0, "a", TypeError),
        (0, 1, b"a", TypeError),
    ],
)
def test_a_span_still_checks_its_offsets(
    start: object, end: object, text: object, error: type
) -> None:
    with pytest.raises(error):
        Span(start, end, text)  # type: ignore[arg-type]


def test_a_span_is_smaller_than_one_with_three_fields() -> None:
    span = Span.of(TEXT, 21, 26)
    assert [a.name for a in attrs.fields(Span)] == ["start", "text"]
    assert not hasattr(span, "__dict__") and not hasattr(span, "__weakref__")
    assert sys.getsizeof(span) <= 48


def test_the_json_of_a_span_has_all_three_keys_and_reads_back() -> None:
    quote, content = Span.of(TEXT, 15, 19), Span.of(TEXT, 16, 18)
    attribution = Attribution(kind="direct", quote=quote, content=content)
    data = attribution.to_dict()
    assert data["quote"] == {"start": 15, "end": 19, "text": "„Ja“"}
    assert from_dict(data) == attribution
    for bad, problem in (
        ({"start": 15, "end": 20, "text": "„Ja“"}, ValueError),
        ({"start": 15, "text": "„Ja“"}, KeyError),
    ):
        with pytest.raises(cattrs.ClassValidationError) as raised:
            from_dict({**data, "quote": bad})
        (inner,) = raised.value.exceptions
        assert isinstance(inner, cattrs.ClassValidationError) and inner.cl is Span
        assert isinstance(inner.exceptions[0], problem)


def test_a_mention_shares_its_short_texts() -> None:
    from quotes.pipeline.mention import Mention

    text = "„Ja“, sagte er. „Nein“, sagte er."
    first = Mention(12, 14, text[12:14], pronoun=text[12:14])
    second = attrs.evolve(first, start=30, end=32, text=text[30:32], pronoun=text[30:32])
    assert first.text is second.text is first.pronoun is second.pronoun
    assert not hasattr(first, "__weakref__")
