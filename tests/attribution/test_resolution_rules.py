"""Speaker rules of issue 7 §2/§3 on German news sentences written for these tests: the
phrase a speaker spans, words that never speak, speakers carried to the next quotation,
"Beide Seiten" and the parser's case tags that the determiner overrules."""

from __future__ import annotations

import pytest

import quotes

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    return quotes.Extractor("parse")


def attribution(
    extractor: quotes.Extractor, text: str, quote: str, kind: str = "direct"
) -> quotes.Attribution:
    for a in extractor.extract(text):
        if a.kind == kind and quote in a.content.text:
            if a.speaker is not None and a.speaker.mention is not None:
                span = a.speaker.mention
                assert text[span.start : span.end] == span.text
            return a
    raise AssertionError(f"no {kind} quotation with {quote!r}")


def mention(extractor: quotes.Extractor, text: str, quote: str, kind: str = "direct") -> str | None:
    a = attribution(extractor, text, quote, kind)
    return a.speaker.mention.text if a.speaker and a.speaker.mention else None


def name(extractor: quotes.Extractor, text: str, quote: str, kind: str = "direct") -> str | None:
    a = attribution(extractor, text, quote, kind)
    return a.speaker.name if a.speaker else None


# -- the phrase ----------------------------------------------------------------------------
def test_pronoun_einer_with_genitive_is_a_subject(extractor: quotes.Extractor) -> None:
    text = "Einer der beteiligten Polizisten sagte: „So etwas habe ich noch nie gesehen.“"
    assert mention(extractor, text, "noch nie") == "Einer der beteiligten Polizisten"


def test_quoted_name_inside_the_first_field(extractor: quotes.Extractor) -> None:
    text = (
        "Anna Berger, eine Sprecherin des Naturschutzbundes „Grüne Zukunft“ (GZ), "
        "kommentierte den Beschluss mit folgenden Worten: „Das ist ein schwarzer Tag.“"
    )
    assert mention(extractor, text, "schwarzer Tag") == (
        "Anna Berger, eine Sprecherin des Naturschutzbundes „Grüne Zukunft“ (GZ)"
    )


def test_trailing_adverb_is_not_part_of_the_subject(extractor: quotes.Extractor) -> None:
    text = "Die Kanadier hingegen sagen, der Pilot trage die „volle Verantwortung“."
    assert mention(extractor, text, "volle Verantwortung") == "Die Kanadier"


def test_genitive_of_a_genitive_stays_in_the_phrase(extractor: quotes.Extractor) -> None:
    text = (
        "In einem Positionspapier des Bundesministeriums des Innern heißt es, die Prüfung "
        "habe ergeben, dass die Regeln sinnvoll seien."
    )
    assert mention(extractor, text, "Prüfung", kind="indirect") == (
        "einem Positionspapier des Bundesministeriums des Innern"
    )


def test_name_particle_opens_the_sentence(extractor: quotes.Extractor) -> None:
    text = (
        "Die Ministerin Ursula von der Leyen (CDU) stellte den Plan am Montag vor. "
        "Von der Leyen betonte, unter den Bewerbern seien „viele junge Leute mit Erfahrung“."
    )
    assert mention(extractor, text, "junge Leute") == "Von der Leyen"
    assert name(extractor, text, "junge Leute") == "Ursula von der Leyen"


def test_subject_hung_on_the_auxiliary(extractor: quotes.Extractor) -> None:
    text = (
        "Bei einem Treffen zwischen Frankreich und den Niederlanden hat Präsident Paul "
        "Girard seine „Zuversicht“ geäußert, dass beide Länder den Streit beilegen können."
    )
    assert name(extractor, text, "Streit", kind="indirect") == "Paul Girard"


def test_determiner_settles_a_case_the_parser_got_wrong(extractor: quotes.Extractor) -> None:
    text = "Wie die „Kieler Zeitung“ schreibt, soll der Hafen im Herbst erweitert werden."
    assert mention(extractor, text, "Hafen", kind="indirect") == "die „Kieler Zeitung“"


