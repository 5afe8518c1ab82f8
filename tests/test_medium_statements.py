"""Statements, said or written (issue 8, Medium): the verbs and speakers whose words the
corpus marks "SW" rather than "Speech" (typing2). Sentences of our own."""

from __future__ import annotations

import pytest

import quotes

EXTRACTOR = quotes.Extractor("parse")


def media(text: str) -> dict[str, str | None]:
    return {a.quote.text: a.medium for a in EXTRACTOR.extract(text) if a.kind != "reported"}


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Die Stadtverwaltung versicherte, die Schule werde im Herbst wieder öffnen.\n",
            "die Schule werde im Herbst wieder öffnen",
        ),
        (
            "Der Verein versprach, die Eintrittspreise würden nicht steigen.\n",
            "die Eintrittspreise würden nicht steigen",
        ),
        (
            "Die Gewerkschaft verlangte, dass die Löhne steigen müssten.\n",
            "dass die Löhne steigen müssten",
        ),
    ],
)
def test_an_assurance_a_promise_a_demand_are_said_or_written(text: str, quote: str) -> None:
    assert media(text) == {quote: "SW"}


def test_a_persons_assurance_stays_spoken() -> None:
    text = "Bürgermeisterin Anna Keller versicherte, die Schule werde im Herbst öffnen.\n"
    assert media(text) == {"die Schule werde im Herbst öffnen": "Speech"}


def test_a_direct_promise_is_said_or_written() -> None:
    text = "„Die Preise bleiben, wie sie sind“, versprach der Verein am Montag.\n"
    assert media(text) == {"„Die Preise bleiben, wie sie sind“": "SW"}
