"""Colon intros the surface cues miss, quotations inside a reported clause, terms that
are no speakers and nouns that are no persons, on German sentences written for these
tests."""

from __future__ import annotations

import pytest

import quotes

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    return quotes.Extractor("parse")


def _direct(extractor: quotes.Extractor, text: str, quote: str) -> quotes.Attribution:
    for a in extractor.extract(text):
        if a.kind == "direct" and quote in a.content.text:
            return a
    raise AssertionError(f"no direct quotation with {quote!r}")


def test_colon_intro_with_a_verb_the_surface_misses(extractor: quotes.Extractor) -> None:
    text = (
        "Der Vorstandschef dachte bereits laut über Nachfolger nach. Der Aktionärsverband "
        "schlug in die gleiche Kerbe, indem er den Aufsichtsrat zum Handeln aufforderte: "
        "„Ein Chef auf der Anklagebank ist nicht tragbar.“"
    )
    a = _direct(extractor, text, "nicht tragbar")
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text == "er"
    assert a.cue is not None and a.cue.text == "aufforderte"


def test_quote_in_a_reported_clause_is_the_reporters(extractor: quotes.Extractor) -> None:
    text = (
        "Die Kulturredakteurin Anna Weber kritisiert in der Tageszeitung „Neues "
        "Deutschland“, die Ausstellung erinnere „auf fatale Weise an dunkle Zeiten“."
    )
    a = _direct(extractor, text, "dunkle Zeiten")
    assert a.speaker is not None and a.speaker.name == "Anna Weber"


def test_a_quoted_term_is_no_speaker(extractor: quotes.Extractor) -> None:
    text = (
        "Steuern und die so genannte „Reichensteuer“: Die Partei will hohe Einkommen "
        "(„ab einem Jahreseinkommen von 250.000 Euro“) stärker besteuern."
    )
    a = _direct(extractor, text, "250.000 Euro")
    assert a.speaker is None or "Reichensteuer" not in a.speaker.name


def test_so_of_so_genannt_is_no_cue() -> None:
    from quotes.document import Document, SentenceSplitter
    from quotes.pipeline.cues import CueLexicon
    from quotes.rules import load_rules

    rules = load_rules("de")
    cues = CueLexicon.from_rules(rules)
    splitter = SentenceSplitter(
        rules["document"].get("abbreviations", ()),
        rules["document"].get("no_split_after_ordinal", ()),
    )
    for text, expected in (("die so genannte Steuer", []), ("„Nein“, so Merz.", ["so"])):
        doc = Document.build(text, splitter)
        assert [c.lemma for c in cues.find(doc, 0, len(text)) if c.lemma == "so"] == expected


def test_common_noun_is_no_person(extractor: quotes.Extractor) -> None:
    text = (
        "Die Ausstellung habe, so die Kritik, „viele Fragen offen gelassen“. "
        "„Das ist ein schwieriges Thema“, sagte er."
    )
    for a in extractor.extract(text):
        if a.speaker is not None and a.speaker.name in ("Kritik", "Ausstellung"):
            assert a.speaker.type != "person"
