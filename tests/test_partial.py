"""Partial quotes inside indirect speech become direct quotations of the same speaker."""

from __future__ import annotations

import attrs
import pytest

import quotes
from quotes.detectors.partial import partial_quotes
from quotes.document import Document, SentenceSplitter
from quotes.pipeline.marks import find_marks
from quotes.pipeline.quotations import Quoted, find_quotations
from quotes.pipeline.speakers import Frame
from quotes.records import Cue, Span, Speaker
from quotes.rules import load_rules

RULES = load_rules("de")
SPLITTER = SentenceSplitter(
    RULES["document"]["abbreviations"], RULES["document"]["no_split_after_ordinal"]
)


def quoted_of(text: str) -> tuple[Quoted, ...]:
    doc = Document.build(text, SPLITTER)
    return find_quotations(doc, find_marks(doc, RULES), RULES)


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def indirect(text: str, quote: str, speaker: str, cue: str, kind: str = "indirect") -> Frame:
    q = span(text, quote)
    return Frame(
        kind=kind,  # type: ignore[arg-type]
        quote=q,
        content=q,
        speaker=Speaker(span(text, speaker), speaker, "person"),
        cue=Cue((span(text, cue),)),
        frame=None,
        addressee=None,
        confidence=0.8,
        region_start=0,
        region_end=len(text),
        medium="Speech",
    )


def as_terms(quoted: tuple[Quoted, ...]) -> tuple[Quoted, ...]:
    # What the speakers stage does with a short span that has no cue and no speaker.
    return tuple(attrs.evolve(q, category="term") for q in quoted)


def test_a_partial_quote_inside_indirect_speech_is_its_speakers_words() -> None:
    text = "Die Lage sei „in vielen Punkten unklar“, sagte die Ministerin am Abend."
    classified = quoted_of(text)
    host = indirect(text, "Die Lage sei „in vielen Punkten unklar“", "die Ministerin", "sagte")
    added, final = partial_quotes(classified, as_terms(classified), (host,))
    (frame,) = added
    assert frame.kind == "direct"
    assert frame.quote.text == "„in vielen Punkten unklar“"
    assert frame.content.text == "in vielen Punkten unklar"
    assert frame.speaker == host.speaker and frame.cue == host.cue
    assert frame.confidence < host.confidence
    assert [q.category for q in final] == ["speech"]


def test_titles_and_terms_with_evidence_stay_what_they_are() -> None:
    text = "Der Film „Das Boot“ sei wie die sogenannte „Ampel“ am Ende, sagte der Kritiker."
    classified = quoted_of(text)
    assert [q.category for q in classified] == ["title", "term"]
    host = indirect(text, text[: text.index(", sagte")], "der Kritiker", "sagte")
    added, final = partial_quotes(classified, classified, (host,))
    assert added == ()
    assert final == classified


def test_a_quote_outside_every_indirect_quotation_is_left_alone() -> None:
    text = "Die Gewerkschaft nennt das „Wortbruch“. Der Minister sagte, er sei bereit."
    classified = quoted_of(text)
    host = indirect(text, "er sei bereit", "Der Minister", "sagte")
    added, final = partial_quotes(classified, as_terms(classified), (host,))
    assert added == ()
    assert [q.category for q in final] == ["term"]


def test_a_quote_that_already_has_a_direct_frame_is_not_doubled() -> None:
    text = "Es gebe „erste Erfolge“, sagte der Minister."
    classified = quoted_of(text)
    host = indirect(text, "Es gebe „erste Erfolge“", "der Minister", "sagte")
    direct = attrs.evolve(host, kind="direct", quote=classified[0].quote)
    added, _ = partial_quotes(classified, classified, (host, direct))
    assert added == ()


def test_typewriter_single_marks_label_list_items() -> None:
    text = "Beschlossen wurde laut Bundesrat: 'Börse': Manager müssten ihr Gehalt offenlegen."
    classified = quoted_of(text)
    host = indirect(text, "'Börse': Manager müssten ihr Gehalt offenlegen", "Bundesrat", "laut")
    added, _ = partial_quotes(classified, as_terms(classified), (host,))
    assert added == ()


def test_the_innermost_host_gives_the_speaker() -> None:
    text = "Sie sagte, er habe gemeint, es sei „alles geregelt“ gewesen."
    classified = quoted_of(text)
    outer = indirect(text, "er habe gemeint, es sei „alles geregelt“ gewesen", "Sie", "sagte")
    inner = indirect(text, "es sei „alles geregelt“ gewesen", "er", "gemeint")
    added, _ = partial_quotes(classified, as_terms(classified), (outer, inner))
    (frame,) = added
    assert frame.speaker == inner.speaker


def test_inputs_must_list_the_same_spans() -> None:
    with pytest.raises(ValueError, match="same quoted spans"):
        partial_quotes(quoted_of("„Ja“, sagte sie."), (), ())


def test_with_the_shipped_model() -> None:
    pytest.importorskip("spacy")
    from quotes.models import model_path

    if model_path() is None:
        pytest.skip("the shipped model is not installed")
    text = (
        "Die Anwältin sagte am Montag, ihr Mandant sei unschuldig. "
        "Er sei „nicht aggressiv“ gewesen."
    )
    found = quotes.Extractor("parse").extract(text)
    direct = [a for a in found if a.quote.text == "„nicht aggressiv“"]
    assert len(direct) == 1
    assert direct[0].kind == "direct"
    assert direct[0].speaker is not None and direct[0].speaker.name == "Anwältin"
