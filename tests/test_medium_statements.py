"""Statements, said or written (issue 8, Medium): the verbs and speakers whose words the
corpus marks "SW" rather than "Speech" (typing2). Sentences of our own."""

from __future__ import annotations

import pytest

import quotes
from quotes.detectors.medium import MediumRules, refine_medium
from quotes.pipeline.speakers import Frame
from quotes.records import Span, Speaker
from quotes.rules import load_rules

EXTRACTOR = quotes.Extractor("parse")
RULES = MediumRules.from_rules(load_rules("de"))


def source_frame(speaker: str, kind: str) -> Frame:
    """An indirect quotation after a source word ("laut", "zufolge": SW) of ``speaker``."""
    text = "Die Lage sei ernst"
    quote = Span(0, len(text), text)
    return Frame(
        kind="indirect",
        quote=quote,
        content=quote,
        speaker=Speaker(Span(30, 30 + len(speaker), speaker), speaker, kind),  # type: ignore[arg-type]
        cue=None,
        frame=None,
        addressee=None,
        confidence=0.8,
        region_start=0,
        region_end=60,
        medium="SW",
    )


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


@pytest.mark.parametrize(
    "speaker",
    ["einer Meldung der Agentur", "Agenturmeldungen", "einer dpa-Meldung", "ersten Meldungen"],
)
def test_a_news_report_as_speaker_is_said_or_written(speaker: str) -> None:
    (refined,) = refine_medium([source_frame(speaker, "unknown")], RULES)
    assert refined.medium == "SW"  # not the Writing of "einem Bericht der Zeitung"


def test_a_news_report_in_the_whole_pipeline() -> None:
    text = (
        "Laut einer Agenturmeldung sind bei dem Sturm drei Menschen verletzt worden.\n"
        "Laut einem Bericht der Zeitung sollen die Schäden hoch sein.\n"
    )
    assert media(text) == {
        "sind bei dem Sturm drei Menschen verletzt worden": "SW",
        "sollen die Schäden hoch sein": "Writing",
    }


@pytest.mark.parametrize(("name", "expected"), [("DKG", "SW"), ("SdK", "SW"), ("Ott", "Speech")])
def test_an_abbreviation_typed_as_a_person_keeps_the_source_medium(
    name: str, expected: str
) -> None:
    # "Laut DKG fehlen …": the resolver may call an unknown abbreviation a person.
    (refined,) = refine_medium([source_frame(name, "person")], RULES)
    assert refined.medium == expected


def test_an_abbreviation_after_laut_in_the_whole_pipeline() -> None:
    text = "Laut DKG fehlen in den Kliniken des Landes derzeit rund 900 Pflegekräfte.\n"
    assert media(text) == {"fehlen in den Kliniken des Landes derzeit rund 900 Pflegekräfte": "SW"}
