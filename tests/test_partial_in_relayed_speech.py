"""A partial quote inside indirect speech that an outlet relays is the speaker's, through
that outlet (fresh sentences, parse backend): in "Gulyás erklärte laut Tass, das Land
lasse sich „nicht einschüchtern“" the partial quote was Tass's, cue "laut"."""

from __future__ import annotations

import pytest

import quotes


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        (
            "Kanzleichef Gergely Gulyás erklärte laut Tass, das Land lasse sich „nicht "
            "einschüchtern“.",
            "Gergely Gulyás via Tass",
        ),
        (
            "Kanzleichef Gergely Gulyás erklärte laut ungarischen Medien, das Land lasse sich "
            "„nicht einschüchtern“.",
            "Gergely Gulyás",
        ),
        (
            "Putin sagte nach Angaben der Agentur Interfax, Russland sei „jederzeit bereit“.",
            "Wladimir Putin via Interfax",
        ),
    ],
)
def test_the_partial_quote_takes_the_speech_around_it(
    parse_extractor: quotes.Extractor, text: str, chain: str
) -> None:
    found = parse_extractor.extract(text)
    assert [a.kind for a in found] == ["indirect", "direct"]
    indirect, partial = found
    assert indirect.quote.contains(partial.quote)
    assert str(partial.chain) == str(indirect.chain) == chain
    assert partial.cue == indirect.cue
