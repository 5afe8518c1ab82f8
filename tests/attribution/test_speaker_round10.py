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


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # An age noun refers back to the nearest person of its gender, whatever role the
        # text named that person by.
        (
            "Der Angeklagte Markus L. schwieg am ersten Verhandlungstag. Er bereue die Tat "
            "zutiefst, sagte der 34-Jährige am Nachmittag.",
            "bereue",
            "Markus L.",
        ),
        (
            "Bürgermeisterin Petra Sommer traf am Montag Innenminister Klaus Weber. Man habe "
            "sich auf einen Plan geeinigt, sagte der 61-Jährige nach dem Treffen.",
            "Plan",
            "Klaus Weber",
        ),
        (
            "Anna Berg übernimmt die Leitung des Museums. Sie folgt auf Thomas Brandt, der in "
            "den Ruhestand geht. „Ich freue mich auf die Aufgabe“, sagte die 52-Jährige.",
            "Aufgabe",
            "Anna Berg",
        ),
        # Introduced without a name, the person keeps the age as a name.
        (
            "Ein 45-Jähriger wurde am Abend in Köln festgenommen. Er habe sich nur "
            "verteidigt, erklärte der 45-Jährige vor Gericht.",
            "verteidigt",
            "45-Jähriger",
        ),
        # Two men in the last sentences: either may be 34; no link, and no article in the
        # name.
        (
            "Richter Hans Hoffmann befragte den Angeklagten Markus L. zu seinem Motiv. Er "
            "habe aus Eifersucht gehandelt, sagte der 34-Jährige.",
            "Eifersucht",
            "34-Jährige",
        ),
        # A role noun after the named person may name the one meant.
        (
            "Laut Gerichtssprecher Jan Vogt wollte der Richter zunächst warten. Der "
            "41-Jährige gab an, er sei unschuldig.",
            "unschuldig",
            "41-Jährige",
        ),
    ],
)
def test_an_age_noun_refers_to_the_nearest_person_of_its_gender(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    assert speaker_name(quotation(parse, text, words)) == name


def test_an_age_noun_a_tagger_calls_an_adjective_is_the_head(parse: quotes.Extractor) -> None:
    text = (
        "In Köln wurde ein 45-Jähriger festgenommen. Der 45-Jährige sagte, er habe sich "
        "nur verteidigt."
    )
    assert speaker_name(quotation(parse, text, "verteidigt")) == "45-Jähriger"


@pytest.mark.parametrize("backend", ["parse", "rules"])
def test_an_age_noun_after_a_direct_quote_is_its_speaker(backend: str) -> None:
    text = (
        "Trainer Jens Ohlsen wollte das nicht kommentieren. „Wir reden mit allen“, sagte "
        "der 47-Jährige nach dem Training."
    )
    a = quotation(quotes.Extractor(backend), text, "reden")
    assert a.cue is not None and a.cue.text == "sagte"
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text == "der 47-Jährige"
    assert a.speaker.name == "Jens Ohlsen"


@pytest.mark.parametrize(
    ("text", "words", "name", "kind"),
    [
        # A place that speaks is its authorities: a country, or a name the article writes
        # after "in" or "aus".
        (
            "In Mombasa kam es am Dienstag zu Ausschreitungen. Mombasa zufolge seien die "
            "Proteste am Abend friedlich verlaufen.",
            "Proteste",
            "Mombasa",
            "organization",
        ),
        (
            "Im Streit um die Zölle erklärte China am Montag, man werde Gegenmaßnahmen ergreifen.",
            "Gegenmaßnahmen",
            "China",
            "organization",
        ),
        # A surname the article introduced stays the person's.
        (
            "Die Ärztin Carla Mombasa arbeitet seit Jahren in Kenia. Mombasa zufolge fehlen "
            "im Krankenhaus Medikamente.",
            "Medikamente",
            "Carla Mombasa",
            "person",
        ),
        # A name with an article is an organisation's ("der Nabu"); German writes a
        # person's name without one.
        (
            "Der Nabu teilte mit, die Zahl der Feldlerchen sei deutlich gesunken.",
            "Feldlerchen",
            "Nabu",
            "organization",
        ),
        (
            "Der Deutsche Städtetag forderte, die Kommunen müssten entlastet werden.",
            "Kommunen",
            "Deutscher Städtetag",
            "organization",
        ),
        # An organisation word and its acronym.
        (
            "Nach Angaben der Hafenbehörde HPA werden täglich 200 Züge abgefertigt.",
            "Züge",
            "Hafenbehörde HPA",
            "organization",
        ),
    ],
)
def test_a_place_or_a_name_with_an_article_is_no_person(
    parse: quotes.Extractor, text: str, words: str, name: str, kind: str
) -> None:
    a = quotation(parse, text, words)
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == (name, kind)


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # A party member's noun names the person just named, whose party the text had not
        # given ("US-" names none) …
        (
            "US-Senator Lindsey Graham kritisierte die Entscheidung scharf. Der Republikaner "
            "sagte, das sei ein schwerer Fehler.",
            "Fehler",
            "Lindsey Graham",
        ),
        # … or the person of that party.
        (
            "Bundeskanzler Olaf Scholz verteidigte den Haushalt. Der Sozialdemokrat sagte, "
            "man habe keine Wahl.",
            "Wahl",
            "Olaf Scholz",
        ),
        # Not a person of another party.
        (
            "Präsident Joe Biden äußerte sich am Abend. Der Republikaner sagte, das sei ein "
            "schwerer Fehler.",
            "Fehler",
            "Republikaner",
        ),
    ],
)
def test_a_party_members_noun_refers_to_the_person_of_that_party(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    assert speaker_name(quotation(parse, text, words)) == name


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # An adjective made a noun names a person, a common noun nobody.
        ("Laut einem Bericht des Angestellten wurden Abfälle illegal entsorgt.", "Abfälle"),
        (
            "Andernfalls werde er das Parlament nicht auflösen, sagte die Nennung.",
            "Parlament",
        ),
    ],
)
def test_a_noun_with_an_article_is_no_organisation(
    parse: quotes.Extractor, text: str, words: str
) -> None:
    a = quotation(parse, text, words)
    assert a.speaker is None or a.speaker.type != "organization"
