"""Speaker rules of the ninth round (a wrong speaker is worse than none) end to end, on
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
        # The dative object after the subject is no speaker (the parser's subject is the
        # object, or the object runs on from the subject).
        (
            "Im Kreistag warf die Opposition Landrat Heiko Brandt Versagen vor.",
            "Kreistag",
            "Opposition",
        ),
        (
            "Im Bundestag warf die Union Kanzler Olaf Scholz Wortbruch vor.",
            "Bundestag",
            "Union",
        ),
        (
            "Im Landtag warf die SPD Innenminister Peter Krause Untätigkeit vor.",
            "Landtag",
            "SPD",
        ),
        # A prepositional phrase of the first field is no subject.
        (
            "Im Stadtrat warf die Grünen-Fraktion Oberbürgermeisterin Sabine Roth Versagen vor.",
            "Stadtrat",
            "Grünen-Fraktion",
        ),
        # The subject first in the middle field, a bare plural object after it.
        (
            "In Berlin teilte das Ministerium Journalisten mit, die Pläne seien fertig.",
            "Pläne",
            "Ministerium",
        ),
    ],
)
def test_the_first_noun_phrase_after_the_verb_is_the_subject(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    assert speaker_name(quotation(parse, text, words)) == name


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # A name in apposition and a genitive belong to the subject.
        (
            "Am Montag sagte die Ministerin Anna Keller der Zeitung, das Gesetz komme.",
            "Gesetz",
            "Anna Keller",
        ),
        (
            "Im Interview sagte die Sprecherin des Verbands, man sei enttäuscht.",
            "enttäuscht",
            "Sprecherin des Verbands",
        ),
        # The surname after a given name belongs to the subject.
        (
            "Danach schlug der SPD-Fraktionschef Peter Struck den Obmann Thomas Oppermann "
            "als Nachfolger vor.",
            "Nachfolger",
            "Peter Struck",
        ),
        # The subject before the verb stays.
        (
            "Die Opposition warf Landrat Heiko Brandt Versagen vor.",
            "Landrat",
            "Opposition",
        ),
        (
            "Am Freitag warf Ministerpräsident Olaf Brenner der Bundesregierung Wortbruch vor.",
            "Wortbruch",
            "Olaf Brenner",
        ),
    ],
)
def test_the_subject_keeps_its_apposition_and_genitive(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    assert speaker_name(quotation(parse, text, words)) == name


def test_a_surname_that_ends_like_an_organisation_after_a_role_is_a_person(
    parse: quotes.Extractor,
) -> None:
    # "Freeland" ends like "Land"; the role noun before the name says a person, and the
    # given name no list knows opens a full name all the same.
    text = (
        "Finanzministerin Chrystia Freeland sagte dem Sender CBC, man sei auf alles "
        "vorbereitet. „Wir werden unsere Arbeitnehmer schützen“, betonte die Ministerin."
    )
    first = quotation(parse, text, "vorbereitet")
    assert first.speaker is not None
    assert (first.speaker.name, first.speaker.type) == ("Chrystia Freeland", "person")
    assert speaker_name(quotation(parse, text, "Arbeitnehmer")) == "Chrystia Freeland"


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Der Lette Kristaps Porzingis sagte nach dem Spiel, er sei müde. "
            "„Wir müssen besser verteidigen“, sagte der Lette.",
            "verteidigen",
            "Kristaps Porzingis",
        ),
        (
            "Die Schwedin Greta Thunberg kritisierte die Konferenz. Die Schwedin sagte, "
            "die Politik versage.",
            "versage",
            "Greta Thunberg",
        ),
        (
            "Bundeskanzler Olaf Scholz traf den Franzosen Emmanuel Macron in Paris. "
            "„Wir stehen zusammen“, sagte der Franzose.",
            "zusammen",
            "Emmanuel Macron",
        ),
    ],
)
def test_a_noun_of_origin_refers_to_the_person_it_introduced(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    assert speaker_name(quotation(parse, text, words)) == name


def test_a_noun_of_origin_is_no_other_person_named_before(parse: quotes.Extractor) -> None:
    # The only person so far is a Landrat: "der Lette" is someone else.
    text = (
        "Landrat Heiko Brandt eröffnete die Halle. „Wir müssen besser verteidigen“, "
        "sagte der Lette."
    )
    assert speaker_name(quotation(parse, text, "verteidigen")) == "Lette"


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # The parser makes the class noun and the name two subjects.
        (
            "Die Gewerkschaft Verdi fordert für die Hafenarbeiter acht Prozent mehr Lohn.",
            "Hafenarbeiter",
            "Verdi",
        ),
        # A company's class noun before its name.
        ("Der Hafenbetreiber HHLA rechnet mit einem schwierigen Jahr.", "Jahr", "HHLA"),
        (
            "Der Energieversorger EnBW teilte mit, die Preise würden steigen. Der Versorger "
            "sagte, man bedaure das.",
            "bedaure",
            "EnBW",
        ),
    ],
)
def test_the_name_after_a_class_noun_is_the_organisation(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    a = quotation(parse, text, words)
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == (name, "organization")


def test_a_class_noun_with_a_genitive_names_its_own_organisation(
    parse: quotes.Extractor,
) -> None:
    # "Der Zentralverband der …" is no back reference to the union just named.
    text = (
        "Die Gewerkschaft Verdi fordert acht Prozent mehr Lohn. Der Zentralverband der "
        "deutschen Seehafenbetriebe wies die Forderung als überzogen zurück."
    )
    assert speaker_name(quotation(parse, text, "überzogen")) != "Verdi"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Der FC Bayern hat sich von seinem Sportdirektor getrennt. Das teilte der Verein "
            "am Sonntagabend mit.",
            "FC Bayern",
        ),
        (
            "Der VfB Stuttgart verpflichtet einen neuen Trainer. Der Verein teilte mit, der "
            "Vertrag laufe bis 2028.",
            "VfB Stuttgart",
        ),
    ],
)
def test_a_club_named_with_its_opener_is_the_club_a_later_verein_names(
    parse: quotes.Extractor, text: str, name: str
) -> None:
    a = quotation(parse, text, "Sportdirektor" if "Bayern" in text else "Vertrag")
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == (name, "organization")


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # The direct quotation's subject after the verb, with a dative object after it.
        (
            "„Er hat die Lage verschlafen“, warf die Opposition Landrat Heiko Brandt vor.",
            "verschlafen",
            "Opposition",
        ),
        # A role noun and a name with their own determiner stay one subject.
        ("„Das ist ein Skandal“, sagte die SPD-Politikerin Anna Keller.", "Skandal", "Anna Keller"),
    ],
)
def test_a_direct_quotation_s_subject_ends_before_a_role_object(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    assert speaker_name(quotation(parse, text, words)) == name


def test_a_genitive_pronoun_is_a_determiner_not_part_of_the_name(
    parse: quotes.Extractor,
) -> None:
    text = (
        "Ein zweiter Angeklagter will schweigen. Dessen Verteidiger sprach von einer "
        "„Vorverurteilung durch die Medien“."
    )
    assert speaker_name(quotation(parse, text, "Vorverurteilung")) == "Verteidiger"


def test_a_speaker_no_rule_names_keeps_its_words(parse: quotes.Extractor) -> None:
    text = (
        "Bei dem Überfall wurden zwei Wachleute verletzt. Einer von ihnen sagte als Zeuge "
        "aus, er leide bis heute unter Albträumen."
    )
    a = quotation(parse, text, "Albträumen")
    assert a.speaker is None or a.speaker.name == "Einer von ihnen"
