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


# -- "…, ließ X erklären": the causative opens the frame, as an auxiliary does ----------
@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Er habe aus Geldnot gehandelt, ließ der Angeklagte über seinen Anwalt erklären.",
            "Er habe aus Geldnot gehandelt",
            "Angeklagter",
            "ließ … erklären",
        ),
        (
            "Man werde die Vorwürfe prüfen, ließ das Ministerium am Abend mitteilen.",
            "Man werde die Vorwürfe prüfen",
            "Ministerium",
            "ließ … mitteilen",
        ),
        (
            "Er sei unschuldig, ließ der Sänger verlauten.",
            "Er sei unschuldig",
            "Sänger",
            "ließ … verlauten",
        ),
    ],
)
def test_a_causative_frame_after_the_content_gives_its_subject(
    parse_extractor: quotes.Extractor, text: str, content: str, speaker: str, cue: str
) -> None:
    (found,) = parse_extractor.extract(text)
    assert found.kind == "indirect"
    assert found.content.text == content
    assert found.speaker is not None and found.speaker.name == speaker
    assert str(found.cue) == cue


def test_a_causative_before_the_content_is_part_of_the_cue(
    parse_extractor: quotes.Extractor,
) -> None:
    text = "Die Reederei ließ am Montag über einen Sprecher mitteilen, man bedauere den Vorfall."
    (found,) = parse_extractor.extract(text)
    assert found.content.text == "man bedauere den Vorfall"
    assert found.speaker is not None and found.speaker.name == "Reederei"
    assert str(found.cue) == "ließ … mitteilen"


def test_lassen_without_a_verb_of_saying_is_no_frame(parse_extractor: quotes.Extractor) -> None:
    text = "Die Kinder spielten im Hof, ließ der Vater sie gewähren."
    assert list(parse_extractor.extract(text)) == []
