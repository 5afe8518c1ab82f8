"""Speaker rules of the fourth round (issue 7) end to end, on German news sentences
written for these tests."""

from __future__ import annotations

import pytest
from speaker_helpers import quotation

import quotes

pytest.importorskip("spacy")


@pytest.fixture(scope="module", params=["parse", "rules"])
def extractor(request: pytest.FixtureRequest) -> quotes.Extractor:
    return quotes.Extractor(request.param)


def test_indirect_quote_of_zitieren_goes_to_its_object(parse: quotes.Extractor) -> None:
    text = (
        "Der Verteidigungsminister äußerte sich am Morgen nicht öffentlich. "
        "Die Lage an der Grenze sei ernst, zitierte die „Bild“ den Minister."
    )
    a = quotation(parse, text, "Lage an der Grenze")
    assert a.kind == "indirect"
    assert a.content.text == "Die Lage an der Grenze sei ernst"
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text == "den Minister"
    assert [v.name for v in a.via] == ["Bild"]


def test_indirect_quote_of_zitieren_with_an_indefinite_object(parse: quotes.Extractor) -> None:
    text = "Die Regierung habe versagt, zitierte die Zeitung einen Sprecher der Opposition."
    a = quotation(parse, text, "Regierung habe versagt")
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text == "einen Sprecher der Opposition"


def test_no_outlet_speaker_when_zitieren_has_no_quoted_object(extractor: quotes.Extractor) -> None:
    # Whatever is found, the outlet that quotes is never the speaker.
    text = "Die Lage sei ernst, zitierte die „Bild“ den Minister für Verteidigung."
    for a in extractor.extract(text):
        assert a.speaker is None or a.speaker.name != "Bild"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("„Wir werden nicht nachgeben“, sagte der Präsident am Sonntagabend.", "der Präsident"),
        ("„Das prüfen wir“, erklärte die Ministerin am Montag in Berlin.", "die Ministerin"),
        (
            "„Es reicht“, sagte der Gewerkschaftschef auf einer Pressekonferenz.",
            "der Gewerkschaftschef",
        ),
    ],
)
def test_mention_ends_before_a_time_or_occasion(
    extractor: quotes.Extractor, text: str, mention: str
) -> None:
    a = quotation(extractor, text, text[1:6])
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text == mention
    span = a.speaker.mention
    assert text[span.start : span.end] == span.text


def test_mention_keeps_its_own_attribute_before_a_time(parse: quotes.Extractor) -> None:
    text = "„Wir bleiben“, sagte der Bürgermeister von Köln am Samstagabend."
    a = quotation(parse, text, "Wir bleiben")
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text == "der Bürgermeister von Köln"


def test_pronoun_takes_the_subject_of_the_sentence_before(extractor: quotes.Extractor) -> None:
    text = (
        "Präsident Emmanuel Macron hatte den Regierungschef im Dezember ernannt. "
        "Premierminister François Bayrou kündigte am Dienstag in der Nationalversammlung "
        "eine Konferenz über die Renten an. „Wir hören zu“, sagte er."
    )
    a = quotation(extractor, text, "Wir hören zu")
    assert a.speaker is not None and a.speaker.name == "François Bayrou"


def test_pronoun_after_another_speaker_takes_the_newer_subject(parse: quotes.Extractor) -> None:
    text = (
        "„Frankreich braucht Stabilität“, sagte Präsident Emmanuel Macron am Montag. "
        "Premierminister François Bayrou kündigte am Dienstag eine Rentenkonferenz an. "
        "„Wir hören zu“, sagte er."
    )
    a = quotation(parse, text, "Wir hören zu")
    assert a.speaker is not None and a.speaker.name == "François Bayrou"


def test_role_noun_and_name_split_by_the_parser_stay_one_subject(parse: quotes.Extractor) -> None:
    text = (
        "„Frankreich braucht Stabilität“, sagte Präsident Emmanuel Macron am Montag. "
        "Premierminister François Bayrou kündigte am Dienstag eine Rentenkonferenz an."
    )
    for a in parse.extract(text):
        if a.content.text.startswith("Premierminister"):
            assert a.speaker is not None and a.speaker.mention is not None
            assert a.speaker.mention.text == "Premierminister François Bayrou"
            assert a.speaker.name == "François Bayrou"
