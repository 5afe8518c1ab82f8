"""The medium from the speaker: reports and papers write (issue 8)."""

from __future__ import annotations

import pytest

from quotes.detectors.medium import MediumRules, refine_medium
from quotes.pipeline.speakers import Frame
from quotes.records import Span, Speaker
from quotes.rules import load_rules

RULES = MediumRules.from_rules(load_rules("de"))


def frame(speaker: str | None, medium: str | None, kind: str = "person") -> Frame:
    text = "Die Lage sei ernst"
    quote = Span(0, len(text), text)
    return Frame(
        kind="indirect",
        quote=quote,
        content=quote,
        speaker=Speaker(Span(30, 30 + len(speaker), speaker), speaker, kind)  # type: ignore[arg-type]
        if speaker
        else None,
        cue=None,
        frame=None,
        addressee=None,
        confidence=0.8,
        region_start=0,
        region_end=60,
        medium=medium,
    )


@pytest.mark.parametrize(
    ("speaker", "kind"),
    [
        ("einem Bericht der Zeitung", "person"),  # the last word decides: "Zeitung"
        ("dem Zeitungsbericht", "person"),  # compounds count
        ("der neuen Studie", "organization"),
        ("Süddeutsche Zeitung", "outlet"),
    ],
)
def test_written_sources_write(speaker: str, kind: str) -> None:
    (refined,) = refine_medium([frame(speaker, "SW", kind)], RULES)
    assert refined.medium == "Writing"


@pytest.mark.parametrize(
    ("speaker", "medium"),
    [
        ("der Minister", "Speech"),  # a person's words: kept
        ("Medienberichten", "SW"),  # "Medienberichten zufolge" is SW as often as Writing
        ("Angaben der Polizei", "Speech"),  # "Angaben" is said as often as written
        (None, "SW"),
        ("Tass", "SW"),  # an outlet by name alone: agencies are Speech or SW as often
        ("dem Bericht", "Thought"),  # the cue said Thought: kept
    ],
)
def test_other_media_stay(speaker: str | None, medium: str) -> None:
    (refined,) = refine_medium(
        [frame(speaker, medium, "outlet" if speaker == "Tass" else "unknown")], RULES
    )
    assert refined.medium == medium


@pytest.mark.parametrize(
    ("speaker", "kind", "medium", "expected"),
    [
        ("einer Sprecherin", "person", "SW", "Speech"),  # laut einer Sprecherin: said
        ("dem Verband", "organization", "SW", "SW"),  # said or written
        ("der Minister", "person", "Writing", "Writing"),  # the cue said Writing
        ("Ansicht der Experten", "group", "SW", "ST"),  # nach Ansicht der Experten
        ("seiner Einschätzung", "unknown", "Speech", "ST"),
    ],
)
def test_people_speak_and_opinions_are_thought(
    speaker: str, kind: str, medium: str, expected: str
) -> None:
    (refined,) = refine_medium([frame(speaker, medium, kind)], RULES)
    assert refined.medium == expected


@pytest.mark.parametrize(
    "speaker",
    [
        "einem Bericht der Menschenrechtsorganisation",  # the head noun, not the last word
        "einem Artikel der Nachrichtenagentur Reuters",
        "Der Brief des Bürgermeisters",
    ],
)
def test_a_head_noun_of_writing_writes(speaker: str) -> None:
    (refined,) = refine_medium([frame(speaker, "SW", "unknown")], RULES)
    assert refined.medium == "Writing"


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("Angaben des Sprechers", "SW"),  # what he gave: said or written
        ("Polizeiangaben zum Unfall", "SW"),  # compounds of the nouns of information
        ("des Sprechers", "Speech"),  # laut des Sprechers: his words
    ],
)
def test_information_about_a_person_is_not_their_speech(speaker: str, expected: str) -> None:
    (refined,) = refine_medium([frame(speaker, "SW", "person")], RULES)
    assert refined.medium == expected


@pytest.mark.parametrize(
    ("medium", "source_type", "expected"),
    [
        ("SW", "outlet", "Writing"),  # papers write
        ("Speech", "outlet", "Writing"),
        ("SW", "broadcaster", "Speech"),  # broadcasters speak
        ("SW", "agency", "SW"),  # agencies: the cue decides
        ("Thought", "outlet", "Thought"),  # the cue said more
        ("SW", None, "SW"),  # the speaker is no outlet
    ],
)
def test_the_medium_of_an_outlet_speaker(
    medium: str, source_type: str | None, expected: str
) -> None:
    assert RULES.of_outlet(medium, source_type) == expected


