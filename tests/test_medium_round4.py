"""The sixth Medium round (issue 8, medium4): opinions stated without "dass" are found,
words that stand written on a sign have their verb as cue, estimates and assumptions are
thought. Sentences of our own."""

from __future__ import annotations

import pytest

import quotes

PARSE = quotes.Extractor("parse")
RULES = quotes.Extractor("rules")


def found(extractor: quotes.Extractor, text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, quote, cue words, medium) of each quotation of ``text``."""
    return [
        (
            a.kind,
            a.quote.text,
            " ".join(p.text for p in a.cue.parts) if a.cue is not None else None,
            a.medium,
        )
        for a in extractor.extract(text)
    ]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Der Bürgermeister ist der Meinung, die Umleitung sei nur vorübergehend.",
            "die Umleitung sei nur vorübergehend",
            "der Meinung",
        ),
        (
            "Die Anwohner sind der Ansicht, der Lärm habe in den letzten Wochen zugenommen.",
            "der Lärm habe in den letzten Wochen zugenommen",
            "der Ansicht",
        ),
    ],
)
def test_an_opinion_without_dass_is_indirect_speech(text: str, content: str, cue: str) -> None:
    assert ("indirect", content, cue, "ST") in found(PARSE, text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Der Bürgermeister ist der Meinung, die Umleitung sei nur vorübergehend.",
            "Der Bürgermeister",
        ),
        ("Die Anwohner sind der Ansicht, dass der Lärm zugenommen habe.", "Die Anwohner"),
    ],
)
def test_the_subject_of_an_opinion_holds_it(text: str, speaker: str) -> None:
    (record,) = [a for a in PARSE.extract(text) if a.kind == "indirect"]
    assert record.speaker is not None and record.speaker.mention is not None
    assert record.speaker.mention.text == speaker


def test_a_relative_clause_after_a_noun_of_speech_is_no_content() -> None:
    # "die" is the relative pronoun here, not the article of a content clause's subject.
    text = "Er wiederholte die Forderung, die er seit Jahren erhebt."
    assert [q for q in found(PARSE, text) if q[0] == "indirect"] == []


@pytest.mark.parametrize("extractor", [PARSE, RULES], ids=["parse", "rules"])
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Auf dem Schild am Tor stand: „Betreten verboten.“", "stand"),
        ("Auf dem Zettel an der Tür stand nur: „Bin gleich zurück.“", "stand"),
        ("Darin steht: „Die Frist endet im Mai.“", "steht"),
    ],
)
def test_words_that_stand_written_have_their_verb_as_cue(
    extractor: quotes.Extractor, text: str, cue: str
) -> None:
    ((kind, _quote, found_cue, medium),) = found(extractor, text)
    assert (kind, found_cue, medium) == ("direct", cue, "Writing")


def test_a_thing_before_a_colon_is_still_no_speaker() -> None:
    (record,) = PARSE.extract("Auf dem Schild am Tor stand: „Betreten verboten.“")
    assert record.speaker is None


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ("Nach Schätzungen der Regierung wurden 200 Häuser zerstört.", "ST"),
        ("Ersten Annahmen zufolge sei ein Kurzschluss die Ursache gewesen.", "ST"),
        ("Nach Expertenmeinung ist der Schaden gering.", "ST"),
        # One estimate is a figure someone gave, said or written (train: SW 3 of 4).
        ("Nach einer Schätzung der Regierung wurden 200 Häuser zerstört.", "SW"),
    ],
)
def test_estimates_and_assumptions_are_thought(text: str, medium: str) -> None:
    (record,) = PARSE.extract(text)
    assert record.medium == medium
