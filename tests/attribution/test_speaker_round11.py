"""Speaker names of the eleventh round (a wrong speaker is worse than none) end to end, on
German news sentences written for these tests."""

from __future__ import annotations

import pytest
from speaker_helpers import quotation

import quotes

pytest.importorskip("spacy")

SPOKESMAN = "Regierungssprecher Thomas Brandl sagte am Morgen, es gebe keine neuen Pläne. "


def speaker_name(a: quotes.Attribution) -> str | None:
    return a.speaker.name if a.speaker is not None else None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            SPOKESMAN + "Der Sprecher der polnischen Armee, Marek Nowicki, erklärte im Radio, "
            "die Grenze werde verstärkt. Er fügte hinzu: „Wir sind vorbereitet.“",
            "Marek Nowicki",
        ),
        (
            SPOKESMAN + "Die Sprecherin des Gesundheitsamtes, Carla Winter, teilte mit, die "
            "Zahlen seien gesunken. Sie sagte: „Wir bleiben vorsichtig.“",
            "Carla Winter",
        ),
    ],
)
def test_a_pronoun_takes_the_name_in_commas_after_the_role_and_its_genitive(
    parse: quotes.Extractor, text: str, name: str
) -> None:
    # The sentence before opens with the role, its genitive and its holder's name: the
    # pronoun is that holder, not the earlier person of the same office.
    a = quotation(parse, text, "Wir", kind="direct")
    assert speaker_name(a) == name


def test_a_role_with_a_genitive_is_not_the_earlier_holder_of_that_role(
    parse: quotes.Extractor,
) -> None:
    # "der polnischen Armee" names whose spokesman he is: not the government's.
    text = (
        SPOKESMAN + "Der Sprecher der polnischen Armee erklärte im Radio, die Grenze werde "
        "verstärkt. Er fügte hinzu: „Wir sind vorbereitet.“"
    )
    for words in ("Grenze", "Wir"):
        assert speaker_name(quotation(parse, text, words)) != "Thomas Brandl"


def test_a_role_with_a_genitive_is_the_person_named_by_that_very_role_word(
    parse: quotes.Extractor,
) -> None:
    text = (
        "Der Verkehrsminister Karl Huber eröffnete am Morgen die Brücke. Der "
        "Verkehrsminister des Landes sagte, die Brücke sei sicher."
    )
    assert speaker_name(quotation(parse, text, "sicher")) == "Karl Huber"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Nach eigenen Angaben hat der Windparkbetreiber Enerkon im Herbst weniger Strom "
            "erzeugt.",
            "Der Windparkbetreiber Enerkon",
        ),
        ("Die Feuerwehr hat nach eigenen Angaben zwölf Menschen gerettet.", "Die Feuerwehr"),
        ("Der Autobauer Veltro streicht nach eigenen Angaben 500 Stellen.", "Der Autobauer Veltro"),
        (
            "Eigenen Angaben zufolge verlor die Reederei Hapag-Lloyd im Sommer zwei Schiffe.",
            "Die Reederei Hapag-Lloyd",
        ),
    ],
)
def test_own_statements_are_the_clauses_subjects(
    parse: quotes.Extractor, text: str, subject: str
) -> None:
    # "eigenen Angaben" names no one: its author is the clause's subject, named as that
    # subject is when it speaks itself. The mention stays the source phrase (as the
    # corpus marks it).
    (a,) = [a for a in parse.extract(text) if a.kind == "indirect"]
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text.lower() == "eigenen angaben"
    itself = quotation(parse, subject + " teilte mit, die Zahlen seien gut.", "Zahlen")
    assert itself.speaker is not None and itself.speaker.type != "unknown"
    assert a.speaker.name == itself.speaker.name


def test_von_after_own_statements_is_the_passives_agent(parse: quotes.Extractor) -> None:
    text = "Der Fahrer wurde nach eigenen Angaben von zwei Männern bedroht."
    (a,) = [a for a in parse.extract(text) if a.kind == "indirect"]
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text == "eigenen Angaben"
    assert a.speaker.name == "Fahrer"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Auf der Plattform Bluesky schrieb der Bürgermeister, die Stadt bleibe offen.",
            "Bürgermeister",
        ),
        (
            "Bürgermeister Jens Haller eröffnete am Montag das Rathaus. Im Netzwerk Mastodon "
            "schrieb der Bürgermeister am Abend, die Stadt bleibe offen.",
            "Jens Haller",
        ),
    ],
)
def test_the_subject_after_the_verb_not_the_platform_of_the_first_field(
    parse: quotes.Extractor, text: str, name: str
) -> None:
    # The first field holds one phrase: the name after "Plattform" belongs to it.
    a = quotation(parse, text, "offen")
    assert speaker_name(a) == name
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text == "der Bürgermeister"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Einer Umfrage von Infratest dimap zufolge sind die meisten Befragten unzufrieden.",
            "Infratest dimap",
        ),
        (
            "Einer Umfrage von Civey plus zufolge wollen viele Befragte weniger fliegen.",
            "Civey plus",
        ),
    ],
)
def test_a_lower_case_name_part_before_zufolge_keeps_the_source(
    parse: quotes.Extractor, text: str, words: str
) -> None:
    # Only a dative noun phrase stands before "zufolge": the lower-case word is the end
    # of the name before it.
    (a,) = [a for a in parse.extract(text) if a.kind == "indirect"]
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text.endswith(words)


