"""stanza -> parse layer, on Documents read from hand-written CoNLL-U (no model needed).

tests/data/de_mwt.handwritten.conll holds two sentences with the multi-word tokens "am", "zum" and
"im", offsets as stanza writes them (``start_char=…|end_char=…`` in MISC) and BIOES
entity tags (``ner=…``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

stanza_conll = pytest.importorskip("stanza.utils.conll")

from quotes.errors import BackendError  # noqa: E402
from quotes.parse import Multiword, ParsedDoc, from_stanza  # noqa: E402

CONLLU = Path(__file__).parent / "data" / "de_mwt.handwritten.conll"
TEXT = (
    "Die Ministerin sagte am Montag, sie sei zum Gespräch bereit. "
    "Laut Bundesamt für Statistik wird das Gesetz im Herbst beschlossen."
)


def read(conllu: str | None = None, *, text: str | None = None) -> Any:
    """A stanza Document from CoNLL-U; with ``text``, the Document's text as a pipeline sets it.

    (``conll2doc(reconstruct_text=True)`` does that too, but only in recent stanza versions.)
    """
    source = CONLLU.read_text(encoding="utf-8") if conllu is None else conllu
    doc = stanza_conll.CoNLL.conll2doc(input_str=source)
    if text is not None:
        doc.text = text
    return doc


@pytest.fixture(scope="module")
def parsed() -> ParsedDoc:
    return from_stanza(read(), TEXT)


def test_offsets_hold_for_every_word(parsed: ParsedDoc) -> None:
    assert parsed.source == "stanza" and parsed.scheme == "ud"
    assert len(parsed) == 26  # 23 surface tokens, three of them two words each
    assert all(TEXT[t.start : t.end] == t.text for t in parsed)
    assert parsed.has_parse and parsed.has_tags and parsed.has_morph and parsed.has_lemmas


def test_multiword_tokens_become_words_sharing_the_surface_span(parsed: ParsedDoc) -> None:
    assert parsed.multiwords == (
        Multiword(3, 5, "am"),
        Multiword(9, 11, "zum"),
        Multiword(21, 23, "im"),
    )
    zu, dem = parsed[9], parsed[10]
    assert (zu.form, zu.lemma, zu.upos, zu.dep) == ("zu", "zu", "ADP", "case")
    assert (dem.form, dem.lemma, dem.upos, dem.dep) == ("dem", "der", "DET", "det")
    assert zu.text == dem.text == "zum" and zu.multiword and dem.multiword
    assert (zu.start, zu.end) == (dem.start, dem.end) == (TEXT.index("zum"), TEXT.index("zum") + 3)
    # Both words hang on "Gespräch", which itself is not part of a multi-word token.
    assert zu.head == dem.head == 11 and not parsed[11].multiword
    assert parsed.token_at(TEXT.index("zum") + 2).i == 9  # the first word of the token
    assert parsed.subtree_span(11).text == "zum Gespräch"
    assert parsed.multiword_of(10) == Multiword(9, 11, "zum")


def test_tree_labels_and_morphology(parsed: ParsedDoc) -> None:
    sagte = parsed[2]
    assert sagte.is_root and sagte.dep == "root" and sagte.dep_raw == "root"
    bereit = parsed.children(sagte.i, "ccomp")[0]
    assert bereit.form == "bereit"
    sie, sei = parsed.children(bereit.i, "nsubj", "cop")
    assert (sie.form, sei.form) == ("sie", "sei")
    assert sei.is_subjunctive and sei.is_finite_verb and sei.person == "3"
    assert not sagte.is_subjunctive and sagte.tense == "Past"
    beschlossen = parsed.root_of(1)
    assert beschlossen.form == "beschlossen" and beschlossen.verbform == "Part"
    assert [t.dep for t in parsed.children(beschlossen.i, "nsubj")] == ["nsubj:pass"]
    assert [t.form for t in parsed.children(beschlossen.i, "aux")] == ["wird"]


def test_sentences_and_entities(parsed: ParsedDoc) -> None:
    assert parsed.sentences == ((0, 14), (14, 26))
    assert parsed.sentence_span(1).text == TEXT[TEXT.index("Laut") :]
    assert parsed.has_entities
    assert [(e.label, parsed.entity_span(e).text) for e in parsed.entities] == [
        ("ORG", "Bundesamt für Statistik")
    ]
    assert parsed.entity_at(16) == parsed.entities[0]


def test_documents_with_their_text_are_checked_against_it() -> None:
    doc = read(text=TEXT)
    assert from_stanza(doc, TEXT) == from_stanza(read(), TEXT)
    with pytest.raises(BackendError, match="character 61"):
        from_stanza(doc, TEXT.replace("Laut", "Nach"))


def test_offsets_must_match_the_text() -> None:
    with pytest.raises(BackendError, match="'Die'"):
        from_stanza(read(), "X" + TEXT)


def test_tokens_without_offsets_are_aligned() -> None:
    bare = re.sub(r"start_char=\d+\|end_char=\d+\|?", "", CONLLU.read_text(encoding="utf-8"))
    assert "start_char" not in bare
    spaced = TEXT.replace(". Laut", ".\n\n  Laut")
    doc = from_stanza(read(bare), spaced)
    assert all(spaced[t.start : t.end] == t.text for t in doc)
    assert doc.sentence_span(1).text == TEXT[TEXT.index("Laut") :]
    assert [t.dep for t in doc] == [t.dep for t in from_stanza(read(), TEXT)]
    with pytest.raises(BackendError, match="does not follow"):
        from_stanza(read(bare), TEXT.replace("Ministerin", "Minister"))


def test_offset_map_for_a_text_stanza_saw_changed() -> None:
    doc = read(text=TEXT)  # stanza saw TEXT; the original had a soft hyphen
    cut = TEXT.index("Statistik") + 3
    original = TEXT[:cut] + "\u00ad" + TEXT[cut:]
    offset_map = [*range(cut), *range(cut + 1, len(original) + 1)]
    parsed = from_stanza(doc, original, offset_map=offset_map)
    statistik = parsed[17]
    assert statistik.text == "Sta\u00adtistik" and statistik.form == "Statistik"
    assert all(original[t.start : t.end] == t.text for t in parsed)


def test_a_document_without_parse() -> None:
    lines = []
    for line in CONLLU.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == 10 and "-" not in cells[0]:
            cells[6:8] = ["_", "_"]  # no head, no relation
        lines.append("\t".join(cells))
    doc = from_stanza(read("\n".join(lines) + "\n"), TEXT)
    assert not doc.has_parse and doc.scheme is None
    assert all(t.is_root and t.dep == "" for t in doc)
    assert doc.has_tags and len(doc.sentences) == 2


def test_wrong_arguments() -> None:
    with pytest.raises(TypeError, match="stanza"):
        from_stanza("Die Ministerin", TEXT)
    with pytest.raises(TypeError, match="str"):
        from_stanza(read(), TEXT.encode())  # type: ignore[arg-type]
