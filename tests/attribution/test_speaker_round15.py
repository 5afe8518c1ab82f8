"""Speaker names and spans of the fifteenth round: forms of address and academic titles
before a surname ("Frau Dr. Müller", "Prof. Vogt"), an apposition after a named speaker
("Frau Müller, eine Rentnerin aus Kassel"). End to end, on German news sentences written
for these tests."""

from __future__ import annotations

import pytest
from speaker_helpers import quotation

import quotes

pytest.importorskip("spacy")


def speaker(a: quotes.Attribution) -> tuple[str, str] | None:
    return (a.speaker.name, a.speaker.type) if a.speaker is not None else None


def mention(a: quotes.Attribution) -> str | None:
    return a.speaker.mention.text if a.speaker is not None and a.speaker.mention else None


def test_an_apposition_after_a_named_speaker_is_no_part_of_the_name(
    parse: quotes.Extractor,
) -> None:
    # The corpus marks the apposition inside the speaker span; the name is hers alone.
    a = quotation(parse, "„Das ist viel zu teuer“, sagte Frau Lehmann, eine Rentnerin aus Gießen.",
                  "teuer")  # fmt: skip
    assert speaker(a) == ("Frau Lehmann", "person")
    assert mention(a) is not None and mention(a).startswith("Frau Lehmann")


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("„Die Werte sind eindeutig“, sagte Dr. Brandt.", "Werte", "Brandt"),
        ("„Die Werte sind eindeutig“, sagte Prof. Brandt.", "Werte", "Brandt"),
        ("„Wir warten ab“, sagte Frau Dr. Brandt.", "warten", "Frau Brandt"),
        ("„Wir warten ab“, sagte Herr Prof. Brandt.", "warten", "Herr Brandt"),
        ("„Wir warten ab“, sagte Herr Brandt.", "warten", "Herr Brandt"),
        ("„Das genügt nicht“, sagte Prof. Dr. Lukas Brandt.", "genügt", "Lukas Brandt"),
    ],
)
def test_a_title_before_a_surname_is_no_part_of_the_name(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    assert speaker(quotation(parse, text, words)) == (name, "person")


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Lukas Brandt leitet das Labor in Jena. „Die Werte sind eindeutig“, sagte Dr. Brandt.",
            "Werte",
            "Lukas Brandt",
        ),
        (
            "Lukas Brandt leitet das Labor. „Die Werte sind eindeutig“, sagte Prof. Brandt.",
            "Werte",
            "Lukas Brandt",
        ),
        (
            "Sabine Brandt leitet das Labor in Jena. „Wir warten ab“, sagte Frau Dr. Brandt.",
            "warten",
            "Sabine Brandt",
        ),
    ],
)
def test_a_title_before_a_surname_is_the_person_named_before(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    assert speaker(quotation(parse, text, words)) == (name, "person")


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Die Vereinten Nationen warnten, die Ernte falle aus.", "Ernte", "Vereinte Nationen"),
        ("Vereinte Nationen warnen, die Ernte falle aus.", "Ernte", "Vereinte Nationen"),
        ("Der Weiße Ring forderte, Zeugen besser zu schützen.", "Zeugen", "Weißer Ring"),
        ("Die Allianz SE teilte mit, der Umsatz sei gesunken.", "Umsatz", "Allianz SE"),
        ("Die Gewerkschaft GEW forderte, die Klassen zu verkleinern.", "Klassen", "GEW"),
        (
            "Die Industrie- und Handelskammer warnte, viele Bäckereien fänden keine Lehrlinge.",
            "Bäckereien",
            "Industrie- und Handelskammer",
        ),
        (
            "Laut der Industrie- und Handelskammer Kassel sei die Auftragslage schwierig.",
            "Auftragslage",
            "Industrie- und Handelskammer Kassel",
        ),
    ],
)
def test_organisations_keep_their_whole_name(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    a = quotation(parse, text, words)
    assert speaker(a) == (name, "organization")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Die Industrie- und Handelskammer (IHK) warnte, viele Bäckereien fänden keine "
            "Lehrlinge. Die IHK erklärte zudem, die Mieten seien zu hoch.",
            "Industrie- und Handelskammer",
        ),
        (
            "Das Institut der deutschen Wirtschaft (IW) erklärte, die Renten seien sicher. "
            "Das IW sagte zudem, die Mieten seien zu hoch.",
            "Institut der deutschen Wirtschaft",
        ),
        (
            "Die Industrie- und Handelskammer (IHK) warnte, viele Bäckereien fänden keine "
            "Lehrlinge. Die Kammer erklärte zudem, die Mieten seien zu hoch.",
            "Industrie- und Handelskammer",
        ),
    ],
)
def test_an_abbreviation_or_class_noun_later_is_the_same_organisation(
    parse: quotes.Extractor, text: str, name: str
) -> None:
    first = quotation(parse, text, "Lehrlinge" if "Lehrlinge" in text else "Renten")
    later = quotation(parse, text, "Mieten")
    assert speaker(first) == (name, "organization")
    assert speaker(later) == (name, "organization")
    assert first.speaker is not None and first.speaker.mention is not None
    assert "(" in first.speaker.mention.text  # the span covers the name and its brackets


