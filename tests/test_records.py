"""The result records: validated invariants, the Chain text form, and the JSON shape."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes import Attribution, Chain, Cue, Source, Span, Speaker, from_dict, to_json
from quotes.records import KINDS, MEDIA, SOURCE_TYPES, SPEAKER_TYPES
from quotes.serialize import attribution_to_dict

TEXT = "„Es besteht keine Gefahr“, sagte er laut Tass, wie die Epoch Times berichtet."


def span(needle: str, text: str = TEXT, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def putin_attribution() -> Attribution:
    quote = span("„Es besteht keine Gefahr“")
    return Attribution(
        kind="direct",
        quote=quote,
        content=Span.of(TEXT, quote.start + 1, quote.end - 1),
        speaker=Speaker(span("er"), "Wladimir Putin", "person"),
        cue=Cue([span("sagte")]),
        via=(
            Source("Tass", "agency", "laut", span("Tass"), hop=1),
            Source("Epoch Times", "outlet", "berichtet", span("Epoch Times"), hop=2),
        ),
        frame=span("sagte er laut Tass"),
        confidence=0.75,
        medium="Speech",
    )


# -- Span ---------------------------------------------------------------------------------
def test_span_of_takes_text_from_source() -> None:
    s = Span.of("abcdef", 1, 4)
    assert (s.start, s.end, s.text, len(s)) == (1, 4, "bcd", 3)


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [(-1, 2, "abc"), (3, 2, ""), (-2, -1, "a"), (0, 2, "abc"), (0, 3, "ab"), (5, 5, "x")],
)
def test_span_rejects_inconsistent_offsets(start: int, end: int, text: str) -> None:
    with pytest.raises(ValueError):
        Span(start, end, text)


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (2, 1), (0, 7), (7, 7)])
def test_span_of_rejects_offsets_outside_text(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        Span.of("abcdef", start, end)


@pytest.mark.parametrize(("start", "end", "text"), [("0", 1, "a"), (0, 1.0, "a"), (0, 1, b"a")])
def test_span_rejects_wrong_types(start: Any, end: Any, text: Any) -> None:
    with pytest.raises(TypeError):
        Span(start, end, text)


def test_span_contains_and_overlaps() -> None:
    outer, inner, apart = Span(0, 10, "x" * 10), Span(2, 4, "xx"), Span(10, 12, "xx")
    assert outer.contains(inner) and outer.contains(outer) and not inner.contains(outer)
    assert outer.overlaps(inner) and not outer.overlaps(apart)
    assert not Span(3, 3, "").overlaps(Span(3, 3, ""))


def test_records_are_frozen() -> None:
    attribution = putin_attribution()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        attribution.kind = "indirect"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        attribution.quote.start = 0  # type: ignore[misc]


# -- Attribution and friends ------------------------------------------------------------
def test_content_outside_quote_is_rejected() -> None:
    good = putin_attribution()
    with pytest.raises(ValueError, match="inside"):
        attrs.evolve(good, content=span("sagte"))
    with pytest.raises(ValueError):  # sticks out by one character
        attrs.evolve(good, content=Span.of(TEXT, good.quote.start + 1, good.quote.end + 1))


def test_content_may_equal_quote() -> None:
    good = putin_attribution()
    assert attrs.evolve(good, content=good.quote).content == good.quote


@pytest.mark.parametrize("kind", ["Direct", "quote", "", "speech"])
def test_bad_kind_is_rejected(kind: str) -> None:
    with pytest.raises(ValueError):
        attrs.evolve(putin_attribution(), kind=kind)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_accepted(kind: str) -> None:
    assert attrs.evolve(putin_attribution(), kind=kind).kind == kind


@pytest.mark.parametrize("confidence", [-0.01, 1.01, 2, float("nan"), float("inf")])
def test_confidence_outside_unit_interval_is_rejected(confidence: float) -> None:
    with pytest.raises(ValueError):
        attrs.evolve(putin_attribution(), confidence=confidence)


@pytest.mark.parametrize("confidence", [0, 0.0, 0.5, 1, 1.0])
def test_confidence_inside_unit_interval_is_a_float(confidence: float) -> None:
    value = attrs.evolve(putin_attribution(), confidence=confidence).confidence
    assert isinstance(value, float) and value == confidence


def test_bad_medium_is_rejected() -> None:
    with pytest.raises(ValueError):
        attrs.evolve(putin_attribution(), medium="speech")
    for medium in (*MEDIA, None):
        assert attrs.evolve(putin_attribution(), medium=medium).medium == medium


def test_wrong_record_types_are_rejected() -> None:
    good = putin_attribution()
    with pytest.raises(TypeError):
        attrs.evolve(good, quote=(0, 3))
    with pytest.raises(TypeError):
        attrs.evolve(good, speaker="Wladimir Putin")
    with pytest.raises(TypeError):
        attrs.evolve(good, cue="sagte")
    with pytest.raises(TypeError):
        attrs.evolve(good, frame=(0, 1))
    with pytest.raises(TypeError):
        attrs.evolve(good, via=("Tass",))


@pytest.mark.parametrize("type_", ["Person", "people", ""])
def test_bad_speaker_type_is_rejected(type_: str) -> None:
    with pytest.raises(ValueError):
        Speaker(None, "Olaf Scholz", type_)  # type: ignore[arg-type]


def test_speaker_types_and_default() -> None:
    assert Speaker(None, "Olaf Scholz").type == "unknown"
    for type_ in SPEAKER_TYPES:
        assert Speaker(None, "X", type_).type == type_
    with pytest.raises(TypeError):
        Speaker("er", "Olaf Scholz")  # type: ignore[arg-type]


@pytest.mark.parametrize("type_", ["newspaper", "Agency", ""])
def test_bad_source_type_is_rejected(type_: str) -> None:
    with pytest.raises(ValueError):
        Source("Tass", type_, "laut")  # type: ignore[arg-type]


def test_source_hop_is_not_negative() -> None:
    with pytest.raises(ValueError):
        Source("Tass", "agency", "laut", hop=-1)
    assert Source("Tass", "agency", "laut").hop == 1
    assert all(Source("X", t, "laut").type == t for t in SOURCE_TYPES)


def test_via_hops_must_not_decrease() -> None:
    tass = Source("Tass", "agency", "laut", hop=2)
    epoch = Source("Epoch Times", "outlet", "berichtet", hop=1)
    with pytest.raises(ValueError, match="hop"):
        attrs.evolve(putin_attribution(), via=(tass, epoch))
    same_hop = (attrs.evolve(tass, hop=1), epoch)
    assert attrs.evolve(putin_attribution(), via=same_hop).via == same_hop


def test_via_is_converted_to_a_tuple() -> None:
    via = [Source("Tass", "agency", "laut")]
    assert attrs.evolve(putin_attribution(), via=via).via == tuple(via)


def test_cue_parts_must_be_ordered_and_apart() -> None:
    text = "Er fügte hinzu"
    fuegte, hinzu = span("fügte", text), span("hinzu", text)
    with pytest.raises(ValueError):
        Cue([hinzu, fuegte])
    with pytest.raises(ValueError):
        Cue([span("fügte hinzu", text), hinzu])  # overlapping parts
    with pytest.raises(ValueError):
        Cue([])
    with pytest.raises(TypeError):
        Cue(["sagte"])  # type: ignore[list-item]
    cue = Cue([fuegte, hinzu])
    assert isinstance(cue.parts, tuple)
    assert (cue.start, cue.end) == (fuegte.start, hinzu.end)


def test_cue_text_marks_gaps() -> None:
    text = "Er fügte am Abend hinzu, so sagte er"
    assert Cue([span("fügte", text), span("hinzu", text)]).text == "fügte … hinzu"
    assert str(Cue([span("sagte", text)])) == "sagte"


# -- Chain ------------------------------------------------------------------------------
def test_chain_text_form() -> None:
    attribution = putin_attribution()
    assert str(attribution.chain) == "Wladimir Putin via Tass via Epoch Times"
    assert attribution.chain.hops() == [["Wladimir Putin"], ["Tass"], ["Epoch Times"]]
    assert [str(link) for link in attribution.chain] == ["Wladimir Putin", "Tass", "Epoch Times"]
    assert len(attribution.chain) == 3 and str(attribution.chain[0]) == "Wladimir Putin"


def test_chain_branches_join_with_ampersand() -> None:
    chain = Chain(
        Speaker(None, "CNN", "outlet"),
        (
            Source("US-Außenministerium", "organization", "unter Berufung auf", hop=0),
            Source("RENEWZ", "publisher", "publisher", hop=1),
        ),
    )
    assert str(chain) == "CNN & US-Außenministerium via RENEWZ"
    branches = Chain(
        Speaker(None, "Maria Sacharowa", "person"),
        (Source("Tass", "agency", "laut"), Source("RIA Nowosti", "agency", "laut")),
    )
    assert str(branches) == "Maria Sacharowa via Tass & RIA Nowosti"


def test_chain_without_speaker() -> None:
    assert str(Chain(None)) == "?"
    assert str(Chain(None, (Source("Tass", "agency", "laut"),))) == "? via Tass"
    assert len(Chain(None)) == 0 and Chain(None).links == ()


# -- JSON -------------------------------------------------------------------------------
def test_to_dict_shape() -> None:
    data = putin_attribution().to_dict()
    assert list(data) == [
        "kind",
        "quote",
        "content",
        "quote_parts",
        "speaker",
        "cue",
        "via",
        "chain",
        "frame",
        "addressee",
        "confidence",
        "medium",
    ]
    assert data["kind"] == "direct"
    assert data["quote"] == {"start": 0, "end": 25, "text": "„Es besteht keine Gefahr“"}
    assert data["content"] == {"start": 1, "end": 24, "text": "Es besteht keine Gefahr"}
    assert data["speaker"] == {
        "name": "Wladimir Putin",
        "type": "person",
        "mention": {"start": 33, "end": 35, "text": "er"},
    }
    assert data["cue"] == {"text": "sagte", "parts": [{"start": 27, "end": 32, "text": "sagte"}]}
    assert data["via"] == [
        {
            "name": "Tass",
            "type": "agency",
            "relation": "laut",
            "mention": {"start": 41, "end": 45, "text": "Tass"},
            "hop": 1,
        },
        {
            "name": "Epoch Times",
            "type": "outlet",
            "relation": "berichtet",
            "mention": {"start": 55, "end": 66, "text": "Epoch Times"},
            "hop": 2,
        },
    ]
    assert data["chain"] == "Wladimir Putin via Tass via Epoch Times"
    assert data["frame"] == {"start": 27, "end": 45, "text": "sagte er laut Tass"}
    assert data["addressee"] is None
    assert data["confidence"] == 0.75 and data["medium"] == "Speech"
    assert attribution_to_dict(putin_attribution()) == data
    json.dumps(data)  # JSON-ready as it is


def test_to_dict_of_a_bare_attribution() -> None:
    quote = Span.of("sie habe nichts gewusst", 0, 23)
    data = Attribution("indirect", quote, quote).to_dict()
    assert data["speaker"] is None and data["cue"] is None and data["via"] == []
    assert data["chain"] == "?" and data["medium"] is None and data["confidence"] == 1.0


def test_from_dict_round_trip() -> None:
    attribution = putin_attribution()
    assert from_dict(attribution.to_dict()) == attribution
    assert from_dict(json.loads(to_json(attribution))) == attribution


def test_from_dict_validates() -> None:
    data = putin_attribution().to_dict()
    data["content"] = {"start": 30, "end": 40, "text": "x" * 10}
    with pytest.raises(Exception):  # noqa: B017 - cattrs wraps the ValueError
        from_dict(data)


def test_to_json_keeps_unicode_and_accepts_lists() -> None:
    attribution = putin_attribution()
    one = to_json(attribution)
    assert "„Es besteht keine Gefahr“" in one and "\\u201e" not in one
    many = json.loads(to_json([attribution, attribution]))
    assert isinstance(many, list) and len(many) == 2
    assert [from_dict(item) for item in many] == [attribution, attribution]
    assert json.loads(to_json([])) == []
    assert "\n" in to_json(attribution, indent=2)


# -- round trip over generated records ---------------------------------------------------
_SOURCE_TEXT = "„Wir sind bereit“, sagte Olaf Scholz laut dpa gegenüber dem ZDF. 😀\r\nÄ\u0301"


@st.composite
def spans(draw: st.DrawFn, text: str = _SOURCE_TEXT) -> Span:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Span.of(text, start, end)


@st.composite
def attributions(draw: st.DrawFn) -> Attribution:
    quote = draw(spans())
    c_start = draw(st.integers(quote.start, quote.end))
    c_end = draw(st.integers(c_start, quote.end))
    cue_bounds = sorted(draw(st.lists(st.integers(0, len(_SOURCE_TEXT)), min_size=2, max_size=6)))
    pairs = list(zip(cue_bounds[::2], cue_bounds[1::2], strict=False))
    hops = sorted(draw(st.lists(st.integers(0, 4), max_size=4)))
    names = st.text(min_size=1, max_size=12)
    return Attribution(
        kind=draw(st.sampled_from(KINDS)),
        quote=quote,
        content=Span.of(_SOURCE_TEXT, c_start, c_end),
        speaker=draw(
            st.none()
            | st.builds(Speaker, st.none() | spans(), names, st.sampled_from(SPEAKER_TYPES))
        ),
        cue=Cue([Span.of(_SOURCE_TEXT, a, b) for a, b in pairs]) if pairs else None,
        via=tuple(
            Source(
                draw(names),
                draw(st.sampled_from(SOURCE_TYPES)),
                draw(st.sampled_from(["laut", "berichtet", "unter Berufung auf"])),
                draw(st.none() | spans()),
                hop,
            )
            for hop in hops
        ),
        frame=draw(st.none() | spans()),
        addressee=draw(st.none() | spans()),
        confidence=draw(st.floats(0, 1)),
        medium=draw(st.sampled_from((*MEDIA, None))),
    )


@given(attributions())
def test_json_round_trip_of_any_attribution(attribution: Attribution) -> None:
    assert from_dict(json.loads(to_json(attribution))) == attribution
    data = attribution.to_dict()
    assert data["chain"] == str(attribution.chain)
    assert from_dict(data) == attribution