def test_outlet_speakers_in_the_whole_pipeline() -> None:
    import quotes

    extractor = quotes.Extractor("parse")
    text = (
        "Wie die „Süddeutsche Zeitung“ berichtet, soll der Minister zurücktreten.\n\n"
        "Der Fernsehsender „Radio Eins“ berichtete, es gebe 56 Tote.\n"
    )
    media = {a.quote.text: (a.medium, str(a.chain)) for a in extractor.extract(text)}
    assert media == {
        "soll der Minister zurücktreten": ("Writing", "Süddeutsche Zeitung"),
        "es gebe 56 Tote": ("Speech", "Radio Eins"),
    }


def test_a_persons_partial_quote_is_speech_too() -> None:
    import attrs

    direct = attrs.evolve(frame("Ute Bader", "SW", "person"), kind="direct")
    (refined,) = refine_medium([direct], RULES)
    assert refined.medium == "Speech"


@pytest.mark.parametrize(
    ("speaker", "kind", "expected"),
    [
        ("Aussagen der Anwältin", "unknown", "Speech"),  # nach Aussagen der Anwältin: said
        ("Zeugenaussagen", "unknown", "Speech"),  # compounds of the nouns of speech
        ("Aussage eines Polizisten", "person", "Speech"),
        ("Angaben der Anwältin", "unknown", "SW"),  # information: said or written
    ],
)
def test_statements_are_spoken(speaker: str, kind: str, expected: str) -> None:
    (refined,) = refine_medium([frame(speaker, "SW", kind)], RULES)
    assert refined.medium == expected


@pytest.mark.parametrize("speaker", ["Grundgesetz", "dem Gesetz", "Verfassung"])
def test_laws_are_written(speaker: str) -> None:
    # "laut Grundgesetz", "nach dem Gesetz", "laut Verfassung": never a person's words.
    (refined,) = refine_medium([frame(speaker, "SW", "person")], RULES)
    assert refined.medium == "Writing"


def test_a_quotation_without_any_medium_gets_the_unknown_medium() -> None:
    (refined,) = refine_medium([frame(None, None, "unknown")], RULES)
    assert refined.medium == "SW"
    (kept,) = refine_medium([frame(None, "Speech", "unknown")], RULES)
    assert kept.medium == "Speech"


def test_thinking_is_said_or_thought_in_the_whole_pipeline() -> None:
    import quotes

    extractor = quotes.Extractor("parse")
    text = (
        "Der Bürgermeister glaubt, dass die Brücke bis zum Sommer fertig werde.\n\n"
        "Nach Aussagen einer Nachbarin hatte es in der Nacht laut geknallt.\n"
    )
    media = {a.quote.text: a.medium for a in extractor.extract(text)}
    assert media == {
        "dass die Brücke bis zum Sommer fertig werde": "ST",
        "hatte es in der Nacht laut geknallt": "Speech",
    }


def test_a_reason_given_is_said_or_written() -> None:
    import quotes

    extractor = quotes.Extractor("parse")
    text = "Das Ministerium begründete die Entscheidung damit, dass die Kassen leer seien."
    media = {a.quote.text: a.medium for a in extractor.extract(text)}
    assert media == {"dass die Kassen leer seien": "SW"}


def framed(words: str, medium: str | None, speaker: str = "der Minister") -> Frame:
    """A person's indirect quotation whose frame (before the quote) reads ``words``."""
    base = frame(speaker, medium)
    text = f"{words}, "
    return Frame(
        kind=base.kind,
        quote=base.quote,
        content=base.content,
        speaker=base.speaker,
        cue=None,
        frame=Span(100, 100 + len(text), text),
        addressee=None,
        confidence=0.8,
        region_start=0,
        region_end=200,
        medium=medium,
    )


@pytest.mark.parametrize(
    "words",
    [
        "In einem Brief an die Fraktion erklärte der Minister",
        "Der Minister meldete sich auf Twitter zu Wort",
        "In seinem Abschiedsbrief gab er an",  # a compound ending in a channel word
        "Auf ihrer Website teilte die Partei mit",
    ],
)
def test_a_frame_with_a_written_channel_writes(words: str) -> None:
    (refined,) = refine_medium([framed(words, "Speech")], RULES)
    assert refined.medium == "Writing"


