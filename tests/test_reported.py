"""Reported speech that is no speech act (quotes/detectors/reported.py), on fresh sentences.

A hand-made parse checks the rule itself (no trained model needed); the shipped model runs
the same sentences where it is installed.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

import quotes
from quotes.detectors.reported import NotSpeech
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
    ],
)
def test_the_same_verbs_as_speech_acts_stay(parse_extractor: quotes.Extractor, text: str) -> None:
    assert [a.kind for a in parse_extractor.extract(text)] == ["reported"]
