"""Outlets in chains, round 10: fresh sentences of our own.

Each test is one class of error seen on fresh text: a verb of saying that takes no dative
outlet but names the medium it was said in ("widersprach im Deutschlandfunk"), a name in
commas between the speaker and the outlet spoken to ("sagte die Fraktionschefin, Marine Le
Pen, der Zeitung „Le Figaro“"), the text view showing an outlet's mention as cue words.
"""

from __future__ import annotations

import pytest

import quotes
from quotes.cli.output import format_attribution


@pytest.fixture(scope="module")
def parse_extractor() -> quotes.Extractor:
    return quotes.Extractor("parse")


def _one(extractor: quotes.Extractor, text: str, words: str) -> quotes.Attribution:
    (found,) = [a for a in extractor.extract(text) if words in a.quote.text]
    return found


def _via(attribution: quotes.Attribution) -> list[tuple[str, int]]:
    return [(s.name, s.hop) for s in attribution.via]


# -- the medium a verb without a dative outlet names ---------------------------------------
@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "Der Ökonom Jens Südekum widersprach im Deutschlandfunk: Die Wirtschaft brauche "
            "Entlastung.",
            "Deutschlandfunk",
        ),
        (
            "Die Vorsitzende mahnte am Sonntag im ZDF, die Partei müsse geschlossen bleiben.",
            "ZDF",
        ),
        (
            "Der Minister verteidigte im „Spiegel“ seinen Kurs: Die Reform sei notwendig.",
            "Spiegel",
        ),
    ],
)
def test_a_verb_of_saying_names_the_medium_it_was_said_in(
    parse_extractor: quotes.Extractor, text: str, outlet: str
) -> None:
    (a,) = parse_extractor.extract(text)
    assert _via(a) == [(outlet, 1)]


def test_whom_the_speaker_contradicted_is_no_outlet_spoken_to(
    parse_extractor: quotes.Extractor,
) -> None:
    # "widersprach der „Bild“": the paper is contradicted, not spoken to.
    text = "Der Sprecher widersprach der „Bild“ am Montag: Der Minister habe nichts gewusst."
    for a in parse_extractor.extract(text):
        assert "Bild" not in [s.name for s in a.via]


# -- a name in commas between the speaker and the outlet -------------------------------------
@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "Das sei ein Fehler, sagte die Fraktionschefin der Rechtspopulisten, Marine Le Pen, "
            "der Zeitung „Le Figaro“.",
            "Figaro",
        ),
        (
            "Man sei gesprächsbereit, sagte der Sprecher des Vereins, Hans Wiegand, dem Sender "
            "NDR.",
            "NDR",
        ),
    ],
)
def test_a_name_in_commas_may_stand_before_the_outlet_spoken_to(
    parse_extractor: quotes.Extractor, text: str, outlet: str
) -> None:
    (a,) = parse_extractor.extract(text)
    assert _via(a) == [(outlet, 1)]


def test_a_clause_in_commas_is_no_name_before_an_outlet(parse_extractor: quotes.Extractor) -> None:
    # The words in commas have a finite verb: "der Zeitung" belongs to the reported clause.
    text = "Er sagte am Montag, das Ministerium habe gelogen, der Zeitung „Bild“ zufolge."
    for a in parse_extractor.extract(text):
        assert [s.relation for s in a.via if s.name == "Bild"] != ["gegenüber"]


