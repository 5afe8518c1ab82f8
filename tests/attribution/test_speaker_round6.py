"""Speaker rules of the sixth round (issue 7) end to end, on German news sentences
written for these tests."""

from __future__ import annotations

import pytest
from speaker_helpers import quotation

import quotes

pytest.importorskip("spacy")


def mention(a: quotes.Attribution) -> str | None:
    return a.speaker.mention.text if a.speaker is not None and a.speaker.mention else None


def test_a_partial_quote_in_a_reported_clause_parsed_apart_takes_the_verb_above(
    parse: quotes.Extractor,
) -> None:
    # The parser reads the quoted words as a sentence of their own: the speaker is the
    # subject of the verb of saying that governs the Konjunktiv clause, not "die Aktion".
    text = (
        "Die Kritikerin Jana Brehm bemängelt in der Wochenzeitung „Freitag“, die Schau "
        "erinnere „fatal an die Bücherverbrennung anno 1933 auf dem Opernplatz“."
    )
    a = quotation(parse, text, "Bücherverbrennung", "direct")
    assert mention(a) == "Die Kritikerin Jana Brehm"
    assert str(a.cue) == "bemängelt"


def test_a_nominalised_adjective_with_its_article_is_a_speaker(parse: quotes.Extractor) -> None:
    text = (
        "Die Ermittler werten den Brief noch aus. Der 47-Jährige habe darin geschrieben, er "
        'wolle seine Familie "vor dieser Welt" bewahren.'
    )
    a = quotation(parse, text, "vor dieser Welt", "direct")
    assert mention(a) == "Der 47-Jährige"


def test_a_source_phrase_takes_one_bare_genitive(parse: quotes.Extractor) -> None:
    # "der Stärkung" is the object of "dient", not a second genitive of "Mitteilung".
    text = (
        "Die neue Stelle dient laut einer Mitteilung des BMJ der Stärkung des "
        "„Opferschutzes und der schnelleren Verfahren vor den Amtsgerichten“."
    )
    a = quotation(parse, text, "Opferschutzes", "direct")
    assert mention(a) == "einer Mitteilung des BMJ"


@pytest.mark.parametrize("backend", ["rules", "parse"])
def test_a_known_surname_with_lower_case_particles_after_the_verb(
    backend: str, rules: quotes.Extractor, parse: quotes.Extractor
) -> None:
    extractor = rules if backend == "rules" else parse
    text = (
        "Brüssel – EU-Kommissionspräsidentin Ursula von der Leyen hat neue Zölle auf "
        "Stahl verteidigt. „Wir schützen unsere Werke vor Dumping“, sagte von der Leyen am "
        "Mittwoch."
    )
    a = quotation(extractor, text, "Dumping", "direct")
    assert mention(a) == "von der Leyen"
    assert a.speaker is not None and a.speaker.name == "Ursula von der Leyen"
    assert str(a.cue) == "sagte"


def test_an_unknown_lower_case_von_phrase_after_the_verb_is_no_speaker(
    rules: quotes.Extractor,
) -> None:
    text = "„Wir bleiben“, rief von der Bühne ein Sänger."
    for a in rules.extract(text):
        assert mention(a) != "von der Bühne"


def test_a_noun_before_the_head_of_an_organisation_keeps_its_ending(
    parse: quotes.Extractor,
) -> None:
    # After "des" an adjective ends in "-en": "Verbraucherzentrale" is a noun.
    text = (
        "Nach Angaben des Verbraucherzentrale Bundesverbands stieg die Zahl der "
        "Beschwerden zuletzt deutlich. Laut dem Statistischen Bundesamt sei die Zahl der "
        "Insolvenzen gestiegen."
    )
    names = {a.speaker.name for a in parse.extract(text) if a.speaker is not None}
    assert "Verbraucherzentrale Bundesverband" in names
    assert "Statistisches Bundesamt" in names


def test_a_named_speakers_organisation_after_the_verb_stays_in_the_mention(
    rules: quotes.Extractor,
) -> None:
    text = (
        "„Gegenüber seinen Leuten ist er die eiserne Hand“, so beschrieb ihn der "
        "Betriebsrat Pierre Duval von der CGT."
    )
    a = quotation(rules, text, "eiserne Hand")
    assert mention(a) == "der Betriebsrat Pierre Duval von der CGT"


def test_a_time_adjunct_after_a_named_speaker_is_not_its_organisation(
    rules: quotes.Extractor,
) -> None:
    a = quotation(rules, "„Wir bleiben hier“, sagte Anna Becker vom Montag an.", "bleiben")
    assert mention(a) == "Anna Becker"


def test_a_finite_verb_the_parser_hung_on_the_subject_ends_its_phrase(
    parse: quotes.Extractor,
) -> None:
    # The parser makes "Sprecher" the root and "kündigte" an attribute of the object.
    text = (
        "Peking reagierte empört. Ein Sprecher des chinesischen Handelsministeriums "
        "kündigte Gegenmaßnahmen an. Die EU betreibe „reinen Protektionismus“, erklärte er."
    )
    for a in parse.extract(text):
        if a.speaker is not None:
            assert "kündigte" not in a.speaker.name
            assert a.speaker.name == "Sprecher des chinesischen Handelsministeriums"


