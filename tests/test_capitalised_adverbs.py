"""A capitalised word inside a sentence that the tagger took for an adverb is read as a
name (German writes adverbs in lower case there): "…, sagte Schuch." kept no speaker."""

from __future__ import annotations

import pytest

import quotes
from quotes.parse.labels import capitalised_adverbs_as_names


def test_a_capitalised_adverb_inside_a_sentence_becomes_a_proper_noun() -> None:
    forms = ["Dennoch", "sagte", "Schuch", ":", "Heute", "nicht", ".", "Trotzdem", "ging", "er"]
    upos = ["ADV", "VERB", "ADV", "PUNCT", "ADV", "PART", "PUNCT", "ADV", "VERB", "PRON"]
    tags = ["ADV", "VVFIN", "ADV", "$.", "ADV", "PTKNEG", "$.", "ADV", "VVFIN", "PPER"]
    capitalised_adverbs_as_names(forms, upos, tags, [0, 7])
    # Only "Schuch": sentence starts and the word after a colon keep their tags.
    assert upos == ["ADV", "VERB", "PROPN", "PUNCT", "ADV", "PART", "PUNCT", "ADV", "VERB", "PRON"]
    assert tags[2] == "NE" and tags[4] == "ADV" and tags[7] == "ADV"


def test_a_surname_the_tagger_calls_an_adverb_is_the_speaker() -> None:
    pytest.importorskip("spacy")
    extractor = quotes.Extractor("parse")
    text = (
        "Berlin – Diakonie-Präsident Rüdiger Schuch forderte eine Reform der Pflege. "
        "„Wir können nicht länger warten“, sagte Schuch."
    )
    (direct,) = [a for a in extractor.extract(text) if a.kind == "direct"]
    assert direct.speaker is not None
    assert direct.speaker.mention is not None and direct.speaker.mention.text == "Schuch"
    assert direct.speaker.name == "Rüdiger Schuch"
