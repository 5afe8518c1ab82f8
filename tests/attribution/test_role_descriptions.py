"""A role noun with its own genitive, or with a name in commas, is the person it describes
(fresh sentences, parse backend): "Der Sprecher der ukrainischen Luftwaffe" after a
governor is someone new, and ", Jurij Ihnat," names him."""

from __future__ import annotations

import quotes

GOVERNOR = "Gouverneur Wjatscheslaw Gladkow schrieb, ein Mensch sei verletzt worden.\n\n"


def _indirect_names(extractor: quotes.Extractor, text: str) -> list[str | None]:
    return [
        a.speaker.name if a.speaker else None
        for a in extractor.extract(text)
        if a.kind == "indirect"
    ]


def test_a_role_with_a_genitive_is_not_the_one_person_named_before(
    parse_extractor: quotes.Extractor,
) -> None:
    text = GOVERNOR + (
        "Der Sprecher der ukrainischen Luftwaffe sagte dem Fernsehsender Rada, die Angriffe "
        "gingen weiter."
    )
    names = _indirect_names(parse_extractor, text)
    assert names[0] == "Wjatscheslaw Gladkow"
    assert names[1] != "Wjatscheslaw Gladkow"


def test_the_name_in_commas_after_a_role_names_its_holder(
    parse_extractor: quotes.Extractor,
) -> None:
    text = GOVERNOR + (
        "Der Sprecher der ukrainischen Luftwaffe, Jurij Ihnat, sagte dem Fernsehsender "
        "„Rada“ lediglich, die russischen Angriffe gingen weiter."
    )
    assert _indirect_names(parse_extractor, text) == ["Wjatscheslaw Gladkow", "Jurij Ihnat"]


def test_a_bare_role_still_refers_to_the_one_person_named(
    parse_extractor: quotes.Extractor,
) -> None:
    text = (
        "Finanzministerin Katrin Lange stellte den Haushalt vor. Die Ministerin sagte, "
        "das Land müsse sparen."
    )
    assert _indirect_names(parse_extractor, text) == ["Katrin Lange"]
