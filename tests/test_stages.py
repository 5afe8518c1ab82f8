"""The compiled stages: one compile point per rule set (quotes.stages)."""

from __future__ import annotations

import attrs

import quotes
from quotes.document import Document
from quotes.pipeline.outlets.chains import ChainBuilder
from quotes.rules import load_rules
from quotes.stages import Stages, compiled_stages


def test_the_stages_are_compiled_once_per_rule_set() -> None:
    rules = load_rules("de")
    assert compiled_stages(rules) is compiled_stages(rules)
    first, second = quotes.Extractor("rules"), quotes.Extractor("rules")
    assert first._speakers is second._speakers
    assert first._outlets is second._outlets
    assert first._mentions.lexicon is first._speakers.lexicon


def test_plain_rule_data_is_compiled_on_each_call() -> None:
    data = dict(load_rules("de").items())
    assert isinstance(compiled_stages(data), Stages)
    assert compiled_stages(data) is not compiled_stages(data)


def test_the_chain_builder_keeps_no_cache() -> None:
    assert [f.name for f in attrs.fields(ChainBuilder)] == ["_compiled"]


def test_a_chain_is_the_same_from_a_list_and_from_a_tuple() -> None:
    extractor = quotes.Extractor("rules")
    text = "„Wir sind bereit“, sagte der Minister der Nachrichtenagentur Reuters."
    doc = Document.build(text, extractor._splitter)
    mentions = extractor._outlets.find(doc)
    assert mentions
    as_tuple = extractor._outlets.via(doc, tuple(mentions), 0, len(text))
    as_list = extractor._outlets.via(doc, list(mentions), 0, len(text))
    assert as_tuple == as_list
    assert [s.name for s in as_tuple] == ["Reuters"]
