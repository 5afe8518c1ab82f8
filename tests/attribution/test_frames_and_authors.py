"""Frames beside their quotation (with the joining comma) and the authors that statement
nouns name ("nach Angaben der Polizei" → Polizei), on German news sentences written for
these tests."""

from __future__ import annotations

import pytest

import quotes
from quotes.attribution.frames import settle_frames
from quotes.pipeline.speakers import Frame
from quotes.records import Cue, Span

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    return quotes.Extractor("parse")


def _one(extractor: quotes.Extractor, text: str, quote: str, kind: str | None = None):
    for a in extractor.extract(text):
        if quote in a.content.text and (kind is None or a.kind == kind):
            return a
    raise AssertionError(f"no quotation with {quote!r}")


def _frame(text: str, quote: str, frame: str, cue: str) -> Frame:
    q = text.index(quote)
    f = text.index(frame)
    c = text.index(cue, f)
    quote_span = Span.of(text, q, q + len(quote))
    return Frame(
        kind="direct",
        quote=quote_span,
        content=Span.of(text, q + 1, q + len(quote) - 1),
        speaker=None,
        cue=Cue((Span.of(text, c, c + len(cue)),)),
        frame=Span.of(text, f, f + len(frame)),
        addressee=None,
        confidence=0.9,
        region_start=0,
        region_end=len(text),
    )


# -- frames (no parse needed) -------------------------------------------------------------
def test_frame_never_holds_its_own_quotation() -> None:
    text = "Die Firma bestätigte das nicht und nannte es „reine Spekulation“."
    whole = text[: text.index(".") + 1]
    (settled,) = settle_frames(text, [_frame(text, "„reine Spekulation“", whole, "nannte")])
    assert settled.frame is not None
    assert settled.frame.text == "Die Firma bestätigte das nicht und nannte es"
    assert text[settled.frame.start : settled.frame.end] == settled.frame.text


def test_frame_keeps_the_side_with_the_cue() -> None:
    text = "Der Minister verteidigte den Begriff „Chaoten“, mit dem er die Täter meinte."
    (settled,) = settle_frames(text, [_frame(text, "„Chaoten“", text, "verteidigte")])
    assert settled.frame is not None
    assert settled.frame.text == "Der Minister verteidigte den Begriff"


def test_frame_after_the_quotation_takes_the_comma() -> None:
    text = "„Wir geben nicht auf“, so die Ministerin."
    (settled,) = settle_frames(
        text, [_frame(text, "„Wir geben nicht auf“", "so die Ministerin", "so")]
    )
    assert settled.frame is not None and settled.frame.text == ", so die Ministerin"


def test_frame_before_the_quotation_takes_the_comma() -> None:
    text = "Die Ministerin sagte , „wir geben nicht auf“."
    (settled,) = settle_frames(
        text, [_frame(text, "„wir geben nicht auf“", "Die Ministerin sagte", "sagte")]
    )
    assert settled.frame is not None and settled.frame.text == "Die Ministerin sagte ,"


def test_frame_elsewhere_is_left_alone() -> None:
    text = "„Wir geben nicht auf.“ Die Ministerin sagte das am Montag."
    frame = _frame(text, "„Wir geben nicht auf.“", "Die Ministerin sagte", "sagte")
    assert settle_frames(text, [frame]) == (frame,)


def test_partial_quote_in_indirect_speech_takes_its_frame(extractor: quotes.Extractor) -> None:
    text = "Der Staatsanwalt sagte, der Angeklagte habe „bewusst und gewollt“ gehandelt."
    a = _one(extractor, text, "bewusst und gewollt", "direct")
    assert a.frame is not None and a.frame.text == "Der Staatsanwalt sagte,"
    assert a.speaker is not None and a.speaker.name == "Staatsanwalt"


# -- authors of statements ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "quote", "name", "kind"),
    [
        (
            "Nach Angaben der Polizei wurden bei der Kundgebung zwölf Beamte verletzt.",
            "zwölf Beamte",
            "Polizei",
            "organization",
        ),
        (
            "Einem Bericht des „Spiegel“ zufolge plant die Regierung eine Reform der Rente.",
            "Reform der Rente",
            "Spiegel",
            "outlet",
        ),
        (
            "Nach Informationen des „Handelsblatts“ verhandelt der Konzern mit Investoren.",
            "Investoren",
            "Handelsblatt",
            "outlet",
        ),
    ],
)
def test_statement_noun_names_its_author(
    extractor: quotes.Extractor, text: str, quote: str, name: str, kind: str
) -> None:
    a = _one(extractor, text, quote)
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == (name, kind)


def test_anonymous_author_keeps_the_description(extractor: quotes.Extractor) -> None:
    text = "Nach Angaben eines Sprechers wurden bei dem Brand drei Menschen verletzt."
    a = _one(extractor, text, "drei Menschen")
    assert a.speaker is not None and a.speaker.type != "outlet"
    assert "Sprecher" in a.speaker.name


# -- groups and outlets as sources ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "quote", "mention_text", "name"),
    [
        (
            "Der Kanzler und der Finanzminister erklärten, der Haushalt sei solide.",
            "Haushalt sei solide",
            "Der Kanzler und der Finanzminister",
            "Kanzler und Finanzminister",
        ),
        (
            "Gleichzeitig äußerten die Ukraine und europäische Länder ihre Sorge, dass "
            "die Gespräche scheitern könnten.",
            "Gespräche scheitern",
            "die Ukraine und europäische Länder",
            "Ukraine und europäische Länder",
        ),
    ],
)
def test_coordinated_speakers_are_one_group(
    extractor: quotes.Extractor, text: str, quote: str, mention_text: str, name: str
) -> None:
    a = _one(extractor, text, quote, "indirect")
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text == mention_text
    assert (a.speaker.name, a.speaker.type) == (name, "group")


def test_name_with_a_complement_is_not_split(extractor: quotes.Extractor) -> None:
    text = "Das Bundesamt für Migration und Flüchtlinge teilte mit, die Zahlen seien gesunken."
    a = _one(extractor, text, "Zahlen seien gesunken", "indirect")
    assert a.speaker is not None and " und " in a.speaker.name
    assert a.speaker.type == "organization"


def test_outlet_that_relays_alone_is_the_speaker(extractor: quotes.Extractor) -> None:
    text = (
        "Das Treffen soll bereits im März stattfinden und mehrere Tage dauern, "
        "wie der „Tagesspiegel“ berichtete."
    )
    a = _one(extractor, text, "stattfinden")
    assert a.speaker is not None and (a.speaker.name, a.speaker.type) == ("Tagesspiegel", "outlet")
    assert "Tagesspiegel" not in [s.name for s in a.via]


def test_outlet_that_cites_someone_is_no_speaker(extractor: quotes.Extractor) -> None:
    text = (
        "Wie die „New York Times“ unter Berufung auf Diplomaten berichtet, "
        "sind die Gespräche ins Stocken geraten."
    )
    a = _one(extractor, text, "Stocken")
    assert a.speaker is not None and a.speaker.name == "Diplomaten"
    assert [s.name for s in a.via] == ["New York Times"]
