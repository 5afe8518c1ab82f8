"""Inflection endings as rules data, validated at load (issue 7 §1): of outlet type nouns
(outlets.toml [type_names] endings) and of title and term nouns (quotations.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes import RulesError
from quotes.pipeline.outlets.compiled import compile_rules
from quotes.rules import load_rules


def test_a_bad_value_names_the_file_and_the_key(tmp_path: Path) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text("[type_names]\nendings = 5\n", encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules("de", [tmp_path])
    message = str(caught.value)
    assert str(path) in message and "key 'endings'" in message


def test_the_compiled_rules_take_the_endings() -> None:
    compiled = compile_rules(load_rules("de"))
    assert compiled.type_noun_endings == ("", "es", "en", "s", "n")


def test_title_noun_endings_are_validated_and_read(tmp_path: Path) -> None:
    from quotes.pipeline.quotations import QuotedClassifier

    path = tmp_path / "quotations.toml"
    path.write_text("noun_endings = 5\n", encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules("de", [tmp_path])
    assert str(path) in str(caught.value) and "key 'noun_endings'" in str(caught.value)
    classifier = QuotedClassifier.from_rules(load_rules("de"))
    assert classifier.title_nouns.endings == ("es", "s", "n", "e", "en")
    assert "Magazins" in classifier.title_nouns  # Magazin + genitive -s


def test_the_last_words_of_a_name_are_rules_data(tmp_path: Path) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text("[type_names]\nnot_last_words = 5\n", encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules("de", [tmp_path])
    assert str(path) in str(caught.value) and "key 'not_last_words'" in str(caught.value)
    assert {"of", "the", "Die"} <= compile_rules(load_rules("de")).not_last_words


def test_the_articles_that_may_start_a_name_are_rules_data(tmp_path: Path) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text("[type_names]\nname_articles = 5\n", encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules("de", [tmp_path])
    assert str(path) in str(caught.value) and "key 'name_articles'" in str(caught.value)
    assert compile_rules(load_rules("de")).name_articles == {"Die", "Der", "Das"}
