"""Backends at the edge: the Extractor with a parse from spaCy, stanza or a caller.

No trained model is needed: parses are written by hand (spaCy Docs and CoNLL-U), which
exercises exactly the code that consumes a real parser's output.
"""

from __future__ import annotations

import pickle

import pytest
import spacy
from test_detectors import MINISTER, MINISTER_ROWS, parse

import quotes
from quotes.backends import SpacyBackend, StanzaBackend


def test_rules_backend_takes_no_parser() -> None:
    with pytest.raises(quotes.BackendError, match="neither nlp nor pipeline"):
        quotes.Extractor("rules", nlp=spacy.blank("de"))


def test_parse_backend_needs_a_parser() -> None:
    with pytest.raises(quotes.BackendError, match="no dependency parser"):
        quotes.Extractor("parse", nlp=spacy.blank("de"))


def test_parse_backend_rejects_what_is_not_a_pipeline() -> None:
    with pytest.raises(quotes.BackendError, match="spaCy Language"):
        quotes.Extractor("parse", nlp="de_core_news_md")


def test_stanza_backend_needs_a_pipeline() -> None:
    with pytest.raises(quotes.BackendError, match=r"stanza\.Pipeline"):
        quotes.Extractor("stanza")


def test_unknown_backend() -> None:
    with pytest.raises(quotes.BackendError, match="choose one of"):
        quotes.Extractor("transformer")


def test_a_given_parse_adds_indirect_speech_to_the_rules_backend() -> None:
    extractor = quotes.Extractor()
    assert extractor.extract(MINISTER) == []  # no parse: direct quotations only
    (found,) = extractor.extract(MINISTER, parsed=parse(MINISTER, MINISTER_ROWS))
    assert found.kind == "indirect"
    assert found.quote.text == "er sei überzeugt, dass die Gespräche scheitern"
    assert found.speaker is not None and found.speaker.mention is not None
    assert found.speaker.mention.text == "Der Minister"
    assert found.cue is not None and found.cue.text == "sagte"
    assert MINISTER[found.quote.start : found.quote.end] == found.quote.text


def test_a_parse_of_another_text_is_refused() -> None:
    parsed = parse(MINISTER, MINISTER_ROWS)
    with pytest.raises(quotes.BackendError, match="another text"):
        quotes.Extractor().extract(MINISTER.replace("Minister", "Kanzler"), parsed=parsed)


class _FakeSpacy:
    """Stands in for a loaded spaCy pipeline with a parser: returns a hand-made Doc."""

    pipe_names = ("tagger", "parser")

    def __call__(self, text: str) -> spacy.tokens.Doc:
        from test_detectors import VOCAB

        assert text == MINISTER
        words = [row.split()[0] for row in MINISTER_ROWS]
        doc = parse(MINISTER, MINISTER_ROWS)
        assert [t.text for t in doc] == words
        # Rebuild the spaCy Doc the ParsedDoc came from, as a user pipeline would give it.
        return spacy.tokens.Doc(
            VOCAB,
            words=words,
            spaces=[MINISTER[t.end : t.end + 1] == " " for t in doc],
            lemmas=[t.lemma for t in doc],
            pos=[t.upos for t in doc],
            tags=[t.tag for t in doc],
            heads=[t.head for t in doc],
            deps=[t.dep_raw if t.head != t.i else "ROOT" for t in doc],
            morphs=[str(t.morph) for t in doc],
        )


def test_parse_backend_with_a_users_spacy_pipeline() -> None:
    extractor = quotes.Extractor("parse", nlp=_FakeSpacy())
    (found,) = extractor.extract(MINISTER)
    assert (found.kind, found.speaker.mention.text if found.speaker else None) == (
        "indirect",
        "Der Minister",
    )


def test_stanza_backend_reads_a_stanza_document() -> None:
    pytest.importorskip("stanza")
    from test_parse_stanza import TEXT, read

    extractor = quotes.Extractor("stanza", pipeline=lambda text: read(text=text))
    found = extractor.extract(TEXT)
    assert [a.kind for a in found] == ["indirect", "indirect"]
    first, second = found
    assert first.quote.text == "sie sei zum Gespräch bereit"
    assert first.speaker is not None and first.speaker.mention is not None
    assert first.speaker.mention.text == "Die Ministerin"
    # "Laut Bundesamt für Statistik wird das Gesetz im Herbst beschlossen."
    assert second.cue is not None and second.cue.text == "Laut"
    assert second.speaker is not None and second.speaker.mention is not None
    assert second.speaker.mention.text.startswith("Bundesamt")
    assert isinstance(extractor._parser, StanzaBackend)


def test_shipped_model_backend_pickles_by_name() -> None:
    # Worker processes load the shipped model themselves rather than unpickling it.
    backend = SpacyBackend.__new__(SpacyBackend)
    backend._shipped, backend.nlp = True, None
    function, args = backend.__reduce__()
    assert function is SpacyBackend and args == (None,)
    assert pickle.loads(pickle.dumps(quotes.Extractor()))._parser is None


def test_joined_parses_of_pieces_are_one_parse_of_the_text() -> None:
    from quotes.backends import join_parses

    text = MINISTER + "\n\n" + MINISTER
    second = len(MINISTER) + 2
    joined = join_parses(
        text, [(0, parse(MINISTER, MINISTER_ROWS)), (second, parse(MINISTER, MINISTER_ROWS))]
    )
    assert len(joined.sentences) == 2
    assert all(text[t.start : t.end] == t.text for t in joined)
    found = quotes.Extractor().extract(text, parsed=joined)
    assert [a.quote.start for a in found] == [
        MINISTER.index("er sei"),
        second + MINISTER.index("er sei"),
    ]
    assert all(a.speaker is not None and a.speaker.name == "Minister" for a in found)


@pytest.mark.parametrize("size", [1, 7, 40, 1000])
def test_chunks_cover_the_text_and_end_at_line_breaks(size: int) -> None:
    from quotes.backends import _chunks

    text = "Erste Zeile.\nZweite Zeile ist länger.\n\nDritte.\n" * 5
    pieces = list(_chunks(text, size))
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(0 < e - s <= size for s, e in pieces)
    if size >= 40:
        assert all(text[e - 1] == "\n" for s, e in pieces[:-1])
