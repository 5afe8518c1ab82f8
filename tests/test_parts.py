"""A frame inside an indirect quotation splits it into parts (issue 8 §3)."""

from __future__ import annotations

import json

import pytest

from quotes.detectors.parts import split_interrupted
from quotes.pipeline.speakers import Frame
from quotes.records import Attribution, Cue, Span
from quotes.serialize import from_dict, to_json


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def frame_of(text: str, quote: str, frame: str | None, kind: str = "indirect") -> Frame:
    q = span(text, quote)
    f = span(text, frame) if frame else None
    return Frame(
        kind=kind,  # type: ignore[arg-type]
        quote=q,
        content=q,
        speaker=None,
        cue=Cue((f,)) if f else None,
        frame=f,
        addressee=None,
        confidence=0.8,
        region_start=0,
        region_end=len(text),
    )


def test_a_source_phrase_inside_the_quote_splits_it() -> None:
    text = "Ein Verdacht bestehe nach Angaben der Polizei nicht."
    (split,) = split_interrupted(
        text,
        [
            frame_of(
                text,
                "Ein Verdacht bestehe nach Angaben der Polizei nicht",
                "nach Angaben der Polizei",
            )
        ],
    )
    assert [p.text for p in split.quote_parts] == ["Ein Verdacht bestehe", "nicht"]
    assert split.quote.text == "Ein Verdacht bestehe nach Angaben der Polizei nicht"
    attribution = split.to_attribution((), split.speaker, split.medium)
    assert [p.text for p in attribution.parts] == ["Ein Verdacht bestehe", "nicht"]
    for part in attribution.parts:
        assert text[part.start : part.end] == part.text


def test_commas_around_an_inserted_frame_stay_out_of_the_parts() -> None:
    text = "Es gebe, so der Sprecher, keine Gefahr."
    (split,) = split_interrupted(
        text, [frame_of(text, "Es gebe, so der Sprecher, keine Gefahr", "so der Sprecher")]
    )
    assert [p.text for p in split.quote_parts] == ["Es gebe", "keine Gefahr"]


@pytest.mark.parametrize(
    ("quote", "frame", "kind"),
    [
        ("Die Lage sei ruhig", None, "indirect"),  # no frame
        ("die Lage sei ruhig", "sagte", "indirect"),  # frame outside the quote
        ("„Die Lage ist ruhig, sagte er, wirklich“", "sagte er", "direct"),  # direct: as is
    ],
)
def test_quotes_in_one_piece_stay_whole(quote: str, frame: str | None, kind: str) -> None:
    text = f"Er sagte, {quote}." if frame == "sagte" else f"{quote}."
    (same,) = split_interrupted(text, [frame_of(text, quote, frame, kind)])
    assert same.quote_parts == ()


def test_a_frame_at_the_edge_of_the_quote_does_not_split_it() -> None:
    text = "Laut Polizei ist die Lage ruhig."
    (same,) = split_interrupted(
        text, [frame_of(text, "Laut Polizei ist die Lage ruhig", "Laut Polizei")]
    )
    assert same.quote_parts == ()


def test_quote_parts_are_checked_and_round_trip_through_json() -> None:
    text = "Ein Verdacht bestehe nach Angaben der Polizei nicht"
    quote = Span(0, len(text), text)
    parts = (span(text, "Ein Verdacht bestehe"), span(text, "nicht"))
    attribution = Attribution("indirect", quote, quote, quote_parts=parts)
    assert from_dict(json.loads(to_json(attribution))) == attribution
    assert attribution.to_dict()["quote_parts"][1] == {"start": 46, "end": 51, "text": "nicht"}
    assert Attribution("indirect", quote, quote).parts == (quote,)
    with pytest.raises(ValueError, match="in text order"):
        Attribution("indirect", quote, quote, quote_parts=parts[::-1])
    with pytest.raises(ValueError, match="inside the quote"):
        Attribution("indirect", parts[0], parts[0], quote_parts=parts)
    with pytest.raises(TypeError, match="Spans"):
        Attribution("indirect", quote, quote, quote_parts=("nicht",))  # type: ignore[arg-type]
