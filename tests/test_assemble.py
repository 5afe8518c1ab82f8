"""Parse on demand's joined parse (:func:`quotes.parse.assembly.assemble`) is the document that
:func:`quotes.backends.join_parses` makes of the parsed pieces and the filler between them:
same tokens, sentences, entities, multi-word tokens and layers, whatever the pieces hold;
it is built without checking its invariants again, so the test checks them."""

from __future__ import annotations

import pytest

import quotes
from quotes.backends import join_parses
from quotes.document import Document
from quotes.parse import ParsedDoc
from quotes.parse.assembly import assemble, filler, runs
from quotes.parse.checks import check
from quotes.parse.model import Entity, Morph, Multiword, checked_by_construction

_TEXT = (
    "Am Morgen regnete es. Der Minister sagte zum Abschluss, er sei zufrieden. Dann kam die "
    "Sonne.\nZweiter Absatz ohne Rede! Noch ein Satz. Die Ministerin meinte, das gehe so "
    "nicht. Zum Schluss: nichts."
)


def _piece(text: str, *, multiword: bool) -> ParsedDoc:
    """A hand-made parse of ``text``: words and marks, the first word the root of all, a
    sentence start at each word after a comma, an entity on the second token; with
    ``multiword``, "zum" as two words "zu" + "dem"."""
    words = filler(text, 0, len(text))
    starts, ends, forms = [], [], []
    multiwords = []
    for token in words:
        if multiword and token.text == "zum":
            multiwords.append(Multiword(len(starts), len(starts) + 2, "zum"))
            starts += [token.start, token.start]
            ends += [token.end, token.end]
            forms += ["zu", "dem"]
        else:
            starts.append(token.start)
            ends.append(token.end)
            forms.append(token.text)
    n = len(starts)
    commas = [k + 1 for k in range(n - 1) if forms[k] == ","]
    sentence_starts = [0, *commas]
    heads = []
    for k in range(n):
        first = max(s for s in sentence_starts if s <= k)
        heads.append(first)
    return ParsedDoc.from_columns(
        text,
        starts=starts,
        ends=ends,
        forms=forms,
        lemmas=[f.lower() for f in forms],
        upos=["VERB" if f.endswith("te") else "NOUN" for f in forms],
        tags=["VVFIN" if f.endswith("te") else "NN" for f in forms],
        morphs=[Morph.parse("Mood=Ind") for _ in forms],
        heads=heads,
        deps=["root" if heads[k] == k else "dep" for k in range(n)],
        deps_raw=["ROOT" if heads[k] == k else "x" for k in range(n)],
        sentence_starts=sentence_starts,
        entities=[Entity(1, 2, "PER", "PER")] if n > 1 else [],
        multiwords=multiwords,
        scheme="ud",
        source="test",
        has_entities=True,
    )


@pytest.mark.parametrize("multiword", [False, True])
@pytest.mark.parametrize(
    "parse", [[1, 5], [0, 1, 5], [5, 6], [0], [1, 2, 3], [6], [0, 1, 2, 3, 4, 5, 6]]
)
def test_assemble_is_join_of_pieces_and_filler(parse: list[int], multiword: bool) -> None:
    doc = Document.build(_TEXT, quotes.Extractor()._splitter)
    assert len(doc.sentences) == 7
    flags = [k in parse for k in range(len(doc.sentences))]
    window, ranges = runs(doc, flags)
    pieces = [_piece(_TEXT[a:b], multiword=multiword) for a, b in ranges]
    joined = assemble(doc, window, ranges, pieces)
    check(joined)  # assemble builds it unchecked: the invariants hold by construction
    # join_parses of the same pieces with filler (its sentences at the Document's) between.
    sentence_starts = [s.start for s in doc.sentences]
    parts: list[tuple[int, ParsedDoc]] = []
    at = window[0]
    for (a, b), piece in zip(ranges, pieces, strict=True):
        if a > at:
            parts.append((at, filler(_TEXT, at, a, sentence_starts)))
        parts.append((a, piece))
        at = b
    if window[1] > at:
        parts.append((at, filler(_TEXT, at, window[1], sentence_starts)))
    expected = join_parses(_TEXT, parts)
    assert joined == expected
    assert joined.tokens == expected.tokens
    assert joined.sentences == expected.sentences
    assert joined.entities == expected.entities
    assert joined.multiwords == expected.multiwords
    assert (joined.scheme, joined.source) == ("ud", "test")
    assert all(type(t) is type(expected.tokens[0]) for t in joined.tokens)


def test_assemble_refuses_a_piece_of_another_text() -> None:
    doc = Document.build(_TEXT, quotes.Extractor()._splitter)
    flags = [k in (1, 5) for k in range(len(doc.sentences))]
    window, ranges = runs(doc, flags)
    pieces = [_piece(_TEXT[a:b], multiword=False) for a, b in ranges]
    a, b = ranges[0]
    pieces[0] = _piece(_TEXT[a + 1 : b + 1], multiword=False)
    with pytest.raises(ValueError, match="another text"):
        assemble(doc, window, ranges, pieces)


def test_a_document_built_outside_the_block_is_checked() -> None:
    good = _piece("Er sagte, es regne.", multiword=False)
    bad_tokens = (good.tokens[1], good.tokens[0], *good.tokens[2:])  # out of order
    with checked_by_construction():
        unchecked = ParsedDoc(good.text, bad_tokens, good.sentences)
    assert unchecked.tokens == bad_tokens
    with pytest.raises(ValueError):
        ParsedDoc(good.text, bad_tokens, good.sentences)
