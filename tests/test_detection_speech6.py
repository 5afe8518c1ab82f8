"""Detection (issue 8, speech6): free indirect and reported speech, checked on fresh
German news sentences written for these tests (never corpus text). The tests need the
shipped parse model and are skipped where it is not installed.
"""

from __future__ import annotations

import quotes


def kinds(extractor: quotes.Extractor, text: str) -> list[tuple[str, str | None]]:
    return [(a.kind, a.speaker.name if a.speaker else None) for a in extractor.extract(text)]


# -- "auffordern" with an object and no zu-infinitive: reported speech ------------------
def test_a_call_to_talks_without_an_infinitive_is_reported_speech(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Die Gewerkschaft forderte die Arbeitgeber zu neuen Gesprächen auf."
    assert kinds(parse_extractor, text) == [("reported", "Gewerkschaft")]


def test_a_call_with_a_zu_infinitive_stays_indirect_speech(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Die Gewerkschaft forderte die Arbeitgeber auf, neue Gespräche aufzunehmen."
    (found,) = parse_extractor.extract(text)
    assert found.kind == "indirect"
    assert found.quote.text == "neue Gespräche aufzunehmen"


# -- a negated speech act is none ("sagte nicht, ob …") -------------------------------
def test_a_negated_speech_act_is_no_quotation(parse_extractor: quotes.Extractor) -> None:
    for text in (
        "Von einem Anschlag spricht die Polizei bislang nicht.",
        "Er sagte nicht, ob er zurücktreten werde.",
        "Ein Sprecher wollte nicht bestätigen, dass der Minister zurücktritt.",
        "Der Klub wird den Trainer entlassen. Das bestätigte der Präsident nicht.",
    ):
        assert parse_extractor.extract(text) == [], text


def test_a_negation_inside_the_content_keeps_the_quotation(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Die Ministerin sagte, die Reform komme nicht."
    (found,) = parse_extractor.extract(text)
    assert (found.kind, found.quote.text) == ("indirect", "die Reform komme nicht")


def test_not_excluding_states_a_view(parse_extractor: quotes.Extractor) -> None:
    text = "Die Polizei schloss nicht aus, dass es Brandstiftung war."
    (found,) = parse_extractor.extract(text)
    assert (found.kind, found.quote.text) == ("indirect", "dass es Brandstiftung war")
    assert found.speaker is not None and found.speaker.name == "Polizei"


def test_not_only_is_no_negation_of_the_verb(parse_extractor: quotes.Extractor) -> None:
    text = "Die Opposition kritisierte nicht nur den Plan, sondern auch den Zeitpunkt."
    assert kinds(parse_extractor, text) == [("reported", "Opposition")]


# -- "Als Grund wurden … genannt": a passive without an agent -------------------------
def test_a_reason_given_in_the_passive_is_reported_speech(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Als Grund wurden die hohen Kosten genannt."
    assert kinds(parse_extractor, text) == [("reported", None)]


def test_a_name_given_in_the_passive_is_no_speech(parse_extractor: quotes.Extractor) -> None:
    assert parse_extractor.extract("Die Brücke ist alt. So wird sie auch genannt.") == []


# -- "Als …" before a verb in second place opens no clause ------------------------------
def test_an_als_phrase_before_the_verb_opens_no_clause(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Als Grund gab die Schule an, die Partei habe sich nicht zu erkennen gegeben."
    (found,) = parse_extractor.extract(text)
    assert (found.kind, found.quote.text) == (
        "indirect",
        "die Partei habe sich nicht zu erkennen gegeben",
    )


def test_a_temporal_als_clause_is_no_speech(parse_extractor: quotes.Extractor) -> None:
    text = (
        "Die Unruhen waren ausgebrochen, als etwa tausend Menschen gegen den Anschlag "
        "protestierten."
    )
    assert parse_extractor.extract(text) == []