@pytest.mark.parametrize(
    ("text", "words", "span", "name"),
    [
        (
            "Nach Angaben des Instituts für Wirtschaftsforschung sei die Nachfrage gering.",
            "Nachfrage",
            "Angaben des Instituts für Wirtschaftsforschung",
            "Institut für Wirtschaftsforschung",
        ),
        (
            "Nach Angaben des Norwegischen Bundesamts für Umwelt sei die Luft sauber.",
            "Luft",
            "Angaben des Norwegischen Bundesamts für Umwelt",
            "Norwegisches Bundesamt für Umwelt",
        ),
        (
            "Nach Angaben des Zentrums für Europäische Wirtschaftsforschung sei die Stimmung "
            "gedrückt.",
            "Stimmung",
            "Angaben des Zentrums für Europäische Wirtschaftsforschung",
            "Zentrum für Europäische Wirtschaftsforschung",
        ),
    ],
)
def test_a_source_phrase_keeps_the_complement_of_its_name(
    parse: quotes.Extractor, text: str, words: str, span: str, name: str
) -> None:
    a = quotation(parse, text, words)
    assert mention(a) == span
    assert speaker(a) == (name, "organization")


def test_a_source_phrase_stops_at_a_preposition_of_no_name(parse: quotes.Extractor) -> None:
    a = quotation(parse, "Laut dem Sprecher in Berlin sei die Nachfrage gering.", "Nachfrage")
    assert mention(a) is not None and "Berlin" not in mention(a)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("„Wir prüfen das“, sagte der Minister Reportern.", "der Minister"),
        ("„Wir prüfen das“, sagte die Sprecherin Journalisten in Bonn.", "die Sprecherin"),
        ("„Wir prüfen das“, sagte der Minister Lars Feld.", "der Minister Lars Feld"),
    ],
)
def test_a_dative_addressee_after_the_speaker_is_no_part_of_it(
    parse: quotes.Extractor, text: str, span: str
) -> None:
    assert mention(quotation(parse, text, "prüfen")) == span


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Laut al-Hamadi sei die Grenze offen.", "Grenze", "al-Hamadi"),
        ("Laut el-Baradei werde weiter verhandelt.", "verhandelt", "el-Baradei"),
    ],
)
def test_laut_before_a_surname_with_its_particle(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    a = quotation(parse, text, words)
    assert mention(a) == name
    assert speaker(a) == (name, "person")


@pytest.mark.parametrize(
    "text",
    [
        "Der Bürgermeister hielt dagegen: Die Stadt könne die Schule nicht sanieren.",
        "Der Bürgermeister hielt dagegen, die Stadt könne die Schule nicht sanieren.",
    ],
)
def test_hielt_dagegen_is_a_cue_of_speech(parse: quotes.Extractor, text: str) -> None:
    a = quotation(parse, text, "Schule")
    assert a.kind == "indirect"
    assert a.cue is not None and a.cue.text == "hielt dagegen"
    assert mention(a) == "Der Bürgermeister"


def test_dagegen_after_another_cue_stays_neutral(parse: quotes.Extractor) -> None:
    a = quotation(parse, "Der Bürgermeister sagte dagegen, die Schule werde saniert.", "Schule")
    assert a.cue is not None and a.cue.text == "sagte"


def test_a_second_given_name_keeps_the_surname_that_is_also_a_place(
    parse: quotes.Extractor,
) -> None:
    text = (
        "„Wir halten Wort“, sagte Julia Willie Hamburg. Später ergänzte Hamburg, die "
        "Schulen seien gut ausgestattet."
    )
    assert speaker(quotation(parse, text, "Wort")) == ("Julia Willie Hamburg", "person")
    assert speaker(quotation(parse, text, "Schulen")) == ("Julia Willie Hamburg", "person")


def test_an_unknown_given_name_keeps_the_whole_name(parse: quotes.Extractor) -> None:
    a = quotation(parse, "„Die Lage ist ernst“, sagte Jolanta Kowalczyk.", "Lage")
    assert mention(a) == "Jolanta Kowalczyk"
    assert speaker(a) == ("Jolanta Kowalczyk", "person")


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        (
            "„Die Ermittlungen dauern an“, sagte der Sprecher des Justizministeriums, "
            "Jonas Seidel, am Mittwoch.",
            "der Sprecher des Justizministeriums, Jonas Seidel",
            "Jonas Seidel",
        ),
        (
            "„Die Ermittlungen dauern an“, sagte der Sprecher des Justizministeriums, "
            "Jonas Seidel.",
            "der Sprecher des Justizministeriums, Jonas Seidel",
            "Jonas Seidel",
        ),
    ],
)
def test_a_name_in_commas_after_the_role_is_its_holder(
    parse: quotes.Extractor, text: str, span: str, name: str
) -> None:
    a = quotation(parse, text, "Ermittlungen")
    assert mention(a) == span
    assert speaker(a) == (name, "person")


