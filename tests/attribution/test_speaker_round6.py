"""Speaker rules of the sixth round (issue 7) end to end, on German news sentences
written for these tests."""

from __future__ import annotations

import pytest

import quotes

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def rules() -> quotes.Extractor:
    return quotes.Extractor("rules")


def quotation(
    extractor: quotes.Extractor, text: str, words: str, kind: str = ""
) -> quotes.Attribution:
    for a in extractor.extract(text):
        if words in a.content.text and (not kind or a.kind == kind):
            return a
    raise AssertionError(f"no quotation with {words!r}")


def mention(a: quotes.Attribution) -> str | None:
    return a.speaker.mention.text if a.speaker is not None and a.speaker.mention else None


def test_a_partial_quote_in_a_reported_clause_parsed_apart_takes_the_verb_above(
    parse: quotes.Extractor,
) -> None:
    # The parser reads the quoted words as a sentence of their own: the speaker is the
    # subject of the verb of saying that governs the Konjunktiv clause, not "die Aktion".
    text = (
        "Die Kritikerin Jana Brehm bemängelt in der Wochenzeitung „Freitag“, die Schau "
        "erinnere „fatal an die Bücherverbrennung anno 1933 auf dem Opernplatz“."
    )
    a = quotation(parse, text, "Bücherverbrennung", "direct")
    assert mention(a) == "Die Kritikerin Jana Brehm"
    assert str(a.cue) == "bemängelt"


def test_a_nominalised_adjective_with_its_article_is_a_speaker(parse: quotes.Extractor) -> None:
    text = (
        "Die Ermittler werten den Brief noch aus. Der 47-Jährige habe darin geschrieben, er "
        'wolle seine Familie "vor dieser Welt" bewahren.'
    )
    a = quotation(parse, text, "vor dieser Welt", "direct")
    assert mention(a) == "Der 47-Jährige"


def test_a_source_phrase_takes_one_bare_genitive(parse: quotes.Extractor) -> None:
    # "der Stärkung" is the object of "dient", not a second genitive of "Mitteilung".
    text = (
        "Die neue Stelle dient laut einer Mitteilung des BMJ der Stärkung des "
        "„Opferschutzes und der schnelleren Verfahren vor den Amtsgerichten“."
    )
    a = quotation(parse, text, "Opferschutzes", "direct")
    assert mention(a) == "einer Mitteilung des BMJ"


@pytest.mark.parametrize("backend", ["rules", "parse"])
def test_a_known_surname_with_lower_case_particles_after_the_verb(
    backend: str, rules: quotes.Extractor, parse: quotes.Extractor
) -> None:
    extractor = rules if backend == "rules" else parse
    text = (
        "Brüssel – EU-Kommissionspräsidentin Ursula von der Leyen hat neue Zölle auf "
        "Stahl verteidigt. „Wir schützen unsere Werke vor Dumping“, sagte von der Leyen am "
        "Mittwoch."
    )
    a = quotation(extractor, text, "Dumping", "direct")
    assert mention(a) == "von der Leyen"
    assert a.speaker is not None and a.speaker.name == "Ursula von der Leyen"
    assert str(a.cue) == "sagte"


def test_an_unknown_lower_case_von_phrase_after_the_verb_is_no_speaker(
    rules: quotes.Extractor,
) -> None:
    text = "„Wir bleiben“, rief von der Bühne ein Sänger."
    for a in rules.extract(text):
        assert mention(a) != "von der Bühne"


def test_a_noun_before_the_head_of_an_organisation_keeps_its_ending(
    parse: quotes.Extractor,
) -> None:
    # After "des" an adjective ends in "-en": "Verbraucherzentrale" is a noun.
    text = (
        "Nach Angaben des Verbraucherzentrale Bundesverbands stieg die Zahl der "
        "Beschwerden zuletzt deutlich. Laut dem Statistischen Bundesamt sei die Zahl der "
        "Insolvenzen gestiegen."
    )
    names = {a.speaker.name for a in parse.extract(text) if a.speaker is not None}
    assert "Verbraucherzentrale Bundesverband" in names
    assert "Statistisches Bundesamt" in names
