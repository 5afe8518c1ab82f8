"""Reported speech that is no speech act (quotes/detectors/reported.py), on fresh sentences.

A hand-made parse checks the rule itself (no trained model needed); the shipped model runs
the same sentences where it is installed.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

import quotes
from quotes.detectors.reported import NotSpeech, subject_after_finite
from quotes.detectors.syntax import NounPhraseWords
from quotes.parse import ParsedDoc, from_spacy
from quotes.rules import load_rules

NOT_SPEECH = NotSpeech.from_rules(load_rules("de"))
FIN_PRES = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"


def parsed(words: list[tuple[str, str, str, str, int, str, str]]) -> ParsedDoc:
    """A ParsedDoc of one sentence from (word, lemma, UPOS, tag, head, dep, morph) rows."""
    text = " ".join(w[0] for w in words)
    doc = Doc(
        Vocab(),
        words=[w[0] for w in words],
        spaces=[True] * (len(words) - 1) + [False],
        lemmas=[w[1] for w in words],
        pos=[w[2] for w in words],
        tags=[w[3] for w in words],
        heads=[w[4] for w in words],
        deps=["ROOT" if w[4] == i else w[5] for i, w in enumerate(words)],
        morphs=[w[6] for w in words],
    )
    return from_spacy(doc, text)


def test_a_bare_singular_noun_after_the_verb_is_no_speaker() -> None:
    # The parser's reading of a headline: "Kompromiss" the subject of "verteidigt".
    doc = parsed(
        [
            ("Habeck", "Habeck", "PROPN", "NE", 1, "nsubj", "Case=Nom|Number=Sing"),
            ("verteidigt", "verteidigen", "VERB", "VVFIN", 1, "root", FIN_PRES),
            ("Kompromiss", "Kompromiss", "PROPN", "NN", 1, "nsubj", "Case=Nom|Number=Sing"),
        ]
    )
    assert NOT_SPEECH.rules_out(doc, 0, 3, 1, "kritisieren", (2, 3))
    # The name before the verb is a speaker the rule leaves alone.
    assert not NOT_SPEECH.rules_out(doc, 0, 3, 1, "kritisieren", (0, 1))


def test_a_name_the_tagger_calls_a_common_noun_stays_after_an_adverb() -> None:
    # "Zudem lobte Putin …": no name before the verb, so "Putin" (tagged NN) stays.
    doc = parsed(
        [
            ("Zudem", "zudem", "ADV", "PAV", 1, "advmod", ""),
            ("lobte", "loben", "VERB", "VVFIN", 1, "root", FIN_PRES),
            ("Putin", "Putin", "NOUN", "NN", 1, "nsubj", "Case=Nom|Number=Sing"),
            ("den", "der", "DET", "ART", 4, "det", "Case=Acc|Number=Sing"),
            ("Plan", "Plan", "NOUN", "NN", 1, "obj", "Case=Acc|Number=Sing"),
        ]
    )
    assert not NOT_SPEECH.rules_out(doc, 0, 5, 1, "loben", (2, 3))


def test_an_article_or_a_plural_keeps_the_speaker() -> None:
    doc = parsed(
        [
            ("Den", "der", "DET", "ART", 1, "det", "Case=Acc|Number=Sing"),
            ("Plan", "Plan", "NOUN", "NN", 2, "obj", "Case=Acc|Number=Sing"),
            ("kritisieren", "kritisieren", "VERB", "VVFIN", 2, "root", FIN_PRES),
            ("Umweltschützer", "Umweltschützer", "NOUN", "NN", 2, "nsubj", "Number=Plur"),
            ("und", "und", "CCONJ", "KON", 6, "cc", ""),
            ("die", "der", "DET", "ART", 6, "det", "Case=Nom|Number=Sing"),
            ("Opposition", "Opposition", "NOUN", "NN", 3, "conj", "Case=Nom|Number=Sing"),
        ]
    )
    assert not NOT_SPEECH.rules_out(doc, 0, 7, 2, "kritisieren", (3, 4))  # plural
    assert not NOT_SPEECH.rules_out(doc, 0, 7, 2, "kritisieren", (5, 7))  # with its article


def test_a_headline_object_is_no_reported_speaker(parse_extractor: quotes.Extractor) -> None:
    text = "Streit um Heizungsgesetz: Habeck verteidigt Kompromiss"
    speakers = [
        a.speaker.mention.text
        for a in parse_extractor.extract(text)
        if a.speaker is not None and a.speaker.mention is not None
    ]
    assert "Kompromiss" not in speakers
    found = parse_extractor.extract("Die Gewerkschaft kritisierte den Kompromiss scharf.")
    assert [(a.kind, a.speaker and a.speaker.name) for a in found] == [("reported", "Gewerkschaft")]


@pytest.mark.parametrize(
    "text",
    [
        "Auch seine Schwester hatte er wiederholt geschlagen.",  # an adverb, not "wiederholen"
        "Im Ort scheint es noch eine kleine Gruppe von Anhängern zu geben.",  # not "zugeben"
        # The noun that tells the other sense stands before the clause of the verb.
        "Mindestens 300 Menschenleben, nach anderen Quellen bis zu 900, forderte das Beben.",
        # A danger, no threat made ("drohen" needs "mit").
        "Den Stadtwerken droht ab Montag ein unbefristeter Streik.",
        "Dem Trainer droht nach der dritten Niederlage die Entlassung.",
        "Die Mannschaft bestreitet am Sonntag ihr letztes Heimspiel.",
    ],
)
def test_words_that_are_no_speech_act_here(parse_extractor: quotes.Extractor, text: str) -> None:
    assert [a.kind for a in parse_extractor.extract(text) if a.kind == "reported"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Der Landrat hat den Fehler am Dienstag zugegeben.",
        "Die Gewerkschaft hatte wiederholt höhere Löhne gefordert.",
        "Zudem lobte Putin die Haltung der neuen Regierung.",
        "Die Gewerkschaft drohte mit einem unbefristeten Streik.",
        "Der Konzern bestreitet zum Beispiel jede Absprache.",
    ],
)
def test_the_same_verbs_as_speech_acts_stay(parse_extractor: quotes.Extractor, text: str) -> None:
    assert [a.kind for a in parse_extractor.extract(text)] == ["reported"]


PRONOUNS = frozenset({"er", "sie", "wir", "ich"})
PHRASES = NounPhraseWords.from_rules(load_rules("de"))
FIN_PAST = "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"


def test_the_speaker_after_the_verb_when_the_fronted_object_was_taken_for_the_subject() -> None:
    # The parser's reading of an object-first sentence: "Die Tat" the subject.
    doc = parsed(
        [
            ("Die", "der", "DET", "ART", 1, "det", "Case=Nom|Number=Sing"),
            ("Tat", "Tat", "NOUN", "NN", 2, "nsubj", "Case=Nom|Number=Sing"),
            ("bezeichnete", "bezeichnen", "VERB", "VVFIN", 2, "root", FIN_PAST),
            ("er", "er", "PRON", "PPER", 2, "nsubj", "Case=Nom|Number=Sing"),
            ("als", "als", "ADP", "KOKOM", 5, "case", ""),
            ("sinnlos", "sinnlos", "ADJ", "ADJD", 2, "advmod", ""),
        ]
    )
    assert subject_after_finite(doc, 0, 6, 2, (0, 2), PRONOUNS) == (3, 4)
    # A subject after the verb is no fronted object; an object pronoun is no speaker.
    assert subject_after_finite(doc, 0, 6, 2, (3, 4), PRONOUNS) is None
    assert subject_after_finite(doc, 0, 6, 2, (0, 2), frozenset({"sie"})) is None


def test_a_name_after_the_auxiliary_is_the_speaker_of_the_participle() -> None:
    # "Den Plan hat Müller Schmidt scharf kritisiert": no subject in the parse.
    doc = parsed(
        [
            ("Den", "der", "DET", "ART", 1, "det", "Case=Acc|Number=Sing"),
            ("Plan", "Plan", "NOUN", "NN", 6, "obj", "Case=Acc|Number=Sing"),
            ("hat", "haben", "AUX", "VAFIN", 6, "aux", FIN_PRES),
            ("Gerda", "Gerda", "PROPN", "NE", 6, "obj", "Case=Acc|Number=Sing"),
            ("Müller", "Müller", "PROPN", "NE", 3, "flat", "Case=Acc|Number=Sing"),
            ("scharf", "scharf", "ADJ", "ADJD", 6, "advmod", ""),
            ("kritisiert", "kritisieren", "VERB", "VVPP", 6, "root", "VerbForm=Part"),
        ]
    )
    assert subject_after_finite(doc, 0, 7, 6, None, PRONOUNS) == (3, 5)
    # A comma between the fronted phrase and the finite verb: two clauses.
    comma = parsed(
        [
            ("Gestern", "gestern", "ADV", "ADV", 3, "advmod", ""),
            (",", ",", "PUNCT", "$,", 0, "punct", ""),
            ("hieß", "heißen", "VERB", "VVFIN", 3, "advcl", FIN_PAST),
            ("kritisierte", "kritisieren", "VERB", "VVFIN", 3, "root", FIN_PAST),
            ("Gerda", "Gerda", "PROPN", "NE", 3, "obj", "Case=Acc|Number=Sing"),
        ]
    )
    assert subject_after_finite(comma, 0, 5, 3, (0, 1), PRONOUNS) is None


def test_the_second_subject_after_an_adverb_taken_for_the_subject() -> None:
    # "Gleichzeitig forderte der CDU-Vorsitzende …": the tagger's "der" is dative, the
    # parser's second subject of the verb is the noun.
    doc = parsed(
        [
            ("Gleichzeitig", "gleichzeitig", "ADV", "ADV", 1, "nsubj", ""),
            ("forderte", "fordern", "VERB", "VVFIN", 1, "root", FIN_PAST),
            ("der", "der", "DET", "ART", 3, "det", "Case=Dat|Number=Sing"),
            ("Vorsitzende", "Vorsitzende", "NOUN", "NN", 1, "nsubj", "Number=Sing"),
            ("eine", "ein", "DET", "ART", 5, "det", "Case=Acc|Number=Sing"),
            ("Abstimmung", "Abstimmung", "NOUN", "NN", 1, "obj", "Case=Acc|Number=Sing"),
        ]
    )
    assert NOT_SPEECH.speaker_after_fronted(doc, 0, 6, 1, (0, 1), True, PRONOUNS, PHRASES) == (2, 4)
    # Neither nominative nor the parser's subject: no speaker.
    dative = parsed(
        [
            ("Gestern", "gestern", "ADV", "ADV", 1, "nsubj", ""),
            ("drohte", "drohen", "VERB", "VVFIN", 1, "root", FIN_PAST),
            ("dem", "der", "DET", "ART", 3, "det", "Case=Dat|Number=Sing"),
            ("Verein", "Verein", "NOUN", "NN", 1, "iobj", "Case=Dat|Number=Sing"),
        ]
    )
    assert (
        NOT_SPEECH.speaker_after_fronted(dative, 0, 4, 1, (0, 1), True, PRONOUNS, PHRASES) is None
    )


def test_a_coordinated_name_after_the_verb_is_one_speaker() -> None:
    # The seeds' "Zurückblickend auf … kündigten Trump und Putin bereits Verhandlungen …
    # an": the parser made the participle the subject and "Trump und Putin" objects.
    doc = parsed(
        [
            ("Zurückblickend", "Zurückblickend", "NOUN", "NN", 1, "nsubj", "Case=Nom"),
            ("kündigten", "ankündigen", "VERB", "VVFIN", 1, "root", FIN_PAST),
            ("Trump", "Trump", "PROPN", "NE", 1, "obj", "Case=Acc|Number=Sing"),
            ("und", "und", "CCONJ", "KON", 4, "cc", ""),
            ("Putin", "Putin", "NOUN", "NN", 2, "conj", "Case=Acc|Number=Sing"),
            ("bereits", "bereits", "ADV", "ADV", 6, "advmod", ""),
            ("Verhandlungen", "Verhandlung", "NOUN", "NN", 1, "obj", "Case=Acc|Number=Plur"),
            ("an", "an", "ADP", "PTKVZ", 1, "compound:prt", ""),
        ]
    )
    assert subject_after_finite(doc, 0, 8, 1, (0, 1), PRONOUNS) == (2, 5)


def test_only_a_pronoun_that_is_always_a_subject_replaces_a_speaker_that_can_speak() -> None:
    rows = [
        ("Die", "der", "DET", "ART", 1, "det", "Case=Nom|Number=Sing"),
        ("Kanzlerin", "Kanzlerin", "NOUN", "NN", 2, "nsubj", "Case=Nom|Number=Sing"),
        ("kritisierte", "kritisieren", "VERB", "VVFIN", 2, "root", FIN_PAST),
        ("er", "er", "PRON", "PPER", 2, "nsubj", "Case=Nom|Number=Sing"),
    ]
    doc = parsed(rows)
    assert NOT_SPEECH.speaker_after_fronted(doc, 0, 4, 2, (0, 2), True, PRONOUNS) == (3, 4)
    rows[3] = ("sie", "sie", "PRON", "PPER", 2, "obj", "Case=Nom|Number=Sing")
    assert NOT_SPEECH.speaker_after_fronted(parsed(rows), 0, 4, 2, (0, 2), True, PRONOUNS) is None
    # A subject that cannot speak gives way to either.
    assert NOT_SPEECH.speaker_after_fronted(parsed(rows), 0, 4, 2, (0, 2), False, PRONOUNS) == (
        3,
        4,
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Tat bezeichnete er als sinnlos.", "er"),
        ("Die Entscheidung nannte sie einen Fehler.", "sie"),
        # The parser's subject can speak, but "er" is only ever a subject.
        ("Die Kanzlerin kritisierte er scharf.", "er"),
        # An adverb taken for the subject: the noun phrase after the verb speaks.
        (
            "Gleichzeitig empfahl der ehemalige Umweltminister Jürgen Trittin den Umstieg.",
            "der ehemalige Umweltminister Jürgen Trittin",
        ),
        ("Den Vorschlag kritisierte Merkel scharf.", "Merkel"),
    ],
)
def test_object_first_sentences_keep_their_speaker(
    parse_extractor: quotes.Extractor, text: str, speaker: str
) -> None:
    found = [a for a in parse_extractor.extract(text) if a.kind == "reported"]
    assert [a.speaker.mention.text for a in found if a.speaker and a.speaker.mention] == [speaker]


def test_a_back_reference_is_no_reported_speech(parse_extractor: quotes.Extractor) -> None:
    # "Dies teilte X mit": the sentence before is the content, no fronted object.
    text = "Die Wahl sei frei gewesen. Dies teilte der Vorsitzende der Wahlkommission mit."
    assert "reported" not in [a.kind for a in parse_extractor.extract(text)]
