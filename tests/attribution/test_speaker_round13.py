"""Speaker names and types of the thirteenth round: organisations that a word of their name
says are organisations ("Die Deutsche Bahn AG", "Das Deutsche Rote Kreuz", "Die
Handelskammer Bremen"), the name a statement noun's author has ("Nach Angaben der
Deutschen Bahn"), an abbreviation spelled out before ("Die DKG"), and the class noun
"Autobauer", which ends like the role "Bauer". End to end, on German news sentences
written for these tests."""

from __future__ import annotations

import pytest
from speaker_helpers import quotation

import quotes
from quotes.pipeline.entity_lexicon import Lexicon
from quotes.rules import load_rules

pytest.importorskip("spacy")


def speaker(a: quotes.Attribution) -> tuple[str, str] | None:
    return (a.speaker.name, a.speaker.type) if a.speaker is not None else None


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Das Deutsche Rote Kreuz rief die Bürger auf, ausreichend Wasser mitzunehmen.",
            "Wasser",
            "Deutsches Rotes Kreuz",
        ),
        ("Das Rote Kreuz teilte mit, die Lage in der Stadt sei ernst.", "Lage", "Rotes Kreuz"),
        (
            "Die Deutsche Bahn AG kündigte an, am Dienstag wieder nach Plan zu fahren.",
            "nach Plan",
            "Deutsche Bahn AG",
        ),
        ("Die Siemens AG teilte mit, der Gewinn sei gestiegen.", "Gewinn", "Siemens AG"),
        (
            "Die Grüne Jugend forderte, den Kohleausstieg um fünf Jahre vorzuziehen.",
            "Kohleausstieg",
            "Grüne Jugend",
        ),
        (
            "Die Handelskammer Bremen erklärte, auch die Zulieferer litten unter der Lage.",
            "Zulieferer",
            "Handelskammer Bremen",
        ),
        (
            "Die Technische Universität München erklärte, die Forschung sei gesichert.",
            "Forschung",
            "Technische Universität München",
        ),
        (
            "Amnesty International kritisierte, die Gefangenen würden misshandelt.",
            "Gefangenen",
            "Amnesty International",
        ),
        (
            "Die Stanford University teilte mit, die Studie sei abgeschlossen.",
            "Studie",
            "Stanford University",
        ),
        (
            "Der Autobauer erklärte, bis 2027 rund 5000 Stellen abbauen zu wollen.",
            "5000 Stellen",
            "Autobauer",
        ),
        ("Der Hersteller erklärte, die Fahrzeuge seien sicher.", "Fahrzeuge", "Hersteller"),
        ("Der Zulieferer erklärte, die Produktion werde gedrosselt.", "Produktion", "Zulieferer"),
        (
            "Die Polizei Bremen teilte mit, der Täter sei noch in der Nacht gefasst worden.",
            "Täter",
            "Polizei Bremen",
        ),
        (
            "Die Technische Universität Dresden teilte mit, der Lehrbetrieb falle bis Freitag aus.",
            "Lehrbetrieb",
            "Technische Universität Dresden",
        ),
        (
            "Greenpeace kritisierte, der Hochwasserschutz sei vernachlässigt worden.",
            "Hochwasserschutz",
            "Greenpeace",
        ),
    ],
)
def test_a_word_of_the_name_makes_it_an_organisation(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    # A name with an article is no person's: "AG", "University", "Kreuz" or an
    # organisation noun before a place say whose it is; the capitalised adjectives are
    # the name's, in the form without article ("Deutsches Rotes Kreuz").
    assert speaker(quotation(parse, text, words)) == (name, "organization")


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Der Bauer sagte, die Ernte sei in diesem Jahr schlecht.", "Ernte", "Bauer"),
        (
            "Bahnchef Richard Lutz erklärte, die Züge führen wieder nach Plan.",
            "Züge",
            "Richard Lutz",
        ),
    ],
)
def test_persons_stay_persons(parse: quotes.Extractor, text: str, words: str, name: str) -> None:
    assert speaker(quotation(parse, text, words)) == (name, "person")


def test_plural_class_nouns_stay_a_group(parse: quotes.Extractor) -> None:
    text = "Die Autobauer erklärten, die Nachfrage nach Elektroautos sei gering."
    a = quotation(parse, text, "Nachfrage")
    assert a.speaker is not None and a.speaker.type == "group"