def test_a_name_that_opens_the_content_after_a_comma_is_no_apposition(
    parse: quotes.Extractor,
) -> None:
    a = quotation(parse, "Danach erklärte der Minister, Jonas Seidel werde zurücktreten.", "Seidel")
    assert mention(a) == "der Minister"


@pytest.mark.parametrize(
    ("text", "words", "name", "kind"),
    [
        (
            "Der Deutsche Gewerkschaftsbund (DGB) forderte, die Renten müssten steigen. Der "
            "DGB erklärte zudem, die Mieten seien zu hoch.",
            "Mieten",
            "Deutscher Gewerkschaftsbund",
            "organization",
        ),
        (
            "„Wir bleiben hart“, sagte der Deutsche Mieterbund.",
            "hart",
            "Deutscher Mieterbund",
            "organization",
        ),
        (
            "„Wir haben gekämpft“, sagte Kapitän Lena Oberdorf.",
            "gekämpft",
            "Lena Oberdorf",
            "person",
        ),
        ("„So geht es nicht weiter“, schimpfte ein Anwohner.", "weiter", "Anwohner", "person"),
        ("„So geht es nicht weiter“, klagte ein Teilnehmer.", "weiter", "Teilnehmer", "person"),
        (
            "Die Anwohner berichteten, sie hätten einen Knall gehört.",
            "Knall",
            "Anwohner",
            "group",
        ),
    ],
)
def test_speaker_types_of_fresh_news_sentences(
    parse: quotes.Extractor, text: str, words: str, name: str, kind: str
) -> None:
    assert speaker(quotation(parse, text, words)) == (name, kind)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("„Wir legen Berufung ein“, sagte Herrn Krügers Anwalt.", "Herrn Krügers Anwalt"),
        ("„Wir legen Berufung ein“, sagte Krügers Anwältin.", "Krügers Anwältin"),
        ("„Wir legen Berufung ein“, sagte Spaniens Regierungschef.", "Spaniens Regierungschef"),
        ("„Wir legen Berufung ein“, sagte Klaus Richter.", "Klaus Richter"),
    ],
)
def test_a_role_after_a_genitive_name_is_not_its_owner(
    parse: quotes.Extractor, text: str, name: str
) -> None:
    assert speaker(quotation(parse, text, "Berufung")) == (name, "person")
