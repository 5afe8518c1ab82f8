"""Speaker rules of the fifth round (issue 7) end to end, on German news sentences
written for these tests."""

from __future__ import annotations

import pytest
from speaker_helpers import quotation

import quotes

pytest.importorskip("spacy")


def mention(a: quotes.Attribution) -> str | None:
    return a.speaker.mention.text if a.speaker is not None and a.speaker.mention else None


def test_a_role_noun_does_not_take_a_person_named_with_another_role(
    parse: quotes.Extractor,
) -> None:
    # "Der Fraktionschef" is not the Premierministerin named before: no speaker is better.
    text = (
        "Rom – Nach der Abstimmung kündigte die Opposition ein Misstrauensvotum gegen "
        "Premierministerin Giorgia Meloni an. Der Fraktionschef sagte, die Regierung sei am Ende."
    )
    a = quotation(parse, text, "am Ende")
    assert a.speaker is None or "Meloni" not in a.speaker.name


def test_a_role_noun_still_takes_the_person_named_with_that_role(
    parse: quotes.Extractor,
) -> None:
    text = (
        "Im Landtag sprach zuerst der Fraktionschef der Grünen, Sebastian Striegel. "
        "Der Fraktionschef sagte, die Regierung habe das Vertrauen verloren."
    )
    a = quotation(parse, text, "Vertrauen verloren")
    assert a.speaker is not None and a.speaker.name == "Sebastian Striegel"


@pytest.mark.parametrize("dash", ["–", "-", "—"])
def test_a_bare_dateline_is_not_part_of_the_mention(parse: quotes.Extractor, dash: str) -> None:
    text = f"Hamburg {dash} Innensenator Andy Grote sagte, die Lage im Hafen sei ruhig."
    a = quotation(parse, text, "Lage im Hafen")
    assert mention(a) == "Innensenator Andy Grote"
    assert a.speaker is not None and a.speaker.name == "Andy Grote"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Am Dienstag hat Bundeskanzler Friedrich Merz der Zeitung gesagt, er wolle hart "
            "bleiben.",
            "Bundeskanzler Friedrich Merz",
        ),
        (
            "Am Dienstag hat Ministerin Nancy Faeser der Zeitung gesagt, sie wolle hart bleiben.",
            None,
        ),
    ],
)
def test_the_dative_addressee_after_a_name_is_not_part_of_the_speaker(
    parse: quotes.Extractor, text: str, expected: str | None
) -> None:
    a = quotation(parse, text, "hart bleiben")
    found = mention(a)
    assert found is not None and "Zeitung" not in found
    if expected is not None:
        assert found == expected


def test_a_name_after_the_auxiliary_of_a_reported_perfect_speaks(
    parse: quotes.Extractor,
) -> None:
    text = "Wie die Zeitung meldet, hat Habeck gesagt, er wolle erneut antreten."
    a = quotation(parse, text, "erneut antreten")
    assert mention(a) == "Habeck"


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "„Wir haben den Mann gefunden“, sagte Polizeisprecherin Anna Berger. Nach ihren "
            "Angaben habe er sich im Wald versteckt.",
            "im Wald versteckt",
            "Anna Berger",
        ),
        (
            "„Das war ein Erfolg“, sagte Innenminister Herbert Reul. Seinen Worten zufolge "
            "seien drei Verdächtige festgenommen worden.",
            "Verdächtige festgenommen",
            "Herbert Reul",
        ),
    ],
)
def test_a_possessive_before_a_statement_noun_names_the_author(
    parse: quotes.Extractor, text: str, words: str, name: str
) -> None:
    a = quotation(parse, text, words)
    assert a.speaker is not None and a.speaker.name == name


def test_auffassung_names_its_author_without_the_quoted_genitive(
    parse: quotes.Extractor,
) -> None:
    text = (
        "Die Kanzlerin Angela Merkel besuchte am Montag Paris. Nach Auffassung der Kanzlerin "
        "sei die Partnerschaft stabil."
    )
    a = quotation(parse, text, "Partnerschaft stabil")
    assert a.speaker is not None and a.speaker.name == "Angela Merkel"


def test_a_name_the_parser_made_an_object_after_the_auxiliary_speaks(
    parse: quotes.Extractor,
) -> None:
    text = "Wie die Zeitung berichtet, hat Scholz gesagt, er wolle erneut kandidieren."
    a = quotation(parse, text, "erneut kandidieren")
    assert mention(a) == "Scholz"


def test_a_dative_outlet_in_the_perfect_is_the_first_hop(parse: quotes.Extractor) -> None:
    text = "Am Montag hat Kanzler Olaf Scholz dem ZDF erklärt, er wolle weiter regieren."
    a = quotation(parse, text, "weiter regieren")
    assert mention(a) == "Kanzler Olaf Scholz"
    assert [v.name for v in a.via] == ["ZDF"]


def test_a_genitive_outlet_after_a_role_with_an_article_is_no_addressee(
    parse: quotes.Extractor,
) -> None:
    text = "Am Montag hat ein Sprecher der dpa gesagt, die Meldung sei falsch."
    for a in parse.extract(text):
        assert all(v.relation != "gegenüber" for v in a.via)


def test_the_addressee_outlet_stands_between_speaker_and_reporting_outlet(
    parse: quotes.Extractor,
) -> None:
    text = (
        "Wie die „Süddeutsche Zeitung“ berichtet, hat Merz der „Welt am Sonntag“ gesagt, "
        "er wolle die Steuern senken."
    )
    a = quotation(parse, text, "Steuern senken")
    assert mention(a) == "Merz"
    assert [v.name for v in a.via][:2] == ["Welt am Sonntag", "Süddeutsche Zeitung"]
