"""Detection, sixth round (issue 8, detect3): spans and classes found on the dev split's
error listing, checked here on fresh German news sentences written for these tests (never
corpus text). The tests of the parse backend are skipped where the shipped model is not
installed.
"""

from __future__ import annotations

import pytest

import quotes
from quotes.document import Document, SentenceSplitter
from quotes.pipeline.marks import find_marks
from quotes.pipeline.quotations import find_quotations
from quotes.rules import load_rules

RULES = load_rules("de")
SPLITTER = SentenceSplitter(
    RULES["document"]["abbreviations"], RULES["document"]["no_split_after_ordinal"]
)


def found(extractor: quotes.Extractor, text: str) -> dict[str, str]:
    return {a.quote.text: a.kind for a in extractor.extract(text)}


# -- indirect speech that ends in a partial quote closing after the full stop ---------------
@pytest.mark.parametrize(
    ("text", "indirect", "partial"),
    [
        (
            "Die Ministerin betonte, unter den Bewerbern seien „viele Frauen, die Erfahrung "
            "im Umgang mit Kindern haben.“ Danach verließ sie den Saal.",
            "unter den Bewerbern seien „viele Frauen, die Erfahrung im Umgang mit Kindern haben.“",
            "„viele Frauen, die Erfahrung im Umgang mit Kindern haben.“",
        ),
        (
            "Der Bürgermeister sagte, die Stadt werde „alles tun, was in ihrer Macht steht.“",
            "die Stadt werde „alles tun, was in ihrer Macht steht.“",
            "„alles tun, was in ihrer Macht steht.“",
        ),
    ],
)
def test_indirect_quote_ends_after_the_closing_mark(
    parse_extractor: quotes.Extractor, text: str, indirect: str, partial: str
) -> None:
    # The sentence ends at the full stop inside the marks; the indirect quotation holds
    # the whole partial quote, closing mark included, and does not cross it.
    result = found(parse_extractor, text)
    assert result.get(indirect) == "indirect"
    assert result.get(partial) == "direct"
    for attribution in parse_extractor.extract(text):
        assert text[attribution.quote.start : attribution.quote.end] == attribution.quote.text


# -- a frame after its content that opens with the finite auxiliary ------------------------
@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue"),
    [
        (
            "Es drohe ein Handelskrieg, hatte Macron bei seinem Besuch in Berlin gesagt.",
            "Es drohe ein Handelskrieg",
            "Macron",
            "hatte … gesagt",
        ),
        (
            "Der Zug sei pünktlich gewesen, hat ein Sprecher der Bahn gesagt.",
            "Der Zug sei pünktlich gewesen",
            "ein Sprecher der Bahn",
            "hat … gesagt",
        ),
    ],
)
def test_frame_after_content_opens_with_its_auxiliary(
    parse_extractor: quotes.Extractor, text: str, quote: str, speaker: str, cue: str
) -> None:
    # "…, hatte X gesagt": the content is the clause before the comma, X the speaker (the
    # parser may make the auxiliary the root and the participle its complement), and the
    # content's own verb ("drohe") is no cue of a second quotation.
    (attribution,) = parse_extractor.extract(text)
    assert attribution.kind == "indirect"
    assert attribution.quote.text == quote
    assert attribution.speaker is not None and attribution.speaker.mention is not None
    assert attribution.speaker.mention.text == speaker
    assert attribution.cue is not None and attribution.cue.text == cue


# -- a name ending in a legal form is a title -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Er war zu Gast beim „3. Norddeutschen Energietag der Stadtwerke Kiel AG“.", "title"),
        ("Zu lesen war nur eine Nachricht des „Fördervereins Freie Software e. V.“.", "title"),
        ("Die Maschine gehörte der „Nordic Air Cargo Inc“ aus Oslo.", "title"),
        # A sentence that ends in a company's name is somebody's words.
        ("„Wir vertrauen der Müller GmbH“, sagte der Chef.", "speech"),
        ("„Wir bauen keine Stellen ab, die Müller GmbH“, sagte der Chef.", "speech"),
    ],
)
def test_name_ending_in_a_legal_form(text: str, category: str) -> None:
    doc = Document.build(text, SPLITTER)
    (quoted,) = find_quotations(doc, find_marks(doc, RULES), RULES)
    assert quoted.category == category


def test_name_ending_in_a_legal_form_is_no_quotation(parse_extractor: quotes.Extractor) -> None:
    text = "Der Minister war zu Gast beim „3. Norddeutschen Energietag der Stadtwerke Kiel AG“."
    assert not [a for a in parse_extractor.extract(text) if a.kind == "direct"]


