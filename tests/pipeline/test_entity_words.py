"""The closed word classes of entity resolution are rules data (speakers.toml), validated
at load: articles, name links, attribute links, adjective endings (issue 7 §1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes import RulesError
from quotes.pipeline.entity_lexicon import Lexicon
from quotes.rules import load_rules

NEW_KEYS = (
    "definite_articles",
    "role_articles",
    "oblique_case_articles",
    "name_links",
    "attribute_links",
)


@pytest.mark.parametrize("key", NEW_KEYS)
def test_a_bad_value_names_the_file_and_the_key(tmp_path: Path, key: str) -> None:
    path = tmp_path / "speakers.toml"
    path.write_text(f"{key} = 5\n", encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules("de", [tmp_path])
    message = str(caught.value)
    assert str(path) in message and f"key '{key}'" in message
    assert "expected a list of strings" in message


def test_the_lexicon_reads_the_shipped_words() -> None:
    lex = Lexicon.from_rules(load_rules("de"))
    assert lex.definite_articles == {"der", "die", "das", "den", "dem", "des"}
    assert lex.role_articles == lex.definite_articles - {"das"}
    assert {"dem", "eines"} <= lex.oblique_case_articles
    assert {"für", "von", "zu"} <= lex.name_links
    assert {"von", "mit", "gegen"} <= lex.attribute_links
    # The surface search's adjective endings, and the same longest first for stripping.
    assert set(lex.adjective_endings) == {"e", "en", "er", "es", "em"}
    lengths = [len(e) for e in lex.adjective_endings_longest_first]
    assert lengths == sorted(lengths, reverse=True)


def test_a_noun_of_origin_is_a_role_as_a_whole_word_only() -> None:
    lex = Lexicon.from_rules(load_rules("de"))
    assert lex.role_of("Lette") == ("lette", "m")
    assert lex.role_of("Lettin") == ("lette", "f")
    assert lex.role_of("Letten") == ("lette", "m")
    assert lex.role_of("Palette") is None
    assert lex.is_demonym("lette") and not lex.is_demonym("minister")
