"""Fuzzing the pipeline with text (issue 9 §9): real articles mutated, and any string.

For every input, on the rules and on the parse backend: no exception, every span exact
(``text[s.start:s.end] == s.text``) and every promise of :func:`quotes.testing.check_invariants`,
the same result from a second call and a second Extractor, the JSON round-trip, and
``pipe()`` giving what ``extract()`` gives. The spaCy component (rules backend, a blank
pipeline) gives the Extractor's records, and its spans have their records' offsets.

Budgets: see ``tests/fuzz_helpers.py`` (``QUOTES_FUZZ=long`` for a long run).
"""

from __future__ import annotations

import json

import pytest
from fuzz_helpers import Mutated, fuzz, mutated_articles, seed_texts
from hypothesis import given
from hypothesis import strategies as st

import quotes
from quotes import Extractor, from_dict
from quotes.strategies import texts
from quotes.testing import check_invariants

OTHER = "„Wir sind bereit“, sagte Olaf Scholz laut Tass. Er sagte, er sei müde."


@pytest.fixture(scope="module")
def rules() -> tuple[Extractor, Extractor]:
    return Extractor("rules"), Extractor("rules")


@pytest.fixture(scope="module")
def parse() -> Extractor:
    if quotes.default_backend() != "parse":
        pytest.skip("the shipped model is not installed")
    return Extractor("parse")


def check_all(text: str, extractor: Extractor, second: Extractor | None = None) -> list:
    """The properties every input must keep; returns the attributions."""
    found = extractor.extract(text)
    check_invariants(text, found)
    # Deterministic, and no state carried from one text to the next.
    extractor.extract(OTHER)
    assert extractor.extract(text) == found
    if second is not None:
        assert second.extract(text) == found
    # The JSON round-trip, record by record and as the library writes it.
    for record in found:
        assert from_dict(json.loads(json.dumps(record.to_dict()))) == record
    assert [from_dict(d) for d in json.loads(quotes.to_json(found))] == found
    return found


def check_pipe(texts_: list[str], extractor: Extractor) -> None:
    """pipe() batches documents (and their parse) and gives each what extract() gives."""
    assert list(extractor.pipe(texts_, batch_size=2)) == [extractor.extract(t) for t in texts_]


# -- real articles, mutated ------------------------------------------------------------------
def test_the_seed_articles_keep_every_property(
    rules: tuple[Extractor, Extractor], parse: Extractor
) -> None:
    for text in seed_texts():
        assert check_all(text, *rules)  # every seed article holds quotations
        assert check_all(text, parse)
    check_pipe(list(seed_texts()), rules[0])


@fuzz(25)
@given(mutated_articles())
def test_mutated_articles_on_the_rules_backend(
    rules: tuple[Extractor, Extractor], article: Mutated
) -> None:
    check_all(article.text, *rules)


@fuzz(8)
@given(st.lists(mutated_articles(), min_size=2, max_size=3))
def test_mutated_articles_through_pipe_on_the_rules_backend(
    rules: tuple[Extractor, Extractor], articles: list[Mutated]
) -> None:
    check_pipe([a.text for a in articles], rules[0])


@fuzz(8)
@given(mutated_articles(max_chars=1_500))
def test_mutated_articles_on_the_parse_backend(parse: Extractor, article: Mutated) -> None:
    found = check_all(article.text, parse)
    # The default extractor is a second parse Extractor, built apart from this one.
    assert quotes.extract(article.text) == found


@fuzz(3)
@given(st.lists(mutated_articles(max_chars=800), min_size=2, max_size=3))
def test_mutated_articles_through_pipe_on_the_parse_backend(
    parse: Extractor, articles: list[Mutated]
) -> None:
    check_pipe([a.text for a in articles], parse)


# -- any string ---------------------------------------------------------------------------
@fuzz(25)
@given(st.one_of(texts(), st.text(st.characters(exclude_categories=()), max_size=200)))
def test_any_string_on_the_rules_backend(rules: tuple[Extractor, Extractor], text: str) -> None:
    check_all(text, *rules)


@fuzz(6)
@given(st.one_of(texts(), st.text(st.characters(exclude_categories=()), max_size=200)))
def test_any_string_on_the_parse_backend(parse: Extractor, text: str) -> None:
    check_all(text[:3_000], parse)


# -- the spaCy component --------------------------------------------------------------------
@pytest.fixture(scope="module")
def component() -> object:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("de")
    nlp.add_pipe("quotes", config={"backend": "rules"})
    return nlp


@fuzz(15)
@given(mutated_articles())
def test_mutated_articles_through_the_spacy_component(
    component: object, rules: tuple[Extractor, Extractor], article: Mutated
) -> None:
    text = article.text
    doc = component(text)  # type: ignore[operator]
    assert doc.text == text
    records = list(doc._.quotes)
    assert records == rules[0].extract(text)
    # Retokenised at glued marks (the default alignment): every record has its span, at
    # exactly the record's offsets.
    spans = {span._.attribution: span for span in doc.spans["quotes"]}
    assert len(spans) == len(doc.spans["quotes"]) == len(records)
    for record in records:
        span = spans[record]
        assert (span.start_char, span.end_char) == (record.quote.start, record.quote.end)
        assert span.text == record.quote.text and span.label_ == record.kind