# -- never a speaker -----------------------------------------------------------------------
def test_noun_that_names_the_quote_is_not_the_speaker(extractor: quotes.Extractor) -> None:
    text = (
        "Schon am Freitagabend zogen Studenten vor den Sitz der Landesregierung und "
        "skandierten Sprüche wie „Bildung statt Beton“."
    )
    assert mention(extractor, text, "Bildung statt Beton") != "Sprüche"


# -- carried to the next quotation -----------------------------------------------------------
def test_so_x_carries_to_the_next_quotation(extractor: quotes.Extractor) -> None:
    text = (
        "„Wir lassen uns das nicht gefallen“, so der zuständige Betriebsrat Uwe Kramer. "
        "„Eine solche Politik ist unvereinbar mit unseren Grundsätzen.“"
    )
    assert mention(extractor, text, "unvereinbar") == "der zuständige Betriebsrat Uwe Kramer"


def test_no_carry_over_another_person(extractor: quotes.Extractor) -> None:
    text = (
        "„Wir lassen uns das nicht gefallen“, so der zuständige Betriebsrat Uwe Kramer. "
        "Die Ministerin Petra Lang widersprach. „Eine solche Politik ist falsch.“"
    )
    assert name(extractor, text, "falsch") != "Uwe Kramer"


def test_parse_speaker_carries_to_the_next_partial_quote(extractor: quotes.Extractor) -> None:
    text = (
        "Die Ministerin Petra Berger stellte das Programm vor. Berger betonte, unter den "
        "Bewerbern seien „viele junge Leute mit Erfahrung“. Sie seien „so gut wie jeder "
        "andere geeignet, als Erzieher zu arbeiten.“"
    )
    assert name(extractor, text, "jeder andere") == "Petra Berger"


# -- Beide Seiten ------------------------------------------------------------------------------
def test_beide_seiten_are_the_two_persons_just_named(extractor: quotes.Extractor) -> None:
    text = (
        "Die Grünen-Fraktionschefin Katharina Schulze nannte die Pläne von Ministerpräsident "
        "Markus Söder „populistisch“. Söder wies das zurück. Beide Seiten kündigten an, das "
        "Thema im Landtag zu debattieren."
    )
    assert name(extractor, text, "Landtag", kind="indirect") == (
        "Katharina Schulze und Markus Söder"
    )


def test_beide_seiten_without_two_persons_is_no_pair(extractor: quotes.Extractor) -> None:
    text = "Beide Seiten kündigten an, das Thema im Landtag zu debattieren."
    assert " und " not in (name(extractor, text, "Landtag", kind="indirect") or "")


# -- phrases the parser splits -------------------------------------------------------------
def test_place_of_origin_hung_on_the_verb(extractor: quotes.Extractor) -> None:
    text = (
        "„Es war laut“, beschreibt ein Reporter des Senders Sky News aus Leicestershire "
        "das Ereignis."
    )
    assert mention(extractor, text, "laut") == (
        "ein Reporter des Senders Sky News aus Leicestershire"
    )


def test_apposition_after_a_prepositional_attribute(extractor: quotes.Extractor) -> None:
    text = (
        "„Die Lage bleibt ernst“, sagte der Oberkommandierende General der Bundeswehr in "
        "Mali, General Peter Hansen heute anlässlich einer Pressekonferenz."
    )
    assert name(extractor, text, "Lage") == "Peter Hansen"


def test_doubled_space_inside_the_first_field(extractor: quotes.Extractor) -> None:
    text = (
        "Ihre Parteikollegin und Mitabgeordnete im Landtag von Sachsen,  Maria Vogel, "
        "urteilte, dass das Land in einen „politischen Stillstand“ gerate."
    )
    assert name(extractor, text, "Stillstand") == "Maria Vogel"