def test_a_genitive_pronoun_before_the_role_is_its_determiner(parse: quotes.Extractor) -> None:
    text = (
        "Kritik kam von der Handwerkskammer. Deren Präsidentin Renate Halbig erklärte, die "
        "Last trügen vor allem die Betriebe."
    )
    assert speaker_name(quotation(parse, text, "Betriebe")) == "Renate Halbig"


def test_the_party_in_the_genitive_before_a_name_makes_the_member_noun_fit(
    parse: quotes.Extractor,
) -> None:
    text = (
        "Der Fraktionschef der FDP, Jens Brandenburg, kritisierte den Plan. Er warf der "
        "Ministerin Fehler vor. „Das ist reine Symbolpolitik“, sagte der Liberale."
    )
    a = quotation(parse, text, "Symbolpolitik", kind="direct")
    assert speaker_name(a) == "Jens Brandenburg"


def test_a_pronoun_after_a_role_and_a_name_no_dictionary_knows(parse: quotes.Extractor) -> None:
    # "Thekla" is no given name of the lists and "Walker" a common noun, so the document
    # scan misses the name; the sentence before still opens with the role and the name.
    text = (
        "Umweltministerin Thekla Walker (Grüne) sagte am Mittwoch, bis 2030 sollten neue "
        "Anlagen entstehen. „Wir haben keine Zeit zu verlieren“, fügte sie hinzu."
    )
    assert speaker_name(quotation(parse, text, "Zeit", kind="direct")) == "Thekla Walker"
    # A pronoun of the other gender is not that person.
    other = text.replace("fügte sie", "fügte er")
    assert speaker_name(quotation(parse, other, "Zeit", kind="direct")) != "Thekla Walker"


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        (
            "Einer Umfrage von Infratest dimap zufolge sind die meisten Befragten unzufrieden.",
            "Infratest dimap",
            "organization",
        ),
        (
            "Laut einer Studie von Greenpeace sind die Meere stark belastet.",
            "Greenpeace",
            "organization",
        ),
        # Role nouns in the plural are no institute.
        (
            "Einer Studie von Forschern zufolge sind die Meere stark belastet.",
            "Studie von Forschern",
            "unknown",
        ),
    ],
)
def test_a_survey_names_its_institute(
    parse: quotes.Extractor, text: str, name: str, type_: str
) -> None:
    (a,) = [a for a in parse.extract(text) if a.kind == "indirect"]
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == (name, type_)


def test_a_party_role_two_sentences_after_the_name(parse: quotes.Extractor) -> None:
    # The sentence between speaks of her by a pronoun only.
    text = (
        "Bayerns Gesundheitsministerin Judith Gerlach sprach von einem „Angriff auf die "
        "Versorgung“. Sie kündigte Widerstand im Bundesrat an. „Das werden wir so nicht "
        "mittragen“, sagte die CSU-Politikerin."
    )
    assert speaker_name(quotation(parse, text, "mittragen", kind="direct")) == "Judith Gerlach"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Die Deutsche Krankenhausgesellschaft warnte am Montag, viele Häuser stünden vor "
            "dem Aus.",
            "Deutsche Krankenhausgesellschaft",
        ),
        (
            "Am Abend erklärte die Bayerische Landesärztekammer, die Praxen seien überlastet.",
            "Bayerische Landesärztekammer",
        ),
    ],
)
def test_societies_and_chambers_are_organisations_with_their_adjective(
    parse: quotes.Extractor, text: str, name: str
) -> None:
    a = next(a for a in parse.extract(text) if a.kind == "indirect")
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == (name, "organization")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Die Deutsche Bahn teilte am Montag mit, die Preise würden im Dezember steigen.",
            "Deutsche Bahn",
        ),
        (
            "Die Europäische Zentralbank erklärte, die Zinsen würden vorerst nicht sinken.",
            "Europäische Zentralbank",
        ),
    ],
)
def test_a_capitalised_adjective_after_the_article_makes_the_noun_a_name(
    parse: quotes.Extractor, text: str, name: str
) -> None:
    # After an article only a name writes its adjective with a capital: "die Deutsche
    # Bahn" is the company, not the common noun "Bahn".
    a = quotation(parse, text, "die", kind="indirect")
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == (name, "organization")


def test_a_lower_case_adjective_is_no_part_of_a_name(parse: quotes.Extractor) -> None:
    # "die zuständige Behörde" is a description: the rule above leaves it as it was.
    a = quotation(
        parse, "Die zuständige Behörde teilte mit, die Straße werde gesperrt.", "die", "indirect"
    )
    assert a.speaker is not None
    assert a.speaker.name == "zuständige Behörde"
