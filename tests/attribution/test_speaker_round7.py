"""Speaker rules of the seventh round (issue 7 follow-up: a wrong speaker is worse than
none) end to end, on German news sentences written for these tests."""

from __future__ import annotations

import pytest

import quotes

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def rules() -> quotes.Extractor:
    return quotes.Extractor("rules")


def quotation(
    extractor: quotes.Extractor, text: str, words: str, kind: str = ""
) -> quotes.Attribution:
    for a in extractor.extract(text):
        if words in a.content.text and (not kind or a.kind == kind):
            return a
    raise AssertionError(f"no quotation with {words!r}")


def speaker_name(a: quotes.Attribution) -> str | None:
    return a.speaker.name if a.speaker is not None else None


@pytest.mark.parametrize("backend", ["rules", "parse"])
def test_a_name_of_three_parts_keeps_a_second_surname(
    backend: str, rules: quotes.Extractor, parse: quotes.Extractor
) -> None:
    # "Jansen" and "Obrador" are no German nouns or verb forms: the name goes on.
    extractor = rules if backend == "rules" else parse
    text = (
        "Der Chef der Reederei, Rolf Habben Jansen, sagte: „Die Frachtraten sinken.“ "
        "Mexikos Präsident Andrés Manuel López Obrador erklärte: „Wir verhandeln weiter.“"
    )
    assert speaker_name(quotation(extractor, text, "Frachtraten")) == "Rolf Habben Jansen"
    assert speaker_name(quotation(extractor, text, "verhandeln")) == ("Andrés Manuel López Obrador")


def test_a_name_of_two_parts_still_stops_before_a_noun_or_a_verbal_noun(
    rules: quotes.Extractor,
) -> None:
    # "Versagen" is a verb form made a noun, "Rückendeckung" a compound of a noun.
    text = (
        "Im Kreistag warf die Opposition Landrat Heiko Brandt Versagen vor. "
        "„Das weise ich zurück“, sagte Brandt. Dagegen gab Senatorin Petra Kolbe "
        "Rückendeckung. „Der Landrat hat richtig gehandelt“, sagte Kolbe."
    )
    names = [a.speaker.name for a in rules.extract(text) if a.speaker is not None]
    assert "Heiko Brandt" in names and "Petra Kolbe" in names
    assert not any("Versagen" in n or "Rückendeckung" in n for n in names)
