"""Speakers, cues and entities for direct quotations, one pattern per test."""

from __future__ import annotations

import pytest

import quotes
from quotes.pipeline.cues import CueLexicon
from quotes.rules import load_rules


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    return quotes.Extractor()


def only(extractor: quotes.Extractor, text: str, snippet: str) -> quotes.Attribution:
    """The one attribution whose quote contains ``snippet``."""
    found = [a for a in extractor.extract(text) if snippet in a.quote.text]
    assert len(found) == 1, [a.quote.text for a in extractor.extract(text)]
    return found[0]


def speaker_name(extractor: quotes.Extractor, text: str, snippet: str) -> str | None:
    attribution = only(extractor, text, snippet)
    return attribution.speaker.name if attribution.speaker else None


# -- where the speaker is ----------------------------------------------------------------
def test_verb_first_after_quote_with_role(extractor: quotes.Extractor) -> None:
    text = "„Wir stehen an der Seite der Ukraine“, sagte Außenministerin Annalena Baerbock."
    a = only(extractor, text, "Seite")
    assert a.speaker is not None
    assert a.speaker.name == "Annalena Baerbock"
    assert a.speaker.type == "person"
    assert a.cue is not None and a.cue.text == "sagte"
    assert a.quote.text == "„Wir stehen an der Seite der Ukraine“"
    assert a.content.text == "Wir stehen an der Seite der Ukraine"


def test_colon_intro_subject_first(extractor: quotes.Extractor) -> None:
    text = (
        "Trump schloss zudem jegliche Spekulationen über einen Beitritt aus: "
        "„Das wird einfach nicht passieren.“"
    )
    a = only(extractor, text, "passieren")
    assert a.speaker is not None and a.speaker.name == "Donald Trump"
    assert a.cue is not None and a.cue.text == "schloss … aus"


def test_colon_intro_adverbial_first_across_paragraph(extractor: quotes.Extractor) -> None:
    text = "Auf X schrieb Costa:\n\n„In diesen schwierigen Zeiten schätzen wir die Türkei.“"
    assert speaker_name(extractor, text, "Türkei") == "António Costa"


def test_next_sentence_points_back(extractor: quotes.Extractor) -> None:
    text = (
        "„Wir werden die Schuldenbremse einhalten.“ Mit diesen Worten reagierte "
        "Finanzminister Christian Lindner auf die Kritik der Opposition."
    )
    assert speaker_name(extractor, text, "Schuldenbremse") == "Christian Lindner"


def test_interrupted_quote_gives_both_parts_to_the_speaker(extractor: quotes.Extractor) -> None:
    text = "„Wir sind bereit“, sagte Scholz, „aber nicht um jeden Preis.“"
    found = extractor.extract(text)
    assert [a.quote.text for a in found] == ["„Wir sind bereit“", "„aber nicht um jeden Preis.“"]
    assert [a.speaker.name for a in found if a.speaker] == ["Olaf Scholz", "Olaf Scholz"]


def test_headline_style(extractor: quotes.Extractor) -> None:
    text = "Merz: „Wir schaffen die Wende noch in diesem Jahr.“"
    assert speaker_name(extractor, text, "Wende") == "Friedrich Merz"


def test_apposition_with_role_before_the_verb(extractor: quotes.Extractor) -> None:
    text = (
        "Die Sprecherin des russischen Außenministeriums, Maria Sacharowa, sagte: "
        "„Wir erwarten eine Reihe solcher Gespräche.“"
    )
    a = only(extractor, text, "Reihe")
    assert a.speaker is not None and a.speaker.name == "Maria Sacharowa"
    assert a.speaker.mention is not None
    assert a.speaker.mention.text.endswith("Maria Sacharowa")


def test_partial_quote_in_running_text(extractor: quotes.Extractor) -> None:
    text = "Putin lobte die neue Regierung für ihren „Pragmatismus und realistische Sichtweise“."
    a = only(extractor, text, "Pragmatismus")
    assert a.kind == "direct"
    assert a.speaker is not None and a.speaker.name == "Wladimir Putin"
    assert a.cue is not None and a.cue.text == "lobte"


def test_laut_with_pronoun(extractor: quotes.Extractor) -> None:
    text = (
        "Zudem lobte Putin die Herangehensweise der Regierung. Laut ihm bewege sich die "
        "Regierung weg von „messianischen ideologischen Klischees ihrer Vorgänger“."
    )
    a = only(extractor, text, "messianischen")
    assert a.speaker is not None and a.speaker.name == "Wladimir Putin"
    assert a.speaker.mention is not None and a.speaker.mention.text == "ihm"


def test_subordinate_clause_subject(extractor: quotes.Extractor) -> None:
    text = (
        "Die Lage bleibt gespannt, da russische Führer betonen, dass jede Regelung die "
        "„Grundursachen“ des Krieges beseitigen müsse."
    )
    a = only(extractor, text, "Grundursachen")
    assert a.speaker is not None
    assert a.speaker.name == "russische Führer"
    assert a.speaker.type == "group"


