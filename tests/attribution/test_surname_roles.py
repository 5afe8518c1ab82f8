"""A surname that is also a role noun ("Bauer", "Richter", "König") stays part of the
name after a given name, on both backends (sentences written for these tests)."""

from __future__ import annotations

import pytest

import quotes

pytest.importorskip("spacy")


@pytest.mark.parametrize("backend", ["rules", "parse"])
@pytest.mark.parametrize("surname", ["Bauer", "Richter", "König", "Kohlbauer", "Lehrer"])
def test_a_role_noun_right_after_a_given_name_is_the_surname(
    backend: str, surname: str, rules: quotes.Extractor, parse: quotes.Extractor
) -> None:
    extractor = rules if backend == "rules" else parse
    text = (
        "Wien – Der Handelsverband warnt vor einer Pleitewelle. „Die Lage ist ernst“, "
        f"sagte Verbandspräsident Martin {surname} am Montag. Die Regierung müsse jetzt "
        "handeln, sagte er."
    )
    names = {a.speaker.name for a in extractor.extract(text) if a.kind != "reported" and a.speaker}
    assert names == {f"Martin {surname}"}


def test_a_role_noun_after_a_full_name_still_ends_it(rules: quotes.Extractor) -> None:
    # Given name and surname are complete: a role noun after them is the sentence's.
    text = "„Wir bleiben dabei“, sagte Olaf Scholz Kanzler der Herzen am Abend."
    (a,) = rules.extract(text)
    assert a.speaker is not None and a.speaker.name == "Olaf Scholz"


@pytest.mark.parametrize("backend", ["rules", "parse"])
def test_a_masculine_noun_in_e_keeps_its_form_as_a_description(
    backend: str, rules: quotes.Extractor, parse: quotes.Extractor
) -> None:
    # "der Beamte" is an adjective made noun ("ein Beamter"); "der Experte" and "der
    # Brite" are nouns of their own ("Briter" and "Letter" were the names given).
    extractor = rules if backend == "rules" else parse
    names = {
        word: extractor.extract(f"„Wir prüfen das“, sagte der {word}.")[0].speaker.name
        for word in ("Beamte", "Abgeordnete", "Experte", "Brite", "Lette")
    }
    assert names == {
        "Beamte": "Beamter",
        "Abgeordnete": "Abgeordneter",
        "Experte": "Experte",
        "Brite": "Brite",
        "Lette": "Lette",
    }