@pytest.mark.parametrize(
    ("words", "medium", "expected"),
    [
        ("In einer Pressemitteilung erklärte der Minister", "Speech", "SW"),
        ("In einer Stellungnahme teilte der Konzern mit", "SW", "SW"),
        # A person's words stay said or written: "person_medium" does not apply.
        ("In einer Erklärung hieß es", "SW", "SW"),
        # A speech is spoken: only the whole word counts.
        ("In seiner Regierungserklärung sagte der Kanzler", "Speech", "Speech"),
        # The cue's Writing stays.
        ("In einer Erklärung schrieb der Minister", "Writing", "Writing"),
        ("Im Interview sagte der Minister", "Speech", "Speech"),
    ],
)
def test_a_frame_with_a_statement_is_said_or_written(
    words: str, medium: str, expected: str
) -> None:
    (refined,) = refine_medium([framed(words, medium)], RULES)
    assert refined.medium == expected


# -- medium3: statements as speakers, drafts and decrees, opinions in the cue, channels
# carried to the speaker's other quotations (fresh sentences, not corpus text).


@pytest.mark.parametrize(
    ("speaker", "medium"),
    [
        # "laut einer Pressemitteilung des Ministeriums": "Mitteilung" ends the compound,
        # a noun of writing, but a statement is said or written.
        ("einer Pressemitteilung des Ministeriums", "SW"),
        # "In einer Erklärung der Partei heißt es, …": the Writing of "heißt es" too.
        ("einer Erklärung der Partei", "Writing"),
        ("der Stellungnahme des Verbands", "Speech"),
    ],
)
def test_a_statement_as_speaker_is_said_or_written(speaker: str, medium: str) -> None:
    (refined,) = refine_medium([frame(speaker, medium, "unknown")], RULES)
    assert refined.medium == "SW"


def test_a_statement_word_inside_a_longer_word_is_no_statement() -> None:
    # "der Regierungserklärung" is a speech, not a handed-out statement: only whole words.
    (refined,) = refine_medium([frame("der Regierungserklärung", "Writing", "unknown")], RULES)
    assert refined.medium == "Writing"


@pytest.mark.parametrize(
    "speaker",
    ["dem Gesetzentwurf", "diesem Entwurf", "dem Dekret des Präsidenten", "der Veröffentlichung"],
)
def test_drafts_decrees_and_publications_are_written(speaker: str) -> None:
    # "Laut dem Gesetzentwurf sollen …", "gemäß dem Dekret des Präsidenten …".
    (refined,) = refine_medium([frame(speaker, "SW", "person")], RULES)
    assert refined.medium == "Writing"


def cued(cue: str, medium: str, speaker: str = "Die Gewerkschaft") -> Frame:
    """An organisation's indirect quotation whose cue reads ``cue`` ("ist der Meinung")."""
    import attrs

    from quotes.records import Cue

    parts = tuple(Span(40 + i * 10, 40 + i * 10 + len(w), w) for i, w in enumerate(cue.split()))
    return attrs.evolve(frame(speaker, medium, "organization"), cue=Cue(parts))


@pytest.mark.parametrize("cue", ["der Meinung", "vertritt die Auffassung", "der Ansicht"])
def test_an_opinion_in_the_cue_is_said_or_thought(cue: str) -> None:
    # "Die Gewerkschaft ist der Meinung, dass …", "… vertritt die Auffassung, dass …".
    (refined,) = refine_medium([cued(cue, "SW")], RULES)
    assert refined.medium == "ST"


def test_a_cue_without_an_opinion_keeps_its_medium() -> None:
    (refined,) = refine_medium([cued("teilte mit", "SW")], RULES)
    assert refined.medium == "SW"


def test_a_channel_carries_to_the_speakers_other_quotations() -> None:
    import attrs

    release = framed("In einer Pressemitteilung erklärte die Ministerin", "Speech", "Ute Bader")
    after = frame("Ute Bader", "Speech", "person")  # "Die Lage sei ernst." after it
    said = attrs.evolve(after, cue=cued("sagte", "Speech").cue)  # "…, sagte Bader"
    other = frame("Jan Ott", "Speech", "person")  # someone else's words
    media = [f.medium for f in refine_medium([release, after, said, other], RULES)]
    assert media == ["SW", "SW", "Speech", "Speech"]
    posted = framed("Auf Twitter schrieb die Ministerin", "Speech", "Ute Bader")
    media = [f.medium for f in refine_medium([posted, after], RULES)]
    assert media == ["Writing", "Writing"]
    # One channel each way: neither wins.
    media = [f.medium for f in refine_medium([release, posted, after], RULES)]
    assert media == ["SW", "Writing", "Speech"]


