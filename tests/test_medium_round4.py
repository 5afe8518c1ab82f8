"""The sixth Medium round (issue 8, medium4): opinions stated without "dass" are found.
Sentences of our own."""

from __future__ import annotations

import pytest

import quotes

PARSE = quotes.Extractor("parse")


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


def test_a_relative_clause_after_a_noun_of_speech_is_no_content() -> None:
    # "die" is the relative pronoun here, not the article of a content clause's subject.
    text = "Er wiederholte die Forderung, die er seit Jahren erhebt."
    assert [q for q in found(PARSE, text) if q[0] == "indirect"] == []