def test_a_role_suffix_inside_a_longer_class_ending_is_no_role() -> None:
    lex = Lexicon.from_rules(load_rules())
    assert lex.role_of("Autobauer") is None
    assert lex.role_of("Bauer") is not None
    assert lex.role_of("Bäuerin") is not None


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Nach Angaben der Deutschen Bahn waren vor allem Verbindungen im Süden betroffen.",
            "Verbindungen",
            "Deutsche Bahn",
        ),
        (
            "Nach Angaben der Deutschen Telekom waren Tausende Kunden ohne Netz.",
            "Tausende Kunden",
            "Deutsche Telekom",
        ),
        (
            "Nach Angaben des Roten Kreuzes wurden zwölf Menschen verletzt.",
            "zwölf Menschen",
            "Rotes Kreuz",
        ),
        (
            "Nach Angaben des Deutschen Roten Kreuzes wurden zwölf Menschen verletzt.",
            "zwölf Menschen",
            "Deutsches Rotes Kreuz",
        ),
        (
            "Nach Angaben der Grünen Jugend nahmen 300 Menschen an der Kundgebung teil.",
            "300 Menschen",
            "Grüne Jugend",
        ),
        (
            "Laut Angaben der Polizei sei bei dem Unfall niemand verletzt worden.",
            "niemand verletzt",
            "Polizei",
        ),
        (
            "Nach Angaben des Innenministeriums wurden drei Beamte leicht verletzt.",
            "drei Beamte",
            "Innenministerium",
        ),
        (
            "Angaben der Feuerwehr zufolge brannte das Haus vollständig aus.",
            "Haus",
            "Feuerwehr",
        ),
    ],
)
def test_a_statement_nouns_author_with_a_capitalised_adjective(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    # "der Deutschen Bahn" is one organisation, not a group named "Angaben der Deutschen
    # Bahn" (the plural is the statement noun's, the adjective makes it a name).
    assert speaker(quotation(parse, text, words)) == (name, "organization")


def test_an_abbreviation_is_the_name_spelled_out_before_it(parse: quotes.Extractor) -> None:
    text = (
        "Die Deutsche Krankenhausgesellschaft (DKG) warnt vor einer Pleitewelle. Die DKG "
        "erklärte, jedes fünfte Haus sei bedroht."
    )
    a = quotation(parse, text, "fünfte Haus")
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text == "Die DKG"
    assert speaker(a) == ("Deutsche Krankenhausgesellschaft", "organization")


def test_an_abbreviation_spelled_out_by_another_name_keeps_its_letters(
    parse: quotes.Extractor,
) -> None:
    # "Bundesverband" does not start with "V": no name before the brackets is its own.
    text = (
        "Der Bundesverband (VZBV) hatte geklagt. Die VZBV erklärte, das Urteil sei ein "
        "Erfolg für die Kunden."
    )
    assert speaker(quotation(parse, text, "Urteil")) == ("VZBV", "organization")


def test_an_abbreviation_after_a_name_without_article_stays_as_written(
    parse: quotes.Extractor,
) -> None:
    # "durch Internationalem Währungsfonds (IWF)": no article tells the adjective's case.
    text = (
        "Die Hilfe kommt von Internationalem Währungsfonds (IWF) und Europäischer "
        "Zentralbank. Der IWF erklärte, die Reformen reichten noch nicht aus."
    )
    assert speaker(quotation(parse, text, "Reformen")) == ("IWF", "organization")


@pytest.mark.parametrize(
    ("text", "words", "name", "kind"),
    [
        (
            "Nach Polizeiangaben wurde der Täter noch am Abend gefasst.",
            "Täter",
            "Polizei",
            "organization",
        ),
        (
            "Laut UNO-Angaben sind Tausende Menschen auf der Flucht.",
            "Flucht",
            "UNO",
            "organization",
        ),
        (
            "Nach Regierungsangaben sind die Gespräche in Genf gescheitert.",
            "Gespräche",
            "Regierung",
            "organization",
        ),
        (
            "Nach Behördenangaben wurde der Täter noch am Abend gefasst.",
            "Täter",
            "Behörden",
            "group",
        ),
    ],
)
def test_a_compound_statement_noun_names_its_author_in_its_first_part(
    parse: quotes.Extractor, text: str, words: str, name: str, kind: str
) -> None:
    # "Polizeiangaben" are the police's, no person named "Polizeiangaben".
    assert speaker(quotation(parse, text, words)) == (name, kind)


def test_a_compound_statement_nouns_adjectives_are_its_authors(parse: quotes.Extractor) -> None:
    text = "Nach israelischen Armeeangaben wurden drei Raketen abgefangen."
    assert speaker(quotation(parse, text, "Raketen")) == ("israelische Armee", "organization")


def test_an_abbreviation_in_a_compound_statement_noun_is_no_organisation_by_itself(
    parse: quotes.Extractor,
) -> None:
    # "DNA" is no author: only an organisation or group word before the noun is one.
    a = quotation(parse, "Laut DNA-Analyse war der Mann am Tatort.", "Tatort")
    assert a.speaker is None or a.speaker.type != "organization"


def test_a_word_that_only_ends_like_a_statement_noun_is_no_compound(
    parse: quotes.Extractor,
) -> None:
    # "Kandidaten" ends like "Daten": no author "Kandi".
    text = "Die Kandidaten sagten, sie seien für die Wahl bereit."
    a = quotation(parse, text, "Wahl")
    assert a.speaker is not None and a.speaker.name == "Kandidaten"


def test_a_headline_ending_in_a_class_noun_does_not_name_the_datelines_place(
    parse: quotes.Extractor,
) -> None:
    # "… trifft Zulieferer\n\nFrankfurt (AFP)": the place opens the next paragraph, it
    # is no supplier named "Frankfurt" that "Der Zulieferer" refers back to.
    text = (
        "Chipkrise trifft Zulieferer\n\nFrankfurt (AFP) – Der Zulieferer erklärte am "
        "Dienstag, die Produktion werde gedrosselt."
    )
    assert speaker(quotation(parse, text, "Produktion")) == ("Zulieferer", "organization")


def test_a_noun_that_names_an_organisation_after_an_adjective_alone_is_a_surname(
    parse: quotes.Extractor,
) -> None:
    a = quotation(parse, "Frau Kreuz sagte, sie sei mit dem Ergebnis zufrieden.", "Ergebnis")
    assert a.speaker is not None and a.speaker.type == "person"


def test_an_organisation_with_its_complement_keeps_its_adjectives_and_its_abbreviation(
    parse: quotes.Extractor,
) -> None:
    text = (
        "Das Deutsche Institut für Wirtschaftsforschung (DIW) erklärte, die Lage sei "
        "ernst. Das DIW fügte hinzu, die Inflation sinke."
    )
    full = ("Deutsches Institut für Wirtschaftsforschung", "organization")
    assert speaker(quotation(parse, text, "Lage")) == full
    assert speaker(quotation(parse, text, "Inflation")) == full