def test_a_channel_carries_in_the_whole_pipeline() -> None:
    import quotes

    extractor = quotes.Extractor("parse")
    text = (
        "Der Bauernverband hat die neuen Düngeregeln scharf kritisiert. In einer "
        "Pressemitteilung erklärte Verbandspräsident Joachim Rukwied, die Vorgaben seien "
        "praxisfern. Viele Betriebe könnten die Auflagen nicht erfüllen.\n\n"
        "Rukwied sagte am Abend, man werde notfalls vor Gericht ziehen.\n"
    )
    media = {
        a.quote.text: (a.medium, a.speaker.name if a.speaker else None)
        for a in extractor.extract(text)
        if a.kind != "reported"
    }
    assert media == {
        "die Vorgaben seien praxisfern": ("SW", "Joachim Rukwied"),
        "Viele Betriebe könnten die Auflagen nicht erfüllen.": ("SW", "Joachim Rukwied"),
        "man werde notfalls vor Gericht ziehen": ("Speech", "Joachim Rukwied"),
    }


def test_a_verb_of_writing_carries_like_a_channel() -> None:
    import attrs

    # "Bader schrieb, sie sehe keine Zukunft im Amt. Die Partei habe sie im Stich gelassen."
    wrote = attrs.evolve(frame("Ute Bader", "Writing"), cue=cued("schrieb", "Writing").cue)
    after = frame("Ute Bader", "Speech")
    assert [f.medium for f in refine_medium([wrote, after], RULES)] == ["Writing", "Writing"]
    # "beschrieb" is no verb of writing: nothing carries.
    described = attrs.evolve(frame("Ute Bader", "Speech"), cue=cued("beschrieb", "Speech").cue)
    assert [f.medium for f in refine_medium([described, after], RULES)] == ["Speech", "Speech"]


def test_a_spoken_frame_is_speech_and_takes_no_carried_channel() -> None:
    # "In einer Pressemitteilung erklärte Bader, … Im Interview erklärte Bader später, …"
    release = framed("In einer Pressemitteilung erklärte die Ministerin", "Speech", "Ute Bader")
    interview = framed("Im Interview erklärte Bader später", "SW", "Ute Bader")
    media = [f.medium for f in refine_medium([release, interview], RULES)]
    assert media == ["SW", "Speech"]
    # A compound ending in one counts ("im Fernsehinterview"); an interview carries nothing.
    tv = framed("Im Fernsehinterview erklärte die Ministerin", "SW", "Ute Bader")
    after = frame("Ute Bader", "SW", "unknown")  # not a person: person_medium does not apply
    assert [f.medium for f in refine_medium([tv, after], RULES)] == ["Speech", "SW"]


@pytest.mark.parametrize(
    ("cue", "medium", "expected"),
    [
        ("hieß es", "Writing", "SW"),  # "Aus dem Ministerium hieß es, …": said or announced
        ("Wie es hieß", "Writing", "SW"),
        ("heißt es", "Writing", "Writing"),  # "In dem Bericht heißt es, …": a text quoted
    ],
)
def test_what_was_said_is_said_or_written(cue: str, medium: str, expected: str) -> None:
    (refined,) = refine_medium([cued(cue, medium)], RULES)
    assert refined.medium == expected


def test_a_person_after_zufolge_stays_said_or_written() -> None:
    import attrs

    # "Der Bürgermeisterin zufolge soll die Brücke im Mai öffnen."
    base = frame("Der Bürgermeisterin", "SW", "person")
    after_zufolge = attrs.evolve(base, cue=cued("zufolge", "SW").cue)
    after_laut = attrs.evolve(base, cue=cued("laut", "SW").cue)  # "laut der Bürgermeisterin"
    media = [f.medium for f in refine_medium([after_zufolge, after_laut], RULES)]
    assert media == ["SW", "Speech"]


