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


# -- the whole cue, and the medium after "so X" ------------------------------------------
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("In dem Schreiben heißt es, die Lage sei ernst.", "heißt es"),
        ("Es wird befürchtet, dass die Preise weiter steigen.", "Es wird befürchtet"),
        (
            "Der Minister kommentierte den Beschluss mit den Worten: „Das ist ein guter Tag.“",
            "kommentierte … mit den Worten",
        ),
        ("„Nein“, sagte er.", "sagte"),
    ],
)
def test_cue_takes_its_fixed_words(extractor: quotes.Extractor, text: str, cue: str) -> None:
    (a,) = extractor.extract(text)
    assert a.cue is not None and a.cue.text == cue
    for part in a.cue.parts:
        assert text[part.start : part.end] == part.text


@pytest.mark.parametrize("backend", ["rules", "parse"])
def test_medium_after_so_x_is_a_hop_not_the_speaker(backend: str) -> None:
    text = "„Ich habe nichts gewusst“, so die Ministerin im „Deutschlandfunk“."
    (a,) = quotes.Extractor(backend).extract(text)
    assert a.speaker is not None and a.speaker.mention is not None
    assert a.speaker.mention.text == "die Ministerin"
    assert [s.name for s in a.via] == ["Deutschlandfunk"]


def test_place_after_so_x_is_no_hop(extractor: quotes.Extractor) -> None:
    (a,) = extractor.extract("„Das geht so nicht“, so Müller in Berlin.")
    assert a.speaker is not None and a.speaker.name == "Müller"
    assert a.via == ()


def test_mit_den_worten_names_this_sentences_subject(extractor: quotes.Extractor) -> None:
    text = (
        "Auch der anwesende Außenminister Sergei Lawrow äußerte sich zurückhaltend. Mit den "
        "Worten „Jetzt werden alle wichtigen Fragen in der G20 diskutiert“, richtete er "
        "seinen Blick nach vorn."
    )
    a = _direct(extractor, text, "G20")
    assert a.speaker is not None and a.speaker.mention is not None
    assert (a.speaker.mention.text, a.speaker.name) == ("er", "Sergei Lawrow")
    assert a.cue is not None and a.cue.text == "Mit den Worten … richtete"


def test_pronoun_of_an_adverbial_clause_means_the_main_subject(
    extractor: quotes.Extractor,
) -> None:
    text = (
        "Der Vorstandschef dachte bereits laut über Nachfolger nach. Der Aktionärsverband "
        "schlug in die gleiche Kerbe, indem er den Aufsichtsrat zum Handeln aufforderte: "
        "„Ein Chef auf der Anklagebank ist nicht tragbar.“"
    )
    a = _direct(extractor, text, "nicht tragbar")
    assert a.speaker is not None and a.speaker.name == "Aktionärsverband"


def test_pronoun_without_agreement_takes_no_antecedent(extractor: quotes.Extractor) -> None:
    text = (
        "Bundeskanzler Olaf Scholz sprach lange. Die Regierung blieb hart, weil er "
        "sagte: „Wir geben nicht nach.“"
    )
    a = _direct(extractor, text, "nicht nach")
    assert a.speaker is not None and a.speaker.name != "Regierung"


def test_colon_intro_chain_is_read_around_the_intro(extractor: quotes.Extractor) -> None:
    text = (
        "Der Vorstandschef dachte in einem Gespräch mit der Zeitung „Die Zeit“ laut über "
        "Nachfolger nach. Der Aktionärsverband schlug in die gleiche Kerbe, indem er den "
        "Aufsichtsrat zum Handeln aufforderte: „Ein Chef auf der Anklagebank ist nicht tragbar.“"
    )
    a = _direct(extractor, text, "nicht tragbar")
    assert a.speaker is not None and a.speaker.name == "Aktionärsverband"
    assert a.via == ()
