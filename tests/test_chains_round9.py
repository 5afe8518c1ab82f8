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


# -- the outlet's own noun phrase is the outlet ------------------------------------------
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


# -- a report referred back to is the outlet's ------------------------------------------
@pytest.mark.parametrize(
    "second",
    [
        "Der Torwart habe schon unterschrieben, heißt es in dem Bericht.",
        "Der Torwart habe schon unterschrieben, hieß es in dem Artikel.",
        "Der Torwart habe schon unterschrieben, heißt es im Bericht.",
    ],
)
def test_the_report_just_named_is_the_outlets(
    parse_extractor: quotes.Extractor, second: str
) -> None:
    text = "Wie die „Bild“ am Dienstag berichtet, soll der Torwart bleiben. " + second
    a = _one(parse_extractor, text, "schon unterschrieben")
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == ("Bild", "outlet")
    assert a.speaker.mention is not None and a.speaker.mention.text.endswith(second[-8:-1])
    assert a.via == ()


def test_a_report_someone_else_made_is_not_the_outlets(parse_extractor: quotes.Extractor) -> None:
    text = (
        "Laut „Spiegel“ soll der Torwart bleiben. Die Kommission legte am Montag einen Bericht "
        "vor. Die Ziele seien verfehlt worden, heißt es in dem Bericht."
    )
    a = _one(parse_extractor, text, "Ziele seien verfehlt")
    assert a.speaker is None or a.speaker.name != "Spiegel"


# -- a cited source with a numeral ------------------------------------------
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


# -- the outlet a role noun spoke to ------------------------------------------
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


# -- the paper the speaker spoke in ------------------------------------------
@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("„Wir geben nicht auf“, sagte Yilmaz im Kölner Stadt-Anzeiger.", "Kölner Stadt-Anzeiger"),
        ("„Wir geben nicht auf“, erklärte die Ministerin in der „Zeit“.", "Zeit"),
        ("Man gebe nicht auf, sagte der Minister der Bangkok Post.", "Bangkok Post"),
    ],
)
def test_the_paper_a_speaker_spoke_in_is_the_first_hop(
    parse_extractor: quotes.Extractor, text: str, outlet: str
) -> None:
    (a,) = parse_extractor.extract(text)
    assert a.speaker is not None and outlet not in a.speaker.name
    assert [(s.name, s.hop) for s in a.via] == [(outlet, 1)]


def test_the_world_is_no_paper_without_marks(parse_extractor: quotes.Extractor) -> None:
    text = "Man gebe nicht auf, sagte die Ministerin in der Welt von morgen."
    for a in parse_extractor.extract(text):
        assert all(s.name != "Welt" for s in a.via)


# -- a channel is no speaker ------------------------------------------
def test_the_platform_a_speaker_wrote_on_is_no_speaker(parse_extractor: quotes.Extractor) -> None:
    # The parser takes "Social" for the subject; the platform is where the words stand.
    text = "Auf seiner Plattform Truth Social schrieb Trump, Kanada habe betrogen."
    (a,) = parse_extractor.extract(text)
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text == "Trump"
    assert [(s.name, s.type, s.hop) for s in a.via] == [("Truth Social", "platform", 1)]


def test_a_channel_without_a_name_after_the_cue_leaves_no_speaker() -> None:
    import attrs

    from quotes.document import Document, SentenceSplitter
    from quotes.pipeline.outlets import OutletFinder
    from quotes.records import Cue, Span, Speaker
    from quotes.rules import load_rules

    @attrs.frozen
    class Frame:
        region_start: int
        region_end: int
        quote: Span
        speaker: Speaker | None
        addressee: Span | None
        cue: Cue | None

    rules = load_rules()
    finder = OutletFinder.from_rules(rules)
    splitter = SentenceSplitter(
        rules["document"].get("abbreviations", ()),
        rules["document"].get("no_split_after_ordinal", ()),
    )
    text = "Auf seiner Plattform Truth Social schrieb der Präsident, Kanada habe betrogen."
    doc = Document.build(text, splitter, None)

    def span(words: str) -> Span:
        start = text.index(words)
        return Span.of(text, start, start + len(words))

    cue = Cue((span("schrieb"),))
    f = Frame(
        0,
        len(text),
        span("Kanada habe betrogen"),
        Speaker(span("Truth Social"), "Truth Social", "outlet"),
        None,
        cue,
    )
    (c,) = finder.chains(doc, finder.find(doc), [f])
    assert c.speaker is None
    assert [s.name for s in c.via] == ["Truth Social"]


# -- an outlet named as such is the outlet --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Die Deutsche Presse-Agentur (dpa) berichtete, der Flughafen sei gesperrt.",
            "Deutsche Presse-Agentur",
        ),
        ("Der Flughafen sei gesperrt, heißt es in dem Bericht der „Bild“.", "Bild"),
        (
            "Der Flughafen sei gesperrt, hieß es in einem Artikel der „Süddeutschen Zeitung“.",
            "Süddeutsche Zeitung",
        ),
    ],
)
def test_a_speaker_named_for_an_outlet_or_its_report_is_the_outlet(
    parse_extractor: quotes.Extractor, text: str, name: str
) -> None:
    a = _one(parse_extractor, text, "Flughafen sei gesperrt")
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == (name, "outlet")
    assert a.via == ()


def test_a_quoted_paper_after_the_cue_is_the_channel_not_a_quotation(
    parse_extractor: quotes.Extractor,
) -> None:
    # Fresh sentence (lead): the paper's name in marks is a title, never a direct quote.
    text = (
        "Die Kerninflation bleibe hartnäckig, sagte der Bundesbankpräsident der „Börsen-Zeitung“."
    )
    found = parse_extractor.extract(text)
    assert [a.kind for a in found] == ["indirect"]
    assert str(found[0].chain) == "Bundesbankpräsident via Börsen-Zeitung"


def test_a_platform_named_by_a_capital_letter_before_the_content(
    parse_extractor: quotes.Extractor,
) -> None:
    # Fresh sentence (lead): the parser hangs "X" on the verb as its particle, and the
    # comma after it opens the content, not a list of platforms.
    text = "Der Milliardär schrieb auf seiner Plattform X, die Regierung lüge."
    (found,) = parse_extractor.extract(text)
    assert found.content.text == "die Regierung lüge"
    assert str(found.cue) == "schrieb"
    assert str(found.chain) == "Milliardär via X"
