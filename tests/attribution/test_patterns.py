"""One test per attribution pattern, on German news sentences written for these tests.

Each runs the parse backend (the shipped compact model) and checks the speaker mention of
a direct quotation: the whole noun phrase that is the subject or agent of the cue, or the
X of "so X" / "laut X" / "X zufolge" / "nach Angaben X" — and no speaker where the frame
names none.
"""

from __future__ import annotations

import pytest

import quotes

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    return quotes.Extractor("parse")


def speaker_of(extractor: quotes.Extractor, text: str, quote: str) -> str | None:
    for a in extractor.extract(text):
        if a.kind == "direct" and quote in a.content.text:
            assert a.speaker is None or a.speaker.mention is not None
            if a.speaker is None or a.speaker.mention is None:
                return None
            span = a.speaker.mention
            assert text[span.start : span.end] == span.text
            return span.text
    raise AssertionError(f"no direct quotation with {quote!r}")


# -- subject -------------------------------------------------------------------------------
def test_subject_after_the_cue(extractor: quotes.Extractor) -> None:
    text = "„Wir sind zu Gesprächen bereit“, sagte Außenministerin Anna Berger am Montag."
    assert speaker_of(extractor, text, "Gesprächen") == "Außenministerin Anna Berger"


def test_dative_addressee_is_not_the_speaker(extractor: quotes.Extractor) -> None:
    text = "Der Zeitung sagte Bürgermeister Klaus Brandt: „Die Brücke wird im Mai eröffnet.“"
    assert speaker_of(extractor, text, "Brücke") == "Bürgermeister Klaus Brandt"


def test_sentence_adverb_is_not_the_speaker(extractor: quotes.Extractor) -> None:
    text = "Ähnlich äußerte sich die Gewerkschaftschefin Petra Lang: „Das reicht nicht.“"
    assert speaker_of(extractor, text, "reicht") == "die Gewerkschaftschefin Petra Lang"


def test_object_of_a_coordinated_verb_is_not_the_speaker(extractor: quotes.Extractor) -> None:
    text = "Die Bahn bestätigte die Meldung nicht und nannte sie „reine Spekulation“."
    assert speaker_of(extractor, text, "Spekulation") == "Die Bahn"


def test_verb_first_conjunct_shares_the_subject(extractor: quotes.Extractor) -> None:
    text = (
        "Der Trainer bedankte sich nach dem Spiel bei der Mannschaft und sagte: "
        "„Heute hat jeder für jeden gekämpft.“"
    )
    assert speaker_of(extractor, text, "gekämpft") == "Der Trainer"


def test_coordinated_subjects(extractor: quotes.Extractor) -> None:
    text = "Maria und Josef Huber teilten am Abend mit: „Wir danken allen Helfern.“"
    assert speaker_of(extractor, text, "Helfern") == "Maria und Josef Huber"


def test_first_field_with_apposition(extractor: quotes.Extractor) -> None:
    text = "Peter Krause, Sprecher der Stadtwerke, sagte: „Der Strom fließt wieder.“"
    assert speaker_of(extractor, text, "Strom") == "Peter Krause, Sprecher der Stadtwerke"


def test_first_field_with_prepositional_attribute(extractor: quotes.Extractor) -> None:
    text = "Jana Roth vom Institut für Klimafolgen erklärte: „Der Sommer war zu trocken.“"
    assert speaker_of(extractor, text, "Sommer") == "Jana Roth vom Institut für Klimafolgen"


def test_cue_noun_finds_its_verb(extractor: quotes.Extractor) -> None:
    text = (
        "Landrat Otto Weiß kommentierte die Entscheidung mit den Worten: "
        "„Das ist ein guter Tag für den Kreis.“"
    )
    assert speaker_of(extractor, text, "guter Tag") == "Landrat Otto Weiß"


# -- agent and quoting verbs ---------------------------------------------------------------
def test_quoting_verb_makes_its_object_the_speaker(extractor: quotes.Extractor) -> None:
    text = "Die Zeitung zitiert einen Feuerwehrmann mit den Worten: „Das Haus war nicht zu retten.“"
    assert speaker_of(extractor, text, "Haus") == "einen Feuerwehrmann"


def test_passive_without_agent_has_no_speaker(extractor: quotes.Extractor) -> None:
    text = "Im Stadtrat wurde der Plan schon im Sommer als „völlig überzogen“ bezeichnet."
    assert speaker_of(extractor, text, "überzogen") is None


# -- source phrases ------------------------------------------------------------------------
def test_so_x(extractor: quotes.Extractor) -> None:
    text = "„Wir bleiben bei unserer Forderung“, so der Sprecher des Verbandes."
    assert speaker_of(extractor, text, "Forderung") == "der Sprecher des Verbandes"


def test_nach_angaben_takes_the_noun(extractor: quotes.Extractor) -> None:
    text = "Die Lage sei nach Angaben der Feuerwehr „weiterhin sehr ernst“."
    assert speaker_of(extractor, text, "ernst") == "Angaben der Feuerwehr"


# -- nested in indirect speech -------------------------------------------------------------
def test_partial_quote_in_indirect_speech(extractor: quotes.Extractor) -> None:
    text = "Die Ministerin betonte, die Versorgung sei „zu keinem Zeitpunkt gefährdet“ gewesen."
    assert speaker_of(extractor, text, "Zeitpunkt") == "Die Ministerin"


# -- names ---------------------------------------------------------------------------------
def test_surname_after_a_first_name(extractor: quotes.Extractor) -> None:
    text = "„Das reicht nicht“, betonte Gewerkschaftschefin Sabine Krause laut Reuters."
    assert speaker_of(extractor, text, "reicht") == "Gewerkschaftschefin Sabine Krause"


def test_post_verbal_role_apposition(extractor: quotes.Extractor) -> None:
    text = "„Wir haben gewonnen“, sagte Jonas Keller, Bürgermeister der Stadt."
    assert speaker_of(extractor, text, "gewonnen") == "Jonas Keller, Bürgermeister der Stadt"


# -- indirect speech: the same patterns check the detector's speaker ------------------------
def indirect_speaker(extractor: quotes.Extractor, text: str, content: str) -> str | None:
    for a in extractor.extract(text):
        if a.kind == "indirect" and content in a.quote.text:
            return a.speaker.mention.text if a.speaker and a.speaker.mention else None
    raise AssertionError(f"no indirect quotation with {content!r}")


def test_indirect_sentence_adverb_is_no_speaker(extractor: quotes.Extractor) -> None:
    text = "Gleichzeitig äußerten die Landwirte ihre Sorge, dass die Preise weiter fallen könnten."
    assert indirect_speaker(extractor, text, "Preise") == "die Landwirte"


def test_indirect_conjunct_after_a_dass_clause(extractor: quotes.Extractor) -> None:
    text = (
        "Auf der Pressekonferenz betonte Trump, dass die Gespräche weit fortgeschritten seien "
        "und zeigte sich zuversichtlich, dass Putin seine Zusagen einhalten werde."
    )
    assert indirect_speaker(extractor, text, "Zusagen") == "Trump"
