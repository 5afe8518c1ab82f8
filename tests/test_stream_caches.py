"""The caches a stream of new words fills stay small (issue 11 §3: peak RSS after 100k
documents / after 10k <= 1.1, ``benchmarks/memory.py``): each is full, and so at its
plateau, within the first few thousand documents of such a stream."""

from __future__ import annotations

from quotes.pipeline import entity_lexicon
from quotes.pipeline.entity_lexicon import Lexicon
from quotes.rules import load_rules


def test_role_cache_is_bounded_and_keeps_answers() -> None:
    lexicon = Lexicon.from_rules(load_rules("de"))
    assert entity_lexicon._ROLE_CACHE_SIZE <= 8_192
    for n in range(entity_lexicon._ROLE_CACHE_SIZE + 100):
        lexicon.role_of(f"Zulakomin{n}")
    assert len(lexicon._role_cache) <= entity_lexicon._ROLE_CACHE_SIZE
    # A word seen before the cache was cleared gets the same answer.
    assert lexicon.role_of("Ministerin") == ("minister", "f")
    assert lexicon.role_of("Zulakomin0") is None


def test_pipelines_share_one_lemmatizer() -> None:
    # The parse backend reloads the shipped pipeline on long streams; the lemmatizer (and
    # the German dictionary it reads on first use, ~1 CPU s) is not loaded again.
    from quotes.models import LEMMA_CACHE, _shared_lemmatizer

    assert _shared_lemmatizer() is _shared_lemmatizer()
    assert LEMMA_CACHE <= 16_384