# -- a cue at the end of a subordinate clause with Konjunktiv I content ---------------------
@pytest.mark.parametrize(
    ("text", "quote", "cue"),
    [
        (
            "Sie wandte sich an einen Verein, da sie befürchtete, man wolle ihr die Kinder "
            "wegnehmen.",
            "man wolle ihr die Kinder wegnehmen",
            "befürchtete",
        ),
        (
            "Festgenommen wurde ein Mann, von dem die Polizei glaubt, er sei für den Anschlag "
            "verantwortlich.",
            "er sei für den Anschlag verantwortlich",
            "glaubt",
        ),
    ],
)
def test_subordinate_cue_takes_konjunktiv_content(
    parse_extractor: quotes.Extractor, text: str, quote: str, cue: str
) -> None:
    (attribution,) = parse_extractor.extract(text)
    assert attribution.kind == "indirect"
    assert attribution.quote.text == quote
    assert attribution.cue is not None and attribution.cue.text == cue


@pytest.mark.parametrize(
    "text",
    [
        # The clause after a subordinate cue in the indicative reports nothing.
        "Nachdem er den Bericht erklärt hatte, ging er nach Hause.",
        "Weil die Sitzung andauerte, kam er zu spät.",
    ],
)
def test_subordinate_cue_without_konjunktiv_content(
    parse_extractor: quotes.Extractor, text: str
) -> None:
    assert not [a for a in parse_extractor.extract(text) if a.kind == "indirect"]


def test_content_stops_before_a_so_frame(parse_extractor: quotes.Extractor) -> None:
    text = (
        "Die Maßnahme sollte die Lage beruhigen, indem den Banken signalisiert wurde, es sei "
        "kein Problem, an Geld zu kommen, so Notenbankchef Peter Bauer, bewirkte aber das "
        "Gegenteil."
    )
    quoted = [a.quote.text for a in parse_extractor.extract(text) if a.kind == "indirect"]
    assert "es sei kein Problem, an Geld zu kommen" in quoted


def test_modal_opening_a_clause_is_no_frame(parse_extractor: quotes.Extractor) -> None:
    # "…, konnte solche nicht feststellen" goes on with the sentence's subject: no frame.
    text = (
        "Die Polizei prüft zahlreiche Hinweise auf Zusammenhänge, konnte solche bislang aber "
        "nicht feststellen."
    )
    assert not [a for a in parse_extractor.extract(text) if a.kind == "indirect"]


# -- findings reported, accusations, and zu-infinitives after a subordinate cue -------------
@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Die Experten kamen zu dem Ergebnis, dass es keine Beweise für die Echtheit gebe.",
            "dass es keine Beweise für die Echtheit gebe",
            "Die Experten",
        ),
        (
            "Er wird verdächtigt, einen Anschlag auf die Hauptstadt zu planen.",
            "einen Anschlag auf die Hauptstadt zu planen",
            None,
        ),
        (
            "Festgenommen wurden zwei Männer, die beschuldigt werden, Mitglieder einer "
            "Terrorgruppe zu sein.",
            "Mitglieder einer Terrorgruppe zu sein",
            None,
        ),
        (
            "Die Kommission hatte den Standpunkt vertreten, das Gericht sei dafür nicht zuständig.",
            "das Gericht sei dafür nicht zuständig",
            "Die Kommission",
        ),
        (
            "Die Kritik gilt der Weltbank und dem Währungsfonds, denen unter anderem Präsident "
            "Correa vorwirft, Urheber der Krise zu sein.",
            "Urheber der Krise zu sein",
            "Präsident Correa",
        ),
    ],
)
def test_more_indirect_speech(
    parse_extractor: quotes.Extractor, text: str, quote: str, speaker: str | None
) -> None:
    (attribution,) = [a for a in parse_extractor.extract(text) if a.kind == "indirect"]
    assert attribution.quote.text == quote
    mention = attribution.speaker.mention if attribution.speaker else None
    assert (mention.text if mention else None) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # "kommen" is a cue only with "Ergebnis" or "Schluss" in its clause, "vertreten"
        # only with an opinion noun and a content clause.
        "Er vertritt die Interessen der Bauern im Landtag, seit er gewählt wurde.",
        "Der Zug kam am Abend mit großer Verspätung in Berlin an, weil es geschneit hatte.",
        "Zwei Piloten, die beim Absturz eines so genannten „Rosinenbombers“ ums Leben kamen.",
        # The zu-infinitive after "in die … geraten war," is the main clause's.
        "Es gelang ihm, die Krise, in die die Regierung bei ihrem Amtsantritt geraten war, "
        "erfolgreich zu meistern.",
    ],
)
def test_no_speech_here(parse_extractor: quotes.Extractor, text: str) -> None:
    assert not [a for a in parse_extractor.extract(text) if a.cue is not None]


def test_dateline_speaker_is_the_whole_opening_phrase(parse_extractor: quotes.Extractor) -> None:
    # The parser hangs the words after "München (AFP) -" on the place in any way; the
    # speaker is the noun phrase that opens the sentence, not a piece of it.
    text = (
        "München (AFP) - Bayerns Ministerpräsident Markus Söder hat die Pläne der "
        "Bundesregierung scharf kritisiert."
    )
    (attribution,) = parse_extractor.extract(text)
    assert attribution.speaker is not None and attribution.speaker.mention is not None
    assert attribution.speaker.mention.text == "Bayerns Ministerpräsident Markus Söder"
    assert attribution.quote.text.startswith("Bayerns")
