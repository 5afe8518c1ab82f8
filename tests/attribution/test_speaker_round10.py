"""Speaker names of the tenth round (a wrong speaker is worse than none) end to end, on
German news sentences written for these tests."""

from __future__ import annotations

import pytest
from speaker_helpers import quotation

import quotes

pytest.importorskip("spacy")


def speaker_name(a: quotes.Attribution) -> str | None:
    return a.speaker.name if a.speaker is not None else None


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # The genitive belongs to the organisation's name.
        (
            "Der Zentralverband des Deutschen Handwerks erklärte, die Lage der Betriebe sei "
            "dramatisch.",
            "Lage der Betriebe",
            "Zentralverband des Deutschen Handwerks",
        ),
        (
            "Die Regierung der Ukraine erklärte am Abend, man sei zu Gesprächen bereit.",
            "Gesprächen",
            "Regierung der Ukraine",
        ),
        (
            "Nach Angaben des Zentralverbands des Deutschen Handwerks fehlen im Land "
            "200.000 Fachkräfte.",
            "Fachkräfte",
            "Zentralverband des Deutschen Handwerks",
        ),
    ],
)
def test_an_organisations_genitive_is_part_of_its_name(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    assert speaker_name(quotation(parse, text, words)) == name


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # A dative object the chunk ran into is no part of a name complete in itself.
        (
            "Zudem wirft die OSZE der Wahlkommission vor, sie habe Beobachter behindert.",
            "Beobachter",
            "OSZE",
        ),
        # A time is no part of the name.
        (
            "Nach Informationen der Stadtverwaltung vom Dienstagabend muss die Schule schließen.",
            "Schule",
            "Stadtverwaltung",
        ),
    ],
)
def test_an_organisations_name_takes_no_object_or_time_for_a_genitive(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    assert speaker_name(quotation(parse, text, words)) == name


def test_a_class_noun_refers_back_to_the_organisation_named_with_its_genitive(
    parse: quotes.Extractor,
) -> None:
    text = (
        "Der Zentralverband des Deutschen Handwerks erklärte, die Lage sei dramatisch. "
        "Der Verband forderte, die Betriebe bräuchten dringend Hilfe."
    )
    a = quotation(parse, text, "Betriebe")
    assert speaker_name(a) == "Zentralverband des Deutschen Handwerks"
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text == "Der Verband"


@pytest.mark.parametrize(
    ("text", "words", "mention", "name"),
    [
        (
            "Die „Bild“-Reporterin sagte, sie habe die Szenen mit eigenen Augen gesehen.",
            "Szenen",
            "Die „Bild“-Reporterin",
            "Bild-Reporterin",
        ),
        (
            "Der Sprecher der „Süddeutschen Zeitung“ erklärte, man prüfe den Vorgang.",
            "Vorgang",
            "Der Sprecher der „Süddeutschen Zeitung“",
            "Sprecher der Süddeutschen Zeitung",
        ),
    ],
)
def test_a_name_is_clean_of_quotation_marks_its_mention_is_as_written(
    parse: quotes.Extractor, text: str, words: str, mention: str, name: str
) -> None:
    a = quotation(parse, text, words)
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.name == name
    span = a.speaker.mention
    assert span.text == mention and text[span.start : span.end] == mention
