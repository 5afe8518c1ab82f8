"""Media read off the train split in the fifth Medium round (issue 8, medium3): eyewitnesses
and someone's words speak, words that stand written are written, what someone "meinte" was
said. Sentences of our own."""

from __future__ import annotations

import attrs
import pytest

import quotes
from quotes.detectors.medium import MediumRules
from quotes.pipeline.speakers import Frame
from quotes.records import Cue, Span, Speaker
from quotes.rules import load_rules

EXTRACTOR = quotes.Extractor("parse")
RULES = MediumRules.from_rules(load_rules("de"))


def source_frame(speaker: str, kind: str = "group", medium: str = "SW") -> Frame:
    """An indirect quotation after a source word ("nach", "zufolge": SW) of ``speaker``."""
    text = "Die Brücke sei eingestürzt"
    quote = Span(0, len(text), text)
    return Frame(
        kind="indirect",
        quote=quote,
        content=quote,
        speaker=Speaker(Span(40, 40 + len(speaker), speaker), speaker, kind),  # type: ignore[arg-type]
        cue=None,
        frame=None,
        addressee=None,
        confidence=0.8,
        region_start=0,
        region_end=80,
        medium=medium,
    )


def media(text: str) -> dict[str, str | None]:
    return {a.quote.text: a.medium for a in EXTRACTOR.extract(text) if a.kind != "reported"}


@pytest.mark.parametrize(
    "speaker",
    [
        "einem Augenzeugen",
        "Augenzeugenberichten",
        "Angaben von Augenzeugen",
        "der Augenzeugin",
        "Aussagen der Nachbarin",
        "den Worten des Parteichefs",
    ],
)
def test_eyewitnesses_and_words_speak(speaker: str) -> None:
    assert RULES.medium_of(source_frame(speaker)) == "Speech"


@pytest.mark.parametrize(
    "speaker", ["Angaben der Polizei", "Zeugen", "den Ermittlungen der Polizei"]
)
def test_other_sources_keep_their_medium(speaker: str) -> None:
    # Witnesses in court ("Zeugen") and the information of an authority are no eyewitnesses.
    assert RULES.medium_of(source_frame(speaker)) == "SW"


def test_an_eyewitness_source_in_the_whole_pipeline() -> None:
    text = (
        "Nach Angaben von Augenzeugen hat die Polizei mehrere Warnschüsse abgegeben.\n\n"
        "Augenzeugenberichten zufolge flohen die Demonstranten in die Seitenstraßen.\n"
    )
    assert media(text) == {
        "hat die Polizei mehrere Warnschüsse abgegeben": "Speech",
        "flohen die Demonstranten in die Seitenstraßen": "Speech",
    }


def test_the_medium_pairs_table_counts_gold_by_ours() -> None:
    # benchmarks/medium_pairs.py: the table the evidence of these rules was read from.
    from benchmarks.medium_pairs import features, table

    pairs = [
        {"gold": "Speech", "ours": "SW", "kind": "indirect", "cue": "nach", "mention": "x"},
        {"gold": "Speech", "ours": "SW", "kind": "indirect", "cue": "Nach", "mention": "y"},
        {"gold": "SW", "ours": "SW", "kind": "indirect", "cue": "laut", "mention": "z"},
    ]
    assert features(pairs[1], "cue1") == ["nach"]
    lines = table(pairs, ["cue1"], 1).splitlines()
    assert lines[0] == "3 pairs, 1 right (33.33 %)"
    nach = next(line for line in lines if line.startswith("nach "))
    # Two pairs, none right, a gain of two for their gold majority; gold Speech, ours SW.
    assert nach.split()[1:4] == ["2", "0", "2"]
    assert "Speech: 0/2/0/0/0/0/0" in nach


@pytest.mark.parametrize(
    "text",
    [
        "Die Behörde veröffentlichte ihren Bericht. Darin steht: „Die Lage ist unübersichtlich.“\n",
        "Der Verband schrieb einen Brief. Darin stand: „Wir fordern Aufklärung.“\n",
    ],
)
def test_words_that_stand_written_are_writing(text: str) -> None:
    found = [a for a in EXTRACTOR.extract(text) if a.kind == "direct"]
    assert [a.medium for a in found] == ["Writing"]


def test_a_standpoint_is_no_written_word() -> None:
    # "Standpunkt" starts like "stand" but is no cue word of text that stands written.
    frame = source_frame("Die Kommission", "organization", medium="Speech")
    cue_text = "vertrat den Standpunkt"
    frame = attrs.evolve(frame, cue=Cue((Span(60, 60 + len(cue_text), cue_text),)))
    assert RULES.medium_of(frame) != "Writing"


def test_what_someone_meinte_was_said() -> None:
    # meinen reports words ("X meinte, …"), not thoughts: Speech like sagen, not ST.
    text = "Der Bürgermeister meinte, die Umleitung sei nur vorübergehend.\n"
    assert media(text) == {"die Umleitung sei nur vorübergehend": "Speech"}


def test_an_opinion_noun_stays_said_or_thought() -> None:
    text = "Der Bürgermeister ist der Meinung, dass die Umleitung nur vorübergehend ist.\n"
    assert media(text) == {"dass die Umleitung nur vorübergehend ist": "ST"}
