"""One reading of a noun phrase's parts (issue 7 §1): the surface chunker of the rules
pipeline and the parse-based mention_of both split a phrase with mention_parts; what
differs between them is the words they pass and two predicates."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pytest

from quotes import RulesError
from quotes.document import tokenize
from quotes.pipeline.entity_lexicon import Lexicon
from quotes.pipeline.mention import Mention
from quotes.pipeline.mention_parts import PartWords, mention_parts
from quotes.pipeline.speaker_words import SurfaceWords
from quotes.pipeline.speakers.noun_phrases import NounPhrases
from quotes.rules import load_rules

WORDS = PartWords(
    determiners=frozenset({"der", "die", "des"}),
    genitive_openers=frozenset({"des", "der", "von"}),
    name_particles=frozenset({"bin"}),
    singular_determiners=frozenset({"der", "des"}),
)


def _split(words: list[str], modifiers: Collection[str] = (), plural: bool = False) -> Mention:
    text = " ".join(words)
    return mention_parts(
        words,
        0,
        len(text),
        text,
        WORDS,
        pronouns=("er", "sie"),
        is_modifier=lambda k: words[k] in modifiers,
        is_plural=lambda _k, _head: plural,
    )


def test_determiner_adjectives_head() -> None:
    mention = _split(["der", "russische", "Präsident", "Wladimir", "Putin"], {"russische"})
    assert mention.determiner == "der"
    assert mention.adjectives == ("russische",)
    assert mention.head == ("Präsident", "Wladimir", "Putin")
    assert mention.genitive == mention.apposition == ()


def test_genitive_and_apposition() -> None:
    mention = _split(["Sprecher", "des", "Amtes", ",", "Maria", "Sacharowa"])
    assert mention.head == ("Sprecher",)
    assert mention.genitive == ("des", "Amtes")
    assert mention.apposition == ("Maria", "Sacharowa")
    bracket = _split(["Renate", "Schmidt", "(", "SPD", ")"])
    assert bracket.head == ("Renate", "Schmidt") and bracket.apposition == ("SPD",)


def test_a_particle_inside_a_name_and_a_pronoun() -> None:
    assert _split(["Osama", "bin", "Laden"]).head == ("Osama", "bin", "Laden")
    mention = _split(["Er"])
    assert mention.pronoun == "Er" and mention.head == ()


def test_the_plural_needs_the_callers_answer_and_no_singular_determiner() -> None:
    assert _split(["die", "Behörden"], plural=True).plural
    assert not _split(["der", "Behörden"], plural=True).plural
    assert not _split(["die", "Behörden"], plural=False).plural


def test_the_surface_chunker_splits_with_mention_parts() -> None:
    rules = load_rules("de")
    lex = Lexicon.from_rules(rules)
    phrases = NounPhrases(lex, SurfaceWords.from_rules(rules))
    text = "der Sprecher des Auswärtigen Amtes, Martin Jäger, sagte"
    tokens = tokenize(text)
    phrase = phrases.parse(tokens, 0, len(tokens))
    assert phrase is not None
    assert phrase.mention == phrases.mention(tokens, phrase.first, phrase.last)
    assert phrase.mention.head == ("Sprecher",)
    assert phrase.mention.genitive == ("des", "Auswärtigen", "Amtes")
    assert phrase.mention.apposition == ("Martin", "Jäger")


@pytest.mark.parametrize(
    "key", ["genitive_articles", "role_genitive_articles", "strong_adjective_endings"]
)
def test_a_bad_value_names_the_file_and_the_key(tmp_path: Path, key: str) -> None:
    path = tmp_path / "speakers.toml"
    path.write_text(f"{key} = 5\n", encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules("de", [tmp_path])
    message = str(caught.value)
    assert str(path) in message and f"key '{key}'" in message


def test_strong_endings_are_keyed_by_gender(tmp_path: Path) -> None:
    (tmp_path / "speakers.toml").write_text(
        'strong_adjective_endings = { x = "er" }\n', encoding="utf-8"
    )
    with pytest.raises(RulesError) as caught:
        load_rules("de", [tmp_path])
    assert "strong_adjective_endings" in str(caught.value)
