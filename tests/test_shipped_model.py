"""The compact German pipeline shipped in quotes/models loads offline and annotates."""

from __future__ import annotations

import json

import pytest

from quotes.models import MODEL_NAME, load, load_cached, model_path

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    return load_cached()


def test_model_files_and_licence() -> None:
    path = model_path()
    assert path.name == MODEL_NAME
    for name in ("config.cfg", "meta.json", "LICENSE", "MODEL_CARD.md", "tok2vec", "parser"):
        assert (path / name).exists(), name
    meta = json.loads((path / "meta.json").read_text())
    assert meta["lang"] == "de"
    assert meta["license"] == "CC BY-SA 4.0"
    assert "CC BY-SA 4.0" in (path / "LICENSE").read_text()
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    assert size < 15_000_000


def test_pipeline_components(nlp) -> None:
    assert nlp.lang == "de"
    for name in ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner"):
        assert name in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "MISC"}
    assert "nsubj" in nlp.get_pipe("parser").labels
    assert "ccomp" in nlp.get_pipe("parser").labels


def test_subjunctive_and_parse(nlp) -> None:
    doc = nlp("Er sagte, er sei müde.")
    assert [t.text for t in doc] == ["Er", "sagte", ",", "er", "sei", "müde", "."]
    sei = doc[4]
    assert "Sub" in sei.morph.get("Mood")
    assert doc[1].lemma_ == "sagen"
    assert doc[1].tag_ == "VVFIN"
    assert doc[1].dep_ == "ROOT"
    assert doc[0].head.i == 1 and doc[0].dep_ == "nsubj"
    assert all(t.dep_ for t in doc)
    assert sum(1 for t in doc if t.head.i == t.i) == 1  # one sentence, one root


def test_lemma_modes() -> None:
    model = load("de_quotes_sm", lemmas="model")
    assert model.meta["quotes_lemmas"] == "model"
    assert "quotes_simplemma_lemmas" not in model.pipe_names
    pytest.importorskip("simplemma")
    nlp = load_cached(lemmas="simplemma")
    doc = nlp("Die Ministerin betonte, die Gespräche seien konstruktiv gewesen.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["betonte"] == "betonen"
    assert lemmas["seien"] == "sein"
    assert lemmas["gewesen"] == "sein"
    with pytest.raises(ValueError):
        load(lemmas="nope")  # type: ignore[arg-type]


def test_entities(nlp) -> None:
    doc = nlp("Bundeskanzler Olaf Scholz sagte der Süddeutschen Zeitung in Berlin, er sei bereit.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Olaf Scholz", "PER") in ents
    assert any(label == "LOC" and "Berlin" in text for text, label in ents)


def test_the_shipped_pipeline_is_renewed_and_parses_the_same(monkeypatch) -> None:
    # spaCy's memory zones leave a tombstone per freed lexeme in the vocabulary's hash
    # table, which only grows; the backend loads the shipped pipeline afresh after a
    # bounded number of lexemes, and the parses stay the same.
    import quotes.backends as backends

    texts = [
        "„Wir sind bereit“, sagte Olaf Scholz am Montag in Berlin.",
        "Die Ministerin sagte, die Lage sei ernst. Ein Sprecher widersprach.",
        "Laut Kwabenomir Zelvutak habe die Plurvenung keine Folgen für Drastelbach.",
    ] * 2
    steady = backends.SpacyBackend()
    expected = list(steady.parse_texts(texts))
    renewed = backends.SpacyBackend()
    first = renewed.nlp
    monkeypatch.setattr(backends, "_RENEW_AFTER_LEXEMES", 5)
    monkeypatch.setattr(backends, "_BATCH_TEXTS", 3)
    assert list(renewed.parse_texts(texts)) == expected
    assert renewed.nlp is not first
    assert len(renewed.nlp.vocab) - renewed._loaded_lexemes < 200  # one batch's worth
    # A user's own pipeline is never replaced.
    own = backends.SpacyBackend(first)
    list(own.parse_texts(texts))
    assert own.nlp is first


def test_the_backend_freezes_the_loaded_pipeline_and_a_renewal_frees_the_old_one(
    monkeypatch,
) -> None:
    # The shipped pipeline's objects go to the collector's permanent generation (full
    # collections no longer walk them); loading it afresh releases them first, so the old
    # pipeline's reference cycles are still collected.
    import gc
    import weakref

    import quotes.backends as backends

    try:
        backend = backends.SpacyBackend()
        assert gc.get_freeze_count() > 10_000
        old = weakref.ref(backend.nlp)
        monkeypatch.setattr(backends, "_RENEW_AFTER_LEXEMES", 1)
        list(backend.parse_texts(["Die Plurvenung sei ohne Folgen, sagte Zelvutak."]))
        assert old() is None
        assert gc.get_freeze_count() > 10_000
        # load() without freeze leaves the collector as it is.
        gc.unfreeze()
        load()
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
