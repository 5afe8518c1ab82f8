"""Detection, seventh round (issue 8, detect4): free indirect speech and partial quotes,
checked on fresh German news sentences written for these tests (never corpus text). The
tests need the shipped parse model and are skipped where it is not installed.
"""

from __future__ import annotations

import quotes


def kinds(extractor: quotes.Extractor, text: str) -> dict[str, str]:
    return {a.quote.text: a.kind for a in extractor.extract(text)}


# -- "sollen" right after speech: the corpus's FreeIndirect ------------------------------
def test_present_sollen_right_after_speech_is_free_indirect(
    parse_extractor: quotes.Extractor,
) -> None:
    text = (
        "Der Vorstand kündigte an, das Werk werde im Herbst geschlossen. "
        "Die Beschäftigten sollen in anderen Werken unterkommen."
    )
    found = kinds(parse_extractor, text)
    assert found.get("Die Beschäftigten sollen in anderen Werken unterkommen.") == "free_indirect"


def test_present_sollen_without_speech_before_it_is_no_quotation(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Das Werk liegt am Stadtrand. Die Beschäftigten sollen in anderen Werken unterkommen."
    found = kinds(parse_extractor, text)
    assert "Die Beschäftigten sollen in anderen Werken unterkommen." not in found


def test_present_sollen_opening_the_next_paragraph_continues_the_speech(
    parse_extractor: quotes.Extractor,
) -> None:
    # Like a Konjunktiv continuation, across one paragraph break (indirect.toml
    # [continuation] max_paragraph_breaks; evidence in [free_indirect]).
    text = (
        "Der Vorstand kündigte an, das Werk werde im Herbst geschlossen.\n\n"
        "Die Beschäftigten sollen in anderen Werken unterkommen."
    )
    found = kinds(parse_extractor, text)
    assert found.get("Die Beschäftigten sollen in anderen Werken unterkommen.") == "free_indirect"


def test_present_sollen_not_right_after_speech_in_the_next_paragraph_is_none(
    parse_extractor: quotes.Extractor,
) -> None:
    text = (
        "Der Vorstand kündigte an, das Werk werde im Herbst geschlossen.\n\n"
        "Das Werk liegt am Stadtrand. Die Beschäftigten sollen in anderen Werken unterkommen."
    )
    found = kinds(parse_extractor, text)
    assert "Die Beschäftigten sollen in anderen Werken unterkommen." not in found


def test_sollen_in_a_relative_clause_is_no_free_indirect_speech(
    parse_extractor: quotes.Extractor,
) -> None:
    text = (
        "Der Vorstand kündigte an, das Werk werde im Herbst geschlossen. "
        "Betroffen ist auch die Halle, die im nächsten Jahr abgerissen werden soll."
    )
    found = kinds(parse_extractor, text)
    assert "free_indirect" not in found.values()


def test_consecutive_sollen_sentences_are_one_free_indirect_quotation(
    parse_extractor: quotes.Extractor,
) -> None:
    text = (
        "Der Vorstand kündigte an, das Werk werde im Herbst geschlossen. "
        "Die Beschäftigten sollen in anderen Werken unterkommen. "
        "Außerdem soll ein Sozialplan die Härten abfedern."
    )
    found = kinds(parse_extractor, text)
    assert (
        found.get(
            "Die Beschäftigten sollen in anderen Werken unterkommen. "
            "Außerdem soll ein Sozialplan die Härten abfedern."
        )
        == "free_indirect"
    )
    for attribution in parse_extractor.extract(text):
        assert text[attribution.quote.start : attribution.quote.end] == attribution.quote.text


def test_perfect_hearsay_sentences_in_a_row_are_one_quotation(
    parse_extractor: quotes.Extractor,
) -> None:
    text = (
        "In der Nacht brannte eine Lagerhalle. "
        "Unbekannte sollen das Feuer gelegt haben. "
        "Sie sollen über den Zaun geflohen sein."
    )
    quote = "Unbekannte sollen das Feuer gelegt haben. Sie sollen über den Zaun geflohen sein."
    assert kinds(parse_extractor, text).get(quote) == "free_indirect"


def test_perfect_infinitive_closing_a_later_coordinated_clause(
    parse_extractor: quotes.Extractor,
) -> None:
    # The "haben" of "soll" stands in the last of the coordinated clauses.
    text = (
        "Die Polizei sucht nach einem Mann. "
        "Er soll die Kassiererin bedroht, das Geld eingesteckt und die Tür verriegelt haben."
    )
    quote = "Er soll die Kassiererin bedroht, das Geld eingesteckt und die Tür verriegelt haben."
    assert kinds(parse_extractor, text).get(quote) == "free_indirect"


# -- a single marked noun after an indefinite article inside indirect speech --------------
# A continuation sentence has no cue of its own, so the speakers stage files the marked
# word as a term; inside the Konjunktiv quotation it is a partial quote only after "ein".
_OPENING = "Die Ministerin äußerte sich am Montag zu den Zahlen. "


def test_marked_noun_after_an_indefinite_article_is_a_partial_quote(
    parse_extractor: quotes.Extractor,
) -> None:
    text = _OPENING + "Das Programm sei nur ein „Strohfeuer“ gewesen, die Mittel seien verpufft."
    found = kinds(parse_extractor, text)
    assert found.get("„Strohfeuer“") == "direct"
    host = "Das Programm sei nur ein „Strohfeuer“ gewesen, die Mittel seien verpufft."
    assert found.get(host) == "indirect_free_indirect"


def test_marked_noun_after_a_definite_article_stays_a_term(
    parse_extractor: quotes.Extractor,
) -> None:
    text = (
        _OPENING + "Das Programm habe den „Mittelstand“ kaum erreicht, die Mittel seien verpufft."
    )
    assert "„Mittelstand“" not in kinds(parse_extractor, text)


# -- "wertete … als „…“": the marked words are the speaker's ----------------------------
def test_verbs_of_judging_with_als_quote_their_speaker(
    parse_extractor: quotes.Extractor,
) -> None:
    rules_extractor = quotes.Extractor("rules")
    for text, quote in (
        ("Das Gericht wertete die Zahlungen als „schwere Untreue“.", "„schwere Untreue“"),
        ("Die Kammer wertete den Einspruch als „reine Verzögerung“.", "„reine Verzögerung“"),
    ):
        for extractor in (parse_extractor, rules_extractor):
            assert kinds(extractor, text).get(quote) == "direct", (text, extractor)


# -- a back reference ("Das bestätigte ein Sprecher") after speech of its own -------------
def test_back_reference_after_speech_with_its_own_cue_keeps_that_speaker(
    parse_extractor: quotes.Extractor,
) -> None:
    text = (
        "Berlin – Auf Twitter schrieb die Grünen-Chefin Ricarda Lang, das Gesetz sei ein "
        "Meilenstein. Das bestätigte ein Sprecher der Partei am Abend."
    )
    found = parse_extractor.extract(text)
    assert [(a.quote.text, a.speaker and a.speaker.name) for a in found] == [
        ("das Gesetz sei ein Meilenstein", "Ricarda Lang")
    ]


def test_back_reference_after_a_plain_statement_takes_it_as_the_content(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Berlin – Der Konzern will 500 Stellen streichen. Das bestätigte ein Sprecher am Montag."
    found = parse_extractor.extract(text)
    assert [(a.quote.text, a.cue.text if a.cue else None) for a in found] == [
        ("Der Konzern will 500 Stellen streichen. Das", "bestätigte")
    ]
