"""Speaker names of the eleventh round (a wrong speaker is worse than none) end to end, on
German news sentences written for these tests."""

from __future__ import annotations

import pytest
from speaker_helpers import quotation

import quotes

pytest.importorskip("spacy")

SPOKESMAN = "Regierungssprecher Thomas Brandl sagte am Morgen, es gebe keine neuen Pläne. "


def speaker_name(a: quotes.Attribution) -> str | None:
    return a.speaker.name if a.speaker is not None else None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            SPOKESMAN + "Der Sprecher der polnischen Armee, Marek Nowicki, erklärte im Radio, "
            "die Grenze werde verstärkt. Er fügte hinzu: „Wir sind vorbereitet.“",
            "Marek Nowicki",
        ),
        (
            SPOKESMAN + "Die Sprecherin des Gesundheitsamtes, Carla Winter, teilte mit, die "
            "Zahlen seien gesunken. Sie sagte: „Wir bleiben vorsichtig.“",
            "Carla Winter",
        ),
    ],
)
def test_a_pronoun_takes_the_name_in_commas_after_the_role_and_its_genitive(
    parse: quotes.Extractor, text: str, name: str
) -> None:
    # The sentence before opens with the role, its genitive and its holder's name: the
    # pronoun is that holder, not the earlier person of the same office.
    a = quotation(parse, text, "Wir", kind="direct")
    assert speaker_name(a) == name


def test_a_role_with_a_genitive_is_not_the_earlier_holder_of_that_role(
    parse: quotes.Extractor,
) -> None:
    # "der polnischen Armee" names whose spokesman he is: not the government's.
    text = (
        SPOKESMAN + "Der Sprecher der polnischen Armee erklärte im Radio, die Grenze werde "
        "verstärkt. Er fügte hinzu: „Wir sind vorbereitet.“"
    )
    for words in ("Grenze", "Wir"):
        assert speaker_name(quotation(parse, text, words)) != "Thomas Brandl"
