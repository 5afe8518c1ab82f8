"""Outlets in chains, round 11: fresh sentences of our own.

An outlet that is the subject of a report and cites another outlet or an organisation
("Wie Reuters unter Berufung auf die „Financial Times“ berichtet, …") carried the words
second: the cited source comes first in the chain and the outlet after it, as where the
cited source is a person ("… unter Berufung auf Diplomaten" → Diplomaten via …). The same
holds where the cited phrase opens the sentence ("Unter Berufung auf Regierungskreise meldete
die Agentur AFP, …").
"""

from __future__ import annotations

import pytest

import quotes


@pytest.fixture(scope="module")
def parse_extractor() -> quotes.Extractor:
    return quotes.Extractor("parse")


def _via(attribution: quotes.Attribution) -> list[tuple[str, int]]:
    return [(s.name, s.hop) for s in attribution.via]


@pytest.mark.parametrize(
    ("text", "cited", "outlet"),
    [
        (
            "Wie die Nachrichtenagentur Reuters unter Berufung auf die „Financial Times“ "
            "berichtet, plant die EU neue Sanktionen.",
            "Financial Times",
            "Reuters",
        ),
        (
            "Reuters berichtete unter Berufung auf die „Financial Times“, die EU plane neue "
            "Sanktionen.",
            "Financial Times",
            "Reuters",
        ),
        (
            "Wie CNN unter Berufung auf das Pentagon berichtet, wurden Truppen verlegt.",
            "Pentagon",
            "CNN",
        ),
    ],
)
def test_an_outlet_that_cites_a_source_stands_after_it(
    parse_extractor: quotes.Extractor, text: str, cited: str, outlet: str
) -> None:
    (a,) = parse_extractor.extract(text)
    # Not "Reuters via Financial Times": the paper's words reached Reuters, not the other
    # way round. Nobody in the text said them, so there is no speaker.
    assert a.speaker is None
    assert _via(a) == [(cited, 1), (outlet, 2)]


def test_an_outlet_that_cites_people_makes_them_the_speaker(
    parse_extractor: quotes.Extractor,
) -> None:
    text = (
        "Die „Financial Times“ berichtet unter Berufung auf Diplomaten, die EU plane neue "
        "Sanktionen."
    )
    (a,) = parse_extractor.extract(text)
    assert a.speaker is not None and a.speaker.name == "Diplomaten"
    assert _via(a) == [("Financial Times", 1)]


# -- a fronted "Unter Berufung auf …" -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "speaker", "outlet"),
    [
        (
            "Unter Berufung auf Regierungskreise meldete die Agentur AFP, der Präsident sei "
            "erkrankt.",
            "Regierungskreise",
            "AFP",
        ),
        (
            "Unter Berufung auf zwei Diplomaten berichtete die „New York Times“, die Gespräche "
            "seien gescheitert.",
            "zwei Diplomaten",
            "New York Times",
        ),
    ],
)
def test_a_fronted_cited_phrase_is_the_speaker(
    parse_extractor: quotes.Extractor, text: str, speaker: str, outlet: str
) -> None:
    (a,) = parse_extractor.extract(text)
    assert a.speaker is not None and a.speaker.name == speaker
    assert _via(a) == [(outlet, 1)]


def test_a_fronted_cited_outlet_comes_first(parse_extractor: quotes.Extractor) -> None:
    text = "Unter Berufung auf die „Financial Times“ meldete Reuters, die EU plane neue Sanktionen."
    (a,) = parse_extractor.extract(text)
    assert a.speaker is None
    assert _via(a) == [("Financial Times", 1), ("Reuters", 2)]
