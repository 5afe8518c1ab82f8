"""Reported speech has a cue (issue 8: reported records had ``cue: null``), on fresh sentences.

The record's cue is the verb with its particle and auxiliaries; the quote stays the whole
sentence (no parts split around the cue), and the corpus export leaves the cue out, as the
German Wikinews corpus annotates reported speech without one.
"""

from __future__ import annotations

import attrs
import pytest
import regex

import quotes
from quotes.detectors.partial import partial_quotes
from quotes.document import Document, SentenceSplitter
from quotes.evaluate.corpus import Token, TokenIndex, attribution_to_annotation
from quotes.pipeline.agreement import agrees_with_direct
from quotes.pipeline.marks import find_marks
from quotes.pipeline.quotations import Quoted, find_quotations
from quotes.pipeline.speakers import Frame
from quotes.records import Cue, Span, Speaker
from quotes.rules import load_rules

RULES = load_rules("de")
SPLITTER = SentenceSplitter(
    RULES["document"]["abbreviations"], RULES["document"]["no_split_after_ordinal"]
)


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Die Bürgermeisterin kündigte am Montag neue Radwege an.", "Die Bürgermeisterin",
         ["kündigte", "an"]),
        ("Der Landrat hat den Fehler am Dienstag zugegeben.", "Der Landrat",
         ["hat", "zugegeben"]),
    ],
)  # fmt: skip
def test_a_reported_speech_act_has_its_verb_as_cue(
    parse_extractor: quotes.Extractor, text: str, speaker: str, cue: list[str]
) -> None:
    (found,) = parse_extractor.extract(text)
    assert found.kind == "reported"
    assert found.speaker is not None and found.speaker.mention is not None
    assert found.speaker.mention.text == speaker
    assert found.cue is not None
    assert [p.text for p in found.cue.parts] == cue
    for part in found.cue.parts:
        assert text[part.start : part.end] == part.text
    # The cue inside the sentence does not split the quote: the corpus marks it whole.
    assert found.quote.text == text
    assert found.quote_parts == ()


def test_the_text_view_shows_the_cue_of_reported_speech(parse_extractor: quotes.Extractor) -> None:
    from quotes.cli.output import format_attribution

    (found,) = parse_extractor.extract("Die Bürgermeisterin kündigte am Montag neue Radwege an.")
    assert format_attribution(found).endswith("(kündigte an)")


def test_the_corpus_export_leaves_out_the_cue_of_reported_speech(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Die Bürgermeisterin kündigte am Montag neue Radwege an."
    (found,) = parse_extractor.extract(text)
    index = TokenIndex(
        [
            Token(i, m.start(), m.end(), m.group())
            for i, m in enumerate(regex.finditer(r"\w+|[^\w\s]", text))
        ]
    )
    annotation = attribution_to_annotation(found, text, index)
    assert annotation.type == "Reported"
    assert annotation.part("cue").token_ids == ()
    assert annotation.part("speaker").token_ids != ()
    # An indirect quotation keeps its cue.
    other = attrs.evolve(found, kind="indirect")
    assert attribution_to_annotation(other, text, index).part("cue").token_ids != ()


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def _frame(text: str, kind: str, quote: str, speaker: str, cue: str) -> Frame:
    q = _span(text, quote)
    return Frame(
        kind=kind,  # type: ignore[arg-type]
        quote=q,
        content=q,
        speaker=Speaker(_span(text, speaker), speaker, "organization"),
        cue=Cue((_span(text, cue),)),
        frame=None,
        addressee=None,
        confidence=0.5,
        region_start=0,
        region_end=len(text),
        medium="Speech",
    )


def test_a_partial_quote_that_took_the_reported_verb_keeps_the_sentence_to_itself() -> None:
    # As before reported speech had a cue: the partial quote is the quotation here.
    text = "Die Stadtwerke wiesen den Bericht als „reine Stimmungsmache“ zurück."
    host = _frame(text, "reported", text, "Die Stadtwerke", "wiesen")
    partial = _frame(text, "direct", "„reine Stimmungsmache“", "Die Stadtwerke", "wiesen")
    assert not agrees_with_direct(host, [partial])
    indirect = attrs.evolve(host, kind="indirect")
    assert agrees_with_direct(indirect, [partial])


def _quoted(text: str) -> tuple[Quoted, ...]:
    doc = Document.build(text, SPLITTER)
    return find_quotations(doc, find_marks(doc, RULES), RULES)


def test_a_partial_quote_is_never_its_own_cue() -> None:
    text = "Umweltschützer haben die Schließung des Kraftwerks „angekündigt“."
    classified = _quoted(text)
    host = _frame(text, "reported", text, "Umweltschützer", "„angekündigt“")
    host = attrs.evolve(host, cue=Cue((_span(text, "angekündigt"),)))
    terms = tuple(attrs.evolve(q, category="term") for q in classified)
    added, _ = partial_quotes(classified, terms, (host,))
    assert [f.quote.text for f in added] == ["„angekündigt“"]
    assert added[0].cue is None
    assert added[0].speaker == host.speaker
    # A cue outside the partial quote is the partial quote's too.
    text = "Der Verband hält die Reform für „böse und gefährlich“."
    classified = _quoted(text)
    host = _frame(text, "reported", text, "Der Verband", "hält")
    terms = tuple(attrs.evolve(q, category="term") for q in classified)
    added, _ = partial_quotes(classified, terms, (host,))
    assert [(f.quote.text, f.cue) for f in added] == [("„böse und gefährlich“", host.cue)]
