"""Detection (issue 8, speech6): free indirect and reported speech, checked on fresh
German news sentences written for these tests (never corpus text). The tests need the
shipped parse model and are skipped where it is not installed.
"""

from __future__ import annotations

import quotes


def kinds(extractor: quotes.Extractor, text: str) -> list[tuple[str, str | None]]:
    return [(a.kind, a.speaker.name if a.speaker else None) for a in extractor.extract(text)]


# -- "auffordern" with an object and no zu-infinitive: reported speech ------------------
def test_a_call_to_talks_without_an_infinitive_is_reported_speech(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Die Gewerkschaft forderte die Arbeitgeber zu neuen Gesprächen auf."
    assert kinds(parse_extractor, text) == [("reported", "Gewerkschaft")]


def test_a_call_with_a_zu_infinitive_stays_indirect_speech(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Die Gewerkschaft forderte die Arbeitgeber auf, neue Gespräche aufzunehmen."
    (found,) = parse_extractor.extract(text)
    assert found.kind == "indirect"
    assert found.quote.text == "neue Gespräche aufzunehmen"
