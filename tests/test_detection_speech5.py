"""Detection and quote boundaries (issue 8, speech5), checked on fresh German news sentences
written for these tests (never corpus text). The tests need the shipped parse model and are
skipped where it is not installed.
"""

from __future__ import annotations

import quotes
from quotes.cli.output import format_attribution


# -- a back reference ("Das teilte der Verein mit"): the content is the sentence before --
def test_back_reference_content_is_the_sentence_before_alone(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Köln – Der Zoo hat seinen Direktor entlassen. Das teilte die Stadt am Dienstag mit."
    (found,) = parse_extractor.extract(text)
    # The quote is the corpus's span, with "Das"; the content and the text view are not.
    assert found.quote.text == "Der Zoo hat seinen Direktor entlassen. Das"
    assert found.content.text == "Der Zoo hat seinen Direktor entlassen."
    assert "entlassen. Das" not in format_attribution(found)
    assert text[found.content.start : found.content.end] == found.content.text


# -- "verteidigen": no reported speech of its own, but the speaker of what follows ------
def test_defending_a_plan_is_no_quotation_but_speaks_what_follows(
    parse_extractor: quotes.Extractor,
) -> None:
    text = (
        "Die Verkehrsministerin verteidigte am Montag ihren Entwurf. "
        "Das Tempolimit sei notwendig und die Kritik der Autofahrer überzogen."
    )
    found = parse_extractor.extract(text)
    assert [a.kind for a in found] == ["indirect_free_indirect"]
    (continued,) = found
    assert continued.quote.text.startswith("Das Tempolimit sei notwendig")
    assert continued.speaker is not None and continued.speaker.name == "Verkehrsministerin"


def test_defending_a_plan_alone_is_no_quotation(parse_extractor: quotes.Extractor) -> None:
    text = "Der Bürgermeister verteidigte den Haushalt gegen die Kritik der Opposition."
    assert parse_extractor.extract(text) == []


# -- a decision taken ("hat … abgelehnt", "wurde … abgelehnt") is no reported speech -----
def test_a_rejection_in_the_perfect_is_a_decision_not_a_quotation(
    parse_extractor: quotes.Extractor,
) -> None:
    for text in (
        "Der Stadtrat hat den Bau der Umgehungsstraße mit knapper Mehrheit abgelehnt.",
        "Der Eilantrag der Anwohner wurde vom Verwaltungsgericht abgelehnt.",
    ):
        assert parse_extractor.extract(text) == [], text


def test_a_rejection_in_the_present_stays_reported_speech(
    parse_extractor: quotes.Extractor,
) -> None:
    found = parse_extractor.extract("Die Anwohner lehnen den Bau der Umgehungsstraße ab.")
    assert [(a.kind, a.speaker and a.speaker.name) for a in found] == [("reported", "Anwohner")]
    found = parse_extractor.extract("Der Plan wird von der Landesregierung abgelehnt.")
    assert [a.kind for a in found] == ["reported"]


# -- the verb's own "von" phrase is no part of the speaker ("spricht X von …") ----------
def test_the_phrase_spoken_of_is_no_part_of_the_speaker(
    parse_extractor: quotes.Extractor,
) -> None:
    (found,) = parse_extractor.extract("Insgesamt spricht die Feuerwehr von weniger Einsätzen.")
    assert found.speaker is not None and found.speaker.mention is not None
    assert found.speaker.mention.text == "die Feuerwehr"


def test_a_von_attribute_stays_where_the_verb_has_its_own_von_phrase(
    parse_extractor: quotes.Extractor,
) -> None:
    (found,) = parse_extractor.extract("Von einem Erfolg spricht die Polizei von Hamburg.")
    assert found.speaker is not None and found.speaker.mention is not None
    assert found.speaker.mention.text == "die Polizei von Hamburg"


# -- speech inside a skipped relative clause is not the outer cue's content -------------
def test_content_after_a_relative_clause_with_speech_is_not_the_outer_cues(
    parse_extractor: quotes.Extractor,
) -> None:
    text = (
        "Der Elternbeirat verlangte die Entlassung des Rektors, der erklärt hatte, "
        "die Schule sei sicher.\n\nDie Opposition forderte eine Untersuchung des Vorfalls, "
        "über den die Zeitung berichtet hatte, der Senator habe die Akten vernichtet."
    )
    found = {a.content.text: a for a in parse_extractor.extract(text)}
    for content, outer in (
        ("die Schule sei sicher", "Elternbeirat"),
        ("der Senator habe die Akten vernichtet", "Opposition"),
    ):
        a = found[content]
        assert a.speaker is None or a.speaker.name != outer
        assert a.cue is not None and "hatte" in a.cue.text
