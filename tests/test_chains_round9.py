"""Outlets as speakers and in chains, round 9: fresh sentences of our own.

Each test is one class of error seen on fresh text: a speaker name with a quotation mark
inside ("Bild“-Zeitung"), a report referred back to ("heißt es in dem Bericht"), a cited
source with a numeral ("unter Berufung auf drei Diplomaten"), a dative outlet swallowed
by a role noun ("sagte der SPD-Politiker der „Süddeutschen Zeitung“").
"""

from __future__ import annotations

import pytest

import quotes


@pytest.fixture(scope="module")
def parse_extractor() -> quotes.Extractor:
    return quotes.Extractor("parse")


def _one(extractor: quotes.Extractor, text: str, words: str) -> quotes.Attribution:
    (found,) = [a for a in extractor.extract(text) if words in a.quote.text]
    return found


# -- the outlet's own noun phrase is the outlet ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Wie die „Bild“-Zeitung am Mittwoch berichtet, soll der Torwart bleiben.",
            "die „Bild“-Zeitung",
            "Bild",
        ),
        (
            "Wie das „Spiegel“-Magazin berichtet, soll der Torwart bleiben.",
            "das „Spiegel“-Magazin",
            "Spiegel",
        ),
        ("Wie die „Bild“ berichtet, soll der Torwart bleiben.", "die „Bild“", "Bild"),
    ],
)
def test_a_quoted_name_with_its_type_noun_is_the_outlet(
    parse_extractor: quotes.Extractor, text: str, mention: str, name: str
) -> None:
    a = _one(parse_extractor, text, "Torwart bleiben")
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == (name, "outlet")
    assert a.speaker.mention is not None and name in a.speaker.mention.text
    assert mention.endswith(a.speaker.mention.text)
    assert a.via == ()  # never its own hop


# -- a report referred back to is the outlet's -------------------------------------------------
@pytest.mark.parametrize(
    "second",
    [
        "Der Torwart habe schon unterschrieben, heißt es in dem Bericht.",
        "Der Torwart habe schon unterschrieben, hieß es in dem Artikel.",
    ],
)
def test_the_report_just_named_is_the_outlets(
    parse_extractor: quotes.Extractor, second: str
) -> None:
    text = "Wie die „Bild“ am Dienstag berichtet, soll der Torwart bleiben. " + second
    a = _one(parse_extractor, text, "schon unterschrieben")
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == ("Bild", "outlet")
    assert a.speaker.mention is not None and a.speaker.mention.text.startswith("dem ")
    assert a.via == ()


def test_a_report_someone_else_made_is_not_the_outlets(parse_extractor: quotes.Extractor) -> None:
    text = (
        "Laut „Spiegel“ soll der Torwart bleiben. Die Kommission legte am Montag einen Bericht "
        "vor. Die Ziele seien verfehlt worden, heißt es in dem Bericht."
    )
    a = _one(parse_extractor, text, "Ziele seien verfehlt")
    assert a.speaker is None or a.speaker.name != "Spiegel"


# -- a cited source with a numeral --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Wie die Nachrichtenagentur AFP unter Berufung auf drei Diplomaten meldete, soll "
            "das Treffen verschoben werden.",
            "drei Diplomaten",
        ),
        (
            "Wie die Agentur Reuters unter Berufung auf zwei Regierungsbeamte meldete, soll "
            "das Treffen verschoben werden.",
            "zwei Regierungsbeamte",
        ),
        (
            "Wie die Agentur Reuters unter Berufung auf die vier Regierungsbeamten meldete, "
            "soll das Treffen verschoben werden.",
            "vier Regierungsbeamten",
        ),
    ],
)
def test_a_counted_cited_source_is_the_speaker(
    parse_extractor: quotes.Extractor, text: str, who: str
) -> None:
    a = _one(parse_extractor, text, "Treffen verschoben")
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == (who, "group")
    assert a.speaker.mention is not None and a.speaker.mention.text.endswith(who)
    assert [(s.type, s.hop) for s in a.via] == [("agency", 1)]


# -- the outlet a role noun spoke to --------------------------------------------------------------
def test_a_role_noun_keeps_the_outlet_it_spoke_to_out_of_its_mention(
    parse_extractor: quotes.Extractor,
) -> None:
    text = (
        "Die Partei werde „mit aller Kraft“ kämpfen, sagte der SPD-Politiker der "
        "„Süddeutschen Zeitung“."
    )
    found = parse_extractor.extract(text)
    assert found
    for a in found:
        assert a.speaker is not None and a.speaker.mention is not None
        assert a.speaker.mention.text == "der SPD-Politiker"
        assert a.speaker.name == "SPD-Politiker"
        assert str(a.chain) == "SPD-Politiker via Süddeutsche Zeitung"
        assert a.via[0].relation == "gegenüber"


def test_a_speaker_of_the_outlet_keeps_it(parse_extractor: quotes.Extractor) -> None:
    # A genitive: the spokesman is the newspaper's, not someone who spoke to it.
    text = "Die Redaktion werde reagieren, sagte der Sprecher der „Süddeutschen Zeitung“."
    (a,) = parse_extractor.extract(text)
    assert a.speaker is not None and a.speaker.mention is not None
    assert "Süddeutschen Zeitung" in a.speaker.mention.text
    assert all(s.relation != "gegenüber" for s in a.via)
