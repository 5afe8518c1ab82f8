"""Content clauses (issue 8, speech3), on fresh sentences: a causal clause in Konjunktiv I
after a cue is the speaker's reason (quotes/detectors/indirect/content.py,
``reason_openers`` in indirect.toml); a zu-infinitive after a cue participle without its
comma is the content (quotes/detectors/indirect/verb_cues.py)."""

from __future__ import annotations

import pytest

import quotes


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Die Staatsanwältin bezeichnete die Zahlen als vorläufig, da die Ermittlungen"
            " noch nicht abgeschlossen seien.",
            "da die Ermittlungen noch nicht abgeschlossen seien",
            "Die Staatsanwältin",
        ),
        (
            "Der Verband hatte die Frist kritisiert, weil sie den Betrieben zu wenig Zeit lasse.",
            "weil sie den Betrieben zu wenig Zeit lasse",
            "Der Verband",
        ),
    ],
)
def test_a_reason_in_konjunktiv_is_indirect_speech(
    parse_extractor: quotes.Extractor, text: str, content: str, speaker: str
) -> None:
    (found,) = parse_extractor.extract(text)
    assert found.kind == "indirect"
    assert found.quote.text == content
    assert text[found.quote.start : found.quote.end] == content
    assert found.speaker is not None and found.speaker.mention is not None
    assert found.speaker.mention.text == speaker


def test_a_reason_in_the_indicative_is_the_writers(parse_extractor: quotes.Extractor) -> None:
    text = (
        "Die Staatsanwältin bezeichnete die Zahlen als vorläufig, da die Ermittlungen"
        " noch nicht abgeschlossen sind."
    )
    assert [a.kind for a in parse_extractor.extract(text)] == ["reported"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Der Konzern hat angekündigt die Preise ab Oktober zu erhöhen.",
            "die Preise ab Oktober zu erhöhen",
            "Der Konzern",
        ),
        (
            "Die Präsidentin hatte am Donnerstag angekündigt bei der Wahl im Herbst erneut"
            " anzutreten.",
            "bei der Wahl im Herbst erneut anzutreten",
            "Die Präsidentin",
        ),
    ],
)
def test_a_zu_infinitive_without_its_comma_is_the_content(
    parse_extractor: quotes.Extractor, text: str, content: str, speaker: str
) -> None:
    (found,) = parse_extractor.extract(text)
    assert found.kind == "indirect"
    assert found.quote.text == content
    assert found.speaker is not None and found.speaker.mention is not None
    assert found.speaker.mention.text == speaker


def test_a_perfect_infinitive_is_no_content_of_its_participle(
    parse_extractor: quotes.Extractor,
) -> None:
    # "geplant zu haben" is the perfect infinitive of "planen", not "geplant" + content.
    text = "Die Polizei nahm zwei Männer fest, die Anschläge in der Stadt geplant zu haben."
    assert "indirect" not in [a.kind for a in parse_extractor.extract(text)]
