"""A speaker whose role noun opens with a lower-case name or abbreviation ("vzbv-Vorständin",
"dpa-Korrespondent", "eBay-Chefin"): the compound is a noun, as its last part is.

Before, the noun-phrase chunker took such a word for no noun, so "„…“, erklärte
vzbv-Vorständin Ramona Pop." had neither speaker nor cue and the quotation was dropped as a
term (in a longer text it took the cue of the sentence before).
"""

from __future__ import annotations

import pytest

import quotes
from quotes.pipeline.mention_parts import compound_noun


@pytest.mark.parametrize("backend", ["rules", "parse"])
@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "„Die Menschen brauchen Klarheit“, erklärte vzbv-Vorständin Ramona Pop.",
            "vzbv-Vorständin Ramona Pop",
            "Ramona Pop",
        ),
        (
            "„Das ist ein gutes Quartal“, sagte die eBay-Chefin Anna Schmidt.",
            "die eBay-Chefin Anna Schmidt",
            "Anna Schmidt",
        ),
        (
            "„Wir prüfen das“, sagte ein dpa-Korrespondent.",
            "ein dpa-Korrespondent",
            "dpa-Korrespondent",
        ),
    ],
)
def test_a_lower_case_compound_is_the_speakers_noun(
    backend: str, text: str, mention: str, name: str
) -> None:
    (a,) = quotes.Extractor(backend).extract(text)
    assert a.kind == "direct"
    assert a.speaker is not None and a.speaker.mention is not None
    # The whole noun phrase, or (the parse backend, where the tagger splits it) its name.
    assert mention.endswith(a.speaker.mention.text)
    assert name in a.speaker.mention.text
    assert a.speaker.name == name
    assert a.cue is not None and a.cue.text in {"erklärte", "sagte"}


def test_the_cue_of_the_sentence_before_is_not_taken() -> None:
    text = (
        "Der Bundesverband der Verbraucherzentralen forderte Planungssicherheit. „Die Menschen "
        "brauchen Klarheit“, erklärte vzbv-Vorständin Ramona Pop."
    )
    (direct,) = [a for a in quotes.Extractor("parse").extract(text) if a.kind == "direct"]
    assert direct.speaker is not None and direct.speaker.name == "Ramona Pop"
    assert direct.cue is not None and direct.cue.text == "erklärte"


@pytest.mark.parametrize(
    ("word", "noun"),
    [
        ("34-Jährige", True),
        ("5-Sterne-Hotel", True),
        ("vzbv-Vorständin", True),
        ("dpa-Korrespondent", True),
        ("US-amerikanischen", False),  # capital first, lower-case last: an adjective
        ("Vorständin", False),  # no compound: the capital decides elsewhere
        ("rot-grün", False),
        ("e-Mail2", False),
    ],
)
def test_compound_noun(word: str, noun: bool) -> None:
    assert compound_noun(word) is noun