def test_an_outlet_of_the_names_table_in_the_genitive(parse: quotes.Extractor) -> None:
    text = (
        "Nach Informationen des „Hamburger Abendblatts“ prüft die Staatsanwaltschaft "
        "Verfahren gegen mehrere Organisatoren."
    )
    a = quotation(parse, text, "prüft die Staatsanwaltschaft")
    assert a.speaker is not None and a.speaker.name == "Hamburger Abendblatt"
    assert a.speaker.type == "outlet"


def test_a_descriptions_name_has_no_quotation_marks_its_mention_keeps_them(
    parse: quotes.Extractor,
) -> None:
    text = "Nach Informationen der „Flensburger Rundschau“ wurde niemand verletzt."
    a = quotation(parse, text, "niemand verletzt")
    assert a.speaker is not None and a.speaker.name == "Informationen der Flensburger Rundschau"
    assert a.speaker.mention is not None
    assert a.speaker.mention.text == "Informationen der „Flensburger Rundschau“"


def test_a_full_name_does_not_swallow_the_capitalised_noun_after_it(
    rules: quotes.Extractor,
) -> None:
    text = (
        "Im Landtag warf die Opposition Ministerpräsident Reiner Haseloff Versagen vor. "
        "„Das ist falsch“, sagte Haseloff. Anna Maria Fischer nannte das „Theater“."
    )
    names = [a.speaker.name for a in rules.extract(text) if a.speaker is not None]
    assert "Reiner Haseloff" in names
    assert not any("Versagen" in n for n in names)


def test_a_partial_quote_in_speech_with_a_cue_after_it_takes_that_cue(
    parse: quotes.Extractor,
) -> None:
    # „jederzeit bereit“ is not carried from "sagte" in the sentence before: the speech
    # around it has its own cue, after it.
    text = (
        "Kremlsprecher Dmitri Peskow sagte der Agentur Tass, es gebe „keine Gespräche“. "
        "Russland sei aber „jederzeit bereit“, über eine Lösung zu sprechen, fügte er hinzu."
    )
    a = quotation(parse, text, "jederzeit bereit", "direct")
    assert str(a.cue) == "fügte … hinzu"
    assert a.speaker is not None and a.speaker.name == "Dmitri Peskow"


def test_an_interview_outlet_carries_to_the_named_speakers_later_words(
    parse: quotes.Extractor,
) -> None:
    # The parser hangs "Annalena Baerbock" on the object; the mention keeps the name, so
    # the interview (ZDF) carries to her later statements, and "Sie" is hers: the verb
    # before "Sie" ends the sentence before, it says nothing of the pronoun's number.
    text = (
        "In einem Interview mit dem ZDF hat Außenministerin Annalena Baerbock weitere "
        "Hilfen zugesagt. Die Lage an der Front sei „dramatisch“, sagte die "
        "Grünen-Politikerin. Deutschland werde seine Unterstützung fortsetzen. Sie warnte "
        "zugleich vor einer Spaltung der EU."
    )
    found = parse.extract(text)
    opening = next(a for a in found if a.content.text.startswith("In einem Interview"))
    assert mention(opening) == "Außenministerin Annalena Baerbock"
    for a in found:
        assert a.speaker is not None and a.speaker.name == "Annalena Baerbock"
        assert [s.name for s in a.via][:1] == ["ZDF"]


def test_the_paper_an_addressee_refers_back_to_is_the_first_hop(
    parse: quotes.Extractor,
) -> None:
    text = (
        "Wie die „Washington Post“ unter Berufung auf Regierungskreise berichtet, trafen "
        "sich beide Seiten in Katar. Ein ukrainischer Diplomat sagte der Zeitung, die "
        "Treffen hätten sich um Gefangene gedreht."
    )
    a = quotation(parse, text, "Gefangene gedreht")
    assert a.speaker is not None and a.speaker.name.endswith("Diplomat")
    assert [s.name for s in a.via][:1] == ["Washington Post"]


def test_an_addressee_of_a_type_noun_without_an_outlet_before_adds_no_hop(
    parse: quotes.Extractor,
) -> None:
    text = "Der Minister sagte der Zeitung, er halte eine Einigung für möglich."
    a = quotation(parse, text, "Einigung")
    assert [s.name for s in a.via] == []


def test_a_surname_joined_to_its_particle_stays_in_the_name(parse: quotes.Extractor) -> None:
    text = "Konferenzpräsident Sultan al-Dschaber sprach von einem „historischen Ergebnis“."
    a = quotation(parse, text, "historischen Ergebnis", "direct")
    assert a.speaker is not None and a.speaker.name == "Sultan al-Dschaber"


def test_a_role_written_with_a_d_before_the_name_is_that_persons(
    parse: quotes.Extractor,
) -> None:
    text = (
        "Oppositionsführer Friedrich Merz kritisierte die Regierung.\n\n"
        "Die Kanzlerin a. D. Angela Merkel äußerte sich am Abend ebenfalls. Die frühere "
        "Kanzlerin sagte, Europa müsse geschlossen bleiben."
    )
    a = quotation(parse, text, "geschlossen bleiben")
    assert a.speaker is not None and a.speaker.name == "Angela Merkel"


def test_a_broadcasters_projections_name_the_broadcaster(parse: quotes.Extractor) -> None:
    text = "Laut ersten Hochrechnungen des Senders NOS kommt die PVV auf 35 Sitze."
    a = quotation(parse, text, "35 Sitze")
    assert a.speaker is not None and a.speaker.name == "NOS"
