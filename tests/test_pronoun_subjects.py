"""A personal pronoun after the verb of saying, as the parser reads it next to a name or a
relative pronoun (fresh sentences, parse backend)."""

from __future__ import annotations

import pytest

import quotes

TRUMP = "US-Präsident Donald Trump hat neue Zölle auf Stahl angekündigt. "


def test_the_pronoun_not_the_platform_is_the_subject(parse_extractor: quotes.Extractor) -> None:
    text = (
        TRUMP + "Auf seiner Plattform Truth Social schrieb er, die Vereinigten Staaten würden "
        "nicht länger ausgenutzt."
    )
    found = [a for a in parse_extractor.extract(text) if a.kind == "indirect"]
    assert [(a.speaker and a.speaker.mention.text, str(a.chain)) for a in found] == [
        ("er", "Donald Trump via Truth Social")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Im Bundestag sagte er, das sei falsch.",
        "Im Sender Phoenix sagte er, das sei ein Fehler.",
        "Am Abend schrieb sie, das komme nicht in Frage.",
    ],
)
def test_das_after_a_pronoun_opens_the_content(
    parse_extractor: quotes.Extractor, sentence: str
) -> None:
    found = parse_extractor.extract(sentence)
    assert [(a.kind, a.content.text) for a in found] == [
        ("indirect", sentence[sentence.index(", ") + 2 : -1])
    ]


def test_a_relative_clause_on_a_noun_stays_one(parse_extractor: quotes.Extractor) -> None:
    # "das" after a neuter noun is its relative pronoun: no speech.
    assert parse_extractor.extract("Er kaufte das Haus, das am See liegt.") == []