# -- the text view ---------------------------------------------------------------------------
def test_the_text_view_does_not_repeat_an_outlets_compound_mention(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Wie die Bild-Zeitung berichtet, soll der Trainer vor dem Aus stehen."
    a = _one(parse_extractor, text, "Trainer")
    assert a.speaker is not None and a.speaker.name == "Bild"
    assert a.cue is not None and [p.text for p in a.cue.parts] == ["Wie", "berichtet"]
    assert format_attribution(a).endswith("(Wie berichtet)")


# -- what the outlet spoken to carries to -----------------------------------------------------
_TO_CBC = "Die Lage sei ernst, sagte Ministerin Anita Anand dem Sender CBC. "


def test_the_next_quotation_of_the_same_speaker_carries_the_outlet(
    parse_extractor: quotes.Extractor,
) -> None:
    text = _TO_CBC + "„Wir arbeiten mit allen Partnern zusammen“, betonte die Ministerin."
    a = _one(parse_extractor, text, "Partnern")
    assert a.speaker is not None and a.speaker.name == "Anita Anand"
    assert _via(a) == [("CBC", 1)]


@pytest.mark.parametrize(
    "between",
    [
        "Am Abend sprach sie im Parlament. ",
        "Zuvor hatte sie mit dem Premierminister telefoniert. ",
    ],
)
def test_another_occasion_between_ends_what_the_paragraph_carries(
    parse_extractor: quotes.Extractor, between: str
) -> None:
    text = _TO_CBC + between + "„Wir arbeiten mit allen Partnern zusammen“, betonte die Ministerin."
    a = _one(parse_extractor, text, "Partnern")
    assert a.speaker is not None and a.speaker.name == "Anita Anand"
    assert a.via == ()


def test_another_occasion_ends_the_carry(parse_extractor: quotes.Extractor) -> None:
    text = (
        _TO_CBC
        + "Später, auf einer Pressekonferenz in Ottawa, betonte sie: „Wir arbeiten mit allen "
        "Partnern zusammen.“"
    )
    a = _one(parse_extractor, text, "Partnern")
    assert a.via == ()


def test_another_occasion_ends_an_interview_carried_through_the_passage(
    parse_extractor: quotes.Extractor,
) -> None:
    text = (
        "In einem Interview mit dem ZDF sagte Ministerpräsident Hendrik Wüst, das Land brauche "
        "mehr Lehrer. „Wir werden einstellen“, sagte Wüst. Später sagte Wüst im Landtag: „Das "
        "Geld ist da.“"
    )
    carried = _one(parse_extractor, text, "einstellen")
    assert _via(carried) == [("ZDF", 1)]
    later = _one(parse_extractor, text, "Geld ist da")
    assert later.via == ()


# -- a quoted outlet name before a colon intro ------------------------------------------------
@pytest.mark.parametrize(
    "intro",
    [
        "Gegenüber dem „Tagesspiegel“ sagte sie:",
        "Im Interview mit der „Zeit“ ergänzte die Ministerin:",
    ],
)
def test_a_quoted_outlet_before_a_colon_intro_is_in_the_chain(
    parse_extractor: quotes.Extractor, intro: str
) -> None:
    # The outlet's quoted name is a title, no one's words: the quotation's region (where
    # its chain is looked for) still starts with its sentence.
    a = _one(parse_extractor, intro + " „Wir brauchen einen Neustart.“", "Neustart")
    assert len(a.via) == 1 and a.via[0].hop == 1
    assert a.via[0].name in intro


# -- "Dem Bericht zufolge": the report named before -------------------------------------------
@pytest.mark.parametrize(
    ("first", "name"),
    [
        (
            "Die „New York Times“ hat am Sonntag einen langen Bericht über die Firma "
            "veröffentlicht.",
            "New York Times",
        ),
        ("Ein Bericht der „Süddeutschen Zeitung“ sorgt für Aufsehen.", "Süddeutsche Zeitung"),
        ("Die „Washington Post“ berichtete am Montag über neue Pläne.", "Washington Post"),
    ],
)
def test_the_report_named_before_is_the_outlets(
    parse_extractor: quotes.Extractor, first: str, name: str
) -> None:
    text = first + " Dem Bericht zufolge soll der Chef Millionen verschoben haben."
    a = _one(parse_extractor, text, "Millionen verschoben")
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == (name, "outlet")
    assert a.speaker.mention is not None and a.speaker.mention.text == "Dem Bericht"
    assert a.via == ()


@pytest.mark.parametrize(
    "first",
    [
        # The outlet does not open the sentence that names the report: someone else's.
        "Laut „Spiegel“ legte die Kommission am Montag einen Bericht vor.",
        # The outlet is only mentioned; the report is the court's.
        "Der Rechnungshof kritisierte den „Spiegel“ und legte einen Bericht vor.",
        # Another report is named after the outlet's.
        "Ein Bericht der „Süddeutschen Zeitung“ sorgt für Aufsehen. Die Kommission legte "
        "am Montag einen Bericht vor.",
    ],
)
def test_a_report_someone_else_made_is_not_the_outlets(
    parse_extractor: quotes.Extractor, first: str
) -> None:
    text = first + " Dem Bericht zufolge wurden Millionen verschwendet."
    a = _one(parse_extractor, text, "Millionen verschwendet")
    assert a.speaker is None or a.speaker.type != "outlet"


# -- "sagte demnach": the outlet that reported -------------------------------------------------
def test_demnach_points_to_the_outlet_that_reported(parse_extractor: quotes.Extractor) -> None:
    text = (
        "Der Außenminister warf dem Westen Heuchelei vor. Das berichtete die Agentur RIA "
        "Nowosti. Der Minister sagte demnach, Europa habe die Krise verschuldet."
    )
    a = _one(parse_extractor, text, "Krise verschuldet")
    assert _via(a) == [("RIA Nowosti", 1)]


@pytest.mark.parametrize(
    "first",
    [
        # The outlet the speaker's minister spoke to reported nothing.
        "Der Minister sagte dem „Spiegel“, er bleibe im Amt.",
        # An organisation that announced it is no outlet.
        "Wie die NATO mitteilte, seien Zivilisten getötet worden.",
        # The report is in another paragraph.
        "Laut „Spiegel“ soll der Minister zurücktreten.\n",
    ],
)
def test_demnach_without_a_report_just_before_adds_no_outlet(
    parse_extractor: quotes.Extractor, first: str
) -> None:
    text = first + " Sein Sprecher sagte demnach, man äußere sich nicht."
    a = _one(parse_extractor, text, "äußere sich nicht")
    assert a.via == ()