# -- entities ----------------------------------------------------------------------------
def test_surname_refers_back_to_full_name(extractor: quotes.Extractor) -> None:
    text = (
        "US-Außenminister Marco Rubio reiste nach Riad. „Die Botschaft kann kaum arbeiten“, "
        "erklärte Rubio."
    )
    assert speaker_name(extractor, text, "Botschaft") == "Marco Rubio"


def test_role_alias_refers_back(extractor: quotes.Extractor) -> None:
    text = (
        "Präsident Wladimir Putin traf am Montag hohe Beamte. „Wir sind zu Gesprächen "
        "bereit“, sagte der Präsident."
    )
    assert speaker_name(extractor, text, "Gesprächen") == "Wladimir Putin"


def test_pronoun_takes_gender_from_given_name(extractor: quotes.Extractor) -> None:
    text = (
        "Sonata Coulter leitete die Delegation, Aleksandr Darchijew die russische Seite. "
        "„Wir haben Fortschritte gemacht“, sagte sie."
    )
    assert speaker_name(extractor, text, "Fortschritte") == "Sonata Coulter"


def test_pronoun_takes_gender_from_feminine_role_noun(extractor: quotes.Extractor) -> None:
    text = (
        "Die Außenministerin Kaja Janssen traf Peter Holm. „Die Gespräche waren offen“, sagte sie."
    )
    assert speaker_name(extractor, text, "offen") == "Kaja Janssen"


def test_pronoun_prefers_the_subject_over_an_oblique_mention(
    extractor: quotes.Extractor,
) -> None:
    text = (
        "Putin lobte die neue Administration von US-Präsident Donald Trump. "
        "Er sprach von einer „gegenseitigen Stimmung“."
    )
    assert speaker_name(extractor, text, "Stimmung") == "Wladimir Putin"


def test_anonymous_speaker_and_definite_reference(extractor: quotes.Extractor) -> None:
    text = (
        "Ein Beamter des US-Außenministeriums stellte klar, dass die Ukraine nicht auf der "
        "Agenda stand. „Wir werden bald wissen, ob Russland bereit ist“, so der Beamte."
    )
    a = only(extractor, text, "bald wissen")
    assert a.speaker is not None
    assert a.speaker.name == "Beamter des US-Außenministeriums"
    assert a.speaker.mention is not None and a.speaker.mention.text == "der Beamte"
    assert a.cue is not None and a.cue.text == "so"


def test_anonymous_speaker_without_antecedent(extractor: quotes.Extractor) -> None:
    text = "„Die Ukraine steht nicht auf der Tagesordnung“, betonte ein Ministeriumssprecher."
    a = only(extractor, text, "Tagesordnung")
    assert a.speaker is not None
    assert a.speaker.name == "Ministeriumssprecher"
    assert a.speaker.type == "person"


def test_organization_speaker(extractor: quotes.Extractor) -> None:
    text = "In einer Mitteilung des Weißen Hauses heißt es:\n\n„Die Sanktionen bleiben bestehen.“"
    a = only(extractor, text, "Sanktionen")
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == ("Weißes Haus", "organization")
    assert a.cue is not None and a.cue.text == "heißt es"


def test_separable_cue_has_two_parts(extractor: quotes.Extractor) -> None:
    text = "„Im Moment haben wir keinen Deal“, fügte er hinzu."
    a = only(extractor, text, "Deal")
    assert a.cue is not None
    assert [p.text for p in a.cue.parts] == ["fügte", "hinzu"]
    assert a.cue.text == "fügte … hinzu"
    for part in a.cue.parts:
        assert text[part.start : part.end] == part.text


# -- terms are not quotations -----------------------------------------------------------
def test_scare_quote_without_speaker_is_not_an_attribution(extractor: quotes.Extractor) -> None:
    text = "Ein solcher „Diktatfrieden“ wird von der Regierung abgelehnt."
    assert extractor.extract(text) == []


# -- the cue lexicon ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Die Sprecherin teilte am Montag in Berlin mit, dass", [["teilte", "mit"]]),
        ("wie er hinzufügte.", [["hinzufügte"]]),
        ("Er hat es gesagt.", [["gesagt"]]),
        ("Sie antwortete knapp.", [["antwortete"]]),
        ("Er teilte den Kuchen mit Anna.", []),  # "mit" does not close the clause
        ("Die Fragen sind offen.", []),  # a noun, not the verb "fragen"
    ],
)
def test_cue_lexicon_forms(sentence: str, expected: list[list[str]]) -> None:
    from quotes.document import tokenize

    lexicon = CueLexicon.from_rules(load_rules())
    matches = lexicon.find_in_tokens(sentence, tokenize(sentence))
    assert [[p.text for p in m.parts] for m in matches if m.kind == "verb"] == expected
