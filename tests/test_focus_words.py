"""A focus or contrast word between a subject and its verb ("Petzold selbst zeigte sich
überrascht:", "Die Opposition hingegen warnte:") is neither the cue nor a reason to lose
the subject, on both backends (fresh sentences)."""

from __future__ import annotations

import pytest

import quotes


@pytest.mark.parametrize("backend", ["rules", "parse"])
@pytest.mark.parametrize(
    ("text", "mention", "cue"),
    [
        (
            "Petzold selbst zeigte sich überrascht: „Damit habe ich nicht gerechnet.“",
            "Petzold",
            "zeigte",
        ),
        ("Die Opposition hingegen warnte: „Das wird teuer.“", "Die Opposition", "warnte"),
        ("Der Regisseur selbst sagte: „Damit habe ich nicht gerechnet.“", "Der Regisseur", "sagte"),
    ],
)
def test_the_subject_before_a_focus_word_speaks(
    backend: str, text: str, mention: str, cue: str
) -> None:
    if backend == "parse":
        pytest.importorskip("spacy")
    (found,) = quotes.Extractor(backend).extract(text)
    assert found.speaker is not None and found.speaker.mention is not None
    assert (found.speaker.mention.text, str(found.cue)) == (mention, cue)