def test_words_to_journalists_take_no_carried_channel() -> None:
    # "Auf Twitter schrieb die Ministerin, … Am Abend erklärte Bader vor Journalisten, …"
    posted = framed("Auf Twitter schrieb die Ministerin", "Speech", "Ute Bader")
    for words in ("Am Abend erklärte Bader vor Journalisten", "Im Deutschlandradio erklärte sie"):
        spoken = framed(words, "Speech", "Ute Bader")
        assert [f.medium for f in refine_medium([posted, spoken], RULES)] == ["Writing", "Speech"]


def test_a_continuation_of_spoken_words_takes_no_carried_channel() -> None:
    import attrs

    def at(f: Frame, start: int) -> Frame:
        span = Span(start, start + 5, "abcde")
        return attrs.evolve(f, quote=span, content=span)

    # "Auf Twitter schrieb Bader, … Am Abend sagte Bader, … Die Fraktion stehe hinter ihr."
    posted = at(framed("Auf Twitter schrieb die Ministerin", "Speech", "Ute Bader"), 0)
    said = at(attrs.evolve(frame("Ute Bader", "Speech"), cue=cued("sagte", "Speech").cue), 10)
    after = at(frame("Ute Bader", "Speech"), 20)
    media = [f.medium for f in refine_medium([posted, said, after], RULES)]
    assert media == ["Writing", "Speech", "Speech"]
    # Without the spoken words between them the continuation takes the channel.
    media = [f.medium for f in refine_medium([posted, after], RULES)]
    assert media == ["Writing", "Writing"]


@pytest.mark.parametrize(
    ("words", "medium", "expected"),
    [
        ("Der Gutachter bemängelte in seinem Gutachten", "Speech", "Writing"),
        ("In der Notiz teilten die Anwohner mit", "SW", "Writing"),
        # The adjective before the noun belongs to the phrase.
        (
            "Die Forscherin berichtete in der Münchner Fachzeitung „Welt der Bienen“",
            "Speech",
            "Writing",
        ),
        (
            "Der Bürgermeister hat die Wahl in einer Mail an den Stadtrat bestätigt",
            "Speech",
            "Writing",
        ),
        # An interview with a paper is spoken: the preposition's noun is "Interview".
        ("Im Interview mit der Tageszeitung erklärte der Trainer", "Speech", "Speech"),
        # Words to a paper, without a preposition, are spoken too.
        ("Der Trainer erklärte der Zeitung", "Speech", "Speech"),
    ],
)
def test_a_frame_with_a_publication_writes(words: str, medium: str, expected: str) -> None:
    (refined,) = refine_medium([framed(words, medium)], RULES)
    assert refined.medium == expected


def test_a_publication_does_not_override_a_verb_of_speaking() -> None:
    import attrs

    # "Im „Bericht aus Bonn“ sagte die Ministerin, …": a broadcast, spoken.
    said = attrs.evolve(
        framed("Im „Bericht aus Bonn“ sagte die Ministerin", "Speech"),
        cue=cued("sagte", "Speech").cue,
    )
    (refined,) = refine_medium([said], RULES)
    assert refined.medium == "Speech"


def test_a_publication_carries_to_the_speakers_other_quotations() -> None:
    # "Die Gutachterin kritisierte in ihrem Gutachten, … Die Planung sei lückenhaft."
    wrote = framed("Die Gutachterin kritisierte in ihrem Gutachten", "Speech", "Eva Lorenz")
    after = frame("Eva Lorenz", "Speech")
    assert [f.medium for f in refine_medium([wrote, after], RULES)] == ["Writing", "Writing"]


def test_a_publication_writes_in_the_whole_pipeline() -> None:
    import quotes

    extractor = quotes.Extractor("parse")
    text = (
        "Die Gutachterin Eva Lorenz kritisierte in ihrem Gutachten, die Planung der "
        "Umgehungsstraße sei lückenhaft. Die Kosten seien zu niedrig angesetzt.\n\n"
        "Im Interview mit der Tageszeitung erklärte Bürgermeister Paul Reiter, man werde das "
        "Gutachten prüfen.\n"
    )
    media = {a.quote.text: a.medium for a in extractor.extract(text) if a.kind != "reported"}
    assert media == {
        "die Planung der Umgehungsstraße sei lückenhaft": "Writing",
        "Die Kosten seien zu niedrig angesetzt.": "Writing",
        "man werde das Gutachten prüfen": "Speech",
    }


