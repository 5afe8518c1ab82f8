"""spaCy -> parse layer, on Docs built by hand (no model needed).

The same two sentences are annotated twice, once with UD labels and once with the TIGER
labels of spaCy's official German pipelines; both must come out as the same UD tree.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quotes.errors import BackendError
from quotes.parse import ParsedDoc, from_spacy

NLP = spacy.blank("de")

SAID = "Der Minister sagte, er sei überzeugt, dass die Gespräche scheitern."
READY = "„Wir sind bereit“, sagte Scholz der dpa."

# word, space after, lemma, UPOS, STTS, morph, UD head, UD label, TIGER head, TIGER label
SAID_ROWS = [
    ("Der", True, "der", "DET", "ART", "Case=Nom|Gender=Masc|Number=Sing", 1, "det", 1, "nk"),
    ("Minister", True, "Minister", "NOUN", "NN", "Case=Nom|Number=Sing", 2, "nsubj", 2, "sb"),
    ("sagte", False, "sagen", "VERB", "VVFIN",
     "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin", 2, "ROOT", 2, "ROOT"),
    (",", True, ",", "PUNCT", "$,", "", 6, "punct", 5, "punct"),
    ("er", True, "er", "PRON", "PPER", "Case=Nom|Number=Sing|Person=3", 6, "nsubj", 5, "sb"),
    ("sei", True, "sein", "AUX", "VAFIN",
     "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", 6, "cop", 2, "oc"),
    ("überzeugt", False, "überzeugt", "ADJ", "ADJD", "Degree=Pos", 2, "ccomp", 5, "pd"),
    (",", True, ",", "PUNCT", "$,", "", 11, "punct", 11, "punct"),
    ("dass", True, "dass", "SCONJ", "KOUS", "", 11, "mark", 11, "cp"),
    ("die", True, "der", "DET", "ART", "Case=Nom|Number=Plur", 10, "det", 10, "nk"),
    ("Gespräche", True, "Gespräch", "NOUN", "NN", "Case=Nom|Number=Plur", 11, "nsubj", 11, "sb"),
    ("scheitern", False, "scheitern", "VERB", "VVFIN",
     "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin", 6, "ccomp", 6, "oc"),
    (".", False, ".", "PUNCT", "$.", "", 2, "punct", 2, "punct"),
]  # fmt: skip

READY_ROWS = [
    ("„", False, "„", "PUNCT", "$(", "", 3, "punct", 2, "punct"),
    ("Wir", True, "wir", "PRON", "PPER", "Case=Nom|Number=Plur|Person=1", 3, "nsubj", 2, "sb"),
    ("sind", True, "sein", "AUX", "VAFIN",
     "Mood=Ind|Number=Plur|Person=1|Tense=Pres|VerbForm=Fin", 3, "cop", 6, "rs"),
    ("bereit", False, "bereit", "ADJ", "ADJD", "Degree=Pos", 6, "ccomp", 2, "pd"),
    ("“", False, "“", "PUNCT", "$(", "", 3, "punct", 2, "punct"),
    (",", True, ",", "PUNCT", "$,", "", 6, "punct", 6, "punct"),
    ("sagte", True, "sagen", "VERB", "VVFIN",
     "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin", 6, "ROOT", 6, "ROOT"),
    ("Scholz", True, "Scholz", "PROPN", "NE", "Case=Nom|Number=Sing", 6, "nsubj", 6, "sb"),
    ("der", True, "der", "DET", "ART", "Case=Dat|Number=Sing", 9, "det", 9, "nk"),
    ("dpa", False, "dpa", "PROPN", "NE", "Case=Dat|Number=Sing", 6, "iobj", 6, "da"),
    (".", False, ".", "PUNCT", "$.", "", 6, "punct", 6, "punct"),
]  # fmt: skip
READY_ENTS = ["O"] * 7 + ["B-PER", "O", "B-ORG", "O"]


def build(
    rows: list[tuple[Any, ...]], scheme: str, ents: list[str] | None = None, **keep: bool
) -> Doc:
    """A Doc from the rows; ``keep`` switches annotation layers off (``parse=False``)."""
    head_col, dep_col = (6, 7) if scheme == "ud" else (8, 9)
    layers: dict[str, Any] = {
        "lemmas": [r[2] for r in rows],
        "pos": [r[3] for r in rows],
        "tags": [r[4] for r in rows],
        "morphs": [r[5] for r in rows],
        "heads": [r[head_col] for r in rows],
        "deps": [r[dep_col] for r in rows],
        "ents": ents,
    }
    if not keep.get("parse", True):
        del layers["heads"], layers["deps"]
    for name in ("lemmas", "pos", "tags", "morphs", "ents"):
        if not keep.get(name, True):
            del layers[name]
    return Doc(NLP.vocab, words=[r[0] for r in rows], spaces=[r[1] for r in rows], **layers)


def tree(doc: ParsedDoc) -> list[tuple[str, int, str]]:
    return [(t.text, t.head, t.dep) for t in doc]


@pytest.mark.parametrize(("rows", "text"), [(SAID_ROWS, SAID), (READY_ROWS, READY)])
def test_ud_and_tiger_parses_give_the_same_tree(rows: list[Any], text: str) -> None:
    ud = from_spacy(build(rows, "ud"), text)
    tiger = from_spacy(build(rows, "tiger"), text)
    assert (ud.scheme, tiger.scheme) == ("ud", "tiger")
    expected = [(r[0], r[6], "root" if r[7] == "ROOT" else r[7]) for r in rows]
    assert tree(ud) == expected
    assert tree(tiger) == expected
    assert [t.dep_raw for t in tiger] == [r[9] for r in rows]  # the parser's own labels
    assert [t.dep_raw for t in ud] == [r[7] for r in rows]


def test_said_sentence_details() -> None:
    doc = from_spacy(build(SAID_ROWS, "tiger"), SAID)
    assert doc.source == "spacy" and doc.text == SAID
    assert all(SAID[t.start : t.end] == t.text for t in doc)
    assert [(t.start, t.end) for t in doc][:4] == [(0, 3), (4, 12), (13, 18), (18, 19)]
    sagte, sei, scheitern = doc[2], doc[5], doc[11]
    assert sagte.is_root and sagte.lemma == "sagen" and sagte.tense == "Past"
    assert sei.is_subjunctive and sei.mood == "Sub" and sei.is_finite_verb
    assert not scheitern.is_subjunctive and scheitern.number == "Plur"
    assert scheitern.verbform == "Fin" and not doc[6].is_finite_verb
    # The indirect-speech pattern the detectors will look for:
    clause = doc.children(sagte.i, "ccomp")[0]
    assert clause.text == "überzeugt"
    assert [t.text for t in doc.children(clause.i, "nsubj", "cop")] == ["er", "sei"]
    assert doc.subtree_span(clause.i).text == ", er sei überzeugt, dass die Gespräche scheitern"
    assert [t.text for t in doc.children(sagte.i, "nsubj")] == ["Minister"]
    assert doc.sentences == ((0, 13),) and doc.has_parse and doc.has_morph


def test_ready_sentence_entities_and_offsets() -> None:
    doc = from_spacy(build(READY_ROWS, "tiger", READY_ENTS), READY)
    assert [(e.label, doc.entity_span(e).text) for e in doc.entities] == [
        ("PER", "Scholz"),
        ("ORG", "dpa"),
    ]
    assert doc.has_entities
    quote_open, bereit = doc[0], doc[3]
    assert (quote_open.start, quote_open.end, quote_open.text) == (0, 1, "„")
    assert doc.token_at(READY.index("dpa")).text == "dpa"
    assert doc.children(6, "nsubj")[0].text == "Scholz"
    assert doc.subtree_span(bereit.i).text == "„Wir sind bereit“"


def test_entity_labels_are_normalised() -> None:
    ents = ["O"] * 7 + ["B-PERSON", "O", "B-GPE", "O"]
    doc = from_spacy(build(READY_ROWS, "ud", ents), READY)
    assert [(e.label, e.label_raw) for e in doc.entities] == [("PER", "PERSON"), ("LOC", "GPE")]


def test_tiger_without_restructuring_relabels_only() -> None:
    doc = from_spacy(build(SAID_ROWS, "tiger"), SAID, restructure=False)
    assert [t.head for t in doc] == [r[8] for r in SAID_ROWS]
    assert doc[1].dep == "nsubj" and doc[0].dep == "det" and doc[6].dep == "xcomp"


def test_a_doc_without_any_annotation() -> None:
    doc = from_spacy(NLP.make_doc(SAID))
    assert len(doc) == 13 and doc.text == SAID
    assert all(t.is_root and t.dep == "" and t.dep_raw == "" for t in doc)
    assert all(t.upos == t.tag == t.lemma == "" and not t.morph for t in doc)
    assert not (doc.has_parse or doc.has_tags or doc.has_morph or doc.has_lemmas)
    assert not doc.has_entities and doc.entities == ()
    assert doc.scheme is None and doc.sentences == ((0, 13),)


def test_sentences_without_a_parser() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    spacy_doc = nlp(f"{SAID} Scholz sagte das. Gut.")
    doc = from_spacy(spacy_doc)
    sentences = [doc.sentence_span(k).text for k in range(len(doc.sentences))]
    assert sentences == [SAID, "Scholz sagte das.", "Gut."]
    assert sentences == [s.text for s in spacy_doc.sents]
    assert [t.sent for t in doc] == [0] * 13 + [1] * 4 + [2] * 2
    assert not doc.has_parse and all(t.is_root for t in doc)


def test_upos_comes_from_the_stts_tag_when_missing() -> None:
    doc = from_spacy(build(SAID_ROWS, "tiger", pos=False, morphs=False, lemmas=False), SAID)
    assert [t.upos for t in doc][:6] == ["DET", "NOUN", "VERB", "PUNCT", "PRON", "AUX"]
    assert not doc.has_morph and not doc.has_lemmas and doc.has_tags
    # Without morphology the tags still tell finite verbs, and the tree still converts.
    assert [t.i for t in doc if t.is_finite_verb] == [2, 5, 11]
    assert tree(doc) == tree(from_spacy(build(SAID_ROWS, "ud"), SAID))


def test_scheme_of_a_short_doc_comes_from_the_vocab_or_the_caller() -> None:
    words, heads, deps = ["Ja", "."], [0, 0], ["ROOT", "punct"]
    vocab = Vocab(strings=["sb", "oa", "nk", "mnr", "svp", "pnc"])
    doc = from_spacy(Doc(vocab, words=words, spaces=[False, False], heads=heads, deps=deps))
    assert doc.scheme == "tiger" and [t.dep for t in doc] == ["root", "punct"]
    ud_vocab = Vocab(strings=["nsubj:pass", "aux:pass", "compound:prt", "case"])
    doc = from_spacy(Doc(ud_vocab, words=words, spaces=[False, False], heads=heads, deps=deps))
    assert doc.scheme == "ud"
    blank = Doc(Vocab(), words=words, spaces=[False, False], heads=heads, deps=deps)
    assert from_spacy(blank).scheme is None
    assert from_spacy(blank, scheme="ud").scheme == "ud"
    # A caller's scheme wins over the labels.
    said = from_spacy(build(SAID_ROWS, "tiger"), SAID, scheme="ud")
    assert said.scheme == "ud" and said[1].dep == "sb"


def test_a_different_text_is_refused() -> None:
    doc = build(READY_ROWS, "ud")
    with pytest.raises(BackendError, match="character 0"):
        from_spacy(doc, READY.replace("„", '"'))
    with pytest.raises(TypeError, match="str"):
        from_spacy(doc, READY.encode())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"spacy\.tokens\.Doc"):
        from_spacy(READY)  # type: ignore[arg-type]


def test_offset_map_carries_offsets_to_the_original() -> None:
    original = "Die Bundes\u00adregierung sagte: „Nein.“"
    normalised = 'Die Bundesregierung sagte: "Nein."'  # soft hyphen gone, quotes ASCII
    cut = original.index("\u00ad")
    offset_map = [*range(cut), *range(cut + 1, len(original) + 1)]
    assert len(offset_map) == len(normalised) + 1
    doc = from_spacy(NLP(normalised), original, offset_map=offset_map)
    assert [t.text for t in doc] == ["Die", "Bundes\u00adregierung", "sagte", ":", "„", "Nein",
                                     ".", "“"]  # fmt: skip
    assert [t.form for t in doc][1:] == ["Bundesregierung", "sagte", ":", '"', "Nein", ".", '"']
    assert all(original[t.start : t.end] == t.text for t in doc)
    with pytest.raises(BackendError, match="entries"):
        from_spacy(NLP(normalised), original, offset_map=offset_map[:-1])


def test_empty_doc() -> None:
    doc = from_spacy(NLP.make_doc(""))
    assert len(doc) == 0 and doc.sentences == () and doc.text == ""


def test_conversion_is_fast_and_linear() -> None:
    # 10,000 tokens: a quadratic step anywhere would take seconds, not milliseconds.
    repeats = 420
    rows = SAID_ROWS + READY_ROWS
    heads: list[int] = []
    for k in range(repeats):
        heads += [k * len(rows) + r[8] for r in SAID_ROWS]
        heads += [k * len(rows) + len(SAID_ROWS) + r[8] for r in READY_ROWS]
    doc = Doc(
        NLP.vocab,
        words=[r[0] for r in rows] * repeats,
        spaces=[r[1] for r in rows] * repeats,
        heads=heads,
        deps=[r[9] for r in rows] * repeats,
        pos=[r[3] for r in rows] * repeats,
        tags=[r[4] for r in rows] * repeats,
        morphs=[r[5] for r in rows] * repeats,
        lemmas=[r[2] for r in rows] * repeats,
    )
    started = time.process_time()
    parsed = from_spacy(doc)
    elapsed = time.process_time() - started
    assert len(parsed) == 10_080 and len(parsed.sentences) == 2 * repeats
    last = parsed.sentence_tokens(len(parsed.sentences) - 1)
    shift = last[0].i
    alone = from_spacy(build(READY_ROWS, "tiger"), READY)
    assert [(t.text, t.head - shift, t.dep) for t in last] == tree(alone)
    assert elapsed < 1.0, f"converting {len(parsed)} tokens took {elapsed:.2f} s"
