"""Quotes nested in a direct quote become attributions of their own speaker (issue 8 §5)."""

from __future__ import annotations

import pytest

import quotes


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    return quotes.Extractor("rules")


def found(extractor: quotes.Extractor, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            a.quote.text,
            a.speaker.mention.text if a.speaker and a.speaker.mention else None,
            a.cue.text if a.cue else None,
        )
        for a in extractor.extract(text)
    ]


def test_a_quote_inside_a_quote_gets_the_speaker_named_inside(
    extractor: quotes.Extractor,
) -> None:
    text = "„Die Ministerin sagte uns: ‚Das wird geprüft.‘ Mehr wissen wir nicht“, sagte er."
    assert found(extractor, text) == [
        ("„Die Ministerin sagte uns: ‚Das wird geprüft.‘ Mehr wissen wir nicht“", "er", "sagte"),
        ("‚Das wird geprüft.‘", "Die Ministerin", "sagte"),
    ]


def test_the_outer_frame_is_never_the_inner_quotes(extractor: quotes.Extractor) -> None:
    text = "Der Anwalt sagte: „Mein Mandant erklärte mir: ‚Ich war zu Hause.‘ Das stimmt.“"
    inner = [f for f in found(extractor, text) if f[0] == "‚Ich war zu Hause.‘"]
    assert inner == [("‚Ich war zu Hause.‘", "Mein Mandant", "erklärte")]


def test_a_nested_quote_without_its_own_speaker_stays_part_of_the_outer_one(
    extractor: quotes.Extractor,
) -> None:
    text = "„Wir lehnen diese ‚Reform‘ ab“, sagte der Sprecher der Gewerkschaft."
    assert [q for q, _, _ in found(extractor, text)] == ["„Wir lehnen diese ‚Reform‘ ab“"]


def test_offsets_of_nested_attributions_index_the_original_text(
    extractor: quotes.Extractor,
) -> None:
    text = "Sie berichtete: „Der Chef rief: »Alle raus!« Dann war es still.“"
    for a in extractor.extract(text):
        for span in (a.quote, a.content, a.frame, a.speaker.mention if a.speaker else None):
            if span is not None:
                assert text[span.start : span.end] == span.text
        if a.cue is not None:
            for part in a.cue.parts:
                assert text[part.start : part.end] == part.text
