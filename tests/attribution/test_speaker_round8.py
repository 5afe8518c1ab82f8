"""Speaker rules of the eighth round (issue 7 follow-up: a wrong speaker is worse than
none) end to end, on German news sentences written for these tests."""

from __future__ import annotations

import pytest
from speaker_helpers import quotation

import quotes

pytest.importorskip("spacy")


def speaker_name(a: quotes.Attribution) -> str | None:
    return a.speaker.name if a.speaker is not None else None


def test_a_surname_the_parser_cut_off_stays_with_the_name(parse: quotes.Extractor) -> None:
    # The shipped parser makes "Šefčovič" a second root: the subject phrase stopped at
    # the given name.
    text = (
        "Die Kommission prüfe Gegenzölle auf Whisky. Das kündigte Handelskommissar "
        "Maroš Šefčovič am Dienstag an."
    )
    assert speaker_name(quotation(parse, text, "Whisky", "indirect")) == "Maroš Šefčovič"


def test_a_common_noun_after_a_name_is_no_part_of_it(parse: quotes.Extractor) -> None:
    text = "Der Vertrag sei unterschriftsreif, teilte Außenministerin Annalena Baerbock mit."
    assert speaker_name(quotation(parse, text, "Vertrag")) == "Annalena Baerbock"


def test_the_subject_before_the_colon_says_what_heisst_es_reports(
    parse: quotes.Extractor,
) -> None:
    # "hieß es" names no speaker; the clause before the colon does, and is no content.
    text = (
        "Japans Außenministerium reagierte prompt: Man werde die Lage genau beobachten, "
        "hieß es in einer Erklärung."
    )
    a = quotation(parse, text, "beobachten")
    assert speaker_name(a) == "Japans Außenministerium"
    assert a.content.text.startswith("Man werde")


def test_a_speaker_of_the_frame_keeps_the_quote_after_the_colon(
    parse: quotes.Extractor,
) -> None:
    text = "Die Regierung zeigte sich gelassen: Man habe alles im Griff, sagte ein Sprecher."
    a = quotation(parse, text, "Griff")
    assert speaker_name(a) == "Sprecher"
    assert a.content.text.startswith("Man habe")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Nach Angaben des Élysée-Palasts wird der Präsident am Montag nach Berlin reisen.",
            "Élysée-Palast",
            "organization",
        ),
        (
            "Nach Angaben eines Sprechers wurden drei Beamte leicht verletzt.",
            "Sprecher",
            "person",
        ),
        (
            "Nach Angaben des Sprechers der Feuerwehr wurden drei Beamte leicht verletzt.",
            "Sprecher der Feuerwehr",
            "person",
        ),
        (
            "Laut einer Studie des Instituts der deutschen Wirtschaft sinken die Löhne.",
            "Institut der deutschen Wirtschaft",
            "organization",
        ),
    ],
)
def test_a_statement_noun_gives_its_author_not_its_own_words(
    parse: quotes.Extractor, text: str, name: str, kind: str
) -> None:
    a = parse.extract(text)[0]
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == (name, kind)


def test_the_name_after_a_class_noun_in_the_genitive_is_the_organisation(
    parse: quotes.Extractor,
) -> None:
    text = (
        "Die Wahlbeteiligung liegt nach einer Umfrage des Meinungsforschungsinstituts "
        "Forsa bei 60 Prozent. Laut dem Meinungsforschungsinstitut Forsa würden 30 "
        "Prozent die Union wählen."
    )
    speakers = [(a.speaker.name, a.speaker.type) for a in parse.extract(text) if a.speaker]
    assert speakers and all(s == ("Forsa", "organization") for s in speakers)


def test_a_source_before_zufolge_keeps_its_head_and_a_date_is_no_source(
    parse: quotes.Extractor,
) -> None:
    text = "Der Polizei in Mombasa zufolge wurden zwei Menschen festgenommen."
    assert speaker_name(quotation(parse, text, "festgenommen")) == "Polizei"
    dated = parse.extract("Dem gestrigen Mittwoch zufolge sei alles ruhig.")
    assert all(a.speaker is None for a in dated)


def test_a_common_noun_with_an_adjective_is_no_person(parse: quotes.Extractor) -> None:
    a = quotation(parse, "Laut vorläufigem Ergebnis kommt die Partei auf 30 Prozent.", "Prozent")
    assert a.speaker is not None and a.speaker.type != "person"


def test_a_class_noun_refers_to_the_one_organisation_just_named(
    parse: quotes.Extractor,
) -> None:
    text = (
        "Die Diakonie kritisierte, die Kürzungen seien falsch. Der Verband teilte mit, "
        "man werde klagen."
    )
    assert speaker_name(quotation(parse, text, "klagen")) == "Diakonie"
    other = (
        "Das Innenministerium erklärte, die Lage sei ruhig. Der Verband teilte mit, "
        "man werde klagen."
    )
    assert speaker_name(quotation(parse, other, "klagen")) != "Innenministerium"