@pytest.mark.parametrize(
    "cue", ["forderte", "fordert", "kritisierte", "hatte … kritisiert", "lehnte … ab", "abgelehnt"]
)
def test_a_persons_demand_or_criticism_stays_said_or_written(cue: str) -> None:
    import attrs

    # "Die Bürgermeisterin forderte, die Brücke müsse bis Mai öffnen."
    base = frame("Die Bürgermeisterin", "SW", "person")
    (refined,) = refine_medium([attrs.evolve(base, cue=cued(cue, "SW").cue)], RULES)
    assert refined.medium == "SW"


def test_a_passive_demand_is_no_statement_of_a_person() -> None:
    import attrs

    # "Von der Ministerin wurde gefordert, …": not a cue word that keeps SW.
    base = frame("der Ministerin", "SW", "person")
    (refined,) = refine_medium([attrs.evolve(base, cue=cued("gefordert", "SW").cue)], RULES)
    assert refined.medium == "Speech"


def test_demands_are_said_or_written_in_the_whole_pipeline() -> None:
    import quotes

    extractor = quotes.Extractor("parse")
    text = (
        "Die Bürgermeisterin Anna Keller forderte, das Land müsse die Sanierung der Brücke "
        "bezahlen. Keller sagte am Abend, sie rechne mit einer Einigung.\n"
    )
    media = {a.quote.text: a.medium for a in extractor.extract(text) if a.kind != "reported"}
    assert media == {
        "das Land müsse die Sanierung der Brücke bezahlen": "SW",
        "sie rechne mit einer Einigung": "Speech",
    }


def test_a_refusal_is_said_or_written_in_the_whole_pipeline() -> None:
    import quotes

    extractor = quotes.Extractor("parse")
    text = "Bürgermeister Jan Ott lehnte es ab, die Gebühren für die Kitas zu senken.\n"
    media = {a.quote.text: a.medium for a in extractor.extract(text)}
    assert media == {"die Gebühren für die Kitas zu senken": "SW"}


def test_an_opinion_held_is_said_or_thought_in_the_whole_pipeline() -> None:
    import quotes

    extractor = quotes.Extractor("parse")
    text = (
        "Der Anwalt Jan Ott vertritt die Auffassung, das Urteil sei falsch.\n"
        "Die Gewerkschaft hatte die Position vertreten, die Löhne müssten steigen.\n"
    )
    media = {a.quote.text: a.medium for a in extractor.extract(text)}
    assert media == {"das Urteil sei falsch": "ST", "die Löhne müssten steigen": "ST"}


def test_an_organisations_declaration_is_said_or_written() -> None:
    import attrs

    # "Das Ministerium erklärte, …" is a statement; "Die Ministerin erklärte, …" is spoken.
    office = attrs.evolve(
        frame("Das Ministerium", "Speech", "organization"), cue=cued("erklärte", "Speech").cue
    )
    minister = attrs.evolve(
        frame("Die Ministerin", "Speech", "person"), cue=cued("erklärte", "Speech").cue
    )
    group = attrs.evolve(
        frame("Die Anwohner", "Speech", "group"), cue=cued("erklärten", "Speech").cue
    )
    media = [f.medium for f in refine_medium([office, minister, group], RULES)]
    assert media == ["SW", "Speech", "Speech"]


def test_an_organisations_declaration_in_the_whole_pipeline() -> None:
    import quotes

    extractor = quotes.Extractor("parse")
    text = (
        "Das Umweltministerium erklärte, die Werte im Fluss seien unbedenklich.\n"
        "Umweltminister Jan Ott erklärte am Abend, er werde die Messungen prüfen lassen.\n"
    )
    media = {a.quote.text: a.medium for a in extractor.extract(text)}
    assert media == {
        "die Werte im Fluss seien unbedenklich": "SW",
        "er werde die Messungen prüfen lassen": "Speech",
    }


def test_a_broadcaster_after_laut_stays_said_or_written() -> None:
    import attrs

    # "Laut ZDF soll die Sendung im Mai starten." vs "Das ZDF berichtete, …".
    zdf = frame("ZDF", "SW", "outlet")
    after_laut = attrs.evolve(zdf, cue=cued("Laut", "SW").cue)
    reported = attrs.evolve(zdf, cue=cued("berichtete", "SW").cue)
    assert RULES.of_outlet("SW", "broadcaster", after_laut) == "SW"
    assert RULES.of_outlet("SW", "broadcaster", reported) == "Speech"
    assert RULES.of_outlet("SW", "outlet", after_laut) == "Writing"  # "laut Spiegel"
