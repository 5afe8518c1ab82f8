"""A source postposition inside the frame of a verb of saying ("X sagte der Agentur Y
zufolge, …") is the outlet of X's words, not a second speaker that takes the whole sentence
as its quote. Fresh German news sentences written for these tests (never corpus text); they
need the shipped parse model and are skipped where it is not installed.
"""

from __future__ import annotations

import pytest

import quotes


@pytest.mark.parametrize("verb", ["sagte", "erklärte"])
def test_speaker_keeps_his_words_when_an_agency_is_named_with_zufolge(
    parse_extractor: quotes.Extractor, verb: str
) -> None:
    text = (
        f"Kremlsprecher Dmitri Peskow {verb} der staatlichen Nachrichtenagentur Tass "
        "zufolge, Moskau sei zu Gesprächen bereit."
    )
    (found,) = parse_extractor.extract(text)
    assert found.content.text == "Moskau sei zu Gesprächen bereit"
    assert found.speaker is not None and found.speaker.name == "Dmitri Peskow"
    assert str(found.cue) == verb
    assert str(found.chain) == "Dmitri Peskow via Tass"


def test_a_separable_verb_keeps_its_particle_after_a_zufolge_phrase(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Der Minister kündigte der Zeitung zufolge an, man werde die Steuern senken."
    (found,) = parse_extractor.extract(text)
    assert found.content.text == "man werde die Steuern senken"
    assert str(found.cue) == "kündigte … an"


def test_zufolge_alone_still_gives_the_source(parse_extractor: quotes.Extractor) -> None:
    text = "Der Nachrichtenagentur Tass zufolge ist der Minister zurückgetreten."
    (found,) = parse_extractor.extract(text)
    assert found.speaker is not None and found.speaker.name == "Tass"
    assert str(found.cue) == "zufolge"
