"""What is no content clause of a cue (issue 8, speech4), on fresh sentences
(quotes/detectors/indirect/content.py): a clause that opens with its finite verb right
after the cue's verb-second main clause is a condition or a second predicate of the same
subject; a relative clause whose noun stands before a particle is no content either. A
verb-first content after a frame that fills the first field stays content."""

from __future__ import annotations

import pytest

import quotes


def test_a_condition_after_the_cue_is_no_content(parse_extractor: quotes.Extractor) -> None:
    text = "Die Stadt hatte dem Verein mit Strafen gedroht, sollte er den Platz nicht räumen."
    (found,) = parse_extractor.extract(text)
    # The threat itself is reported speech, the whole sentence; the condition is no content.
    assert found.kind == "reported"
    assert found.quote.text == text
    assert found.speaker is not None and found.speaker.mention is not None
    assert found.speaker.mention.text == "Die Stadt"


@pytest.mark.parametrize(
    "text",
    [
        # a second predicate of "Die Bauern", not what they said
        "Die Bauern bestreiten den Vorwurf, beharren aber auf ihrer Forderung nach mehr Geld.",
        # a relative clause on "Gewitter", not the forecast's content
        "Der Wetterdienst sagt für das Wochenende Gewitter voraus, die heftiger ausfallen"
        " werden als sonst.",
    ],
)
def test_no_indirect_content(parse_extractor: quotes.Extractor, text: str) -> None:
    assert "indirect" not in [a.kind for a in parse_extractor.extract(text)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Denn wie die Zeitung am Montag berichtete, leidet der Schauspieler an einer"
            " schweren Krankheit.",
            "leidet der Schauspieler an einer schweren Krankheit",
        ),
        (
            "In etwa zehn Jahren, so schätzen die Forscher, soll die Arbeit abgeschlossen sein.",
            "soll die Arbeit abgeschlossen sein",
        ),
        (
            "Der Trainer befürchtet, sobald er sich dazu äußere, werde der Druck der Medien"
            " noch größer.",
            "werde der Druck der Medien noch größer",
        ),
        (
            "Der Minister hat sich überraschend bereit erklärt, zugunsten seiner Kollegin auf"
            " das Amt zu verzichten.",
            "zugunsten seiner Kollegin auf das Amt zu verzichten",
        ),
    ],
)
def test_verb_first_content_after_a_frame_stays(
    parse_extractor: quotes.Extractor, text: str, content: str
) -> None:
    found = [a for a in parse_extractor.extract(text) if a.kind == "indirect"]
    assert [a.quote.text for a in found] == [content]
    (attribution,) = found
    assert text[attribution.quote.start : attribution.quote.end] == content
