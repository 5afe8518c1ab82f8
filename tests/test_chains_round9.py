"""Outlets as speakers and in chains, round 9: fresh sentences of our own.

Each test is one class of error seen on fresh text: a speaker name with a quotation mark
inside ("Bild“-Zeitung"), a report referred back to ("heißt es in dem Bericht"), a cited
source with a numeral ("unter Berufung auf drei Diplomaten"), a dative outlet swallowed
by a role noun ("sagte der SPD-Politiker der „Süddeutschen Zeitung“").
"""

from __future__ import annotations

import pytest

import quotes


@pytest.fixture(scope="module")
def parse_extractor() -> quotes.Extractor:
    return quotes.Extractor("parse")


def _one(extractor: quotes.Extractor, text: str, words: str) -> quotes.Attribution:
    (found,) = [a for a in extractor.extract(text) if words in a.quote.text]
    return found


# -- the outlet's own noun phrase is the outlet ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Wie die „Bild“-Zeitung am Mittwoch berichtet, soll der Torwart bleiben.",
            "die „Bild“-Zeitung",
            "Bild",
        ),
        (
            "Wie das „Spiegel“-Magazin berichtet, soll der Torwart bleiben.",
            "das „Spiegel“-Magazin",
            "Spiegel",
        ),
        ("Wie die „Bild“ berichtet, soll der Torwart bleiben.", "die „Bild“", "Bild"),
    ],
)
def test_a_quoted_name_with_its_type_noun_is_the_outlet(
    parse_extractor: quotes.Extractor, text: str, mention: str, name: str
) -> None:
    a = _one(parse_extractor, text, "Torwart bleiben")
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == (name, "outlet")
    assert a.speaker.mention is not None and name in a.speaker.mention.text
    assert mention.endswith(a.speaker.mention.text)
    assert a.via == ()  # never its own hop
